"""Department chips in a browser (issue 20, item 6): folded beyond a few; each reads as
the article's own text writes the actor; marked as extracted automatically, with a link
to how; department pages cite the 款."""

import re

from lawsite.site.department_pages import FEW

from .conftest import screenshot


def test_many_chips_fold_and_unfold(page, base_url):
    page.goto(base_url + "jinan-digital-economy/article-5/")
    chips = page.locator(".ls-chips a.ls-chip")
    visible = [chips.nth(n).is_visible() for n in range(chips.count())]
    assert chips.count() > FEW + 10 and visible.count(True) == FEW          # 23 chips, 5 shown
    more = page.locator(".ls-chips summary")
    assert more.inner_text() == f"另外 {chips.count() - FEW} 个"
    nav = page.locator(".ls-chips").bounding_box()
    assert nav["height"] < 100                                                 # not three rows
    more.click()
    assert all(chips.nth(n).is_visible() for n in range(chips.count()))
    screenshot(page, "chips-unfolded")


def test_chips_say_they_are_extracted_and_link_to_how(page, base_url):
    for url, section in (("yantai-digital-economy/article-14/", "职责主体的自动提取"),
                         ("en/yantai-digital-economy/article-14/", "Actors, extracted automatically")):
        page.goto(base_url + url)
        how = page.locator(".ls-chips .ls-chips__how a")
        assert how.is_visible()
        how.click()
        assert page.url.endswith("about/#departments")
        assert page.locator("#departments").inner_text() == section


def test_a_chip_reads_as_the_ordinance_writes_it(page, base_url):
    """烟台 writes 市、区（市）人民政府, 济南 区县人民政府: neither page reads the merged
    name of the vocabulary, 区（市）、区县人民政府."""
    for url, own in (("yantai-digital-economy/article-28/", "区（市）人民政府"),
                     ("jinan-digital-economy/article-44/", "区县人民政府")):
        page.goto(base_url + url)
        page.locator(".ls-chips summary").evaluate_all("s => s.forEach(x => x.click())")
        names = page.locator(".ls-chips a.ls-chip").all_inner_texts()
        assert own in names and "区（市）、区县人民政府" not in names, url
        text = page.locator("article .ls-para").all_inner_texts()
        for name in names:
            # 市人民政府 is read out of the coordinated 市、区（市）人民政府
            if name.endswith("人民政府") and name != "市人民政府":
                assert any(name in paragraph for paragraph in text), (url, name)


def test_department_pages_cite_the_paragraph(page, base_url):
    page.goto(base_url + "departments/district-government/")
    labels = page.locator(".ls-provisions li > a").all()
    assert labels
    for link in labels:
        href, text = link.get_attribute("href"), link.inner_text()
        assert re.search(r"#art_\d+__para_\d+", href), (href, text)
    # 烟台 第二十七条 is listed once per 款 it names the districts in, each by its 款
    yantai = [link.inner_text() for link in labels
              if "yantai-digital-economy/article-" in link.get_attribute("href")]
    assert any(re.fullmatch(r"第[一二三四五六七八九十百]+条第[一二三四五六七八九十]+款", t) for t in yantai)
    per_href = {}
    for link in labels:
        per_href.setdefault(link.inner_text(), set()).add(link.get_attribute("href").split("#")[1])
    # one label, one provision: never 第二十七条 twice for two 款
    assert all(len(targets) == 1 for targets in per_href.values()), per_href
    screenshot(page, "department-district-government")
