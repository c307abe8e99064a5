"""The department index on the built site and in the data."""

import json

from bs4 import BeautifulSoup

import build_corpus

from ..conftest import ROOT, corpus_args


def soup(site_dir, url):
    return BeautifulSoup((site_dir / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_article_page_has_chips_of_its_actors(site_dir):
    page = soup(site_dir, "yantai-digital-economy/article-14")
    chips = [(a.get_text(), a["href"]) for a in page.select("nav.ls-chips a.ls-chip")]
    assert chips == [("大数据部门", "../../departments/big-data/")]
    chips = [a.get_text() for a in soup(site_dir, "jinan-digital-economy/article-20").select("a.ls-chip")]
    assert chips == ["发展改革部门", "工业和信息化部门", "科学技术部门"]


def test_department_page_lists_each_ordinance_with_sentence_and_modality(launch_built):
    page = soup(launch_built[1], "departments/big-data")      # the launch texts, whatever else sources/ holds
    assert page.h1.get_text() == "大数据部门"
    sections = [h2.get_text() for h2 in page.select("article h2")]
    assert sections == ["济南市数字经济促进条例", "烟台市数字经济促进条例"]
    first = page.select(".ls-provisions li")[0]
    assert first.a["href"] == "../../jinan-digital-economy/article-5/#art_5__para_3"
    assert first.select_one(".ls-modality").get_text() == "职责"
    assert first.select_one(".ls-sentence").get_text().startswith("市大数据部门负责协调推进数字基础设施布局建设")


def test_mentioned_only_is_kept_apart(site_dir):
    page = soup(site_dir, "departments/municipal-government")
    assert page.select_one("#jinan-digital-economy-mentioned") is not None


def test_overview_matrix_counts_and_links(site_dir):
    page = soup(site_dir, "departments")
    header = [th.get_text() for th in page.select("table tr")[0].select("th")]
    row = next(tr for tr in page.select("table tr") if tr.td and tr.td.get_text() == "大数据部门")
    cells = dict(zip(header, [td.get_text() for td in row.select("td")]))
    assert (cells["济南"], cells["烟台"]) == ("10", "9")            # the launch texts, whatever else
    counts = [int(v) for k, v in cells.items() if k not in ("", header[-1]) and v.isdigit()]
    assert int(cells[header[-1]]) == sum(counts)                   # the total of the row
    jinan = row.select("td")[header.index("济南")]
    assert jinan.a["href"] == "big-data/#jinan-digital-economy"


def test_english_department_pages(site_dir):
    page = soup(site_dir, "en/departments/big-data")
    assert page.h1.get_text() == "Big Data Bureau"
    assert page.select_one(".ls-provisions li a").get_text() == "Article 5(3)"       # its 款
    assert [a.get_text() for a in soup(site_dir, "en/yantai-digital-economy/article-14").select("a.ls-chip")] \
        == ["Big Data Bureau"]


def test_departments_in_the_data(built):
    corpus = json.loads((built[0] / "data" / "corpus.json").read_text(encoding="utf-8"))
    assert {d["slug"] for d in corpus["departments"]} >= {"big-data", "municipal-government"}
    record = corpus["actors"]["yantai-digital-economy"]["14"]
    found = record["acting"]
    assert found == [{"actor": "big-data", "modality": "duty", "eid": "art_14__para_1",
                      "sentence": found[0]["sentence"]}]
    assert found[0]["sentence"].startswith("大数据等部门应当引导和支持数据要素产业的发展")
    assert record["modalities"] == ["duty"]


def test_build_warns_of_unknown_department_phrases(sources_tree, tmp_path, capsys):
    sources_tree.add("第一条 市卫生健康委员会等部门应当推进智慧医疗。\n")
    (sources_tree.root / "departments.yml").write_text(
        (ROOT / "sources" / "departments.yml").read_text(encoding="utf-8"), encoding="utf-8")
    assert build_corpus.main(corpus_args(sources_tree.root, tmp_path / "docs")) == 0
    err = capsys.readouterr().err
    assert "warning:" in err and "test-ordinance.txt:1:" in err and "市卫生健康委员会" in err
