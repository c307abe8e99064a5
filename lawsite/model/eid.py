"""Akoma Ntoso eIds, as one value (in the style of Laws.Africa cobalt's `FrbrUri`):
built from numbers, parsed from text, printed back; every feature keys on them.

An eId names a chapter (`chp_4`), a section (`chp_4__sec_2`), or an article and
its parts: 款 `para`, 项 `point`, 目 `item` (`art_28__para_2__point_3__item_1`).
A 项 in more than one paragraph has its own: `art_27__para_1__point_3__para_2` is the
second paragraph of 第二十七条第（三）项 (cited as the 项: it has no number of its own).
An inserted article (第二十条之一) is `art_20-1`; a paragraph of a document without
articles is `para_3`; a paragraph of the preamble (the text between the header and
第一条, Akoma Ntoso's `preamble`) is `preamble__para_1`.

>>> eid = EId.parse("art_28__para_2__point_3")
>>> eid.article, eid.paragraph, eid.item, eid.subitem
(28, 2, 3, None)
>>> str(eid), eid.kind, str(eid.of_article())
('art_28__para_2__point_3', 'item', 'art_28')
>>> str(EId(article=20, insert=1, paragraph=1)), EId.parse("art_20-1").insert
('art_20-1__para_1', 1)
>>> str(EId(chapter=4, section=2)), EId.parse("chp_4__sec_2").kind
('chp_4__sec_2', 'section')
>>> eid = EId.parse("art_27__para_1__point_3__para_2")
>>> eid.item, eid.item_paragraph, eid.kind, str(eid), eid.numbers()
(3, 2, 'item_paragraph', 'art_27__para_1__point_3__para_2', {'article': ArticleNumber(27), 'paragraph': 1, 'item': 3})
>>> EId.parse("art_27__para_1__point_3__para_1")
Traceback (most recent call last):
ValueError: not an eId: 'art_27__para_1__point_3__para_1'

A document without articles (a 决定 of numbered points) is a sequence of paragraphs:

>>> eid = EId.parse("para_3")
>>> eid.paragraph, eid.kind, eid.in_article, str(eid), str(EId(paragraph=3))
(3, 'paragraph', False, 'para_3', 'para_3')
>>> EId.parse("art_1__point_2")
Traceback (most recent call last):
ValueError: not an eId: 'art_1__point_2'

A preamble's paragraphs (before 第一条) are outside any article:

>>> eid = EId.parse("preamble__para_2")
>>> eid.preamble, eid.paragraph, eid.kind, eid.in_article, str(eid), str(EId(paragraph=1, preamble=True))
(True, 2, 'paragraph', False, 'preamble__para_2', 'preamble__para_1')
>>> EId.parse("preamble")
Traceback (most recent call last):
ValueError: not an eId: 'preamble'
"""

import re
from dataclasses import dataclass

from lawsite.core.numerals import from_int

PATTERN = re.compile(r"""
    ^(?:
        chp_(?P<chapter>[1-9]\d*)                   # a chapter (编 and 章 alike)
        (?:__sec_(?P<section>[1-9]\d*))?            # a section (节) of it
      |
        art_(?P<article>[1-9]\d*)                   # an article (条) ...
        (?:-(?P<insert>[1-9]\d*))?                  # ... or one inserted after it (之一: -1)
        (?:__para_(?P<paragraph>[1-9]\d*)           # a 款 of the article
          (?:__point_(?P<item>[1-9]\d*)             # a 项 of the 款
            (?:__item_(?P<subitem>[1-9]\d*)         # a 目 of the 项
              |__para_(?P<item_paragraph>[2-9]|[1-9]\d+)  # or the 项's own 2nd, 3rd … paragraph
            )?
          )?
        )?
      |
        para_(?P<paragraph_only>[1-9]\d*)          # a paragraph of a document without articles (a 决定)
      |
        preamble__para_(?P<preamble>[1-9]\d*)     # a paragraph of the preamble, before 第一条
    )$
    """, re.VERBOSE)

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
        return number if isinstance(number, ArticleNumber) else cls(number)


KINDS = ("chapter", "section", "article", "paragraph", "item", "subitem", "item_paragraph")


@dataclass(frozen=True)
class EId:
    chapter: int | None = None
    section: int | None = None
    article: int | None = None
    insert: int | None = None          # 第X条之一 → 1
    paragraph: int | None = None
    item: int | None = None
    subitem: int | None = None
    item_paragraph: int | None = None  # a 项's own second (third …) paragraph
    preamble: bool = False             # a paragraph of the preamble (preamble__para_1)

    @classmethod
    def parse(cls, text: str) -> "EId":
        match = PATTERN.match(text)
        if not match:
            raise ValueError(f"not an eId: {text!r}")
        found: dict = {name: int(value) for name, value in match.groupdict().items() if value}
        if "paragraph_only" in found:
            return cls(paragraph=found.pop("paragraph_only"))
        if "preamble" in found:
            return cls(paragraph=found.pop("preamble"), preamble=True)
        return cls(**found)

    def __str__(self) -> str:
        if self.preamble:
            return f"preamble__para_{self.paragraph}"
        if self.article is None and self.chapter is None:
            return f"para_{self.paragraph}"
        if self.article is None:
            return f"chp_{self.chapter}" + (f"__sec_{self.section}" if self.section else "")
        text = f"art_{self.article}" + (f"-{self.insert}" if self.insert else "")
        for prefix, number in (("para", self.paragraph), ("point", self.item), ("item", self.subitem)):
            if number is None:
                break
            text += f"__{prefix}_{number}"
        if self.item_paragraph is not None:
            text += f"__para_{self.item_paragraph}"
        return text

    @property
    def kind(self) -> str:
        """The most specific part it names: chapter, section, article, paragraph, item, subitem."""
        values = (self.chapter, self.section, self.article, self.paragraph, self.item, self.subitem,
                  self.item_paragraph)
        return [kind for kind, value in zip(KINDS, values) if value is not None][-1]

    @property
    def in_article(self) -> bool:
        """An article or a part of one (not a chapter or a section)."""
        return self.article is not None

    def of_article(self) -> "EId":
        """The article this eId is in."""
        return EId(article=self.article, insert=self.insert)

    def of_chapter(self) -> "EId":
        """The chapter this chapter or section eId is in."""
        return EId(chapter=self.chapter)

    def article_number(self) -> ArticleNumber:
        """The number of the article this eId is in: ArticleNumber(20, 1) for art_20-1."""
        assert self.article is not None
        return ArticleNumber(self.article, self.insert or 0)

    def numbers(self) -> dict:
        """The numbers of an article's parts, by name (as citations take them).

        >>> EId.parse("art_20-1__para_2").numbers()
        {'article': ArticleNumber(20, 1), 'paragraph': 2}
        """
        found: dict = {"article": self.article_number()}
        found.update((name, value) for name, value in (("paragraph", self.paragraph), ("item", self.item),
                                                       ("subitem", self.subitem)) if value is not None)
        return found
