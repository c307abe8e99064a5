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

Names the vocabulary does not know, in a phrase that ends in 部门 or 人民政府 (or in
单位, 机构, 机关 when nothing else in the list is known), are kept as `unknown`, each a
whole name with the word that closes it (能源部门, not 能源); a list element that is only
a level (市 in 市、区卫生健康部门) is no name of its own, and a clause's first word (对,
根据 …, the vocabulary's `names: leading`) is no part of a name:

>>> [(p.text, p.actors, p.unknown) for p in find("能源、科技等部门和市数据资源管理部门负责……", vocabulary)]
[('能源、科技等部门', ['science-technology'], ['能源部门']), ('市数据资源管理部门', [], ['市数据资源管理部门'])]
"""

import re
from dataclasses import dataclass, field

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
    broad: list[str] = field(default_factory=list)     # broad addressees: 任何单位和个人, 市场主体


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
    named = {phrase.start for phrase in phrases}
    for phrase in phrases:
        following = starting.get(phrase.end)
        # a stem that names nothing (建设 in 平台建设) is no name to qualify
        phrase.modifier = sentence.startswith("的", phrase.end) or bool(
            following and following.kind == "name"
            and (not vocabulary.is_stem(following.text) or phrase.end in named))
    return phrases


_PATTERNS: dict[int, tuple[Vocabulary, re.Pattern]] = {}


def _pattern(vocabulary: Vocabulary) -> re.Pattern:
    """The vocabulary's pattern, compiled once per vocabulary (by identity: hashing a
    vocabulary of hundreds of terms for each sentence would cost more than matching)."""
    cached = _PATTERNS.get(id(vocabulary))
    if cached is None or cached[0] is not vocabulary:
        if len(_PATTERNS) >= 8:
            _PATTERNS.clear()
        cached = _PATTERNS[id(vocabulary)] = (vocabulary, _compiled(vocabulary))
    return cached[1]


def _compiled(vocabulary: Vocabulary) -> re.Pattern:
    terms = _trie({*vocabulary.terms(), *vocabulary.generic, *vocabulary.broad})
    heads = _alternatives(vocabulary.names.heads)
    prefix = _alternatives(vocabulary.names.prefixes)
    return re.compile(
        rf"""
        (?P<own>及其(?:有关|相关)?部门)                # 市人民政府及其有关部门: its own departments
        | 等(?:有关|相关)?(?P<closer>{heads})          # …等部门, …等有关部门, …等相关单位
        | 等(?!{terms})[^\s，。；：、等的和及]{{1,8}}?(?P<described>{heads})  # …等扬尘监督管理部门
        | (?P<name>{terms})                            # a term, longest first: 市大数据中心
        | (?:{prefix})(?P<prefixed>{terms})            # after its level: 市大数据部门
        | (?P<head>{heads})                            # 部门 after a stem or an unknown name
        """,
        re.VERBOSE,
    )


def _tokens(sentence: str, vocabulary: Vocabulary):
    for match in _pattern(vocabulary).finditer(sentence):
        kind = match.lastgroup or ""              # every alternative is a named group
        text = match.group(kind)
        kind = {"prefixed": "name", "described": "closer"}.get(kind, kind)
        if kind == "name" and vocabulary.is_broad(text) and not _word_start(sentence, match.start()):
            continue                              # 企业 inside 大中型企业 is no broad addressee
        yield _Token(kind, match.start(), match.end(), text)


def _word_start(sentence: str, start: int) -> bool:
    """Does a word start here: at the sentence's start, after punctuation, a separator
    or a boundary word (鼓励企业, 、企业, 任何单位和个人)?"""
    before = sentence[max(0, start - 4):start]
    return not before or any(m.end() == len(before) for m in BOUNDARY.finditer(before)) or \
        bool(re.search(f"(?:{SEPARATOR}|等)$", before))


def _groups(sentence: str, tokens: list[_Token]):
    """Tokens joined into lists: a name after a separator, a closer right after a name."""
    group: list[_Token] = []
    for token in tokens:
        if group:
            gap = sentence[group[-1].end:token.start]
            if token.kind == "name" and LIST_GAP.fullmatch(gap) and not BOUNDARY.search(gap):
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
                        closing=first.kind != "name", leading=vocabulary.names.leading,
                        levels=vocabulary.names.prefixes, before_level=vocabulary.names.before_level)
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
            elif shared and element + shared in vocabulary.generic:
                phrase.generic = known = True           # 生产、经营单位: 经营单位 is generic
            elif shared and not _level(element, shared, vocabulary) and element + shared not in vocabulary.names.heads:
                unknown.append(element + shared)      # the whole name: 水行政主管部门, 省人民政府
        if token.kind == "own":
            phrase.generic = True                     # 及其有关部门: the government's departments
        elif token.kind == "name":
            slug = vocabulary.slug_of(token.text)
            if slug is None:
                phrase.generic = phrase.generic or not vocabulary.is_broad(token.text)
                if vocabulary.is_broad(token.text):
                    phrase.broad.append(token.text)
                known = True
            elif vocabulary.is_stem(token.text):
                stems.append((slug, token.text))
            else:
                phrase.actors.append(slug)
                known = True
                if token is group[-1] and token.text.endswith(vocabulary.names.governments):
                    phrase.unknown += unknown          # 省、设区的市人民政府: a government missed
                    unknown = []
        elif token.kind in ("closer", "head"):
            if token.kind == "head" and previous and (
                    vocabulary.slug_of(previous.text) is None
                    or vocabulary.is_stem(previous.text) and "部门" not in token.text):
                # a new name: generic 机关事务管理 + 部门, stem 公安 + 机关; with what touches
                # it before (煤矿安全监察机构, 被审计单位 are not 监察机构, 审计单位)
                touching = _reach_back(sentence[max(limit, previous.start - REACH):previous.start], closing=True,
                                       leading=vocabulary.names.leading) if previous is first else []
                phrase.unknown.append("".join(touching[-1:]) + sentence[previous.start:token.end])
            if "部门" in token.text or token.text.endswith(vocabulary.names.governments):
                phrase.actors += [slug for slug, _ in stems]
                phrase.unknown += unknown
                known = known or bool(stems)
            else:
                # a stem before 单位 is another word: 建设 in 建设、设计等相关单位 is 建设单位
                for _, stem in stems:
                    slug = vocabulary.slug_of(stem + shared)
                    if slug:
                        phrase.actors.append(slug)
                        known = True
                if not known:
                    phrase.unknown += unknown
            stems, unknown = [], []
    generic = [name for name in phrase.unknown if _generic(name, vocabulary)]
    phrase.unknown = [name for name in dict.fromkeys(phrase.unknown) if name not in generic]
    phrase.generic = phrase.generic or bool(generic)
    if not (phrase.actors or phrase.generic or phrase.broad or phrase.unknown):
        return None
    return phrase


def _generic(name: str, vocabulary: Vocabulary) -> bool:
    """Is an unknown name generic after all: a generic phrase, or a determiner before the
    words that close a name (该单位, 相关管理部门, 其他行政主管部门, 有关政府部门)?"""
    if name in vocabulary.generic:
        return True
    determiner = next((word for word in vocabulary.names.determiners if name.startswith(word)), None)
    if determiner is None:
        return False
    rest = name[len(determiner):]
    rest = rest[len("政府"):] if rest.startswith("政府") and rest != "政府" else rest
    return rest in vocabulary.names.heads


def _level(element: str, shared: str, vocabulary: Vocabulary) -> bool:
    """Is a list element only a level that the next name carries too (市 in 市、区卫生健康部门,
    区 in 区、县教育行政部门)? Never before a government: 省 in 省、市人民政府 is a government."""
    return element in vocabulary.names.prefixes and not shared.endswith(vocabulary.names.governments)


def _reach_back(before: str, closing: bool, leading: tuple[str, ...] = (), levels: tuple[str, ...] = (),
                before_level: tuple[str, ...] = ()) -> list[str]:
    """The names a list has before its first known one: 建设、设计 in 建设、设计等相关单位,
    市 in 市、区县人民政府. Before a closer the last name touches it; before a name, a 、 does."""
    cut = max((m.end() for m in BOUNDARY.finditer(before)), default=0)
    before = before[cut:]
    while leading and before.startswith(leading):   # 对, 根据, 做好: a clause opens, no name
        before = before[max(len(w) for w in leading if before.startswith(w)):]
    if levels and before[:1] in before_level and before[1:].startswith(levels):
        before = before[1:]                         # 经市、县人民政府批准: 经 is no name
    if not closing:
        if not before.endswith("、"):
            return []
        before = before[:-1]
    elements = before.split("、")
    elements = [_unled(element, leading) for element in elements[:-1]] + [_unled(elements[-1], leading)]
    while elements and elements[0] == "":
        elements.pop(0)
    return elements if all(elements) else []


def _unled(element: str, leading: tuple[str, ...]) -> str:
    """A list element without the clause's first word: 督促会员 in 引导、督促会员单位."""
    while leading and element.startswith(leading):
        element = element[max(len(w) for w in leading if element.startswith(w)):]
    return element


def _shared(token: _Token, vocabulary: Vocabulary) -> str:
    """The last word the names before this token share with it: 部门 before a stem or
    …等部门, 人民政府 before 区县人民政府, 单位 before …等相关单位."""
    if token.kind in ("closer", "head"):
        return token.text
    slug = vocabulary.slug_of(token.text)
    if vocabulary.is_stem(token.text):
        return "部门"
    return next((word for word in vocabulary.names.shared if slug and token.text.endswith(word)), "")


def _trie(words) -> str:
    """The words as one pattern that shares their prefixes and, where one word starts
    another, tries the longer first: what `|`.join of words sorted longest first means,
    without trying hundreds of alternatives at every character.

    >>> _trie(["大数据", "大数据中心", "科技"])
    '(?:大数据(?:中心)?|科技)'
    >>> re.match(_trie(["大数据", "大数据中心"]), "大数据中心建设").group()
    '大数据中心'
    """
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}                     # a word ends here
    return _node(root) or "(?!)"


def _node(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(char) + _node(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    if len(branches) == 1 and not ends:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if ends else "")


def _alternatives(words: tuple[str, ...]) -> str:
    """Curated words as alternatives of a pattern, escaped; none matches nothing."""
    return "|".join(map(re.escape, words)) or "(?!)"
