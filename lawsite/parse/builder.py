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
from lawsite.parse import checks, corrections, front, outline
from lawsite.parse.lexer import ITEM, SUBITEM, Line, lex
from lawsite.parse.repair import repair
from lawsite.parse.sources import Source

MOST = 9999     # the most 款 or 项 an article can have: 第九千九百九十九款 is the last numeral


def parse(source: Source) -> model.Ordinance:
    text, declared = corrections.apply(source)
    lines, invisible = outline.drop_zero_width_lines(lex(text))
    invisible = declared + invisible
    for line in lines:
        if line.problem:               # an article heading that cannot be read: never merge it
            raise SourceError(source.text_path, line.line, line.problem)
    if not any(line.kind in ("heading", "article", "toc") for line in lines):
        return corrections.annotate(_document(lines, invisible, source), declared)
    header, toc, body = outline.split(lines, source.text_path)
    header, body = outline.plain_first_title(header, body)
    header, preamble_lines = front.split_preamble(header)
    # in the header a whole-line <!-- … --> is markup (<!-- INFO END -->); in the body it is text
    body = [replace(line, kind="text") if line.kind == "comment" else line for line in body]
    title, history, header_repairs = front.read(header, source)
    shaped = [line for line in body if line.shape]     # before repair joins any of them
    body, repairs = repair(body)
    body = outline.wrapped_titles(body, repairs)
    repairs = sorted(invisible + repairs, key=lambda r: (r.line, r.column))
    body = outline.section_gaps(outline.plain_sections(outline.plain_headings(body)))
    preamble, preamble_starts, preamble_repairs = front.preamble(preamble_lines)
    builder = _Builder(source, shaped)
    ordinance = builder.build(body)
    ordinance.title = title or source.meta["title"]
    ordinance.history = history
    ordinance.preamble = preamble
    ordinance.toc = checks.toc(toc, ordinance, source.text_path)
    repairs = sorted(preamble_repairs + repairs, key=lambda r: (r.line, r.column))
    ordinance.repairs = header_repairs + _assign(repairs, preamble_starts + builder.starts, ordinance)
    ordinance.body_line = body[0].line
    return corrections.annotate(ordinance, declared)


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
        while end < len(lines) and (lines[end].kind == "blank" or front.HISTORY_LINE.match(lines[end].content)):
            end += 1
    header, body = lines[:end], lines[end:]
    body = [replace(line, kind="text") if line.kind == "comment" else line for line in body]
    title, history, header_repairs = front.read(header, source)
    body, repairs = repair(body, marked_lines_close=True)
    paragraphs, starts = front.plain_paragraphs(body, model.document_paragraph_eid)
    if not paragraphs:
        raise SourceError(source.text_path, None, "no article found (an article starts with 第一条), "
                          "and no text after the header")
    ordinance = model.Ordinance(source.meta, title or source.meta["title"], history, [], [], [],
                                source_path=source.text_path, paragraphs=paragraphs)
    repairs = sorted(invisible + repairs, key=lambda r: (r.line, r.column))
    ordinance.repairs = header_repairs + _assign(repairs, starts, ordinance)
    ordinance.body_line = paragraphs[0].line
    return ordinance


class _Builder:
    """Build the tree from repaired body lines, checking numbering as it goes."""

    def __init__(self, source: Source, shaped: list[Line] | None = None):
        self.path = source.text_path
        self.source = source
        self.shaped = shaped or []             # text lines with the shape of a heading
        self.chapters: list[model.Chapter] = []
        self.articles: list[model.Article] = []
        self.division = ""                     # 编 or 章, whichever the ordinance uses
        self.starts: list[tuple[int, str]] = []  # (source line, eId) of each element
        self.gaps: dict[int, str] = {}         # line of an article after a gap → what is missing

    def build(self, body: list[Line]) -> model.Ordinance:
        self.gaps = checks.numbering(body, self.path)
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
        elif subitem and item and int(subitem.group("digits")) > len(item.subitems) + 1:
            raise SourceError(self.path, line.line, f"目 {subitem.group('label')} should be "
                              f"{len(item.subitems) + 1}. in {article.label}{item.label}")
        elif subitem and item and paragraph and int(subitem.group("digits")) == len(item.subitems) + 1:
            number = len(item.subitems) + 1
            eid = model.subitem_eid(article.number, paragraph.number, item.number, number)
            item.subitems.append(model.Subitem(number, subitem.group("label"),
                                               subitem.group("text"), eid))
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
        article = by_article.get(corrections.article_of(repair_.eid))
        if article is not None:
            article.repairs.append(repair_)
    return repairs
