"""Check that every internal link and every #anchor of a built site resolves.

Every HTML file is read with Python's HTML parser (no regular expressions over
HTML): the ids it offers, and the addresses it points to (a href, link href,
script src, img src, a redirect's meta refresh). Each address within the site
must name a file that exists — a directory stands for its index.html, as a
static host serves it — and each #fragment an id (or name) in that file. A link
that climbs above the site's root (`../../..`) is broken: whatever it reaches is
not the site (and is never looked at).
External addresses (other hosts, mailto:, javascript:) are not followed, and
the site's own canonical address (site_url) is checked as the local file it
names. A link to the offline bundle (`<a data-bundle>`) is not: the bundle is
made from the pages and placed in the hosted site after them, by the publish
step (which checks that it is there).

    python -m lawsite.publish.linkcheck site [--site-url https://…/]
"""

import argparse
import posixpath
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINKING = {"a": "href", "link": "href", "script": "src", "img": "src", "iframe": "src"}


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("id", "name"):
            if attrs.get(key) and (key == "id" or tag == "a"):
                self.ids.add(attrs[key])
        target = attrs.get(LINKING.get(tag, ""))
        if tag == "a" and "data-bundle" in attrs:
            return
        if target and not (tag == "link" and attrs.get("rel") in ("alternate", "canonical")
                           and target.startswith("http")):
            self.links.append(target)
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
            content = attrs.get("content") or ""
            if "url=" in content:
                self.links.append(content.split("url=", 1)[1].strip())


@dataclass
class Report:
    pages: int = 0
    links: int = 0
    anchors: int = 0
    broken: list[str] = field(default_factory=list)


def check(site: Path, site_url: str = "") -> Report:
    site = Path(site)
    parsed: dict[str, _Page] = {}
    for path in sorted(site.rglob("*.html")):
        page = _Page()
        page.feed(path.read_text(encoding="utf-8"))
        parsed[path.relative_to(site).as_posix()] = page
    report = Report(pages=len(parsed))
    own = urlsplit(site_url) if site_url else None
    for source, page in parsed.items():
        for link in page.links:
            target = _resolve(site, source, link, own)
            if target is None:
                continue                                   # external, or not a file address
            path, fragment = target
            report.links += 1
            if _outside(path):
                report.broken.append(f"{source}: {link} → leaves the site's root")
                continue
            if not (site / path).is_file():
                report.broken.append(f"{source}: {link} → {path} does not exist")
                continue
            if fragment:
                report.anchors += 1
                ids = parsed[path].ids if path in parsed else set()
                if fragment not in ids:
                    report.broken.append(f"{source}: {link} → no id {fragment!r} in {path}")
    return report


def _resolve(site: Path, source: str, link: str, own) -> tuple[str, str] | None:
    """(file under the site, fragment) that `link` on `source` names, or None."""
    parts = urlsplit(link)
    if parts.scheme in ("mailto", "javascript", "data", "tel"):
        return None
    if parts.scheme or parts.netloc:
        if not own or (parts.scheme, parts.netloc) != (own.scheme, own.netloc):
            return None                                    # another host
        path = posixpath.relpath(unquote(parts.path), own.path or "/")
        path = "" if path == "." else path + ("/" if parts.path.endswith("/") else "")
    elif not parts.path:
        return source, unquote(parts.fragment)             # an anchor on this page
    elif parts.path.startswith("/"):                       # from the site's root (the 404 page)
        root = own.path if own else "/"
        path = posixpath.relpath(unquote(parts.path), root)
        path = "" if path == "." else path + ("/" if parts.path.endswith("/") else "")
    else:
        base = posixpath.dirname(source)
        path = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
        path = "" if path == "." else path + ("/" if parts.path.endswith("/") else "")
    if _outside(path):
        return path, unquote(parts.fragment)
    if path == "" or path.endswith("/") or (site / path).is_dir():
        path = posixpath.join(path, "index.html")
    return path, unquote(parts.fragment)


def _outside(path: str) -> bool:
    """Does a path relative to the site's root climb out of it?

    >>> _outside("../x"), _outside(".."), _outside("a/../b"), _outside("..x/")
    (True, True, False, False)
    """
    return path.split("/")[0] == ".."


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Check the links and anchors of a built site.")
    parser.add_argument("site")
    parser.add_argument("--site-url", default="")
    args = parser.parse_args(argv)
    report = check(Path(args.site), args.site_url)
    for broken in report.broken:
        print(broken, file=sys.stderr)
    print(f"{report.pages} pages, {report.links} links and {report.anchors} anchors checked, "
          f"{len(report.broken)} broken")
    return 1 if report.broken else 0


if __name__ == "__main__":
    sys.exit(main())
