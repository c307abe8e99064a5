"""Undo the artefacts that text extraction leaves in a legal text, recording each change.

A separate step between the lexer and the parser. It never adds, drops or
reorders a character of law; it only

- removes whitespace that line wrapping left between two Chinese characters
  (`适 用` → `适用`) or between Chinese and a number (`自 2025 年` → `自2025年`),
  keeping meaningful spaces next to Latin words (`5G 网络`);
- makes half-width punctuation next to Chinese full-width (`,` → `，`), except
  inside numbers and Latin text (`1,000`, `a.php?id=1`);
- drops Markdown heading marks from a line that is text, not a heading
  (`#### 化、智能化改造。`, a page-break fragment);
- joins a line to the paragraph before it when that paragraph stopped mid-sentence
  (page breaks and line wraps split paragraphs; a 款 ends with 。；：！？), unless the
  line opens with an item marker （一）: that starts a 项 whatever ends the line before.

Every change becomes a `Repair` naming the line and column of the source file,
the characters before and after, and the repaired text around it.

>>> text, repairs = repair_characters("本市活动,适 用本条例。", line=7)
>>> text
'本市活动，适用本条例。'
>>> [(r.kind, r.column, r.before, r.after) for r in repairs]
[('full-width-punctuation', 5, ',', '，'), ('remove-space', 7, ' ', '')]
>>> repair_characters("自 2025 年起建设 5G 网络,共 1,000 个", line=1)[0]
'自2025年起建设 5G 网络，共1,000个'
"""

import re
from dataclasses import replace

from lawsite.core import zh
from lawsite.core.zh import CJK_RANGES, HALF_TO_FULL
from lawsite.model.document import Repair
from lawsite.parse.lexer import ITEM, Line

CJK = re.compile(f"[{CJK_RANGES}]")

ALNUM = re.compile(r"[0-9A-Za-z]")

# A run of whitespace inside a line, with the characters on either side.
INNER_SPACE = re.compile(r"(?<=\S)[ \t\u3000\u00a0]+(?=\S)")

# The non-Chinese word touching a whitespace run, and what makes it a plain number.
WORD_LEFT = re.compile(rf"[^\s{CJK_RANGES}]+$")
WORD_RIGHT = re.compile(rf"^[^\s{CJK_RANGES}]+")
NUMBER = re.compile(r"[0-9][0-9.,%]*")

# A paragraph is complete when it ends with one of these, after any closing quotes.
TERMINAL = re.compile(f"[{zh.TERMINAL_MARKS}][{zh.CLOSING_MARKS}]*$")

CONTEXT = 6   # characters of repaired text kept on each side of a change


def is_cjk(char: str) -> bool:
    return bool(CJK.match(char))


def repair_characters(text: str, line: int, offset: int = 0) -> tuple[str, list[Repair]]:
    """Repair punctuation and spaces in one line's text. `offset` is where the
    text starts in the source line, so columns point into the file."""
    changes = []                                   # (index, before, after, kind)
    chars = list(text)
    for index, char in enumerate(text):
        if char in HALF_TO_FULL and _in_chinese(text, index):
            chars[index] = HALF_TO_FULL[char]
            changes.append((index, char, HALF_TO_FULL[char], "full-width-punctuation"))
    text = "".join(chars)
    for match in INNER_SPACE.finditer(text):
        if _removable(text, match.start(), match.end()):
            changes.append((match.start(), match.group(), "", "remove-space"))
    changes.sort()
    pieces, last = [], 0
    for index, before, after, _ in changes:
        pieces.append(text[last:index] + after)
        last = index + len(before)
    pieces.append(text[last:])
    repaired = "".join(pieces)
    return repaired, _records(changes, repaired, line, offset)


def _records(changes, repaired: str, line: int, offset: int) -> list[Repair]:
    records, shift = [], 0
    for index, before, after, kind in changes:
        at = index + shift                         # position in the repaired text
        context = repaired[max(0, at - CONTEXT): at + len(after) + CONTEXT]
        records.append(Repair(kind, line, offset + index + 1, before, after, context))
        shift += len(after) - len(before)
    return records


def _in_chinese(text: str, index: int) -> bool:
    """Half-width punctuation that touches Chinese, and is not inside a number or Latin text."""
    before = text[:index].rstrip()[-1:]
    after = text[index + 1:].lstrip()[:1]
    if ALNUM.match(before or " ") and ALNUM.match(after or " "):
        return False
    return is_cjk(before or " ") or is_cjk(after or " ")


def _removable(text: str, start: int, end: int) -> bool:
    """Whitespace between Chinese and Chinese, or Chinese and a number, is an artefact."""
    left, right = text[start - 1], text[end]
    if is_cjk(left) and is_cjk(right):
        return True
    if is_cjk(left):
        word = WORD_RIGHT.match(text[end:])
        return bool(word and NUMBER.fullmatch(word.group()))
    if is_cjk(right):
        word = WORD_LEFT.search(text[:start])
        return bool(word and NUMBER.fullmatch(word.group()))
    return False


def is_complete(text: str) -> bool:
    """Does a paragraph's text end where a 款 or 项 can end?

    >>> is_complete("……化、智能化改造。"), is_complete("……数字化、网络"), is_complete("下列职责：")
    (True, False, True)
    """
    return bool(TERMINAL.search(text))


def repair(lines: list[Line], marked_lines_close: bool = False) -> tuple[list[Line], list[Repair]]:
    """Repair the body's lines: characters in each line, then joins across lines.

    Returns the lines that remain (a joined line is merged into the one before it)
    and every repair, in source order. With `marked_lines_close`, a text line written
    as a Markdown heading (## 一、北京市各区耕地占用税的适用税额, the points of a 决定)
    is a paragraph of its own: the next line is never joined to it.
    """
    repairs: list[Repair] = []
    fixed: list[Line] = []
    for line in lines:
        if line.kind in ("heading", "article", "text") and line.content:
            content, found = repair_characters(line.content, line.line, line.offset)
            repairs.extend(found)
            line = replace(line, content=content)
        fixed.append(line)
    return _join(fixed, repairs, marked_lines_close)


def _join(lines: list[Line], repairs: list[Repair], marked_lines_close: bool = False) -> tuple[list[Line], list[Repair]]:
    out: list[Line] = []
    open_index = None                  # index in `out` of a paragraph that stopped mid-sentence
    for line in lines:
        if line.kind != "text":
            if line.kind in ("heading", "article"):
                open_index = len(out) if line.kind == "article" and line.content and \
                    not is_complete(line.content) else None
            out.append(line)
            continue
        if line.marks:
            marks = line.raw[:line.offset].lstrip(" \t\u3000")
            column = len(line.raw[:line.offset]) - len(marks) + 1
            repairs.append(Repair("drop-heading-marks", line.line, column, marks, "",
                                  line.content[:2 * CONTEXT]))
        if open_index is not None and ITEM.match(line.content):
            open_index = None            # a line that opens with （一） starts a 项: never joined
        if open_index is not None:
            previous = out[open_index]
            joined = previous.content + line.content
            at = len(previous.content)
            repairs.append(Repair("join-line", line.line, line.offset + 1, "", "",
                                  joined[max(0, at - CONTEXT): at + CONTEXT]))
            out[open_index] = replace(previous, content=joined)
        else:
            out.append(line)
            open_index = len(out) - 1
            if line.marks and marked_lines_close:
                open_index = None
                continue
        open_index = open_index if not is_complete(out[open_index].content) else None
    repairs.sort(key=lambda r: (r.line, r.column))
    return out, repairs
