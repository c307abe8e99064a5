"""References in the text of an article to other provisions, resolved to an exact target.

Inside an ordinance a bare 第十条 means this ordinance's article; relative forms are
resolved from where they stand:

| written                     | target                                         |
|-----------------------------|------------------------------------------------|
| 第十条, 本条例第十条         | art_10 (本规定, 本办法, 本细则, 本决定: as 本条例) |
| 第十条第二款, …第（三）项    | art_10__para_2, art_10__para_2__point_3        |
| 第十条第三项                 | art_10__para_k__point_3, k the only 款 with 项 |
| 第十条至第十二条             | art_10: a range links to its first provision   |
| 第（二）、（三）项, 第八、九项 | the first item: so does a list of 款 or 项      |
| 第二十条之一                 | art_20-1, the inserted article                 |
| 本条, 本条第二款, 第二款     | this article, its 款                           |
| 本款, 本款第（一）项         | this 款, its item                              |
| 前款, 前两款                 | the 款 before this one; the first of the two   |
| 第（三）项, 前款第（三）项   | an item of this 款, of the 款 before           |
| 本章, 本节                   | chp_2, chp_2__sec_1                            |
| 《烟台市…条例》第十五条      | art_15 of that ordinance ("" for its title)    |

A reference joined to the one before by 、, 和, 或者, 及, 以及 or 至 continues it:
第五条第二款、第三款 is 第五条第三款; 《…法》第十三条、第十四条 are both in that law.
A bare 款 or 项 is of the provision named before it in the sentence — 违反本条例第十条
第一款规定…的，违反第二款规定… is 第十条第二款, 前款规定的第一项 is 前款's — and in a 项,
of the provision its 款 names before the list: 违反本条例第九条规定的，按照下列规定处罚：
（一）违反第（一）项规定的… is art_9__para_1__point_1. Where that provision has no such
款 or 项, it is this article's or this 款's, as above. Targets are eIds, so a 项 resolves
however its list is laid out (项 with paragraphs of their own included).

Titles not in the corpus are external references: listed, never linked. A
reference to a provision that does not exist is unresolved and gives a Notice
naming the file, line and reference: never a dead link. Bare 本条例 (违反本条例规定)
is not a reference: it is the page the reader is on; nor is a bare 本规定, 本办法 ….

>>> [(m["article"], m["paragraph"], m["item"]) for m in REFERENCE.finditer("依照本条例第十条第二款第（三）项") if m.group()]
[('十', '二', '三')]
>>> [(m["article"], m["inserted"], m["paragraph"]) for m in REFERENCE.finditer("依照第二十条之一第二款") if m.group()]
[('二十', '一', '二')]
>>> [m.group() for m in REFERENCE.finditer("违反本规定第十三条、本办法第二条第一款") if m.group()]
['本规定第十三条', '本办法第二条第一款']
>>> [(m.group(), m["item"] or m["plain_item"]) for m in REFERENCE.finditer("第（二）、（三）项，第一至第三项，第二款、第三款") if m.group()]
[('第（二）、（三）项', '二'), ('第一至第三项', '一'), ('第二款', None), ('第三款', None)]
"""

import re
from dataclasses import dataclass

from lawsite.core import zh
from lawsite.core.errors import Notice
from lawsite.core.numerals import CHARS, from_int, to_int
from lawsite.model.document import ArticleNumber, Ordinance, article_eid, chapter_eid, item_eid, paragraph_eid, section_eid

N = f"[{CHARS}]+"
COUNT = "两二三四五六七八九"

REFERENCE = re.compile(
    rf"""
    (?=[《本前第])                                    # (cheap start: every reference begins so)
    (?:《(?P<title>[^《》]+)》)?                       # a law or ordinance by title
    (?:
        (?P<ours>{zh.alternatives(zh.SELF_NAMES)})?     # this ordinance, said explicitly: 本条例, 本规定 …
        第(?P<article>{N})条(?:之(?P<inserted>{N}))?   # 第二十条, 第二十条之一
        (?:至第(?P<last>{N})条(?:之(?P<last_inserted>{N}))?)?  # a range of articles
      | (?P<this>本条)(?!例)                            # this article
      | 前(?P<previous>[{COUNT}]?)款                    # the 款 before this one, or the n before
      | 本(?P<division>[章节款])(?!程)                  # this chapter, section or 款 (not 本章程)
    )?
    (?:第(?P<paragraph>{N})(?:[、至]第?{N})*款)?         # a 款 (第二、三款: links the first)
    (?:第(?:（(?P<item>{N})）(?:[、至]第?（{N}）)*        # an item: 第（三）项, 第（二）、（三）项,
       |(?P<plain_item>{N})(?:[、至]第?{N})*)项)?       # 第（一）至第（八）项, 第三项, 第八、九项
    """,
    re.VERBOSE,
)

# What may join a reference to the one before it, which it then continues.
CONNECTOR = re.compile(zh.alternatives(zh.REFERENCE_CONNECTORS))

SENTENCE_END = re.compile(f"[{zh.SENTENCE_ENDS}]")


@dataclass(frozen=True)
class Reference:
    """A reference found in the text of element `eid`, at text[start:end].

    kind: internal (slug and target name it: target is an eId, or "" for a whole
    ordinance) | external (a law outside the corpus: title, and label, the pinpoint as
    written, such as 第二十条) | unresolved (no such provision: no target)."""

    eid: str
    start: int
    end: int
    text: str
    kind: str
    slug: str | None = None
    target: str = ""
    title: str = ""
    label: str = ""


@dataclass
class _Where:
    """Where a reference stands: the ordinance, article, 款 and element."""

    ordinance: Ordinance
    article: ArticleNumber
    paragraph: int
    eid: str
    line: int


class _Unresolved(Exception):
    """Why a reference has no target."""


def find(ordinances: list[Ordinance]) -> tuple[dict[str, list[Reference]], list[Notice]]:
    """Every reference in every element's text, keyed "slug/eid" (only elements that
    have any, in reading order), and a notice for each reference that points nowhere."""
    # a title names the current version of its work, never an earlier one
    by_title = {ordinance.title: ordinance for ordinance in ordinances if not ordinance.old_version}
    found: dict[str, list[Reference]] = {}
    notices: list[Notice] = []
    introduced = None
    for ordinance in ordinances:
        for article in ordinance.articles:
            for paragraph, element in article.elements():
                where = _Where(ordinance, article.number, paragraph.number, element.eid,
                               paragraph.line)
                references, named = _in_text(element.text, where, by_title, notices,
                                             None if element is paragraph else introduced)
                if element is paragraph:
                    introduced = named             # what its 项 and 目 inherit
                if references:
                    found[f"{ordinance.slug}/{element.eid}"] = references
    return found, notices


def external(ordinance: Ordinance, references: dict[str, list[Reference]]) -> dict[str, list[Reference]]:
    """The laws outside the corpus that an ordinance refers to: {title: [Reference]},
    in order of first mention."""
    titles: dict[str, list[Reference]] = {}
    keys = dict.fromkeys(f"{ordinance.slug}/{element.eid}"      # its own keys, in reading order
                         for article in ordinance.articles for _, element in article.elements())
    for key in keys:                               # (not every key of the corpus: that grew with its square)
        for reference in references.get(key, ()):
            if reference.kind == "external":
                titles.setdefault(reference.title, []).append(reference)
    return titles


def _in_text(text: str, where: _Where, by_title: dict[str, Ordinance],
            notices: list[Notice], inherited=None) -> tuple[list[Reference], tuple | None]:
    """The references in one element's text, in order, without overlaps; and the
    provision its last sentence names, which the 项 of a 款 inherit.

    A bare 第二款 or 第三项 continues the reference before it in the sentence (违反本条例
    第十条第一款规定…的，违反第二款规定… is 第十条第二款; 前款规定的第一项 is 前款's item),
    and in a 项, the provision its 款 names before the list (违反本条例第十八条规定的，按照
    下列规定处罚：（一）违反第三项规定的… is 第十八条第三项): `inherited`. Where that
    provision has no such 款 or 项, it is this article's or this 款's."""
    references, context, named, last_end = [], None, inherited, None
    for match in REFERENCE.finditer(text):
        if not match.group():
            continue                               # not a reference: 第十八届, 本市, 前期
        between = text[last_end or 0:match.start()]
        if SENTENCE_END.search(between):
            named = inherited                      # a new sentence
        continues = last_end is not None and CONNECTOR.fullmatch(between)
        if continues or not (named and _bare(match)):
            reference, context = _resolve(match, where, by_title, context if continues else None,
                                          notices)
        else:                                      # of the provision named before, or else here
            tried: list[Notice] = []
            reference, context = _resolve(match, where, by_title, named, tried)
            if reference.kind == "unresolved":
                reference, context = _resolve(match, where, by_title, None, notices)
        named = context or named
        references.append(reference)
        last_end = match.end()
    after = SENTENCE_END.search(text, last_end or 0)
    if after and after.end() < len(text):
        named = inherited                          # the last sentence names nothing
    return references, named


def _bare(match: re.Match) -> bool:
    """Whether a reference names only a 款 or a 项: 第二款, 第（三）项."""
    return not (match["title"] or match["ours"] or match["article"] or match["this"]
                or match["previous"] is not None or match["division"])


def _resolve(match: re.Match, where: _Where, by_title, context, notices):
    """One reference, and the context a reference continuing it inherits:
    (ordinance or external title, article, 款)."""
    text, start, end = match.group(), match.start(), match.end()
    whose = where.ordinance
    try:
        whose, article, paragraph, item = _meaning(match, where, by_title, context)
        if isinstance(whose, str):                 # a law outside the corpus
            label = text[len(match["title"]) + 2:] if match["title"] else text
            return Reference(where.eid, start, end, text, "external", title=whose, label=label), \
                (whose, article, paragraph)
        if match["division"] in ("章", "节"):
            target = _division(where, match["division"])
        elif article is None:                      # 《…条例》: the whole ordinance
            target = ""
        else:
            target = _target(whose, article, paragraph, item)
            if match["last"]:
                _range_end(whose, article, _article(match["last"], match["last_inserted"]))
        return Reference(where.eid, start, end, text, "internal", whose.slug, target), \
            (whose, article, paragraph) if article else None
    except _Unresolved as problem:
        notices.append(Notice(where.ordinance.source_path, where.line,
                              f"{where.ordinance.article(where.article).label} refers to {text}, "
                              f"but {problem}"))
        return Reference(where.eid, start, end, text, "unresolved", whose.slug), None


def _meaning(match: re.Match, where: _Where, by_title, context):
    """What a reference names: (ordinance, or the title of an external law; article; 款;
    item), the numbers filled in from where it stands or from the reference it continues."""
    article, paragraph = _article(match["article"], match["inserted"]), _number(match["paragraph"])
    item = _number(match["item"] or match["plain_item"])
    if match["title"]:
        return by_title.get(match["title"], match["title"]), article, paragraph, item
    if match["this"]:                              # 本条, 本条第二款
        return where.ordinance, where.article, paragraph, item
    if match["previous"] is not None:              # 前款, 前两款, 前款第（一）项
        count = 2 if match["previous"] == "两" else _number(match["previous"]) or 1
        if where.paragraph <= count:
            raise _Unresolved(f"only {where.paragraph - 1} 款 come before it")
        return where.ordinance, where.article, where.paragraph - count, item
    if match["division"] == "款":                  # 本款, 本款第（一）项
        return where.ordinance, where.article, where.paragraph, item
    if match["division"]:                          # 本章, 本节
        return where.ordinance, None, None, None
    whose = where.ordinance
    if context and not match["ours"]:              # 、第十四条 · 、第三款 · 、第（二）项
        whose = context[0]
        where_article, where_paragraph = context[1], context[2]
    else:
        where_article, where_paragraph = where.article, where.paragraph
    if article is None:                            # 第二款: of this article
        article = where_article
        if paragraph is None:                      # 第（三）项: of this 款
            paragraph = where_paragraph
    return whose, article, paragraph, item


def _number(numeral: str | None) -> int | None:
    try:
        return to_int(numeral) if numeral else None
    except ValueError:
        raise _Unresolved(f"{numeral} is not a numeral") from None


def _article(numeral: str | None, inserted: str | None) -> ArticleNumber | None:
    """第二十条 → ArticleNumber(20), 第二十条之一 → ArticleNumber(20, 1)."""
    return ArticleNumber(_number(numeral) or 0, _number(inserted) or 0) if numeral else None


def _division(where: _Where, division: str) -> str:
    article = where.ordinance.article(where.article)
    if division == "章":
        if article.chapter is None:
            raise _Unresolved("the article is in no chapter")
        return chapter_eid(article.chapter)
    if article.section is None:
        raise _Unresolved("the article is in no section")
    assert article.chapter is not None                  # a section is in a chapter
    return section_eid(article.chapter, article.section)


def _target(ordinance: Ordinance, article: ArticleNumber, paragraph: int | None,
            item: int | None) -> str:
    """The eId of a provision, or _Unresolved saying why there is none."""
    if not ordinance.has_article(article):
        raise _Unresolved(f"{ordinance.title} has no {article.zh} "
                          f"(it has {len(ordinance.articles)} articles)")
    label = ordinance.article(article).label
    paragraphs = ordinance.article(article).paragraphs
    if paragraph is not None and not 1 <= paragraph <= len(paragraphs):
        raise _Unresolved(f"{label} has {len(paragraphs)} 款")
    if item is None:
        return paragraph_eid(article, paragraph) if paragraph else article_eid(article)
    if paragraph is None:                          # 第十条第三项: the one 款 with items
        with_items = [p.number for p in paragraphs if p.items]
        if len(with_items) != 1:
            raise _Unresolved(f"{len(with_items)} 款 of {label} have 项")
        paragraph = with_items[0]
    items = paragraphs[paragraph - 1].items
    if item not in (known.number for known in items):     # an item lost upstream leaves a gap
        raise _Unresolved(f"{label}第{from_int(paragraph)}款 has {len(items)} 项")
    return item_eid(article, paragraph, item)


def _range_end(ordinance: Ordinance, first: ArticleNumber, last: ArticleNumber | None) -> None:
    if last is None or last <= first:
        raise _Unresolved("a range must end after it starts")
    _target(ordinance, last, None, None)
