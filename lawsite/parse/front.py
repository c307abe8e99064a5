"""The header of a text: its title and amendment history (lawsite/parse/history.py),
the dates the metadata must agree with, and a preamble before 第一条."""

import re

from lawsite.core.errors import SourceError
from lawsite.model import document as model
from lawsite.parse import history
from lawsite.parse.lexer import Line, lex  # noqa: F401 (lex: the doctests)
from lawsite.parse.repair import repair, repair_characters
from lawsite.parse.sources import Source

DATE = "{d.year}年{d.month}月{d.day}日"


HISTORY_LINE = re.compile(r"^(?:[-*+]\s+)?[（(]?[0-9]{4}\s*年")   # a dated header line


SENTENCE_END = ("。", "！", "？", "；", "：")


def split_preamble(header: list[Line]) -> tuple[list[Line], list[Line]]:
    """The header's lines and the preamble's: the paragraphs that follow the header
    and stand before the first heading or article (…肩负着…重托……为此，制定本守则。).

    Strict, so that a header line of an unexpected shape is never taken for text of
    law: the preamble is the last run of lines of the header that follows
    <!-- INFO END --> (the LawRefBook mark), or, without it, a blank line after the
    last dated history line; each of its lines ends a sentence (。！？；：), is not
    dated, does not end with an action of the history (通过, 批准 …) and is not the title.

    >>> lines = lex(["# 某守则", "", "1993年9月16日 某市人大常委会通过", "", "<!-- INFO END -->", "",
    ...              "某市人大常委会组成人员肩负着重托。为此，制定本守则。"])
    >>> header, preamble = split_preamble(lines)
    >>> len(header), [line.line for line in preamble]
    (6, [7])
    >>> split_preamble(lex(["# 某守则", "<!-- INFO END -->", "常务委员会第三十次会议通过）"]))[1]
    []
    >>> split_preamble(lex(["# 某守则", "1993年9月16日 某市人大常委会通过", "为此，制定本守则。"]))[1]
    []
    """
    content = [i for i, line in enumerate(header) if line.kind not in ("blank", "comment")]
    if len(content) < 2:
        return header, []
    title = re.sub(r"[\s\u200b]+", "", header[content[0]].content)
    marks = [i for i, line in enumerate(header) if line.kind == "comment"]
    start = None
    for i in reversed([i for i in content[1:] if not marks or i > marks[-1]]):
        text = header[i].content
        if HISTORY_LINE.match(text) or not text.endswith(SENTENCE_END) or \
                history.ENDS.search(text.rstrip("。")) or re.sub(r"[\s\u200b]+", "", text) == title:
            break
        start = i
    if start is None:
        return header, []
    before = max(i for i in content if i < start)
    after_history = header[start - 1].kind == "blank" and \
        bool(HISTORY_LINE.match(header[before].content) or history.ENDS.search(header[before].content))
    if not marks and not after_history:
        return header, []
    return header[:start], header[start:]


def preamble(lines: list[Line]) -> tuple[list[model.Paragraph], list[tuple[int, str]], list[model.Repair]]:
    """The preamble's paragraphs (preamble__para_1 …), one a line, each as received
    after its recorded repairs; where each starts; the repairs."""
    lines, repairs = repair(lines, marked_lines_close=True)
    paragraphs, starts = plain_paragraphs(lines, model.preamble_paragraph_eid)
    return paragraphs, starts, repairs


def plain_paragraphs(lines: list[Line], eid_of) -> tuple[list[model.Paragraph], list[tuple[int, str]]]:
    """One paragraph per text line (a preamble, a document without articles), numbered
    from 1 with the eIds `eid_of(number)` gives; and where each starts."""
    paragraphs: list[model.Paragraph] = []
    starts: list[tuple[int, str]] = []
    for line in lines:
        if line.kind == "text":
            number = len(paragraphs) + 1
            eid = eid_of(number)
            paragraphs.append(model.Paragraph(number, line.content, eid, line=line.line))
            starts.append((line.line, eid))
    return paragraphs, starts


def read(lines: list[Line], source: Source) -> tuple[str, list[str], list[model.Repair]]:
    """The title line and the history entries (adoption, approval, amendments …)
    before the body, read by parse/history.py; each entry's characters repaired."""
    path, meta = source.text_path, source.meta
    header = history.parse(lines, path)
    if header.title_line is None:
        return "", [], []
    if header.title != meta["title"]:
        raise SourceError(path, header.title_line, f"the title 《{header.title}》 differs from the "
                          f"metadata's title 《{meta['title']}》 ({source.meta_path})")
    entries, repairs = [], []
    for entry in header.entries:
        text = ""
        for piece in entry.pieces:
            fixed, found = repair_characters(piece.text, piece.line, piece.column)
            text += fixed
            repairs.extend(found)
        entries.append(text)
    _check_dates(header, source)
    return header.title, entries, repairs


def _check_dates(header: history.Header, source: Source) -> None:
    """Each date of the metadata (adoption, approval, amendments) is one of the header's."""
    if not header.entries:
        return
    meta = source.meta
    wanted = [(f"{name}.date", (meta.get(name) or {}).get("date"), actions)
              for name, actions in (("enacted", ("通过", "修订")), ("approved", ("批准", "修正", "修订")))]
    wanted += [(f"amendments[{i}].date", amendment.get("date"), ("修正", "修订", "修改"))
               for i, amendment in enumerate(meta.get("amendments") or [])]
    for name, date, actions in wanted:
        if date and not any(date in (entry.date, (entry.approved or (None,))[0])
                            and (entry.action in actions or entry.approved) for entry in header.entries):
            raise SourceError(source.text_path, header.entries[0].line,
                              f"the header has no line {DATE.format(d=date)}…{actions[0]}, but the "
                              f"metadata's {name} is {date} ({source.meta_path})")
