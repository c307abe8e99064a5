"""Switching languages in a real browser lands on the same page."""

from .conftest import screenshot


def switch_to(page, name: str):
    page.locator(".md-select button").hover()
    page.locator(".md-select__link", has_text=name).click()


def test_an_untranslated_article_in_english_shows_the_fallback_and_back(page, partial_base_url):
    base_url = partial_base_url
    page.goto(base_url + "yantai-digital-economy/article-28/")
    switch_to(page, "English")
    page.wait_for_url(base_url + "en/yantai-digital-economy/article-28/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Article 28"
    assert "official Chinese text is shown" in page.locator(".ls-notice--fallback").inner_text()
    assert page.locator("#art_28__para_1").get_attribute("lang") == "zh-CN"
    screenshot(page, "en-yantai-article-28-1280")
    switch_to(page, "中文")
    page.wait_for_url(base_url + "yantai-digital-economy/article-28/")
    assert page.locator("h1").inner_text() == "第二十八条"


def test_article_1_in_english_and_side_by_side(page, base_url):
    page.goto(base_url + "yantai-digital-economy/article-1/")
    switch_to(page, "English")
    page.wait_for_url(base_url + "en/yantai-digital-economy/article-1/")
    text = page.locator("#art_1__para_1").inner_text()
    assert text.startswith("These Regulations are formulated")
    assert page.locator(".ls-notice--fallback").count() == 0
    page.locator("details.ls-bilingual summary").click()
    pair = page.locator("details.ls-bilingual .ls-pair").nth(1)
    assert pair.locator("p[lang=zh-CN]").inner_text().startswith("为了促进数字经济高质量发展")
    assert pair.locator("p[lang=en]").inner_text().startswith("These Regulations are formulated")
    screenshot(page, "en-yantai-article-1-side-by-side-1280")
    switch_to(page, "中文")
    page.wait_for_url(base_url + "yantai-digital-economy/article-1/")


def test_language_switch_on_the_home_and_chapter_pages(page, base_url):
    page.goto(base_url + "jinan-digital-economy/chapter-3/")
    switch_to(page, "English")
    page.wait_for_url(base_url + "en/jinan-digital-economy/chapter-3/")
    assert page.locator("h1").inner_text().startswith("Chapter III")
    page.goto(base_url)
    switch_to(page, "English")
    page.wait_for_url(base_url + "en/")
