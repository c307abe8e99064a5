"""The sidebar's items rendered once and reused: Material renders the whole navigation
for every page (its nav-item macro was a third of a shard's build), though most of it
is the same on every page of a directory — the way up, the other chapters, the other
articles of the chapter.

Material's macro renders an item from the item alone, the build's settings (the
features, `extra.status`) and, through the `url` filter, the page's URL: every link
is made relative to the page. So an item that does not hold the page (it is not
`active`) renders the same on two pages whenever each of its links is the same
relative URL from both. A relative URL (`mkdocs.utils.get_relative_url`) depends on
the page's URL `D/x/` only through the parts the two URLs share: for any link that
does not lead to `D/x/` or below it, the URL from `D/x/` is the one from any `D/y/`
whose link does not lead below `D/y/` either (they share `D` and no more); and two
pages whose URLs are the same to get_relative_url (`a/b.html` and `a/c.html` are both
`a`, a file's name dropped) get the same relative URL for every link. So an item is kept
under (the item, its place `path` and `level`, the page's directory `D`) when none of
its links leads to the page or below it, else under the page's URL as get_relative_url
takes it (the pages of one folder of the offline bundle); an item holding the page is
rendered as before. The output is byte for byte Material's (tests/mkdocs/test_sidebar.py
builds the site both ways).

The item is known by its `id`: the kept entry holds the item too, so that no other
object can take its `id` while the build runs (the navigation's own items live as long
as it does; the views of one page, lawsite/mkdocs/navview.py, make some of their own).
One `Sidebar` serves one build (the hook makes it in on_env).

>>> from mkdocs.structure.nav import Link, Section
>>> class Page:                       # what the macro and this module read of a page
...     def __init__(self, url): self.url = url
>>> chapter = Section("第二章", [Link("第五条", "a/article-5/"), Link("第六条", "a/article-6/")])
>>> sidebar, calls = Sidebar(), []
>>> def render(item, path, level, parent=None):
...     calls.append(path)
...     return f"rendered {item.title} at {path}"
>>> sidebar.item(render, chapter, "__nav_1_2", 2, page=Page("a/article-1/"))
'rendered 第二章 at __nav_1_2'
>>> _ = sidebar.item(render, chapter, "__nav_1_2", 2, page=Page("a/article-2/"))  # the same directory
>>> _ = sidebar.item(render, chapter, "__nav_1_2", 2, page=Page("a/article-5/"))  # a link of it is the page
>>> _ = sidebar.item(render, chapter, "__nav_1_2", 2, page=Page("b/article-1/"))  # another directory
>>> len(calls)
3
"""

import bisect
import posixpath
from urllib.parse import urlsplit


def parts(url: str) -> tuple[str, ...]:
    """A URL's parts as mkdocs.utils.get_relative_url compares them (normalized, the
    leading slash ignored).

    >>> parts("a/b/../c/"), parts(""), parts("/a")
    (('a', 'c'), (), ('a',))
    """
    path = posixpath.normpath(url if url.startswith("/") else "/" + url)[1:]
    return tuple(path.split("/")) if path else ()


def page_parts(url: str) -> tuple[str, ...]:
    """The page's URL as get_relative_url takes it: its last part dropped when it has a
    dot (a file: `a/b.html` is `a`).

    >>> page_parts("a/article-1/"), page_parts("a/article-1.html"), page_parts("index.html")
    (('a', 'article-1'), ('a',), ())
    """
    directory, _, name = url.rpartition("/")
    return parts(directory if "." in name else url)


def _key(path: tuple[str, ...]) -> str:
    """Parts as one string that sorts each path's descendants right after it."""
    return "".join(part + "\0" for part in path)


class Sidebar:
    def __init__(self):
        self.rendered: dict[tuple, tuple[object, str]] = {}
        self.links: dict[int, tuple[object, list[str] | None]] = {}

    def item(self, render, nav_item, path, level, *parent, page=None):
        """What `render(nav_item, path, level, *parent)` (Material's macro, in `page`'s
        context) gives, rendered once for every page it is the same for."""
        if page is None or getattr(nav_item, "active", False):
            return render(nav_item, path, level, *parent)
        where = page_parts(page.url)
        links = self._links(nav_item)
        if links is None:
            return render(nav_item, path, level, *parent)
        if where and not self._leads_below(links, where):
            key = (id(nav_item), path, level, where[:-1], "in")      # any page of that directory
        else:
            key = (id(nav_item), path, level, where, "at")           # a page at that URL
        found = self.rendered.get(key)
        if found is None:
            found = self.rendered[key] = (nav_item, render(nav_item, path, level, *parent))
        return found[1]

    def _links(self, nav_item) -> list[str] | None:
        """The parts of every relative link of the item and below it, as sorted keys;
        None when one of them is not a plain path (the item is then always rendered)."""
        known = self.links.get(id(nav_item))
        if known is None:
            known = self.links[id(nav_item)] = (nav_item, _relative_links(nav_item))
        return known[1]

    @staticmethod
    def _leads_below(links: list[str], where: tuple[str, ...]) -> bool:
        """Does one of the links lead to the page's URL or below it?"""
        prefix = _key(where)
        at = bisect.bisect_left(links, prefix)
        return at < len(links) and links[at].startswith(prefix)


def _relative_links(nav_item) -> list[str] | None:
    found = []
    for url in _urls(nav_item):
        if "\\" in url:                             # MkDocs rewrites it, with a warning
            return None
        split = urlsplit(url)
        if split.scheme or split.netloc or url.startswith(("/", "#")):
            continue                                # the same from every page
        found.append(_key(parts(url)))
    return sorted(found)


def _urls(nav_item):
    """The URL of the item and of each item below it."""
    url = getattr(nav_item, "url", None)
    if isinstance(url, str):
        yield url
    for child in getattr(nav_item, "children", None) or ():
        yield from _urls(child)
