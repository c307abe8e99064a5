import pytest

from lawsite.parse.lexer import classify


@pytest.mark.parametrize("raw, kind, number, content", [
    ("###### 第一条", "article", 1, ""),
    ("第二十八条 市、区（市）人民政府……", "article", 28, "市、区（市）人民政府……"),
    ("第一百零一条　全角空格后的正文", "article", 101, "全角空格后的正文"),
    ("　　第三条　缩进的条文", "article", 3, "缩进的条文"),
    ("#### 第一章 总 则", "heading", 1, "总 则"),
    ("第七章 附 则", "heading", 7, "附 则"),
    ("第一章　总则", "heading", 1, "总则"),
    ("## 第二节 数据安全", "heading", 2, "数据安全"),
    ("第三编 分则", "heading", 3, "分则"),
    ("# 目 录", "toc", 0, ""),
    ("目录", "toc", 0, ""),
    ("<!-- INFO END -->", "comment", 0, "<!-- INFO END -->"),
    ("#### 化、智能化改造。", "text", 0, "化、智能化改造。"),
    ("第十二条规定的情形除外。", "text", 0, "第十二条规定的情形除外。"),   # no space: not a heading
    ("第三章 规定的事项，依照法律。", "text", 0, "第三章 规定的事项，依照法律。"),  # punctuation: text
    ("第三五条 不是合法的数字", "text", 0, "第三五条 不是合法的数字"),
    ("#话题不是标题", "text", 0, "#话题不是标题"),
    ("", "blank", 0, ""),
    ("\u3000\u3000", "blank", 0, ""),
])
def test_classify(raw, kind, number, content):
    line = classify(raw)
    assert (line.kind, line.number, line.content) == (kind, number, content)


def test_offset_points_at_the_content_in_the_raw_line():
    for raw in ("第二条 本市", "###### 第二条", "#### 化、智能化", "  第一章 总 则"):
        line = classify(raw)
        assert line.raw[line.offset:].rstrip().startswith(line.content)


def test_heading_marks_are_kept_apart():
    assert classify("#### 第六章 保障与监督").marks == "####"
    assert classify("第六章 保障与监督").marks == ""
