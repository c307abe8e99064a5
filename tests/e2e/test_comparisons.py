"""Honest comparisons in a real browser (issue 20, item 5): the 款 of both articles in
their own order and labelled; words marked only within aligned 款 that share enough
wording, a 款 with nothing in common marked as a whole; likeness in words, never a
number; a by-article page with labelled columns; readable on a phone."""

import re

import pytest

from ..conftest import SourcesTree, build_fixture_site
from .conftest import screenshot, served

# 款 1 of A is 款 2 of B and 款 2 of A is 款 1 of B: the pairs cross, and the page must
# still show each side in its own order. B's 款 3 has no partner.
A = """\
    # 测试市测试条例

    第一条 为了测试，制定本条例。

    第二条 市人民政府应当建立数据资源统筹协调机制，推进公共数据开放共享，提升数据治理能力和公共服务水平。

    任何组织、个人不得侵占或者擅自迁移、拆除数字基础设施，不得实施非法侵入、干扰、破坏数字基础设施的活动。

    第三条 本条例自2025年1月1日起施行。
    """
B = """\
    # 其他市测试条例

    第一条 为了另一件事，制定本条例。

    第二条 任何组织、个人不得侵占或者擅自迁移、拆除数字基础设施，不得实施违法侵入、干扰、破坏数字基础设施的活动。

    市人民政府应当建立数据资源统筹协调机制，推进公共数据开放共享，提升数据治理能力和公共服务质量。

    鼓励高等院校开展人才培养合作。

    第三条 本条例自2025年1月1日起施行。
    """
PAIR = "compare/other-ordinance-2--test-ordinance-2/"


@pytest.fixture(scope="module")
def compared(tmp_path_factory):
    root = tmp_path_factory.mktemp("compared")
    tree = SourcesTree(root / "sources")
    tree.add(A)
    tree.add(B, slug="other-ordinance", title="其他市测试条例", short_title="其他")
    site, _ = build_fixture_site(root, tree)
    with served(site) as url:
        yield url


def sides(page):
    """Each row's two cells: (label, text, marked words, marked as a whole) or None."""
    return page.eval_on_selector_all(".ls-compare-row", """rows => rows.map(row =>
        [...row.querySelectorAll(':scope > .ls-side')].map(cell =>
            cell.classList.contains('ls-side--empty') ? null : [
                cell.querySelector('.ls-side__label').firstChild.textContent,
                cell.innerText,
                [...cell.querySelectorAll('mark.ls-diff')].map(m => m.textContent),
                cell.classList.contains('ls-side--whole')]))""")


def test_paragraphs_stay_in_order_labelled_and_marked_only_where_aligned(page, compared):
    page.goto(compared + PAIR)
    rows = sides(page)
    labels = [[cell and cell[0] for cell in row] for row in rows]
    # each column reads its article's 款 in order, however the pairs cross
    left = [label for label, _ in labels if label]
    right = [label for _, label in labels if label]
    assert left == ["其他 第二条第一款", "其他 第二条第二款", "其他 第二条第三款"]
    assert right == ["测试 第二条第一款", "测试 第二条第二款"]
    aligned = [row for row in rows if row[0] and row[1]]
    assert len(aligned) == 1                                 # one of the crossing pairs
    (_, _, marks_b, whole_b), (_, _, marks_a, whole_a) = aligned[0]
    assert not whole_a and not whole_b and 1 <= len(marks_a) <= 2      # a word or two, not everything
    for row in rows:
        if not (row[0] and row[1]):
            cell = row[0] or row[1]
            assert cell[3] and cell[2] == []                # alone: marked as a whole, no word marks
            assert "无对应款" in cell[1]
    screenshot(page, "compare-fixture")


def test_likeness_is_said_in_words_on_article_and_comparison_pages(page, compared):
    for url in ("test-ordinance/article-2/", PAIR, "test-ordinance/compare/"):
        page.goto(compared + url)
        text = page.locator("article").inner_text()
        assert not re.search(r"相似度|\d\.\d\d", text), url
        assert re.search("相同|高度相似|部分相似", text), url


def test_the_by_article_page_has_labelled_columns(page, compared):
    page.goto(compared + "test-ordinance/compare/")
    assert page.locator("h1").inner_text() == "与其他条例逐条对照"
    headers = page.locator(".ls-topics th").all_inner_texts()
    assert headers[:2] == ["本条例条文", "其他条例的相关条款"]
    row = page.locator(".ls-topics tr", has_text="第二条")
    assert "市人民政府应当建立数据资源统筹协调机制" in row.inner_text()     # what the article is about


def test_a_comparison_reads_on_a_phone(page, compared):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(compared + PAIR)
    cells = page.locator(".ls-compare-row > .ls-side:not(.ls-side--empty)")
    boxes = [cells.nth(n).bounding_box() for n in range(cells.count())]
    assert all(box["width"] > 300 for box in boxes)                      # one column
    assert [box["y"] for box in boxes] == sorted(box["y"] for box in boxes)
    for n in range(cells.count()):
        assert cells.nth(n).locator(".ls-side__label").is_visible()      # each says whose 款 it is
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "compare-fixture-phone")
