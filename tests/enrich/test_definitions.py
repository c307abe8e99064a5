"""Defined terms: the definitions of 济南 and of a 下列用语 list, and every use of each term."""

import pytest

from lawsite import pipeline as build
from lawsite.enrich import definitions

from ..conftest import LAUNCH, ROOT, SourcesTree, project

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
    found = definitions.find([o for o in corpus.ordinances if o.slug in LAUNCH])
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
    assert used(ordinance, found, "art_15__para_2") == [("数字基础设施", "数字基础设施")] * 3
    assert sum(len(v) for v in uses.values()) == 60 and len(uses) == 37
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
    assert used(ordinance, found, "art_2__para_1__point_3") == [("数据", "数据")]


def test_a_short_name_is_used_only_after_it_is_introduced(terms):
    ordinance, found = terms
    assert ("管委会", "管委会") not in used(ordinance, found, "art_1__para_1")
    assert used(ordinance, found, "art_1__para_1") == [("公共数据", "公共数据")]
    # in the sentence that introduces 管委会 only 公共数据 is a use; the next sentence uses 管委会
    assert used(ordinance, found, "art_4__para_1") == [("公共数据", "公共数据"), ("管委会", "管委会")]
    start = found[4].end
    assert [s for s, _, d in definitions.uses(ordinance, found)["art_4__para_1"] if d.term == "管委会"] == [start]
    assert used(ordinance, found, "art_5__para_2") == [("管委会", "管委会"), ("数据处理者", "数据处理者")]
