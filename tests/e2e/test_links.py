"""Cross-links in a real browser: a defined term's definition on hover and focus;
from 烟台 第五十五条 to 济南 第十五条 and their comparison."""

from .conftest import screenshot


def test_defined_term_shows_its_definition_on_hover_and_focus(page, base_url):
    page.goto(base_url + "jinan-digital-economy/article-9/")
    term = page.locator("#art_9__para_1 a.ls-term", has_text="数字基础设施")
    term.hover()
    tooltip = page.locator(".md-tooltip2")
    tooltip.wait_for(state="visible")
    assert tooltip.inner_text().startswith("本条例所称数字基础设施，是指以信息技术为支撑")
    screenshot(page, "jinan-article-9-definition")
    page.mouse.move(0, 0)
    page.wait_for_timeout(400)
    term.focus()
    tooltip.wait_for(state="visible")
    assert "公共设施体系" in tooltip.inner_text()
    term.click()
    assert page.url.endswith("jinan-digital-economy/article-8/#art_8__para_1")


def test_parallel_provision_and_its_comparison(page, base_url):
    page.goto(base_url + "yantai-digital-economy/article-55/")
    first = page.locator(".ls-parallels li").first
    assert first.locator("a").first.inner_text() == "济南 第十五条"
    first.locator("a.ls-compare").click()
    page.wait_for_url(base_url + "compare/jinan-digital-economy-15--yantai-digital-economy-55/")
    assert page.locator("h1").inner_text() == "济南 第十五条与烟台 第五十五条"
    assert page.locator("mark.ls-diff").count() >= 2
    screenshot(page, "compare-jinan-15-yantai-55")
