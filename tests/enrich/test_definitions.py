"""Defined terms: the definitions of 济南 and of a 下列用语 list, the forms the corpus
uses, and every use of each term: where it stands as a word, once a 款."""

import dataclasses

import pytest

from lawsite import pipeline as build
from lawsite.enrich import definitions

from ..conftest import ROOT, SourcesTree, project

FIXTURES = ROOT / "tests" / "fixtures" / "definitions"


@pytest.fixture(scope="module")
def jinan():
    corpus = build.load(project())
    return {o.slug: o for o in corpus.ordinances}["jinan-digital-economy"], corpus


@pytest.fixture(scope="module")
def terms(tmp_path_factory):
    tree = SourcesTree(tmp_path_factory.mktemp("definitions") / "sources")
    tree.add((FIXTURES / "test-terms.txt").read_text(encoding="utf-8"), slug="test-terms",
             title="测试市公共数据条例", dedent=False)
    [ordinance] = build.load(project(tree.root, tree.root.parent / "no-translations")).ordinances
    return ordinance, definitions.find([ordinance])


def used(ordinance, found, eid) -> list[tuple[str, str]]:
    """(the words used, the term they are a use of) in one element."""
    text = next(e.text for a in ordinance.articles for _, e in a.elements() if e.eid == eid)
    return [(text[start:end], d.term) for start, end, d in definitions.uses(ordinance, found).get(eid, [])]


def test_the_two_definitions_of_jinan(jinan):
    ordinance, corpus = jinan
    found = definitions.find(corpus.ordinances)
    assert [(d.slug, d.term, d.eid, d.kind) for d in found] == [
        ("jinan-digital-economy", "数字经济", "art_2__para_2", "defined"),
        ("jinan-digital-economy", "数字基础设施", "art_8__para_1", "defined")]
    assert found[0].text.startswith("本条例所称数字经济，是指以数据资源为关键要素")
    assert found[0].text.endswith("促进公平与效率更加统一的新经济形态。")
    assert found[1].text == ordinance.article(8).paragraphs[0].text


def test_uses_in_jinan_exclude_the_definitions(jinan):
    ordinance, corpus = jinan
    found = definitions.find(corpus.ordinances)
    uses = definitions.uses(ordinance, found)
    assert "art_2__para_2" not in uses and "art_8__para_1" not in uses
    assert used(ordinance, found, "art_2__para_1") == [("数字经济", "数字经济")]
    # the 款 says 数字基础设施 three times: linked once
    assert used(ordinance, found, "art_15__para_2") == [("数字基础设施", "数字基础设施")]
    assert sum(len(v) for v in uses.values()) == 37 and len(uses) == 37
    texts = {e.eid: e.text for a in ordinance.articles for _, e in a.elements()}
    assert all(texts[eid][s:e] == d.term for eid, found_here in uses.items() for s, e, d in found_here)


def test_yantai_defines_nothing(jinan):
    _, corpus = jinan
    yantai = {o.slug: o for o in corpus.ordinances}["yantai-digital-economy"]
    assert definitions.find([yantai]) == [] and definitions.uses(yantai, []) == {}


def test_the_list_of_terms_and_the_other_forms(terms):
    ordinance, found = terms
    assert [(d.term, d.eid, d.kind) for d in found] == [
        ("数据", "art_2__para_1__point_1", "defined"),
        ("公共数据", "art_2__para_1__point_2", "defined"),
        ("数据处理者", "art_2__para_1__point_3", "defined"),      # in quotes
        ("数据安全", "art_3__para_1", "defined"),                  # 本条例所称…，包括
        ("管委会", "art_4__para_1", "short")]                      # （以下简称…）
    texts = {e.eid: e.text for a in ordinance.articles for _, e in a.elements()}
    assert all(texts[d.eid][d.start:d.end] == d.text for d in found)
    assert found[1].text == "公共数据，是指国家机关和法律、法规授权的具有管理公共事务职能的组织在依法履行职责过程中收集、产生的数据；"
    assert found[3].text == "本条例所称数据安全，包括数据的保密性、完整性和可用性。"
    assert found[4].text == "市人民政府设立公共事务协调委员会（以下简称管委会），统筹公共数据管理工作。"


def test_longest_term_first(terms):
    ordinance, found = terms
    assert used(ordinance, found, "art_5__para_1") == [
        ("数据处理者", "数据处理者"), ("公共数据", "公共数据"), ("数据安全", "数据安全")]
    # 数据 inside 公共数据's definition is a use of 数据; 公共数据 itself is not
    assert used(ordinance, found, "art_2__para_1__point_2") == [("数据", "数据")]
    # the next 项 is in the same 款, which has linked 数据 already (and 数据处理 is a word)
    assert used(ordinance, found, "art_2__para_1__point_3") == []


def test_a_short_name_is_used_only_after_it_is_introduced(terms):
    ordinance, found = terms
    assert ("管委会", "管委会") not in used(ordinance, found, "art_1__para_1")
    assert used(ordinance, found, "art_1__para_1") == [("公共数据", "公共数据")]
    # in the sentence that introduces 管委会 only 公共数据 is a use; the next sentence uses 管委会
    assert used(ordinance, found, "art_4__para_1") == [("公共数据", "公共数据"), ("管委会", "管委会")]
    start = found[4].end
    assert [s for s, _, d in definitions.uses(ordinance, found)["art_4__para_1"] if d.term == "管委会"] == [start]
    assert used(ordinance, found, "art_5__para_2") == [("管委会", "管委会"), ("数据处理者", "数据处理者")]


# Cut from the corpus: the title and body (the header lines and the 目录 left out) of
# corpora/lawrefbook/beijing/北京市数字经济促进条例(2022-11-25).md, where 数据 is written
# 113 times, in 数据交易、数据处理、数据中心、大数据平台 …, and of
# shandong/山东省大数据发展促进条例(2021-09-30).md, which defines 大数据.
DATA_TEXTS = {"beijing-digital-economy": "北京市数字经济促进条例",
              "shandong-big-data": "山东省大数据发展促进条例"}


@pytest.fixture(scope="module")
def data_case(tmp_path_factory):
    """Beijing's ordinance as if it defined 数据 where it defines 公共数据 (the corpus has
    no definition of 数据 itself), and its texts by eId."""
    tree = SourcesTree(tmp_path_factory.mktemp("data-case") / "sources")
    for slug, title in DATA_TEXTS.items():
        tree.add((FIXTURES / f"{slug}.txt").read_bytes(), slug=slug, title=title)
    beijing, shandong = build.load(project(tree.root, tree.root.parent / "no-translations")).ordinances
    found = definitions.find([beijing, shandong])
    assert [(d.slug, d.term, d.eid) for d in found] == [
        ("beijing-digital-economy", "数字经济", "art_2__para_2"),
        ("beijing-digital-economy", "公共机构", "art_16__para_2"),
        ("beijing-digital-economy", "公共数据", "art_16__para_2"),
        ("shandong-big-data", "大数据", "art_2__para_2")]
    data = dataclasses.replace(found[2], term="数据")
    texts = {e.eid: e.text for a in beijing.articles for _, e in a.elements()}
    return beijing, found + [data], texts


def uses_of(uses, texts, eid, term="数据") -> list[str]:
    """Each use of the term in one element, with the characters around it."""
    text = texts[eid]
    return [f"{text[max(0, s - 2):s]}[{text[s:e]}]{text[e:e + 2]}"
            for s, e, d in uses.get(eid, []) if d.term == term]


def test_the_data_case_a_short_term_is_linked_once_a_paragraph_and_only_as_a_word(data_case):
    beijing, found, texts = data_case
    uses = definitions.uses(beijing, found)
    data = [(eid, s) for eid, here in uses.items() for s, _, d in here if d.term == "数据"]
    assert sum(text.count("数据") for text in texts.values()) == 113
    assert len(data) == 32                       # not 113: once a 款, and only as a word
    # inside 数据中心 (a word) it is no use: the 款 that says it twice links nothing
    assert texts["art_12__para_2"].count("数据中心") == 2 and uses_of(uses, texts, "art_12__para_2") == []
    # 数据处理 is a word too: the first use is the 数据 of 数据治理
    assert texts["art_48__para_1"].startswith("开展数据处理活动，应当建立数据治理")
    assert uses_of(uses, texts, "art_48__para_1") == ["建立[数据]治理"]
    # 数据交易 is not a word of the dictionary: 数据 + 交易
    assert uses_of(uses, texts, "art_22__para_1") == ["立的[数据]交易"]
    # the 款 of 市大数据中心 … 数据交换 … 非公共数据 … 大数据平台 … 数据支撑: 公共数据 and 数据 once each
    assert uses_of(uses, texts, "art_17__para_2", "公共数据") == ["负责[公共数据]的汇"]
    assert uses_of(uses, texts, "art_17__para_2") == ["级的[数据]支撑"]


def test_each_term_at_most_once_a_paragraph_and_at_word_cuts(data_case):
    beijing, found, texts = data_case
    uses = definitions.uses(beijing, found)
    per_paragraph = [(eid.split("__point_")[0], d.term) for eid, here in uses.items() for _, _, d in here]
    assert len(per_paragraph) == len(set(per_paragraph))
    for eid, here in uses.items():
        cuts = definitions.word_cuts(texts[eid])
        assert all(s in cuts and e in cuts and texts[eid][s:e] == d.term for s, e, d in here)


def test_a_longer_term_another_ordinance_defines_is_no_use_of_a_shorter_one(data_case):
    beijing, found, texts = data_case
    assert "、大数据平台" in texts["art_37__para_1"]
    assert uses_of(definitions.uses(beijing, found), texts, "art_37__para_1") == []
    without_shandong = [d for d in found if d.slug != "shandong-big-data"]
    assert uses_of(definitions.uses(beijing, without_shandong), texts, "art_37__para_1") == ["、大[数据]平台"]
