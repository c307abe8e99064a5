"""The structured model of an ordinance, with Akoma Ntoso element ids (eIds).

Ordinance › Chapter (编/章) › Section (节) › Article (条) › Paragraph (款) › Item (项) › Subitem (目)

eIds follow the Akoma Ntoso naming convention, parts joined by `__` (the value
itself is `lawsite.model.eid.EId`; these build its text):

>>> article_eid(28), paragraph_eid(28, 2), item_eid(28, 2, 3), subitem_eid(28, 2, 3, 1)
('art_28', 'art_28__para_2', 'art_28__para_2__point_3', 'art_28__para_2__point_3__item_1')
>>> item_paragraph_eid(27, 1, 3, 2)
'art_27__para_1__point_3__para_2'
>>> chapter_eid(4), section_eid(4, 2)
('chp_4', 'chp_4__sec_2')

Articles are numbered through the whole ordinance, so their eId needs no chapter
prefix; sections restart in each chapter, so theirs does.

An inserted article (第二十条之一, added by an amendment without renumbering the
articles after it) is numbered `20-1` in its eId, as Akoma Ntoso numbers inserted
provisions after the one they follow; its 款 and 项 are numbered below it as usual:

>>> article_eid(ArticleNumber(20, 1)), item_eid(ArticleNumber(20, 1), 2, 3)
('art_20-1', 'art_20-1__para_2__point_3')
"""

from dataclasses import dataclass, field

from lawsite.model.eid import ArticleNumber, EId  # noqa: F401  (ArticleNumber: part of the model)


def chapter_eid(chapter: int) -> str:
    return str(EId(chapter=chapter))


def section_eid(chapter: int, section: int) -> str:
    return str(EId(chapter=chapter, section=section))


def document_paragraph_eid(paragraph: int) -> str:
    """A paragraph of a document without articles (a 决定): `para_3`."""
    return str(EId(paragraph=paragraph))


def preamble_paragraph_eid(paragraph: int) -> str:
    """A paragraph of the preamble, before 第一条: `preamble__para_1`."""
    return str(EId(paragraph=paragraph, preamble=True))


def article_eid(article: ArticleNumber | int) -> str:
    return f"art_{article}"


def paragraph_eid(article: ArticleNumber | int, paragraph: int) -> str:
    return f"{article_eid(article)}__para_{paragraph}"


def item_eid(article: ArticleNumber | int, paragraph: int, item: int) -> str:
    return f"{paragraph_eid(article, paragraph)}__point_{item}"


def item_paragraph_eid(article: ArticleNumber | int, paragraph: int, item: int, own: int) -> str:
    """The second (third …) paragraph of a 项: `art_27__para_1__point_3__para_2`."""
    return f"{item_eid(article, paragraph, item)}__para_{own}"


def subitem_eid(article: ArticleNumber | int, paragraph: int, item: int, subitem: int) -> str:
    return f"{item_eid(article, paragraph, item)}__item_{subitem}"


@dataclass
class Repair:
    """One change made to the text as received, so an editor can audit it.

    kind: remove-space | full-width-punctuation | join-line | drop-heading-marks |
    drop-zero-width-space | declared-correction
    line/column: where in the source file (1-based); before/after: the exact
    characters replaced; context: the repaired text around the change.
    """

    kind: str
    line: int
    column: int
    before: str
    after: str
    context: str
    eid: str = ""


@dataclass
class Note:
    """An editorial note where the source is defective (a heading or an article
    number missing upstream, an item marker lost) or where the editor declared a
    correction: published beside the text, never silently.

    kind: heading-missing (no heading: the articles before 第二章) | label-missing (a title
    written without its 第X章) | headings-missing (第三章 follows 第一章) | article-missing |
    item-missing (（五） follows （三）) | item-marker-missing |
    declared-correction; line: where in the source file; what: the words of the source
    it is about (第二章, 第十三条, （七）), shown in the note.
    """

    kind: str
    line: int
    what: str = ""
    eid: str = ""         # the element it is shown after (an article's note: the article)


@dataclass
class Subitem:
    number: int
    label: str            # "1."
    text: str
    eid: str


@dataclass
class ItemParagraph:
    """A 项's own second (third …) paragraph: the 项 goes on after a line break."""

    number: int           # 2 for the 项's second paragraph (its first is the 项's own text)
    text: str
    eid: str
    line: int = 0


@dataclass
class Item:
    number: int
    label: str            # "（三）"; "" where the source lost it (an editorial note says so)
    text: str
    eid: str
    subitems: list[Subitem] = field(default_factory=list)
    paragraphs: list[ItemParagraph] = field(default_factory=list)


@dataclass
class Paragraph:
    number: int
    text: str             # the 款's own words; its 项 follow in `items`
    eid: str
    items: list[Item] = field(default_factory=list)
    line: int = 0

    def elements(self):
        """The 款 itself, then each of its 项 followed by its 目 and its own paragraphs,
        in reading order."""
        yield self
        for item in self.items:
            yield item
            yield from item.subitems
            yield from item.paragraphs


@dataclass
class Article:
    number: ArticleNumber
    label: str            # "第二十八条", "第二十条之一", as the text writes it (without spaces)
    eid: str
    chapter: int | None
    section: int | None
    paragraphs: list[Paragraph] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    line: int = 0
    notes: list[Note] = field(default_factory=list)

    def elements(self):
        """The walk over an article that every stage uses: each 款, 项 and 目 in
        reading order, with the 款 it is in: (paragraph, element)."""
        for paragraph in self.paragraphs:
            for element in paragraph.elements():
                yield paragraph, element

    def text(self) -> str:
        """The article's words without labels of its own (for search and previews)."""
        parts = []
        for _, element in self.elements():
            parts.append(getattr(element, "label", "") + element.text)
        return "".join(parts)


@dataclass
class Section:
    number: int
    label: str            # "第二节"
    title: str
    eid: str
    articles: list[ArticleNumber] = field(default_factory=list)


@dataclass
class Chapter:
    number: int
    label: str            # "第四章" (or "第四编")
    title: str
    eid: str
    sections: list[Section] = field(default_factory=list)
    articles: list[ArticleNumber] = field(default_factory=list)
    # The source has no heading 第X章 for it (the articles before 第二章, or 总则 alone):
    # its label is its place in the sequence, its title only what the source wrote.
    missing: bool = False
    notes: list[Note] = field(default_factory=list)


@dataclass
class Ordinance:
    meta: dict                                   # validated metadata (parse/ordinance.schema.json)
    title: str
    history: list[str]                           # 题注: adoption, approval, amendment lines
    chapters: list[Chapter]
    articles: list[Article]
    repairs: list[Repair]                        # every repair, articles' and headings'
    toc: list[str] = field(default_factory=list)  # the 目录 as printed, if any
    source_path: str = ""
    body_line: int = 0                           # the line where the body starts, after any 目录
    # a document without any 第X条 (a 决定 of numbered points): its text, paragraph by paragraph
    paragraphs: list[Paragraph] = field(default_factory=list)
    # the preamble: paragraphs after the header and before the first heading or article
    preamble: list[Paragraph] = field(default_factory=list)
    # An earlier version (expression) of its work: its version date (ISO), "" for the
    # current one. The versions of one work share the work's slug in their metadata; the
    # latest is the current version, at the work's URLs, each earlier one at
    # `<work slug>/<version date>/` (lawsite/parse/sources.versions).
    old_version: str = ""
    _positions: dict | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def slug(self) -> str:
        """The key of this version across the build and the root of its pages: the work's
        slug for the current version, `<work slug>/<version date>` for an earlier one."""
        return f"{self.meta['slug']}/{self.old_version}" if self.old_version else self.meta["slug"]

    @property
    def work_slug(self) -> str:
        """The slug of the work, which every version of it shares."""
        return self.meta["slug"]

    def outline(self):
        """Chapters, sections and articles in reading order."""
        if not self.chapters:
            yield from self.articles
        for chapter in self.chapters:
            yield chapter
            yield from (self.article(n) for n in chapter.articles)
            for section in chapter.sections:
                yield section
                yield from (self.article(n) for n in section.articles)

    def article(self, number: ArticleNumber | int) -> Article:
        """The article numbered `number` (an int for an ordinary article); KeyError if none."""
        return self.articles[self.position(number)]

    def position(self, number: ArticleNumber | int) -> int:
        """Where the article numbered `number` stands in `articles` (0 for the first)."""
        number = ArticleNumber.of(number)
        index = (self._positions or {}).get(number)
        if index is None or index >= len(self.articles) or self.articles[index].number != number:
            self._positions = {article.number: i for i, article in enumerate(self.articles)}
            index = self._positions[number]
        return index

    def has_article(self, number: ArticleNumber | int) -> bool:
        try:
            self.position(number)
        except KeyError:
            return False
        return True

    def chapter(self, number: int) -> Chapter:
        """The chapter numbered `number` (chapters missing upstream leave gaps)."""
        return next(chapter for chapter in self.chapters if chapter.number == number)
