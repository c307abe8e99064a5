"""Defined terms: where an ordinance defines a term, and every use of it.

Three forms are recognised:

- 本条例所称X，是指… (or 指…, 包括…): the sentence defines X;
- 本条例中下列用语的含义：（一）X，是指…；（二）Y，是指…: each item defines a term;
- …（以下简称X）: X is a short name for what precedes it, from there on.

A term defined by the first two applies to the whole ordinance; a short name only
after it is introduced. A use is any later occurrence of the term's characters,
outside the sentence that defines it; where terms overlap (数据, 公共数据) the longest
wins. The text is not segmented into words, so a term inside a longer name
(数据 in 大数据部门) counts as a use.

>>> [(m["term"], m["verb"]) for m in DEFINED.finditer("本条例所称数字经济，是指以数据资源为关键要素的新经济形态。")]
[('数字经济', '是指')]
>>> SHORT.search("设立数据管理委员会（以下简称“管委会”），统筹工作。")["term"]
'管委会'
"""

import re
from dataclasses import dataclass

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
        for element, in_list in _elements(ordinance):
            for definition in _in_text(ordinance.slug, element, in_list):
                if (definition.slug, definition.term) not in seen:
                    seen.add((definition.slug, definition.term))
                    definitions.append(definition)
    return definitions


def _elements(ordinance: Ordinance):
    """Every element in reading order, and whether it is an item of a 下列用语 list."""
    for article in ordinance.articles:
        for paragraph, element in article.elements():
            yield element, isinstance(element, Item) and bool(LIST.search(paragraph.text))


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
    reading order, longest term first where terms overlap, never inside the definition
    itself, and a short name only after it is introduced."""
    terms = {d.term: d for d in definitions if d.slug == ordinance.slug}
    if not terms:
        return {}
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)))
    order = {element.eid: n for n, (element, _) in enumerate(_elements(ordinance))}
    found = {}
    for element, _ in _elements(ordinance):
        here = []
        for match in pattern.finditer(element.text):
            definition = terms[match.group()]
            at = (order[element.eid], match.start())
            if element.eid == definition.eid and definition.start <= match.start() < definition.end:
                continue                           # inside the defining sentence
            if definition.kind == "short" and at < (order[definition.eid], definition.end):
                continue                           # before the short name is introduced
            here.append((match.start(), match.end(), definition))
        if here:
            found[element.eid] = here
    return found


def _sentence_end(text: str, position: int) -> int:
    """Where the sentence that goes on at `position` ends (SENTENCE_END matches at the end of text)."""
    found = SENTENCE_END.search(text, position)
    assert found is not None
    return found.end()
