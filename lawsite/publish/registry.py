"""The URL registry: every URL the site has ever published, so that none breaks
silently.

`registry/urls.txt` lists them, one per line, relative to the site root with a
leading slash (Chinese as characters; browsers send them percent-encoded). After
each build, every registered URL must still be produced — as a page, a file, or
a redirect (`registry/redirects.yml` maps retired URLs to their new place). When
one is not, the build fails and names it. The comparison pages of parallel
provisions are computed views whose set changes as the corpus grows: they are
not registered (`DERIVED`).

    python -m lawsite.publish.registry add [site]     register the URLs a build produced
    python -m lawsite.publish.registry check [site]   the check the build runs
"""

import re
import sys
from pathlib import Path

from lawsite.core import yamlfile
from lawsite.core.errors import SourceError
from lawsite.project import Project
from lawsite.site import urls  # noqa: F401  (its doctests)

NOT_PUBLISHED = ("assets/", "search/", "404.html", "sitemap.xml", "sitemap.xml.gz")
# Comparison pages are computed views, not texts: which pairs exist changes with the
# corpus (a new ordinance can displace a pair), so they are not promised forever.
DERIVED = re.compile(r"^/(en/)?(compare/|[^/]+/compare/$)")


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
    return {url for url in found if not DERIVED.match(url)}


def registered(registry: Path) -> list[str]:
    if not registry.exists():
        return []
    return [line for line in registry.read_text(encoding="utf-8").split("\n") if line]


def lost(site: Path, registry: Path) -> list[str]:
    """Registered URLs that the built site no longer answers."""
    answered = produced(site)
    return [url for url in registered(registry) if url not in answered]


def check(site: Path, registry: Path) -> None:
    missing = lost(site, registry)
    if missing:
        shown = ", ".join(missing[:10]) + (f" and {len(missing) - 10} more" if len(missing) > 10 else "")
        raise SourceError(str(registry), None, f"{len(missing)} published URL(s) are no longer "
                          f"produced and no redirect covers them: {shown}. Restore them, or add "
                          f"a redirect to {registry.with_name('redirects.yml')}")


def add(site: Path, registry: Path) -> list[str]:
    """Register the URLs of a build that are not registered yet; returns them."""
    known = set(registered(registry))
    new = sorted(produced(site) - known)
    registry.parent.mkdir(parents=True, exist_ok=True)
    registry.write_text("".join(f"{url}\n" for url in sorted(known | set(new))), encoding="utf-8")
    return new


def curated_redirects(pages: dict[str, str], path: Path) -> dict[str, str]:
    """Retired URLs → the docs/ page that replaces them, as the redirects plugin
    wants them (.md paths). `pages` maps each URL of this build to its docs/
    path; every target must be one of them."""
    if not path.exists():
        return {}
    data = yamlfile.load(path) or {}
    if not isinstance(data, dict):
        raise SourceError(str(path), 1, "redirects must be a mapping of old URL to new URL")
    redirects = {}
    for old, new in data.items():
        target = pages.get(str(new).lstrip("/"))
        if target is None:
            raise SourceError(str(path), data.key_line(old),
                              f"redirect target {new} is not a page of the site")
        redirects[source_of(str(old))] = target
    return redirects


def source_of(url: str) -> str:
    """A docs/ path that MkDocs would publish at `url` (for a redirect page).

    >>> source_of("/yantai-digital-economy/article-63/"), source_of("/yantai-digital-economy/63/")
    ('yantai-digital-economy/article-63.md', 'yantai-digital-economy/63.md')
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
        check(site, project.urls_file)
    except SourceError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"all {len(registered(project.urls_file))} registered URLs are produced")
    return 0


if __name__ == "__main__":
    sys.exit(main())
