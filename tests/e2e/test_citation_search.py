"""Typed citations (tests/fixtures/citations.yml) go to their exact provision: the
"go to" result that overrides/assets/resolver.js puts first in Material's search,
on the hosted site and from file:// in the offline bundle."""

import zipfile

import pytest
import yaml

from ..conftest import ROOT, SIMPLE, SourcesTree, build_fixture_site
from .conftest import screenshot, served

FIXTURE = yaml.safe_load((ROOT / "tests" / "fixtures" / "citations.yml").read_text(encoding="utf-8"))
CASES = FIXTURE["cases"]
RESOLVED = "(q) => document.querySelector('.md-search-result').getAttribute('data-ls-resolved') === q"


def first_result(page, query: str) -> tuple[str | None, str]:
    """The first result's link and text once the resolver has answered `query`."""
    box = page.locator(".md-search__input")
    box.click()
    box.fill(query)
    box.press("End")
    page.wait_for_function(RESOLVED, arg=query)
    first = page.locator(".md-search-result__item").first
    if not first.count():
        return None, ""
    return first.locator("a").get_attribute("href"), first.inner_text()


@pytest.mark.parametrize("case", CASES, ids=[f"{c['query']}@{c.get('at', '')}" for c in CASES])
def test_a_citation_goes_to_its_provision_first(page, launch_base_url, case):
    page.goto(launch_base_url + case.get("at", ""))
    href, text = first_result(page, case["query"])
    found = page.evaluate("(q) => window.lawsiteResolve(q)", case["query"])
    if case["expect"] is None:
        assert found is None
        assert page.locator(".ls-goto").count() == 0
        return
    assert found["url"] == launch_base_url + case["expect"]
    assert href == launch_base_url + case["expect"], text
    assert page.locator(".md-search-result__item").first.get_attribute("class").endswith("ls-goto")
    if "title" in case:
        assert found["title"] == case["title"]
        assert case["title"] in text.replace("\u200b", "")


def test_the_parser_reads_items_inserted_articles_and_versions(page, launch_base_url):
    page.goto(launch_base_url)
    for case in FIXTURE["parse"]:
        cited = page.evaluate("(q) => window.lawsiteResolve.parse(q)", case["query"])
        name = cited["name"].lower() if cited["name"].isascii() else cited["name"]
        assert [name, cited["article"], cited["paragraph"], cited["item"]] == case["expect"], case["query"]


def test_the_go_to_result_leads_to_the_paragraph(page, launch_base_url):
    page.goto(launch_base_url)
    first_result(page, "烟台市数字经济促进条例第二十八条第三款")
    screenshot(page, "search-citation-1280")
    page.locator(".ls-goto a").click()
    page.wait_for_url(launch_base_url + "yantai-digital-economy/article-28/#art_28__para_3")
    assert page.locator("#art_28__para_3").is_visible()


def test_offline_bundle_resolves_from_file(page, bundle, tmp_path):
    """No fetch from file://: the table is loaded by script tags, and the URLs are the
    bundle's own (.html)."""
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(tmp_path)
    index = next(tmp_path.rglob("yantai-digital-economy/article-5.html"))
    root = index.parent.parent
    page.goto(index.as_uri())
    href, _ = first_result(page, "第２８条第三款")
    assert href == (root / "yantai-digital-economy" / "article-28.html").as_uri() + "#art_28__para_3"
    href, _ = first_result(page, "济南 15")
    assert href == (root / "jinan-digital-economy" / "article-15.html").as_uri()


@pytest.fixture(scope="module")
def untranslated_url(tmp_path_factory):
    """A fixture corpus without translations: the English tree has each ordinance's
    page alone, its articles are the Chinese pages."""
    root = tmp_path_factory.mktemp("untranslated-citations")
    tree = SourcesTree(root / "sources")
    tree.add(SIMPLE)
    site, _ = build_fixture_site(root, tree)
    with served(site) as url:
        yield url


def test_on_the_english_tree_an_untranslated_ordinance_resolves_to_its_chinese_article(page, untranslated_url):
    page.goto(untranslated_url + "en/test-ordinance/")
    found = page.evaluate("(q) => window.lawsiteResolve(q)", "Article 2")
    assert found["url"] == untranslated_url + "test-ordinance/article-2/"
    assert page.goto(found["url"]).status == 200
