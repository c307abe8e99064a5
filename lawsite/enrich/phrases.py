"""Find the phrases of a sentence that name actors: 发展改革、科技等部门, 市、区县人民政府 …

A phrase is a list of names joined by 、 和 以及 及 或者, as Chinese statutes write
them. A department is written as a stem that needs 部门 after it, alone
(市大数据部门, 大数据主管部门) or shared by a list (…等部门, …等有关部门,
…等部门和单位); a stem with no 部门 after it is a field, not a bureau (大数据 as
a technology), and names nothing. Other names are whole terms (人民法院,
市人民政府); a list can share their last word: 市、区县人民政府 is 市人民政府 and
区县人民政府, 建设、设计等相关单位 is 建设单位 and 设计单位. Generic phrases (有关部门,
科研机构 …) are recognised and name nothing; the longest term wins
(数据相关行业组织 over the generic 行业组织).

>>> from .vocabulary import loads
>>> vocabulary = loads('''
... generic: [有关部门, 相关部门]
... names: {prefixes: [市, 区县], heads: [部门, 单位], shared: [人民政府, 部门], institutions: [部门, 机关]}
... actors:
...   - {slug: municipal-government, name: 市人民政府, name_en: M, kind: government,
...      terms: [市人民政府]}
...   - {slug: district-government, name: 区县人民政府, name_en: D, kind: government,
...      terms: [区县人民政府]}
...   - {slug: big-data, name: 大数据部门, name_en: B, kind: department, terms: [大数据]}
...   - {slug: science-technology, name: 科学技术部门, name_en: S, kind: department,
...      terms: [科学技术, 科技]}
... ''')
>>> def show(sentence):
...     return [(p.text, p.actors) for p in find(sentence, vocabulary)]
>>> show("大数据、科技等部门应当推动大数据产业发展。")
[('大数据、科技等部门', ['big-data', 'science-technology'])]
>>> show("市、区县人民政府相关部门应当会同有关部门……")
[('市、区县人民政府', ['municipal-government', 'district-government']), ('相关部门', []), ('有关部门', [])]
>>> [p.modifier for p in find("市、区县人民政府相关部门应当……", vocabulary)]
[True, False]

Names the vocabulary does not know, in a phrase that ends in 部门 (or in 单位,
机构, 机关 when nothing else in the list is known), are kept as `unknown`:

>>> [(p.text, p.actors, p.unknown) for p in find("能源、科技等部门和市数据资源管理部门负责……", vocabulary)]
[('能源、科技等部门', ['science-technology'], ['能源']), ('市数据资源管理部门', [], ['市数据资源管理'])]
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from lawsite.core import zh
from lawsite.enrich.vocabulary import Vocabulary

# The words around a name — the prefixes before a term (市大数据部门), the heads that
# close a name or a list (部门, 单位), the last words a list may share (市、区县人民政府) —
# are the vocabulary's `names` (sources/departments.yml).

# What joins two names of a list, possibly with names the vocabulary does not know
# between them (国有企业、大中型企业、平台企业). An unknown name holds no separator,
# so a gap splits one way only (and matching it cannot backtrack without end).
SEPARATOR = zh.alternatives(zh.LIST_SEPARATORS)
UNKNOWN = "[^，。；：、的和及或]{1,12}?"
LIST_GAP = re.compile(rf"(?:{SEPARATOR})(?:{UNKNOWN}(?:{SEPARATOR}))*")
# …and between the last name and a closer: 大数据、能源等部门.
CLOSER_GAP = re.compile(rf"(?:(?:{SEPARATOR}){UNKNOWN})*")

# How far back, at most, a list may start before its first known name; and where it
# cannot reach back past:
REACH = 40
# punctuation, 的, coordinators, and the verbs that govern actors.
BOUNDARY = re.compile(
    r"""
    [，。；：,:;（）()“”‘’《》\s]     # punctuation
    | 的                                # a modifier ends here: 作出突出贡献的单位
    | 和 | 及 | 与 | 或者               # coordinators
    | 应当 | 必须 | 负责 | 牵头 | 可以 | 不得  # the modal words (see departments.py)
    | 由 | 会同 | 组织 | 配合           # the agent; verbs taking co-acting departments
    | 鼓励 | 支持 | 引导 | 倡导         # verbs of encouragement
    """,
    re.VERBOSE,
)


@dataclass
class Phrase:
    """A list of names in a sentence: where it is, what it names."""

    start: int
    end: int
    text: str
    actors: list[str] = field(default_factory=list)    # slugs, in text order
    generic: bool = False        # it contains a generic phrase (有关部门 …)
    unknown: list[str] = field(default_factory=list)   # names the vocabulary should know
    modifier: bool = False       # it qualifies the name or 的 after it: 市人民政府相关部门


@dataclass
class _Token:
    kind: str           # name | closer | head | own
    start: int
    end: int
    text: str           # the term (without its prefix), or the head word of a closer
    elements: list[str] = field(default_factory=list)   # unknown names just before it


def find(sentence: str, vocabulary: Vocabulary) -> list[Phrase]:
    """Every phrase of the sentence that names an actor, a generic body or an unknown one."""
    tokens = list(_tokens(sentence, vocabulary))
    phrases, limit = [], 0
    for group in _groups(sentence, tokens):
        phrase = _resolve(sentence, group, limit, vocabulary)
        if phrase:
            phrases.append(phrase)
            limit = phrase.end
    starting = {token.start: token for token in tokens}
    for phrase in phrases:
        following = starting.get(phrase.end)
        phrase.modifier = sentence.startswith("的", phrase.end) or bool(
            following and following.kind == "name")
    return phrases


@lru_cache(maxsize=8)
def _pattern(vocabulary: Vocabulary) -> re.Pattern:
    names = sorted({*vocabulary.terms(), *vocabulary.generic}, key=len, reverse=True)
    heads = _alternatives(vocabulary.names.heads)
    prefix = _alternatives(vocabulary.names.prefixes)
    return re.compile(
        rf"""
        (?P<own>及其(?:有关|相关)?部门)                # 市人民政府及其有关部门: its own departments
        | 等(?:有关|相关)?(?P<closer>{heads})          # …等部门, …等有关部门, …等相关单位
        | (?:{prefix})?(?P<name>{"|".join(map(re.escape, names))})  # a term, longest first
        | (?P<head>{heads})                            # 部门 after a stem or an unknown name
        """,
        re.VERBOSE,
    )


def _tokens(sentence: str, vocabulary: Vocabulary):
    for match in _pattern(vocabulary).finditer(sentence):
        kind = match.lastgroup or ""              # every alternative is a named group
        yield _Token(kind, match.start(), match.end(), match.group(kind))


def _groups(sentence: str, tokens: list[_Token]):
    """Tokens joined into lists: a name after a separator, a closer right after a name."""
    group: list[_Token] = []
    for token in tokens:
        if group:
            gap = sentence[group[-1].end:token.start]
            if token.kind == "name" and LIST_GAP.fullmatch(gap):
                token.elements = [e for e in re.split(SEPARATOR, gap) if e]
                group.append(token)
                continue
            if token.kind != "name" and group[-1].kind == "name" and (
                    gap == "" if token.kind != "closer" else CLOSER_GAP.fullmatch(gap)):
                token.elements = [e for e in re.split(SEPARATOR, gap) if e]
                group.append(token)
                continue
            yield group
        group = [token]
    if group:
        yield group


def _resolve(sentence: str, group: list[_Token], limit: int, vocabulary: Vocabulary):
    """The phrase a group of tokens makes, or None when it names nothing (a lone stem)."""
    first = group[0]
    reach = _reach_back(sentence[max(limit, first.start - REACH):first.start],
                        closing=first.kind != "name")
    first.elements = reach + first.elements
    start = first.start - len("、".join(reach)) - (1 if reach and first.kind == "name" else 0)
    phrase = Phrase(start, group[-1].end, sentence[start:group[-1].end])
    stems, unknown, known = [], [], False
    for previous, token in zip([None, *group], group):
        shared = _shared(token, vocabulary)
        for element in token.elements:
            slug = vocabulary.slug_of(element + shared) if shared else None
            if slug:
                phrase.actors.append(slug)
                known = True
            else:
                unknown.append(element)
        if token.kind == "name":
            slug = vocabulary.slug_of(token.text)
            if slug is None:
                phrase.generic = known = True
            elif vocabulary.is_stem(token.text):
                stems.append(slug)
            else:
                phrase.actors.append(slug)
                known = True
        elif token.kind in ("closer", "head"):
            if token.kind == "head" and previous and (
                    vocabulary.slug_of(previous.text) is None
                    or vocabulary.is_stem(previous.text) and "部门" not in token.text):
                # a new name: generic 机关事务管理 + 部门, stem 公安 + 机关
                phrase.unknown.append(previous.text + token.text)
            if "部门" in token.text:
                phrase.actors += stems
                phrase.unknown += unknown
                known = known or bool(stems)
            elif not known:
                phrase.unknown += unknown
            stems, unknown = [], []
    if not (phrase.actors or phrase.generic or phrase.unknown):
        return None
    return phrase


def _reach_back(before: str, closing: bool) -> list[str]:
    """The names a list has before its first known one: 建设、设计 in 建设、设计等相关单位,
    市 in 市、区县人民政府. Before a closer the last name touches it; before a name, a 、 does."""
    cut = max((m.end() for m in BOUNDARY.finditer(before)), default=0)
    before = before[cut:]
    if not closing:
        if not before.endswith("、"):
            return []
        before = before[:-1]
    elements = before.split("、")
    while elements and elements[0] == "":
        elements.pop(0)
    return elements if all(elements) else []


def _shared(token: _Token, vocabulary: Vocabulary) -> str:
    """The last word the names before this token share with it: 部门 before a stem or
    …等部门, 人民政府 before 区县人民政府, 单位 before …等相关单位."""
    if token.kind in ("closer", "head"):
        return token.text
    slug = vocabulary.slug_of(token.text)
    if vocabulary.is_stem(token.text):
        return "部门"
    return next((word for word in vocabulary.names.shared if slug and token.text.endswith(word)), "")


def _alternatives(words: tuple[str, ...]) -> str:
    """Curated words as alternatives of a pattern, escaped; none matches nothing."""
    return "|".join(map(re.escape, words)) or "(?!)"
