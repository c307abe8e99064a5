"""Hostile and odd input is published literally: escaped, never executed, never
read as Markdown, HTML or a template; and the fidelity check still holds."""

import json

import pytest
from bs4 import BeautifulSoup

from lawsite.site.export import corpus as export_corpus

from ..properties import test_fidelity

# article → the literal text its first paragraph must show: the source after the
# recorded repairs (a half-width ) or ; touching Chinese is made full-width, a space
# between two Chinese characters removed), which the fidelity test replays.
CASES = {
    1: '<script>alert("条例")</script>任何组织应当遵守本条例。',
    2: "<img src=x onerror=alert(1)>所称的数据，依照本条例处理。",
    3: "[点击此处](javascript:alert(1)）以及{{ config.site_name }}和{% if true %}模板{% endif %}均为文字。",
    4: "| 甲 | 乙 ||---|---|",
    5: "*不是强调*、_不是下划线_、**不是加粗**、`不是代码`。",
    6: "<!-- 这是行内注释 -->之后的文字。",
    7: "零宽\u200b空格、零宽\u200c非连接符、\u2060字连接符与响铃\u0007控制字符都按原样发布。",
    8: '&lt；已转义&gt；的实体、反斜杠\\和\\*星号\\*、--8<-- "/etc/passwd"都是文字。',
}
LINES = {5: ["#标签开头的这一行是正文。", "> 以大于号开头的这一行是正文。", "- 以短横线开头的这一行也是正文。"],
         6: ["<!-- 整行都是注释 -->"]}


def page(site, number):
    return BeautifulSoup((site / "test-ordinance" / f"article-{number}" / "index.html")
                         .read_text(encoding="utf-8"), "html.parser")


def shown(paragraph) -> str:
    for pin in paragraph.select("a.ls-pin"):
        pin.decompose()
    return paragraph.get_text()


@pytest.mark.parametrize("number", sorted(CASES))
def test_each_hostile_text_is_shown_literally(hostile, number):
    site, ordinance, _, _ = hostile
    assert ordinance.article(number).paragraphs[0].text == CASES[number]
    html = page(site, number)
    assert shown(html.select_one(f"#art_{number}__para_1")) == CASES[number]
    for k, text in enumerate(LINES.get(number, []), 2):
        assert shown(html.select_one(f"#art_{number}__para_{k}")) == text


def test_nothing_is_executable(hostile):
    site, *_ = hostile
    for path in site.rglob("*.html"):
        html = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert not html.select("article script, article img, article iframe"), path
        assert not html.select("[onerror], [onload], [onclick]"), path
        assert not [a for a in html.select("a[href]") if a["href"].lower().startswith("javascript:")], path
        assert not html.select("article b, nav b"), path


def test_headings_titles_and_metadata_are_escaped(hostile):
    site, *_ = hostile
    html = BeautifulSoup((site / "test-ordinance" / "chapter-2" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    heading = "第二章\u3000<b>粗体</b>&amp；标题"            # ; touching Chinese: full-width
    assert html.h1.get_text() == heading
    assert html.title.get_text().startswith(heading + "｜")
    nav = [a.get_text(strip=True) for a in html.select("nav.md-nav--primary a, nav.md-nav--primary label")]
    assert heading in nav
    article = page(site, 1)
    assert article.find("meta", attrs={"name": "description"})["content"].startswith(
        '《测试市测试条例》第一条\u3000<script>alert("条例")</script>')
    json.loads(article.find("script", type="application/ld+json").string)


def test_templates_do_not_run_on_the_text(hostile):
    site, *_ = hostile
    text = (site / "test-ordinance" / "article-3" / "index.html").read_text(encoding="utf-8")
    assert "{{ config.site_name }}" in text and "{% if true %}" in text


def test_fidelity_holds_for_hostile_text(hostile):
    _, ordinance, lines, _ = hostile
    repairs = [r for a in export_corpus([ordinance])["ordinances"][0]["articles"] for r in a["repairs"]]
    repairs += export_corpus([ordinance])["ordinances"][0]["heading_repairs"]
    assert test_fidelity.model_text(ordinance) == test_fidelity.source_text(
        test_fidelity.replay(lines, repairs), ordinance)


def test_control_characters_are_reported(hostile):
    _, _, _, warnings = hostile
    assert "control character U+0007 at column" in warnings
