"""Defined terms: where an ordinance defines a term, and every use of it.

The forms the corpus uses (counts over the 1,401 texts of corpora/lawrefbook that parse):

- 本条例所称X，是指… — and 本规定, 本办法, 本细则, 本决定, 本守则所称; 是指, 指, 系指,
  主要是指, 包括, ，是…, ，即…; 本条例中所称, 所称的; X in quotes; X a list (中小学校、
  幼儿园), kept as one term; X with its short name (所称科学技术普及（以下简称科普），是指…):
  the sentence defines X;
- 本条所称X, 本条第二款所称, 前款所称, 第二款所称, 本款所称,
  前款第（二）项所称, 本条所指 — X as this article uses it; 本章所称, 本节所称 — as this
  chapter, this section uses it;
- X，是指… (X是指…, X，系指…) opening a 款, a 项 or a sentence: the sentence defines X
  (a list of definitions without its 下列用语 heading, or the paragraphs that follow it);
- 本条例下列用语的含义：（一）X，是指…；（二）Y，包括… — and 下列用语的含义是/为,
  中有关用语的含义, 相关用语含义如下, 下列名词的含义: each item defines a term;
- …（以下简称X）, （以下称X）, （以下统称X）, （以下通称X）, ，以下简称X，: X is a short
  name for what precedes it, from there on.

A term defined by the first four forms applies where its scope says (the whole
ordinance, an article, a chapter, a section); a short name only after it is introduced.
A use is an occurrence of the term outside the sentence that defines it, where it
stands as a word, and only the first in each 款 (its 项 and 目 included): a text that
says 数据 two hundred times links it once a paragraph.

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
>>> [(m["scope"], m["term"], m["verb"]) for m in DEFINED.finditer("前款所称散煤，是在商业服务业燃用的煤炭。")]
[('前款', '散煤', '是')]
>>> m = DEFINED.search("本规定所称科学技术普及（以下简称科普），是指以公众易于理解的方式")
>>> m["scope"], m["term"], m["verb"]
('本规定', '科学技术普及', '是指')
>>> DEFINED.search("本条例所称中小学校、幼儿园，包括全日制小学。")["term"]
'中小学校、幼儿园'
>>> [m["term"] for m in OPENING.finditer("归侨是指回国定居的华侨。华侨，是指定居在国外的中国公民。")]
['归侨', '华侨']
>>> SHORT.search("设立数据管理委员会（以下简称“管委会”），统筹工作。")["term"]
'管委会'
>>> [m["term"] for m in SHORT.finditer("小作坊、小经营店（以下统称食品小作坊）；食品小摊点（以下称小摊点）")]
['食品小作坊', '小摊点']
"""

import bisect
import logging
import re
from dataclasses import dataclass
from functools import cache

import jieba

from lawsite.core import zh
from lawsite.core.numerals import CHARS
from lawsite.model.document import Article, Item, Ordinance, chapter_eid, section_eid

TERM = r"[^，。；：、“”（）《》\s]{1,20}?"    # a term: a few characters, no punctuation

DEFINED = re.compile(
    rf"""
    (?P<scope>{zh.alternatives(zh.SELF_NAMES)}   # 本条例, 本规定, 本办法 …: the whole ordinance
      | 本[章节]                                 # this chapter, this section
      | (?:本条|前款|本款|(?=第))                 # 本条, 前款, 本款, 第二款, 第（二）项 …:
        (?:第[{CHARS}]+款)?(?:第（?[{CHARS}]+）?项)?  # this article
    )
    (?:中)?所[称指]的?                          # 所称 (中所称, 所称的, 所指)
    “?(?P<term>{TERM}(?:、{TERM})*)”?           # the term, perhaps in quotes, perhaps a list
    (?:（以下(?:简称|称|统称)[^（）]{{1,14}}）)?    # its short name, found by SHORT
    ，?(?P<verb>主要是指|是指|系指|指|包括        # 是指: a definition; 包括: what it covers
      | (?<=，)[是即])                          # ，是… ，即… (after a comma only)
    """,
    re.VERBOSE,
)

OPENING = re.compile(
    rf"""
    (?:^|(?<=[{zh.SENTENCE_ENDS}]))           # a 款, 项 or sentence that opens with
    “?(?P<term>{TERM})”?，?(?:是指|系指)       # X，是指…: the sentence defines X
    """,
    re.VERBOSE,
)

LIST = re.compile(                            # 本条例中下列用语的含义：, then one item per term
    r"(?:下列|有关|相关)(?:用语|名词|术语)的?(?:含义|定义)|用语的?含义如下")

LIST_ITEM = re.compile(
    rf"""
    ^“?(?P<term>{TERM}(?:、{TERM})*)”?    # the item starts with the term
    (?:，?(?:主要是指|是指|系指|指|包括)    # then 是指, 指, 包括 …
      | [，：](?:是|即)?)                 # or a comma or colon: X：…
    """,
    re.VERBOSE,
)

SHORT = re.compile(
    r"""
    (?:[（〔]以下(?:简称|称|统称|通称)        # （以下简称, （以下称, （以下统称 …
      “?(?P<term>[^，。；：“”（）〔〕\s]{1,12}?)”?    # the short name, perhaps in quotes
      [）〕]
    | [，]以下(?:简称|统称)                  # ，以下简称X，
      “?(?P<bare>[^，。；：“”（）\s]{1,12}?)”?(?=[，。；）]))
    """,
    re.VERBOSE,
)

SENTENCE_END = re.compile(f"[{zh.SENTENCE_ENDS}]|$")

BLOCK = jieba.re_han_default      # what jieba segments as one run; it cuts at everything else


@dataclass(frozen=True)
class Definition:
    """`term` as defined in ordinance `slug`, in element `eid`: text == that element's
    text[start:end], the defining sentence. kind: "defined" (applies throughout its
    scope) or "short" (a short name, applies from `end` on). scope: where a defined
    term applies — "" the whole ordinance, or the eId of the article (本条所称,
    前款所称), the chapter (本章所称) or the section (本节所称)."""

    slug: str
    term: str
    eid: str
    text: str
    start: int
    end: int
    kind: str = "defined"
    scope: str = ""


def find(ordinances: list[Ordinance]) -> list[Definition]:
    """Every definition in the ordinances, in reading order; a term defined twice in
    one scope keeps its first definition."""
    definitions, seen = [], set()
    for ordinance in ordinances:
        for article, _, element, in_list in _elements(ordinance):
            for definition in _in_text(ordinance.slug, article, element, in_list):
                if (definition.slug, definition.term, definition.scope) not in seen:
                    seen.add((definition.slug, definition.term, definition.scope))
                    definitions.append(definition)
    return definitions


def _elements(ordinance: Ordinance):
    """Every element in reading order, with its article and 款, and whether it is an
    item of a 下列用语 list."""
    for article in ordinance.articles:
        for paragraph, element in article.elements():
            yield article, paragraph, element, \
                isinstance(element, Item) and bool(LIST.search(paragraph.text))


def _in_text(slug: str, article: Article, element, in_list: bool) -> list[Definition]:
    text = element.text
    found = []
    if in_list and (match := LIST_ITEM.match(text)):
        found.append(Definition(slug, match["term"], element.eid, text, 0, len(text)))
    for match in DEFINED.finditer(text):
        end = _sentence_end(text, match.end())
        found.append(Definition(slug, match["term"], element.eid, text[match.start():end],
                                match.start(), end, scope=_scope(match["scope"], article)))
    for match in OPENING.finditer(text):
        if not LIST.search(match["term"]) and \
                not any(d.start <= match.start() < d.end for d in found):  # not 本条例所指X，是指
            end = _sentence_end(text, match.end())
            found.append(Definition(slug, match["term"], element.eid, text[match.start():end],
                                    match.start(), end))
    for match in SHORT.finditer(text):
        start = _sentence_start(text, match.start())
        end = _sentence_end(text, match.end())
        found.append(Definition(slug, match["term"] or match["bare"], element.eid, text[start:end],
                                start, end, "short"))
    return found


def _scope(scope: str, article: Article) -> str:
    """Where a term defined by 本条例所称, 本章所称, 本条所称 … applies (an eId, or "")."""
    if scope in zh.SELF_NAMES:
        return ""
    if scope == "本章":
        return chapter_eid(article.chapter) if article.chapter is not None else ""
    if scope == "本节":
        if article.section is None or article.chapter is None:
            return ""
        return section_eid(article.chapter, article.section)
    return article.eid                              # 本条, 前款, 第二款 …


def _applies(definition: Definition, article: Article) -> bool:
    """Whether a defined term applies in the article."""
    scope = definition.scope
    return scope in ("", article.eid) or \
        (article.chapter is not None and scope == chapter_eid(article.chapter)) or \
        (article.section is not None and article.chapter is not None
         and scope == section_eid(article.chapter, article.section))


def _sentence_start(text: str, index: int) -> int:
    return max(text.rfind("。", 0, index), text.rfind("；", 0, index)) + 1


class Index:
    """The definitions of a corpus indexed once: each ordinance's by term, and every term
    one a line (for `_containing`), so that finding the uses of every ordinance does not
    read every definition once per ordinance."""

    def __init__(self, definitions: list[Definition]):
        self.by_slug: dict[str, dict[str, list[Definition]]] = {}
        for defined in definitions:
            self.by_slug.setdefault(defined.slug, {}).setdefault(defined.term, []).append(defined)
        self.every = sorted({d.term for d in definitions})
        self.joined = "\n".join(self.every)
        self.starts = [0]
        for term in self.every[:-1]:
            self.starts.append(self.starts[-1] + len(term) + 1)


def all_uses(ordinances: list[Ordinance], definitions: list[Definition]) -> dict[str, dict]:
    """`uses` of each ordinance, by slug."""
    index = Index(definitions)
    return {ordinance.slug: uses(ordinance, definitions, index) for ordinance in ordinances}


def uses(ordinance: Ordinance, definitions: list[Definition],
         index: Index | None = None) -> dict[str, list[tuple[int, int, Definition]]]:
    """Every use of the ordinance's defined terms: {eid: [(start, end, definition)]}, in
    reading order, longest term first where terms overlap (the terms of every ordinance in
    `definitions`), only where the term stands as a word, the first use of each term in
    each 款, only where its scope is, never inside the definition itself, and a short name
    only after it is introduced. `index`: `Index(definitions)`, made once for many."""
    index = index or Index(definitions)
    terms = index.by_slug.get(ordinance.slug, {})
    if not terms:
        return {}
    pattern = re.compile("|".join(re.escape(t) for t in sorted(_containing(terms, index),
                                                                key=lambda t: (-len(t), t))))
    order = {element.eid: n for n, (_, _, element, _) in enumerate(_elements(ordinance))}
    found, linked = {}, set()
    for article, paragraph, element, _ in _elements(ordinance):
        here = []
        for match in pattern.finditer(element.text):
            definition = _applying(terms.get(match.group(), []), article)
            if definition is None:
                continue                           # another ordinance's term, or out of scope
            at = (order[element.eid], match.start())
            if element.eid == definition.eid and definition.start <= match.start() < definition.end:
                continue                           # inside the defining sentence
            if definition.kind == "short" and at < (order[definition.eid], definition.end):
                continue                           # before the short name is introduced
            if (paragraph.eid, definition.term) in linked:
                continue                           # used already in this 款
            if not _stands_as_word(element.text, match.start(), match.end()):
                continue                           # inside a longer word: 数据 in 数据中心
            linked.add((paragraph.eid, definition.term))
            here.append((match.start(), match.end(), definition))
        if here:
            found[element.eid] = here
    return found


def _containing(terms, index: Index) -> set[str]:
    """The terms of the index that contain one of `terms` (大数据 contains 数据), and
    those terms themselves: one search of them all, joined one a line."""
    found = re.finditer("|".join(re.escape(t) for t in terms), index.joined)
    return {index.every[bisect.bisect_right(index.starts, match.start()) - 1] for match in found}


def _applying(candidates: list[Definition], article: Article) -> Definition | None:
    """The definition of a term that applies in the article: the narrowest in scope."""
    if len(candidates) == 1 and not candidates[0].scope:
        return candidates[0]                       # the common case: one, for the whole text
    applying = [d for d in candidates if _applies(d, article)]
    return max(applying, key=lambda d: len(d.scope), default=None)


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


def _stands_as_word(text: str, start: int, end: int) -> bool:
    """Whether word_cuts(text) has both start and end — computed on the run of
    characters jieba segments as one block (it cuts at every other character), which
    cuts the same there as the whole text does, in a fraction of the time.

    >>> _stands_as_word("建设数据中心，开展数据交易", 2, 4), _stands_as_word("建设数据中心，开展数据交易", 9, 11)
    (False, True)
    """
    low, high = start, end
    while low > 0 and BLOCK.fullmatch(text[low - 1]):
        low -= 1
    while high < len(text) and BLOCK.fullmatch(text[high]):
        high += 1
    cuts = {low + cut for cut in word_cuts(text[low:high])}
    return start in cuts and end in cuts


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
