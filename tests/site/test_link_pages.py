"""Cross-links on the built site: references become links to the exact provision,
external laws are marked and listed, dead references warn and stay text, defined
terms link to their definitions; parallel provisions and their comparisons."""

import re

import pytest
from bs4 import BeautifulSoup

from lawsite import pipeline

from ..conftest import ROOT, SourcesTree, build_fixture_site, project

FIXTURES = ROOT / "tests" / "fixtures"
ORDINANCES = {"test-data": "测试市数据条例", "test-platform": "测试市平台条例"}


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    """The reference fixtures built into a site, with the build's warnings."""
    root = tmp_path_factory.mktemp("links")
    tree = SourcesTree(root / "sources")
    for slug, title in ORDINANCES.items():
        tree.add((FIXTURES / "references" / f"{slug}.txt").read_text(encoding="utf-8"),
                 slug=slug, title=title, dedent=False)
    return build_fixture_site(root, tree)


def soup(site, url):
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def links(page, eid):
    return [(a.get_text(), a["href"]) for a in page.select(f"#{eid} a.ls-ref")]


def test_references_link_to_the_exact_provision(fixture_site):
    site, _ = fixture_site
    assert links(soup(site, "test-data/article-3"), "art_3__para_1") == [
        ("本条例第二条第二款", "../article-2/#art_2__para_2")]
    page = soup(site, "test-data/article-4")
    assert links(page, "art_4__para_1__point_3") == [("本节", "../chapter-2/#chp_2__sec_1")]
    assert links(page, "art_4__para_1__point_2__item_2") == [("本条第二款", "#art_4__para_2")]
    assert links(soup(site, "test-data/article-5"), "art_5__para_3") == [
        ("前两款", "#art_5__para_1"), ("本条例第十二条", "../article-12/#art_12")]
    assert links(soup(site, "test-data/article-9"), "art_9__para_1")[-1] == (
        "《测试市平台条例》第三条第二款", "../../test-platform/article-3/#art_3__para_2")


def test_references_on_the_full_text_stay_on_the_page(fixture_site):
    site, _ = fixture_site
    assert links(soup(site, "test-data/full-text"), "art_3__para_1") == [
        ("本条例第二条第二款", "#art_2__para_2")]


def test_external_laws_are_marked_never_linked_and_listed(fixture_site):
    site, _ = fixture_site
    paragraph = soup(site, "test-data/article-1").select_one("#art_1__para_1")
    cited = [c.get_text() for c in paragraph.select("cite.ls-extref")]
    assert cited == ["《中华人民共和国数据安全法》", "《中华人民共和国个人信息保护法》"]
    assert not any(c.find_parent("a") for c in paragraph.select("cite.ls-extref"))
    listed = soup(site, "test-data").select(".ls-external li")
    assert [li.cite.get_text() for li in listed][:2] == ["《中华人民共和国数据安全法》",
                                                         "《中华人民共和国个人信息保护法》"]
    assert listed[0].a["href"] == "article-1/#art_1__para_1"


def test_a_reference_to_a_missing_article_warns_and_is_not_a_link(fixture_site):
    site, warnings = fixture_site
    assert "test-data.txt:67: 第十一条 refers to 本条例第九十九条" in warnings
    paragraph = soup(site, "test-data/article-11").select_one("#art_11__para_1")
    assert "本条例第九十九条" in paragraph.get_text()
    assert not paragraph.select("a.ls-ref")


def test_defined_terms_link_to_their_definition_with_it_as_tooltip(site_dir):
    page = soup(site_dir, "jinan-digital-economy/article-9")
    term = page.select_one("#art_9__para_1 a.ls-term")
    assert term.get_text() == "数字基础设施"
    assert term["href"] == "../article-8/#art_8__para_1"
    assert term["title"].startswith("本条例所称数字基础设施，是指以信息技术为支撑")
    glossary = [li.strong.get_text() for li in soup(site_dir, "jinan-digital-economy").select(".ls-glossary li")]
    assert glossary == ["数字经济", "数字基础设施"]


def test_yantai_55_lists_jinan_15_first_and_its_comparison(site_dir):
    page = soup(site_dir, "yantai-digital-economy/article-55")
    first = page.select(".ls-parallels li")[0]
    assert first.a.get_text() == "济南 第十五条" and first.a["href"] == "../../jinan-digital-economy/article-15/"
    compare = first.select_one("a.ls-compare")["href"]
    assert compare == "../../compare/jinan-digital-economy-15--yantai-digital-economy-55/"
    pair = soup(site_dir, "compare/jinan-digital-economy-15--yantai-digital-economy-55")
    rows = pair.select(".ls-compare-row")
    assert len(rows) == 2                                  # 济南's first 款 has no partner
    marked = [m.get_text() for m in rows[1].select("mark.ls-diff")]
    assert marked == ["非", "违"]                          # 非法侵入 / 违法侵入


def test_only_strong_pairs_have_a_comparison_page(site_dir):
    """Page count stays bounded on a big corpus: a weaker suggestion links to the article."""
    corpus = pipeline.load(project())
    strong = weak = 0
    for (slug, number), found in corpus.parallels.items():
        page = soup(site_dir, f"{slug}/article-{number}")
        items = page.select(".ls-parallels li")
        assert len(items) == len(found)
        for parallel, item in zip(found, items):
            pair = sorted([f"{slug}-{number}", f"{parallel.other_slug}-{parallel.other_article}"])
            exists = (site_dir / "compare" / "--".join(pair) / "index.html").exists()
            assert exists == parallel.strong == bool(item.select("a.ls-compare"))
            strong += parallel.strong
            weak += not parallel.strong
    assert strong and weak
    compared = {p.name for p in (site_dir / "compare").iterdir() if p.is_dir()}
    assert len(compared) <= strong


def test_a_standard_clause_says_so_instead_of_listing_parallels(site_dir):
    page = soup(site_dir, "yantai-digital-economy/article-62")
    section = page.select_one(".ls-parallels")
    assert not section.select("li")
    assert section.select_one(".ls-note").get_text() == "施行日期：各条例大体相同的标准条款，不列相关条款。"
    english = soup(site_dir, "en/yantai-digital-economy/article-1").select_one(".ls-parallels .ls-note")
    assert english.get_text().startswith("Purpose and basis: a standard clause")
    topics = soup(site_dir, "yantai-digital-economy/compare")
    row = next(tr for tr in topics.select("tr") if tr.td and tr.td.a.get_text() == "第六十二条")
    assert "施行日期" in row.get_text()


def test_each_ordinance_is_compared_by_topic(site_dir):
    page = soup(site_dir, "yantai-digital-economy/compare")
    assert [h.get_text() for h in page.select("article h2")][0] == "第一章\u3000总则"
    row = next(tr for tr in page.select("tr") if tr.td and tr.td.a.get_text() == "第五十五条")
    assert "济南 第十五条" in row.get_text()
    assert soup(site_dir, "yantai-digital-economy").select_one(".ls-actions a[href='compare/']")


def test_a_chapter_s_sections_are_a_list_inside_its_item_on_the_ordinance_page(fixture_site):
    """As Python-Markdown wrote the nested list: the sections' <ul> right after the
    chapter's range, inside its item."""
    site, _ = fixture_site
    html = (site / "test-data" / "index.html").read_text(encoding="utf-8")
    assert '<span class="ls-range">' in html
    assert re.search(r'第四条至第七条</span><ul>\n<li><a href="chapter-2/#chp_2__sec_1">第一节[^<]*</a></li>\n'
                     r'<li><a href="chapter-2/#chp_2__sec_2">第二节[^<]*</a></li>\n</ul>\n</li>', html)
