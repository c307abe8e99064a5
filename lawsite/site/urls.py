"""The site's URL scheme, in one place. Published URLs never change.

Every page is a Markdown file under docs/; MkDocs publishes `x/index.md` at `x/`
and `x/y.md` at `x/y/` (pretty URLs), or at `x/index.html` and `x/y.html` offline.

>>> article_path("yantai-digital-economy", 28)
'yantai-digital-economy/article-28.md'
>>> url(article_path("yantai-digital-economy", 28))
'yantai-digital-economy/article-28/'
>>> url(ordinance_path("jinan-digital-economy")), url("index.md"), url("en/index.md")
('jinan-digital-economy/', '', 'en/')
>>> url(chapter_path("jinan-digital-economy", 4))
'jinan-digital-economy/chapter-4/'
>>> relative("yantai-digital-economy/article-28.md", "departments/big-data.md")
'../departments/big-data.md'
"""

import functools
import posixpath

from lawsite.core.numerals import from_int


def ordinance_path(slug: str) -> str:
    return f"{slug}/index.md"


def chapter_path(slug: str, chapter: int) -> str:
    return f"{slug}/chapter-{chapter}/index.md"     # a section index page in the navigation


def article_path(slug: str, article: int) -> str:
    return f"{slug}/article-{article}.md"


def full_text_path(slug: str) -> str:
    return f"{slug}/full-text.md"


def short_forms(slug: str, article: int) -> list[str]:
    """Paths of the short URLs that redirect to an article: /<slug>/28/ and
    /<slug>/第二十八条/ (which browsers send percent-encoded).

    >>> short_forms("yantai-digital-economy", 28)
    ['yantai-digital-economy/28.md', 'yantai-digital-economy/第二十八条.md']
    """
    return [f"{slug}/{article}.md", f"{slug}/第{from_int(article)}条.md"]


def url(path: str) -> str:
    """The pretty URL, relative to the site root, of the page at docs/`path`."""
    if path == "index.md" or path.endswith("/index.md"):
        return path[: -len("index.md")]
    return path[: -len(".md")] + "/"


@functools.cache        # the same pairs recur across thousands of links
def relative(from_path: str, to_path: str) -> str:
    """A link from one docs/ file to another, as MkDocs wants it (it rewrites
    .md links for pretty URLs and for file:// alike)."""
    return posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")


def pair_path(slug_a: str, article_a: int, slug_b: str, article_b: int) -> str:
    """The comparison page of a pair, the same from either side.

    >>> pair_path("yantai-digital-economy", 55, "jinan-digital-economy", 15)
    'compare/jinan-digital-economy-15--yantai-digital-economy-55.md'
    """
    (s1, n1), (s2, n2) = sorted([(slug_a, article_a), (slug_b, article_b)])
    return f"compare/{s1}-{n1}--{s2}-{n2}.md"


def topic_path(slug: str) -> str:
    return f"{slug}/compare.md"


def overview_path() -> str:
    return "departments/index.md"


def department_path(slug: str) -> str:
    return f"departments/{slug}.md"
