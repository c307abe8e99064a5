"""The structured model of an ordinance, with Akoma Ntoso element ids (eIds).

Ordinance › Chapter (编/章) › Section (节) › Article (条) › Paragraph (款) › Item (项) › Subitem (目)

eIds follow the Akoma Ntoso naming convention, parts joined by `__`:

>>> article_eid(28), paragraph_eid(28, 2), item_eid(28, 2, 3), subitem_eid(28, 2, 3, 1)
('art_28', 'art_28__para_2', 'art_28__para_2__point_3', 'art_28__para_2__point_3__item_1')
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

from .numerals import from_int


@dataclass(frozen=True, order=True)
class ArticleNumber:
    """The number of an article: 第二十条 is ArticleNumber(20), the inserted article
    第二十条之一 ArticleNumber(20, 1), 之二 ArticleNumber(20, 2). They sort in reading
    order: 第二十条, 第二十条之一, 第二十条之二, 第二十一条.

    `str()` gives the form used in eIds and URLs (`20-1`, `art_20-1`, `article-20-1/`),
    `zh` the Chinese label, `en` the English number: 之一 → A, 之二 → B, as in the
    NPC's official English translations (Criminal Law Article 133A).

    >>> number = ArticleNumber(20, 1)
    >>> str(number), number.zh, number.en
    ('20-1', '第二十条之一', '20A')
    >>> str(ArticleNumber(28)), ArticleNumber(28).zh, ArticleNumber(28).en
    ('28', '第二十八条', '28')
    >>> ArticleNumber(20) < ArticleNumber(20, 1) < ArticleNumber(20, 2) < ArticleNumber(21)
    True
    >>> ArticleNumber.parse("20-1"), ArticleNumber.parse("7"), ArticleNumber.of(7)
    (ArticleNumber(20, 1), ArticleNumber(7), ArticleNumber(7))
    """

    base: int
    inserted: int = 0           # 0 for an ordinary article, n for 之n

    def __str__(self) -> str:
        return f"{self.base}-{self.inserted}" if self.inserted else str(self.base)

    def __repr__(self) -> str:
        return f"ArticleNumber({self.base}, {self.inserted})" if self.inserted \
            else f"ArticleNumber({self.base})"

    @property
    def zh(self) -> str:
        return f"第{from_int(self.base)}条" + (f"之{from_int(self.inserted)}" if self.inserted else "")

    @property
    def en(self) -> str:
        """28, or 20A for 第二十条之一 (之二十七 would be 20AA: letters as in spreadsheet columns).

        >>> ArticleNumber(20, 2).en, ArticleNumber(20, 26).en, ArticleNumber(20, 27).en
        ('20B', '20Z', '20AA')
        """
        letters, n = "", self.inserted
        while n:
            n, rest = divmod(n - 1, 26)
            letters = chr(ord("A") + rest) + letters
        return f"{self.base}{letters}"

    @classmethod
    def parse(cls, text: str) -> "ArticleNumber":
        """The number from its eId form: `20-1`, `28`."""
        base, _, inserted = text.partition("-")
        return cls(int(base), int(inserted) if inserted else 0)

    @classmethod
    def of(cls, number: "ArticleNumber | int") -> "ArticleNumber":
        """An ArticleNumber, given one or the plain number of an ordinary article."""
        return number if isinstance(number, cls) else cls(number)


def chapter_eid(chapter: int) -> str:
    return f"chp_{chapter}"


def section_eid(chapter: int, section: int) -> str:
    return f"{chapter_eid(chapter)}__sec_{section}"


def article_eid(article: ArticleNumber | int) -> str:
    return f"art_{article}"


def paragraph_eid(article: ArticleNumber | int, paragraph: int) -> str:
    return f"{article_eid(article)}__para_{paragraph}"


def item_eid(article: ArticleNumber | int, paragraph: int, item: int) -> str:
    return f"{paragraph_eid(article, paragraph)}__point_{item}"


def subitem_eid(article: ArticleNumber | int, paragraph: int, item: int, subitem: int) -> str:
    return f"{item_eid(article, paragraph, item)}__item_{subitem}"


@dataclass
class Repair:
    """One change made to the text as received, so an editor can audit it.

    kind: remove-space | full-width-punctuation | join-line | join-fragment
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
class Subitem:
    number: int
    label: str            # "1."
    text: str
    eid: str


@dataclass
class Item:
    number: int
    label: str            # "（三）"
    text: str
    eid: str
    subitems: list[Subitem] = field(default_factory=list)


@dataclass
class Paragraph:
    number: int
    text: str             # the 款's own words; its 项 follow in `items`
    eid: str
    items: list[Item] = field(default_factory=list)
    line: int = 0


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

    def elements(self):
        """Every 款, 项 and 目 of the article, in reading order."""
        for paragraph in self.paragraphs:
            yield paragraph
            for item in paragraph.items:
                yield item
                yield from item.subitems

    def text(self) -> str:
        """The article's words without labels of its own (for search and previews)."""
        parts = []
        for element in self.elements():
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


@dataclass
class Ordinance:
    meta: dict                                   # validated metadata (see sources.FIELDS)
    title: str
    history: list[str]                           # 题注: adoption, approval, amendment lines
    chapters: list[Chapter]
    articles: list[Article]
    repairs: list[Repair]                        # every repair, articles' and headings'
    toc: list[str] = field(default_factory=list)  # the 目录 as printed, if any
    source_path: str = ""
    body_line: int = 0                           # the line where the body starts, after any 目录
    _positions: dict | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def slug(self) -> str:
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
        return self.chapters[number - 1]
