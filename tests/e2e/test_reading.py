"""A reader's way through the site, in a real browser."""

from .conftest import screenshot


def test_from_home_to_yantai_article_28_and_around(page, base_url):
    page.goto(base_url)
    page.locator("article").get_by_role("link", name="烟台市数字经济促进条例").click()
    page.locator("article").get_by_role("link", name="第四章\u3000数据要素价值化").click()
    page.locator("article").get_by_role("link", name="第二十八条").click()
    assert page.url == base_url + "yantai-digital-economy/article-28/"
    assert page.locator("h1").inner_text() == "第二十八条"
    assert page.locator("#art_28__para_1").inner_text().startswith(
        "市、区（市）人民政府及其有关部门应当依法推进数据资源市场化交易")
    crumbs = page.locator("nav.ls-crumbs a")
    assert crumbs.all_inner_texts() == ["烟台市数字经济促进条例", "第四章\u3000数据要素价值化"]
    screenshot(page, "yantai-article-28-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot(page, "yantai-article-28-390")
    page.set_viewport_size({"width": 1280, "height": 900})

    page.locator(".ls-prev a").click()
    assert page.locator("h1").inner_text() == "第二十七条"
    page.go_back()
    page.locator(".ls-next a").click()
    assert page.locator("h1").inner_text() == "第二十九条"
    crumbs.first.click()
    assert page.url == base_url + "yantai-digital-economy/"


def test_jinan_article_14_ends_with_its_page_break_fragment(page, base_url):
    page.goto(base_url + "jinan-digital-economy/article-14/")
    text = page.locator("#art_14__para_1").evaluate(
        "e => [...e.childNodes].filter(n => !n.classList?.contains('ls-pin'))"
        ".map(n => n.textContent).join('')")
    assert text.endswith("数字化、网络化、智能化改造。")
    assert page.locator("p.ls-para").count() == 1
    screenshot(page, "jinan-article-14-1280")


def test_pilcrow_appears_on_focus_and_links_to_its_paragraph(page, base_url):
    page.goto(base_url + "yantai-digital-economy/article-28/")
    pin = page.locator("#art_28__para_3 a.ls-pin")
    assert float(pin.evaluate("e => getComputedStyle(e).opacity")) == 0
    pin.focus()
    page.wait_for_timeout(300)                          # the fade-in transition
    assert float(pin.evaluate("e => getComputedStyle(e).opacity")) == 1
    pin.click()
    assert page.url.endswith("#art_28__para_3")
    assert page.locator("#art_28__para_3").evaluate("e => e.matches(':target')")


def test_full_text_and_back(page, base_url):
    page.goto(base_url + "yantai-digital-economy/article-28/")
    page.locator(".ls-fulltext-link a").click()
    assert page.url.endswith("yantai-digital-economy/full-text/#art_28")
    assert page.locator("#art_28 .ls-label").inner_text() == "第二十八条"
    page.locator("#art_28 .ls-label a").click()
    assert page.url == base_url + "yantai-digital-economy/article-28/"
    page.goto(base_url + "jinan-digital-economy/full-text/")
    screenshot(page, "jinan-full-text-1280")


def test_the_sidebar_holds_a_long_chapter_in_groups_and_marks_the_page(page, base_url):
    """济南's 第六章 has 17 articles: shown as 第四十三条–第五十二条 and 第五十三条–第五十九条
    (lawsite/mkdocs/navview.py), the page's own group open, its link aria-current."""
    page.goto(base_url + "jinan-digital-economy/article-47/")
    sidebar = page.locator(".md-sidebar--primary")
    current = sidebar.locator('a[aria-current="page"]')
    assert current.count() == 1 and current.inner_text().strip() == "第四十七条"
    group = sidebar.locator("nav.md-nav[aria-expanded=true]").filter(has=page.locator('a[aria-current="page"]')).last
    assert group.locator(".md-nav__title").first.inner_text().strip() == "第四十三条–第五十二条"
    assert sidebar.get_by_role("link", name="第五十三条–第五十九条").count() == 1      # the other group, closed
    links = [link.inner_text().strip() for link in group.locator("a.md-nav__link").all()
             if not (link.get_attribute("href") or "").startswith("#")]       # (not the page's own contents)
    assert links == [f"第{n}条" for n in ("四十三", "四十四", "四十五", "四十六", "四十七", "四十八", "四十九", "五十", "五十一", "五十二")]
    screenshot(page, "jinan-article-47-sidebar-1280")
    page.locator(".ls-next a").click()                      # the page after still follows every article
    assert page.locator("h1").inner_text() == "第四十八条"
