"""Hostile markup in every curated field (tests/hostile_corpus.py: metadata, text,
departments, translation, labels), in Chromium: a page of every kind is opened and
its tooltips shown, searches that hit the hostile strings are typed and their
results clicked, on the hosted site and on the offline bundle from file://. No
dialog may open: nothing curated runs."""

import json
import re
import zipfile
from pathlib import Path

import pytest

from ..hostile_corpus import FIELDS
from .conftest import screenshot, serve

# each hits hostile strings: in titles, text, tags (short titles, departments), translations
QUERIES = ["onerror", "alert", "script", "img", "测试", "第二", "大数据", "单位", "数据", "第二条",
           "Test", "Shandong", "Big Data", "Unit", "General", "Everyone", "Article"]
MUST_FIND = ("onerror", "测试", "大数据", "Big Data", "Unit", "Everyone")
# words of the English pages: the hosted site's search (Pagefind) has one index per
# language, so these are typed on an English page there
ENGLISH = {"Test", "Shandong", "Big Data", "Unit", "General", "Everyone", "Article"}
READY_EN = "document.querySelector('.md-search-result__meta').textContent.includes('Type to start')"
READY = "document.querySelector('.md-search-result__meta').textContent.includes('键入')"

# a page of every kind, in both languages: home, ordinance, chapter, articles (naming
# departments, defining a term), full text, comparisons, departments, about, data
KINDS = re.compile(r"^(en/)?(|about|data|departments|departments/[^/]+|compare/second-ordinance-1--[^/]+"
                   r"|test-ordinance(/(chapter-1|article-[1235]|full-text|compare))?)$")

# what shows a tooltip (Material's, made from a title) on hover: defined terms,
# department chips, pilcrows (the header's and overflowing titles' show without)
TOOLTIPS = "article a.ls-term, article a.ls-chip, article a.ls-pin"


def pages_of(root: Path) -> list[Path]:
    """The HTML files of a page of every kind (KINDS), hosted (x/index.html) or offline (x.html)."""
    found = []
    for path in sorted(root.rglob("*.html")):
        key = re.sub(r"(^|/)index$", "", path.relative_to(root).as_posix().removesuffix(".html"))
        if KINDS.match(key):
            found.append(path)
    return found


def listen(page) -> list[str]:
    """Record (and dismiss) every dialog the page opens."""
    page.set_default_timeout(15000)
    dialogs = []

    def on_dialog(dialog):
        dialogs.append(dialog.message)
        try:
            dialog.dismiss()
        except Exception:           # the page navigated away meanwhile
            pass
    page.on("dialog", on_dialog)
    return dialogs


def leaked(dialogs) -> list[str]:
    """The curated fields whose markup ran, from the alert(N) messages."""
    return sorted({FIELDS.get(int(m), m) if m.isdigit() else m for m in dialogs})


def show_tooltips(page) -> None:
    for element in page.locator(TOOLTIPS).all()[:4]:
        element.hover(force=True, timeout=2000)


def search(page, query: str, ready: str = READY) -> int:
    """Type `query` into the open search box (of a Chinese page, or an English one with
    READY_EN); the number of results."""
    box = page.locator(".md-search__input")
    box.fill("")
    box.press("End")
    page.wait_for_function(ready)
    box.fill(query)
    box.press("End")
    page.wait_for_function(f"!({ready})")
    return page.locator(".md-search-result__item").count()


def open_search(page, home: str, ready: str = READY) -> None:
    page.goto(home)
    page.locator(".md-search__input").click()
    page.wait_for_function(ready)                  # the worker has built the index


def visit_and_search(page, urls: list[str], home: str, english_home: str = "") -> None:
    """Open each page and show its tooltips; then, on `home` (the English words on
    `english_home`, when given), type each query, show the results' tooltips, and
    follow the first result of those that must find."""
    assert len(urls) >= 20, urls
    for url in urls:
        page.goto(url)
        page.wait_for_load_state("load")
        show_tooltips(page)

    def where(query):
        return (english_home, READY_EN) if english_home and query in ENGLISH else (home, READY)
    found = {}
    for query in QUERIES:
        open_search(page, *where(query))
        found[query] = search(page, query, where(query)[1])
    assert all(found[q] for q in MUST_FIND), json.dumps(found, ensure_ascii=False)
    for query in MUST_FIND:
        open_search(page, *where(query))
        search(page, query, where(query)[1])
        page.locator(".md-search-result__item > a").first.click()
        page.wait_for_load_state("load")
    open_search(page, home)
    search(page, "onerror")
    shown = page.locator(".md-search-result").inner_text()
    assert "onerror=alert(" in shown                      # the markup, as text
    assert page.locator(".md-search-result img, .md-search-result svg[onload], "
                        ".md-search-result script, .md-search-result [onerror]").count() == 0
    page.wait_for_timeout(300)                 # an <img onerror> fires once the image fails


def test_hostile_search_runs_nothing_on_the_hosted_site(browser_context, hostile_everywhere):
    site = hostile_everywhere["site"]
    server = serve(site)
    base = f"http://127.0.0.1:{server.server_port}/"
    page = browser_context.new_page()
    dialogs = listen(page)
    try:
        urls = [base + path.relative_to(site).as_posix().removesuffix("index.html") for path in pages_of(site)]
        home = base + "test-ordinance/article-2/"
        visit_and_search(page, urls, home, base + "en/test-ordinance/article-2/")
        screenshot(page, "hostile-search-hosted")
    except Exception:
        assert dialogs == [], leaked(dialogs)          # what made the page hang
        raise
    finally:
        page.close()
        server.shutdown()
    assert dialogs == [], leaked(dialogs)


@pytest.fixture
def offline_hostile(hostile_everywhere, tmp_path) -> Path:
    with zipfile.ZipFile(hostile_everywhere["bundle"]) as archive:
        archive.extractall(tmp_path)
    return tmp_path / "lawsite-offline"


def test_hostile_search_runs_nothing_offline(browser_context, offline_hostile):
    page = browser_context.new_page()
    dialogs = listen(page)
    try:
        home = (offline_hostile / "test-ordinance" / "article-2.html").as_uri()
        urls = [path.as_uri() for path in pages_of(offline_hostile)]
        visit_and_search(page, urls, home, (offline_hostile / "en" / "test-ordinance" / "article-2.html").as_uri())
        screenshot(page, "hostile-search-offline")
    except Exception:
        assert dialogs == [], leaked(dialogs)          # what made the page hang
        raise
    finally:
        page.close()
    assert dialogs == [], leaked(dialogs)
