"""Who must do what, article by article: the actors each sentence names, and how.

Each sentence (split at 。；;) is read on its own, in the 款/项/目 it stands in.
An actor named in it is one of

- its subject: a phrase before the modal word (应当, 可以, 不得, 负责 …), or at
  the very start of a sentence that has none (an imperative such as
  "区县人民政府根据实际情况，统筹…"), or the agent after 由 ("由X责令改正").
  Its modalities are the sentence's: duty for 应当/必须/负责/牵头 or no modal
  word at all, power for 可以, prohibition for 不得;
- a co-actor, right after 会同 or 组织: "发展改革部门应当会同工业和信息化等部门…"
  (the subject's modalities);
- encouraged: right after 鼓励/支持/引导/倡导 in a sentence with no subject, nor
  one carried over from the clause before a ； ("鼓励金融机构…");
- otherwise only mentioned: an object ("X应当鼓励金融机构…"), a venue, or a
  possessor ("市、区县人民政府相关部门", "…的").

>>> from .vocabulary import loads
>>> vocabulary = loads('''
... generic: [有关部门]
... names: {prefixes: [市, 区县], heads: [部门, 单位], shared: [人民政府, 部门], institutions: [部门, 机关]}
... actors:
...   - {slug: municipal-government, name: 市人民政府, name_en: M, kind: government,
...      terms: [市人民政府]}
...   - {slug: big-data, name: 大数据部门, name_en: B, kind: department, terms: [大数据]}
...   - {slug: platform-enterprise, name: 平台企业, name_en: P, kind: other, terms: [平台企业]}
... ''')
>>> def show(text):
...     return sentence_mentions(text, vocabulary)
>>> show("市人民政府应当组织大数据等有关部门编制规划。")
[('municipal-government', 'actor', 'duty'), ('big-data', 'actor', 'duty')]
>>> show("市人民政府应当鼓励平台企业开放数据。")
[('municipal-government', 'actor', 'duty'), ('platform-enterprise', 'mentioned', None)]
>>> show("支持平台企业规范健康发展。"), show("平台企业不得滥用市场支配地位。")
([('platform-enterprise', 'actor', 'encouragement')], [('platform-enterprise', 'actor', 'prohibition')])
"""

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from lawsite.core import zh
from lawsite.core.errors import Notice
from lawsite.enrich import phrases
from lawsite.enrich.vocabulary import Actor, Names, Vocabulary
from lawsite.model.document import Article, ArticleNumber, Ordinance

MODALITIES = ("duty", "power", "encouragement", "prohibition")

# The modal words, each giving its subject a modality; the first one ends the subject.
MODAL = re.compile("|".join(f"(?P<{modality}>{zh.alternatives(words)})"
                            for modality, words in zh.MODAL_WORDS.items()))

# The end of a condition: "X违反本条例规定…的，" — X is not the subject of what follows.
CONDITION = re.compile(r"的[，,]")

# The agent of a passive: "…的，由市场监督管理部门责令改正".
AGENT = re.compile(r"由$")

# Verbs whose object acts with the subject: 会同工业和信息化等部门, 组织大数据等有关部门.
CO_ACT = re.compile(r"(?:会同|组织)$")

# Verbs of encouragement, alone or joined: 鼓励, 鼓励和支持, 培育、引导和支持, 鼓励引导.
ENCOURAGE = re.compile(rf"(?:{zh.alternatives(zh.ENCOURAGING_VERBS)})"
                       rf"(?:[和、并]?(?:{zh.alternatives(zh.ENCOURAGING_VERBS)}))*$")

VERB_REACH = 16     # characters before a phrase searched for its verb (鼓励、支持和引导 is 7)

# A sentence ends at 。 or ；, which it keeps: the sentences of a text join back into it.
ENDS = zh.SENTENCE_ENDS + zh.HALF_WIDTH_SEMICOLON
SENTENCE = re.compile(f"[^{ENDS}]+[{ENDS}]?")


# An activity as the subject: "开展数据处理活动，应当…" (no actor, an activity's duty).
ACTIVITY = re.compile(r"^(?:开展|从事)[^，。；]{1,30}?活动")

# The roles of what is not a vocabulary actor but carries a modality (issue 17).
OTHER_ROLES = ("generic", "broad", "subjectless")


@dataclass(frozen=True)
class Mention:
    actor: str              # vocabulary slug; "" for the generic, broad and subjectless roles
    role: str               # "actor" | "mentioned" | "generic" | "broad" | "subjectless"
    modality: str | None    # duty | power | encouragement | prohibition (None when mentioned)
    eid: str                # the 款/项/目 element the sentence is in
    sentence: str           # the sentence, exactly as in the element's text
    phrase: str = ""        # generic, broad: the phrase (有关部门, 任何单位和个人); subjectless: an
                            # activity as the subject (开展数据处理活动), or ""


def sentences(text: str) -> list[str]:
    """The sentences of a text, each with its 。 or ；.

    >>> sentences("甲应当乙；丙可以丁。戊")
    ['甲应当乙；', '丙可以丁。', '戊']
    """
    return SENTENCE.findall(text)


def extract(ordinance: Ordinance, vocabulary: Vocabulary) -> dict[ArticleNumber, list[Mention]]:
    """Every article's mentions, by article number, in text order, without duplicates."""
    return {article.number: article_mentions(article, vocabulary) for article in ordinance.articles}


def extract_all(ordinances, vocabulary: Vocabulary) -> dict[str, dict[ArticleNumber, list[Mention]]]:
    """`extract` for each ordinance, by slug: the input of `matrix`."""
    return {ordinance.slug: extract(ordinance, vocabulary) for ordinance in ordinances}


def read_all(ordinances, vocabulary: Vocabulary) -> tuple[dict[str, dict[ArticleNumber, list[Mention]]],
                                                         list[Notice]]:
    """`extract_all` and every ordinance's `unknown_phrases`, in one reading of each sentence."""
    mentions: dict[str, dict[ArticleNumber, list[Mention]]] = {}
    notices: list[Notice] = []
    for ordinance in ordinances:
        mentions[ordinance.slug], unknown = read(ordinance, vocabulary)
        notices += unknown
    return mentions, notices


def read(ordinance: Ordinance, vocabulary: Vocabulary) -> tuple[dict[ArticleNumber, list[Mention]], list[Notice]]:
    """`extract` and `unknown_phrases` of one ordinance, in one reading of each sentence."""
    unknown: dict[Notice, None] = {}
    found = {article.number: article_mentions(article, vocabulary, ordinance, unknown)
             for article in ordinance.articles}
    return found, list(unknown)


def article_mentions(article: Article, vocabulary: Vocabulary, ordinance: Ordinance | None = None,
                     unknown: dict | None = None) -> list[Mention]:
    """The actors of an article; with `unknown`, add to it the warnings of `unknown_phrases`
    for the article of `ordinance`."""
    found: dict[Mention, None] = {}          # in order, once each
    for paragraph in article.paragraphs:
        # A subject carries over a ；, and from a 款 to its 项 ("X履行下列职责：（一）…；").
        carried = False
        for element in paragraph.elements():
            for sentence in sentences(element.text):
                given, has_subject, named = _read(sentence, vocabulary, carried)
                if unknown is not None and ordinance is not None:
                    for phrase in named:
                        for name in phrase.unknown:
                            unknown.setdefault(_unknown(ordinance, article, paragraph, phrase, name, vocabulary))
                for actor, role, modality in given:
                    found.setdefault(Mention(actor, role, modality, element.eid, sentence), None)
                for role, text, modality in _others(sentence, named, has_subject or carried):
                    found.setdefault(Mention("", role, modality, element.eid, sentence, text), None)
                carried = (carried or has_subject) and not sentence.endswith("。")
    return list(found)


def sentence_mentions(sentence: str, vocabulary: Vocabulary) -> list[tuple]:
    """(actor, role, modality) for each actor one sentence names, in text order."""
    return _read(sentence, vocabulary, carried=False)[0]


def sentence_others(sentence: str, vocabulary: Vocabulary) -> list[tuple]:
    """(role, phrase, modality) of what carries a modality in one sentence without being a
    vocabulary actor: the generic actor, a broad addressee, or no actor at all.

    >>> from .vocabulary import loads
    >>> vocabulary = loads("generic: [有关部门]\\nbroad: [任何单位和个人]\\nactors: []\\n")
    >>> sentence_others("任何单位和个人不得非法收集数据。", vocabulary)
    [('broad', '任何单位和个人', 'prohibition')]
    >>> sentence_others("有关部门应当做好相关工作。", vocabulary)
    [('generic', '有关部门', 'duty')]
    >>> sentence_others("鼓励开展数据入股。", vocabulary), sentence_others("禁止焚烧秸秆。", vocabulary)
    ([('subjectless', '', 'encouragement')], [('subjectless', '', 'prohibition')])
    >>> sentence_others("开展数据处理活动，应当履行数据安全保护义务。", vocabulary)
    [('subjectless', '开展数据处理活动', 'duty')]
    """
    _, has_subject, named = _read(sentence, vocabulary, carried=False)
    return _others(sentence, named, has_subject)


def _others(sentence: str, named: list, subject: bool) -> list[tuple]:
    """The generic, broad and subjectless (role, phrase, modality) of a sentence whose
    phrases are `named`; `subject`: it has a subject, its own or carried over a ；."""
    modal = MODAL.search(sentence)
    explicit = [m for m in MODALITIES if m in {match.lastgroup for match in MODAL.finditer(sentence)}]
    result, encouraged = [], False
    for phrase, role in zip(named, _roles(sentence, named)):
        if role == "encouraged" and not subject:
            given = ["encouragement"]
            encouraged = True
        elif role in ("subject", "co-actor"):
            given = _modalities(sentence)
        else:
            continue
        labels = [("generic", phrase.text)] if phrase.generic else []
        labels += [("broad", text) for text in phrase.broad]
        result += [(label, text, modality) for label, text in labels for modality in given]
    if subject:
        return result
    activity = ACTIVITY.match(sentence)
    verb = re.search(zh.alternatives(zh.ENCOURAGING_VERBS), sentence)
    if verb and not encouraged and (modal is None or verb.start() < modal.start()):
        explicit = sorted({*explicit, "encouragement"}, key=MODALITIES.index)
    elif encouraged:
        explicit = [m for m in explicit if m != "encouragement"]
    return result + [("subjectless", activity.group() if activity else "", modality) for modality in explicit]


def _read(sentence: str, vocabulary: Vocabulary, carried: bool) -> tuple[list[tuple], bool, list]:
    """The sentence's (actor, role, modality), whether it has a subject of its own, and
    the phrases that name actors."""
    found = phrases.find(sentence, vocabulary)
    roles = _roles(sentence, found)
    has_subject = "subject" in roles
    modalities = _modalities(sentence)
    result = []
    for phrase, role in zip(found, roles):
        if role == "encouraged" and not (has_subject or carried):
            given: list[tuple[str, str | None]] = [("actor", "encouragement")]
        elif role in ("subject", "co-actor"):
            given = [("actor", modality) for modality in modalities]
        else:
            given = [("mentioned", None)]
        result += [(actor, *each) for actor in phrase.actors for each in given]
    acting = {actor for actor, role, _ in result if role == "actor"}
    return [each for each in result if each[1] == "actor" or each[0] not in acting], has_subject, found


def _roles(sentence: str, found: list) -> list[str]:
    """The role of each phrase. A phrase qualified by the one before it (县级以上人民政府 +
    环境保护主管部门) stands where its qualifier starts: 由 before the qualifier is its agent."""
    modal = MODAL.search(sentence)
    roles: list[str] = []
    starts: list[int] = []
    for index, phrase in enumerate(found):
        previous = found[index - 1] if index else None
        start = starts[-1] if previous and previous.modifier and previous.end == phrase.start else phrase.start
        starts.append(start)
        roles.append(_role(sentence, phrase, modal.start() if modal else None, start))
    return roles


def _role(sentence: str, phrase: phrases.Phrase, modal: int | None, start: int) -> str:
    """subject | co-actor | encouraged | mentioned, from where the phrase stands (`start`:
    where it or its qualifier starts); `modal` is where the sentence's first modal word is,
    if it has one."""
    before = sentence[max(0, start - VERB_REACH):start]
    if phrase.modifier:
        return "mentioned"
    if AGENT.search(before):
        return "subject"
    if CO_ACT.search(before):
        return "co-actor"
    if ENCOURAGE.search(before):
        return "encouraged"
    if modal is not None and phrase.start < modal and CONDITION.search(sentence, phrase.end, modal):
        return "mentioned"              # a condition: 生产经营单位有下列行为之一的，责令…，可以处…
    if (phrase.start < modal) if modal is not None else (start == 0):
        return "subject"
    return "mentioned"


def _modalities(sentence: str) -> list[str]:
    found = {match.lastgroup for match in MODAL.finditer(sentence)} or {"duty"}
    return [modality for modality in MODALITIES if modality in found]


def unknown_phrases(ordinance: Ordinance, vocabulary: Vocabulary) -> list[Notice]:
    """A warning for each …部门/…机关/…机构/…单位 name the vocabulary knows neither as
    an actor's term nor as generic, at the line of its 款 (a 项 has no line of its own)."""
    notices: dict[Notice, None] = {}
    for article in ordinance.articles:
        for paragraph, element in article.elements():
            for sentence in sentences(element.text):
                for phrase in phrases.find(sentence, vocabulary):
                    for name in phrase.unknown:
                        notices.setdefault(_unknown(ordinance, article, paragraph, phrase, name, vocabulary))
    return list(notices)


def _unknown(ordinance: Ordinance, article: Article, paragraph, phrase, name: str, vocabulary: Vocabulary) -> Notice:
    message = (f"{article.label}: 「{name}」 in 「{phrase.text}」 is not in "
               f"{vocabulary.path}: add it to an actor's terms or to generic")
    return Notice(ordinance.source_path, paragraph.line, message)


def vocabulary_record(vocabulary: Vocabulary) -> list[dict]:
    """The actors, for the published dataset."""
    return [{"slug": actor.slug, "name": actor.name, "name_en": actor.name_en,
             "kind": actor.kind, "terms": list(actor.terms)} for actor in vocabulary.actors]


def article_record(mentions: list[Mention]) -> dict:
    """An article's actors and modalities, for the published dataset: the vocabulary
    actors that act and those only mentioned, the generic actor, broad addressees, the
    modalities of sentences without an actor, and the article's modalities (all of them)."""
    def records(role, keys):
        return [{key: value for key, value in asdict(m).items() if key in keys} for m in mentions if m.role == role]
    found = {m.modality for m in mentions if m.modality}
    return {"acting": records("actor", ("actor", "modality", "eid", "sentence")),
            "mentioned": records("mentioned", ("actor", "eid", "sentence")),
            "generic": records("generic", ("phrase", "modality", "eid", "sentence")),
            "broad": records("broad", ("phrase", "modality", "eid", "sentence")),
            "subjectless": records("subjectless", ("phrase", "modality", "eid", "sentence")),
            "modalities": [modality for modality in MODALITIES if modality in found]}


def matrix(corpus_mentions: dict[str, dict[ArticleNumber, list[Mention]]]) -> dict[str, dict[str, int]]:
    """actor → ordinance → the number of its articles where the actor is an actor (not
    only mentioned); every ordinance is listed for every actor, 0 when it has none.

    >>> one = Mention("big-data", "actor", "duty", "art_1__para_1", "大数据部门负责…。")
    >>> matrix({"a": {1: [one, one], 2: [one]}, "b": {1: []}})
    {'big-data': {'a': 2, 'b': 0}}
    """
    counts: dict[str, dict[str, int]] = {}
    for ordinance, articles in corpus_mentions.items():
        for mentions in articles.values():
            for actor in {m.actor for m in mentions if m.role == "actor"}:
                row = counts.setdefault(actor, dict.fromkeys(corpus_mentions, 0))
                row[ordinance] += 1
    return dict(sorted(counts.items()))


def wording(actor: Actor, mentions: Iterable[Mention], names: Names) -> str:
    """An actor's name as one ordinance writes it, for a label on its pages: the
    vocabulary's name where the sentences that name the actor contain it, else the
    longest of its terms they contain, closed by the name's head word (部门, 单位) when
    the term has none; the vocabulary's name when they contain no term. A name that
    merges several ordinances' wording (区（市）、区县人民政府) is never shown for one
    that writes only one of them.

    >>> actor = Actor("district-government", "区（市）、区县人民政府", "D", "government",
    ...               ("区（市）人民政府", "区县人民政府", "县人民政府"))
    >>> names = Names(heads=("部门", "单位"), shared=("人民政府",), institutions=("机关",))
    >>> said = [Mention("district-government", "actor", "duty", "art_4__para_1", "市、区（市）人民政府应当…。")]
    >>> wording(actor, said, names)
    '区（市）人民政府'
    >>> culture = Actor("culture-tourism", "文化和旅游部门", "C", "department", ("文化和旅游", "文化旅游"))
    >>> wording(culture, [Mention("culture-tourism", "actor", "duty", "x", "文化旅游、教育等部门应当…。")], names)
    '文化旅游部门'
    >>> emergency = Actor("emergency", "应急管理部门", "E", "department", ("应急管理", "应急"))
    >>> wording(emergency, [Mention("emergency", "actor", "duty", "x", "应急管理等部门应当…。")],
    ...         Names(heads=("管理部门", "部门")))
    '应急管理部门'
    """
    sentences = [m.sentence for m in mentions if m.actor == actor.slug]
    if any(actor.name in sentence for sentence in sentences):
        return actor.name
    found = sorted((term for term in actor.terms if any(term in sentence for sentence in sentences)),
                   key=lambda term: (-len(term), term))
    if not found:
        return actor.name
    term = found[0]
    closing = names.heads + names.shared + names.institutions
    if term.endswith(closing):
        return term
    # the name's head word: what follows the longest term it starts with (应急管理|部门)
    stem = max((t for t in actor.terms if actor.name.startswith(t)), key=len, default="")
    head = actor.name[len(stem):] if stem else next(
        (h for h in sorted(closing, key=len) if actor.name.endswith(h)), "")
    return term + head
