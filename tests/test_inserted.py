"""Inserted articles (第二十条之一), through every consumer of article numbers: the page,
its eId, URL, anchors and short forms, citations, navigation, previous/next, the full
text, the contents, search tags, references, departments, parallels and the dataset."""

import json

import jsonschema
import pytest
from bs4 import BeautifulSoup

from lawsite.publish import linkcheck

from .conftest import ROOT, SourcesTree, build_fixture_site, pagefind_pages, translate_one

SCHEMA = json.loads((ROOT / "lawsite" / "site" / "corpus.schema.json").read_text(encoding="utf-8"))

AMENDED = """\
    # 测试市测试条例

    第一章 总则

    第一条 为了测试，制定本条例。

    第二条 本条例适用于测试。

    第二条之一 市人民政府应当建立数据资源统筹协调机制，推进公共数据开放共享。

    市人民政府履行下列职责：

    （一）统筹规划数据基础设施；

    （二）监督检查。

    第二条之二 依照本条例第二条之一第二款第（一）项的规定制定规划。

    第二章 附则

    第三条 本条例自2025年1月1日起施行。
    """

OTHER = """\
    # 测试市另一条例

    第一条 为了规范另一件事，制定本条例。

    第二条 市人民政府应当建立数据资源统筹协调机制，推进公共数据开放共享。

    第三条 本条例自2026年6月1日起施行。
    """


@pytest.fixture(scope="module")
def amended(tmp_path_factory):
    """(docs, site, warnings) of a fixture corpus whose first ordinance has inserted articles."""
    root = tmp_path_factory.mktemp("inserted")
    tree = SourcesTree(root / "sources")
    tree.add(AMENDED)
    tree.add(OTHER, slug="other-ordinance", title="测试市另一条例", short_title="另一")
    translate_one(root / "no-translations", tree.root, "test-ordinance")      # the English pages exist
    site, warnings = build_fixture_site(root, tree)
    return root / "docs", site, warnings


def page(site, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def corpus(amended):
    return json.loads((amended[0] / "data" / "corpus.json").read_text(encoding="utf-8"))


def test_the_inserted_article_has_its_own_page_eid_and_anchors(amended):
    soup = page(amended[1], "test-ordinance/article-2-1")
    assert soup.select_one("h1#art_2-1").get_text(strip=True).startswith("第二条之一")
    ids = {tag["id"] for tag in soup.select("[id^=art_]")}
    assert {"art_2-1", "art_2-1__para_1", "art_2-1__para_2", "art_2-1__para_2__point_1",
            "art_2-1__para_2__point_2"} <= ids
    assert "统筹规划数据基础设施" in soup.select_one("#art_2-1__para_2__point_1").get_text()
    article_2 = page(amended[1], "test-ordinance/article-2")
    assert "art_2__para_2" not in {tag["id"] for tag in article_2.select("[id]")}   # nothing merged


def test_citations_of_an_inserted_article(amended):
    soup = page(amended[1], "test-ordinance/article-2-1")
    rows = [row.get_text(" ", strip=True) for row in soup.select(".ls-cite__text")]
    assert rows[:2] == ["《测试市测试条例》第二条之一", "Test Regulations, Article 2A (unofficial translation)"]
    pin = soup.select_one("#art_2-1__para_2__point_1 .ls-pin")
    assert pin["data-cite"] == "《测试市测试条例》第二条之一第二款第（一）项"
    assert pin["data-url"].endswith("/test-ordinance/article-2-1/#art_2-1__para_2__point_1")
    english = page(amended[1], "en/test-ordinance/article-2-1")
    assert english.select_one("h1").get_text(strip=True).startswith("Article 2A")
    assert english.select_one("#art_2-1__para_2 .ls-pin")["data-cite"] == \
        "Test Regulations, Article 2A(2) (unofficial translation)"


def test_previous_and_next_run_through_the_inserted_articles(amended):
    def neighbours(url):
        nav = page(amended[1], url).select_one(".ls-prevnext")
        return [a["href"] for a in nav.select("a")]
    assert neighbours("test-ordinance/article-2") == ["../article-1/", "../article-2-1/"]
    assert neighbours("test-ordinance/article-2-1") == ["../article-2/", "../article-2-2/"]
    assert neighbours("test-ordinance/article-3") == ["../article-2-2/"]


def test_short_forms_redirect_to_the_inserted_article(amended):
    docs, site, _ = amended
    redirects = json.loads((docs / ".redirects.yml").read_text(encoding="utf-8"))
    assert redirects["test-ordinance/2-1.md"] == "test-ordinance/article-2-1.md"
    assert redirects["test-ordinance/第二条之一.md"] == "test-ordinance/article-2-1.md"
    for short in ("2-1", "第二条之一"):
        assert "article-2-1/" in (site / "test-ordinance" / short / "index.html").read_text(encoding="utf-8")


def test_navigation_contents_and_full_text_list_it_in_order(amended):
    docs, site, _ = amended
    nav = json.loads((docs / ".nav.yml").read_text(encoding="utf-8"))
    [ordinance] = [entry["测试市测试条例"] for entry in nav if "测试市测试条例" in entry]
    chapter = ordinance[1]["第一章\u3000总则"]
    assert chapter[1:] == [{"第一条": "test-ordinance/article-1.md"}, {"第二条": "test-ordinance/article-2.md"},
                           {"第二条之一": "test-ordinance/article-2-1.md"},
                           {"第二条之二": "test-ordinance/article-2-2.md"}]
    ranges = [r.get_text() for r in page(site, "test-ordinance").select(".ls-range")]
    assert ranges == ["第一条至第二条之二", "第三条"]
    listed = [a.get_text() for a in page(site, "test-ordinance/chapter-1").select(".ls-articles a")]
    assert listed == ["第一条", "第二条", "第二条之一", "第二条之二"]
    full = page(site, "test-ordinance/full-text")
    assert [s["id"] for s in full.select("section.ls-article")] == ["art_1", "art_2", "art_2-1", "art_2-2", "art_3"]


def test_search_tags_of_an_inserted_article(amended):
    """The label forms people type, indexed with the article (the hosted site's Pagefind)."""
    pages = pagefind_pages(amended[1])
    words = pages["/test-ordinance/article-2-1/"]["content"].replace("\u200b", "")
    assert words.startswith("测试 第二条之一 第2条之一 2条之一 第２条之一 ２条之一 ")
    assert pages["/test-ordinance/article-2-1/"]["meta"]["title"].startswith("第二条之一 · ")
    ordinary = pages["/test-ordinance/article-2/"]["content"].replace("\u200b", "")
    assert ordinary.startswith("测试 第二条 第2条 2条 第２条 ２条 ")


def test_a_reference_to_an_inserted_article_links_to_it(amended, corpus):
    [reference] = corpus["references"]["test-ordinance"]["art_2-2__para_1"]
    assert (reference["text"], reference["kind"], reference["target"]) == (
        "本条例第二条之一第二款第（一）项", "internal", "art_2-1__para_2__point_1")
    link = page(amended[1], "test-ordinance/article-2-2").select_one("#art_2-2__para_1 a.ls-ref")
    assert link["href"] == "../article-2-1/#art_2-1__para_2__point_1"


def test_departments_and_parallels_know_the_inserted_article(amended, corpus):
    assert corpus["actors"]["test-ordinance"]["2-1"]["acting"][0]["eid"] == "art_2-1__para_1"
    department = page(amended[1], "departments/municipal-government")
    assert "../../test-ordinance/article-2-1/#art_2-1__para_1" in [a["href"] for a in department.select("a")]
    [parallel] = [p for p in corpus["parallels"]["test-ordinance"]["2-1"] if p["ordinance"] == "other-ordinance"]
    assert parallel["article"] == 2
    assert "2-1" in [p["article"] for p in corpus["parallels"]["other-ordinance"]["2"]]
    compare = page(amended[1], "compare/other-ordinance-2--test-ordinance-2-1")
    assert "第二条之一" in compare.select_one("h1").get_text()


def test_the_dataset_records_inserted_articles(corpus):
    jsonschema.validate(corpus, SCHEMA)
    ordinance = next(o for o in corpus["ordinances"] if o["slug"] == "test-ordinance")
    article = ordinance["articles"][2]
    assert {k: article[k] for k in ("number", "inserted", "label", "eid", "chapter", "url")} == {
        "number": 2, "inserted": 1, "label": "第二条之一", "eid": "art_2-1", "chapter": 1,
        "url": "test-ordinance/article-2-1/"}
    assert "inserted" not in ordinance["articles"][1]
    assert ordinance["chapters"][0]["articles"] == [1, 2, "2-1", "2-2"]


def test_the_site_with_inserted_articles_has_no_broken_link(amended):
    assert linkcheck.check(amended[1], "https://lawsite.example.org/").broken == []
