"""Small builders for the HTML that the page writer emits.

Legal text is published literally: it is escaped for HTML and placed in elements,
never read as Markdown, HTML or a template. A generated page is the finished HTML
fragment; MkDocs does not convert it (lawsite/mkdocs/ready.py), but rewrites its
links to other pages (`<a href="article-15.md#art_15">`) for pretty URLs and for
file:// alike, as it rewrites a Markdown link. The markup is what Python-Markdown
wrote for the Markdown these builders emitted before, byte for byte.

>>> escape("*不得* [x](javascript:alert(1)) <script> & {{ x }}")
'*不得* [x](javascript:alert(1)) &lt;script&gt; &amp; {{ x }}'
>>> link("第十五条", "article-15.md", "art_15__para_2")
'<a href="article-15.md#art_15__para_2">第十五条</a>'
>>> link("第十五条", "article-15.md", cls="ls-ref"), link("甲", "", "x", title='"定义" <b>')
('<a class="ls-ref" href="article-15.md">第十五条</a>', '<a href="#x" title="&quot;定义&quot; &lt;b&gt;">甲</a>')
>>> element("p", "正文", id="art_1__para_1", cls="ls-para")
'<p class="ls-para" id="art_1__para_1">正文</p>'

Attribute values are escaped, quotes included; a True value is a boolean
attribute, None, False and "" leave the attribute out; `data_search_exclude`
is `data-search-exclude`, `for_` is `for`:

>>> element("nav", "x", aria_label='a" onclick="b', data_search_exclude=True, for_="y",
...         lang=None, hidden=False, title="", span=False)
'<nav aria-label="a&quot; onclick=&quot;b" data-search-exclude="" for="y">x</nav>'
>>> heading(1, "第一条"), heading(2, "目录", "contents"), heading(2, "第一章", "chp_1", "ls-chapter")
('<h1 id="">第一条</h1>', '<h2 id="contents">目录</h2>', '<h2 class="ls-chapter" id="chp_1">第一章</h2>')
>>> print(table(["", "甲"], [["a", "b"]]))
<table>
<thead>
<tr>
<th></th>
<th>甲</th>
</tr>
</thead>
<tbody>
<tr>
<td>a</td>
<td>b</td>
</tr>
</tbody>
</table>
>>> print(bullets(["a", "b"]))
<ul>
<li>a</li>
<li>b</li>
</ul>
"""

import html
import re

from markupsafe import Markup

from lawsite.core.errors import Notice
from lawsite.site import templates

# Characters that Python-Markdown reads as syntax and lets us backslash-escape
# (markdown.Markdown.ESCAPED_CHARS). Escaping any other character would add a
# visible backslash to the text; & < > become entities instead.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")

# C0 control characters and tabs: Python-Markdown uses \x02 and \x03 as its own
# placeholders and expands tabs, so they are written as character references. (Not
# the C1 ones: HTML reads &#x80;–&#x9f; as Windows-1252 characters; raw, they stay.)
CONTROL = re.compile(r"[\x01-\x09\x0b\x0c\x0e-\x1f\x7f]")


# Bidirectional embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI
# PDI): published as they are, but kept from reversing what follows the string
# that holds them (the rest of a title, a paragraph, a navigation item).
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def escape(text: str) -> str:
    """Legal text → HTML that shows exactly the text; a text with bidi controls is
    isolated in a <bdi>.

    >>> escape("甲\u202e乙")
    '<bdi>甲\u202e乙</bdi>'
    """
    escaped = html.escape(text, quote=False)              # & < >
    escaped = CONTROL.sub(lambda m: f"&#x{ord(m.group()):x};", escaped)
    return templates.fragment("bdi", templates.safe(escaped)) if BIDI.search(text) else escaped


def md_escape(text: str) -> str:
    """Legal text → Markdown that renders exactly as the text (the home page's list,
    which a hand-written Markdown page includes); bidi controls isolated as by `escape`.

    >>> md_escape("*不得* [x](y) & <b>")
    '\\\\*不得\\\\* \\\\[x\\\\]\\\\(y\\\\) &amp; &lt;b&gt;'
    """
    escaped = html.escape(text, quote=False)
    escaped = MARKDOWN_SPECIAL.sub(r"\\\1", escaped)
    escaped = CONTROL.sub(lambda m: f"&#x{ord(m.group()):x};", escaped)
    return templates.fragment("bdi", templates.safe(escaped)) if BIDI.search(text) else escaped


def isolate(text: str) -> str:
    """Plain text (a <title>, where no markup can be) with bidi controls, between
    FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE: the text is unchanged, and an
    override in it ends where it ends.

    >>> isolate("甲\u202e乙") == "\u2068甲\u202e乙\u2069", isolate("甲乙")
    (True, '甲乙')
    """
    return f"\u2068{text}\u2069" if BIDI.search(text) else text


def bidi_notice(path: str, line: int | None, what: str, text: str) -> list[Notice]:
    """A warning for a curated text that holds bidi controls (none, or one).

    >>> [str(n) for n in bidi_notice("m.yml", 3, "field 'title'", "甲\u202e乙")]
    ["m.yml:3: field 'title' holds the bidirectional control U+202E, which reverses the text after it: it is published as it is, isolated from what surrounds it; check the source"]
    >>> bidi_notice("m.yml", 3, "x", "\u2067甲\u202e乙\u202e")[0].message[:52], bidi_notice("m.yml", 3, "x", "甲")
    ('x holds the bidirectional controls U+202E, U+2067, w', [])
    """
    found = sorted({f"U+{ord(c):04X}" for c in BIDI.findall(text)})
    if not found:
        return []
    return [Notice(path, line, f"{what} holds the bidirectional control{'s' if len(found) > 1 else ''} "
                               f"{', '.join(found)}, which reverses the text after it: it is published "
                               "as it is, isolated from what surrounds it; check the source")]


def attribute(value: str) -> str:
    """An attribute value as the templates write it (quotes as &quot; and &#x27;)."""
    return html.escape(value, quote=True)


def _value(value: str) -> str:
    """An attribute value as Python-Markdown wrote it for the elements it parsed
    (& < > and the double quote), so that the pages stay the same byte for byte."""
    return html.escape(value, quote=False).replace('"', "&quot;")


def link(text: str, target: str, anchor: str = "", title: str = "", cls: str = "") -> str:
    """A link to another docs/ page (`target`, relative .md path, which the hook
    rewrites as MkDocs does: lawsite/mkdocs/ready.py) or, with an empty target, to an
    anchor on this page. `text` is already HTML. (The title escaped as the templates
    escape, which is what Python-Markdown kept of a Markdown link's title.)"""
    href = target + (f"#{anchor}" if anchor else "")
    return element("a", text, cls=cls, href=href, title=templates.safe(attribute(title)) if title else "")


def md_link(text: str, target: str) -> str:
    """A Markdown link (the home page's list); `text` is already Markdown."""
    return f"[{text}]({target})"


def element(tag: str, content: str, *, cls: str = "", span: bool = True, **attrs) -> str:
    """One HTML element on one line whose content is HTML. With `span` (an element
    that Python-Markdown used to parse) its attributes are in name order and escaped
    as Python-Markdown wrote them; without, in the order given, as the templates. A
    value that is Markup is already escaped."""
    parts = []
    for name, value in attrs.items():
        name = name.rstrip("_").replace("_", "-")
        if value is True:                # a boolean attribute, written with an empty value
            parts.append((name, ""))
        elif value is not None and value is not False and value != "":
            parts.append((name, value))
    if cls:
        parts.append(("class", cls))
    escape_value = _value if span else attribute
    written = "".join(f' {name}="{value if isinstance(value, Markup) else escape_value(str(value))}"'
                      for name, value in (sorted(parts) if span else parts))
    return f"<{tag}{written}>{content}</{tag}>"


def heading(level: int, text: str, anchor: str = "", cls: str = "") -> str:
    """A heading with its id; without one, `id=""`, which the hook fills in as
    Python-Markdown's toc did (lawsite/mkdocs/ready.py)."""
    return element(f"h{level}", text, cls=cls, id=anchor or True)


def bullets(items: list[str]) -> str:
    """A list; items are already HTML (no items, no list)."""
    return templates.fragment("bullets", [templates.safe(item) for item in items])


def table(header: list[str], rows: list[list[str]]) -> str:
    """A table, as Python-Markdown's tables wrote it; cells are already HTML."""
    return templates.fragment("table", [templates.safe(cell) for cell in header],
                              [[templates.safe(cell) for cell in row] for row in rows])
