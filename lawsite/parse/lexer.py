"""Classify each source line, on its own, into the kind of line it is.

The lexer knows the shapes of lines in every source style we accept — Markdown
headings at any level or none, `第X条` with its text on the same line or the next,
a 目录 block — but not where a line stands in the document: that is the parser's
job, after the repair step.

>>> [(line.kind, line.number, line.content) for line in lex(["###### 第一条", "第二条　为了……"])]
[('article', 1, ''), ('article', 2, '为了……')]
>>> line = lex(["#### 第六章 保障与监督"])[0]
>>> line.kind, line.division, line.number, line.content
('heading', '章', 6, '保障与监督')
>>> [line.kind for line in lex(["# 目 录", "", "<!-- INFO END -->", "#### 化、智能化改造。"])]
['toc', 'blank', 'comment', 'text']
"""

import re
from dataclasses import dataclass

from lawsite.core.numerals import CHARS as NUMERAL_CHARS
from lawsite.core.numerals import value

MARKS = re.compile(
    r"""
    ^(?P<indent>[ \t\u3000]*)          # indentation, full-width spaces included
     (?P<marks>\#{1,6}[ \t\u3000]+)?   # optional Markdown heading marks: "#### "
    """,
    re.VERBOSE,
)

HEADING = re.compile(
    rf"""
    ^第(?P<numeral>[{NUMERAL_CHARS}]+)  # 第六
     (?P<division>[编章节])             # 编 / 章 / 节
     (?:[\s]+(?P<title>[^。，；：？！]*?))? # a title after any whitespace, no sentence punctuation
     \s*$
    """,
    re.VERBOSE,
)

ARTICLE = re.compile(
    rf"""
    ^第(?P<numeral>[{NUMERAL_CHARS}]+)条  # 第二十八条
     (?:\s+(?P<text>.*?))?                # its text after whitespace, or on the next line
     \s*$
    """,
    re.VERBOSE,
)

# The shapes of a text line that opens a 项 or a 目: the builder reads them in context
# (a 目 only inside a 项, a 项 only after its 款 began).
ITEM = re.compile(
    rf"""
    ^(?P<label>（(?P<numeral>[{NUMERAL_CHARS}]+)）)  # （三）, full width after repair
     \s*(?P<text>.*)$
    """,
    re.VERBOSE,
)

SUBITEM = re.compile(
    r"""
    ^(?P<label>(?P<digits>[0-9]{1,3})[.．])  # 1. or 1．
     (?!\d)                                 # but not 1.5亿元
     \s*(?P<text>.*)$
    """,
    re.VERBOSE,
)

TOC = re.compile(r"^目[\s]*录\s*$")           # 目录, 目 录, 目　录
COMMENT = re.compile(r"^<!--.*-->\s*$")        # a whole-line HTML comment


@dataclass
class Line:
    """One source line. `content` is the part that carries text; it starts at
    `offset` in `raw`, so a repair can say which column of the file it changed."""

    line: int               # 1-based line number in the file
    kind: str               # blank | comment | toc | heading | article | text
    raw: str
    content: str = ""
    offset: int = 0
    marks: str = ""         # Markdown heading marks, if any
    division: str = ""      # 编 / 章 / 节 for headings
    number: int = 0         # the numeral of a heading or article, as an integer
    label: str = ""         # 第六章, 第二十八条


def lex(lines: list[str], first_line: int = 1) -> list[Line]:
    return [classify(raw, number) for number, raw in enumerate(lines, first_line)]


def classify(raw: str, line: int = 1) -> Line:
    if not raw.strip():
        return Line(line, "blank", raw)
    prefix = MARKS.match(raw)
    start = prefix.end()
    body = raw[start:].rstrip()
    marks = (prefix.group("marks") or "").strip()
    if COMMENT.match(body) and not marks:
        return Line(line, "comment", raw, body, start)
    if TOC.match(body):
        return Line(line, "toc", raw, "", start, marks)
    for kind, pattern in (("heading", HEADING), ("article", ARTICLE)):
        match = pattern.match(body)
        if match and value(match.group("numeral")):
            number = value(match.group("numeral"))
            group = "title" if kind == "heading" else "text"
            content = match.group(group) or ""
            offset = start + (match.start(group) if match.group(group) is not None else len(body))
            division = match.group("division") if kind == "heading" else "条"
            label = f"第{match.group('numeral')}{division}"
            return Line(line, kind, raw, content, offset, marks, division if kind == "heading" else "",
                        number, label)
    return Line(line, "text", raw, body, start, marks)

