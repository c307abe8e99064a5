"""Turn an ordinance's lines into the model: header, 目录, chapters, sections, articles.

    lines ──lex──▶ classified lines ──split──▶ header · 目录 · body
    body ──repair──▶ repaired lines ──build──▶ Ordinance

Every problem is a SourceError naming the file and line; the parser never guesses
past one. The 目录 is skipped but must agree with the headings of the body.
"""

import bisect
import re
from dataclasses import replace

from lawsite.core.errors import Notice, SourceError
from lawsite.core.numerals import from_int, value
from lawsite.model import document as model
from lawsite.model.eid import EId
from lawsite.parse import history
from lawsite.parse.lexer import ITEM, SUBITEM, Line, lex
from lawsite.parse.repair import CONTEXT, repair, repair_characters
from lawsite.parse.sources import Source

MOST = 9999     # the most 款 or 项 an article can have: 第九千九百九十九款 is the last numeral

DATE = "{d.year}年{d.month}月{d.day}日"


def parse(source: Source) -> model.Ordinance:
    text, declared = _declared_corrections(source)
    lines, invisible = _drop_zero_width_lines(lex(text))
    invisible = declared + invisible
    for line in lines:
        if line.problem:               # an article heading that cannot be read: never merge it
            raise SourceError(source.text_path, line.line, line.problem)
    if not any(line.kind in ("heading", "article", "toc") for line in lines):
        return _corrected(_document(lines, invisible, source), declared)
    header, toc, body = _split(lines, source.text_path)
    header, body = _plain_first_title(header, body)
    header, preamble_lines = _split_preamble(header)
    # in the header a whole-line <!-- … --> is markup (<!-- INFO END -->); in the body it is text
    body = [replace(line, kind="text") if line.kind == "comment" else line for line in body]
    title, history, header_repairs = _header(header, source)
    shaped = [line for line in body if line.shape]     # before repair joins any of them
    body, repairs = repair(body)
    body = _wrapped_titles(body, repairs)
    repairs = sorted(invisible + repairs, key=lambda r: (r.line, r.column))
    body = _section_gaps(_plain_sections(_plain_headings(body)))
    preamble, preamble_starts, preamble_repairs = _preamble(preamble_lines)
    builder = _Builder(source, shaped)
    ordinance = builder.build(body)
    ordinance.title = title or source.meta["title"]
    ordinance.history = history
    ordinance.preamble = preamble
    ordinance.toc = _check_toc(toc, ordinance, source.text_path)
    repairs = sorted(preamble_repairs + repairs, key=lambda r: (r.line, r.column))
    ordinance.repairs = header_repairs + _assign(repairs, preamble_starts + builder.starts, ordinance)
    ordinance.body_line = body[0].line
    return _corrected(ordinance, declared)


def _declared_corrections(source: Source) -> tuple[list[str], list[model.Repair]]:
    """The text lines with the editor's declared corrections (`corrections:` in the
    metadata, validated by sources.correction_problem) applied: each inserts its plain
    text at its line and column, and is a recorded repair, `declared-correction`. The
    file itself is never changed."""
    lines, repairs = list(source.lines), []
    entries = source.meta.get("corrections", [])
    where = getattr(source.meta, "key_line", lambda key: None)("corrections")
    for entry in sorted(entries, key=lambda e: (e["line"], -e["column"])):
        line, column, insert = entry["line"], entry["column"], entry["insert"]
        at = getattr(entry, "line", where)
        if line > len(lines) or column > len(lines[line - 1]) + 1:
            raise SourceError(source.meta_path, at, f"corrections: {source.text_path} has no line "
                              f"{line}, column {column}")
        text = lines[line - 1]
        lines[line - 1] = text[:column - 1] + insert + text[column - 1:]
        context = lines[line - 1][max(0, column - 1 - CONTEXT): column - 1 + len(insert) + CONTEXT]
        repairs.append(model.Repair("declared-correction", line, column, "", insert, context))
    return lines, repairs


def _corrected(ordinance: model.Ordinance, declared: list[model.Repair]) -> model.Ordinance:
    """After the build: the columns of the other repairs on a corrected line, counted in
    the corrected line, are given in the file's own; and each correction is shown as an
    editorial note where it is ("inserted by the editor")."""
    for correction in declared:
        for other in ordinance.repairs:
            if other is not correction and other.line == correction.line and \
                    other.column > correction.column:
                other.column -= len(correction.after)
        article = next((a for a in ordinance.articles if a.eid == _article_of(correction.eid)), None)
        if article is not None:
            article.notes.append(model.Note("declared-correction", correction.line, correction.after,
                                            correction.eid))
    return ordinance


def _document(lines: list[Line], invisible: list[model.Repair], source: Source) -> model.Ordinance:
    """A document without any 第X条 (a 决定 or 决议 of numbered points 一、二、…, or of
    plain paragraphs): published as a sequence of paragraphs, `para_1`, `para_2` …,
    each as received (after the recorded repairs), without articles or chapters.
    The header is the title and the dated lines up to <!-- INFO END -->, or, without
    that mark, the title and the dated lines that follow it."""
    comment = next((i for i, line in enumerate(lines) if line.kind == "comment"), None)
    if comment is not None:
        end = comment + 1
    else:
        content = [i for i, line in enumerate(lines) if line.kind != "blank"]
        end = content[0] + 1 if content else len(lines)
        while end < len(lines) and (lines[end].kind == "blank" or HISTORY_LINE.match(lines[end].content)):
            end += 1
    header, body = lines[:end], lines[end:]
    body = [replace(line, kind="text") if line.kind == "comment" else line for line in body]
    title, history, header_repairs = _header(header, source)
    body, repairs = repair(body, marked_lines_close=True)
    paragraphs, starts = _plain_paragraphs(body, model.document_paragraph_eid)
    if not paragraphs:
        raise SourceError(source.text_path, None, "no article found (an article starts with 第一条), "
                          "and no text after the header")
    ordinance = model.Ordinance(source.meta, title or source.meta["title"], history, [], [], [],
                                source_path=source.text_path, paragraphs=paragraphs)
    repairs = sorted(invisible + repairs, key=lambda r: (r.line, r.column))
    ordinance.repairs = header_repairs + _assign(repairs, starts, ordinance)
    ordinance.body_line = paragraphs[0].line
    return ordinance


HISTORY_LINE = re.compile(r"^(?:[-*+]\s+)?[（(]?[0-9]{4}\s*年")   # a dated header line
SENTENCE_END = ("。", "！", "？", "；", "：")


def _split_preamble(header: list[Line]) -> tuple[list[Line], list[Line]]:
    """The header's lines and the preamble's: the paragraphs that follow the header
    and stand before the first heading or article (…肩负着…重托……为此，制定本守则。).

    Strict, so that a header line of an unexpected shape is never taken for text of
    law: the preamble is the last run of lines of the header that follows
    <!-- INFO END --> (the LawRefBook mark), or, without it, a blank line after the
    last dated history line; each of its lines ends a sentence (。！？；：), is not
    dated, does not end with an action of the history (通过, 批准 …) and is not the title.

    >>> lines = lex(["# 某守则", "", "1993年9月16日 某市人大常委会通过", "", "<!-- INFO END -->", "",
    ...              "某市人大常委会组成人员肩负着重托。为此，制定本守则。"])
    >>> header, preamble = _split_preamble(lines)
    >>> len(header), [line.line for line in preamble]
    (6, [7])
    >>> _split_preamble(lex(["# 某守则", "<!-- INFO END -->", "常务委员会第三十次会议通过）"]))[1]
    []
    >>> _split_preamble(lex(["# 某守则", "1993年9月16日 某市人大常委会通过", "为此，制定本守则。"]))[1]
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


def _preamble(lines: list[Line]) -> tuple[list[model.Paragraph], list[tuple[int, str]], list[model.Repair]]:
    """The preamble's paragraphs (preamble__para_1 …), one a line, each as received
    after its recorded repairs; where each starts; the repairs."""
    lines, repairs = repair(lines, marked_lines_close=True)
    paragraphs, starts = _plain_paragraphs(lines, model.preamble_paragraph_eid)
    return paragraphs, starts, repairs


def _plain_paragraphs(lines: list[Line], eid_of) -> tuple[list[model.Paragraph], list[tuple[int, str]]]:
    """One paragraph per text line (a preamble, a document without articles), numbered
    from 1 with the eIds `eid_of(number)` gives; and where each starts."""
    paragraphs, starts = [], []
    for line in lines:
        if line.kind == "text":
            number = len(paragraphs) + 1
            eid = eid_of(number)
            paragraphs.append(model.Paragraph(number, line.content, eid, line=line.line))
            starts.append((line.line, eid))
    return paragraphs, starts


ZERO_WIDTH = "\u200b"


def _drop_zero_width_lines(lines: list[Line]) -> tuple[list[Line], list[model.Repair]]:
    """A line that holds nothing but zero-width spaces (U+200B, an editor's artefact
    some texts have between paragraphs) is blank: each one dropped is a recorded repair.
    A zero-width space inside text is left as it is.

    >>> lines, repairs = _drop_zero_width_lines(lex(["第一条 甲。", "\u200b", "乙。"]))
    >>> [line.kind for line in lines], [(r.kind, r.line, r.column, r.before) for r in repairs]
    (['article', 'blank', 'text'], [('drop-zero-width-space', 2, 1, '\u200b')])
    """
    out, repairs = [], []
    for line in lines:
        if ZERO_WIDTH in line.raw and not line.raw.replace(ZERO_WIDTH, "").strip():
            repairs += [model.Repair("drop-zero-width-space", line.line, column, ZERO_WIDTH, "", "")
                        for column, char in enumerate(line.raw, 1) if char == ZERO_WIDTH]
            line = replace(line, kind="blank", content="", marks="")
        out.append(line)
    return out, repairs


def _split(lines: list[Line], path: str) -> tuple[list[Line], list[Line], list[Line]]:
    """Header lines, 目录 lines and body lines."""
    start = next((i for i, line in enumerate(lines) if line.kind in ("heading", "article", "toc")),
                 len(lines))
    if start == len(lines):
        raise SourceError(path, None, "no article found (an article starts with 第一条)")
    if lines[start].kind == "heading":
        return lines[:start], *_split_headings_toc(lines[start:])
    if lines[start].kind != "toc":
        return lines[:start], [], lines[start:]
    entries = [line for line in lines[start + 1:] if line.kind == "heading"]
    if not entries:
        raise SourceError(path, lines[start].line, "目录 lists no chapter")
    first = entries[0]
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if line is not first and line.kind == "heading" and \
                (line.division, line.number) == (first.division, first.number):
            return lines[:start], lines[start:index], lines[index:]
        if line.kind == "article":
            raise SourceError(path, line.line, f"{line.label} comes before the body's "
                              f"{first.label}: the 目录 that starts on line "
                              f"{lines[start].line} never ends")
    raise SourceError(path, lines[start].line, "目录 is not followed by the text")


PLAIN_TITLE_LENGTH = 20                              # the longest title read as one without its label
PLAIN_TITLE = re.compile(r"^总[\s\u3000]*则$")      # 总则, 总　则


def _plain_first_title(header: list[Line], body: list[Line]) -> tuple[list[Line], list[Line]]:
    """`总则` on a line of its own just before the first article: the title of the
    first chapter, whose label 第一章 is missing upstream. It becomes a heading with
    no label (the builder marks the chapter so), its title as written."""
    content = [index for index, line in enumerate(header) if line.kind not in ("blank", "comment")]
    if len(content) < 2 or not body or body[0].kind != "article":
        return header, body
    last = header[content[-1]]
    if last.kind != "text" or not PLAIN_TITLE.match(last.content):
        return header, body
    heading = replace(last, kind="heading", division="章", number=1, label="")
    return header[:content[-1]], [heading] + header[content[-1] + 1:] + body


def is_plain_title(line: Line) -> bool:
    """A short line of text with no sentence punctuation and no item marker: the shape
    of a chapter's or section's title written without its label (规划建设).

    >>> [is_plain_title(line) for line in lex(["规划建设", "（一）设置排污口;", "本条例自公布之日起施行。"])]
    [True, False, False]
    """
    return line.kind == "text" and 0 < len(line.content) <= PLAIN_TITLE_LENGTH and \
        not re.search(r"[。，；：？！;:,.?!、]", line.content) and \
        not ITEM.match(line.content) and not SUBITEM.match(line.content) and \
        not line.content.startswith(("第", "（", "(", "《"))


def _plain_headings(body: list[Line]) -> list[Line]:
    """Chapter titles whose label 第X章 is missing upstream, as the corpus has them: a
    chapter heading that skips numbers (第三章 after 第一章), and between the two, as many
    plain title lines (规划建设), each just before an article, as there are numbers
    skipped. Those lines become headings without a label, numbered in sequence, so
    the builder publishes them as chapters marked "heading missing in the source".
    When the first chapter's heading is missing entirely (articles before 第二章), the
    count is one less. After the last chapter heading, two or more such lines (or one,
    附则 or 法律责任, the usual last chapters) are the chapters that follow it. Anything else is left as it is, for the builder to judge."""
    body = list(body)
    following = _next_kinds(body)
    if not any(line.kind == "heading" and line.division != "节" and line.label for line in body):
        return _unlabelled_chapters(body, following)
    last, start, division = 0, 0, ""
    for index, line in enumerate(body):
        if line.kind != "heading" or line.division == "节":
            continue
        division = division or line.division
        titles = [i for i in range(start, index) if is_plain_title(body[i]) and following[i] in ("article", "section")
                  and any(body[j].kind == "article" for j in range(start, i))]
        first_missing = last == 0 and any(body[j].kind == "article" for j in range(start, index))
        skipped = list(range(last + 1 + first_missing, line.number))
        if skipped and len(titles) == len(skipped) and line.division == division:
            for i, number in zip(titles, skipped):
                body[i] = replace(body[i], kind="heading", division=division, number=number, label="")
        last, start = line.number, index + 1
    # after the last chapter heading, two or more plain title lines: the chapters after it
    titles = [i for i in range(start, len(body)) if is_plain_title(body[i]) and following[i] in ("article", "section")
              and any(body[j].kind == "article" for j in range(start, i))]
    if division and (len(titles) >= 2 or [body[i].content for i in titles] in (["附则"], ["法律责任"])):
        for number, i in enumerate(titles, last + 1):
            body[i] = replace(body[i], kind="heading", division=division, number=number, label="")
    return body


def _unlabelled_chapters(body: list[Line], following: list[str]) -> list[Line]:
    """An ordinance in which not one chapter heading kept its 第X章, but two or more plain
    title lines (法律责任, 附则) stand between articles: they are the titles of chapter 2,
    3 … in sequence (chapter 1 is the articles before them: 总则 alone on its line, or
    no heading at all). One such line alone may be a short 款, and stays text."""
    titles = [index for index, line in enumerate(body) if is_plain_title(line) and following[index] in ("article", "section")
              and any(body[j].kind == "article" for j in range(index))]
    if len(titles) < 2:
        return body
    for number, index in enumerate(titles, 2):
        body[index] = replace(body[index], kind="heading", division="章", number=number, label="")
    return body


def _plain_sections(body: list[Line]) -> list[Line]:
    """Section titles written without 第X节, as the corpus has them: a plain title line
    (一般规定) right after a chapter's heading, before its first article, is the title of
    its first section; while that chapter has no 第X节 heading, each later plain title line
    just before an article is the title of its next section. They become 节 headings
    without a label: published as written, their number only in the eId (chp_2__sec_1).

    >>> body = _plain_sections(lex(["第二章 防治", "一般规定", "第一条 甲。", "特别规定", "第二条 乙。"]))
    >>> [(line.kind, line.division, line.number, line.label, line.content) for line in body[1::2]]
    [('heading', '节', 1, '', '一般规定'), ('heading', '节', 2, '', '特别规定')]
    """
    body = list(body)
    following = _next_kinds(body)
    in_chapter = unlabelled = labelled = False
    started = False                     # an article or a section since the chapter's heading
    count = 0
    for index, line in enumerate(body):
        if line.kind == "heading":
            if line.division != "节":
                in_chapter, unlabelled, labelled, started, count = True, False, False, False, 0
            else:
                labelled, started, count = True, True, line.number
            continue
        started = started or line.kind == "article"
        if not in_chapter or labelled or following[index] != "article" or not is_plain_title(line):
            continue
        if not started:
            unlabelled = True
        if unlabelled:
            count += 1
            body[index] = replace(line, kind="heading", division="节", number=count, label="")
            started = True
    return body


def _wrapped_titles(body: list[Line], repairs: list[model.Repair]) -> list[Line]:
    """A heading's title wrapped onto the next line (## 第二章 自治机关和监察委员会、 /
    人民法院、人民检察院): the line is joined to the title, a recorded join-line repair.
    Only where it cannot be a title of its own: the title ends with 、, or the heading is
    a 节 (a section has no sections), or another heading follows the line."""
    out: list[Line] = []
    following = _next_kinds(body)
    for index, line in enumerate(body):
        previous = next((known for known in reversed(out) if known.kind != "blank"), None)
        if line.kind == "text" and previous is not None and previous.kind == "heading" and \
                previous.content and following[index] in ("article", "section", "heading") and \
                len(line.content) <= 2 * PLAIN_TITLE_LENGTH and not re.search(r"[。；：？！;:?!]", line.content) and \
                ("，" not in line.content or previous.content.endswith("、")) and \
                not ITEM.match(line.content) and not line.content.startswith("第") and \
                (previous.content.endswith("、") or previous.division == "节" or following[index] != "article"):
            at = out.index(previous)
            joined = previous.content + line.content
            out[at] = replace(previous, content=joined)
            column = len(previous.content)
            repairs.append(model.Repair("join-line", line.line, line.offset + 1, "", "",
                                        joined[max(0, column - CONTEXT): column + CONTEXT]))
            continue
        out.append(line)
    return out


def _next_kinds(body: list[Line]) -> list[str]:
    """For each line, the kind of the next line that is not blank ("" at the end; a 节
    heading is "section")."""
    kinds, after = [""] * len(body), ""
    for index in range(len(body) - 1, -1, -1):
        kinds[index] = after
        if body[index].kind != "blank":
            after = "section" if body[index].kind == "heading" and body[index].division == "节" \
                else body[index].kind
    return kinds


def _section_gaps(body: list[Line]) -> list[Line]:
    """In a chapter, a 节 heading that skips numbers (第三节 after 第一节) with, between
    the two, as many plain title lines just before an article as numbers skipped: those
    are the sections whose 第X节 is missing upstream (the rule of _plain_headings)."""
    body = list(body)
    following = _next_kinds(body)
    last, start = 0, 0
    for index, line in enumerate(body):
        if line.kind != "heading":
            continue
        if line.division != "节":
            last, start = 0, index + 1
            continue
        titles = [i for i in range(start, index) if is_plain_title(body[i]) and following[i] == "article"
                  and any(body[j].kind == "article" for j in range(start, i))]
        skipped = list(range(last + 1, line.number))
        if last and skipped and len(titles) == len(skipped):
            for i, number in zip(titles, skipped):
                body[i] = replace(body[i], kind="heading", division="节", number=number, label="")
        last, start = line.number, index + 1
    return body


def _split_headings_toc(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """A 目录 written as chapter headings, without a 目录 line: the body opens with a run of
    headings with no article between them, then the first of them again (## 第一章 总则 …
    ## 第六章 附则, ## 第一章 总则, 第一条 …). The run is the 目录 (checked against the body
    like any 目录); otherwise there is no 目录."""
    first = lines[0]
    for index, line in enumerate(lines[1:], 1):
        if line.kind == "article" or line.kind not in ("heading", "blank", "comment"):
            break
        if line.kind == "heading" and (line.division, line.number) == (first.division, first.number):
            return lines[:index], lines[index:]
    return [], lines


def _header(lines: list[Line], source: Source) -> tuple[str, list[str], list[model.Repair]]:
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


def _check_toc(toc: list[Line], ordinance: model.Ordinance, path: str) -> list[str]:
    """Each 目录 line must be a heading that the body has, in the same order."""
    if not toc:
        return []
    body = [(chapter.label, chapter.title, [(s.label, s.title) for s in chapter.sections])
            for chapter in ordinance.chapters]
    printed = []
    expected = [(label, title) for label, title, sections in body
                for label, title in [(label, title)] + sections]
    entries = [line for line in toc[1 if toc[0].kind == "toc" else 0:] if line.kind not in ("blank", "comment")]
    for index, line in enumerate(entries):
        if line.kind != "heading":
            raise SourceError(path, line.line, f"unexpected line in 目录: {line.content[:30]!r}")
        title = repair_characters(line.content, line.line)[0]
        if index >= len(expected) or (line.label, title) != expected[index]:
            found = expected[index] if index < len(expected) else ("nothing", "")
            raise SourceError(path, line.line, f"目录 lists {line.label} {title} but the body "
                              f"has {' '.join(found).strip()} here")
        printed.append(f"{line.label} {title}")
    if len(entries) < len(expected):
        missing = expected[len(entries)]
        raise SourceError(path, toc[0].line, f"目录 does not list {missing[0]} {missing[1]}")
    return printed


def _check_numbering(body: list[Line], path: str) -> dict[int, str]:
    """Articles are numbered 1, 2, 3 … through the ordinance: none duplicated or out
    of order, the first one 第一条. An inserted article follows the article it is
    inserted after, or the one inserted before it: 第二十条, 第二十条之一,
    第二十条之二, 第二十一条. An article number missing upstream (第十四条 after
    第十二条) is the source's defect, published as it is: returns the line of each
    article after a gap, with what is missing before it (第十三条, 第十三条至第十五条)."""
    articles = [line for line in body if line.kind == "article"]
    numbers = [model.ArticleNumber(line.number, line.inserted) for line in articles]
    first_seen = {}
    for line, number in zip(articles, numbers):
        if number in first_seen:
            raise SourceError(path, line.line, f"{line.label} appears twice "
                              f"(first on line {first_seen[number]})")
        first_seen[number] = line.line
    for index in range(1, len(articles)):
        if numbers[index] < numbers[index - 1]:
            previous = articles[index - 1]
            raise SourceError(path, articles[index].line, f"{articles[index].label} is out of "
                              f"order: it follows {previous.label} (line {previous.line})")
    gaps = {}
    for index, (line, number) in enumerate(zip(articles, numbers)):
        missing = _missing_before(number, numbers[index - 1] if index else None)
        if missing and index and not number.inserted and missing.base < number.base:
            gaps[line.line] = missing.zh + (f"至{model.ArticleNumber(number.base - 1).zh}"
                                            if number.base - 1 > missing.base else "")
        elif missing:
            after = f"follows {articles[index - 1].label}" if index else "is the first"
            raise SourceError(path, line.line, f"{missing.zh} is missing: {line.label} {after}")
    return gaps


def _missing_before(number: model.ArticleNumber, previous: model.ArticleNumber | None):
    """The article that should stand between `previous` and `number`, or None.

    >>> N = model.ArticleNumber
    >>> _missing_before(N(20, 1), N(20)), _missing_before(N(21), N(20, 1)), _missing_before(N(1), None)
    (None, None, None)
    >>> _missing_before(N(20, 2), N(20)), _missing_before(N(20, 1), N(19)), _missing_before(N(2), None)
    (ArticleNumber(20, 1), ArticleNumber(20), ArticleNumber(1))
    """
    if previous is None:
        return None if number == model.ArticleNumber(1) else model.ArticleNumber(1)
    if number in (model.ArticleNumber(previous.base + 1),
                  model.ArticleNumber(previous.base, previous.inserted + 1)):
        return None
    if number.base == previous.base:                  # 之二 after 第二十条: 之一 is missing
        return model.ArticleNumber(previous.base, previous.inserted + 1)
    return model.ArticleNumber(previous.base + 1)


class _Builder:
    """Build the tree from repaired body lines, checking numbering as it goes."""

    def __init__(self, source: Source, shaped: list[Line] = ()):
        self.path = source.text_path
        self.source = source
        self.shaped = shaped                   # text lines with the shape of a heading
        self.chapters: list[model.Chapter] = []
        self.articles: list[model.Article] = []
        self.division = ""                     # 编 or 章, whichever the ordinance uses
        self.starts: list[tuple[int, str]] = []  # (source line, eId) of each element
        self.gaps: dict[int, str] = {}         # line of an article after a gap → what is missing

    def build(self, body: list[Line]) -> model.Ordinance:
        self.gaps = _check_numbering(body, self.path)
        for line in body:
            if line.kind == "heading" and line.division == "节":
                self._section(line)
            elif line.kind == "heading":
                self._chapter(line)
            elif line.kind == "article":
                self._article(line)
            elif line.kind == "text":
                self._text(line)
            elif line.kind == "toc":
                raise SourceError(self.path, line.line, "a second 目录")
        if self.articles:
            self._close_article()
        self._check_last_headings()
        for chapter in self.chapters:
            if not chapter.articles and not chapter.sections:
                raise SourceError(self.path, self._line_of(chapter.eid),
                                  f"{chapter.label} has no article")
            for section in chapter.sections:
                if not section.articles:
                    raise SourceError(self.path, self._line_of(section.eid),
                                      f"{chapter.label}{section.label} has no article")
        return model.Ordinance(self.source.meta, "", [], self.chapters, self.articles, [],
                               source_path=self.path)

    # -- headings ---------------------------------------------------------------------------

    def _chapter(self, line: Line) -> None:
        if self.division and line.division != self.division:
            raise SourceError(self.path, line.line, f"{line.label}: this ordinance divides into "
                              f"{self.division}, not {line.division}")
        if self.articles and not self.chapters:
            if line.number == 1:
                raise SourceError(self.path, line.line, f"{line.label} comes after articles that "
                                  "belong to no chapter")
            self._missing_first_chapter(line)
        self.division = line.division
        self._check_last_headings(line.line)
        expected = self.chapters[-1].number + 1 if self.chapters else 1
        previous = self._line_of(self.chapters[-1].eid) if self.chapters else 0
        notes = []
        if self.chapters and line.number > expected:
            # a heading lost upstream (第三章 follows 第一章): where its chapter began is
            # not known, so its articles stay with the chapter before; say so, never guess
            self._check_shaped(line.division, expected, previous, line.line, line)
            missing = f"第{from_int(expected)}{line.division}" + \
                (f"至第{from_int(line.number - 1)}{line.division}" if line.number - 1 > expected else "")
            notes.append(model.Note("headings-missing", line.line, missing))
            self.source.notices.append(Notice(self.path, line.line, f"{line.label} follows "
                                              f"{self.chapters[-1].label}: the heading of {missing} "
                                              "is missing in the source (published with a note)"))
        else:
            self._expect(line, expected, line.division, previous)
        if not line.content:
            raise SourceError(self.path, line.line, f"{line.label} has no title")
        self._close_article()
        missing_label = not line.label              # 总则 on a line of its own
        chapter = model.Chapter(line.number, line.label or f"第{from_int(line.number)}{line.division}",
                                line.content, model.chapter_eid(line.number),
                                missing=missing_label, notes=notes)
        if missing_label:
            chapter.notes.append(model.Note("label-missing", line.line, chapter.label))
            self.source.notices.append(Notice(self.path, line.line, f"{line.content!r} stands where "
                                              f"the heading of {chapter.label} should be: its title, "
                                              f"without {chapter.label} (published with a note)"))
        self.chapters.append(chapter)
        self.starts.append((line.line, chapter.eid))

    def _missing_first_chapter(self, line: Line) -> None:
        """Articles before the first heading, 第二章 (or later): the heading of 第一章
        is missing upstream. They are published as chapter 1, marked so, without a title."""
        label = f"第一{line.division}"
        self._check_shaped(line.division, 1, 0, line.line, line)
        chapter = model.Chapter(1, label, "", model.chapter_eid(1), missing=True,
                                notes=[model.Note("heading-missing", self.articles[0].line, label)])
        for article in self.articles:
            article.chapter = 1
            chapter.articles.append(article.number)
        self.chapters.append(chapter)
        # just before the first article, so that a repair on its line stays the article's
        self.starts.append((self.articles[0].line - 1, chapter.eid))
        shown = line.label or f"{line.content} (第{from_int(line.number)}{line.division})"
        self.source.notices.append(Notice(self.path, self.articles[0].line, f"{shown} on line "
                                          f"{line.line} is the first heading: the heading of {label} "
                                          "is missing in the source (published with a note)"))

    def _section(self, line: Line) -> None:
        if not self.chapters:
            raise SourceError(self.path, line.line, f"{line.label} is outside any chapter")
        chapter = self.chapters[-1]
        if chapter.articles:
            raise SourceError(self.path, line.line, f"{line.label} follows articles of "
                              f"{chapter.label} that belong to no section")
        previous = self._line_of(chapter.sections[-1].eid if chapter.sections else chapter.eid)
        self._expect(line, len(chapter.sections) + 1, "节", previous)
        if not line.content:
            raise SourceError(self.path, line.line, f"{line.label} has no title")
        self._close_article()
        section = model.Section(line.number, line.label, line.content,
                                model.section_eid(chapter.number, line.number))
        chapter.sections.append(section)
        self.starts.append((line.line, section.eid))

    def _expect(self, line: Line, number: int, division: str, previous: int) -> None:
        """The heading on `line` must be number `number`; `previous` is the line of the
        heading before it in the sequence (0 for none)."""
        if line.number != number:
            self._check_shaped(division, number, previous, line.line, line)
            raise SourceError(self.path, line.line, f"{line.label} should be "
                              f"第{from_int(number)}{division}")

    def _check_shaped(self, division: str, number: int, after: int, before: float,
                      found: Line | None = None) -> None:
        """A heading 第{number}{division} expected between lines `after` and `before` may
        have been written with sentence punctuation (第二章 附则。), and so read as text:
        name that line, not the heading after it."""
        label = f"第{from_int(number)}{division}"
        for line in self.shaped:
            if line.shape == (division, number) and after < line.line < before:
                then = f"; {found.label} on line {found.line} follows where {label} should be" \
                    if found else ""
                raise SourceError(self.path, line.line, f"{line.content[:30]!r} has the shape of "
                                  f"the heading {label} but sentence punctuation in its title, so "
                                  f"it is read as text: a heading has no 。，；：？！{then}")

    def _check_last_headings(self, before: float = float("inf")) -> None:
        """Before the next chapter (at line `before`) or at the end: was the next section
        of the last chapter, or the chapter after it, written as text?"""
        if not self.chapters:
            return
        chapter = self.chapters[-1]
        if chapter.sections:
            self._check_shaped("节", len(chapter.sections) + 1,
                               self._line_of(chapter.sections[-1].eid), before)
        if before == float("inf"):
            self._check_shaped(self.division, chapter.number + 1,
                               self._line_of(chapter.eid), before)

    # -- articles and their text ------------------------------------------------------------

    def _article(self, line: Line) -> None:
        if self.articles:
            self._close_article()
        chapter = self.chapters[-1] if self.chapters else None
        section = chapter.sections[-1] if chapter and chapter.sections else None
        number = model.ArticleNumber(line.number, line.inserted)
        article = model.Article(number, line.label, model.article_eid(number),
                                chapter.number if chapter else None,
                                section.number if section else None, line=line.line)
        if chapter:
            (section or chapter).articles.append(number)
        self.articles.append(article)
        self.starts.append((line.line, article.eid))
        if line.line in self.gaps:           # never renumbered, never merged: said where it is
            missing = self.gaps[line.line]
            article.notes.append(model.Note("article-missing", line.line, missing, article.eid))
            self.source.notices.append(Notice(self.path, line.line, f"{missing} is missing in the "
                                              f"source: {line.label} follows "
                                              f"{self.articles[-2].label} (published with a note)"))
        if line.content:
            self._text(line)

    def _close_article(self) -> None:
        if self.articles and not self.articles[-1].paragraphs:
            article = self.articles[-1]
            raise SourceError(self.path, article.line, f"{article.label} has no text")

    def _text(self, line: Line) -> None:
        if not self.articles or self._after_heading():
            raise SourceError(self.path, line.line, "text outside any article: "
                              f"{line.content[:30]!r}")
        article = self.articles[-1]
        paragraph = article.paragraphs[-1] if article.paragraphs else None
        item = paragraph.items[-1] if paragraph and paragraph.items else None
        subitem = SUBITEM.match(line.content) if item else None
        if (match := ITEM.match(line.content)) and line.kind == "text":
            self._item(line, match, article, paragraph)
        elif subitem and int(subitem.group("digits")) > len(item.subitems) + 1:
            raise SourceError(self.path, line.line, f"目 {subitem.group('label')} should be "
                              f"{len(item.subitems) + 1}. in {article.label}{item.label}")
        elif subitem and int(subitem.group("digits")) == len(item.subitems) + 1:
            match = subitem
            number = len(item.subitems) + 1
            eid = model.subitem_eid(article.number, paragraph.number, item.number, number)
            item.subitems.append(model.Subitem(number, match.group("label"),
                                               match.group("text"), eid))
            self.starts.append((line.line, eid))
        else:
            number = len(article.paragraphs) + 1
            if number > MOST:
                raise SourceError(self.path, line.line, f"{article.label} would have more than "
                                  f"{MOST} 款 (from line {article.line}), which cannot be cited: "
                                  "is this really one article?")
            eid = model.paragraph_eid(article.number, number)
            article.paragraphs.append(model.Paragraph(number, line.content, eid, line=line.line))
            self.starts.append((line.line, eid))

    def _item(self, line: Line, match: re.Match, article, paragraph) -> None:
        if paragraph is None:                   # the article starts with its items
            paragraph = model.Paragraph(1, "", model.paragraph_eid(article.number, 1),
                                        line=line.line)
            article.paragraphs.append(paragraph)
        number = value(match.group("numeral"))
        if number != _next_item(paragraph):
            paragraph = self._between_items(match.group("label"), number, article) or paragraph
        expected = _next_item(paragraph)
        if number > expected and paragraph.items and paragraph is article.paragraphs[-1]:
            # （五） right after （三）: an item lost upstream. Published as it is, its items
            # keeping their own numbers (第五项 is （五）), with a note where the gap is
            missing = f"（{from_int(expected)}）" + (f"至（{from_int(number - 1)}）" if number - 1 > expected else "")
            article.notes.append(model.Note("item-missing", line.line, missing,
                                            model.item_eid(article.number, paragraph.number, number)))
            self.source.notices.append(Notice(self.path, line.line, f"item {missing} is missing in the "
                                              f"source: {match.group('label')} follows "
                                              f"{paragraph.items[-1].label or '（' + from_int(expected - 1) + '）'} "
                                              f"in {article.label} (published with a note)"))
        elif number != expected:
            raise SourceError(self.path, line.line, f"item {match.group('label')} should be "
                              f"（{from_int(expected)}） in {article.label}")
        eid = model.item_eid(article.number, paragraph.number, number)
        paragraph.items.append(model.Item(number, match.group("label"), match.group("text"), eid))
        self.starts.append((line.line, eid))

    def _between_items(self, label: str, number: int, article: model.Article) -> model.Paragraph | None:
        """Item （number） comes after 款 with no items. When the items of an earlier 款
        stop at （number − 1 − k） and k 款 stand between, those are items whose marker
        was lost upstream: published as they are, without a label, each with an editorial
        note (or, with no item before, k 款 after a 款 ending in ：). When they stop at
        （number − 1）, the 款 between are that item's own paragraphs. Returns the 款 the
        items belong to, or None when neither fits."""
        if article.paragraphs[-1].items:
            return None
        listed = [p for p in article.paragraphs if p.items]
        if listed:
            owner = listed[-1]
        elif 1 < number < len(article.paragraphs) + 1 and \
                article.paragraphs[-number].text.endswith(("：", ":")):
            owner = article.paragraphs[-number]
        else:
            return None
        at = article.paragraphs.index(owner) + 1
        between, done = article.paragraphs[at:], _next_item(owner) - 1
        if number == done + 1 + len(between):
            for item_number, lost in enumerate(between, done + 1):
                eid = model.item_eid(article.number, owner.number, item_number)
                owner.items.append(model.Item(item_number, "", lost.text, eid))
                marker = f"（{from_int(item_number)}）"
                article.notes.append(model.Note("item-marker-missing", lost.line, marker, eid))
                self.source.notices.append(Notice(self.path, lost.line, f"item marker missing: "
                                                  f"{marker} is expected at the start of this line in "
                                                  f"{article.label} ({label} follows; published "
                                                  "as it is, with a note)"))
                self._rename(lost.eid, eid)
        elif listed and number == done + 1:
            item = owner.items[-1]
            for own, more in enumerate(between, len(item.paragraphs) + 2):
                eid = model.item_paragraph_eid(article.number, owner.number, item.number, own)
                item.paragraphs.append(model.ItemParagraph(own, more.text, eid, line=more.line))
                self._rename(more.eid, eid)
        else:
            return None
        del article.paragraphs[at:]
        return owner

    def _rename(self, old: str, new: str) -> None:
        """An element read as a 款 is a 项, or a 项's paragraph: its start takes the new eId."""
        self.starts = [(line, new if eid == old else eid) for line, eid in self.starts]

    def _after_heading(self) -> bool:
        """Text right after a chapter or section heading, before any article."""
        return bool(self.starts) and not EId.parse(self.starts[-1][1]).in_article

    def _line_of(self, eid: str) -> int:
        return next(line for line, known in self.starts if known == eid)


def _next_item(paragraph: model.Paragraph) -> int:
    """The number the next 项 of a 款 should have (items lost upstream leave gaps)."""
    return paragraph.items[-1].number + 1 if paragraph.items else 1


def _assign(repairs: list[model.Repair], starts: list[tuple[int, str]],
            ordinance: model.Ordinance) -> list[model.Repair]:
    """Give each repair the eId of the element whose text it changed (the last one
    starting on or before its line), and list each article's repairs on the article."""
    starts = sorted(starts)                       # on one line, art_1 before art_1__para_1
    lines = [line for line, _ in starts]
    by_article = {article.eid: article for article in ordinance.articles}
    for repair_ in repairs:
        index = bisect.bisect_right(lines, repair_.line) - 1
        repair_.eid = starts[index][1] if index >= 0 else ""
        article = by_article.get(_article_of(repair_.eid))
        if article is not None:
            article.repairs.append(repair_)
    return repairs


def _article_of(eid: str) -> str:
    """The eId of the article `eid` is in, or "" (a heading, the ordinance's header)."""
    parsed = EId.parse(eid) if eid else None
    return str(parsed.of_article()) if parsed is not None and parsed.in_article else ""
