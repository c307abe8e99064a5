"""References: every pattern resolved to its exact target, external laws listed, dead
references reported and never linked."""

import pytest

from lawsite import pipeline as build
from lawsite.enrich import references

from ..conftest import LAUNCH, ROOT, SourcesTree, project

FIXTURES = ROOT / "tests" / "fixtures" / "references"
ORDINANCES = {"test-data": "测试市数据条例", "test-platform": "测试市平台条例"}


def load(tree: SourcesTree, texts: dict[str, str]):
    """Write each text (by slug) with its metadata and load the corpus."""
    for slug, text in texts.items():
        tree.add(text, slug=slug, title=ORDINANCES.get(slug, "测试市测试条例"), dedent=False)
    return build.load(project(tree.root, tree.root.parent / "no-translations"))


@pytest.fixture(scope="module")
def fixtures(tmp_path_factory):
    tree = SourcesTree(tmp_path_factory.mktemp("references") / "sources")
    corpus = load(tree, {slug: (FIXTURES / f"{slug}.txt").read_text(encoding="utf-8")
                         for slug in ORDINANCES})
    found, notices = references.find(corpus.ordinances)
    return corpus, found, notices


def where(found, slug, eid) -> list[tuple[str, str, str | None, str]]:
    return [(r.text, r.kind, r.slug, r.target) for r in found[f"{slug}/{eid}"]]


@pytest.mark.parametrize("eid, expected", [
    # 本条例第X条第X款
    ("art_3__para_1", [("本条例第二条第二款", "internal", "test-data", "art_2__para_2")]),
    # 本节, in an item; 本条第X款, in a 目
    ("art_4__para_1__point_3", [("本节", "internal", "test-data", "chp_2__sec_1")]),
    ("art_4__para_1__point_2__item_2", [("本条第二款", "internal", "test-data", "art_4__para_2")]),
    # 前款第（X）项
    ("art_4__para_2", [("前款第（二）项", "internal", "test-data", "art_4__para_1__point_2")]),
    # 本条第X款
    ("art_5__para_2", [("本条第一款", "internal", "test-data", "art_5__para_1")]),
    # 前两款 (links the first of the two), 本条例第X条
    ("art_5__para_3", [("前两款", "internal", "test-data", "art_5__para_1"),
                       ("本条例第十二条", "internal", "test-data", "art_12")]),
    # 第X条第X款第X项
    ("art_6__para_1", [("第四条第一款第（一）项", "internal", "test-data", "art_4__para_1__point_1")]),
    # 第X条第X项: the one 款 of 第四条 that has items; 本章
    ("art_6__para_2", [("第四条第三项", "internal", "test-data", "art_4__para_1__point_3"),
                       ("本章", "internal", "test-data", "chp_2")]),
    # a bare 第（X）项: an item of the same 款
    ("art_8__para_1__point_3", [("第（一）项", "internal", "test-data", "art_8__para_1__point_1")]),
    # 前款第（X）项, bare 第X条
    ("art_8__para_2", [("前款第（三）项", "internal", "test-data", "art_8__para_1__point_3"),
                       ("第十一条", "internal", "test-data", "art_11")]),
    # 第X条至第Y条 (links the first), 《another ordinance》第X条第X款
    ("art_9__para_1", [("第六条至第八条", "internal", "test-data", "art_6"),
                       ("《测试市平台条例》第三条第二款", "internal", "test-platform", "art_3__para_2")]),
    # 第X条第X款、第X款: the second continues the first
    ("art_10__para_1", [("第五条第二款", "internal", "test-data", "art_5__para_2"),
                        ("第三款", "internal", "test-data", "art_5__para_3")]),
    # 本条; a bare 第X款 is of this article
    ("art_10__para_2", [("本条", "internal", "test-data", "art_10")]),
    ("art_10__para_3", [("第二款", "internal", "test-data", "art_10__para_2")]),
    # 前款
    ("art_11__para_2", [("第五条第五款", "unresolved", "test-data", ""),
                        ("前款", "internal", "test-data", "art_11__para_1")]),
    # another ordinance by title alone: the whole ordinance
    ("art_2__para_2", [("《测试市平台条例》", "internal", "test-platform", "")]),
])
def test_every_pattern_has_its_exact_target(fixtures, eid, expected):
    _, found, _ = fixtures
    assert where(found, "test-data", eid) == expected


def test_the_other_ordinance_refers_back_by_title(fixtures):
    _, found, _ = fixtures
    assert where(found, "test-platform", "art_2__para_1") == [
        ("《测试市数据条例》", "internal", "test-data", "")]
    assert where(found, "test-platform", "art_3__para_2") == [
        ("本款", "internal", "test-platform", "art_3__para_2"),
        ("《测试市数据条例》第十一条第一款", "internal", "test-data", "art_11__para_1")]


def test_spans_are_exact_in_order_and_do_not_overlap(fixtures):
    corpus, found, _ = fixtures
    texts = {f"{o.slug}/{e.eid}": e.text for o in corpus.ordinances
             for a in o.articles for _, e in a.elements()}
    assert len(found) == 22
    for key, refs in found.items():
        assert all(texts[key][r.start:r.end] == r.text for r in refs)
        assert all(r.eid == key.split("/")[1] for r in refs)
        assert all(a.end <= b.start for a, b in zip(refs, refs[1:]))


def test_laws_outside_the_corpus_are_external_never_linked(fixtures):
    corpus, found, _ = fixtures
    assert [(r.text, r.kind, r.slug, r.target, r.title, r.label)
            for r in found["test-data/art_7__para_1"]] == [
        ("《中华人民共和国个人信息保护法》第十三条", "external", None, "",
         "中华人民共和国个人信息保护法", "第十三条"),
        ("第十四条", "external", None, "", "中华人民共和国个人信息保护法", "第十四条")]
    data = corpus.ordinances[0]
    listed = references.external(data, found)
    assert list(listed) == ["中华人民共和国数据安全法", "中华人民共和国个人信息保护法"]
    assert [(r.eid, r.label) for r in listed["中华人民共和国数据安全法"]] == [
        ("art_1__para_1", ""), ("art_12__para_1", "第四十五条")]
    assert [(r.eid, r.label) for r in listed["中华人民共和国个人信息保护法"]] == [
        ("art_1__para_1", ""), ("art_7__para_1", "第十三条"), ("art_7__para_1", "第十四条")]
    assert references.external(corpus.ordinances[1], found) == {}


def test_a_reference_to_a_missing_provision_is_a_warning_not_a_target(fixtures):
    _, found, notices = fixtures
    assert where(found, "test-data", "art_11__para_1") == [
        ("本条例第九十九条", "unresolved", "test-data", "")]
    assert where(found, "test-data", "art_12__para_1")[0] == \
        ("《测试市平台条例》第二十条", "unresolved", "test-platform", "")
    assert [(n.path.endswith("ordinances/test-data.txt"), n.line, n.message) for n in notices] == [
        (True, 67, "第十一条 refers to 本条例第九十九条, but 测试市数据条例 has no 第九十九条 (it has 13 articles)"),
        (True, 69, "第十一条 refers to 第五条第五款, but 第五条 has 3 款"),
        (True, 71, "第十二条 refers to 《测试市平台条例》第二十条, but 测试市平台条例 has no 第二十条 (it has 4 articles)"),
    ]
    every = [r for refs in found.values() for r in refs]
    assert all(r.target == "" for r in every if r.kind == "unresolved")


@pytest.mark.parametrize("text, message", [
    ("第一条 前款规定的事项，另行规定。\n", "第一条 refers to 前款, but only 0 款 come before it"),
    ("第一条 甲。\n\n违反前两款规定的，依法处理。\n", "第一条 refers to 前两款, but only 1 款 come before it"),
    ("第一条 依照本章规定。\n", "第一条 refers to 本章, but the article is in no chapter"),
    ("第一章 总则\n第一条 依照本节规定。\n", "第一条 refers to 本节, but the article is in no section"),
    ("第一条 甲：\n（一）乙；\n（二）丙。\n\n依照本条第（三）项。\n",
     "第一条 refers to 本条第（三）项, but 第一条第一款 has 2 项"),
    ("第一条 甲：\n（一）乙。\n\n丁：\n（一）戊。\n\n第二条 依照第一条第（一）项。\n",
     "第二条 refers to 第一条第（一）项, but 2 款 of 第一条 have 项"),
    ("第一条 甲：\n（一）乙。\n\n第二条 依照第一条第一款第（二）项。\n",
     "第二条 refers to 第一条第一款第（二）项, but 第一条第一款 has 1 项"),
    ("第一条 甲。\n第二条 依照第一百十条。\n", "第二条 refers to 第一百十条, but 一百十 is not a numeral"),
    ("第一条 甲。\n第二条 依照第二条至第一条。\n", "第二条 refers to 第二条至第一条, but a range must end after it starts"),
    ("第一条 甲。\n第二条 依照第一条至第五条。\n",
     "第二条 refers to 第一条至第五条, but 测试市测试条例 has no 第五条 (it has 2 articles)"),
])
def test_every_dead_end_is_reported(sources_tree, text, message):
    corpus = load(sources_tree, {"test-ordinance": text})
    found, notices = references.find(corpus.ordinances)
    assert [n.message for n in notices] == [message]
    assert [r.kind for refs in found.values() for r in refs] == ["unresolved"]


def test_words_that_look_like_references_are_not(sources_tree):
    corpus = load(sources_tree, {"test-ordinance": (
        "第一条 经第十八届人民代表大会常务委员会第二十次会议通过，违反本条例规定的，"
        "由本市第三方机构评估前期成果。\n")})
    assert references.find(corpus.ordinances) == ({}, [])


def test_the_launch_texts_refer_to_nothing_but_themselves():
    # 济南 第五十九条 "违反本条例规定" names the ordinance the reader is in: not a link.
    corpus = build.load(project())
    assert references.find([o for o in corpus.ordinances if o.slug in LAUNCH]) == ({}, [])


def test_a_reference_to_an_inserted_article_resolves_to_it(sources_tree):
    corpus = load(sources_tree, {"test-ordinance": (
        "第一条 甲。\n第二条 乙。\n第二条之一 丙。\n\n丁。\n"
        "第三条 依照第二条之一第二款、本条例第二条之二和第二条之一至第三条的规定。\n")})
    found, notices = references.find(corpus.ordinances)
    assert where(found, "test-ordinance", "art_3__para_1") == [
        ("第二条之一第二款", "internal", "test-ordinance", "art_2-1__para_2"),
        ("本条例第二条之二", "unresolved", "test-ordinance", ""),
        ("第二条之一至第三条", "internal", "test-ordinance", "art_2-1")]
    assert [n.message for n in notices] == [
        "第三条 refers to 本条例第二条之二, but 测试市测试条例 has no 第二条之二 (it has 4 articles)"]


# Cut from the corpus: corpora/lawrefbook/shanghai/上海市查处车辆非法客运若干规定(2014-06-19).md
# and zhejiang/嘉兴市餐饮业油烟管理办法(2020-04-10).md, the title and body as received
# (the header lines left out).
CORPUS_TEXTS = {"shanghai-illegal-passenger-transport": "上海市查处车辆非法客运若干规定",
                "jiaxing-cooking-fumes": "嘉兴市餐饮业油烟管理办法"}


def found_in_fixtures(directory, texts: dict[str, str]):
    """The references found in texts cut from the corpus (tests/fixtures/<slug>.txt, by
    slug and title), each an ordinance of one fixture corpus in `directory`."""
    tree = SourcesTree(directory / "sources")
    for slug, title in texts.items():
        tree.add((FIXTURES / f"{slug}.txt").read_bytes(), slug=slug, title=title)
    corpus = build.load(project(tree.root, tree.root.parent / "no-translations"))
    return references.find(corpus.ordinances)


@pytest.fixture(scope="module")
def corpus_texts(tmp_path_factory):
    return found_in_fixtures(tmp_path_factory.mktemp("corpus-references"), CORPUS_TEXTS)


@pytest.mark.parametrize("slug, eid, expected", [
    # 本规定第X条第X款, 本规定第X条: the link text keeps 本规定
    ("shanghai-illegal-passenger-transport", "art_4__para_1",
     [("本规定第二条第一款", "internal", "shanghai-illegal-passenger-transport", "art_2__para_1")]),
    ("shanghai-illegal-passenger-transport", "art_4__para_2",
     [("本规定第二条第二款", "internal", "shanghai-illegal-passenger-transport", "art_2__para_2")]),
    ("shanghai-illegal-passenger-transport", "art_5__para_1",
     [("本规定第三条", "internal", "shanghai-illegal-passenger-transport", "art_3")]),
    # 本办法第X条第X款
    ("jiaxing-cooking-fumes", "art_11__para_1",
     [("本办法第五条第一款", "internal", "jiaxing-cooking-fumes", "art_5__para_1")]),
    ("jiaxing-cooking-fumes", "art_13__para_1",
     [("本办法第七条第二款", "internal", "jiaxing-cooking-fumes", "art_7__para_2")]),
])
def test_a_regulation_or_measures_name_themselves_as_an_ordinance_does(corpus_texts, slug, eid, expected):
    found, notices = corpus_texts
    assert where(found, slug, eid) == expected
    assert notices == []


@pytest.mark.parametrize("name", ["本细则", "本决定", "本规定", "本办法"])
def test_every_name_an_instrument_gives_itself(sources_tree, name):
    # the second sentence is from 浙江省县、乡两级人民代表大会代表选举实施细则 第十六条
    corpus = load(sources_tree, {"test-ordinance": (
        "第一条 甲。\n第二条 乙。\n\n"
        f"依照前款规定重新确定代表名额的，应当在三十日内将重新确定代表名额的情况依照{name}第一条的规定进行备案。\n"
        f"第三条 违反{name}规定的，依法处理。\n")})
    found, notices = references.find(corpus.ordinances)
    assert where(found, "test-ordinance", "art_2__para_2") == [
        ("前款", "internal", "test-ordinance", "art_2__para_1"),
        (f"{name}第一条", "internal", "test-ordinance", "art_1")]
    assert "test-ordinance/art_3__para_1" not in found and notices == []


# Cut from the corpus, the title and body as received: henan/濮阳市戚城遗址保护条例(2017-08-11).md,
# shanghai/上海市住房公积金管理若干规定.md, beijing/北京市控制吸烟条例(2021-09-24).md.
NAMED_BEFORE = {"puyang-qicheng-site": "濮阳市戚城遗址保护条例",
                "shanghai-housing-fund": "上海市住房公积金管理若干规定",
                "beijing-smoking-control": "北京市控制吸烟条例"}


@pytest.fixture(scope="module")
def named_before(tmp_path_factory):
    return found_in_fixtures(tmp_path_factory.mktemp("named-before"), NAMED_BEFORE)


@pytest.mark.parametrize("slug, eid, expected", [
    # 第十三条 违反本条例第九条规定的，按照下列规定处罚：（一）违反第（一）项规定的…:
    # the 项 of 第九条, not of 第十三条 (which has as many 项: it was linked to itself)
    ("puyang-qicheng-site", "art_13__para_1__point_1",
     [("第（一）项", "internal", "puyang-qicheng-site", "art_9__para_1__point_1")]),
    ("puyang-qicheng-site", "art_13__para_1__point_3",
     [("第（四）项", "internal", "puyang-qicheng-site", "art_9__para_1__point_4")]),
    # 前款第（一）项中的规定期限、第（二）项中的规定比例: both of 前款 (第（二）项 was dead)
    ("shanghai-housing-fund", "art_9__para_3",
     [("前款第（一）项", "internal", "shanghai-housing-fund", "art_9__para_2__point_1"),
      ("第（二）项", "internal", "shanghai-housing-fund", "art_9__para_2__point_2")]),
    # 违反本条例第二十条第一款，第二款第一项、第二项规定: 第二十条's 第二款, after a comma
    ("beijing-smoking-control", "art_26__para_2",
     [("本条例第二十条第一款", "internal", "beijing-smoking-control", "art_20__para_1"),
      ("第二款第一项", "internal", "beijing-smoking-control", "art_20__para_2__point_1"),
      ("第二项", "internal", "beijing-smoking-control", "art_20__para_2__point_2"),
      ("《中华人民共和国未成年人保护法》", "external", None, "")]),
])
def test_a_bare_paragraph_or_item_is_of_the_provision_named_before(named_before, slug, eid, expected):
    found, notices = named_before
    assert where(found, slug, eid) == expected
    assert notices == []


def test_an_item_without_the_named_provisions_item_is_its_own_lists(sources_tree):
    # the 项 of 第一条 has no 第（三）项: 第（一）项 is the 项 of this list, as before
    corpus = load(sources_tree, {"test-ordinance": (
        "第一条 甲：\n（一）乙；\n（二）丙。\n"
        "第二条 违反本条例第一条规定的，按照下列规定处理：\n"
        "（一）违反第（二）项规定的，警告；\n（二）违反第（三）项规定的，依照第（一）项处理。\n"
        "第三条 依照第一条规定。有下列情形之一的：\n（一）违反第（二）项的。\n")})
    found, notices = references.find(corpus.ordinances)
    assert where(found, "test-ordinance", "art_2__para_1__point_1") == [
        ("第（二）项", "internal", "test-ordinance", "art_1__para_1__point_2")]
    assert where(found, "test-ordinance", "art_2__para_1__point_2") == [
        ("第（三）项", "unresolved", "test-ordinance", ""),
        ("第（一）项", "internal", "test-ordinance", "art_1__para_1__point_1")]
    # a new sentence that names nothing: its 项 refer to their own list
    assert where(found, "test-ordinance", "art_3__para_1__point_1") == [
        ("第（二）项", "unresolved", "test-ordinance", "")]
    assert [n.message for n in notices] == [
        "第二条 refers to 第（三）项, but 第二条第一款 has 2 项",
        "第三条 refers to 第（二）项, but 第三条第一款 has 1 项"]


def test_a_list_of_paragraphs_or_items_links_its_first(sources_tree):
    # the phrasing of the corpus: 违反本条第一、二、三款规定的 (北京), 有前款第（一）、（二）项所列行为
    # (郑州), 违反本条例第二十八条第（一）至（四）项 (洛阳), 有第一、二、三、四、七项行为之一
    corpus = load(sources_tree, {"test-ordinance": (
        "第一条 甲：\n（一）乙；\n（二）丙；\n（三）丁；\n（四）戊。\n\n"
        "违反本条第一、二款规定的，有前款第（一）、（二）项所列行为的，依法处理。\n"
        "第二条 违反本条例第一条第（二）至（四）项，有第一条第三、四项行为之一的，依法处理。\n")})
    found, notices = references.find(corpus.ordinances)
    assert where(found, "test-ordinance", "art_1__para_2") == [
        ("本条第一、二款", "internal", "test-ordinance", "art_1__para_1"),
        ("前款第（一）、（二）项", "internal", "test-ordinance", "art_1__para_1__point_1")]
    assert where(found, "test-ordinance", "art_2__para_1") == [
        ("本条例第一条第（二）至（四）项", "internal", "test-ordinance", "art_1__para_1__point_2"),
        ("第一条第三、四项", "internal", "test-ordinance", "art_1__para_1__point_3")]
    assert notices == []
