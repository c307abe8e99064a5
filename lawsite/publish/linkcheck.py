"""Check that every internal link and every #anchor of a built site resolves.

Every HTML file is read with an HTML parser (libxml2's, through lxml, which
python-docx already needs; no regular expressions over HTML): the ids it offers,
and the addresses it points to (a href, link href, script src, img src, iframe
src, a redirect's meta refresh). Each address within the site
must name a file that exists — a directory stands for its index.html, as a
static host serves it — and each #fragment an id (or name) in that file. A link
that climbs above the site's root (`../../..`) is broken: whatever it reaches is
not the site (and is never looked at).
External addresses (other hosts, mailto:, javascript:) are not followed, and
the site's own canonical address (site_url) is checked as the local file it
names. A link to the offline bundle (`<a data-bundle>`) is not: the bundle is
made from the pages and placed in the hosted site after them, by the publish
step (which checks that it is there).

Speed: libxml2 reads a page about five times faster than Python's HTMLParser; the
site's files are listed once (a set, not a stat per link), and a link is resolved
once per directory it is written in.

    python -m lawsite.publish.linkcheck site [--site-url https://…/]
"""

import argparse
import os
import posixpath
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import SplitResult, unquote, urlsplit

from lxml import etree

LINKING = {"a": "href", "link": "href", "script": "src", "img": "src", "iframe": "src"}


@dataclass
class _Page:
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)


def scan(data: bytes) -> _Page:
    """The ids a page offers and the addresses it points to, in the order written.

    >>> page = scan(b'<A HREF="x/#a&amp;b" id=top>x</A><a name=n data-bundle href=z.zip></a>'
    ...             b'<link rel=canonical href="https://e.org/"><meta http-equiv=Refresh content="0; url=y/">')
    >>> sorted(page.ids), page.links
    (['n', 'top'], ['x/#a&b', 'y/'])
    """
    page = _Page()
    parser = etree.HTMLParser(encoding="utf-8", huge_tree=True, remove_comments=True, remove_pis=True)
    root = etree.fromstring(data, parser) if data.strip() else None
    if root is None:
        return page
    for element in root.iter(etree.Element):
        attrs = element.attrib
        if not attrs:
            continue
        tag = element.tag
        for key in ("id", "name"):
            value = attrs.get(key)
            if value and (key == "id" or tag == "a"):
                page.ids.add(value)
        if tag == "a" and "data-bundle" in attrs:
            continue
        name = LINKING.get(tag)
        target = attrs.get(name) if name else None
        if target and not (tag == "link" and attrs.get("rel") in ("alternate", "canonical")
                           and target.startswith("http")):
            page.links.append(target)
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
            content = attrs.get("content") or ""
            if "url=" in content:
                page.links.append(content.split("url=", 1)[1].strip())
    return page


@dataclass
class Report:
    pages: int = 0
    links: int = 0
    anchors: int = 0
    broken: list[str] = field(default_factory=list)


def listing(site: Path) -> tuple[set[str], set[str]]:
    """The files and the directories of `site`, as paths relative to it (through links)."""
    files: set[str] = set()
    directories = {""}
    for place, names, found in os.walk(site, followlinks=True):
        here = Path(place).relative_to(site).as_posix()
        prefix = "" if here == "." else f"{here}/"
        directories.update(prefix + name for name in names)
        files.update(prefix + name for name in found)
    return files, directories


def check(site: Path, site_url: str = "") -> Report:
    site = Path(site)
    files, directories = listing(site)
    parsed = {source: scan((site / source).read_bytes()) for source in sorted(files) if source.endswith(".html")}
    report = Report(pages=len(parsed))
    own = urlsplit(site_url) if site_url else None
    resolved: dict[tuple[str, str], tuple[str, str] | None] = {}    # (directory, link): its target
    for source, page in parsed.items():
        base = posixpath.dirname(source)
        for link in page.links:
            key = (source if link[:1] in ("", "#", "?") else base, link)     # "#x": this very page
            if key in resolved:
                target = resolved[key]
            else:
                target = resolved[key] = _resolve(directories, source, link, own)
            if target is None:
                continue                                   # external, or not a file address
            path, fragment = target
            report.links += 1
            if _outside(path):
                report.broken.append(f"{source}: {link} → leaves the site's root")
                continue
            if path not in files:
                report.broken.append(f"{source}: {link} → {path} does not exist")
                continue
            if fragment:
                report.anchors += 1
                ids = parsed[path].ids if path in parsed else set()
                if fragment not in ids:
                    report.broken.append(f"{source}: {link} → no id {fragment!r} in {path}")
    return report


def _resolve(directories: set[str], source: str, link: str, own: SplitResult | None) -> tuple[str, str] | None:
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
    if path == "" or path.endswith("/") or path.rstrip("/") in directories:
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
