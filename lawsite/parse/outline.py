"""The outline of a body: how its lines are split into header · 目录 · body, and the
headings written without their labels (a missing first-chapter heading, a chapter or
section title without 第X章/第X节, a title wrapped over two lines), recognised before
the model is built."""

import re
from dataclasses import replace

from lawsite.core.errors import SourceError
from lawsite.model import document as model
from lawsite.parse.lexer import ITEM, SUBITEM, Line, lex  # noqa: F401 (lex: the doctests)
from lawsite.parse.repair import CONTEXT

ZERO_WIDTH = "\u200b"


def drop_zero_width_lines(lines: list[Line]) -> tuple[list[Line], list[model.Repair]]:
    """A line that holds nothing but zero-width spaces (U+200B, an editor's artefact
    some texts have between paragraphs) is blank: each one dropped is a recorded repair.
    A zero-width space inside text is left as it is.

    >>> lines, repairs = drop_zero_width_lines(lex(["第一条 甲。", "\u200b", "乙。"]))
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


def split(lines: list[Line], path: str) -> tuple[list[Line], list[Line], list[Line]]:
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


def plain_first_title(header: list[Line], body: list[Line]) -> tuple[list[Line], list[Line]]:
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


def plain_headings(body: list[Line]) -> list[Line]:
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


def plain_sections(body: list[Line]) -> list[Line]:
    """Section titles written without 第X节, as the corpus has them: a plain title line
    (一般规定) right after a chapter's heading, before its first article, is the title of
    its first section; while that chapter has no 第X节 heading, each later plain title line
    just before an article is the title of its next section. They become 节 headings
    without a label: published as written, their number only in the eId (chp_2__sec_1).

    >>> body = plain_sections(lex(["第二章 防治", "一般规定", "第一条 甲。", "特别规定", "第二条 乙。"]))
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


def wrapped_titles(body: list[Line], repairs: list[model.Repair]) -> list[Line]:
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


def section_gaps(body: list[Line]) -> list[Line]:
    """In a chapter, a 节 heading that skips numbers (第三节 after 第一节) with, between
    the two, as many plain title lines just before an article as numbers skipped: those
    are the sections whose 第X节 is missing upstream (the rule of plain_headings)."""
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
