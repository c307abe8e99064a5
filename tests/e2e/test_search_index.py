"""One index per language tree, on the hosted site (Pagefind, by <html lang>) and
from file:// (Material's lunr search as the build leaves it, lawsite/mkdocs/searchindex.py);
offline, the best hit's snippet and no "缺少: …" lines (overrides/assets/lawsite.css)."""

import zipfile
from urllib.parse import urljoin

SHOWN = "document.querySelectorAll('.md-search-result__item').length > 0"


def results(page, query: str) -> list[str]:
    """The links of Material's own results (not the resolver's "go to")."""
    box = page.locator(".md-search__input")
    box.click()
    box.fill(query)
    box.press("End")
    page.wait_for_function(SHOWN)
    return [urljoin(page.url, a.get_attribute("href"))
            for a in page.locator(".md-search-result__item:not(.ls-goto) > a").all()]


def test_each_language_tree_searches_itself(page, launch_base_url):
    page.goto(launch_base_url + "en/")
    english = results(page, "data trading")
    assert english and all(href.startswith(launch_base_url + "en/") for href in english)
    assert results(page, "Yantai Article 28")[0].startswith(launch_base_url + "en/yantai-digital-economy/article-28/")
    page.goto(launch_base_url)
    chinese = results(page, "数据交易")
    assert chinese and not any(href.startswith(launch_base_url + "en/") for href in chinese)


def test_offline_the_best_hit_has_a_snippet_and_no_missing_terms(page, bundle, tmp_path):
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(tmp_path)
    page.goto(next(tmp_path.rglob("lawsite-offline/index.html")).as_uri())
    results(page, "济南 第十五条")
    best = page.locator(".md-search-result__item:not(.ls-goto) article").first
    assert best.locator("h1").inner_text().replace("\u200b", "") == "济南 第十五条"
    assert "建设项目的建设单位" in best.locator("p").first.inner_text().replace("\u200b", "")
    # Material lists the query's words a result lacks ("缺少: 第十五条"): none is shown
    assert page.locator(".md-search-result__terms").count() > 0      # Material still writes them …
    assert not any(line.is_visible() for line in page.locator(".md-search-result__terms").all())
    assert "缺少" not in page.locator(".md-search-result").inner_text()


def test_offline_each_language_searches_itself(page, bundle, tmp_path):
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(tmp_path)
    home = next(tmp_path.rglob("en/index.html"))
    page.goto(home.as_uri())
    english = results(page, "Yantai Article 28")           # Chinese pages match 28 too
    assert english and all("/en/" in href for href in english)
    page.goto(home.parent.parent.joinpath("index.html").as_uri())
    chinese = results(page, "28")                           # so do English ones
    assert chinese and not any("/en/" in href for href in chinese)
