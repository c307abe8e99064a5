import pytest

from lawsite.parse.lexer import Line, classify, lex


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
    ("第三五条 不是合法的数字", "text", 0, "第三五条 不是合法的数字"),  # with a problem (below)
    ("#话题不是标题", "text", 0, "#话题不是标题"),
    ("", "blank", 0, ""),
    ("\u3000\u3000", "blank", 0, ""),
])
def test_classify(raw, kind, number, content):
    line = classify(raw)
    assert (line.kind, line.number, line.content) == (kind, number, content)


@pytest.mark.parametrize("raw, number, inserted, label, content", [
    ("第二十条之一 新增的条文", 20, 1, "第二十条之一", "新增的条文"),      # an inserted article
    ("###### 第二十条之二", 20, 2, "第二十条之二", ""),
    ("　　第一百条之十一　缩进", 100, 11, "第一百条之十一", "缩进"),
    ("第21条 阿拉伯数字", 21, 0, "第21条", "阿拉伯数字"),                # the label as written
    ("第６３条　全角数字", 63, 0, "第６３条", "全角数字"),
    ("第9999条 最大", 9999, 0, "第9999条", "最大"),
    ("第 六十三 条", 63, 0, "第六十三条", ""),                           # spaces: a PDF artefact
    ("第 六十三 条 正文", 63, 0, "第六十三条", "正文"),
    ("第三十五 条农村生活污水", 35, 0, "第三十五条", "农村生活污水"),      # as in the real corpus
    ("第六 十三条 正文", 63, 0, "第六十三条", "正文"),
    ("第二十条 之一 正文", 20, 1, "第二十条之一", "正文"),
    ("第二十条 之前的规定", 20, 0, "第二十条", "之前的规定"),             # 之前 is text, not 之一
])
def test_article_numbers_in_every_form(raw, number, inserted, label, content):
    line = classify(raw)
    assert (line.kind, line.number, line.inserted, line.label, line.content, line.problem) == \
        ("article", number, inserted, label, content, "")
    assert line.raw[line.offset:].rstrip() == content


@pytest.mark.parametrize("raw", [
    "第十二条规定的情形除外。", "第二十条之一规定的情形除外。", "第21条规定的", "第二十条之规定",
])
def test_a_reference_at_the_start_of_a_line_is_text(raw):
    line = classify(raw)
    assert (line.kind, line.number, line.problem) == ("text", 0, "")


@pytest.mark.parametrize("raw, numeral", [
    ("第〇条 零", "〇"), ("第○条 零", "○"), ("第一〇一条 甲", "一〇一"), ("第三五条 乙", "三五"),
    ("第0条 丙", "0"), ("第01条 丁", "01"), ("第10000条 戊", "10000"), ("第2十条 己", "2十"),
    ("第二十条之〇 庚", "〇"), ("第 三 五 条", "三五"),
])
def test_an_article_heading_that_cannot_be_read_is_a_problem(raw, numeral):
    """Never text that the parser would merge into the article before it."""
    line = classify(raw)
    assert line.kind == "text" and line.number == 0
    assert line.problem.startswith("第") and f"but {numeral} is not an article number" in line.problem


def test_a_heading_with_sentence_punctuation_keeps_its_shape():
    assert classify("第二章 附则。").shape == ("章", 2)
    assert classify("## 第三节 一般规定；").shape == ("节", 3)
    assert classify("第二章 附则").shape is None and classify("第二章 附则").kind == "heading"
    assert classify("第十二条规定的情形除外。").shape is None


def test_offset_points_at_the_content_in_the_raw_line():
    for raw in ("第二条 本市", "###### 第二条", "#### 化、智能化", "  第一章 总 则"):
        line = classify(raw)
        assert line.raw[line.offset:].rstrip().startswith(line.content)


def test_heading_marks_are_kept_apart():
    assert classify("#### 第六章 保障与监督").marks == "####"
    assert classify("第六章 保障与监督").marks == ""


@pytest.mark.parametrize("raw, expected", [
    ("  ", Line(7, "blank", "  ")),
    ("<!-- INFO END -->  ", Line(7, "comment", "<!-- INFO END -->  ", "<!-- INFO END -->", 0)),
    ("　<!-- 注 -->", Line(7, "comment", "　<!-- 注 -->", "<!-- 注 -->", 1)),      # in the body: text
    ("# 目 录", Line(7, "toc", "# 目 录", "", 2, "#")),
    ("#### 第六章 保障与监督  ", Line(7, "heading", "#### 第六章 保障与监督  ", "保障与监督", 9, "####", "章", 6, "第六章")),
    ("　第一章", Line(7, "heading", "　第一章", "", 4, "", "章", 1, "第一章")),
    ("###### 第二十条之一", Line(7, "article", "###### 第二十条之一", "", 13, "######", "", 20, "第二十条之一", 1)),
    ("## 第 六十三 条　正文 ", Line(7, "article", "## 第 六十三 条　正文 ", "正文", 11, "##", "", 63, "第六十三条")),
    ("#### 化、智能化改造。 ", Line(7, "text", "#### 化、智能化改造。 ", "化、智能化改造。", 5, "####")),
    ("## 第二章 附则。", Line(7, "text", "## 第二章 附则。", "第二章 附则。", 3, "##", shape=("章", 2))),
    ("# 第〇条 甲 ", Line(7, "text", "# 第〇条 甲 ", "第〇条 甲", 2, "#", problem=classify("第〇条").problem)),
])
def test_every_field_of_each_kind_of_line(raw, expected):
    """Line numbers, raw text, offsets and marks are what errors and repairs point with."""
    assert classify(raw, 7) == expected


def test_lex_numbers_the_lines_from_the_first():
    assert [line.line for line in lex(["甲", "", "第一条 乙"], first_line=3)] == [3, 4, 5]
    assert classify("甲").line == 1
