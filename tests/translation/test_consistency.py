"""Parallel provisions translated alike: near-identical 款 of two ordinances."""

import textwrap

import build_corpus
from lawsite import pipeline as build
from lawsite.translation import consistency

from ..conftest import corpus_args, project

A = """\
    # 甲市数据条例

    第一条 为了促进数据开发利用，保障数据安全，根据有关法律、法规，结合本市实际，制定本条例。

    第二条 市人民政府应当加强对数据工作的领导，建立健全数据工作协调机制，统筹解决重大问题。

    第三条 本条例自2025年1月1日起施行。
    """
B = A.replace("甲市", "乙市").replace("统筹解决重大问题", "统筹解决数据发展中的重大问题")

TRANSLATION_A = """\
    text:
      art_1__para_1: >-
        These Regulations are formulated in accordance with relevant laws and regulations and in light of
        the actual circumstances of this Municipality, for the purposes of promoting the development and
        utilization of data and safeguarding data security.
      art_2__para_1: >-
        The municipal people's government shall strengthen its leadership over data work, establish and
        improve a coordination mechanism for data work, and coordinate the resolution of major issues.
    """


def corpus_with(sources_tree, tmp_path, translation_b: str):
    sources_tree.add(A, slug="city-a", **{"title": "甲市数据条例"})
    sources_tree.add(B, slug="city-b", **{"title": "乙市数据条例"})
    en = tmp_path / "translations" / "en"
    en.mkdir(parents=True)
    (en / "city-a.yml").write_text(textwrap.dedent(TRANSLATION_A), encoding="utf-8")
    (en / "city-b.yml").write_text(textwrap.dedent(translation_b), encoding="utf-8")
    return build.load(project(sources_tree.root, tmp_path / "translations"))


def test_identical_chinese_translated_differently_is_a_warning(sources_tree, tmp_path):
    corpus = corpus_with(sources_tree, tmp_path, TRANSLATION_A.replace(
        "for the purposes of promoting", "in order to promote").replace("and safeguarding", "and safeguard"))
    pairs = consistency.pairs(corpus.ordinances, corpus.parallels, corpus.languages[1], corpus.boilerplate)
    first = next(p for p in pairs if p.eid == "art_1__para_1")
    assert first.chinese == [] and not first.consistent
    assert first.english == [("for the purposes of promoting", "in order to promote"),
                             ("safeguarding", "safeguard")]
    warnings = [n for n in corpus.notices if "near-identical" in n.message]
    assert len(warnings) == 1 and warnings[0].line == 2 and warnings[0].path.endswith("city-a.yml")
    assert "art_1__para_1 and city-b art_1__para_1" in warnings[0].message


def test_translations_that_differ_where_the_chinese_does_are_consistent(sources_tree, tmp_path):
    corpus = corpus_with(sources_tree, tmp_path, TRANSLATION_A.replace(
        "resolution of major issues", "resolution of major issues in data development"))
    pairs = consistency.pairs(corpus.ordinances, corpus.parallels, corpus.languages[1], corpus.boilerplate)
    assert {p.eid for p in pairs} == {"art_1__para_1", "art_2__para_1"}
    second = next(p for p in pairs if p.eid == "art_2__para_1")
    assert second.chinese == [("", "数据发展中的")] and second.english == [("", "in data development")]
    assert all(p.consistent for p in pairs)
    assert not [n for n in corpus.notices if "near-identical" in n.message]


def test_the_command_line_lists_the_pairs(sources_tree, tmp_path, capsys):
    corpus_with(sources_tree, tmp_path, TRANSLATION_A)
    assert build_corpus.main(corpus_args(sources_tree.root, tmp_path / "docs", tmp_path / "translations")
                             + ["--translation-pairs"]) == 0
    out = capsys.readouterr().out
    assert "ok city-a art_1__para_1 ~ city-b art_1__para_1 (1.0)\n   zh: identical\n   en: identical" in out
    # the Chinese adds words the English does not: listed for a reader, not a warning
    # (a difference of punctuation alone has no English counterpart)
    assert "ok city-a art_2__para_1 ~ city-b art_2__para_1 (0.9" in out and "zh: ∅ → 数据发展中的" in out
