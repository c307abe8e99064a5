"""Versions in a real browser (the synthetic renumbering fixture,
tests/fixtures/versions/renumbering): an earlier version's article page says that it is
superseded and leads to the current text; the what-changed page marks the amended words."""

import shutil
from pathlib import Path

import pytest

from ..conftest import ROOT, build_site_into
from .conftest import screenshot, served

FIXTURE = ROOT / "tests" / "fixtures" / "versions" / "renumbering" / "sources"
WORK = "ceshi-tingche-guanli-tiaoli"


@pytest.fixture(scope="module")
def versions_url(tmp_path_factory):
    root: Path = tmp_path_factory.mktemp("versions-e2e")
    shutil.copytree(FIXTURE, root / "sources")
    shutil.copy(ROOT / "sources" / "departments.yml", root / "sources")
    _, site = build_site_into(root, root / "sources", root / "no-translations")
    with served(site) as url:
        yield url


def test_an_earlier_version_says_it_is_superseded_and_links_the_current_text(page, versions_url):
    page.goto(versions_url + f"{WORK}/2020-01-01/article-5/")
    notice = page.locator(".ls-version--old")
    assert notice.is_visible()
    assert "不是现行文本" in notice.inner_text() and "已被修改（被2025年6月1日版本取代）" in notice.inner_text()
    screenshot(page, "version-old-article")
    notice.get_by_role("link", name="查看现行文本").click()
    page.wait_for_load_state()
    # 第五条 of 2020 is 第五条之一 of the current text (the same words, renumbered)
    assert page.url == versions_url + f"{WORK}/article-5-1/"
    assert page.locator("h1").inner_text().startswith("第五条之一")
    assert "现行有效" in page.locator(".ls-version--current").inner_text()


def test_the_diff_view_marks_the_amended_words(page, versions_url):
    page.goto(versions_url + f"{WORK}/changes/")
    row = page.locator("h2#new_5 + p + .ls-version-diff")
    sides = row.locator(".ls-side")
    assert sides.nth(1).locator("mark.ls-diff").all_inner_texts() == ["、服务内容和监督电话。"]
    assert sides.nth(0).locator("mark.ls-diff").all_inner_texts() == ["。"]      # what it replaced
    old, new = [text.split("\n", 1)[-1] for text in sides.all_inner_texts()]     # after each 款's label
    assert old == "停车设施经营者应当在显著位置公示收费标准。"
    assert new == "停车设施经营者应当在显著位置公示收费标准、服务内容和监督电话。"
    background = row.locator("mark.ls-diff").last.evaluate("m => getComputedStyle(m).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")                     # marked, visibly
    screenshot(page, "version-changes")
