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

Incremental: with a `cache` (a JSON file; the publish keeps it beside the shards'
site, .site.links.json: `cache_of`), what each HTML file offers and links to is kept
under the SHA-256 of its bytes, with its device, inode, size and modification time.
A file the assembly hard-linked again from an unchanged shard's output is not read;
a file that was written again with the same bytes (a rebuilt shard's other pages) is
read and hashed, not parsed; only a changed file is parsed. The resolution of every
link against the files and ids of the site as it is now is done again each time
(set lookups), so the report is the cold check's, to the order of its lines: a
broken link in a changed file, and a link in an unchanged file to an anchor that a
changed file no longer has, are both found.

    python -m lawsite.publish.linkcheck site [--site-url https://…/] [--cache FILE]
"""

import argparse
import bisect
import hashlib
import json
import os
import posixpath
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO
from urllib.parse import SplitResult, unquote, urlsplit

from lxml import etree

LINKING = {"a": "href", "link": "href", "script": "src", "img": "src", "iframe": "src"}


@dataclass(slots=True)
class _Page:
    # a page's scan; as kept for the check (Scans._shared), its ids sorted in a tuple (a
    # set of a few strings is five times its size) and its links in a tuple
    ids: Sequence[str] = ()
    links: Sequence[str] = ()
    targets: str | None = None        # from the cache: where its links lead (Scans.targets)


def _has(ids: Sequence[str], wanted: str) -> bool:
    """Is `wanted` among the sorted `ids`?

    >>> _has(("a", "c"), "c"), _has(("a", "c"), "b"), _has((), "a")
    (True, False, False)
    """
    at = bisect.bisect_left(ids, wanted)
    return at < len(ids) and ids[at] == wanted


def scan(data: bytes) -> _Page:
    """The ids a page offers and the addresses it points to, in the order written.

    >>> page = scan(b'<A HREF="x/#a&amp;b" id=top>x</A><a name=n data-bundle href=z.zip></a>'
    ...             b'<link rel=canonical href="https://e.org/"><meta http-equiv=Refresh content="0; url=y/">')
    >>> sorted(page.ids), page.links
    (['n', 'top'], ['x/#a&b', 'y/'])
    """
    ids: set[str] = set()
    links: list[str] = []
    parser = etree.HTMLParser(encoding="utf-8", huge_tree=True, remove_comments=True, remove_pis=True)
    root = etree.fromstring(data, parser) if data.strip() else None
    if root is None:
        return _Page((), links)
    for element in root.iter(etree.Element):
        attrs = element.attrib
        if not attrs:
            continue
        tag = element.tag
        for key in ("id", "name"):
            value = attrs.get(key)
            if value and (key == "id" or tag == "a"):
                ids.add(value)
        if tag == "a" and "data-bundle" in attrs:
            continue
        name = LINKING.get(tag)
        target = attrs.get(name) if name else None
        if target and not (tag == "link" and attrs.get("rel") in ("alternate", "canonical")
                           and target.startswith("http")):
            links.append(target)
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
            content = attrs.get("content") or ""
            if "url=" in content:
                links.append(content.split("url=", 1)[1].strip())
    return _Page(tuple(sorted(ids)), links)


@dataclass
class Report:
    pages: int = 0
    links: int = 0
    anchors: int = 0
    broken: list[str] = field(default_factory=list)
    parsed: int = 0                 # pages parsed (the others' scans were in the cache)


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


CACHE_VERSION = 3          # of the cache's layout, and of what `scan` extracts


def cache_of(site: Path) -> Path:
    """Where the publish keeps the scans of the site's files: .site.links.json beside it."""
    site = Path(site).absolute()
    return site.parent / f".{site.name}.links.json"


Target = tuple[str, str] | None      # (file under the site, fragment) a link names; None: not followed


class Scans:
    """The scans of a site's HTML files, kept in a JSON file between checks: each
    distinct string (an id, a link, a path) once, in `strings`, and for each file
    [device:inode:size:mtime, SHA-256, its ids, its links, where its links lead], the
    last three as the positions of their strings in `strings`, separated by spaces (a
    target as `path:fragment`, `-` for a link not followed). Where a link leads
    depends on the page, the site's address and its directories (`context`, a digest
    of both): with the same context, an unchanged page's targets are the cache's, and
    only the lookups of files and ids are made again. A site's pages share most of
    their links (the sidebar's) and ids: on the hub and one part of 北京, 2.1 million
    links are 177,000 strings, 354,000 ids 5,086; each is held once (`_shared`). With
    the same context the strings are only added to, so that an unchanged page's entry
    is written again as it was read (encoding the entries again was 40 % of a check
    with nothing changed); a new context starts them afresh.

    Memory (the whole corpus' site): an entry read is dropped once its file is scanned,
    and each file's entry is written out as soon as its links are resolved (`record`),
    into the next cache, which `save` completes with the strings and moves into place;
    the file is ASCII (escaped), so that the text read back takes a byte a character.
    `parsed` counts the files that were parsed, `hashed` those read and hashed."""

    def __init__(self, path: Path | None, context: str = ""):
        self.path = Path(path) if path is not None else None
        self.old: dict = {}
        self.strings: list[str] = []
        self.same_context = False
        if self.path is not None and self.path.is_file():
            try:
                kept = json.loads(self.path.read_text(encoding="utf-8"))
                if kept.get("version") == CACHE_VERSION and isinstance(kept.get("files"), dict) \
                        and isinstance(kept.get("strings"), list):
                    self.old, self.strings = kept["files"], kept["strings"]
                    self.same_context = kept.get("context") == context
                del kept
            except (ValueError, AttributeError, KeyError):
                self.old, self.strings = {}, []             # unreadable: a cold check
        self.context = context
        self.shared: dict[str, str] = {text: text for text in self.strings}
        # the strings of the cache written next: the same context's, and those added to them
        self.position: dict[str, int] = {text: at for at, text in enumerate(self.strings)} \
            if self.same_context else {}
        self.new: dict[str, list] = {}
        self.parsed = self.hashed = 0
        self.writing: Path | None = None               # the next cache, as it is written
        self.out: TextIO | None = None
        self.entries = 0

    def of(self, site: Path, relative: str) -> _Page:
        path = site / relative
        if self.path is None:                              # no cache: a cold check
            self.parsed += 1
            return self._shared(scan(path.read_bytes()))
        status = path.stat()
        key = f"{status.st_dev}:{status.st_ino}:{status.st_size}:{status.st_mtime_ns}"
        kept = self.old.pop(relative, None)
        digest = kept[1] if isinstance(kept, list) and len(kept) > 1 and kept[0] == key else None
        if digest is None:
            data = path.read_bytes()
            self.hashed += 1
            digest = hashlib.sha256(data).hexdigest()
        page = None
        self.new[relative] = [key, digest]
        if isinstance(kept, list) and len(kept) > 1 and kept[1] == digest:
            try:
                page = _Page(tuple(sorted({self.strings[int(i)] for i in kept[2].split()})),
                             tuple(self.strings[int(i)] for i in kept[3].split()),
                             kept[4] if self.same_context and isinstance(kept[4], str) else None)
                if page.targets is not None:
                    self.new[relative] += kept[2:5]         # written again as it is (the same strings)
            except (ValueError, IndexError, AttributeError):
                page = None
                data = path.read_bytes()                    # a damaged entry: parsed again
        if page is None:
            page = self._shared(scan(data))
            self.parsed += 1
        return page

    def targets(self, relative: str, page: _Page) -> list[Target] | None:
        """Where the links of `page` lead, as the cache says (None: to be resolved)."""
        if page.targets is None:
            return None
        found = self._decoded(page)
        if found is None:
            del self.new[relative][2:]                      # a damaged entry: written anew
        return found

    def _decoded(self, page: _Page) -> list[Target] | None:
        assert page.targets is not None
        try:
            found: list[Target] = []
            for token in page.targets.split():
                if token == "-":
                    found.append(None)
                else:
                    path, fragment = token.split(":")
                    found.append((self.strings[int(path)], self.strings[int(fragment)]))
        except (ValueError, IndexError):
            return None
        return found if len(found) == len(page.links) else None

    def record(self, relative: str, page: _Page, targets: list[Target]) -> None:
        """What the next check keeps of `relative` (once its links are resolved), written
        out at once."""
        if self.path is None:
            return
        entry = self.new.pop(relative)
        if len(entry) == 2:                                 # (else kept as it was read)
            position = self.position

            def at(text: str) -> str:
                return str(position.setdefault(text, len(position)))

            entry += [" ".join(at(i) for i in page.ids), " ".join(at(link) for link in page.links),
                      " ".join("-" if t is None else f"{at(t[0])}:{at(t[1])}" for t in targets)]
        self._output().write(f'{"," if self.entries else ""}{json.dumps(relative)}:'
                             f'{json.dumps(entry, separators=(",", ":"))}')
        self.entries += 1

    def _output(self) -> TextIO:
        """The next cache, opened when the first entry comes."""
        assert self.path is not None
        if self.out is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.writing = self.path.with_name(f"{self.path.name}.{os.getpid()}")
            self.out = open(self.writing, "w", encoding="ascii", newline="")
            self.out.write(f'{{"version":{CACHE_VERSION},"context":{json.dumps(self.context)},"files":{{')
        return self.out

    def _shared(self, page: _Page) -> _Page:
        shared = self.shared
        return _Page(tuple(shared.setdefault(i, i) for i in page.ids),             # (sorted by scan)
                     tuple(shared.setdefault(link, link) for link in page.links))

    def save(self) -> None:
        """The entries written, then the strings; moved into place."""
        if self.path is None:
            return
        out = self._output()
        strings = list(self.position)
        out.write('},"strings":[')
        for start in range(0, len(strings), 10_000):
            out.write(("," if start else "") + ",".join(map(json.dumps, strings[start:start + 10_000])))
        out.write("]}")
        out.close()
        self.out = None
        assert self.writing is not None
        os.replace(self.writing, self.path)
        self.writing = None

    def discard(self) -> None:
        """A check that failed: the next cache half written is removed."""
        if self.out is not None:
            self.out.close()
            self.out = None
        if self.writing is not None:
            self.writing.unlink(missing_ok=True)
            self.writing = None


def check(site: Path, site_url: str = "", cache: Path | None = None) -> Report:
    """Every internal link and anchor of `site`; with `cache`, the scans of files not
    changed since the check that wrote it, and where their links lead, are taken from
    it (and it is written again)."""
    site = Path(site)
    files, directories = listing(site)
    context = hashlib.sha256(json.dumps([site_url, sorted(directories)], ensure_ascii=False).encode()).hexdigest()
    scans = Scans(cache, context if cache is not None else "")
    try:
        report = _check(site, site_url, files, directories, scans)
        scans.save()
    except BaseException:
        scans.discard()
        raise
    return report


def _check(site: Path, site_url: str, files: set[str], directories: set[str], scans: Scans) -> Report:
    parsed = {source: scans.of(site, source) for source in sorted(files) if source.endswith(".html")}
    scans.old = {}                                      # (what is left: files gone since)
    report = Report(pages=len(parsed), parsed=scans.parsed)
    own = urlsplit(site_url) if site_url else None
    resolved: dict[tuple[str, str], Target] = {}    # (directory, link): its target
    directory = None
    for source, page in parsed.items():
        base = posixpath.dirname(source)
        if base != directory:     # the pages in order: mostly those of one directory together
            resolved.clear()      # (kept for all, it held as many entries as there are links)
            directory = base
        targets = scans.targets(source, page)
        if targets is None:
            targets = []
            for link in page.links:
                key = (source if link[:1] in ("", "#", "?") else base, link)     # "#x": this very page
                if key not in resolved:
                    resolved[key] = _resolve(directories, source, link, own)
                targets.append(resolved[key])
        for link, target in zip(page.links, targets, strict=True):
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
                if not (path in parsed and _has(parsed[path].ids, fragment)):
                    report.broken.append(f"{source}: {link} → no id {fragment!r} in {path}")
        scans.record(source, page, targets)
        page.links, page.targets = (), None               # (its ids stay: other pages link to them)
    return report


def _resolve(directories: set[str], source: str, link: str, own: SplitResult | None) -> Target:
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
    parser.add_argument("--cache", help="keep each file's links and ids here, for the next check")
    args = parser.parse_args(argv)
    report = check(Path(args.site), args.site_url, Path(args.cache) if args.cache else None)
    for broken in report.broken:
        print(broken, file=sys.stderr)
    print(f"{report.pages} pages ({report.parsed} parsed), {report.links} links and {report.anchors} anchors "
          f"checked, {len(report.broken)} broken")
    return 1 if report.broken else 0


if __name__ == "__main__":
    sys.exit(main())
