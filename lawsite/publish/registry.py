"""The URL registry: every URL the site has ever published, so that none breaks
silently.

`registry/urls.txt` lists them, one per line, relative to the site root with a
leading slash (Chinese as characters; browsers send them percent-encoded). After
each build, every registered URL must still be produced — as a page, a file, or
a redirect (`registry/redirects.yml` maps retired URLs to their new place). When
one is not, the build fails and names it. A redirect may only come from a URL
that the build no longer produces — never from a page, hand-written or
generated, nor from the short form of an article — and must lead to a page (a
chain of redirects is followed to its page; a loop is an error); after the build
the site's redirect pages are checked again (none stands where the sitemap has a
page, none leads to another redirect or nowhere). The comparison pages of parallel
provisions are computed views whose set changes as the corpus grows: they are
not registered (`is_derived`, from `urls.derived_pattern`).

    python -m lawsite.publish.registry add [site]     register the URLs a build produced
    python -m lawsite.publish.registry check [site]   the check the build runs
"""

import html
import posixpath
import re
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lawsite.core import paths, yamlfile
from lawsite.core.errors import SourceError
from lawsite.project import Project
from lawsite.site import urls
from lawsite.translation import i18n

NOT_PUBLISHED = (*(f"{name}/" for name in urls.THEME),           # assets/, search/, pagefind/
                 "404.html", "sitemap.xml", "sitemap.xml.gz",
                 "en/search/",                                   # the English tree's search index
                 urls.CITATIONS)                                 # the search box's citation table


def produced(site: Path) -> set[str]:
    """Every URL the built site answers: page directories and published files."""
    found = set()
    for path in site.rglob("*"):
        relative = path.relative_to(site).as_posix()
        if path.is_dir() or relative.startswith(NOT_PUBLISHED):
            continue
        if path.name == "index.html":
            found.add("/" + relative[: -len("index.html")])
        elif path.suffix != ".html":
            found.add("/" + relative)
    derived = is_derived()
    return {url for url in found if not derived(url)}


def is_derived():
    """A test of a URL of the site (`/en/compare/…/`): is it a computed view, not a text?
    Comparison pages are: which pairs exist changes with the corpus (a new ordinance can
    displace a pair), so they are not promised forever (`urls.derived_pattern`)."""
    shapes = re.compile(urls.derived_pattern())
    return lambda url: bool(shapes.match(i18n.counterpart(url.removeprefix("/"), i18n.OFFICIAL)))


def registered(registry: Path) -> list[str]:
    if not registry.exists():
        return []
    return [line for line in registry.read_text(encoding="utf-8").split("\n") if line]


def lost(site: Path, registry: Path) -> list[str]:
    """Registered URLs that the built site no longer answers."""
    answered = produced(site)
    return [url for url in registered(registry) if url not in answered]


def check(site: Path, registry: Path, site_url: str = "") -> None:
    """Every registered URL is produced, and every redirect of the site leads to a
    page: none replaced a page, none leads to another redirect or in a loop."""
    missing = lost(site, registry)
    if missing:
        raise SourceError(str(registry), None, f"{len(missing)} published URL(s) are no longer "
                          f"produced and no redirect covers them: {_some(missing)}. Restore them, "
                          f"or add a redirect to {registry.with_name('redirects.yml')}")
    wrong = redirect_problems(site, site_url)
    if wrong:
        raise SourceError(str(registry.with_name("redirects.yml")), None, f"{len(wrong)} redirect(s) of the built site are "
                          f"wrong: {_some(wrong)}")


def _some(items: list[str]) -> str:
    return ", ".join(items[:10]) + (f" and {len(items) - 10} more" if len(items) > 10 else "")


REDIRECT_PAGE = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]*)">')
# the plugin's own page, and the site's (lawsite/mkdocs/hooks.py REDIRECT_PAGE)
REDIRECT_TITLES = ("<title>Redirecting...</title>", "<title>正在转到本页的正式网址</title>")


def redirect_target(page: Path) -> str | None:
    """The address a redirect page (as the redirects plugin writes them) leads to,
    or None for any other page. Only the start of the page is read."""
    with open(page, "rb") as file:
        start = file.read(600).decode("utf-8", "replace")
    found = REDIRECT_PAGE.search(start) if any(title in start for title in REDIRECT_TITLES) else None
    return found.group(1) if found else None


def redirect_problems(site: Path, site_url: str = "") -> list[str]:
    """Redirects of a built hosted site that lead nowhere, to another redirect (a
    chain, or a loop), or stand where the sitemap says a page is."""
    site = Path(site)
    redirects = {}
    for page in site.rglob("index.html"):
        target = redirect_target(page)
        if target is not None:
            redirects["/" + page.parent.relative_to(site).as_posix() + "/"] = target
    problems = []
    for url in _sitemap_urls(site, site_url):
        if url in redirects:
            problems.append(f"{url} is in the sitemap, a page, but redirects to {redirects[url]}")
    for url, target in sorted(redirects.items()):
        path = posixpath.normpath(posixpath.join(url, target.split("#")[0]))
        resolved = path.rstrip("/") + "/" if path != "/" else "/"
        if resolved in redirects:
            problems.append(f"{url} redirects to {resolved}, which redirects again")
        elif not (site / resolved.lstrip("/") / "index.html").is_file():
            problems.append(f"{url} redirects to {resolved}, which is not a page")
    return problems


def _sitemap_urls(site: Path, site_url: str = "") -> list[str]:
    """The paths of the pages that sitemap.xml lists (relative to the site root,
    `site_url`: mkdocs.yml's; the root of the host when not given)."""
    sitemap = site / "sitemap.xml"
    if not sitemap.exists():
        return []
    base = urlsplit(site_url).path if site_url else "/"
    return ["/" + unquote(urlsplit(html.unescape(loc)).path).removeprefix(base)
            for loc in re.findall(r"<loc>([^<]*)</loc>", sitemap.read_text(encoding="utf-8"))]


def add(site: Path, registry: Path) -> list[str]:
    """Register the URLs of a build that are not registered yet; returns them."""
    known = set(registered(registry))
    new = sorted(produced(site) - known)
    registry.parent.mkdir(parents=True, exist_ok=True)
    registry.write_text("".join(f"{url}\n" for url in sorted(known | set(new))), encoding="utf-8")
    return new


def curated_redirects(pages: dict[str, str], path: Path,
                      taken: frozenset[str] | set[str] = frozenset()) -> dict[str, str]:
    """Retired URLs → the docs/ page that replaces them, as the redirects plugin
    wants them (.md paths). `pages` maps each URL of this build to its docs/
    path; `taken` are the other URLs it produces (the short forms of articles,
    the files). A retired URL must be a path of the site (from / to /, nothing
    that leaves it) that the build no longer produces: a redirect never replaces
    a page. Its target is a page, or another retired URL, followed to its page;
    a loop is an error."""
    if not path.exists():
        return {}
    data = yamlfile.load(path) or yamlfile.Mapping()
    if not isinstance(data, yamlfile.Mapping):
        raise SourceError(str(path), 1, "redirects must be a mapping of old URL to new URL")
    retired = {}
    for old, new in data.items():
        line = data.key_line(old)
        old_url = _site_url(old, "redirect", path, line)
        new_url = _site_url(new, "redirect target", path, line)
        if old_url in pages or old_url in taken or old_url.startswith(NOT_PUBLISHED):
            raise SourceError(str(path), line, f"redirect {old} would replace what the site "
                              "publishes at that URL: a redirect may only come from a URL that "
                              "the build no longer produces")
        retired[old_url] = (new_url, line)
    redirects = {}
    for old_url, (new_url, line) in retired.items():
        chain, first_line = [old_url], line
        while new_url in retired:                    # a chain: follow it to its page
            if new_url in chain:
                raise SourceError(str(path), first_line, "redirects loop: " + " → ".join(
                    f"/{url}" for url in chain + [new_url]))
            chain.append(new_url)
            new_url, line = retired[new_url]
        target = pages.get(new_url)
        if target is None:
            raise SourceError(str(path), line, f"redirect target /{new_url} is not a page of the site")
        redirects[source_of("/" + old_url)] = target
    return redirects


def _site_url(value, what: str, path: Path, line: int) -> str:
    """A URL path of the site from registry/redirects.yml ('/a/b/'), relative to the
    site root ('a/b/'); anything else (a path that leaves the site, a file, a
    query) is an error naming the line."""
    problem = None
    if not isinstance(value, str) or not value.startswith("/") or not value.endswith("/"):
        problem = "must be a path of the site from / to /, e.g. /yantai-digital-economy/article-63/"
    elif value != "/":
        problem = paths.problem(value[1:-1]) or \
            ("has a character that a site path cannot hold (% ? # \" < > or a space)"
             if re.search(r'[%?#"<>\s]', value) else None)
    if problem:
        shown = repr(value) if not isinstance(value, str) else value[:100]
        raise SourceError(str(path), line, f"{what} {shown} {problem}")
    return value[1:]


def source_of(url: str) -> str:
    """A docs/ path that MkDocs would publish at `url` (for a redirect page).

    >>> source_of("/yantai-digital-economy/article-63/"), source_of("/yantai-digital-economy/63/")
    ('yantai-digital-economy/article-63.md', 'yantai-digital-economy/63.md')
    >>> from lawsite.site import urls
    >>> urls.url(source_of("/a/b/"))
    'a/b/'
    """
    return url.strip("/") + ".md"


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] not in ("add", "check"):
        print(__doc__, file=sys.stderr)
        return 2
    project = Project.of()
    site = Path(argv[1]) if len(argv) > 1 else project.site
    if argv[0] == "add":
        new = add(site, project.urls_file)
        print(f"{len(new)} URL(s) added to {project.urls_file}")
        return 0
    try:
        check(site, project.urls_file, project.site_url())
    except SourceError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"all {len(registered(project.urls_file))} registered URLs are produced")
    return 0


if __name__ == "__main__":
    sys.exit(main())
