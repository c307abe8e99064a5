"""The built site: every page the corpus calls for, every eId as an element id,
small pages, and byte-identical rebuilds."""

import json

import pytest
from bs4 import BeautifulSoup

from ..conftest import OFFLINE, build_site_into


def html(site_dir, url: str) -> BeautifulSoup:
    return BeautifulSoup((site_dir / url / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def corpus(built):
    return json.loads((built[0] / "data" / "corpus.json").read_text(encoding="utf-8"))


def pages(site_dir, pattern: str) -> set[str]:
    return {p.parent.relative_to(site_dir).as_posix() + "/" for p in site_dir.glob(pattern)}


def test_one_page_per_article_chapter_ordinance_and_full_text(site_dir, corpus):
    ordinances = corpus["ordinances"]
    assert pages(site_dir, "*/article-*/index.html") == {a["url"] for o in ordinances for a in o["articles"]}
    assert pages(site_dir, "*/chapter-*/index.html") == {c["url"] for o in ordinances for c in o["chapters"]}
    assert pages(site_dir, "*/full-text/index.html") == {o["url"] + "full-text/" for o in ordinances}
    assert {p.parent.name + "/" for p in site_dir.glob("*/index.html") if (p.parent / "full-text").is_dir()} \
        == {o["url"] for o in ordinances}
    launch = {o["slug"]: (len(o["articles"]), len(o["chapters"])) for o in ordinances
              if o["slug"] in ("jinan-digital-economy", "yantai-digital-economy")}
    assert launch == {"jinan-digital-economy": (60, 7), "yantai-digital-economy": (62, 10)}


def test_every_eid_is_an_element_id_on_its_article_page_and_the_full_text(site_dir, corpus):
    checked = 0
    for ordinance in corpus["ordinances"]:
        full_text = {tag["id"] for tag in html(site_dir, f"{ordinance['slug']}/full-text").select("[id]")}
        for article in ordinance["articles"]:
            page = {tag["id"] for tag in html(site_dir, article["url"]).select("[id]")}
            eids = [article["eid"]] + [p["eid"] for p in article["paragraphs"]] + \
                [i["eid"] for p in article["paragraphs"] for i in p["items"]]
            for eid in eids:
                assert eid in page, (article["url"], eid)
                assert eid in full_text, (ordinance["slug"], eid)
                checked += 1
        for chapter in ordinance["chapters"]:
            assert chapter["eid"] in full_text
    assert checked == sum(1 + len(a["paragraphs"]) + sum(len(p["items"]) for p in a["paragraphs"])
                          for o in corpus["ordinances"] for a in o["articles"])
    assert checked > 122


def test_article_page_structure(site_dir):
    page = html(site_dir, "yantai-digital-economy/article-28")
    assert page.h1.get_text(strip=True) == "第二十八条" and page.h1["id"] == "art_28"
    crumbs = [a.get_text() for a in page.select("nav.ls-crumbs a")]
    assert crumbs == ["烟台市数字经济促进条例", "第四章\u3000数据要素价值化"]
    paragraphs = page.select("p.ls-para")
    assert [p["id"] for p in paragraphs] == [f"art_28__para_{k}" for k in range(1, 5)]
    assert paragraphs[2].get_text().startswith("数据交易平台运营者应当制定数据交易")
    pins = [a["href"] for a in page.select("a.ls-pin")]
    assert pins == [f"#art_28__para_{k}" for k in range(1, 5)]
    assert page.select_one(".ls-prev a")["href"] == "../article-27/"
    assert page.select_one(".ls-next a")["href"] == "../article-29/"
    assert page.select_one(".ls-fulltext-link a")["href"] == "../full-text/#art_28"
    assert page.title.get_text() == "第二十八条｜烟台市数字经济促进条例 - 地方性法规"


def test_first_and_last_articles_link_only_inward(site_dir):
    assert html(site_dir, "jinan-digital-economy/article-1").select_one(".ls-prev") is None
    assert html(site_dir, "jinan-digital-economy/article-60").select_one(".ls-next") is None


def test_chapter_page_lists_its_articles_with_a_preview(site_dir):
    page = html(site_dir, "yantai-digital-economy/chapter-4")
    links = [(a.get_text(), a["href"]) for a in page.select(".ls-articles li > a")]
    assert links == [(f"第二十{n}条", f"../article-{20 + i}/") for n, i in
                     zip("五六七八九", range(5, 10))]
    assert page.select(".ls-preview")[0].get_text().startswith("市、区（市）人民政府")


def test_ordinance_page_has_metadata_and_contents(site_dir):
    page = html(site_dir, "jinan-digital-economy")
    text = page.get_text()
    for fact in ("济南市人民代表大会常务委员会", "2024年10月22日", "山东省人民代表大会常务委员会",
                 "2024年11月20日", "2025年1月1日", "现行有效"):
        assert fact in text
    chapters = [a["href"] for a in page.select("article a[href*=chapter-]")]
    assert chapters == [f"chapter-{n}/" for n in range(1, 8)]


def test_navigation_is_pruned_not_embedded_whole(site_dir):
    """An article page carries only its own ordinance's branch of the navigation."""
    page = html(site_dir, "yantai-digital-economy/article-28")
    nav_links = {a["href"] for a in page.select("nav.md-nav--primary a[href]")}
    assert "../article-27/" in nav_links                      # own chapter's articles
    assert not any("jinan-digital-economy/article" in href for href in nav_links)
    assert not any("article-1/" == href.split("../")[-1] for href in nav_links)   # other chapters closed


def text_bytes(article: dict) -> int:
    """The bytes of an article's own text (UTF-8): its 款, 项 and 目 with their labels."""
    parts = [p["text"] for p in article["paragraphs"]]
    parts += [i["label"] + i["text"] for p in article["paragraphs"] for i in p["items"]]
    parts += [s["label"] + s["text"] for p in article["paragraphs"] for i in p["items"] for s in i["subitems"]]
    return len("".join(parts).encode("utf-8"))


def test_what_the_site_adds_to_an_article_is_under_40_kb(site_dir, corpus):
    """The page budget measures the site's own weight (navigation, head, links, related
    provisions): the page's bytes minus the article's text, however long the article."""
    added = sorted(((site_dir / a["url"] / "index.html").stat().st_size - text_bytes(a), a["url"])
                   for o in corpus["ordinances"] for a in o["articles"])
    assert added[-1][0] < 40_000, added[-1]


def test_the_budget_does_not_count_the_article_s_own_text():
    article = {"paragraphs": [{"text": "甲" * 10, "items": [{"label": "（一）", "text": "乙", "subitems": []}]}]}
    assert text_bytes(article) == 3 * (10 + 3 + 1)


def test_two_builds_are_byte_identical(site_dir, tmp_path):
    _, again = build_site_into(tmp_path)
    first = sorted(p.relative_to(site_dir) for p in site_dir.rglob("*") if p.is_file())
    second = sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    assert first == second
    for path in first:
        assert (site_dir / path).read_bytes() == (again / path).read_bytes(), path


def test_the_offline_bundle_is_reproducible(built, bundle, tmp_path):
    from lawsite.publish import publish
    again = publish.build_bundle(tmp_path / "again.zip", OFFLINE, built[0], tmp_path / "offline")
    assert again.read_bytes() == bundle.read_bytes()
