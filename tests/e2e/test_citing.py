"""Copying citations in a real browser: the clipboard holds exactly the string."""

import datetime

import pytest

BASE = "https://lawsite.example.org/"


@pytest.fixture
def clipboard_page(browser_context, page, base_url):
    browser_context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    yield page
    browser_context.clear_permissions()


def clipboard(page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def test_copy_buttons_of_the_citation_box(clipboard_page, base_url):
    page = clipboard_page
    page.goto(base_url + "yantai-digital-economy/article-28/")
    buttons = page.locator(".ls-cite button.ls-copy")
    buttons.nth(0).click()
    assert clipboard(page) == "《烟台市数字经济促进条例》第二十八条"
    assert page.locator(".md-dialog").inner_text() != ""
    buttons.nth(1).click()
    assert clipboard(page) == (
        "Regulations of Yantai Municipality on Promoting the Digital Economy, Article 28 "
        "(unofficial translation of 2026-12-01)")
    buttons.nth(2).click()
    today = page.evaluate("(() => { const d = new Date(); return d.getFullYear() + '-' + "
                          "String(d.getMonth() + 1).padStart(2, '0') + '-' + "
                          "String(d.getDate()).padStart(2, '0'); })()")
    assert datetime.date.fromisoformat(today)
    assert clipboard(page) == (
        f"烟台市人民代表大会常务委员会. 烟台市数字经济促进条例[EB/OL]. [{today}]. "
        f"{BASE}yantai-digital-economy/article-28/.")
    assert f"[{today}]" in page.locator(".ls-cite__text").nth(2).inner_text()


def test_pilcrow_copies_the_pinpoint_citation_with_its_url(clipboard_page, base_url):
    page = clipboard_page
    page.goto(base_url + "yantai-digital-economy/article-28/")
    page.locator("#art_28__para_3").hover()
    page.locator("#art_28__para_3 a.ls-pin").click()
    assert clipboard(page) == ("《烟台市数字经济促进条例》第二十八条第三款 "
                               f"{BASE}yantai-digital-economy/article-28/#art_28__para_3")
    assert page.url.endswith("#art_28__para_3")


def test_pilcrow_on_the_full_text_cites_the_article_page(clipboard_page, base_url):
    page = clipboard_page
    page.goto(base_url + "jinan-digital-economy/full-text/")
    page.locator("#art_15__para_2").hover()
    page.locator("#art_15__para_2 a.ls-pin").click()
    assert clipboard(page) == ("《济南市数字经济促进条例》第十五条第二款 "
                               f"{BASE}jinan-digital-economy/article-15/#art_15__para_2")


@pytest.mark.parametrize("short", ["yantai-digital-economy/28/",
                                   "yantai-digital-economy/%E7%AC%AC%E4%BA%8C%E5%8D%81%E5%85%AB%E6%9D%A1/"])
def test_short_forms_redirect_to_the_canonical_page(page, base_url, short):
    page.goto(base_url + short + "#art_28__para_3")
    page.wait_for_url(base_url + "yantai-digital-economy/article-28/#art_28__para_3")
    assert page.locator("h1").inner_text() == "第二十八条"
