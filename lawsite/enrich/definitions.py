"""Defined terms: where an ordinance defines a term, and every use of it.

Three forms are recognised:

- 本条例所称X，是指… (or 指…, 包括…): the sentence defines X;
- 本条例中下列用语的含义：（一）X，是指…；（二）Y，是指…: each item defines a term;
- …（以下简称X）: X is a short name for what precedes it, from there on.

A term defined by the first two applies to the whole ordinance; a short name only
after it is introduced. A use is an occurrence of the term outside the sentence that
defines it, where it stands as a word, and only the first in each 款 (its 项 and 目
included): a text that says 数据 two hundred times links it once a paragraph.

- Where terms overlap (数据, 公共数据) the longest wins: 公共数据 is not a use of 数据.
  The longer terms are those of every ordinance of the corpus: where another
  ordinance defines 大数据, 数据 in 大数据平台 is not a use of 数据.
- A term stands as a word where jieba's dictionary (its own, with no words added, so
  that one ordinance's terms never change another's links) cuts the text at both of
  its ends: 数据 in 数据处理 or 数据中心 (words of the dictionary) is not a use, 数据
  in 数据交易 (数据 + 交易) is. The segmentation is jieba's dictionary alone, without
  its statistical guessing of new words (HMM), so the same text always cuts the same.

>>> [(m["term"], m["verb"]) for m in DEFINED.finditer("本条例所称数字经济，是指以数据资源为关键要素的新经济形态。")]
[('数字经济', '是指')]
>>> SHORT.search("设立数据管理委员会（以下简称“管委会”），统筹工作。")["term"]
'管委会'
"""

import logging
import re
from dataclasses import dataclass
from functools import cache

import jieba

from lawsite.core import zh
from lawsite.model.document import Item, Ordinance

TERM = r"[^，。；：、“”（）《》\s]{1,20}?"    # a term: a few characters, no punctuation

DEFINED = re.compile(
    rf"""
    本条例(?:中)?所称的?                  # 本条例所称 (本条例中所称, 所称的)
    “?(?P<term>{TERM})”?                  # the term, perhaps in quotes
    ，?(?P<verb>是指|指|包括)              # 是指: a definition; 包括: what it covers
    """,
    re.VERBOSE,
)

LIST = re.compile(r"下列用语的含义")          # 本条例中下列用语的含义：, then one item per term

LIST_ITEM = re.compile(
    rf"""
    ^“?(?P<term>{TERM})”?                 # the item starts with the term
    [，：]?(?:是指|指)                     # then 是指 or 指
    """,
    re.VERBOSE,
)

SHORT = re.compile(
    r"""
    （以下简称                             # （以下简称
    “?(?P<term>[^，。；：“”（）\s]{1,12}?)”?    # the short name, perhaps in quotes
    ）
    """,
    re.VERBOSE,
)

SENTENCE_END = re.compile(f"[{zh.SENTENCE_ENDS}]|$")


@dataclass(frozen=True)
class Definition:
    """`term` as defined in ordinance `slug`, in element `eid`: text == that element's
    text[start:end], the defining sentence. kind: "defined" (applies throughout the
    ordinance) or "short" (a short name, applies from `end` on)."""

    slug: str
    term: str
    eid: str
    text: str
    start: int
    end: int
    kind: str = "defined"


def find(ordinances: list[Ordinance]) -> list[Definition]:
    """Every definition in the ordinances, in reading order; a term defined twice in
    one ordinance keeps its first definition."""
    definitions, seen = [], set()
    for ordinance in ordinances:
        for _, element, in_list in _elements(ordinance):
            for definition in _in_text(ordinance.slug, element, in_list):
                if (definition.slug, definition.term) not in seen:
                    seen.add((definition.slug, definition.term))
                    definitions.append(definition)
    return definitions


def _elements(ordinance: Ordinance):
    """Every element in reading order, with its 款, and whether it is an item of a 下列用语 list."""
    for article in ordinance.articles:
        for paragraph, element in article.elements():
            yield paragraph, element, isinstance(element, Item) and bool(LIST.search(paragraph.text))


def _in_text(slug: str, element, in_list: bool) -> list[Definition]:
    text = element.text
    found = []
    if in_list and (match := LIST_ITEM.match(text)):
        found.append(Definition(slug, match["term"], element.eid, text, 0, len(text)))
    for match in DEFINED.finditer(text):
        end = _sentence_end(text, match.end())
        found.append(Definition(slug, match["term"], element.eid, text[match.start():end],
                                match.start(), end))
    for match in SHORT.finditer(text):
        start = _sentence_start(text, match.start())
        end = _sentence_end(text, match.end())
        found.append(Definition(slug, match["term"], element.eid, text[start:end], start, end,
                                "short"))
    return found


def _sentence_start(text: str, index: int) -> int:
    return max(text.rfind("。", 0, index), text.rfind("；", 0, index)) + 1


def uses(ordinance: Ordinance, definitions: list[Definition]) -> dict[str, list[tuple[int, int, Definition]]]:
    """Every use of the ordinance's defined terms: {eid: [(start, end, definition)]}, in
    reading order, longest term first where terms overlap (the terms of every ordinance in
    `definitions`), only where the term stands as
    a word, the first use of each term in each 款, never inside the definition itself,
    and a short name only after it is introduced."""
    terms = {d.term: d for d in definitions if d.slug == ordinance.slug}
    if not terms:
        return {}
    longer = {d.term for d in definitions if any(t in d.term for t in terms)}   # 大数据 ⊃ 数据
    pattern = re.compile("|".join(re.escape(t) for t in sorted(longer, key=lambda t: (-len(t), t))))
    order = {element.eid: n for n, (_, element, _) in enumerate(_elements(ordinance))}
    found, linked = {}, set()
    for paragraph, element, _ in _elements(ordinance):
        here, cuts = [], None
        for match in pattern.finditer(element.text):
            if match.group() not in terms:
                continue                           # a longer term another ordinance defines
            definition = terms[match.group()]
            at = (order[element.eid], match.start())
            if element.eid == definition.eid and definition.start <= match.start() < definition.end:
                continue                           # inside the defining sentence
            if definition.kind == "short" and at < (order[definition.eid], definition.end):
                continue                           # before the short name is introduced
            if (paragraph.eid, definition.term) in linked:
                continue                           # used already in this 款
            cuts = cuts if cuts is not None else word_cuts(element.text)
            if match.start() not in cuts or match.end() not in cuts:
                continue                           # inside a longer word: 数据 in 数据中心
            linked.add((paragraph.eid, definition.term))
            here.append((match.start(), match.end(), definition))
        if here:
            found[element.eid] = here
    return found


def word_cuts(text: str) -> set[int]:
    """Where jieba's dictionary cuts the text into words (0 and len(text) included).

    >>> sorted(word_cuts("建设数据中心，开展数据交易"))
    [0, 2, 6, 7, 9, 11, 13]
    """
    cuts, at = {0}, 0
    for word in _segmenter().cut(text, HMM=False):
        at += len(word)
        cuts.add(at)
    return cuts


@cache
def _segmenter() -> jieba.Tokenizer:
    """jieba with its own dictionary only: not jieba's global one, to which the search
    adds the corpus' words."""
    logging.getLogger("jieba").setLevel(logging.WARNING)      # it logs its start-up at DEBUG
    return jieba.Tokenizer()


def _sentence_end(text: str, position: int) -> int:
    """Where the sentence that goes on at `position` ends (SENTENCE_END matches at the end of text)."""
    found = SENTENCE_END.search(text, position)
    assert found is not None
    return found.end()
