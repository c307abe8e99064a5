"""A generated page is ready HTML: MkDocs passes it through without Python-Markdown.

build_corpus.py writes each generated page's body as the finished HTML fragment
(lawsite/site/markup.py, the templates), with links to other pages as their docs/
paths (`<a href="article-15.md#art_15">`). Converting it as Markdown cost a third of a
shard's build (Python-Markdown's inline patterns and its parse of the raw HTML) for
markup it left as it was. `render` takes the place of MkDocs' `Page.render` for these
pages only (the hook installs it; a hand-written page still goes through Markdown) and
does what MkDocs' render did that the pages need:

- each link rewritten by MkDocs' own rule (`_RelativePathTreeprocessor.path_to_url`:
  pretty URLs on the hosted site, `….html` offline; a link to a missing page warns,
  which strict mode refuses), and the links to anchors recorded for MkDocs' anchor
  validation;
- the ids present (`present_anchor_ids`), for that validation;
- the table of contents from the headings (`page.toc`, as Python-Markdown's toc made
  it: a heading's text as its name, nested by level), which Material's sidebar and its
  search index read; a heading written with `id=""` gets the id the toc extension
  gave it (its slug, unique on the page: `_1` for a Chinese heading); one without an
  id, or with `data-toc="no"` (removed here: the download page's, which were raw HTML
  to Python-Markdown), is not in the toc;
- the title of the first <h1>, as MkDocs takes it (the pages have a title in their
  front matter, which comes first).

>>> page = "<h1 id=\\"art_1\\">第一条</h1>\\n<p>见<a href=\\"article-2.md#art_2\\">第二条</a></p>\\n<h2 id=\\"\\">相关</h2>"
>>> content, tokens = headings(page)
>>> content.split("\\n")[2]
'<h2 id="_1">相关</h2>'
>>> [(t["level"], t["id"], t["name"], [c["id"] for c in t["children"]]) for t in tokens]
[(1, 'art_1', '第一条', ['_1'])]
>>> sorted(anchor_ids(content))
['_1', 'art_1']
"""

import functools
import html
import re

from markdown.extensions import toc as markdown_toc
from mkdocs.structure.pages import _RelativePathTreeprocessor
from mkdocs.structure.toc import get_toc

# a start tag (text is escaped, so every < that starts a name starts a tag) and its attributes
TAG = re.compile(r"<([a-zA-Z][\w-]*)(\s[^<>]*)?>")
ATTRIBUTE = re.compile(r'\s([\w:.-]+)="([^"]*)"')
HREF = re.compile(r'(\shref=")([^"]*)(")')
HEADING = re.compile(r"<h([1-6])((?:\s[^<>]*)?)>(.*?)</h\1>", re.DOTALL)
EMPTY_ID = re.compile(r'\sid=""')
OUT_OF_TOC = re.compile(r'\sdata-toc="no"')


def _value(value: str) -> str:
    """An attribute value as Python-Markdown's serializer wrote it."""
    return html.escape(value, quote=False).replace('"', "&quot;")


def headings(content: str) -> tuple[str, list[dict]]:
    """The page with each `id=""` of a heading filled in, and the toc's tokens (nested)."""
    content, tokens, _ = headings_and_ids(content)
    return content, tokens


def headings_and_ids(content: str) -> tuple[str, list[dict], set[str]]:
    """`headings`, and the ids of the page it gives (`anchor_ids` of it: the page's own,
    and each id it gave a heading, which `unique` adds to them)."""
    used = anchor_ids(content)
    counters: dict[str, int] = {}
    tokens = []

    def heading(match: re.Match) -> str:
        level, attrs, inner = int(match[1]), match[2] or "", match[3]
        values = dict(ATTRIBUTE.findall(attrs))
        if "id" not in values:                 # a heading without an id: not in the toc
            return match[0]
        if values.get("data-toc") == "no":     # an anchor, not a part of the toc
            return f"<h{level}{OUT_OF_TOC.sub('', attrs, count=1)}>{inner}</h{level}>"
        name = markdown_toc.strip_tags(inner)
        anchor = html.unescape(values["id"])
        if not anchor:
            anchor = markdown_toc.unique(markdown_toc.slugify(html.unescape(name), "-"), used, counters)
            attrs = EMPTY_ID.sub(f' id="{_value(anchor)}"', attrs, count=1)
        tokens.append({"level": level, "id": anchor, "name": name, "html": inner, "data-toc-label": ""})
        return f"<h{level}{attrs}>{inner}</h{level}>"

    content = HEADING.sub(heading, content)
    return content, markdown_toc.nest_toc_tokens(tokens), used


def anchor_ids(content: str) -> set[str]:
    """The ids of the page's elements (and the names of its <a>), as MkDocs collects them."""
    found = set()
    for match in TAG.finditer(content):
        for name, value in ATTRIBUTE.findall(match[2] or ""):
            if name == "id" or (name == "name" and match[1] == "a"):
                if value:
                    found.add(html.unescape(value))
    return found


def links(content: str, rewrite) -> str:
    """Each <a>'s href passed through `rewrite` (its value unescaped, then escaped again)."""
    def tag(match: re.Match) -> str:
        if match[1] != "a" or not match[2]:
            return match[0]
        attrs = HREF.sub(lambda m: m[1] + _value(rewrite(html.unescape(m[2]))) + m[3], match[2], count=1)
        return f"<{match[1]}{attrs}>"
    return TAG.sub(tag, content)


def render(page, config, files) -> None:
    """MkDocs' Page.render for a page that is ready HTML (page.markdown)."""
    if page.markdown is None:
        raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
    relative = _RelativePathTreeprocessor(page.file, files, config)
    # the same link of the page, the same URL (MkDocs records its anchor once either way)
    content, tokens, ids = headings_and_ids(links(page.markdown, functools.cache(relative.path_to_url)))
    page.content = content
    page.toc = get_toc(tokens)  # type: ignore[arg-type]   # the toc extension's tokens, as dicts
    first = HEADING.search(content)
    page._title_from_render = markdown_toc.strip_tags(first[3]) if first and first[1] == "1" else None
    page.present_anchor_ids = ids                     # anchor_ids(content), not read again
    page.links_to_anchors = relative.links_to_anchors
