"""Parallel provisions: against the hand-labelled gold set, symmetry, the side-by-side
comparison, the comparison by topic, and the cost on large synthetic corpora."""

import copy

import pytest
import yaml

from lawsite import pipeline as build
from lawsite.core.numerals import from_int
from lawsite.enrich import boilerplate, parallels
from lawsite.model.document import ArticleNumber as N
from lawsite.parse import builder
from lawsite.parse.sources import Source
from lawsite.site.export import article_ref

from ..conftest import LAUNCH, ROOT, project

YANTAI, JINAN = "yantai-digital-economy", "jinan-digital-economy"


def ordinance(slug: str, articles: list[str]):
    """An ordinance of these articles, parsed (metadata: only what the parser reads)."""
    lines = ["测试条例"] + [f"第{from_int(n)}条 {text}" for n, text in enumerate(articles, 1)]
    return builder.parse(Source({"slug": slug, "title": "测试条例"}, slug, slug, lines))


def refs(value):
    """Article numbers as the dataset writes them (28, or "20-1" for 第二十条之一), in
    lists and pairs: a one-to-one mapping, so comparisons stay exact."""
    if isinstance(value, (list, tuple)):
        return type(value)(refs(v) for v in value)
    return article_ref(value)


@pytest.fixture(scope="module")
def launch():
    """The launch ordinances, whose parallels are labelled (parallels_gold.yml)."""
    return {o.slug: o for o in build.load(project()).ordinances if o.slug in LAUNCH}


@pytest.fixture(scope="module")
def found(launch):
    return parallels.find(list(launch.values()))


@pytest.fixture(scope="module")
def gold() -> set[tuple[int, int]]:
    """(烟台 article, 济南 article) pairs, labelled by reading both texts."""
    data = yaml.safe_load((ROOT / "tests" / "fixtures" / "parallels_gold.yml").read_text(encoding="utf-8"))
    return {(pair["yantai"], pair["jinan"]) for pair in data["pairs"]}


def test_yantai_55_lists_jinan_15_paragraph_2_first(found):
    first = found[YANTAI, N(55)][0]
    assert (first.other_slug, first.other_article) == (JINAN, N(15))
    assert first.pairs[0][:2] == ("art_55__para_1", "art_15__para_2")
    assert first.score == 0.64 and first.pairs[0][2] == 0.94


def test_evaluation_on_the_launch_pairs(launch, found, gold):
    """Precision of the top suggestion and the false alarms on articles without a
    parallel; the corpus pairs (tune and holdout) are in test_parallels_corpus.py."""
    assert len(gold) == 74
    score = parallels.evaluate(found, gold, launch[YANTAI], launch[JINAN])
    # measured: 48 of 48 top suggestions are labelled pairs (of 107 article-sides with a
    # partner); none of the 15 articles without a parallel gets a suggestion
    assert (score.suggested, score.correct, score.partnered) == (48, 48, 107)
    assert (score.alone, score.alone_suggested) == (15, 0)
    assert score.precision >= 0.9 and score.false_alarms <= 0.2


def test_the_best_paragraph_pair_agrees_with_the_labelled_paragraphs(found):
    data = yaml.safe_load((ROOT / "tests" / "fixtures" / "parallels_gold.yml").read_text(encoding="utf-8"))
    agree, disagree = 0, []
    for pair in data["pairs"]:
        if "yantai_para" not in pair and "jinan_para" not in pair:
            continue
        match = [p for p in found.get((YANTAI, N(pair["yantai"])), []) if p.other_article == N(pair["jinan"])]
        if match:
            mine = [int(eid.rsplit("_", 1)[1]) for eid in match[0].pairs[0][:2]]
            if [pair.get("yantai_para", mine[0]), pair.get("jinan_para", mine[1])] == mine:
                agree += 1
            else:
                disagree.append((pair["yantai"], pair["jinan"]))
    assert (agree, disagree) == (11, [])          # of the labelled pairs suggested


def test_standard_clauses_are_grouped_not_suggested(launch, found):
    standard = boilerplate.find(list(launch.values()))
    assert sorted((slug == YANTAI, str(n), kind) for (slug, n), kind in standard.items()) == [
        (False, "1", "purpose"), (False, "2", "scope"), (False, "59", "liability"),
        (False, "60", "entry_into_force"),
        (True, "1", "purpose"), (True, "2", "scope"), (True, "61", "liability"),
        (True, "62", "entry_into_force")]
    # 本条例自…起施行 is worded alike in both: never a suggestion, either way
    for listed in found.values():
        assert all((p.other_slug, p.other_article) not in standard for p in listed)
    assert not any(key in found for key in standard)


def test_lists_are_one_per_ordinance_bounded_and_best_first(found):
    for (slug, article), listed in found.items():
        assert 1 <= len(listed) <= parallels.ORDINANCES
        assert len({p.other_slug for p in listed}) == len(listed)
        assert [p.score for p in listed] == sorted((p.score for p in listed), reverse=True)
        for p in listed:
            assert (p.slug, p.article) == (slug, article) and p.other_slug != slug
            assert p.score >= parallels.THRESHOLD
            assert [s for _, _, s in p.pairs] == sorted((s for _, _, s in p.pairs), reverse=True)


def test_a_match_without_a_margin_over_the_runner_up_is_not_shown():
    """An article worded like two articles of another ordinance matches neither clearly."""
    filler = ["禁止在湿地内开垦、填埋或者排干湿地。", "控制吸烟工作实行政府管理、单位负责的原则。",
              "志愿服务组织可以依法成立行业组织。", "生活垃圾应当分类投放、分类收集。"]
    a = ordinance("a", ["市人民政府应当建立数据共享开放目录。", "单位应当每年组织电梯应急演练。"] + filler)
    b = ordinance("b", ["市人民政府应当建立数据共享开放目录。", "市人民政府应当建立数据共享开放目录。",
                        "电梯使用单位应当每年组织应急演练。"])
    found = parallels.find([a, b])
    assert ("a", N(1)) not in found
    assert [(p.other_article, p.score >= parallels.THRESHOLD) for p in found["a", N(2)]] == [(N(3), True)]
    assert found["b", N(1)][0].other_article == N(1)   # b's copies each have one clear match


def test_an_article_lists_its_best_match_in_each_of_the_most_similar_ordinances():
    text = "县级以上人民政府应当加强湿地保护宣传教育，提高公众湿地保护意识。"
    others = [ordinance(f"o{n}", [text[:len(text) - n] + "。", "禁止在湿地内开垦、填埋或者排干湿地。"])
              for n in range(8)]
    found = parallels.find([ordinance("a", [text])] + others)
    listed = found["a", N(1)]
    assert [p.other_slug for p in listed] == ["o0", "o1", "o2", "o3", "o4"]   # ORDINANCES, best first
    assert all(p.other_article == N(1) for p in listed)


def test_compare_marks_shared_and_differing_wording():
    segments = parallels.compare("任何组织、个人不得侵占数字基础设施，不得实施违法侵入。",
                                 "任何组织、个人不得侵占数字基础设施，不得实施非法侵入的活动。")
    assert segments == [
        ("same", "任何组织、个人不得侵占数字基础设施，不得实施", "任何组织、个人不得侵占数字基础设施，不得实施"),
        ("diff", "违", "非"),
        ("same", "法侵入", "法侵入"),
        ("diff", "。", "的活动。")]
    # every character of both texts, in order, exactly once
    assert "".join(s.a for s in segments).startswith("任何") and \
        "".join(s.b for s in segments) == "任何组织、个人不得侵占数字基础设施，不得实施非法侵入的活动。"


def test_compare_folds_a_lone_shared_character_into_the_change():
    assert parallels.compare("甲的乙", "丙的丁") == [("diff", "甲的乙", "丙的丁")]


def test_compare_articles_puts_the_best_matching_paragraphs_side_by_side(launch, found):
    yantai, jinan = launch[YANTAI], launch[JINAN]
    parallel = next(p for p in found[YANTAI, N(39)] if p.other_article == N(7))
    assert parallel.pairs == (("art_39__para_2", "art_7__para_1", 0.89),)
    rows = parallels.compare_articles(yantai.article(39), jinan.article(7), parallel)
    assert [(r.eid_a, r.eid_b) for r in rows] == [("art_39__para_1", None), ("art_39__para_2", "art_7__para_1")]
    for row in rows:
        assert "".join(s.a for s in row.segments) == \
            next(p.text for p in yantai.article(39).paragraphs if p.eid == row.eid_a)
    # without a Parallel, plain bigram cosine: 烟台第四十六条 款1↔款1, 款2↔款2
    rows = parallels.compare_articles(yantai.article(46), jinan.article(42))
    assert [(r.eid_a, r.eid_b) for r in rows] == [
        ("art_46__para_1", "art_42__para_1"), ("art_46__para_2", "art_42__para_2")]
    # a 款 of B with no partner comes before the next partnered one
    rows = parallels.compare_articles(yantai.article(55), jinan.article(15))
    assert [(r.eid_a, r.eid_b) for r in rows] == [(None, "art_15__para_1"), ("art_55__para_1", "art_15__para_2")]
    assert rows[0].segments == [("diff", "", jinan.article(15).paragraphs[0].text)]


def test_compare_articles_keeps_both_sides_in_order(launch):
    """济南 第三十八条 against 烟台 第二十八条: 款1↔款4 and 款2↔款1 cross; 烟台's column
    must not read 第二款 before 第一款 (issue 20)."""
    rows = parallels.compare_articles(launch[JINAN].article(38), launch[YANTAI].article(28))
    for side in ("eid_a", "eid_b"):
        shown = [getattr(row, side) for row in rows if getattr(row, side)]
        assert shown == sorted(shown, key=lambda eid: int(eid.rsplit("_", 1)[1]))
    assert len(shown) == 4 and len([r for r in rows if r.eid_a]) == 2      # nothing lost


def test_compare_marks_a_paragraph_with_little_in_common_as_a_whole():
    """Shared 合法, 的数据, 交易 among different words: one change, not a dozen marks."""
    a = "市场主体对合法持有的数据有权进行加工使用、流通交易等并获取收益。"
    b = "利用合法获取的数据资源开发的数据产品和服务可以交易，有关财产权益依法受保护。"
    assert parallels.compare(a, b) == [("diff", a, b)]
    # a two-character shared run inside a change is part of it, not a shared word
    assert parallels.compare("甲乙合法丙丁戊己庚辛壬癸子丑寅卯",
                             "戌亥合法午未戊己庚辛壬癸子丑寅卯")[0] == ("diff", "甲乙合法丙丁", "戌亥合法午未")


def test_likeness_in_words():
    assert [parallels.likeness(s) for s in (1.0, 0.99, 0.5, 0.49, 0.25)] == \
        ["identical", "identical", "alike", "partly", "partly"]


def test_by_topic_follows_a_chapters_then_lists_b_unmatched(launch, found):
    yantai, jinan = launch[YANTAI], launch[JINAN]
    topics = parallels.by_topic(yantai, jinan, found)
    assert [row.article.number for row in topics.rows] == [N(n) for n in range(1, 63)]
    assert topics.rows[54].chapter.title == yantai.chapter(yantai.article(55).chapter).title
    assert [p.other_article for p in topics.rows[54].matches] == [N(15)]      # one per ordinance
    matched = {p.other_article for row in topics.rows for p in row.matches}
    assert [a.number for a in topics.unmatched] == [N(n) for n in range(1, 61) if N(n) not in matched]
    assert len(topics.unmatched) == 36


# -- cost on synthetic corpora ------------------------------------------------------------------

def synthetic(ordinances, copies: int, edited: bool) -> list:
    """`copies` ordinances, alternately near-copies of the launch texts under new slugs; when
    `edited`, each copy names its own city and loses a character in one of its articles."""
    out = []
    for n in range(copies):
        ordinance = copy.deepcopy(ordinances[n % len(ordinances)])
        city = ordinance.title[:2]
        ordinance.meta = dict(ordinance.meta, slug=f"{ordinance.slug}-{n}", title=f"城{n}{ordinance.title[2:]}")
        ordinance.title = ordinance.meta["title"]
        if edited:
            for article in ordinance.articles:
                for paragraph in article.paragraphs:
                    paragraph.text = paragraph.text.replace(city, f"城{n}")
            paragraph = ordinance.articles[n % len(ordinance.articles)].paragraphs[0]
            paragraph.text = paragraph.text[1:]
        out.append(ordinance)
    return out


@pytest.mark.parametrize("copies, edited", [(20, False), (20, True), (100, True)])
def test_near_copies_each_find_their_own(launch, copies, edited):
    """On a corpus of near-copies (the shape of the benchmark's synthetic corpus);
    how long it takes is measured by `make bench`, not asserted here."""
    corpus = synthetic([launch[YANTAI], launch[JINAN]], copies, edited)
    assert sum(len(o.articles) for o in corpus) == copies * 61
    found = parallels.find(corpus)
    # every article but the standard clauses has parallels, the first a copy of itself in
    # another ordinance, or an article worded the same; edited copies name their own city
    standard = boilerplate.find(corpus)
    assert copies * 4 - 2 * (1 + copies // 60) <= len(standard) <= copies * 4
    # (an edited copy may cut the 为 of its purpose clause: it is then alone of its kind)
    edited_out = {(o.slug, o.articles[n % len(o.articles)].number) for n, o in enumerate(corpus)} \
        if edited else set()
    everything = {(o.slug, a.number) for o in corpus for a in o.articles}
    assert everything - set(standard) - edited_out <= set(found) <= everything - set(standard)
    texts = {(o.slug, a.number): a.text() for o in corpus for a in o.articles}
    for (slug, article), listed in found.items():
        first = listed[0]
        assert 1 <= len(listed) <= parallels.ORDINANCES and first.score >= 0.75
        same = (first.other_slug.rsplit("-", 1)[0], first.other_article) == (slug.rsplit("-", 1)[0], article)
        assert same or texts[slug, article] == texts[first.other_slug, first.other_article]


# -- kept between builds: an edit computes again only what it changes ----------------------

@pytest.fixture(scope="module")
def beijing(launch):
    """The launch ordinances and twenty real regulations of Beijing (stub metadata)."""
    from tools import stub_corpus
    return list(launch.values()) + [stub_corpus.parse(path, stub_corpus.CORPUS) for path in
                                    sorted((stub_corpus.CORPUS / "beijing").glob("*.md"))[:20]]


def _edited(ordinances, slug, number, old, new):
    """A copy of the corpus with `old` replaced by `new` once in one article's first 款."""
    out = []
    for o in ordinances:
        if o.slug == slug:
            o = copy.deepcopy(o)
            article = next(a for a in o.articles if a.number == N(number))
            assert old in article.paragraphs[0].text
            article.paragraphs[0].text = article.paragraphs[0].text.replace(old, new, 1)
        out.append(o)
    return out


@pytest.fixture
def rows(monkeypatch):
    """The rows of each similarity product computed, counted."""
    counted: list[int] = []
    similar = parallels._similar

    def counting(vectors, owner, queried, floor, rows_, **options):
        counted.append(len(rows_))
        return similar(vectors, owner, queried, floor, rows_, **options)
    monkeypatch.setattr(parallels, "_similar", counting)
    return counted


@pytest.mark.parametrize("edit, fresh", [
    ((YANTAI, 55, "。", "之。"), False),                   # the benchmark's edit: one character
    ((JINAN, 15, "。", "，鼓励创新。"), False),                 # bigrams of some articles
    ((JINAN, 15, "。", "，并向社会公布数据开放目录。"), True),   # common bigrams: all again
])
def test_an_edit_computes_what_a_fresh_run_computes(beijing, rows, edit, fresh):
    """The kept vectors and similarities, updated after an edit, give exactly what a run
    without them gives; only the edited articles and those sharing a bigram whose document
    frequency changed are computed again, unless they are too many (then all are)."""
    found, kept = parallels.find_kept(beijing)
    everything = rows.pop()
    edited = _edited(beijing, *edit)
    again, _ = parallels.find_kept(edited, previous=kept)
    assert rows[-1] == everything if fresh else 0 < rows[-1] < everything * parallels.REDO
    cold = parallels.find(edited)
    assert again == cold and repr(again) == repr(cold)      # every score, to the last digit
    assert edit[0] != YANTAI or again != found


def test_nothing_is_computed_when_no_text_changed(beijing, rows):
    """A metadata edit, a translation, the vocabulary: the articles' texts are the same,
    so is every similarity; a changed standard clause or setting is computed afresh."""
    found, kept = parallels.find_kept(beijing)
    assert len(rows) == 1
    again, same = parallels.find_kept(copy.deepcopy(beijing), previous=kept)
    assert again is found and same is kept and len(rows) == 1
    parallels.find_kept(beijing, threshold=0.3, previous=kept)
    assert len(rows) == 2
