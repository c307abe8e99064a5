"""Unknown-phrase warnings over the whole real corpus (corpora/lawrefbook/): each one a
whole name, never a fragment cut mid-phrase (issue 17)."""

import re

import pytest

from lawsite.core import zh
from lawsite.enrich import departments, phrases, vocabulary

from ..conftest import ROOT
from . import real_corpus

VOCABULARY = vocabulary.load(ROOT / "sources" / "departments.yml")
ENDS = ("部门", "机关", "机构", "单位", "政府")
# What a name never is on its own, before its closing word: a determiner or a relative word
# (本单位, 有关单位 are generic phrases, to be listed whole), or a level (市 in 市、区…部门).
NOT_NAMES = ("本", "有关", "相关", "其他", "其", "各", "该", "所在", "其所在", "上级", "同级", "下级", "原")
OPENERS = re.compile(rf"(?:[{zh.PUNCTUATION}\s]|{phrases.SEPARATOR})$")


def starts_a_word(sentence: str, start: int) -> bool:
    """Is `start` a word boundary: the sentence's start, after punctuation or a list
    separator, after a word that opens or joins a clause (BOUNDARY, the modal words, the
    vocabulary's leading words), or after a name (a term, a head: 区人民政府农业主管部门)?"""
    before = sentence[max(0, start - 12):start]
    level = sentence.startswith(VOCABULARY.names.prefixes, start) and before.endswith(VOCABULARY.names.before_level)
    return start == 0 or level or bool(OPENERS.search(before)) or before.endswith(WORDS) or any(
        match.end() == len(before) for match in phrases.BOUNDARY.finditer(before))


WORDS = tuple({*VOCABULARY.names.leading, *VOCABULARY.names.heads, *VOCABULARY.terms(), *VOCABULARY.generic,
               *VOCABULARY.broad, *(word for words in zh.MODAL_WORDS.values() for word in words)})


def fragments(phrase: phrases.Phrase, sentence: str) -> list[str]:
    """What is wrong with a phrase's unknown names; [] when nothing is."""
    wrong = []
    if sentence[phrase.start:phrase.end] != phrase.text:
        wrong.append(f"phrase {phrase.text!r} is not as the text writes it")
    for name in phrase.unknown:
        head = next((h for h in VOCABULARY.names.heads if name.endswith(h)), "")
        stem = name[:-len(head)] if head else name
        # the name as written (the last of a list; the others are its elements with the closing word)
        at = len(phrase.text) - len(name) if phrase.text.endswith(name) else -1
        if at > 0 and not OPENERS.search(phrase.text[:at]) and phrase.text[:at].endswith(tuple("再非")):
            at = -1                      # 担保、再担保机构: 担保机构 is the first element's name
        if not name.endswith(ENDS):
            wrong.append(f"name {name!r} does not end in {'/'.join(ENDS)}")
        elif stem in NOT_NAMES or stem in VOCABULARY.names.prefixes or stem == "":
            wrong.append(f"name {name!r} is a determiner or a level, not a name")
        elif stem.startswith(VOCABULARY.names.leading):
            wrong.append(f"name {name!r} starts with a clause's first word")
        elif at >= 0 and not starts_a_word(sentence, phrase.start + at):
            wrong.append(f"name {name!r} starts inside a word: {sentence[:phrase.start + at][-6:]!r}")
    return wrong


@pytest.fixture(scope="module")
def corpus():
    return real_corpus.ordinances()


def test_the_corpus_is_there(corpus):
    assert len(corpus) > 1000 and sum(len(o.articles) for o in corpus.values()) > 50_000


def test_every_unknown_phrase_is_a_whole_name(corpus):
    wrong, warned = [], 0
    for key, ordinance in corpus.items():
        for article in ordinance.articles:
            for _, element in article.elements():
                for sentence in departments.sentences(element.text):
                    for phrase in phrases.find(sentence, VOCABULARY):
                        if phrase.unknown:
                            warned += 1
                            wrong += [f"{key} {article.label}: {problem}" for problem in fragments(phrase, sentence)]
    assert warned > 1000                 # the check has something to check
    assert wrong == [], f"{len(wrong)} fragments, e.g. " + "\n".join(wrong[:20])


@pytest.mark.parametrize("sentence, warned", [
    ("做好本单位的安全生产工作。", []),                          # 做好本, and 本 alone
    ("用水单位应当节约用水。", ["用水单位"]),                       # not 用水
    ("对单位和个人的违法行为予以查处。", []),                       # 对 opens the clause
    ("区、县专利管理部门负责专利管理工作。", ["县专利管理部门"]),    # 区 is only a level
    ("经市、县人民政府批准，可以调整。", []),                       # 经市 is no government
])
def test_whole_names_in_the_cases_that_were_fragments(sentence, warned):
    assert [name for phrase in phrases.find(sentence, VOCABULARY) for name in phrase.unknown] == warned
