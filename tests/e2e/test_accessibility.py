"""Accessibility in Chromium: axe-core finds no serious or critical violation on
each kind of page, in the light and the dark palette; the pages work with the
keyboard alone. Counts by severity go to test-artifacts/accessibility.json."""

import json

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import ARTIFACTS

PAGES = {"home": "", "ordinance": "yantai-digital-economy/", "article": "yantai-digital-economy/article-28/",
         "department": "departments/big-data/", "english": "en/yantai-digital-economy/article-1/",
         "comparison": "compare/jinan-digital-economy-15--yantai-digital-economy-55/"}
RESULTS = {}


def audit(page) -> list[dict]:
    # colours mid-transition (the search overlay fades in) are not the page's colours
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    return Axe().run(page).response["violations"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", sorted(PAGES) + ["search"])
def test_no_serious_or_critical_violation(page, base_url, name, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(base_url + PAGES.get(name, ""))
    if name == "search":
        page.locator(".md-search__input").click()
        page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.includes('键入')")
        page.locator(".md-search__input").fill("数据交易")
        page.locator(".md-search__input").press("End")
        page.locator(".md-search-result__item").first.wait_for()
    violations = audit(page)
    counts = {}
    for violation in violations:
        counts[violation["impact"]] = counts.get(violation["impact"], 0) + len(violation["nodes"])
    RESULTS[f"{name}/{scheme}"] = {"counts": counts,
                                   "rules": sorted({(v["id"], v["impact"]) for v in violations})}
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "accessibility.json").write_text(json.dumps(RESULTS, indent=1, default=list))
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in violations
               if v["impact"] in ("serious", "critical")]
    assert serious == []


def test_skip_link_and_visible_focus(page, base_url):
    page.goto(base_url + "yantai-digital-economy/article-28/")
    page.keyboard.press("Tab")
    skip = page.locator(".md-skip")
    assert skip.evaluate("e => e === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.url.endswith("#art_28")
    for _ in range(40):                           # on to the first link of the text's chips
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('ls-chip')"):
            break
    focused = page.evaluate("(() => { const s = getComputedStyle(document.activeElement);"
                            " return [s.outlineStyle, s.outlineWidth, s.boxShadow]; })()")
    assert focused[0] != "none" or focused[2] != "none", focused


def test_copy_buttons_work_from_the_keyboard(browser_context, page, base_url):
    browser_context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    page.goto(base_url + "yantai-digital-economy/article-28/")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('ls-copy')"):
            break
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "复制中文"
    page.keyboard.press("Enter")
    assert page.evaluate("navigator.clipboard.readText()") == "《烟台市数字经济促进条例》第二十八条"
    browser_context.clear_permissions()
