"""The published site's search in parts: a Pagefind index per shard (pagefind/<shard>/,
listed by pagefind/parts.json), merged in the browser (overrides/assets/lawsite-search.js,
Pagefind's mergeIndex). On a corpus of two jurisdictions, 河北 (烟台) and 山东 (济南), each
its own part: one query finds the articles of both, ranked together, and the filters
hold the values of both parts and narrow the results across them."""

import json

from .conftest import ARTIFACTS, served
from .test_search import run


def test_the_site_is_indexed_in_a_part_per_shard(two_published):
    site = two_published["site"]
    assert json.loads((site / "pagefind" / "parts.json").read_text(encoding="utf-8"))["languages"] == \
        {"zh-cn": ["hebei", "shandong"]}
    assert sorted(p.name for p in (site / "pagefind").iterdir()) == ["hebei", "parts.json", "shandong"]


def test_the_merged_search_finds_the_articles_of_each_part(page, two_published):
    with served(two_published["site"]) as base_url:
        page.goto(base_url)
        page.locator(".md-search__input").click()
        ranked = run(page, "数据交易", base_url)
        assert set(ranked[:2]) == {"yantai-digital-economy/28", "jinan-digital-economy/38"}   # one of each part
        assert set(run(page, "第28条", base_url)[:2]) == {"yantai-digital-economy/28", "jinan-digital-economy/28"}
        assert run(page, "烟台 第五十五条", base_url)[0] == "yantai-digital-economy/55"
        assert run(page, "济南 15", base_url)[0] == "jinan-digital-economy/15"
        titles = page.locator(".md-search-result__item:not(.ls-goto) > a article > h1").all_inner_texts()
        assert titles[0] == "第十五条 · 济南市数字经济促进条例"


def test_the_filters_hold_both_parts_and_narrow_across_them(page, two_published):
    with served(two_published["site"]) as base_url:
        page.goto(base_url)
        page.locator(".md-search__input").click()
        fetched = []
        page.on("request", lambda request: fetched.append(request.url))
        run(page, "数据交易", base_url)
        assert not any("/filter/" in url for url in fetched)          # the values are the manifest's
        jurisdictions = page.locator("select.ls-search-filter[name=jurisdiction] option").all_inner_texts()
        assert jurisdictions[1:] == ["济南市", "烟台市"]
        ordinances = page.locator("select.ls-search-filter[name=ordinance] option").all_inner_texts()
        assert ordinances[1:] == ["济南市数字经济促进条例", "烟台市数字经济促进条例"]
        page.locator("select.ls-search-filter[name=jurisdiction]").select_option("烟台市")
        page.wait_for_function("[...document.querySelectorAll('.md-search-result__item > a')]"
                               ".every(a => a.href.includes('/yantai-digital-economy/'))")
        assert run(page, "数据交易", base_url)[0] == "yantai-digital-economy/28"
        page.locator("select.ls-search-filter[name=jurisdiction]").select_option("")
        page.locator("select.ls-search-filter[name=ordinance]").select_option("济南市数字经济促进条例")
        page.wait_for_function("[...document.querySelectorAll('.md-search-result__item > a')]"
                               ".every(a => a.href.includes('/jinan-digital-economy/'))")
        ranked = run(page, "数据交易", base_url)
        assert ranked[0] == "jinan-digital-economy/38" and all(r.startswith("jinan-") for r in ranked)


def test_the_launch_evaluation_holds_across_the_merged_parts(page, two_published):
    """tests/fixtures/search_queries.yml on the two parts merged: Pagefind's scores are
    each part's own (BM25 over its pages), ranked together; the evaluation's bounds
    hold as on one index (tests/e2e/test_search.py)."""
    from .test_search import QUERIES
    recalls, reciprocal, misses = [], [], []
    with served(two_published["site"]) as base_url:
        page.goto(base_url)
        page.locator(".md-search__input").click()
        for query in QUERIES["queries"]:
            ranked = run(page, query["query"], base_url)
            expected = query["expect"]
            recalls.append(sum(e in ranked[:5] for e in expected) / len(expected))
            ranks = [ranked.index(e) + 1 for e in expected if e in ranked]
            reciprocal.append(1 / min(ranks) if ranks else 0.0)
            if recalls[-1] < 1:
                misses.append((query["query"], expected, ranked[:5]))
    recall, mrr = sum(recalls) / len(recalls), sum(reciprocal) / len(reciprocal)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "search-evaluation-pagefind-parts.json").write_text(json.dumps(
        {"engine": "pagefind, 2 parts merged", "queries": len(recalls), "recall_at_5": round(recall, 3),
         "mrr": round(mrr, 3), "misses": misses}, ensure_ascii=False, indent=1), encoding="utf-8")
    assert recall >= 0.9 and mrr >= 0.85, (recall, mrr, misses)
