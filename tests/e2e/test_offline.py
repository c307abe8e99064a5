"""The offline bundle, unzipped and opened from the file system, with every http(s)
request blocked and recorded: reading, departments, languages and search all work,
and nothing tries to reach the network."""

import json
import zipfile

import pytest

from .conftest import screenshot, served


@pytest.fixture
def offline(offline_page, bundle, tmp_path):
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(tmp_path)
    page, attempts = offline_page
    yield page, (tmp_path / "lawsite-offline" / "index.html").as_uri(), attempts


def test_the_bundle_works_from_a_folder_without_network(offline):
    page, home, attempts = offline
    page.goto(home)
    assert page.locator("h1").inner_text() == "地方性法规"
    page.locator("article").get_by_role("link", name="烟台市数字经济促进条例").click()
    assert page.url.endswith("yantai-digital-economy/index.html")
    page.locator("article").get_by_role("link", name="第二章\u3000数字产业化").click()
    page.locator("article").get_by_role("link", name="第十四条").click()
    assert page.url.endswith("yantai-digital-economy/article-14.html")
    assert page.locator("h1").inner_text() == "第十四条"
    page.locator("a.ls-chip", has_text="大数据部门").click()
    assert page.url.endswith("departments/big-data.html")
    page.locator("h2#yantai-digital-economy + .ls-provisions li > a", has_text="第十四条").click()
    assert page.url.endswith("yantai-digital-economy/article-14.html#art_14__para_1")

    page.locator(".md-select button").hover()
    page.locator(".md-select__link", has_text="English").click()
    # the switch keeps the provision the reader is at
    assert page.url.endswith("en/yantai-digital-economy/article-14.html#art_14__para_1")
    assert page.locator("h1").inner_text() == "Article 14"
    page.locator(".md-select button").hover()
    page.locator(".md-select__link", has_text="中文").click()
    assert page.url.endswith("/yantai-digital-economy/article-14.html#art_14__para_1")

    page.locator(".md-search__input").click()
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.includes('键入')")
    page.locator(".md-search__input").fill("数据交易")
    page.locator(".md-search__input").press("End")
    first = page.locator(".md-search-result__item > a").first
    first.wait_for()
    screenshot(page, "offline-search")
    first.click()
    assert page.url.split("?")[0].endswith(("yantai-digital-economy/article-28.html",
                                            "jinan-digital-economy/article-38.html"))
    assert page.locator("h1").inner_text() in ("第二十八条", "第三十八条")
    assert attempts == []


def test_a_search_opened_at_once_on_a_page_opened_at_an_anchor_stays_open(offline):
    # A citation of a paragraph opens its article at the paragraph's anchor. Material
    # closed the search 125 ms after startup on such a page (its hash$ starts with the
    # page's own anchor), so a reader who clicked the search box in the page's first
    # moments typed into a closed search: the results were found but hidden
    # (lawsite/mkdocs/anchorclose.py). The page's timers run on a controlled clock,
    # so the search is opened before that moment whatever the machine's load.
    page, home, _ = offline
    page.clock.install()
    page.goto(home.replace("index.html", "yantai-digital-economy/article-14.html#art_14__para_1"))
    page.locator(".md-search__input").click()
    page.wait_for_function("document.getElementById('__search').checked")
    page.clock.run_for(1000)
    assert page.evaluate("document.getElementById('__search').checked")
    # a change of the anchor still closes it, as Material means it to
    page.evaluate("location.hash = '#art_14__para_2'")
    page.clock.run_for(1000)
    page.wait_for_function("!document.getElementById('__search').checked")


def test_the_bundle_searches_when_a_web_server_serves_it(page, bundle, tmp_path):
    """The bundle holds each index once, as the script file:// needs; served over http
    (a reader's own server, a shared folder), its search loads that script too."""
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(tmp_path)
    folder = tmp_path / "lawsite-offline"
    assert not list(folder.rglob("search_index.json"))
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    with served(folder) as url:
        page.goto(url + "index.html")
        page.locator(".md-search__input").click()
        page.locator(".md-search__input").fill("数据交易")
        page.locator(".md-search__input").press("End")
        first = page.locator(".md-search-result__item > a").first
        first.wait_for()
        assert "数据交易" in page.locator(".md-search-result").inner_text()
    assert any(u.endswith("search/search_index.js") for u in requested)
    assert not any("search_index.json" in u for u in requested)


def test_the_bundle_says_how_to_open_it(bundle, built):
    corpus = json.loads((built[0] / "data" / "corpus.json").read_text(encoding="utf-8"))
    articles = sum(len(o["articles"]) for o in corpus["ordinances"])
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
        readme = archive.read("lawsite-offline/README.txt").decode("utf-8")
        shim = archive.read("lawsite-offline/assets/javascripts/iframe-worker-shim.js")
    assert "双击文件夹中的 index.html" in readme and "Double-click index.html" in readme
    assert "《烟台市数字经济促进条例》" in readme and "Built on:" in readme
    assert f"{len(corpus['ordinances'])} 部法规，共 {articles} 条" in readme and articles >= 122
    assert shim and all(name.startswith("lawsite-offline/") for name in names)
    assert "lawsite-offline/search/search_index.js" in names
    assert not any("/28/index.html" in name for name in names)         # no redirects offline


def test_the_bundle_links_no_cdn(bundle):
    with zipfile.ZipFile(bundle) as archive:
        for name in archive.namelist():
            if name.endswith(".html"):
                html = archive.read(name).decode("utf-8")
                assert "unpkg.com" not in html and "fonts.googleapis" not in html, name
