"""English pages and the phone, in a browser (issue 20, items 7 and 8): untranslated
text marked where it stands; English typography; the language switch keeps the
provision; headings, pilcrows, chapter lists, tooltips and line length on a phone and
a laptop; the 404 page, short URLs and redirect pages; no sitemap fetches; the offline
canonical URL."""

import re
import zipfile

from .conftest import screenshot


def test_untranslated_text_is_marked_in_navigation_chapter_and_department_pages(page, partial_base_url):
    """烟台 第二十八条 untranslated: its chapter's list, the navigation and the quoted
    sentences of a department page say so where the Chinese stands."""
    page.goto(partial_base_url + "en/yantai-digital-economy/chapter-4/")
    item = page.locator(".ls-articles li", has_text="Article 28")
    assert item.locator(".ls-untranslated").inner_text() == "untranslated"
    assert item.locator(".ls-preview").get_attribute("lang") == "zh-CN"
    assert not page.locator(".ls-articles li", has_text="Article 27").locator(".ls-untranslated").count()
    assert page.locator(".md-nav__link", has_text="Article 28 (untranslated)").count()
    screenshot(page, "en-chapter-untranslated")
    page.goto(partial_base_url + "en/departments/big-data/")
    sentence = page.locator(".ls-provisions li").first
    assert sentence.locator(".ls-untranslated").inner_text() == "official Chinese, untranslated"
    page.goto(partial_base_url + "departments/big-data/")              # the official tree: no mark
    assert not page.locator(".ls-untranslated").count()


def test_english_typography(page, base_url):
    page.goto(base_url + "en/yantai-digital-economy/article-28/")
    para = page.locator("#art_28__para_1")
    assert para.evaluate("e => getComputedStyle(e).textIndent") == "0px"
    pin = para.locator(".ls-pin").bounding_box()
    assert pin["x"] >= para.bounding_box()["x"]                           # not over the text's start
    assert page.locator("h1").evaluate("e => getComputedStyle(e).letterSpacing") == "normal"
    page.goto(base_url + "yantai-digital-economy/article-28/")            # Chinese keeps its indent
    assert page.locator("#art_28__para_1").evaluate("e => parseFloat(getComputedStyle(e).textIndent)") > 20


def test_the_language_switch_keeps_the_provision(page, base_url):
    page.goto(base_url + "yantai-digital-economy/article-28/#art_28__para_3")
    page.locator(".md-header__option .md-select button").hover()
    page.locator("a.md-select__link[hreflang=en]").click()
    page.wait_for_url(re.compile(r".*/en/yantai-digital-economy/article-28/#art_28__para_3$"))
    page.locator(".md-header__option .md-select button").hover()
    page.locator("a.md-select__link[hreflang=zh-CN], a.md-select__link[hreflang=zh]").first.click()
    page.wait_for_url(re.compile(r".*/yantai-digital-economy/article-28/#art_28__para_3$"))
    assert "/en/" not in page.url


def test_headings_and_navigation_never_leave_one_character(page, base_url):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(base_url + "jinan-digital-economy/")
    h1 = page.locator("h1")
    assert h1.evaluate("e => getComputedStyle(e).textWrap || getComputedStyle(e).textWrapStyle") \
        .startswith(("balance", "wrap balance"))
    # the last line of the title holds more than one character
    last = h1.evaluate("""e => { const range = document.createRange(); range.selectNodeContents(e);
        const rects = [...range.getClientRects()]; const bottom = Math.max(...rects.map(r => r.bottom));
        return rects.filter(r => r.bottom === bottom).reduce((w, r) => w + r.width, 0) /
               parseFloat(getComputedStyle(e).fontSize); }""")
    assert last > 1.5
    screenshot(page, "jinan-ordinance-phone")


def test_no_permanent_pilcrow_on_a_touch_screen(page, base_url):
    session = page.context.new_cdp_session(page)
    session.send("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 1})
    page.goto(base_url + "yantai-digital-economy/article-28/#art_28__para_3")   # the provision linked to
    page.wait_for_timeout(300)
    assert page.evaluate("matchMedia('(hover: none)').matches")              # a touch screen

    def opacity(eid):
        return float(page.locator(f"#{eid} .ls-pin").evaluate("e => getComputedStyle(e).opacity"))
    assert opacity("art_28__para_2") == 0 and opacity("art_28__para_4") == 0
    assert page.evaluate("document.querySelector(':target') && document.querySelector(':target').id") \
        == "art_28__para_3"
    assert opacity("art_28__para_3") > 0
    session.send("Emulation.setTouchEmulationEnabled", {"enabled": False})
    session.detach()


def test_a_chapter_page_is_one_column_on_a_phone(page, base_url):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(base_url + "yantai-digital-economy/chapter-4/")
    item = page.locator(".ls-articles li").first
    label, preview = item.locator("a").bounding_box(), item.locator(".ls-preview").bounding_box()
    assert preview["y"] >= label["y"] + label["height"] - 1                # under its label
    assert preview["width"] > 300
    screenshot(page, "yantai-chapter-4-phone")


def test_tooltips_are_readable(page, base_url):
    page.goto(base_url + "jinan-digital-economy/article-9/")
    page.locator("#art_9__para_1 a.ls-term").first.hover()
    inner = page.locator(".md-tooltip2__inner").first
    inner.wait_for(state="visible")
    assert float(inner.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 13


def test_article_lines_are_of_a_reading_measure(page, base_url):
    page.goto(base_url + "yantai-digital-economy/article-28/")
    para = page.locator("#art_28__para_1")
    size = para.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert para.bounding_box()["width"] / size <= 38.5


def test_the_404_page_suggests_only_pages_that_exist_by_their_titles(page, base_url):
    page.goto(base_url + "yantai-digital-economy/article-999/")
    suggestion = page.locator(".ls-suggest a")
    suggestion.first.wait_for()
    assert suggestion.first.inner_text().startswith("烟台市数字经济促进条例")          # a title, not a slug
    assert "yantai-digital-economy" not in page.locator(".ls-suggest").inner_text()
    page.goto(base_url + "no-such-ordinance/article-1/")
    page.wait_for_timeout(800)
    assert not page.locator(".ls-suggest").is_visible()                    # no page to offer


def test_arabic_article_urls_and_redirect_pages(page, base_url, site_dir):
    page.goto(base_url + "yantai-digital-economy/第28条/#art_28__para_3")
    page.wait_for_url(base_url + "yantai-digital-economy/article-28/#art_28__para_3")
    redirect = (site_dir / "yantai-digital-economy" / "第28条" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in redirect and "Redirecting..." not in redirect


def test_a_chapter_of_one_article_is_not_a_range(page, base_url):
    page.goto(base_url + "yantai-digital-economy/")
    ranges = page.locator(".ls-range").all_inner_texts()
    assert "第六十二条" in ranges
    assert not [r for r in ranges if re.fullmatch(r"(.+)至\1", r)]


def test_no_sitemap_is_fetched(page, base_url):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(base_url + "yantai-digital-economy/article-28/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in requested if "sitemap" in url]
    assert not [url for url in requested if not url.startswith(base_url)]     # nothing to the placeholder host


def test_the_offline_canonical_url_is_the_hosted_one(bundle):
    with zipfile.ZipFile(bundle) as archive:
        name = next(n for n in archive.namelist() if n.endswith("yantai-digital-economy/article-28.html"))
        html = archive.read(name).decode("utf-8")
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html)
    assert canonical and canonical[1].endswith("/yantai-digital-economy/article-28/"), canonical
