"""Each jurisdiction's offline bundle, unzipped and opened from the file system with
every http(s) request blocked and recorded: its own ordinance is read and found by
search, the other jurisdiction's is not in it (its link leads online, marked), and
nothing tries to reach the network."""

import zipfile

import pytest

from .conftest import screenshot

SITE_URL = "https://lawsite.example.org/"
OWN = {"shandong": ("jinan-digital-economy", "济南市数字经济促进条例", "article-38", "第三十八条"),
       "hebei": ("yantai-digital-economy", "烟台市数字经济促进条例", "article-28", "第二十八条")}


def search(page, query):
    page.locator(".md-search__input").click()
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.includes('键入')")
    page.locator(".md-search__input").fill(query)
    page.locator(".md-search__input").press("End")
    page.locator(".md-search-result__item > a").first.wait_for()
    return page.locator(".md-search-result__item > a")


@pytest.mark.parametrize("bundle", ["shandong", "hebei"])
def test_a_jurisdictions_bundle_works_from_a_folder_and_holds_only_its_own(two_published, offline_page,
                                                                            tmp_path, bundle):
    page, attempts = offline_page
    with zipfile.ZipFile(two_published["dist"] / f"lawsite-offline-{bundle}.zip") as archive:
        archive.extractall(tmp_path)
    folder = tmp_path / f"lawsite-offline-{bundle}"
    slug, title, article, label = OWN[bundle]
    other_slug, other_title, other_article, _ = next(v for k, v in OWN.items() if k != bundle)

    page.goto((folder / "index.html").as_uri())
    assert page.locator("h1").inner_text() == "地方性法规"
    # the other jurisdiction's ordinance: listed, but online (marked), not in the bundle
    other = page.locator("article").get_by_role("link", name=other_title)
    assert other.get_attribute("href") == f"{SITE_URL}{other_slug}/"
    assert other.get_attribute("rel") == "external" and other.get_attribute("data-online") is not None
    page.locator("article").get_by_role("link", name=title).click()
    assert page.url.endswith(f"{slug}/index.html")
    page.goto((folder / slug / f"{article}.html").as_uri())
    assert page.locator("h1").inner_text() == label

    results = search(page, "数据交易")
    screenshot(page, f"offline-{bundle}-search")
    hrefs = [link.get_attribute("href") for link in results.all()]
    assert hrefs and all(other_slug not in href for href in hrefs)
    results.first.click()
    assert page.url.split("?")[0].split("#")[0].endswith(f"{slug}/{article}.html")
    assert page.locator("h1").inner_text() == label

    # the other jurisdiction's parallel article is linked online, never as a broken relative link
    parallel = page.locator(f'a[href^="{SITE_URL}{other_slug}/{other_article}/"]').first
    assert parallel.get_attribute("rel") == "external"
    # its title, searched, finds nothing of the other ordinance
    results = search(page, other_title[:2] + " " + "数字经济")
    assert all(other_slug not in (link.get_attribute("href") or "") for link in results.all())
    assert attempts == []
