"""Small builders for the Markdown that the page writer emits.

Legal text is published literally: it is escaped for Markdown and HTML and
placed in elements with `markdown="span"`, so Python-Markdown turns our own
links (`[第十五条](article-15.md#art_15)`) into links — which MkDocs rewrites
for pretty URLs and for file:// alike — but never reads the text itself as
Markdown, HTML or a template.

>>> escape("*不得* [x](javascript:alert(1)) <script> & {{ x }}")
'\\\\*不得\\\\* \\\\[x\\\\]\\\\(javascript:alert\\\\(1\\\\)\\\\) &lt;script&gt; &amp; \\\\{\\\\{ x \\\\}\\\\}'
>>> link("第十五条", "article-15.md", "art_15__para_2")
'[第十五条](article-15.md#art_15__para_2)'
>>> link("第十五条", "article-15.md"), link("甲", "", "x", title='"定义" <b>')
('[第十五条](article-15.md)', '[甲](#x "&quot;定义&quot; &lt;b&gt;")')
>>> element("p", "正文", id="art_1__para_1", cls="ls-para")
'<p id="art_1__para_1" class="ls-para" markdown="span">正文</p>'

Attribute values are escaped, quotes included; a True value is a boolean
attribute, None, False and "" leave the attribute out; `data_search_exclude`
is `data-search-exclude`, `for_` is `for`:

>>> element("nav", "x", aria_label='a" onclick="b', data_search_exclude=True, for_="y",
...         lang=None, hidden=False, title="", span=False)
'<nav aria-label="a&quot; onclick=&quot;b" data-search-exclude="" for="y">x</nav>'
>>> heading(1, "第一条"), heading(2, "目录", "contents"), heading(2, "第一章", "chp_1", "ls-chapter")
('# 第一条', '## 目录 { #contents }', '## 第一章 { #chp_1 .ls-chapter }')
>>> print(table(["", "甲"], [["a", "b"], ["c", "d"]]))
|  | 甲 |
|---|---|
| a | b |
| c | d |
"""

import html
import re

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
    """Legal text → Markdown that renders exactly as the text; a text with bidi
    controls is isolated in a <bdi>.

    >>> escape("甲\u202e乙")
    '<bdi>甲\u202e乙</bdi>'
    """
    escaped = html.escape(text, quote=False)              # & < >
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
    return html.escape(value, quote=True)


def link(text: str, target: str, anchor: str = "", title: str = "") -> str:
    """A Markdown link to another docs/ page (`target`, relative .md path) or,
    with an empty target, to an anchor on this page. `text` is already Markdown."""
    href = target + (f"#{anchor}" if anchor else "")
    shown_title = f' "{attribute(title)}"' if title else ""
    return f"[{text}]({href}{shown_title})"


def element(tag: str, content: str, *, cls: str = "", span: bool = True, **attrs) -> str:
    """One HTML element on one line whose content is inline Markdown."""
    parts = [tag]
    for name, value in attrs.items():
        name = name.rstrip("_").replace("_", "-")
        if value is True:                # a boolean attribute; md_in_html drops it without a value
            parts.append(f'{name}=""')
        elif value is not None and value is not False and value != "":
            parts.append(f'{name}="{attribute(str(value))}"')
    if cls:
        parts.append(f'class="{attribute(cls)}"')
    if span:
        parts.append('markdown="span"')
    return f"<{' '.join(parts)}>{content}</{tag}>"


def heading(level: int, text: str, anchor: str = "", cls: str = "") -> str:
    """A Markdown heading with an explicit id (attr_list)."""
    attrs = " ".join(filter(None, [f"#{anchor}" if anchor else "", f".{cls}" if cls else ""]))
    return f"{'#' * level} {text}" + (f" {{ {attrs} }}" if attrs else "")


def table(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown table; cells are already Markdown."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)
