"""From an article's department chip to the department's page, in a browser."""

from .conftest import screenshot


def test_from_yantai_14_to_the_big_data_bureau_and_both_ordinances(page, base_url):
    page.goto(base_url + "yantai-digital-economy/article-14/")
    page.locator("a.ls-chip", has_text="大数据部门").click()
    page.wait_for_url(base_url + "departments/big-data/")
    assert page.locator("h1").inner_text() == "大数据部门"
    links = page.locator(".ls-provisions li > a")
    hrefs = [link.get_attribute("href") for link in links.all()]
    assert any("yantai-digital-economy/article-14/" in h for h in hrefs)
    assert any("jinan-digital-economy/article-" in h for h in hrefs)
    screenshot(page, "department-big-data-1280")
    page.locator(".ls-provisions li > a", has_text="第十四条").first.click()
    assert "#art_14__para_1" in page.url
