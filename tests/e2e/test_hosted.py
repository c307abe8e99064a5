"""The hosted site served on 127.0.0.1 as a static host does: pretty URLs, a 404
page for unknown addresses, a sitemap of every article, robots.txt."""

import urllib.error
import urllib.request
import xml.etree.ElementTree as ElementTree

import pytest


def get(url):
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


@pytest.mark.parametrize("path", ["", "yantai-digital-economy/", "yantai-digital-economy/chapter-4/",
                                  "yantai-digital-economy/article-28/", "jinan-digital-economy/full-text/",
                                  "departments/big-data/", "en/yantai-digital-economy/article-28/",
                                  "data/corpus.json"])
def test_pretty_urls_resolve(base_url, path):
    status, _ = get(base_url + path)
    assert status == 200


def test_unknown_address_gets_the_404_page(base_url, page):
    status, body = get(base_url + "yantai-digital-economy/article-99/")
    assert status == 404 and "页面不存在" in body
    page.goto(base_url + "yantai-digital-economy/article-99/")
    suggestion = page.locator(".ls-suggest a")
    assert suggestion.inner_text() == "烟台市数字经济促进条例"             # its title, not its slug
    suggestion.click()
    assert page.url == base_url + "yantai-digital-economy/"


def test_sitemap_lists_every_article(base_url, site_dir):
    status, body = get(base_url + "sitemap.xml")
    locations = {loc.text for loc in ElementTree.fromstring(body).iter(
        "{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    for slug, count in (("yantai-digital-economy", 62), ("jinan-digital-economy", 60)):
        for number in range(1, count + 1):
            assert f"https://lawsite.example.org/{slug}/article-{number}/" in locations
    assert get(base_url + "robots.txt")[1].endswith("Sitemap: https://lawsite.example.org/sitemap.xml\n")


def test_the_404_page_reads_an_inserted_article_in_a_comparison_address(base_url, page):
    """compare/<a>-<n>--<b>-<m>/ with an inserted article (20-1, 第二十条之一) on either side."""
    page.goto(base_url + "compare/jinan-digital-economy-15--yantai-digital-economy-20-1/")
    links = page.locator(".ls-suggest a")
    links.first.wait_for()
    # 烟台 has no 第二十条之一: only the page that exists is offered, by its title
    assert links.all_inner_texts() == ["第十五条｜济南市数字经济促进条例"]
    assert links.first.get_attribute("href") == base_url + "jinan-digital-economy/article-15/"
