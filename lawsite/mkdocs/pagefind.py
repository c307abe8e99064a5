"""What a page of the Pagefind site (the hosted one) carries for its indexer.

The pages mark what search must leave out — navigation, breadcrumbs, department
chips, pilcrows, the similarity lists, fallback Chinese on English pages — with
data-search-exclude, the attribute of Material's search, which that plugin strips
from the page once it has read it. On the Pagefind site each such element is marked
data-pagefind-ignore instead, in the page's tags only (never in its text).
"""

import re

# a start tag: its name, its attributes (each name="value", as Python-Markdown writes
# them, or a bare name), and among them data-search-exclude
MARKED = re.compile(r"""
    (?P<head><[a-zA-Z][\w-]*(?:\s+[\w:.-]+(?:="[^"]*")?)*?\s+)
    data-search-exclude(?:="[^"]*")?
    (?=[\s/>])
    """, re.VERBOSE)


def ignore_excluded(html: str) -> str:
    """Each element marked data-search-exclude, marked data-pagefind-ignore.

    >>> ignore_excluded('<nav class="a" data-search-exclude="">x</nav><p>data-search-exclude</p>')
    '<nav class="a" data-pagefind-ignore>x</nav><p>data-search-exclude</p>'
    >>> ignore_excluded('<a title="b data-search-exclude" href="#">¶</a><a href="#p" data-search-exclude>¶</a>')
    '<a title="b data-search-exclude" href="#">¶</a><a href="#p" data-pagefind-ignore>¶</a>'
    """
    return MARKED.sub(r"\g<head>data-pagefind-ignore", html)
