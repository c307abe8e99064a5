"""Every article page says which law it is, on screen and in print; printing prints the
law (title, 题注, chapters, articles, the citation and the URL), not the site."""

import pytest

from .conftest import screenshot

SITE_ONLY = (".md-header", ".md-sidebar--primary", ".md-footer", ".ls-chips", ".ls-parallels",
             ".ls-prevnext", ".ls-crumbs", ".ls-cite .ls-copy")


def visible(page, selector: str) -> bool:
    return page.locator(selector).first.is_visible()


@pytest.mark.parametrize("lang, title, facts", [
    ("", "烟台市数字经济促进条例", ["现行有效", "施行日期 2025年1月1日", "2024年10月22日文本"]),
    ("en/", "Regulations of Yantai Municipality on Promoting the Digital Economy",
     ["In force", "Effective date 2025-01-01", "text of 2024-10-22"])])
def test_an_article_page_says_which_law_it_is_on_screen_and_in_print(page, base_url, lang, title, facts):
    page.goto(base_url + lang + "yantai-digital-economy/article-28/")
    header = page.locator(".ls-law")
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        assert header.locator(".ls-law__title").inner_text() == title
        assert header.locator(".ls-law__fact").all_inner_texts() == facts
        box = header.bounding_box()
        assert box and box["y"] < page.locator("h1").bounding_box()["y"]   # above the article's heading
        screenshot(page, f"print-header-{lang.strip('/') or 'zh'}-{width}")
    header.locator(".ls-law__title a").click()
    assert page.url == base_url + lang + "yantai-digital-economy/"


@pytest.mark.parametrize("lang", ["", "en/"])
def test_a_printed_article_is_the_law_with_its_citation_not_the_site(page, base_url, lang):
    page.goto(base_url + lang + "yantai-digital-economy/article-28/")
    assert all(visible(page, selector) for selector in (".ls-chips", ".ls-parallels", ".ls-prevnext"))
    page.emulate_media(media="print")
    screenshot(page, f"print-article-{lang.strip('/') or 'zh'}")
    for selector in SITE_ONLY:
        assert not visible(page, selector), selector
    assert visible(page, ".ls-law") and visible(page, "h1") and visible(page, "#art_28__para_4")
    cite = page.locator(".ls-cite")
    assert cite.is_visible()
    if lang:                          # the closed side-by-side box would print as an empty frame
        assert not visible(page, "details.ls-bilingual")
    assert "https://lawsite.example.org/yantai-digital-economy/article-28/" in cite.inner_text()


def test_a_printed_full_text_has_title_history_chapters_articles_citation_and_url(page, base_url):
    page.goto(base_url + "yantai-digital-economy/full-text/")
    source = page.locator(".ls-print-source")
    assert not source.is_visible()                       # on screen: the page itself is the link
    page.emulate_media(media="print")
    screenshot(page, "print-full-text")
    assert page.locator("h1").inner_text() == "烟台市数字经济促进条例"
    assert page.locator(".ls-history").is_visible()
    assert page.locator("h2.ls-chapter").count() == 10 and page.locator("h2.ls-chapter").first.is_visible()
    assert page.locator("section.ls-article").count() == 62
    assert page.locator("h1").evaluate("e => getComputedStyle(e).textAlign") == "center"
    assert source.is_visible()
    assert source.inner_text() == ("引用：《烟台市数字经济促进条例》\u3000"
                                   "https://lawsite.example.org/yantai-digital-economy/full-text/")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".ls-crumbs", ".ls-pin"):
        assert not visible(page, selector), selector
