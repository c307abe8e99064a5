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
>>> [(line.kind, line.content) for line in lex(["第一章总则", "第三章规定的事项由市人民政府另行制定具体办法"])]
[('heading', '总则'), ('text', '第三章规定的事项由市人民政府另行制定具体办法')]
>>> [(line.kind, line.content) for line in lex(["## 第四章  主席团，主席、副主席", "第四章  主席团，主席、副主席"])]
[('heading', '主席团，主席、副主席'), ('text', '第四章  主席团，主席、副主席')]
>>> [line.kind for line in lex(["# 目 录", "", "<!-- INFO END -->", "#### 化、智能化改造。"])]
['toc', 'blank', 'comment', 'text']

A line that opens with an item marker is a 项, unless it cites items (（一）至（三）项所列人员…):

>>> [bool(ITEM.match(text)) for text in ["（一）甲；", "（一）至（三）项所列人员，可以……", "（二）项规定的"]]
[True, False, False]

An inserted article (第二十条之一) is an article of its own; its number is read from
Arabic or full-width digits (第21条, 第６３条) and across stray spaces (第 六十三 条,
a PDF artefact) too. Only the number is read: the label keeps the characters of the
text, without its spaces, and the text after it is the article's text as received.

>>> [(line.number, line.inserted, line.label, line.content)
...  for line in lex(["第二十条之一 甲", "第21条 乙", "第 六十三 条丙"])]
[(20, 1, '第二十条之一', '甲'), (21, 0, '第21条', '乙'), (63, 0, '第六十三条', '丙')]

A line that has the shape of an article heading but a number that cannot be read
is text with a `problem`, which the parser reports (it is never merged silently
into the article before it):

>>> lex(["第〇条 甲"])[0].problem
'第〇条 looks like the heading of an article, but 〇 is not an article number (articles are numbered 第一条, 第二条 … or 第1条; an inserted article 第二十条之一)'
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
     (?P<space>\s*)                     # whitespace (PDFs and some texts have none: 第一章总则)
     (?P<title>[^\s。，；：？！][^。，；：？！]*?)?  # a title, no sentence punctuation
     \s*$
    """,
    re.VERBOSE,
)

DIGITS = "0-9０-９"                     # Arabic digits, half and full width
NUMBER = rf"[{NUMERAL_CHARS}{DIGITS}〇○](?:\s*[{NUMERAL_CHARS}{DIGITS}〇○])*"   # spaces inside: a PDF artefact

ARTICLE = re.compile(
    rf"""
    ^第\s*(?P<numeral>{NUMBER})\s*条     # 第二十八条, 第28条, 第６３条, 第 六十三 条 (and 第〇条, to refuse it)
     (?:\s*之\s*(?P<inserted>{NUMBER}))?  # an inserted article: 第二十条之一
     (?P<rest>.*?)\s*$                    # its text, or nothing (the text is on the next line)
    """,
    re.VERBOSE,
)
ARABIC = re.compile(f"[1-9１-９][{DIGITS}]{{0,3}}")   # 1 … 9999, no leading zero

NEAR_HEADING = re.compile(
    rf"""
    ^第(?P<numeral>[{NUMERAL_CHARS}]+)(?P<division>[编章节])  # 第三章
     \s+(?P<title>\S.*?)\s*$                                # a title with sentence punctuation
    """,
    re.VERBOSE,
)

# The shapes of a text line that opens a 项 or a 目: the builder reads them in context
# (a 目 only inside a 项, a 项 only after its 款 began).
ITEM = re.compile(
    rf"""
    ^(?P<label>（(?P<numeral>[{NUMERAL_CHARS}]+)）)  # （三）, full width after repair
     (?![至项、])                                  # not text that cites items: （一）至（三）项所列…
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

UNSPACED = 16       # the longest title read after 第X章 with no space between them

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
    label: str = ""         # 第六章, 第二十八条, 第二十条之一
    inserted: int = 0       # an inserted article's own number: 1 for 第二十条之一
    problem: str = ""       # a line that looks like an article heading but cannot be read
    # A text line with the shape of a heading but sentence punctuation in its title
    # (第二章 附则。, or text: 第三章 规定的事项，依照法律。): the division and number it
    # would have, so that the parser can point at it when that heading is missing.
    shape: tuple[str, int] | None = None


def lex(lines: list[str], first_line: int = 1) -> list[Line]:
    return [classify(raw, number) for number, raw in enumerate(lines, first_line)]


def classify(raw: str, line: int = 1) -> Line:
    """One line's kind. A line of spaces and stray U+200B (zero-width spaces, which
    LawRefBook leaves between paragraphs) is blank, like an empty line:

    >>> classify("\u200b").kind, classify(" \u200b\u3000").kind, classify("\u200b甲").kind
    ('blank', 'blank', 'text')
    """
    if not raw.replace("\u200b", "").strip():
        return Line(line, "blank", raw)
    prefix = MARKS.match(raw)
    assert prefix is not None                      # MARKS matches the empty string too
    start = prefix.end()
    body = raw[start:].rstrip()
    marks = (prefix.group("marks") or "").strip()
    if COMMENT.match(body) and not marks:
        return Line(line, "comment", raw, body, start)
    if TOC.match(body):
        return Line(line, "toc", raw, "", start, marks)
    match = HEADING.match(body)
    if match and not match.group("space") and len(match.group("title") or "") > UNSPACED:
        match = None                    # 第三章规定的事项…: text, not a heading
    if match and value(match.group("numeral")):
        title = match.group("title")
        offset = start + (match.start("title") if title is not None else len(body))
        return Line(line, "heading", raw, title or "", offset, marks, match.group("division"),
                    value(match.group("numeral")), f"第{match.group('numeral')}{match.group('division')}")
    match = ARTICLE.match(body)
    # 第十二条规定的… is text; a heading ends, or has a space after it, or spaces inside
    if match and (not match.group("rest") or match.group("rest")[0].isspace()
                  or re.search(r"\s", body[:match.start("rest")])):
        return _article(match, line, raw, start, marks)
    match = NEAR_HEADING.match(body)
    if match and value(match.group("numeral")) and marks and not re.search("[。；：？！]", match.group("title")):
        # written as a Markdown heading, its title with a comma (主席团，主席、副主席): a heading
        return Line(line, "heading", raw, match.group("title"), start + match.start("title"), marks,
                    match.group("division"), value(match.group("numeral")),
                    f"第{match.group('numeral')}{match.group('division')}")
    if match and value(match.group("numeral")):
        return Line(line, "text", raw, body, start, marks,
                    shape=(match.group("division"), value(match.group("numeral"))))
    return Line(line, "text", raw, body, start, marks)


def _article(match: re.Match, line: int, raw: str, start: int, marks: str) -> Line:
    """An article heading: 第二十八条, 第二十条之一, 第21条, 第 六十三 条 — or, when its
    number cannot be read, a text line with a problem."""
    body = raw[start:].rstrip()
    numeral, inserted = (re.sub(r"\s", "", match.group(name) or "") for name in ("numeral", "inserted"))
    label = f"第{numeral}条" + (f"之{inserted}" if inserted else "")
    number, own = _number(numeral), _number(inserted)
    if not number or (inserted and not own):
        return Line(line, "text", raw, body, start, marks,
                    problem=_unreadable(label, numeral if not number else inserted))
    content = match.group("rest").lstrip()          # `rest` has no trailing whitespace
    return Line(line, "article", raw, content, start + match.end("rest") - len(content), marks,
                "", number, label, own)


def _number(numeral: str) -> int:
    """二十八 or 28 or ２８ → 28; 0 when it is not a number (三五, 〇, 028, nothing)."""
    return int(numeral) if ARABIC.fullmatch(numeral) else value(numeral)


def _unreadable(label: str, numeral: str) -> str:
    return (f"{label} looks like the heading of an article, but {numeral} is not an article "
            "number (articles are numbered 第一条, 第二条 … or 第1条; an inserted article 第二十条之一)")

