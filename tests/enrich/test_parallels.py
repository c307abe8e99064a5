"""Parallel provisions: against the hand-labelled gold set, symmetry, the side-by-side
comparison, the comparison by topic, and the cost on large synthetic corpora."""

import copy

import pytest
import yaml

from lawsite import pipeline as build
from lawsite.enrich import parallels
from lawsite.model.document import ArticleNumber as N
from lawsite.site.export import article_ref

from ..conftest import LAUNCH, ROOT, project

YANTAI, JINAN = "yantai-digital-economy", "jinan-digital-economy"


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
    assert first.score == 0.87 and first.pairs[0][2] == 0.93


def test_evaluation_on_the_gold_set(found, gold):
    assert len(gold) == 74
    evaluation = parallels.evaluate(found, gold, YANTAI, JINAN)
    forward, backward = evaluation.forward, evaluation.backward
    # measured: 51 of 59 烟台 tops and 47 of 55 济南 tops are gold pairs; 63 of 74 pairs found
    assert (forward.correct, forward.suggested) == (51, 59) and forward.precision_at_1 >= 0.86
    assert (backward.correct, backward.suggested) == (47, 55) and backward.precision_at_1 >= 0.85
    assert evaluation.recall_at_3 >= 0.85
    assert forward.found == backward.found == 63          # symmetric lists of at most 3
    assert refs(forward.unsuggested) == [4, 37] and refs(backward.unsuggested) == [45]
    assert refs(forward.wrong) == [(10, 18), (15, 1), (18, 24), (26, 37), (33, 32), (36, 57), (44, 54), (48, 47)]
    assert refs(backward.wrong) == [(8, 52), (11, 23), (12, 22), (19, 12), (23, 1), (26, 17), (56, 32), (57, 36)]
    assert refs(evaluation.missed) == [(4, 16), (15, 23), (18, 23), (18, 54), (26, 38), (28, 39), (37, 30),
                                 (44, 42), (50, 15), (53, 12), (56, 45)]


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
    assert agree == 25 and disagree == [(35, 25), (45, 42)]


def test_threshold_calibrated_on_one_half_of_the_gold_tested_on_the_other(launch, gold):
    """The over-fitting check: split both ordinances' articles by parity, pick the threshold
    that maximises min(precision@1 both ways, recall@3) on one half, measure the other."""
    grid = [round(0.04 + 0.01 * i, 2) for i in range(11)]
    results = {t: parallels.find(list(launch.values()), threshold=t) for t in grid}

    def half(found, parity):
        mine = {key: value for key, value in found.items() if key[1].base % 2 == parity}
        return (parallels.evaluate(mine, gold, YANTAI, JINAN).forward.precision_at_1,
                parallels.evaluate(mine, gold, YANTAI, JINAN).backward.precision_at_1,
                parallels.evaluate(found, {g for g in gold if g[0] % 2 == parity}, YANTAI, JINAN).recall_at_3)

    chosen, held_out = [], []
    for parity in (0, 1):
        best = max(grid, key=lambda t: (min(half(results[t], parity)), t))
        chosen.append(best)
        held_out.append([round(x, 2) for x in half(results[best], 1 - parity)])
    assert chosen == [0.08, 0.11]
    assert held_out == [[0.93, 0.86, 0.92], [0.88, 0.92, 0.7]]
    assert parallels.THRESHOLD == 0.08


def test_lists_are_symmetric_bounded_and_best_first(found):
    for (slug, article), listed in found.items():
        assert 1 <= len(listed) <= parallels.K
        assert [p.score for p in listed] == sorted((p.score for p in listed), reverse=True)
        for p in listed:
            assert (p.slug, p.article) == (slug, article) and p.other_slug != slug
            assert p.score >= parallels.THRESHOLD
            assert p.mirrored() in found[p.other_slug, p.other_article]
            assert [s for _, _, s in p.pairs] == sorted((s for _, _, s in p.pairs), reverse=True)


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
    parallel = next(p for p in found[YANTAI, N(27)] if p.other_article == N(36))
    rows = parallels.compare_articles(yantai.article(27), jinan.article(36), parallel)
    assert [(r.eid_a, r.eid_b) for r in rows] == [
        ("art_27__para_1", "art_36__para_1"), ("art_27__para_2", None), ("art_27__para_3", "art_36__para_2")]
    for row in rows:
        assert "".join(s.a for s in row.segments) == \
            next(p.text for p in yantai.article(27).paragraphs if p.eid == row.eid_a)
    # without a Parallel, plain bigram cosine: 烟台第四十六条 款1↔款1, 款2↔款2
    rows = parallels.compare_articles(yantai.article(46), jinan.article(42))
    assert [(r.eid_a, r.eid_b) for r in rows] == [
        ("art_46__para_1", "art_42__para_1"), ("art_46__para_2", "art_42__para_2")]
    # a 款 of B with no partner comes before the next partnered one
    rows = parallels.compare_articles(yantai.article(55), jinan.article(15))
    assert [(r.eid_a, r.eid_b) for r in rows] == [(None, "art_15__para_1"), ("art_55__para_1", "art_15__para_2")]
    assert rows[0].segments == [("diff", "", jinan.article(15).paragraphs[0].text)]


def test_by_topic_follows_a_chapters_then_lists_b_unmatched(launch, found):
    yantai, jinan = launch[YANTAI], launch[JINAN]
    topics = parallels.by_topic(yantai, jinan, found)
    assert [row.article.number for row in topics.rows] == [N(n) for n in range(1, 63)]
    assert topics.rows[54].chapter.title == yantai.chapter(yantai.article(55).chapter).title
    assert [p.other_article for p in topics.rows[54].matches] == [N(15), N(8)]
    matched = {p.other_article for row in topics.rows for p in row.matches}
    assert [a.number for a in topics.unmatched] == [N(n) for n in range(1, 61) if N(n) not in matched]
    assert refs([a.number for a in topics.unmatched]) == [28, 43, 45, 50, 58]


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
    # every article has parallels (the copies of a group fill one another's lists, so the
    # last ones may list fewer than K), the first a copy of itself in another ordinance, or
    # an article worded the same (烟台62 = 济南60); edited copies name their own city
    assert len(found) == copies * 61
    texts = {(o.slug, a.number): a.text() for o in corpus for a in o.articles}
    for (slug, article), listed in found.items():
        first = listed[0]
        assert 1 <= len(listed) <= parallels.K and first.score >= 0.75
        same = (first.other_slug.rsplit("-", 1)[0], first.other_article) == (slug.rsplit("-", 1)[0], article)
        assert same or texts[slug, article] == texts[first.other_slug, first.other_article]
