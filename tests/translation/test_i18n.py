"""Languages: translation files, fallbacks, coverage, and the two trees of the site."""

import dataclasses
import json
import shutil

import pytest
import yaml
from bs4 import BeautifulSoup

import build_corpus
from lawsite import pipeline as build
from lawsite.core.errors import SourceError
from lawsite.translation import i18n

from ..conftest import LABELS, ROOT, project


@pytest.fixture(scope="module")
def corpus():
    return build.load(project())


def test_label_files_have_the_same_keys():
    zh = yaml.safe_load((LABELS / "zh.yml").read_text(encoding="utf-8"))
    en = yaml.safe_load((LABELS / "en.yml").read_text(encoding="utf-8"))
    assert set(zh) == set(en)


@pytest.mark.parametrize("slug", ["yantai-digital-economy", "jinan-digital-economy"])
def test_the_launch_ordinances_are_translated_completely(corpus, slug):
    en = corpus.languages[1]
    ordinance = next(o for o in corpus.ordinances if o.slug == slug)
    covered = i18n.coverage(ordinance, en.translations[slug])
    assert covered.articles == covered.total_articles and covered.percent == 100.0
    assert set(en.translations[slug].text) == i18n.element_eids(ordinance)    # chapters too


def test_fallback_is_the_official_text_marked_chinese(corpus):
    en = corpus.languages[1]
    yantai = next(o for o in corpus.ordinances if o.slug == "yantai-digital-economy")
    assert en.text(yantai, "art_1__para_1", "原文")[1] == "en"
    translated = en.translations["yantai-digital-economy"]
    partial = i18n.Language("en", en.labels, {yantai.slug: dataclasses.replace(
        translated, text={eid: t for eid, t in translated.text.items() if eid != "art_28__para_1"})})
    assert partial.text(yantai, "art_28__para_1", "原文") == ("原文", "zh-CN")
    assert en.heading(yantai, yantai.chapter(4)) == ("Chapter IV Realizing the Value of Data Factors", "en")
    assert en.article_label(yantai.article(28)) == "Article 28"


def translations_with(tmp_path, slug: str, text: str):
    directory = tmp_path / "translations"
    shutil.copytree(ROOT / "translations", directory)
    (directory / "en" / f"{slug}.yml").write_text(text, encoding="utf-8")
    return directory


def test_unknown_eid_fails_the_build_naming_file_and_key(tmp_path):
    directory = translations_with(tmp_path, "yantai-digital-economy",
                                  "status: unofficial\ntext:\n  chp_1: General Provisions\n"
                                  "  art_99__para_1: There is no such article.\n")
    with pytest.raises(SourceError) as caught:
        build.load(project(ROOT / "sources", directory))
    error = caught.value
    assert error.path.endswith("en/yantai-digital-economy.yml") and error.line == 4
    assert "unknown eId 'art_99__para_1'" in str(error)


@pytest.mark.parametrize("entry, problem", [
    ("  art_1__para_1:\n", "must be non-empty text, not None"),
    ("  art_1__para_1: [a, b]\n", "must be non-empty text, not ['a', 'b']"),
    ("  art_1__para_1: {x: y}\n", "must be non-empty text"),
])
def test_malformed_entry_fails_the_build_naming_file_and_key(tmp_path, entry, problem):
    directory = translations_with(tmp_path, "jinan-digital-economy", "text:\n" + entry)
    with pytest.raises(SourceError) as caught:
        build.load(project(ROOT / "sources", directory))
    assert caught.value.line == 2 and "art_1__para_1" in str(caught.value) and problem in str(caught.value)


@pytest.mark.parametrize("text, line, problem", [
    ("status: draft\ntext: {}\n", 1, "status must be one of unofficial, official, not 'draft'"),
    ("date: 2026-12-01\ndate2: x\n", 2, "unknown key 'date2' (expected status, translator, date, note, text)"),
    ("text: {}\ndate: '2026-12-01'\n", 2, "`date` must be a date (YYYY-MM-DD), not '2026-12-01'"),
    ("text: [a]\n", 1, "`text` must map eIds to translations"),
    ("- text\n", 1, "a translation file is a mapping with `text:`"),
])
def test_a_malformed_translation_file_is_refused_by_its_schema_at_the_line(tmp_path, text, line, problem):
    directory = translations_with(tmp_path, "jinan-digital-economy", text)
    with pytest.raises(SourceError) as caught:
        build.load(project(ROOT / "sources", directory))
    assert caught.value.line == line and problem in str(caught.value)


def test_translation_for_an_unknown_ordinance(tmp_path):
    directory = translations_with(tmp_path, "no-such-ordinance", "text: {}\n")
    with pytest.raises(SourceError) as caught:
        build.load(project(ROOT / "sources", directory))
    assert "no ordinance has the slug 'no-such-ordinance'" in str(caught.value)


def test_build_reports_coverage(tmp_path, capsys):
    assert build_corpus.main(["--docs", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "en translation of yantai-digital-economy: 62 of 62 articles (0 partly), 6460 of 6460 characters (100.0%)" in out


# -- the two trees in the built site -------------------------------------------------------

def soup(site_dir, url):
    return BeautifulSoup((site_dir / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_same_pages_in_both_trees(built):
    """Every page of an ordinance (its own, its chapters, articles and full text) is in
    both trees: as many as the corpus has, whichever ordinances it holds."""
    docs, site_dir = built
    corpus = json.loads((docs / "data" / "corpus.json").read_text(encoding="utf-8"))
    expected = {url for o in corpus["ordinances"]
                for url in [o["url"], o["url"] + "full-text/"] + [c["url"] for c in o["chapters"]]
                + [a["url"] for a in o["articles"]]}
    zh = {p.parent.relative_to(site_dir).as_posix() + "/" for p in site_dir.glob("*/**/index.html")}
    en = {p.parent.relative_to(site_dir / "en").as_posix() + "/" for p in (site_dir / "en").glob("*/**/index.html")}
    assert expected <= zh and expected <= en
    launch = {url for url in expected if url.startswith(("jinan-digital-economy/", "yantai-digital-economy/"))}
    assert len(launch) == 143


@pytest.mark.parametrize("url, lang", [("", "zh-CN"), ("yantai-digital-economy/article-28", "zh-CN"),
                                       ("en", "en"), ("en/yantai-digital-economy/article-28", "en"),
                                       ("en/about", "en")])
def test_html_lang_and_hreflang_alternates(site_dir, url, lang):
    page = soup(site_dir, url)
    assert page.html["lang"] == lang
    alternates = {link["hreflang"]: link["href"] for link in page.find_all("link", rel="alternate")}
    bare = url.removeprefix("en").strip("/")
    bare = bare + "/" if bare else ""
    assert alternates == {"zh-CN": f"https://lawsite.example.org/{bare}",
                          "en": f"https://lawsite.example.org/en/{bare}"}


def test_english_page_uses_english_theme_strings_and_labels(site_dir):
    page = soup(site_dir, "en/yantai-digital-economy/article-28")
    translated = page.select_one("#art_28__para_1")
    assert not translated.has_attr("lang") and translated.get_text().startswith("The municipal people's government")
    zh = soup(site_dir, "yantai-digital-economy/article-28")
    assert zh.select_one("input.md-search__input")["placeholder"] == "搜索"


def test_an_untranslated_article_shows_the_official_text_marked_chinese(partial_site):
    page = soup(partial_site, "en/yantai-digital-economy/article-28")
    assert page.select_one("input.md-search__input")["placeholder"] == "Search"
    assert page.select_one(".md-header__topic").get_text(strip=True) == "Chinese Local Regulations"
    assert page.h1.get_text() == "Article 28"
    assert [a.get_text() for a in page.select("nav.ls-crumbs a")] == [
        "Regulations of Yantai Municipality on Promoting the Digital Economy",
        "Chapter IV Realizing the Value of Data Factors"]
    fallback = page.select_one("#art_28__para_1")
    assert fallback["lang"] == "zh-CN" and fallback.has_attr("data-pagefind-ignore")   # left out of search
    assert "not yet available" in page.select_one(".ls-notice--fallback").get_text()


def test_english_navigation_is_the_english_tree(site_dir):
    page = soup(site_dir, "en/yantai-digital-economy/article-28")
    links = [a.get_text(strip=True) for a in page.select("nav.md-nav--primary > ul > li > a, "
                                                          "nav.md-nav--primary > ul > li > label")]
    assert "Home" in links and not any("烟台" in text for text in links)


def test_ordinance_page_shows_translation_coverage(site_dir, partial_site):
    page = soup(site_dir, "en/yantai-digital-economy")
    assert "62 of 62 articles translated (100.0% of the text)" in page.select_one(".ls-coverage").get_text()
    page = soup(partial_site, "en/yantai-digital-economy")
    assert "61 of 62 articles translated (9" in page.select_one(".ls-coverage").get_text()


# -- every translated page says it is unofficial ---------------------------------------------

def test_every_english_page_and_no_chinese_page_says_the_translation_is_unofficial(site_dir):
    english = sorted((site_dir / "en").rglob("*.html"))
    assert english
    for path in english:
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        if page.find("meta", attrs={"http-equiv": "refresh"}):
            continue                                         # a redirect, not a page
        banner = page.select_one(".md-banner .ls-unofficial")
        assert banner and "Unofficial English translation" in banner.get_text(), path
    for path in site_dir.glob("*/index.html"):
        if not path.is_relative_to(site_dir / "en"):
            assert "ls-unofficial" not in path.read_text(encoding="utf-8"), path


def test_the_english_citation_cites_an_unofficial_translation_of_its_date(site_dir):
    for url in ("en/yantai-digital-economy/article-1", "yantai-digital-economy/article-1"):
        rows = {row.dt.get_text(): row.select_one(".ls-cite__text").get_text()
                for row in soup(site_dir, url).select(".ls-cite__row")}
        assert rows["English"] == ("Regulations of Yantai Municipality on Promoting the Digital Economy, "
                           "Article 1 (unofficial translation of 2026-12-01)")
    pin = soup(site_dir, "en/yantai-digital-economy/article-1").select_one("#art_1__para_1 .ls-pin")
    assert pin["data-cite"].endswith("Article 1 (unofficial translation of 2026-12-01)")
    notice = soup(site_dir, "en/yantai-digital-economy").select_one(".ls-notice").get_text()
    assert "unofficial" in notice and "Translation of 2026-12-01." in notice

