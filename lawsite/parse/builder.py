"""Turn an ordinance's lines into the model: header, 目录, chapters, sections, articles.

    lines ──lex──▶ classified lines ──split──▶ header · 目录 · body
    body ──repair──▶ repaired lines ──build──▶ Ordinance

Every problem is a SourceError naming the file and line; the parser never guesses
past one. The 目录 is skipped but must agree with the headings of the body.
"""

import bisect
import re
from dataclasses import replace

from lawsite.core.errors import SourceError
from lawsite.core.numerals import from_int, value
from lawsite.model import document as model
from lawsite.model.eid import EId
from lawsite.parse import history
from lawsite.parse.lexer import ITEM, SUBITEM, Line, lex
from lawsite.parse.repair import repair, repair_characters
from lawsite.parse.sources import Source

MOST = 9999     # the most 款 or 项 an article can have: 第九千九百九十九款 is the last numeral

DATE = "{d.year}年{d.month}月{d.day}日"


def parse(source: Source) -> model.Ordinance:
    lines = lex(source.lines)
    for line in lines:
        if line.problem:               # an article heading that cannot be read: never merge it
            raise SourceError(source.text_path, line.line, line.problem)
    header, toc, body = _split(lines, source.text_path)
    # in the header a whole-line <!-- … --> is markup (<!-- INFO END -->); in the body it is text
    body = [replace(line, kind="text") if line.kind == "comment" else line for line in body]
    title, history, header_repairs = _header(header, source)
    shaped = [line for line in body if line.shape]     # before repair joins any of them
    body, repairs = repair(body)
    builder = _Builder(source, shaped)
    ordinance = builder.build(body)
    ordinance.title = title or source.meta["title"]
    ordinance.history = history
    ordinance.toc = _check_toc(toc, ordinance, source.text_path)
    ordinance.repairs = header_repairs + _assign(repairs, builder.starts, ordinance)
    ordinance.body_line = body[0].line
    return ordinance


def _split(lines: list[Line], path: str) -> tuple[list[Line], list[Line], list[Line]]:
    """Header lines, 目录 lines and body lines."""
    start = next((i for i, line in enumerate(lines) if line.kind in ("heading", "article", "toc")),
                 len(lines))
    if start == len(lines):
        raise SourceError(path, None, "no article found (an article starts with 第一条)")
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
    entries = [line for line in toc[1:] if line.kind != "blank"]
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


def _check_numbering(body: list[Line], path: str) -> None:
    """Articles are numbered 1, 2, 3 … through the ordinance: none missing,
    duplicated or out of order. An inserted article follows the article it is
    inserted after, or the one inserted before it: 第二十条, 第二十条之一,
    第二十条之二, 第二十一条."""
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
    for index, (line, number) in enumerate(zip(articles, numbers)):
        missing = _missing_before(number, numbers[index - 1] if index else None)
        if missing:
            after = f"follows {articles[index - 1].label}" if index else "is the first"
            raise SourceError(path, line.line, f"{missing.zh} is missing: {line.label} {after}")


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

    def build(self, body: list[Line]) -> model.Ordinance:
        _check_numbering(body, self.path)
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
            raise SourceError(self.path, line.line, f"{line.label} comes after articles that "
                              "belong to no chapter")
        self.division = line.division
        self._check_last_headings(line.line)
        previous = self._line_of(self.chapters[-1].eid) if self.chapters else 0
        self._expect(line, len(self.chapters) + 1, line.division, previous)
        if not line.content:
            raise SourceError(self.path, line.line, f"{line.label} has no title")
        self._close_article()
        chapter = model.Chapter(line.number, line.label, line.content,
                                model.chapter_eid(line.number))
        self.chapters.append(chapter)
        self.starts.append((line.line, chapter.eid))

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
            self._check_shaped(self.division, len(self.chapters) + 1,
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
        if number != len(paragraph.items) + 1:
            self._check_unmarked(line, match.group("label"), number, article)
            raise SourceError(self.path, line.line, f"item {match.group('label')} should be "
                              f"（{from_int(len(paragraph.items) + 1)}） in {article.label}")
        eid = model.item_eid(article.number, paragraph.number, number)
        paragraph.items.append(model.Item(number, match.group("label"), match.group("text"), eid))
        self.starts.append((line.line, eid))

    def _check_unmarked(self, line: Line, label: str, number: int, article: model.Article) -> None:
        """Item （number） comes after 款 with no items: when the items of an earlier 款
        stop at （number − 1 − k） and k 款 stand between, those are items whose
        marker is missing (or, for k 款 and （number − 1）, an item's second paragraph);
        name the first of them, not this line."""
        listed = [p for p in article.paragraphs if p.items]
        if not listed or article.paragraphs[-1].items:
            return
        between = article.paragraphs[article.paragraphs.index(listed[-1]) + 1:]
        last = listed[-1].items[-1]
        where = f"{last.label} is on line {self._line_of(last.eid)}, {label} on line {line.line}"
        if number == len(listed[-1].items) + 1 + len(between):
            expected = f"（{from_int(len(listed[-1].items) + 1)}）"
            raise SourceError(self.path, between[0].line, f"item marker missing: {expected} "
                              f"is expected at the start of this line in {article.label} ({where})")
        if number == len(listed[-1].items) + 1:
            raise SourceError(self.path, between[0].line, f"this 款 stands between the items "
                              f"of {article.label} ({where}): an item in two paragraphs, or "
                              "an item marker missing?")

    def _after_heading(self) -> bool:
        """Text right after a chapter or section heading, before any article."""
        return bool(self.starts) and not EId.parse(self.starts[-1][1]).in_article

    def _line_of(self, eid: str) -> int:
        return next(line for line, known in self.starts if known == eid)


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
