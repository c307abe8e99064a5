"""The parser: both launch texts, every source style, every structural error."""

import re

import pytest

from lawsite.core.errors import SourceError
from lawsite.model.document import ArticleNumber
from lawsite.parse import builder as parse
from lawsite.parse import sources

from ..conftest import ROOT


@pytest.fixture(scope="module")
def launch():
    return {s.slug: parse.parse(s) for s in sources.read_all(ROOT / "sources")}


def parse_text(sources_tree, text, **meta):
    sources_tree.add(text, **meta)
    [source] = sources.read_all(sources_tree.root)
    return parse.parse(source)


def parse_error(sources_tree, text, **meta) -> SourceError:
    with pytest.raises(SourceError) as caught:
        parse_text(sources_tree, text, **meta)
    assert caught.value.path.endswith("test-ordinance.txt")
    return caught.value


# -- the launch texts -----------------------------------------------------------------------

def test_yantai_structure(launch):
    yantai = launch["yantai-digital-economy"]
    assert len(yantai.articles) == 62 and len(yantai.chapters) == 10
    assert [c.title for c in yantai.chapters][:2] == ["总则", "数字产业化"]
    assert yantai.chapters[9].label == "第十章" and yantai.chapters[9].articles == [ArticleNumber(62)]
    assert yantai.article(28).label == "第二十八条" and len(yantai.article(28).paragraphs) == 4
    assert yantai.article(28).chapter == 4
    assert yantai.history[0].startswith("2024年10月22日烟台市第十八届")
    assert yantai.toc == []


def test_jinan_structure(launch):
    jinan = launch["jinan-digital-economy"]
    assert len(jinan.articles) == 60 and len(jinan.chapters) == 7
    assert jinan.chapters[5].title == "保障与监督"        # heading at another level
    assert jinan.chapters[6].title == "附则"              # heading with no marker
    assert jinan.chapters[6].articles == [ArticleNumber(60)]
    assert jinan.toc[0] == "第一章 总则" and len(jinan.toc) == 7
    assert jinan.history == [
        "2024年10月22日济南市第十八届人民代表大会常务委员会第二十次会议通过",
        "2024年11月20日山东省第十四届人民代表大会常务委员会第十二次会议批准"]


def test_jinan_page_break_fragment_ends_article_14(launch):
    article = launch["jinan-digital-economy"].article(14)
    assert len(article.paragraphs) == 1
    assert article.paragraphs[0].text.endswith("广播电视网等领域传统基础设施数字化、网络化、智能化改造。")


@pytest.mark.parametrize("number, paragraphs", [(8, 1), (39, 1), (50, 1), (54, 3), (2, 2), (5, 6)])
def test_jinan_paragraphs_split_by_page_breaks_are_rejoined(launch, number, paragraphs):
    assert len(launch["jinan-digital-economy"].article(number).paragraphs) == paragraphs


def test_jinan_has_no_space_between_chinese_characters(launch):
    cjk_space_cjk = re.compile(r"[\u4e00-\u9fff，。、；：（）][ \t\u3000]+[\u4e00-\u9fff，。、；：（）]")
    for article in launch["jinan-digital-economy"].articles:
        for _, element in article.elements():
            assert not cjk_space_cjk.search(element.text), (article.label, element.text)
            assert "," not in element.text and ";" not in element.text


def test_jinan_effective_date_reads_as_official_text(launch):
    assert launch["jinan-digital-economy"].article(60).paragraphs[0].text == "本条例自2025年1月1日起施行。"


def test_every_repair_is_attached_to_the_element_it_changed(launch):
    jinan = launch["jinan-digital-economy"]
    eids = {e.eid for a in jinan.articles for _, e in a.elements()} | {c.eid for c in jinan.chapters}
    assert all(r.eid in eids for r in jinan.repairs)
    assert {r.kind for r in jinan.article(14).repairs} == {"drop-heading-marks", "join-line"}
    assert [(r.kind, r.before, r.eid) for r in jinan.article(2).repairs] == [
        ("full-width-punctuation", ",", "art_2__para_1"), ("remove-space", " ", "art_2__para_1"),
        ("full-width-punctuation", ",", "art_2__para_2"), ("full-width-punctuation", ",", "art_2__para_2"),
        ("full-width-punctuation", ",", "art_2__para_2"), ("full-width-punctuation", ",", "art_2__para_2")]


# -- source styles -------------------------------------------------------------------------

def test_no_chapters(sources_tree):
    ordinance = parse_text(sources_tree, """\
        第一条 为了测试，制定本条例。
        第二条 本条例自公布之日起施行。
        """)
    assert ordinance.chapters == [] and len(ordinance.articles) == 2
    assert ordinance.articles[0].chapter is None and ordinance.title == "测试市测试条例"


def test_sections_restart_in_each_chapter(sources_tree):
    ordinance = parse_text(sources_tree, """\
        第一章　总则
        第一节　一般规定
        第一条　甲。
        第二节　特别规定
        第二条　乙。
        第二章　分则
        第一节　数据
        第三条　丙。
        """)
    assert [c.eid for c in ordinance.chapters] == ["chp_1", "chp_2"]
    assert [[s.eid for s in c.sections] for c in ordinance.chapters] == [
        ["chp_1__sec_1", "chp_1__sec_2"], ["chp_2__sec_1"]]
    assert (ordinance.article(3).chapter, ordinance.article(3).section) == (2, 1)
    assert ordinance.chapters[0].sections[1].articles == [ArticleNumber(2)]


def test_items_in_the_middle_of_an_article_then_another_paragraph(sources_tree):
    ordinance = parse_text(sources_tree, """\
        ###### 第一条

        大数据部门履行下列职责：

        （一）统筹规划；

        （二）组织实施：

        1. 制定标准；

        2. 监督检查。

        （十）其他职责。

        前款规定的职责，由市人民政府公布。
        """.replace("（十）", "（三）"))
    article = ordinance.article(1)
    first, second = article.paragraphs
    assert first.text == "大数据部门履行下列职责："
    assert [(i.eid, i.label, i.text) for i in first.items] == [
        ("art_1__para_1__point_1", "（一）", "统筹规划；"),
        ("art_1__para_1__point_2", "（二）", "组织实施："),
        ("art_1__para_1__point_3", "（三）", "其他职责。")]
    assert [(s.number, s.eid, s.label, s.text) for s in first.items[1].subitems] == [
        (1, "art_1__para_1__point_2__item_1", "1.", "制定标准；"),
        (2, "art_1__para_1__point_2__item_2", "2.", "监督检查。")]
    assert second.eid == "art_1__para_2" and second.items == []


def test_article_text_on_the_same_line_or_the_next(sources_tree):
    ordinance = parse_text(sources_tree, "第一条 同一行。\n\n###### 第二条\n\n下一行。\n\n第三条\n正文。\n")
    assert [a.paragraphs[0].text for a in ordinance.articles] == ["同一行。", "下一行。", "正文。"]


def test_titles_with_inner_spaces_or_full_width_space(sources_tree):
    ordinance = parse_text(sources_tree, "第一章　总　　则\n第一条 甲。\n#### 第二章 附 则\n第二条 乙。\n")
    assert [c.title for c in ordinance.chapters] == ["总则", "附则"]


def test_header_in_list_style(sources_tree):
    ordinance = parse_text(sources_tree, """\
        # 测试市测试条例

        - 2024年10月22日测试市第一届人民代表大会常务委员会第二次会议通过

        - 2024年11月20日山东省第十四届人民代表大会常务委员会第十二次会议批准

        <!-- INFO END -->

        第一条 甲。
        """)
    assert len(ordinance.history) == 2 and ordinance.history[1].endswith("批准")


def test_header_in_parenthesised_style(sources_tree):
    ordinance = parse_text(sources_tree, """\
        测试市测试条例
        （2024年10月22日测试市第一届人民代表大会常务委员会第二次会议通过　2024年11月20日山东省第十四届人民代表大会常务委员会第十二次会议批准）
        第一条 甲。
        """)
    assert len(ordinance.history) == 2 and ordinance.history[0].endswith("通过")


def test_toc_is_skipped_and_matches(sources_tree):
    ordinance = parse_text(sources_tree, """\
        目　　录
        第一章　总则
        第一节　一般规定
        第二章　附则
        第一章　总则
        第一节　一般规定
        第一条　甲。
        第二章　附则
        第二条　乙。
        """)
    assert ordinance.toc == ["第一章 总则", "第一节 一般规定", "第二章 附则"]
    assert len(ordinance.articles) == 2


def test_heading_markers_at_any_level(sources_tree):
    for level in range(1, 7):
        tree = type(sources_tree)(sources_tree.root.parent / f"level{level}")
        ordinance = parse_text(tree, f"{'#' * level} 第一章 总则\n{'#' * level} 第一条\n甲。\n")
        assert ordinance.chapters[0].title == "总则" and ordinance.article(1).paragraphs[0].text == "甲。"


# -- bad input ------------------------------------------------------------------------------

def test_missing_article_is_published_with_a_note_not_renumbered(sources_tree):
    ordinance = parse_text(sources_tree, "第一条 甲。\n第二条 乙。\n第四条 丁。\n")
    assert [a.label for a in ordinance.articles] == ["第一条", "第二条", "第四条"]
    assert [(n.kind, n.line, n.what) for n in ordinance.article(4).notes] == [("article-missing", 3, "第三条")]


def test_duplicated_article(sources_tree):
    error = parse_error(sources_tree, "第一条 甲。\n第二条 乙。\n第二条 又乙。\n第三条 丙。\n")
    assert error.line == 3 and "第二条 appears twice (first on line 2)" in str(error)


def test_first_two_articles_out_of_order(sources_tree):
    error = parse_error(sources_tree, "第二条 乙。\n第一条 甲。\n")
    assert error.line == 2 and "第一条 is out of order: it follows 第二条 (line 1)" in str(error)


def test_article_out_of_order(sources_tree):
    error = parse_error(sources_tree, "第一条 甲。\n第三条 丙。\n第二条 乙。\n")
    assert error.line == 3 and "第二条 is out of order: it follows 第三条" in str(error)


def test_first_article_missing(sources_tree):
    error = parse_error(sources_tree, "第二条 乙。\n")
    assert error.line == 1 and "第一条 is missing" in str(error)


def test_empty_article(sources_tree):
    error = parse_error(sources_tree, "###### 第一条\n\n###### 第二条\n\n乙。\n")
    assert error.line == 1 and "第一条 has no text" in str(error)


def test_toc_that_disagrees_with_the_body(sources_tree):
    error = parse_error(sources_tree, """\
        目录
        第一章 总则
        第二章 附件
        第一章 总则
        第一条 甲。
        第二章 附则
        第二条 乙。
        """)
    assert error.line == 3 and "目录 lists 第二章 附件 but the body has 第二章 附则" in str(error)


def test_toc_missing_a_chapter(sources_tree):
    error = parse_error(sources_tree, "目录\n第一章 总则\n第一章 总则\n第一条 甲。\n第二章 附则\n第二条 乙。\n")
    assert error.line == 1 and "目录 does not list 第二章 附则" in str(error)


def test_chapter_numbered_twice(sources_tree):
    error = parse_error(sources_tree, "第一章 总则\n第一条 甲。\n第一章 附则\n第二条 乙。\n")
    assert error.line == 3 and "第一章 should be 第二章" in str(error)


@pytest.mark.parametrize("text, message", [
    ("第一编 总则\n第一条 甲。\n第二章 分则\n第二条 乙。\n", ":3: 第二章: this ordinance divides into 编, not 章"),
    ("第一条 甲。\n第一章 总则\n第二条 乙。\n", ":2: 第一章 comes after articles that belong to no chapter"),
    ("第一节 一般规定\n第一条 甲。\n", ":1: 第一节 is outside any chapter"),
    ("第一章 总则\n第一条 甲。\n第一节 一般规定\n第二条 乙。\n",
     ":3: 第一节 follows articles of 第一章 that belong to no section"),
    ("第一章 总则\n第一节 一般规定\n第一条 甲。\n第三节 特别规定\n第二条 乙。\n", ":4: 第三节 should be 第二节"),
])
def test_chapters_and_sections_out_of_place(sources_tree, text, message):
    assert str(parse_error(sources_tree, text)).endswith(f"test-ordinance.txt{message}")


def test_text_outside_any_article(sources_tree):
    error = parse_error(sources_tree, "第一章 总则\n说明文字。\n第一条 甲。\n")
    assert error.line == 2 and "text outside any article: '说明文字。'" in str(error)


def test_text_after_a_later_heading_is_outside_any_article(sources_tree):
    error = parse_error(sources_tree, "第一章 总则\n第一条 甲。\n第二章 附则\n说明文字。\n第二条 乙。\n")
    assert error.line == 4 and "text outside any article: '说明文字。'" in str(error)


def test_a_second_toc(sources_tree):
    error = parse_error(sources_tree, "第一章 总则\n第一条 甲。\n目录\n")
    assert error.line == 3 and str(error).endswith(":3: a second 目录")


def test_an_article_that_starts_with_its_items(sources_tree):
    ordinance = parse_text(sources_tree, "###### 第一条\n\n（一）甲；\n\n（二）乙。\n")
    [paragraph] = ordinance.article(1).paragraphs
    assert (paragraph.number, paragraph.text, paragraph.eid, paragraph.line) == (1, "", "art_1__para_1", 3)
    assert [(i.number, i.eid, i.text) for i in paragraph.items] == [
        (1, "art_1__para_1__point_1", "甲；"), (2, "art_1__para_1__point_2", "乙。")]


def test_a_whole_line_comment_in_the_body_is_text(sources_tree):
    ordinance = parse_text(sources_tree, "第一条 甲。\n<!-- 注 -->\n")
    assert [p.text for p in ordinance.article(1).paragraphs] == ["甲。", "<!-- 注 -->"]
    assert ordinance.slug == "test-ordinance" and ordinance.body_line == 1
    assert ordinance.source_path.endswith("test-ordinance.txt")


def test_a_numbered_paragraph_without_items_is_a_paragraph(sources_tree):
    ordinance = parse_text(sources_tree, "第一条 甲：\n1. 乙。\n")
    assert [p.text for p in ordinance.article(1).paragraphs] == ["甲：", "1.乙。"]


def test_title_that_disagrees_with_the_metadata(sources_tree):
    error = parse_error(sources_tree, "# 另一个条例\n\n第一条 甲。\n")
    assert error.line == 1 and "differs from the metadata's title" in str(error)


def test_header_date_that_disagrees_with_the_metadata(sources_tree):
    error = parse_error(sources_tree, "# 测试市测试条例\n\n- 2024年10月21日测试市人大常委会通过\n\n"
                        "- 2024年11月20日省人大常委会批准\n\n第一条 甲。\n")
    assert error.line == 3 and "no line 2024年10月22日…通过" in str(error)


def test_unexpected_header_line(sources_tree):
    error = parse_error(sources_tree, "# 测试市测试条例\n\n这是一段序言。\n\n第一条 甲。\n")
    assert error.line == 3 and "unexpected line before the first chapter or article" in str(error)


def test_item_out_of_order(sources_tree):
    """（三） after （一） is an item lost upstream (published with a note: test_shapes);
    an item numbered backwards is an error."""
    error = parse_error(sources_tree, "第一条 职责如下：\n（一）甲；\n（二）乙；\n（二）丙。\n")
    assert error.line == 4 and "item （二） should be （三）" in str(error)


def test_no_article_at_all(sources_tree):
    assert "no article found" in str(parse_error(sources_tree, "# 测试市测试条例\n"))


def test_section_without_article(sources_tree):
    error = parse_error(sources_tree, "第一章 总则\n第一节 一般规定\n第二节 特别规定\n第一条 甲。\n")
    assert error.line == 2 and "第一章第一节 has no article" in str(error)


def test_chapters_without_any_article(sources_tree):
    error = parse_error(sources_tree, "第一章 总则\n第二章 附则\n")
    assert error.line == 1 and "第一章 has no article" in str(error)


# -- inserted articles (第二十条之一) and other numbering ---------------------------------------

INSERTED = """\
    第一章 总则

    第一条 为了测试，制定本条例。

    第二条 本条例适用于测试。

    第二条之一 新增的条文。

    有关部门履行下列职责：

    （一）统筹；

    （二）监督。

    第二条之二 再次新增的条文。

    第二章 附则

    第三条 本条例自2025年1月1日起施行。
    """


def test_an_inserted_article_is_an_article_of_its_own(sources_tree):
    ordinance = parse_text(sources_tree, INSERTED)
    assert [(a.label, a.eid, a.number) for a in ordinance.articles] == [
        ("第一条", "art_1", ArticleNumber(1)), ("第二条", "art_2", ArticleNumber(2)),
        ("第二条之一", "art_2-1", ArticleNumber(2, 1)), ("第二条之二", "art_2-2", ArticleNumber(2, 2)),
        ("第三条", "art_3", ArticleNumber(3))]
    inserted = ordinance.article(ArticleNumber(2, 1))
    assert [p.text for p in inserted.paragraphs] == ["新增的条文。", "有关部门履行下列职责："]
    assert [i.eid for i in inserted.paragraphs[1].items] == ["art_2-1__para_2__point_1",
                                                              "art_2-1__para_2__point_2"]
    assert ordinance.article(2).paragraphs[0].text == "本条例适用于测试。"     # nothing merged
    assert ordinance.chapters[0].articles == [ArticleNumber(1), ArticleNumber(2),
                                              ArticleNumber(2, 1), ArticleNumber(2, 2)]
    assert (inserted.chapter, inserted.line) == (1, 7)


@pytest.mark.parametrize("text, line, message", [
    ("第一条 甲。\n第一条之二 乙。\n", 2, "第一条之一 is missing: 第一条之二 follows 第一条"),
    ("第一条 甲。\n第二条之一 乙。\n第三条 丙。\n", 2, "第二条 is missing: 第二条之一 follows 第一条"),
    ("第一条 甲。\n第一条之一 乙。\n第一条之三 丙。\n", 3, "第一条之二 is missing: 第一条之三 follows 第一条之一"),
    ("第一条之一 甲。\n", 1, "第一条 is missing: 第一条之一 is the first"),
    ("第一条 甲。\n第二条 乙。\n第一条之一 丙。\n", 3, "第一条之一 is out of order: it follows 第二条 (line 2)"),
    ("第一条 甲。\n第一条之一 乙。\n第一条之一 丙。\n", 3, "第一条之一 appears twice (first on line 2)"),
])
def test_inserted_articles_are_numbered_in_sequence(sources_tree, text, line, message):
    error = parse_error(sources_tree, text)
    assert error.line == line and message in str(error)


def test_arabic_and_full_width_numbers_are_read_as_numbering(sources_tree):
    ordinance = parse_text(sources_tree, "第一条 甲。\n第2条 乙。\n第３条 丙。\n")
    assert [(a.number, a.label, a.eid, a.paragraphs[0].text) for a in ordinance.articles] == [
        (ArticleNumber(1), "第一条", "art_1", "甲。"), (ArticleNumber(2), "第2条", "art_2", "乙。"),
        (ArticleNumber(3), "第３条", "art_3", "丙。")]


def test_a_spaced_numeral_is_read_even_as_the_last_article(sources_tree):
    ordinance = parse_text(sources_tree, "第一条 甲。\n第 二 条 乙。\n")
    assert [(a.label, [p.text for p in a.paragraphs]) for a in ordinance.articles] == [
        ("第一条", ["甲。"]), ("第二条", ["乙。"])]


@pytest.mark.parametrize("heading", ["第〇条 乙。", "第三五条 乙。", "第一条之〇 乙。"])
def test_an_unreadable_article_heading_is_refused_at_its_line(sources_tree, heading):
    error = parse_error(sources_tree, f"第一条 甲。\n\n{heading}\n")
    assert error.line == 3 and "looks like the heading of an article" in str(error)


# -- errors named at the line where the sequence broke ---------------------------------------

def test_a_missing_item_marker_is_published_as_it_is_with_a_note_at_its_line(sources_tree):
    ordinance = parse_text(sources_tree, "第一条 职责如下：\n（一）甲；\n乙；\n（三）丙。\n")
    article = ordinance.article(1)
    [paragraph] = article.paragraphs
    assert [(i.label, i.text, i.eid) for i in paragraph.items] == [
        ("（一）", "甲；", "art_1__para_1__point_1"), ("", "乙；", "art_1__para_1__point_2"),
        ("（三）", "丙。", "art_1__para_1__point_3")]
    assert [(n.kind, n.line, n.what, n.eid) for n in article.notes] == \
        [("item-marker-missing", 3, "（二）", "art_1__para_1__point_2")]


def test_two_missing_item_markers_are_each_noted(sources_tree):
    ordinance = parse_text(sources_tree, "第一条 职责如下：\n\n（一）甲；\n\n乙；\n\n丙；\n\n（四）丁。\n")
    assert [(n.line, n.what) for n in ordinance.article(1).notes] == [(5, "（二）"), (7, "（三）")]


def test_a_paragraph_inside_an_item_list_is_the_items_own_paragraph(sources_tree):
    ordinance = parse_text(sources_tree, "第一条 职责如下：\n（一）甲；\n另起一段。\n（二）丙。\n")
    [paragraph] = ordinance.article(1).paragraphs
    first, second = paragraph.items
    assert [(p.number, p.text, p.eid) for p in first.paragraphs] == \
        [(2, "另起一段。", "art_1__para_1__point_1__para_2")]
    assert second.label == "（二）" and ordinance.article(1).notes == []


@pytest.mark.parametrize("text, line, message", [
    ("第一条 甲。\n（二）乙。\n", 2, "item （二） should be （一） in 第一条"),        # no list before it
    ("第一条 职责：\n（一）甲；\n乙。\n（五）丙。\n", 4, "item （五） should be （一） in 第一条"),
])
def test_an_item_out_of_sequence_with_no_unmarked_line_to_blame(sources_tree, text, line, message):
    error = parse_error(sources_tree, text)
    assert error.line == line and message in str(error)


def test_items_restarting_in_a_new_paragraph_are_still_fine(sources_tree):
    ordinance = parse_text(sources_tree, "第一条 职责如下：\n（一）甲；\n（二）乙。\n其他事项：\n（一）丙。\n")
    assert [len(p.items) for p in ordinance.article(1).paragraphs] == [2, 1]


def test_a_skipped_subitem_is_named_at_its_line(sources_tree):
    error = parse_error(sources_tree, "第一条 职责：\n（一）甲：\n1. 子一；\n2. 子二；\n4. 子四；\n（二）乙。\n")
    assert error.line == 5 and "目 4. should be 3. in 第一条（一）" in str(error)


def test_a_spaced_article_numeral_out_of_sequence_is_named_at_its_line(sources_tree):
    ordinance = parse_text(sources_tree, "第一条 甲。\n第 三 条 丙。\n第四条 丁。\n")
    assert [(n.line, n.what) for n in ordinance.article(3).notes] == [(2, "第二条")]


def test_a_chapter_heading_ending_in_a_full_stop_is_named_at_its_line(sources_tree):
    error = parse_error(sources_tree, "第一章 总则\n第一条 甲。\n第二章 分则。\n第二条 乙。\n"
                                      "第三章 附则\n第三条 丙。\n")
    assert error.line == 3 and "'第二章 分则。' has the shape of the heading 第二章" in str(error)
    assert "第三章 on line 5 follows where 第二章 should be" in str(error)


def test_the_last_chapter_heading_ending_in_a_full_stop_is_not_swallowed(sources_tree):
    title = "乡、民族乡、镇人民代表大会主席团，主席、副主席的职责"          # a comma: not a heading
    error = parse_error(sources_tree, f"第一章 总则\n第一条 甲。\n第二章 {title}\n第二条 乙。\n")
    shown = repr(f"第二章 {title}"[:30])                                # the first 30 characters
    assert str(error).endswith(f"test-ordinance.txt:3: {shown} has the shape of the heading 第二章 but "
                               "sentence punctuation in its title, so it is read as text: a heading "
                               "has no 。，；：？！")


def test_a_section_heading_ending_in_a_full_stop_is_named_at_its_line(sources_tree):
    error = parse_error(sources_tree, "第一章 总则\n第一节 一般规定\n第一条 甲。\n第二节 特别规定；\n"
                                      "第二条 乙。\n第二章 附则\n第三条 丙。\n")
    assert error.line == 4 and "has the shape of the heading 第二节" in str(error)


def test_a_text_line_shaped_like_another_heading_is_text(sources_tree):
    ordinance = parse_text(sources_tree, "第一章 总则\n第一条 甲。\n第三章 规定的事项，依照法律。\n")
    assert ordinance.article(1).paragraphs[1].text == "第三章规定的事项，依照法律。"


def test_an_article_of_ten_thousand_paragraphs_is_refused_at_its_line(sources_tree):
    error = parse_error(sources_tree, "第一条 甲。\n" + "款。\n" * 10000)      # 款 1 on line 1
    assert str(error).endswith("test-ordinance.txt:10000: 第一条 would have more than 9999 款 (from "
                               "line 1), which cannot be cited: is this really one article?")


@pytest.mark.parametrize("text, line, message", [
    ("第一章\n第一条 甲。\n", 1, "第一章 has no title"),
    ("第一章 总则\n第一节\n第一条 甲。\n", 2, "第一节 has no title"),
])
def test_a_heading_without_a_title(sources_tree, text, line, message):
    error = parse_error(sources_tree, text)
    assert error.line == line and message in str(error)


def test_lines_of_a_stray_zero_width_space_are_blank(sources_tree):
    """北京国际科技创新中心建设条例(2024-01-25).md, lines 5-15: after <!-- INFO END -->,
    lines holding only U+200B, before and after the first chapter heading."""
    ordinance = parse_text(sources_tree, "# 测试市测试条例\n\n<!-- INFO END -->\n\n\u200b\n\n\u200b\n\n"
                           "## 第一章 总 则\n\n\u200b\n\n第一条 为了测试。\n\n\u200b\n\n第二条 乙。\n", dedent=False)
    assert [a.paragraphs[0].text for a in ordinance.articles] == ["为了测试。", "乙。"]
    assert ordinance.chapters[0].title == "总则"
