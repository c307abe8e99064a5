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

An inserted article, 第二十条之一, is at `article-20-1/` (its eId is `art_20-1`):

>>> from lawsite.model.document import ArticleNumber
>>> url(article_path("yantai-digital-economy", ArticleNumber(20, 1)))
'yantai-digital-economy/article-20-1/'
"""

import functools
import posixpath
import re

from lawsite.model.document import ArticleNumber

# The site's own names at its root, beside the ordinances' slugs. A slug that took
# one would replace its pages (`departments`, the department index) or fall out of
# the URL registry (assets/, search/ and pagefind/ are never registered).
DEPARTMENTS = "departments"             # the department index, departments/<slug>/
COMPARE = "compare"                     # the comparison pages of parallel provisions
DATA = "data"                           # the dataset, data/corpus.json (and data.md)
DOWNLOADS = "downloads"                 # the download page and the files it lists
HOME = "index"                          # index.md: the home page of a tree, a directory's page
THEME = ("assets", "search", "pagefind")    # Material's assets and search index; Pagefind's index
CITATIONS = f"{DATA}/citations"         # the search box's citation table (lawsite/site/citations.py)


def reserved(languages=(), hand_written=()) -> list[str]:
    """The names an ordinance slug may not take: the site's sections, the prefixes
    of the other language trees, and the top-level names of the hand-written pages
    (docs/ paths).

    >>> reserved(["en"], ["about.md", "en/about.md", "index.md"])
    ['about', 'assets', 'compare', 'data', 'departments', 'downloads', 'en', 'index', 'pagefind', 'search']
    """
    names = {DEPARTMENTS, COMPARE, DATA, DOWNLOADS, HOME, *THEME, *languages}
    names |= {path.split("/")[0].removesuffix(".md") for path in hand_written}
    return sorted(names)


def ordinance_path(slug: str) -> str:
    return f"{slug}/index.md"


def chapter_path(slug: str, chapter: int) -> str:
    return f"{slug}/chapter-{chapter}/index.md"     # a section index page in the navigation


# An article's number in a path; a str is a shape's placeholder ("{article}", see pattern())
Number = ArticleNumber | int | str


def article_path(slug: str, article: Number) -> str:
    return f"{slug}/article-{article}.md"


def full_text_path(slug: str) -> str:
    return f"{slug}/full-text.md"


def changes_path(slug: str) -> str:
    """What changed in a version from the one before (lawsite/site/version_pages.py)."""
    return f"{slug}/changes.md"


def version_root(work: str, version_date: str) -> str:
    """Where every version of a work also lives, by its date: `<work>/<date>/` (an
    earlier version's own pages; the current version's redirect to the work's).

    >>> url(ordinance_path(version_root("beijing-shenji-tiaoli", "2017-09-22")))
    'beijing-shenji-tiaoli/2017-09-22/'
    """
    return f"{work}/{version_date}"


def short_forms(slug: str, article: ArticleNumber | int) -> list[str]:
    """Paths of the short URLs that redirect to an article: /<slug>/28/,
    /<slug>/第二十八条/ and /<slug>/第28条/ (which browsers send percent-encoded);
    /<slug>/20-1/, /<slug>/第二十条之一/ and /<slug>/第20条之一/ for an inserted article.

    >>> short_forms("yantai-digital-economy", 28)
    ['yantai-digital-economy/28.md', 'yantai-digital-economy/第二十八条.md', 'yantai-digital-economy/第28条.md']
    >>> short_forms("yantai-digital-economy", ArticleNumber(20, 1))[1:]
    ['yantai-digital-economy/第二十条之一.md', 'yantai-digital-economy/第20条之一.md']
    """
    number = ArticleNumber.of(article)
    arabic = f"第{number.base}条" + number.zh[len(ArticleNumber(number.base).zh):]
    return [f"{slug}/{article}.md", f"{slug}/{number.zh}.md", f"{slug}/{arabic}.md"]


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


def pair_path(slug_a: str, article_a: Number, slug_b: str, article_b: Number) -> str:
    """The comparison page of a pair, the same from either side.

    >>> pair_path("yantai-digital-economy", 55, "jinan-digital-economy", 15)
    'compare/jinan-digital-economy-15--yantai-digital-economy-55.md'
    """
    (s1, n1), (s2, n2) = sorted([(slug_a, article_a), (slug_b, article_b)])
    return f"{COMPARE}/{s1}-{n1}--{s2}-{n2}.md"


def topic_path(slug: str) -> str:
    return f"{slug}/compare.md"


def about_path() -> str:
    """The hand-written About page (docs/about.md, docs/en/about.md)."""
    return "about.md"


def overview_path() -> str:
    return department_path(HOME)


def department_path(slug: str) -> str:
    return f"{DEPARTMENTS}/{slug}.md"


def citations_index_path() -> str:
    """The citation table's index, which the resolver loads first (a script, not a page)."""
    return f"{CITATIONS}.js"


def citations_shard_path(slug: str) -> str:
    """One ordinance's part of the citation table."""
    return f"{CITATIONS}/{slug}.js"


# -- the shapes, for the code that reads addresses ---------------------------------------
#
# The URL registry (which URLs are computed views) and the browser's scripts (the 404
# page's suggestions, the citation resolver) match addresses rather than make them. They
# match the shapes made by the functions above, called with placeholders ({slug},
# {article}), so that a path changed above is what they match: the registry asks
# `derived_pattern()`, the scripts read `browser()` (the MkDocs hook hands it to the
# templates, overrides/main.html and 404.html).

SLUG = "[a-z0-9]+(?:-[a-z0-9]+)*?"         # lazy: in a pair, a slug ends before its article
ARTICLE = "[0-9]+(?:-[0-9]+)?"             # 28, or 20-1 for an inserted article
_PLACEHOLDER = re.compile(r"\{(slug|article)\w*\}")
_SPECIAL = re.compile(r"[.^$*+?()\[\]{}|\\]")


def pattern(shape: str, whole: bool = True) -> str:
    """A regular expression, in the syntax Python and JavaScript share, of the URLs of a
    URL shape: each {slug…} and {article…} a group, in their order, the rest literal,
    a final / optional; `whole=False`: the URLs that begin so.

    >>> pattern(url(article_path("{slug}", "{article}")))
    '^([a-z0-9]+(?:-[a-z0-9]+)*?)/article-([0-9]+(?:-[0-9]+)?)/?$'
    >>> re.match(pattern(pair_shape()), "compare/jinan-digital-economy-15--yantai-digital-economy-20-1/").groups()
    ('jinan-digital-economy', '15', 'yantai-digital-economy', '20-1')
    >>> re.match(pattern(url(ordinance_path("{slug}")), whole=False), "yantai-digital-economy/article-99/").group(1)
    'yantai-digital-economy'
    """
    out, end = "^", 0
    for found in _PLACEHOLDER.finditer(shape):
        out += _SPECIAL.sub(r"\\\g<0>", shape[end:found.start()])
        out += "(" + (SLUG if found.group(1) == "slug" else ARTICLE) + ")"
        end = found.end()
    rest = _SPECIAL.sub(r"\\\g<0>", shape[end:])
    if not whole:
        return out + rest
    return out + (rest[:-1] + "/?" if rest.endswith("/") else rest) + "$"


def pair_shape() -> str:
    """The URL of a comparison page: its slugs and articles in the order of their groups."""
    return url(pair_path("{slug_a}", "{article_a}", "{slug_b}", "{article_b}"))


def derived_pattern() -> str:
    """The URLs (relative to the root of their language tree) of the computed views,
    whose set changes as the corpus grows (a new ordinance can displace a pair): the
    comparison pages of parallel provisions and an ordinance's comparisons by topic.
    The URL registry does not promise them forever.

    >>> shapes = re.compile(derived_pattern())
    >>> [bool(shapes.match(u)) for u in ("compare/a-1--b-2/", "a/compare/", "a/article-1/", "a/2017-09-22/compare/")]
    [True, True, False, False]
    """
    return "|".join(pattern(shape) for shape in (pair_shape(), url(topic_path("{slug}"))))


def browser(prefixes: list[str]) -> dict:
    """What the browser's scripts know of the URL scheme, given the prefixes of the
    language trees ("", "en/"): where the citation table is (overrides/assets/resolver.js;
    the rest it needs is in the table); how an address names a pair of articles or an
    ordinance, and the URLs of an ordinance and an article as shapes whose {slug} and
    {article} the script fills in (the 404 page's suggestions, overrides/assets/lawsite.js).

    >>> browser(["", "en/"])["suggest"]["trees"], browser([])["suggest"]["article"]
    (['en/', ''], '{slug}/article-{article}/')
    """
    return {
        "citations": citations_index_path(),
        "suggest": {
            "trees": sorted(prefixes, key=len, reverse=True),
            "pair": pattern(pair_shape()),
            "ordinance": ordinance_pattern(),
            "home": url(ordinance_path("{slug}")),
            "article": url(article_path("{slug}", "{article}")),
        },
    }


def ordinance_pattern() -> str:
    """The URLs of an ordinance's pages (relative to the root of their language tree),
    its slug the group: they are all below its own page."""
    return pattern(url(ordinance_path("{slug}")), whole=False)
