"""The search evaluation: every query of tests/fixtures/search_queries.yml typed into
the site's real search box in Chromium; recall at 5 and mean reciprocal rank of
the articles each query should find, on the hosted site (Pagefind, over http) and
on the offline bundle (Material's lunr search, from file://). The report (with the
queries that miss and the time to the first result) is written to
test-artifacts/search-evaluation-<engine>.json. Then the hosted search itself:
result titles and snippets, the 款 anchor, the filters, the typed label forms, one
index per language, and the citation resolver's "go to" result first."""

import json
import time
import zipfile
from urllib.parse import urlsplit

import pytest
import yaml

from ..conftest import OFFLINE, ROOT
from .conftest import ARTIFACTS, screenshot, serve

QUERIES = yaml.safe_load((ROOT / "tests" / "fixtures" / "search_queries.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def base_url(launch_built):
    """The queries are labelled on the launch ordinances: the evaluation searches their
    site alone, whatever else sources/ holds."""
    server = serve(launch_built[1])
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.fixture(scope="module")
def offline_url(launch_built, tmp_path_factory):
    """The launch ordinances' offline bundle, unzipped: its home page's file:// URL."""
    from lawsite.publish import publish
    work = tmp_path_factory.mktemp("launch-bundle")
    bundle = publish.build_bundle(work / "lawsite-offline.zip", OFFLINE, launch_built[0], work / "offline")
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(work / "unzipped")
    return (work / "unzipped" / "lawsite-offline" / "index.html").as_uri()


PLACEHOLDER = "document.querySelector('.md-search-result__meta').textContent.includes('键入')"


def article_of(href: str, base_url: str) -> str:
    """'yantai-digital-economy/28' for a result linking to that article (else the path)."""
    base = urlsplit(base_url).path.removesuffix("index.html")
    path = urlsplit(href).path.removeprefix(base).removesuffix(".html").strip("/")
    slug, _, page = path.partition("/")
    return f"{slug}/{page.removeprefix('article-')}" if page.startswith("article-") else path


def run(page, query: str, base_url: str) -> list[str]:
    box = page.locator(".md-search__input")
    box.fill("")
    box.press("End")
    page.wait_for_function(PLACEHOLDER)
    box.fill(query)
    box.press("End")                         # an IME commits its text with a key event
    page.wait_for_function(f"!({PLACEHOLDER})")
    ranked = []
    for link in page.locator(".md-search-result__item > a").all():
        found = article_of(link.get_attribute("href"), base_url)
        if found not in ranked:
            ranked.append(found)
    return ranked


def open_search(page, base_url) -> float:
    started = time.perf_counter()
    page.goto(base_url)
    page.locator(".md-search__input").click()
    page.wait_for_function(PLACEHOLDER)          # the worker has built the index
    return time.perf_counter() - started


@pytest.mark.parametrize("engine", ["pagefind", "lunr"])
def test_search_finds_the_right_articles(page, engine, request):
    base_url = request.getfixturevalue("base_url" if engine == "pagefind" else "offline_url")
    ready = open_search(page, base_url)
    started = time.perf_counter()
    first = run(page, "数据交易", base_url)
    first_result = time.perf_counter() - started
    assert first[:2] == ["yantai-digital-economy/28", "jinan-digital-economy/38"]

    recalls, reciprocal, misses = [], [], []
    for query in QUERIES["queries"]:
        ranked = run(page, query["query"], base_url)
        expected = query["expect"]
        recalls.append(sum(e in ranked[:5] for e in expected) / len(expected))
        ranks = [ranked.index(e) + 1 for e in expected if e in ranked]
        reciprocal.append(1 / min(ranks) if ranks else 0.0)
        if recalls[-1] < 1:
            misses.append({"query": query["query"], "kind": query["kind"], "expect": expected,
                           "top5": ranked[:5]})
    recall = sum(recalls) / len(recalls)
    mrr = sum(reciprocal) / len(reciprocal)
    report = {"engine": engine, "queries": len(recalls), "recall_at_5": round(recall, 3), "mrr": round(mrr, 3),
              "seconds_to_search_ready": round(ready, 2),
              "seconds_to_first_result": round(first_result, 2), "misses": misses}
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"search-evaluation-{engine}.json").write_text(
        json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    assert len(recalls) >= 40
    assert recall >= 0.9, report
    assert mrr >= 0.85, report


def test_article_references_find_that_article_first(page, base_url):
    open_search(page, base_url)
    both = {"yantai-digital-economy/28", "jinan-digital-economy/28"}      # either may come first
    assert set(run(page, "第二十八条", base_url)[:2]) == both
    assert set(run(page, "28条", base_url)[:2]) == both
    assert set(run(page, "第28条", base_url)[:2]) == both
    assert run(page, "烟台 第五十五条", base_url)[0] == "yantai-digital-economy/55"
    assert run(page, "济南 15", base_url)[0] == "jinan-digital-economy/15"


def test_results_say_which_ordinance(page, base_url):
    open_search(page, base_url)
    run(page, "第二十八条", base_url)
    titles = [title.replace("\u200b", "")                # Material's invisible word joins
              for title in page.locator(".md-search-result__item > a article > h1").all_inner_texts()]
    assert sorted(titles[:2]) == ["济南 第二十八条", "烟台 第二十八条"]
    screenshot(page, "search-results-1280")
