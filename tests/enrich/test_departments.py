"""Department extraction: the hand-labelled gold, the hard patterns one by one,
unknown phrases, the vocabulary's validation, the published records.

`python -m tests.test_departments` prints the scores against the gold.
"""

import dataclasses
import json
from collections import Counter
from pathlib import Path

import pytest
import yaml

from lawsite.core.errors import SourceError
from lawsite.enrich import departments, phrases, vocabulary
from lawsite.model.document import ArticleNumber
from lawsite.parse import builder as parse
from lawsite.parse import sources
from lawsite.site.export import article_ref

from ..conftest import ROOT
from ..conftest import launch_ordinances as parsed_launch

FIXTURES = Path(__file__).parent.parent / "fixtures"
GOLD = yaml.safe_load((FIXTURES / "departments_gold.yml").read_text(encoding="utf-8"))
VOCABULARY = vocabulary.load(ROOT / "sources" / "departments.yml")


def launch_ordinances():
    """The hand-labelled launch ordinances (tests/fixtures/departments_gold.yml), whatever
    else sources/ holds."""
    return {o.slug: o for o in parsed_launch()}


@pytest.fixture(scope="module")
def launch():
    return launch_ordinances()


@pytest.fixture(scope="module")
def extracted(launch):
    return departments.extract_all(launch.values(), VOCABULARY)


def labels(mentions) -> tuple[dict[str, set[str]], set[str]]:
    """(actor → its modalities, actors only mentioned) of one article's mentions."""
    acting = {}
    for mention in mentions:
        if mention.role == "actor":
            acting.setdefault(mention.actor, set()).add(mention.modality)
    return acting, {m.actor for m in mentions if m.role == "mentioned"} - set(acting)


def gold_labels(slug: str, number: ArticleNumber) -> tuple[dict[str, set[str]], set[str]]:
    key = article_ref(number)          # the gold's keys: 28 (or "20-1" for 第二十条之一)
    acting = {actor: set(modalities) for actor, modalities in (GOLD[slug][key] or {}).items()}
    return acting, set((GOLD["mentioned"].get(slug) or {}).get(key, []))


def scores(extracted) -> dict[str, Counter]:
    """True positives, false positives and false negatives against the gold, per
    ordinance and in total, for actors (article, actor), modalities (article, actor,
    modality) and mentioned-only actors (article, actor)."""
    table = {}
    for slug, articles in extracted.items():
        counts = Counter()
        for number, mentions in articles.items():
            got, want = labels(mentions), gold_labels(slug, number)
            pairs = {
                "actor": (set(got[0]), set(want[0])),
                "modality": ({(a, m) for a, ms in got[0].items() for m in ms},
                             {(a, m) for a, ms in want[0].items() for m in ms}),
                "mentioned": (got[1], want[1]),
            }
            for name, (found, expected) in pairs.items():
                counts[f"{name} tp"] += len(found & expected)
                counts[f"{name} fp"] += len(found - expected)
                counts[f"{name} fn"] += len(expected - found)
        table[slug] = counts
    table["total"] = sum(table.values(), Counter())
    return table


def format_scores(table) -> str:
    lines = [f"{'':24}" + "".join(f"{name:>24}" for name in ("actor", "modality", "mentioned"))]
    for slug, counts in table.items():
        cells = []
        for name in ("actor", "modality", "mentioned"):
            tp, fp, fn = (counts[f"{name} {kind}"] for kind in ("tp", "fp", "fn"))
            cells.append(f"{tp:>4} tp {fp:>2} fp {fn:>2} fn")
        lines.append(f"{slug:24}" + "".join(f"{cell:>24}" for cell in cells))
    return "\n".join(lines)


# -- the gold: every article of both launch texts ------------------------------------------

GOLD_ARTICLES = [(slug, number) for slug in GOLD if slug != "mentioned" for number in GOLD[slug]]


def test_the_gold_labels_every_article(launch):
    for slug, ordinance in launch.items():
        assert sorted(GOLD[slug]) == [article_ref(article.number) for article in ordinance.articles]


@pytest.mark.parametrize("slug, number", GOLD_ARTICLES,
                         ids=[f"{slug.split('-')[0]}-{number}" for slug, number in GOLD_ARTICLES])
def test_article_matches_the_gold(extracted, slug, number):
    got = labels(extracted[slug][ArticleNumber(number)])
    assert got == gold_labels(slug, ArticleNumber(number))


def test_precision_and_recall_are_one(extracted, capsys):
    table = scores(extracted)
    with capsys.disabled():
        print("\n" + format_scores(table))
    total = table["total"]
    assert (total["actor tp"], total["actor fp"], total["actor fn"]) == (242, 0, 0)
    assert (total["modality tp"], total["modality fp"], total["modality fn"]) == (246, 0, 0)
    assert (total["mentioned tp"], total["mentioned fp"], total["mentioned fn"]) == (16, 0, 0)


def test_every_actor_of_the_gold_acts_and_no_other(extracted):
    """The vocabulary now covers the real corpus, so most of it is not in the launch texts;
    those that act there are exactly the gold's."""
    acting = {actor for slug in GOLD if slug != "mentioned" for labels in GOLD[slug].values()
              for actor in (labels or {})}
    assert set(departments.matrix(extracted)) == acting


# -- the hard patterns, one sentence each --------------------------------------------------

def read(sentence: str) -> tuple[dict[str, list[str]], list[str]]:
    """({actor: modalities}, [actors only mentioned]) of one sentence."""
    acting, mentioned = {}, []
    for actor, role, modality in departments.sentence_mentions(sentence, VOCABULARY):
        if role == "actor":
            acting.setdefault(actor, []).append(modality)
        else:
            mentioned.append(actor)
    return acting, mentioned


def test_a_list_closed_by_deng_names_every_department():
    assert read("发展改革、科技、工业和信息化等部门应当推动核心技术攻关。") == (
        {"development-reform": ["duty"], "science-technology": ["duty"], "industry-it": ["duty"]}, [])


def test_a_list_with_an_unknown_name_still_names_the_known_ones():
    assert read("发展改革、能源、工业和信息化等部门应当推动核心技术攻关。")[0] == {
        "development-reform": ["duty"], "industry-it": ["duty"]}


@pytest.mark.parametrize("short, long, actor", [
    ("科技", "科学技术", "science-technology"),
    ("市场监管", "市场监督管理", "market-regulation"),
    ("医保", "医疗保障", "healthcare-security"),
    ("文化旅游", "文化和旅游", "culture-tourism"),
    ("人力资源社会保障", "人力资源和社会保障", "human-resources-social-security"),
])
def test_aliases_name_the_same_department(short, long, actor):
    assert read(f"{short}等部门应当加强指导。") == ({actor: ["duty"]}, [])
    assert read(f"{long}部门应当加强指导。") == ({actor: ["duty"]}, [])


def test_a_prefixed_department():
    assert read("市大数据部门应当建设统一的公共数据开放平台。") == ({"big-data": ["duty"]}, [])
    assert read("市统计部门应当开展数字经济统计调查。") == ({"statistics": ["duty"]}, [])
    assert read("市大数据主管部门负责统筹全市数据资源。") == ({"big-data": ["duty"]}, [])


@pytest.mark.parametrize("sentence", [
    "加大人工智能、大数据、元宇宙等新兴数字产业培育力度。",       # 大数据, a technology
    "推动数字技术在经济调节、市场监管、社会治理等领域的应用。",    # 市场监管, a function
    "推进生态环境保护、交通、教育等领域基础设施数字化改造。",      # fields
    "完善数字金融产业链条，提升金融服务能力。",                   # 金融, a field
    "健全知识产权交易规范。",                                     # 知识产权, a subject matter
])
def test_field_words_name_nobody(sentence):
    assert read(sentence) == ({}, [])


def test_huitong_you_guan_bu_men_adds_nothing():
    assert read("工业和信息化部门应当会同有关部门开展网络建设。") == ({"industry-it": ["duty"]}, [])


def test_huitong_named_departments_act_too():
    assert read("发展改革部门应当会同工业和信息化、科学技术等部门推动集成电路产业发展。") == (
        {"development-reform": ["duty"], "industry-it": ["duty"], "science-technology": ["duty"]}, [])
    assert read("市人民政府应当组织大数据等有关部门编制专项规划。") == (
        {"municipal-government": ["duty"], "big-data": ["duty"]}, [])


def test_departments_and_units():
    assert read("农业农村、海洋发展和渔业、邮政管理等部门和单位应当推广农产品电商。") == (
        {"agriculture-rural": ["duty"], "ocean-fishery": ["duty"], "postal": ["duty"]}, [])
    assert read("知识产权管理、司法行政等部门和人民法院应当加强知识产权保护。") == (
        {"intellectual-property": ["duty"], "justice": ["duty"], "peoples-court": ["duty"]}, [])


def test_a_shared_last_word_names_each_element():
    assert read("新建工程建设项目，建设、设计等相关单位应当配套数字基础设施。") == (
        {"construction-unit": ["duty"], "design-unit": ["duty"]}, [])


@pytest.mark.parametrize("governments", ["市、区（市）人民政府", "市、区县人民政府"])
def test_coordinated_governments_are_both_actors(governments):
    both = {"municipal-government": ["duty"], "district-government": ["duty"]}
    assert read(f"{governments}应当加强对数字经济发展工作的领导。") == (both, [])
    assert read(f"{governments}及其有关部门应当推动基层治理数字化。") == (both, [])


def test_a_government_and_its_departments_is_the_government():
    assert read("市人民政府及其部门可以依法开展公共数据授权运营。") == (
        {"municipal-government": ["power"]}, [])
    assert read("市、区（市）人民政府以及网信等部门应当健全网络安全保障体系。") == (
        {"municipal-government": ["duty"], "district-government": ["duty"], "cyberspace": ["duty"]}, [])


def test_a_government_that_only_possesses_departments_is_mentioned():
    assert read("市、区县人民政府相关部门应当对新业态实行包容审慎监管。") == (
        {}, ["municipal-government", "district-government"])
    assert read("市人民政府大数据主管部门应当建设公共数据平台。") == (
        {"big-data": ["duty"]}, ["municipal-government"])


@pytest.mark.parametrize("sentence", [
    "有关部门应当按照职责分工做好相关工作。",
    "其他有关部门应当按照职责分工做好数字经济发展相关工作。",
    "各行业主管部门应当指导各类市场主体对数据资源实行分类管理。",
    "各政务服务审批部门应当依托政务服务平台开展政务服务。",
    "任何单位和个人不得利用数据、算法、流量损害他人合法权益。",
    "鼓励和支持高等学校、科研机构、企业和其他组织开展算法研究。",
    "行业组织应当加强行业自律。",
])
def test_generic_phrases_name_nobody(sentence):
    assert read(sentence) == ({}, [])


def test_the_longest_term_wins():
    assert read("数据相关行业组织应当建立健全行业规范。") == ({"data-industry-organization": ["duty"]}, [])
    assert read("公安机关交通管理部门应当加强智能化管控。") == ({"public-security-traffic": ["duty"]}, [])


def test_an_object_is_only_mentioned():
    assert read("地方金融管理部门应当鼓励和引导金融机构、地方金融组织给予支持。") == (
        {"local-financial-administration": ["duty"]},
        ["financial-institution", "local-financial-organization"])


def test_an_encouragement_given_as_a_duty_is_the_duty_of_who_gives_it():
    assert read("市人民政府应当鼓励平台企业开放数据。") == (
        {"municipal-government": ["duty"]}, ["platform-enterprise"])


def test_bu_de_is_a_prohibition():
    assert read("平台企业不得利用数据、算法损害中小企业合法权益。") == (
        {"platform-enterprise": ["prohibition"]}, [])
    assert read("平台企业应当建立健全平台管理制度规则，不得限制其他平台和应用独立运行。") == (
        {"platform-enterprise": ["duty", "prohibition"]}, [])


def test_ke_yi_is_a_power():
    assert read("对于重大项目，市人民政府可以通过竞争性遴选等方式组织开展。") == (
        {"municipal-government": ["power"]}, [])


@pytest.mark.parametrize("sentence, actors", [
    ("支持平台企业规范健康发展。", ["platform-enterprise"]),
    ("鼓励金融机构、地方金融组织对数字经济相关企业给予支持。",
     ["financial-institution", "local-financial-organization"]),
    ("鼓励国有企业、大中型企业、平台企业等具有数据优势的企业依法开放数据。",
     ["state-owned-enterprise", "platform-enterprise"]),
    ("鼓励引导企业、事业单位开放自有数据。", ["public-institution"]),
])
def test_subjectless_encouragement(sentence, actors):
    assert read(sentence) == ({actor: ["encouragement"] for actor in actors}, [])


def test_a_department_term_ending_in_an_institution_word_is_whole():
    custom = vocabulary.loads(
        "generic: []\nnames: {heads: [部门], institutions: [部门, 机关]}\nactors:\n"
        "  - {slug: public-security, name: 公安部门, name_en: P, kind: department,"
        " terms: [公安, 公安机关]}\n")
    assert departments.sentence_mentions("公安机关应当依法查处违法行为。", custom) == [
        ("public-security", "actor", "duty")]
    assert departments.sentence_mentions("公安、网信等部门应当加强监管。", custom) == [
        ("public-security", "actor", "duty")]


@pytest.mark.parametrize("sentence, actors", [
    ("区县人民政府根据实际情况，统筹财政资金支持数字经济发展。", ["district-government"]),
    ("违反本条例规定的，由市场监督管理部门责令改正。", ["market-regulation"]),
    ("金融、教育等部门按照职责分工，做好各自领域的数字经济发展工作。",
     ["local-financial-administration", "education"]),
    ("网信、公安等部门发现数据安全风险时，应当督促其采取补救措施。", ["cyberspace", "public-security"]),
    ("国有企业和事业单位应当积极参与数字建设。", ["state-owned-enterprise", "public-institution"]),
])
def test_a_subject_without_or_before_its_modal_has_a_duty(sentence, actors):
    assert read(sentence) == ({actor: ["duty"] for actor in actors}, [])


# -- whole ordinances: elements, sentences, subjects carried over ；and into 项 -------------

CARRIED = """\
    # 测试市测试条例

    第一条 为了测试，制定本条例。

    第二条 市人民政府应当加强监督管理；鼓励平台企业开放数据。培育数据市场；鼓励国有企业开放数据。

    市大数据部门履行下列职责：

    （一）统筹全市数据资源；

    （二）支持平台企业建设数据空间。

    第三条 本条例自2025年1月1日起施行。
    """


def test_mentions_name_their_element_and_sentence(sources_tree):
    sources_tree.add(CARRIED)
    [source] = sources.read_all(sources_tree.root)
    article = parse.parse(source).article(2)
    mentions = departments.article_mentions(article, VOCABULARY)
    assert [(m.actor, m.role, m.modality, m.eid, m.sentence) for m in mentions] == [
        ("municipal-government", "actor", "duty", "art_2__para_1", "市人民政府应当加强监督管理；"),
        # the subject carries over the ；, so the encouragement is the government's duty
        ("platform-enterprise", "mentioned", None, "art_2__para_1", "鼓励平台企业开放数据。"),
        ("state-owned-enterprise", "actor", "encouragement", "art_2__para_1", "鼓励国有企业开放数据。"),
        ("big-data", "actor", "duty", "art_2__para_2", "市大数据部门履行下列职责："),
        # and from a 款 into its 项
        ("platform-enterprise", "mentioned", None, "art_2__para_2__point_2", "支持平台企业建设数据空间。"),
    ]
    for _, element in article.elements():
        assert "".join(departments.sentences(element.text)) == element.text


def test_extract_covers_every_article_without_duplicates(launch, extracted):
    for slug, ordinance in launch.items():
        assert list(extracted[slug]) == [article.number for article in ordinance.articles]
        for mentions in extracted[slug].values():
            assert len(set(mentions)) == len(mentions)


# -- unknown phrases -----------------------------------------------------------------------

def test_unknown_phrases_name_the_file_the_line_and_the_phrase(sources_tree):
    text = (FIXTURES / "departments-unknown.txt").read_text(encoding="utf-8")
    sources_tree.add(text, dedent=False)
    [source] = sources.read_all(sources_tree.root)
    notices = departments.unknown_phrases(parse.parse(source), VOCABULARY)
    lines = text.splitlines()
    found = [(n.path, n.line, n.message.split("」")[0].split("「")[1]) for n in notices]
    assert found == [
        (source.text_path, 5, "市卫生健康委员会部门"),  # …等部门: the name with its closing word
        (source.text_path, 7, "市数据资源管理部门"),    # …部门
        (source.text_path, 7, "能源部门"),              # 大数据、能源等部门
        (source.text_path, 9, "市数据汇聚中心单位"),    # …等单位, nothing else known
        (source.text_path, 11, "信息通信服务部门"),      # in a 项: the line of its 款
        (source.text_path, 19, "网信机关"),              # a stem, but 机关 is not 部门
    ]
    assert [lines[line - 1][:3] for _, line, _ in found] == [
        "第二条", "第三条", "第三条", "第四条", "市人民", "第五条"]
    assert str(notices[0]) == (
        f"{source.text_path}:5: 第二条: 「市卫生健康委员会部门」 in 「市卫生健康委员会等部门」 is not in "
        f"{VOCABULARY.path}: add it to an actor's terms or to generic")


def test_the_launch_texts_have_no_unknown_phrase(launch):
    for ordinance in launch.values():
        assert departments.unknown_phrases(ordinance, VOCABULARY) == []


# -- the vocabulary ------------------------------------------------------------------------

def test_the_launch_vocabulary():
    kinds = Counter(actor.kind for actor in VOCABULARY.actors)
    assert kinds == {"department": 83, "government": 14, "other": 49}
    assert VOCABULARY.slug_of("科技") == VOCABULARY.slug_of("科学技术") == "science-technology"
    assert "有关部门" in VOCABULARY.generic and VOCABULARY.slug_of("有关部门") is None


VALID_ACTOR = """\
  - slug: big-data
    name: 大数据部门
    name_en: Big Data Bureau
    kind: department
    terms: [大数据]
"""


@pytest.mark.parametrize("text, line, message", [
    ("- 有关部门\n", 1, "the vocabulary must be a mapping with the keys generic and actors, not ['有关部门']"),
    ("generic: []\nactors: []\nterms: []\n", 3, "unknown key 'terms' (expected generic, actors, names, broad)"),
    ("generic: []\n", 1, "`actors` must be a list of actors"),
    ("generic: 有关部门\nactors: []\n", 1, "`generic` must be a list of phrases that name no particular actor, not '有关部门'"),
    ("generic: []\nactors:\n" + VALID_ACTOR + "    aliases: [大数据局]\n", 8,
     "unknown key 'aliases' (expected slug, name, name_en, kind, terms)"),
    ("generic: []\nactors:\n" + VALID_ACTOR.replace("    name_en: Big Data Bureau\n", ""), 3,
     "`name_en` must be a non-empty string on one line (Big Data Bureau)"),
    ("generic: []\nactors:\n" + VALID_ACTOR.replace("kind: department", "kind: bureau"), 6,
     "`kind` must be one of department, government, other, not 'bureau'"),
    ("generic: []\nactors:\n" + VALID_ACTOR.replace("slug: big-data", "slug: Big_Data"), 3,
     "`slug` must be lowercase ASCII words joined by hyphens, e.g. big-data, not 'Big_Data'"),
    ("generic: []\nactors:\n" + VALID_ACTOR + VALID_ACTOR.replace("[大数据]", "[数据]"), 8,
     "slug 'big-data' is used twice (first on line 3)"),
    ("generic: []\nactors:\n" + VALID_ACTOR + VALID_ACTOR.replace("big-data", "data"), 12,
     "actor data: term '大数据' is already a term of big-data"),
    ("generic: [大数据]\nactors:\n" + VALID_ACTOR, 7,
     "actor big-data: term '大数据' is also a generic phrase (line 1)"),
    ("generic: []\nactors:\n" + VALID_ACTOR.replace("[大数据]", "[]"), 7,
     "`terms` must be a non-empty list of distinct words, not []"),
    ("generic: []\nactors:\n" + VALID_ACTOR.replace("[大数据]", "[大数据, 大数据]"), 7,
     "`terms` must be a non-empty list of distinct words, not ['大数据', '大数据']"),
    ("generic: []\nactors:\n" + VALID_ACTOR.replace("name: 大数据部门", 'name: "大数据\\n部门"'), 4,
     "`name` must be a non-empty string on one line (大数据部门), not '大数据\\n部门'"),
    ("generic: [有关部门]\nactors: []\nbroad: [有关部门]\n", 3, "broad phrase '有关部门' is also a generic phrase (line 1)"),
    ("generic: []\nactors:\n" + VALID_ACTOR.replace("slug: big-data", "slug: index"), 3,
     "slug 'index' is the name of the department index's own page; these are reserved: index"),
])
def test_vocabulary_errors_name_the_file_the_line_and_the_problem(tmp_path, text, line, message):
    path = tmp_path / "departments.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        vocabulary.load(path)
    assert str(caught.value) == f"{path}:{line}: {message}"


# -- the published records -----------------------------------------------------------------

def test_records_are_plain_json(launch, extracted):
    actors = departments.vocabulary_record(VOCABULARY)
    assert len(actors) == len(VOCABULARY.actors) and actors[0] == {
        "slug": "municipal-government", "name": "市人民政府",
        "name_en": "Municipal People's Government", "kind": "government",
        "terms": ["市人民政府", "市政府", "设区的市人民政府", "省辖市人民政府", "设区市人民政府"]}
    record = departments.article_record(extracted["jinan-digital-economy"][ArticleNumber(37)])
    assert record["acting"][0] == {"actor": "municipal-government", "modality": "power",
                                   "eid": "art_37__para_1",
                                   "sentence": "市、区县人民政府及其部门可以依法开展公共数据授权运营。"}
    assert record["generic"][0] == {"phrase": "市、区县人民政府及其部门", "modality": "power",
                                    "eid": "art_37__para_1",
                                    "sentence": "市、区县人民政府及其部门可以依法开展公共数据授权运营。"}
    assert set(record) == {"acting", "mentioned", "generic", "broad", "subjectless", "modalities"}
    json.dumps([actors, record], ensure_ascii=False)


def test_matrix_counts_the_articles_where_each_actor_acts(extracted):
    table = departments.matrix(extracted)
    assert table["municipal-government"] == {"yantai-digital-economy": 28, "jinan-digital-economy": 24}
    assert table["industry-it"] == {"yantai-digital-economy": 11, "jinan-digital-economy": 12}
    assert table["peoples-court"] == {"yantai-digital-economy": 0, "jinan-digital-economy": 1}
    # mentioned only (济南 46) does not count
    assert table["financial-institution"] == {"yantai-digital-economy": 1, "jinan-digital-economy": 0}


# -- scale (speed itself is the benchmark's: `make bench`) ---------------------------------

def test_a_pathological_sentence_is_read_whole():
    """A long run of connectors (the shape that once backtracked) still yields its actors,
    and only them; how long it takes is measured by the benchmark, not asserted here."""
    sentence = ("大数据、交通和教育和发展，、" + "和" * 30 + "等部门") * 300 + "大数据部门应当加强管理"
    assert departments.sentence_mentions(sentence, VOCABULARY) == [("big-data", "actor", "duty")]


if __name__ == "__main__":
    print(format_scores(scores(departments.extract_all(launch_ordinances().values(), VOCABULARY))))


# -- the words around names are curated data ---------------------------------------------------

def test_the_prefixes_before_a_term_are_the_vocabularys():
    """市/区县 before a term come from `names.prefixes` in departments.yml, not from code."""
    assert "区（市）" in VOCABULARY.names.prefixes and "部门" in VOCABULARY.names.heads
    text = ("generic: []\nnames: {prefixes: [省], heads: [部门], institutions: [部门]}\nactors:\n"
            "  - {slug: big-data, name: 大数据部门, name_en: B, kind: department, terms: [大数据]}\n")
    custom = vocabulary.loads(text)
    assert departments.sentence_mentions("省大数据部门应当加强管理。", custom) == [("big-data", "actor", "duty")]
    without = vocabulary.loads(text.replace("prefixes: [省]", "prefixes: [县]"))
    assert [phrase.text for phrase in phrases.find("省大数据部门应当加强管理。", without)] == ["大数据部门"]
    assert phrases.find("省大数据部门应当加强管理。", custom)[0].start == 0
    assert phrases.find("省大数据部门应当加强管理。", without)[0].start == 1


@pytest.mark.parametrize("names, line, message", [
    ("names: [市]\n", 2, "`names` must be a mapping of the words around actors' names to lists of words, "
                         "not ['市']"),
    ("names: {suffixes: [局]}\n", 2, "unknown key 'suffixes' "
                                     "(expected prefixes, heads, shared, institutions, leading, before_level, governments, "
                                     "determiners)"),
    ("names: {heads: []}\n", 2, "names: heads must be a non-empty list of words, not []"),
])
def test_names_errors_name_the_line(tmp_path, names, line, message):
    path = tmp_path / "departments.yml"
    path.write_text("generic: []\n" + names + "actors: []\n", encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        vocabulary.load(path)
    assert str(caught.value) == f"{path}:{line}: {message}"


def test_one_reading_gives_the_mentions_and_the_unknown_phrases(launch):
    """read_all (what the build runs) reads each sentence once, and finds what
    extract_all and unknown_phrases find apart, in the same order."""
    smaller = dataclasses.replace(VOCABULARY, actors=VOCABULARY.actors[5:], _by_slug={}, _by_term={})
    mentions, notices = departments.read_all(launch.values(), smaller)
    assert mentions == departments.extract_all(launch.values(), smaller)
    expected = [n for o in launch.values() for n in departments.unknown_phrases(o, smaller)]
    assert notices == expected and len(notices) > 5


# -- a government or department the vocabulary misses is a warning, never silence (issue 17) --

LAUNCH_NAMES = ("names: {prefixes: [市, 区县], heads: [主管部门, 人民政府, 部门, 单位, 机构, 机关],"
                " shared: [人民政府, 部门], institutions: [部门, 机关], governments: [人民政府]}\n")
SMALL = vocabulary.loads(
    "generic: [有关部门]\n" + LAUNCH_NAMES + "actors:\n"
    "  - {slug: municipal-government, name: 市人民政府, name_en: M, kind: government, terms: [市人民政府]}\n"
    "  - {slug: big-data, name: 大数据部门, name_en: B, kind: department, terms: [大数据]}\n")


@pytest.mark.parametrize("sentence, unknown", [
    ("省人民政府应当加强领导。", ["省人民政府"]),
    ("县级以上人民政府应当加强领导。", ["县级以上人民政府"]),
    ("省、市人民政府应当加强领导。", ["省人民政府"]),             # a list sharing 人民政府
    ("水行政主管部门负责水资源管理。", ["水行政主管部门"]),        # the whole name, not 水行政
    ("大数据、能源等部门应当加强管理。", ["能源部门"]),
])
def test_a_missed_government_or_department_is_warned_whole(sentence, unknown):
    assert [name for phrase in phrases.find(sentence, SMALL) for name in phrase.unknown] == unknown


def test_the_real_vocabulary_knows_the_governments_of_the_five_jurisdictions():
    for sentence, actors in [
        ("省人民政府应当加强领导。", ["provincial-government"]),
        ("县级以上人民政府应当加强领导。", ["county-level-and-above-governments"]),
        ("省、设区的市人民政府应当加强领导。", ["provincial-government", "municipal-government"]),
        ("县（市、区）人民政府应当加强领导。", ["district-government"]),
        ("区、县人民政府应当加强领导。", ["district-government"]),
        ("乡镇人民政府、街道办事处应当加强领导。", ["township-government", "subdistrict-office"]),
        ("省经济和信息化主管部门应当加强指导。", ["industry-it"]),
        ("市经济信息化部门应当加强指导。", ["industry-it"]),
    ]:
        assert [actor for actor, role, _ in departments.sentence_mentions(sentence, VOCABULARY)
                if role == "actor"] == actors, sentence


def test_longest_match_for_overlapping_terms():
    assert read("鼓励互联网平台开放数据。")[0] == {"internet-platform": ["encouragement"]}
    assert read("支持工业互联网平台建设。")[0] == {"industrial-internet-platform": ["encouragement"]}
    assert read("市大数据中心应当做好数据汇聚。")[0] == {"big-data-center": ["duty"]}
    assert read("市大数据部门应当做好数据汇聚。")[0] == {"big-data": ["duty"]}


# -- what carries a modality without being a vocabulary actor (issue 17) ----------------------

@pytest.mark.parametrize("sentence, others", [
    # the lost prohibitions: a broad addressee, and no addressee at all
    ("任何单位和个人不得利用数据、算法、流量损害他人合法权益。", [("broad", "任何单位和个人", "prohibition")]),
    ("任何组织、个人不得窃取或者以其他非法方式获取数据。",
     [("broad", "任何组织", "prohibition"), ("broad", "个人", "prohibition")]),
    ("禁止在城市市区焚烧沥青、油毡。", [("subjectless", "", "prohibition")]),
    ("严禁携带犬只进入公共场所。", [("subjectless", "", "prohibition")]),
    # the generic actor, alone and beside a government
    ("有关部门应当按照职责分工做好相关工作。", [("generic", "有关部门", "duty")]),
    ("市人民政府及其有关部门应当推动基层治理数字化。", [("generic", "市人民政府及其有关部门", "duty")]),
    ("鼓励有关部门开展数据共享。", [("generic", "有关部门", "encouragement")]),
    # no actor: 鼓励/支持 with no addressee, 可以 without an actor, an activity as the subject
    ("支持开展数据入股、数据信贷等创新。", [("subjectless", "", "encouragement")]),
    ("对违法行为，可以处一万元以上五万元以下罚款。", [("subjectless", "", "power")]),
    ("开展数据处理活动，应当依照法律、法规的规定，建立健全全流程数据安全管理制度。",
     [("subjectless", "开展数据处理活动", "duty")]),
    ("市场主体可以依法平等参与数字经济建设。", [("broad", "市场主体", "power")]),
    # and nothing where a vocabulary actor carries the sentence, or an encouragement is its duty
    ("市人民政府应当鼓励企业开放数据。", []),
    ("促进数字经济发展应当遵循统筹规划、创新引领的原则。", [("subjectless", "", "duty")]),
])
def test_modalities_without_a_vocabulary_actor(sentence, others):
    assert departments.sentence_others(sentence, VOCABULARY) == others


def test_an_article_whose_only_prohibition_is_broad_keeps_it(extracted):
    """烟台 47 (任何单位和个人不得…) and 55 (任何组织、个人不得…) had no actor, so their
    prohibitions were lost; the record now carries them, and the article's modalities."""
    for number in (47, 55):
        record = departments.article_record(extracted["yantai-digital-economy"][ArticleNumber(number)])
        assert record["acting"] == [] and "prohibition" in record["modalities"]
        assert {(b["phrase"], b["modality"]) for b in record["broad"]} >= {
            ("任何单位和个人" if number == 47 else "任何组织", "prohibition")}


def test_the_generic_actor_is_exported(extracted):
    """济南 37: 市、区县人民政府及其部门可以… — the governments act, and so do their departments."""
    record = departments.article_record(extracted["jinan-digital-economy"][ArticleNumber(37)])
    assert [(g["phrase"], g["modality"]) for g in record["generic"]][:1] == [("市、区县人民政府及其部门", "power")]
