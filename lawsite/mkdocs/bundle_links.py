"""Links that leave an offline bundle of one jurisdiction (lawsite/publish/bundles.py).

A jurisdiction's bundle is a build of the whole docs/ with the pages it does not
hold given to MkDocs as `exclude_docs`: MkDocs knows every file, so a link to an
excluded page (another jurisdiction's article in a list of parallels, a department
page, the home page's list of every ordinance) is written as the relative URL of a
single build, which names no file of the bundle. Each such link becomes the hosted
site's address of that page (site_url + its pretty URL, the #fragment kept): it
opens online, and it is marked as leaving the bundle — `rel="external"`,
`data-online` (the stylesheet adds a small ↗) and, unless it has one, a title that
shows the address. Material's `<link rel="prev|next">` to such a page gets the
address alone. A link to a file that exists nowhere is left as it is, so that
the link check of the bundle still finds it.

The page is read with Python's HTML parser (no regular expressions over HTML); only
the start tags of the links rewritten are replaced, the rest of the page is kept
byte for byte.

>>> class F:                                        # a file of docs/ this bundle leaves out
...     def __init__(self, src, url):
...         self.src_uri, self.url = src, url
...     def is_documentation_page(self): return self.src_uri.endswith(".md")
>>> files = {f.url: f for f in [F("b/article-1.md", "b/article-1.html"), F("downloads/b.txt", "downloads/b.txt")]}
>>> page = '<p><a href="../b/article-1.html#art_1" class="x">b</a> <a href="article-1.html">a</a></p>'
>>> print(rewrite(page, "a/article-2.html", files, "https://example.org/"))  # doctest: +NORMALIZE_WHITESPACE
<p><a href="https://example.org/b/article-1/#art_1" class="x" rel="external" data-online
      title="https://example.org/b/article-1/">b</a> <a href="article-1.html">a</a></p>
>>> print(rewrite('<a href="../downloads/b.txt" download>b</a>', "a/index.html", files, "https://example.org/"))
<a href="https://example.org/downloads/b.txt" download rel="external" data-online title="https://example.org/downloads/b.txt">b</a>
>>> print(rewrite('<link rel="next" href="../b/article-1.html">', "a/index.html", files, "https://example.org/"))
<link rel="next" href="https://example.org/b/article-1/">
"""

import html
import posixpath
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

from lawsite.site import urls


def excluded_files(files) -> dict:
    """The files of docs/ a build leaves out (`exclude_docs`), by their (offline) URL; not
    the hidden ones (.nav.yml, .fragments/), which every build leaves out and no page
    links: a build that leaves out nothing else (the complete bundle) rewrites nothing."""
    return {file.url: file for file in files if file.inclusion.is_excluded()
            and not any(part.startswith(".") for part in file.src_uri.split("/"))}


def hosted_url(file, site_url: str) -> str:
    """The hosted site's address of a file of docs/: a page's pretty URL, a file's path."""
    path = urls.url(file.src_uri) if file.is_documentation_page() else file.src_uri
    return site_url + path


def rewrite(page: str, page_url: str, outside: dict, site_url: str) -> str:
    """`page` (the HTML of the page at `page_url`) with each link to a file of `outside`
    (excluded_files) pointing to the hosted site instead."""
    finder = _Links()
    finder.feed(page)
    finder.close()
    if not finder.found:
        return page
    starts = [0]                                  # where each line starts (the parser counts "\n")
    for text in page.split("\n"):
        starts.append(starts[-1] + len(text) + 1)
    pieces, done = [], 0
    for (line, column), tag, raw, attrs in finder.found:
        target = _target(attrs.get("href") or "", page_url)
        if target is None or target[0] not in outside:
            continue
        path, fragment = target
        address = hosted_url(outside[path], site_url)
        attrs = dict(attrs, href=address + (f"#{fragment}" if fragment else ""))
        if tag == "a":
            attrs.setdefault("rel", "external")
            attrs.setdefault("data-online", None)
            attrs.setdefault("title", address)
        at = starts[line - 1] + column
        if page[at:at + len(raw)] != raw:            # the parser's position, checked
            raise ValueError(f"{page_url}: cannot find the link {raw!r} at line {line}")
        pieces += [page[done:at], _start_tag(tag, attrs)]
        done = at + len(raw)
    return "".join(pieces) + page[done:]


def _target(href: str, page_url: str) -> tuple[str, str] | None:
    """(the URL of the file, relative to the site's root; the fragment) of a relative link."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
        return None
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page_url), unquote(parts.path)))
    return path, parts.fragment


def _start_tag(tag: str, attrs: dict) -> str:
    written = "".join(f" {name}" if value is None else f' {name}="{html.escape(value)}"'
                      for name, value in attrs.items())
    return f"<{tag}{written}>"


class _Links(HTMLParser):
    """The <a href> and <link href> (Material's rel=prev and next) start tags of a page:
    their position, their tag, their text, their attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[tuple[int, int], str, str, dict]] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("a", "link") and any(name == "href" for name, _ in attrs):
            self.found.append((self.getpos(), tag, self.get_starttag_text() or "", dict(attrs)))

    handle_startendtag = handle_starttag
