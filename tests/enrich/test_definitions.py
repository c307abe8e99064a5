"""Defined terms: the definitions of 济南 and of a 下列用语 list, the forms the corpus
uses, and every use of each term: where it stands as a word, once a 款."""

import dataclasses

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
        ("shandong-big-data", "大数据", "art_2__para_2"),
        ("shandong-big-data", "公共数据提供单位", "art_15__para_2"),   # （以下统称…）
        ("shandong-big-data", "公共数据", "art_15__para_2"),
        ("shandong-big-data", "非公共数据", "art_15__para_3")]
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


# tests/fixtures/definitions/corpus-forms.txt: each article's paragraphs are lines of the
# corpus, as received (only the article's own label renumbered), one form an article.
FORMS = ROOT / "corpora" / "lawrefbook"
PROVENANCE = [
    ("art_1", "shanghai/上海市预防职务犯罪工作若干规定.md", [13]),
    ("art_2", "henan/河南省实施《野生动物保护法》办法(2018-09-30).md", [23]),
    ("art_3", "shandong/山东省县乡两级人民代表大会选举实施细则(2015-12-03).md", [27]),
    ("art_4", "henan/河南省人民代表大会常务委员会组成人员守则(2018-06-04).md", [11]),
    ("art_5", "henan/濮阳市散煤污染防治条例(2020-06-30).md", [13]),
    ("art_6", "zhejiang/浙江省企业商号管理和保护规定(2021-07-30).md", [13]),
    ("art_7", "shandong/济南市农村四荒资源开发管理条例(2010-11-25).md", [17]),
    ("art_8", "henan/新乡市中小学校幼儿园规划建设条例(2017-08-14).md", [15]),
    ("art_9", "shandong/山东省归侨侨眷权益保护条例(2014-11-27).md", [11]),
    ("art_10", "shanghai/上海市遗体捐献条例.md", [41]),
    ("art_11", "shanghai/上海市献血条例.md", [125]),
    ("art_12", "zhejiang/浙江省饮用水水源保护条例(2020-11-27).md", [17, 19]),
    ("art_13", "beijing/北京市反不正当竞争条例.md", [39, 41, 43, 45, 47, 49]),
    ("art_14", "beijing/北京市反不正当竞争条例.md", [203]),
    ("art_15", "henan/洛阳市市区养犬管理规定.md", [99]),
    ("art_16", "zhejiang/浙江省计量监督管理条例.md", [295]),
    ("art_17", "zhejiang/杭州市物业管理条例(2021-08-09).md", [739, 741, 743, 745, 747, 749]),
    ("art_18", "zhejiang/杭州市物业管理条例(2021-08-09).md", [33]),
]


@pytest.fixture(scope="module")
def forms(tmp_path_factory):
    tree = SourcesTree(tmp_path_factory.mktemp("forms") / "sources")
    tree.add((FIXTURES / "corpus-forms.txt").read_bytes(), slug="test-forms", title="测试市用语条例")
    [ordinance] = build.load(project(tree.root, tree.root.parent / "no-translations")).ordinances
    return ordinance, definitions.find([ordinance])


def test_the_forms_fixture_is_cut_from_the_corpus(forms):
    ordinance, _ = forms
    for eid, path, lines in PROVENANCE:
        article = next(a for a in ordinance.articles if a.eid == eid)
        received = (FORMS / path).read_text(encoding="utf-8").split("\n")
        written = [(e.label if hasattr(e, "label") else "") + e.text for _, e in article.elements()]
        assert [received[n - 1].split(" ", 1)[-1] if n == lines[0] else received[n - 1]
                for n in lines] == written


@pytest.mark.parametrize("eid, term, kind, scope, starts", [
    ("art_1__para_1", "有关单位", "defined", "", "本规定所称有关单位，是指"),          # 本规定所称
    ("art_2__para_1", "野生动物产品", "defined", "", "本办法所称野生动物产品，是指"),  # 本办法所称
    ("art_3__para_1", "县乡两级人民代表大会", "defined", "", "本细则所称"),           # 本细则所称…是指
    ("art_4__para_1", "常委会组成人员", "defined", "", "本守则所称"),                # 本守则所称
    ("art_5__para_1", "散煤", "defined", "", "本条例所称散煤，是在"),                 # ，是…
    ("art_6__para_1", "企业商号", "defined", "", "本规定所称企业商号，即字号"),       # ，即…
    ("art_7__para_1", "四荒资源", "defined", "", "本条例所称四荒资源（以下简称四荒），是指"),
    ("art_7__para_1", "四荒", "short", "", "本条例所称四荒资源（以下简称四荒）"),   # its short name too
    ("art_8__para_1", "中小学校、幼儿园", "defined", "", "本条例所称中小学校、幼儿园"),  # a list: one term
    ("art_9__para_1", "归侨", "defined", "", "归侨是指回国定居的华侨。"),            # X是指, opening a 款
    ("art_9__para_1", "华侨", "defined", "", "华侨是指定居在国外的中国公民。"),      # … and a sentence
    ("art_10__para_1", "登记机构", "short", "", "区（县）红十字会"),                # （以下统称…）
    ("art_11__para_1", "本市献血者", "short", "", "在本市献血的公民（以下称本市献血者）"),  # （以下称…）
    ("art_12__para_1", "饮用水水源", "defined", "", "本条例所称饮用水水源"),
    ("art_12__para_2", "集中式供水", "defined", "art_12", "前款所称集中式供水"),      # 前款所称: this article
    ("art_13__para_2", "知名商品", "defined", "art_13", "本条所称的知名商品"),        # 本条所称: this article
    ("art_16__para_1", "违法所得", "defined", "chp_3", "本章所称违法所得"),          # 本章所称: this chapter
    ("art_17__para_1__point_1", "专有部分", "defined", "", "专有部分，包括"),       # 下列用语的含义是指: …，包括
    ("art_17__para_1__point_3", "物业服务人", "defined", "", "物业服务人，包括物业服务企业和其他管理人。"),
    ("art_17__para_1__point_4", "非业主使用人", "defined", "", "非业主使用人，包括"),
])
def test_every_form_the_corpus_uses(forms, eid, term, kind, scope, starts):
    ordinance, found = forms
    [definition] = [d for d in found if d.term == term]
    assert (definition.eid, definition.kind, definition.scope) == (eid, kind, scope)
    assert definition.text.startswith(starts)
    texts = {e.eid: e.text for a in ordinance.articles for _, e in a.elements()}
    assert texts[eid][definition.start:definition.end] == definition.text


def test_what_the_forms_fixture_does_not_define(forms):
    _, found = forms
    terms = [d.term for d in found]
    assert len(terms) == 21 and len(set(terms)) == 21
    # not the heading of the list, and not “以上”、“以下” (quoted words inside a list item)
    assert not any("含义" in t or "以上" in t for t in terms)


def test_a_term_applies_only_where_its_scope_is(forms):
    ordinance, found = forms
    got = {eid: [(s, d.term) for s, _, d in here] for eid, here in definitions.uses(ordinance, found).items()}
    texts = {e.eid: e.text for a in ordinance.articles for _, e in a.elements()}
    def at(eid, term):
        return [(texts[eid].index(term), term)]
    assert got["art_12__para_1"] == at("art_12__para_1", "集中式供水")   # 前款所称: the 款 before
    assert got["art_13__para_1"] == at("art_13__para_1", "知名商品")     # 本条所称: this article
    assert got["art_15__para_1"] == at("art_15__para_1", "违法所得")     # 本章所称: this chapter
    # 第十四条 (in another chapter and another article) says 违法所得 and 知名商品: no use
    assert "违法所得" in texts["art_14__para_1"] and "知名商品" in texts["art_14__para_1"]
    assert "art_14__para_1" not in got
    assert got["art_18__para_1"] == at("art_18__para_1", "非业主使用人")   # a list's term: everywhere
    assert got["art_9__para_1"] == at("art_9__para_1", "华侨")          # 华侨 in 归侨's definition


@pytest.mark.parametrize("name", ["本条例", "本规定", "本办法", "本细则", "本决定", "本守则"])
def test_every_name_an_instrument_gives_itself_defines_for_the_whole_text(sources_tree, name):
    # 本决定所称 does not occur in the corpus; it is read as 本条例所称 is
    sources_tree.add(f"第一条 {name}所称散煤，是指燃用的煤炭及其制品。\n第二条 禁止销售散煤。\n")
    [ordinance] = build.load(project(sources_tree.root, sources_tree.root.parent / "no-translations")).ordinances
    found = definitions.find([ordinance])
    assert [(d.term, d.scope) for d in found] == [("散煤", "")]
    assert [(s, d.term) for s, _, d in definitions.uses(ordinance, found)["art_2__para_1"]] == [(4, "散煤")]
