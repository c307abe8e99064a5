"""The repair step on its own: what it changes, what it keeps, what it records."""

import pytest

from lawsite.parse.lexer import lex
from lawsite.parse.repair import is_complete, repair, repair_characters


@pytest.mark.parametrize("before, after", [
    ("活动,适 用本条例。", "活动，适用本条例。"),                    # PDF space inside a word
    ("纳入国民经济和社会发 展规划", "纳入国民经济和社会发展规划"),
    ("的领导, 建立健全", "的领导，建立健全"),                          # space after converted comma
    ("本条例自 2025 年 1 月 1 日起施行。", "本条例自2025年1月1日起施行。"),  # numbers in Chinese
    ("建设 5G 网络", "建设 5G 网络"),                                  # meaningful: Latin word
    ("支持 App 开发", "支持 App 开发"),
    ("Open Data 平台", "Open Data 平台"),
    ("共 1,000 个", "共1,000个"),                                      # a number keeps its comma
    ("第(一)项", "第（一）项"),                                        # half-width brackets
    ("下列职责:", "下列职责："),
    ("培养人才;支持", "培养人才；支持"),
    ("网址 https://example.org/a?b=1 可查", "网址 https://example.org/a?b=1 可查"),
    ("总 则", "总则"),
    ("数字 经济\u3000发展", "数字经济发展"),                           # full-width space too
])
def test_repair_characters(before, after):
    assert repair_characters(before, line=1)[0] == after


def test_every_change_is_recorded_with_its_column_in_the_file():
    raw = "第二条 本市行政区域内的相关活动,适 用本条例。"
    content = raw[4:]
    repaired, records = repair_characters(content, line=25, offset=4)
    assert [(r.kind, r.line, r.before, r.after) for r in records] == [
        ("full-width-punctuation", 25, ",", "，"), ("remove-space", 25, " ", "")]
    for record in records:                                 # the column points into the file
        assert raw[record.column - 1: record.column - 1 + len(record.before)] == record.before
    assert "适用本条例" in records[1].context


def test_clean_text_is_not_touched():
    text = "市、区（市）人民政府应当加强对数字经济发展工作的领导。"
    assert repair_characters(text, line=1) == (text, [])


@pytest.mark.parametrize("text, complete", [
    ("……化、智能化改造。", True), ("下列职责：", True), ("（一）规划；", True),
    ("他说：“好。”", True), ("……数字化、网络", False), ("新技术基础设施、", False),
])
def test_is_complete(text, complete):
    assert is_complete(text) is complete


def lines_of(text: str):
    return lex(text.split("\n"))


def contents(lines):
    return [line.content for line in lines if line.kind != "blank"]


def test_page_break_fragment_marked_as_heading_is_joined():
    lines, records = repair(lines_of("第十四条 推动传统基础设施数字化、网络\n\n#### 化、智能化改造。\n\n第十五条 下一条。"))
    assert contents(lines) == ["推动传统基础设施数字化、网络化、智能化改造。", "下一条。"]
    assert [(r.kind, r.line, r.before) for r in records] == [
        ("drop-heading-marks", 3, "#### "), ("join-line", 3, "")]


def test_paragraph_split_by_a_page_break_is_joined():
    lines, records = repair(lines_of("第八条 主要包括通信网络基础设施、\n\n融合应用基础设施等。\n\n第二款另起一段。"))
    assert contents(lines) == ["主要包括通信网络基础设施、融合应用基础设施等。", "第二款另起一段。"]
    assert [r.kind for r in records] == ["join-line"]


def test_complete_paragraphs_stay_apart():
    lines, records = repair(lines_of("第三条 第一款。\n第二款：\n（一）甲；\n（二）乙。"))
    assert contents(lines) == ["第一款。", "第二款：", "（一）甲；", "（二）乙。"]
    assert records == []


def test_no_join_across_articles_or_headings():
    lines, _ = repair(lines_of("第一条 没有句号\n\n第二章 标题\n\n第二条 正文。"))
    assert contents(lines) == ["没有句号", "标题", "正文。"]
