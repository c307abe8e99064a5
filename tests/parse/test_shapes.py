"""The real shapes of the corpus the parser meets, one rule each (issue 16, item 4).

Each fixture in tests/fixtures/shapes/ is a few whole lines cut from a named file of
corpora/lawrefbook/ (tests/fixtures/shapes/sources.yml); the first test checks that.
"""

import re
from pathlib import Path

import pytest
import yaml

import build_corpus
from lawsite.core.errors import SourceError
from lawsite.model.document import ArticleNumber
from lawsite.parse import builder as parse
from lawsite.parse import front, outline, sources
from lawsite.parse.lexer import lex

from ..conftest import ROOT, corpus_args, translate_one

SHAPES = ROOT / "tests" / "fixtures" / "shapes"
MANIFEST = yaml.safe_load((SHAPES / "sources.yml").read_text(encoding="utf-8"))


def cut(entry: dict) -> bytes:
    lines = (ROOT / "corpora" / "lawrefbook" / entry["file"]).read_bytes().split(b"\n")
    kept = []
    for part in str(entry["lines"]).split(","):
        first, _, last = part.partition("-")
        kept += lines[int(first) - 1:int(last or first)]
    return b"\n".join(kept) + b"\n"


def fixture(name: str) -> bytes:
    return (SHAPES / f"{name}.txt").read_bytes()


def title_of(text: bytes) -> str:
    return re.sub(r"\s+", "", text.decode("utf-8").split("\n")[0].lstrip("# "))


def add(tree, name: str, slug: str = "test-ordinance", **meta):
    text = fixture(name)
    return tree.add(text, slug=slug, title=title_of(text), **meta)


def shape(tree, name: str, **meta):
    add(tree, name, **meta)
    [source] = sources.read_all(tree.root)
    return parse.parse(source), source


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_each_fixture_is_cut_from_its_corpus_file(name):
    assert fixture(name) == cut(MANIFEST[name])


# -- 1. the first chapter's heading missing upstream ----------------------------------------

def test_articles_before_the_second_chapter_are_chapter_one_marked_missing(sources_tree):
    ordinance, source = shape(sources_tree, "missing-first-chapter")
    first, second = ordinance.chapters
    assert (first.number, first.label, first.title, first.missing) == (1, "第一章", "", True)
    assert first.articles == [ArticleNumber(1), ArticleNumber(2), ArticleNumber(3)]
    assert [a.chapter for a in ordinance.articles] == [1, 1, 1, 2]
    assert [(n.kind, n.what) for n in first.notes] == [("heading-missing", "第一章")]
    assert (second.label, second.title, second.missing, second.notes) == ("第二章", "常委会会议", False, [])
    [notice] = source.notices
    assert str(notice).endswith(":3: 第二章 on line 9 is the first heading: the heading of 第一章 "
                                "is missing in the source (published with a note)")


def test_zongze_on_a_line_of_its_own_is_the_first_chapters_title_as_written(sources_tree):
    ordinance, _ = shape(sources_tree, "zongze-plain-line")
    [chapter] = ordinance.chapters
    assert (chapter.label, chapter.title, chapter.missing) == ("第一章", "总则", True)
    assert [(n.kind, n.line) for n in chapter.notes] == [("label-missing", 3)]
    assert chapter.articles == [ArticleNumber(1), ArticleNumber(2)]
    assert ordinance.history == []          # not a header line


def test_first_chapter_heading_without_a_space(sources_tree):
    sources_tree.add("# 测试市测试条例\n\n第一章总则\n\n第一条 甲。\n\n第二章 附则\n\n第二条 乙。\n")
    [source] = sources.read_all(sources_tree.root)
    ordinance = parse.parse(source)
    assert [(c.label, c.title, c.missing) for c in ordinance.chapters] == \
        [("第一章", "总则", False), ("第二章", "附则", False)]


def test_a_chapter_title_written_without_its_label(sources_tree):
    ordinance, source = shape(sources_tree, "chapter-label-missing")
    first, second, third = ordinance.chapters
    assert (second.number, second.label, second.title, second.missing) == (2, "第二章", "规划建设", True)
    assert (third.label, third.title, third.missing, third.notes) == ("第三章", "保护", False, [])
    assert first.articles == [ArticleNumber(n) for n in range(1, 7)]
    assert second.articles == [ArticleNumber(n) for n in range(7, 11)]
    assert "规划建设" not in ordinance.article(6).text()       # not a 款 of the article before
    assert [str(n).split(".txt")[1] for n in source.notices] == [
        ":29: '规划建设' stands where the heading of 第二章 should be: its title, without 第二章 "
        "(published with a note)"]


def test_a_plain_line_is_a_title_only_where_the_numbering_of_chapters_has_room_for_it(sources_tree):
    """Without the gap (第三章 after 第一章), the same plain line stays text, as it was."""
    text = fixture("chapter-label-missing").decode("utf-8").replace("## 第三章  保护", "## 第二章  保护")
    sources_tree.add(text, title=title_of(fixture("chapter-label-missing")))
    [source] = sources.read_all(sources_tree.root)
    ordinance = parse.parse(source)
    assert [c.title for c in ordinance.chapters] == ["总则", "保护"]
    assert ordinance.article(6).paragraphs[-1].text == "规划建设"


def test_a_chapter_numbering_gap_is_published_with_a_note(sources_tree):
    sources_tree.add("第一章 总则\n第一条 甲。\n第三章 附则\n第二条 乙。\n")
    [source] = sources.read_all(sources_tree.root)
    ordinance = parse.parse(source)
    assert [c.label for c in ordinance.chapters] == ["第一章", "第三章"]
    assert ordinance.chapter(3).articles == [ArticleNumber(2)]
    assert [(n.kind, n.what) for n in ordinance.chapter(3).notes] == [("headings-missing", "第二章")]
    assert [str(n).split(".txt")[1] for n in source.notices] == \
        [":3: 第三章 follows 第一章: the heading of 第二章 is missing in the source (published with a note)"]


def test_a_chapter_numbered_backwards_is_still_an_error(sources_tree):
    sources_tree.add("第一章 总则\n第一条 甲。\n第二章 分则\n第二条 乙。\n第二章 附则\n第三条 丙。\n")
    [source] = sources.read_all(sources_tree.root)
    with pytest.raises(SourceError, match=":5: 第二章 should be 第三章"):
        parse.parse(source)


# -- the pages: notes beside the text, never inside it ---------------------------------------

@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    """One docs/ build of several fixtures, as build_corpus.py writes it."""
    from ..conftest import SourcesTree
    root = tmp_path_factory.mktemp("shapes")
    tree = SourcesTree(root / "sources")
    add(tree, "missing-first-chapter", slug="missing-first-chapter")
    add(tree, "chapter-label-missing", slug="chapter-label-missing")
    add(tree, "article-number-missing", slug="article-number-missing")
    add(tree, "section-without-label", slug="section-without-label")
    add(tree, "document-without-articles", slug="document-without-articles")
    add(tree, "preamble", slug="preamble")
    add(tree, "item-marker-lost", slug="item-marker-lost")
    add(tree, "item-marker-lost", slug="item-marker-corrected", corrections=[SEVENTH])
    out = root / "docs"
    for slug in ("missing-first-chapter", "section-without-label", "preamble", "item-marker-corrected"):
        translate_one(root / "no-translations", tree.root, slug)          # the English pages exist
    assert build_corpus.main(corpus_args(tree.root, out)) == 0
    return out


def page(docs: Path, path: str) -> str:
    return (docs / path).read_text(encoding="utf-8")


def test_a_missing_heading_is_shown_as_an_editorial_note(docs):
    chapter = page(docs, "missing-first-chapter/chapter-1/index.md")
    assert "第一章〔原文缺标题〕" in chapter
    assert "编者注：原文缺少第一章的标题；以下各条按原文顺序列于第一章。" in chapter
    full = page(docs, "missing-first-chapter/full-text.md")
    assert full.count("编者注：原文缺少第一章的标题") == 1
    assert "第二章　常委会会议〔" not in full
    english = page(docs, "en/missing-first-chapter/chapter-1/index.md")
    assert "Chapter I [heading missing in the source]" in english
    assert "Editor&#x27;s note: The heading of 第一章 is missing in the source" in english
    label = page(docs, "chapter-label-missing/chapter-2/index.md")
    assert "第二章　规划建设〔原文缺序号〕" in label and "〔原文缺标题〕" not in label and "缺少“第二章”字样" in label


# -- 2. a 目录 written as chapter headings ----------------------------------------------------

def test_a_toc_written_as_headings_is_checked_against_the_body_and_skipped(sources_tree):
    ordinance, _ = shape(sources_tree, "toc-as-headings")
    assert ordinance.toc == ["第一章 总则", "第二章 保护规划和保护措施", "第三章 传承利用和公众参与",
                             "第四章 法律责任", "第五章 附则"]
    assert [c.label for c in ordinance.chapters] == ["第一章", "第二章", "第三章", "第四章", "第五章"]
    assert ordinance.body_line == 13 and ordinance.chapter(1).articles[0] == ArticleNumber(1)
    assert len(ordinance.articles) == 31


def test_a_toc_written_as_headings_that_disagrees_with_the_body(sources_tree):
    text = fixture("toc-as-headings").decode("utf-8").replace("## 第四章 法律责任\n\n## 第五章", "## 第四章 责任\n\n## 第五章", 1)
    sources_tree.add(text, title=title_of(fixture("toc-as-headings")))
    [source] = sources.read_all(sources_tree.root)
    with pytest.raises(SourceError, match=r":9: 目录 lists 第四章 责任 but the body has 第四章 法律责任 here"):
        parse.parse(source)


# -- 6. an article number missing upstream ----------------------------------------------------

def test_an_article_missing_upstream_is_published_as_it_is_with_a_note(sources_tree):
    ordinance, source = shape(sources_tree, "article-number-missing")
    assert [a.label for a in ordinance.articles] == ["第一条", "第二条", "第四条"]
    second, fourth = ordinance.article(2), ordinance.article(4)
    assert len(second.paragraphs) == 2 and second.paragraphs[1].text.startswith("森林防火工作坚持")
    assert (fourth.eid, len(fourth.paragraphs)) == ("art_4", 3)
    assert [(n.kind, n.line, n.what, n.eid) for n in fourth.notes] == [("article-missing", 11, "第三条", "art_4")]
    assert [str(n).split(".txt")[1] for n in source.notices] == \
        [":11: 第三条 is missing in the source: 第四条 follows 第二条 (published with a note)"]


def test_several_articles_missing_are_named_in_one_note(sources_tree):
    sources_tree.add("第一条 甲。\n第二条 乙。\n第五条 戊。\n")
    [source] = sources.read_all(sources_tree.root)
    assert [n.what for n in parse.parse(source).article(5).notes] == ["第三条至第四条"]


def test_a_missing_article_is_noted_on_the_article_after_the_gap(docs):
    note = "编者注：原文缺少第三条：本条之前的条文序号不连续，本站按原文发布，未重新编号。"
    article = page(docs, "article-number-missing/article-4.md")
    assert note in article and article.index(note) < article.index('id="art_4__para_1"')
    assert page(docs, "article-number-missing/full-text.md").count(note) == 1
    assert note not in page(docs, "article-number-missing/article-2.md")


# -- 9. stray zero-width spaces ---------------------------------------------------------------

def test_lines_of_only_a_zero_width_space_are_dropped_and_recorded(sources_tree):
    ordinance, _ = shape(sources_tree, "zero-width-space-lines")
    assert [(r.kind, r.line, r.column, r.before, r.after) for r in ordinance.repairs] == \
        [("drop-zero-width-space", line, 1, "\u200b", "") for line in (3, 5, 7)] + \
        [("remove-space", 9, 9, " ", ""), ("drop-zero-width-space", 11, 1, "\u200b", "")]
    assert [c.title for c in ordinance.chapters] == ["总则"]
    assert all("\u200b" not in element.text for article in ordinance.articles
               for _, element in article.elements())
    assert ordinance.history == []


# -- 5. section headings written without 第X节 -------------------------------------------------

def test_a_title_line_after_a_chapter_heading_is_its_first_section_as_written(sources_tree):
    ordinance, _ = shape(sources_tree, "section-without-label")
    chapter = ordinance.chapter(2)
    [section] = chapter.sections
    assert (section.number, section.label, section.title, section.eid) == (1, "", "一般规定", "chp_2__sec_1")
    assert section.articles == [ArticleNumber(7), ArticleNumber(8)] and chapter.articles == []
    assert [(a.chapter, a.section) for a in ordinance.articles[6:]] == [(2, 1), (2, 1)]


def test_sections_without_labels_follow_each_other_in_a_chapter(sources_tree):
    sources_tree.add("第一章 总则\n第一条 甲。\n第二章 业主自治\n业主\n第二条 乙。\n业主大会\n第三条 丙。\n"
                     "第三章 附则\n第四条 丁。\n")
    [source] = sources.read_all(sources_tree.root)
    ordinance = parse.parse(source)
    assert [(s.label, s.title, s.articles) for s in ordinance.chapter(2).sections] == \
        [("", "业主", [ArticleNumber(2)]), ("", "业主大会", [ArticleNumber(3)])]
    assert ordinance.article(2).text() == "乙。"


def test_chapter_titles_without_any_label_after_the_first_chapter(sources_tree):
    """北京市人民代表大会常务委员会议事规则(2010-12-23): 第一章 总则, then every chapter
    title alone on its line (会议的召开 … 附则)."""
    sources_tree.add("第一章 总则\n第一条 甲。\n会议的召开\n第二条 乙。\n乙二。\n附则\n第三条 丙。\n")
    [source] = sources.read_all(sources_tree.root)
    ordinance = parse.parse(source)
    assert [(c.label, c.title, c.missing) for c in ordinance.chapters] == \
        [("第一章", "总则", False), ("第二章", "会议的召开", True), ("第三章", "附则", True)]
    assert [len(a.paragraphs) for a in ordinance.articles] == [1, 2, 1]


def test_one_short_line_alone_is_a_paragraph_not_a_chapter(sources_tree):
    sources_tree.add("第一条 甲。\n第二条 乙：\n禁止吸烟\n第三条 丙。\n")
    [source] = sources.read_all(sources_tree.root)
    ordinance = parse.parse(source)
    assert ordinance.chapters == [] and ordinance.article(2).paragraphs[-1].text == "禁止吸烟"


def test_a_section_without_label_is_shown_by_its_title_alone(docs):
    chapter = page(docs, "section-without-label/chapter-2/index.md")
    assert '\n<h2 id="chp_2__sec_1">一般规定</h2>\n' in chapter
    assert '\n<h2 id="chp_2__sec_1">一般规定</h2>\n' in page(docs, "en/section-without-label/chapter-2/index.md")


# -- 4. documents without any 第X条 ------------------------------------------------------------

def test_a_decision_without_articles_is_a_document_of_paragraphs(sources_tree):
    ordinance, _ = shape(sources_tree, "document-without-articles")
    assert ordinance.articles == [] and ordinance.chapters == []
    assert [p.eid for p in ordinance.paragraphs] == [f"para_{n}" for n in range(1, 7)]
    texts = [p.text for p in ordinance.paragraphs]
    assert texts[0].startswith("根据《中华人民共和国耕地占用税法》")
    assert texts[1] == "一、北京市各区耕地占用税的适用税额"          # its ## marks dropped, recorded
    assert texts[5] == "本决定自2019年9月1日起施行。"
    assert [(r.kind, r.line, r.eid) for r in ordinance.repairs] == [("drop-heading-marks", 7, "para_2")]
    assert ordinance.body_line == 5 and ordinance.history == []


def test_a_document_with_nothing_after_its_header_is_still_refused(sources_tree):
    sources_tree.add("# 测试市测试条例\n\n<!-- INFO END -->\n\n")
    [source] = sources.read_all(sources_tree.root)
    with pytest.raises(SourceError, match="no article found"):
        parse.parse(source)


def test_a_document_of_paragraphs_is_shown_on_its_ordinance_page_and_full_text(docs):
    for path in ("document-without-articles/index.md", "document-without-articles/full-text.md"):
        text = page(docs, path)
        assert '<p class="ls-para" id="para_1">根据《中华人民共和国耕地占用税法》' in text, path
        assert text.index('id="para_5"') < text.index('id="para_6"')
    assert not list((docs / "document-without-articles").glob("article-*"))
    assert '"eid": "para_6"' in (docs / "data" / "corpus.json").read_text(encoding="utf-8")


# -- 3. items with paragraphs; an item marker lost upstream ------------------------------------

def test_an_item_with_its_own_paragraphs(sources_tree):
    ordinance, _ = shape(sources_tree, "item-with-paragraphs")
    article = ordinance.article(27)
    [paragraph, after] = article.paragraphs
    third = paragraph.items[2]
    assert third.label == "（三）" and [(p.number, p.eid, p.text[:10]) for p in third.paragraphs] == [
        (2, "art_27__para_1__point_3__para_2", "在市人民代表大会闭会"),
        (3, "art_27__para_1__point_3__para_3", "在本市区、县人民代表")]
    assert [i.label for i in paragraph.items] == ["（一）", "（二）", "（三）", "（四）"]
    assert after.text.startswith("根据市人民检察院检察长的建议")     # a 款 of its own, after the list
    walk = [element.eid for _, element in article.elements()]
    assert walk.index("art_27__para_1__point_3__para_3") + 1 == walk.index("art_27__para_1__point_4")
    assert [n.kind for n in article.notes] == ["article-missing"]      # the fixture's own cut


def test_an_item_marker_lost_upstream_is_published_exactly_with_a_note(sources_tree):
    ordinance, source = shape(sources_tree, "item-marker-lost")
    article = ordinance.article(16)
    [paragraph, closing] = article.paragraphs
    seventh = paragraph.items[6]
    assert (seventh.number, seventh.label, seventh.eid) == (7, "", "art_16__para_1__point_7")
    assert seventh.text.startswith("改变共有部分的用途")
    assert [i.label for i in paragraph.items[7:]] == ["（八）", "（九）", "（十）", "（十一）", "（十二）", "（十三）"]
    assert [(n.kind, n.line, n.what, n.eid) for n in article.notes if n.kind == "item-marker-missing"] == \
        [("item-marker-missing", 21, "（七）", "art_16__para_1__point_7")]
    assert closing.text.startswith("前款业主共同决定事项")
    assert any(str(n).endswith(":21: item marker missing: （七） is expected at the start of this line in "
                               "第十六条 (（八） follows; published as it is, with a note)") for n in source.notices)


def test_a_lost_item_marker_is_noted_after_the_item_and_the_item_has_no_label(docs):
    article = page(docs, "item-marker-lost/article-16.md")
    note = "编者注：原文此项缺少项号“（七）”，本站按原文发布。"
    assert article.index('id="art_16__para_1__point_7"') < article.index(note) < \
        article.index('id="art_16__para_1__point_8"')
    item = article[article.index('id="art_16__para_1__point_7"'):article.index(note)]
    assert "ls-num" not in item and "改变共有部分的用途" in item


# -- 8. declared corrections -------------------------------------------------------------------

SEVENTH = {"line": 21, "column": 1, "insert": "（七）", "kind": "missing-item-marker",
           "note": "第十六条第（六）项之后一项的项号（七）在原文中缺失"}


def test_a_declared_correction_inserts_the_lost_marker_as_a_recorded_repair(sources_tree):
    ordinance, source = shape(sources_tree, "item-marker-lost", corrections=[SEVENTH])
    article = ordinance.article(16)
    seventh = article.paragraphs[0].items[6]
    assert (seventh.label, seventh.eid) == ("（七）", "art_16__para_1__point_7")
    assert seventh.text.startswith("改变共有部分的用途")
    [correction] = [r for r in ordinance.repairs if r.kind == "declared-correction"]
    assert (correction.line, correction.column, correction.before, correction.after, correction.eid) == \
        (21, 1, "", "（七）", "art_16__para_1__point_7")
    assert correction in article.repairs
    assert [(n.kind, n.what, n.eid) for n in article.notes if n.kind != "article-missing"] == \
        [("declared-correction", "（七）", "art_16__para_1__point_7")]
    assert (sources_tree.root / "ordinances" / "test-ordinance.txt").read_bytes() == fixture("item-marker-lost")
    assert not any("item marker missing" in str(n) for n in source.notices)


def test_a_reference_to_the_corrected_item_resolves(sources_tree):
    from lawsite.enrich import references
    add(sources_tree, "item-marker-lost", slug="zhengzhou", corrections=[SEVENTH])
    sources_tree.add("# 测试市测试条例\n\n第一条 依照《郑州市物业管理条例》第十六条第七项的规定。\n")
    ordinances = [parse.parse(source) for source in sources.read_all(sources_tree.root)]
    found, notices = references.find(ordinances)
    [reference] = found["test-ordinance/art_1__para_1"]
    assert (reference.kind, reference.slug, reference.target) == ("internal", "zhengzhou", "art_16__para_1__point_7")
    assert notices == []


@pytest.mark.parametrize("change, message", [
    ({"insert": "<b>七</b>"}, "insert '<b>七</b>' is not a missing-item-marker (e.g. （七）)"),
    ({"insert": "（七） "}, "is not a missing-item-marker"),
    ({"kind": "rewrite"}, "kind must be one of missing-item-marker, missing-punctuation, not 'rewrite'"),
    ({"line": 0}, "line must be a whole number from 1, not 0"),
    ({"column": True}, "column must be a whole number from 1, not True"),
    ({"note": "a\nb"}, "note must be text on one line"),
    ({"replace": "x"}, "unknown key 'replace' (expected line, column, insert, kind, note)"),
    ({"insert": "（七）" * 5}, "insert must be a few characters of plain text"),
])
def test_a_malformed_correction_is_refused_at_its_line(sources_tree, change, message):
    entry = {**SEVENTH, **change}
    with pytest.raises(SourceError) as caught:
        shape(sources_tree, "item-marker-lost", corrections=[entry])
    assert caught.value.path.endswith("test-ordinance.yml") and caught.value.line is not None
    assert message in str(caught.value)


def test_a_correction_outside_the_text_is_refused(sources_tree):
    with pytest.raises(SourceError, match=r"test-ordinance.yml:\d+: corrections: .* has no line 999, column 1"):
        shape(sources_tree, "item-marker-lost", corrections=[{**SEVENTH, "line": 999}])


def test_a_declared_correction_is_shown_as_inserted_by_the_editor(docs):
    article = page(docs, "item-marker-corrected/article-16.md")
    note = "编者注：“（七）”为编者所加：原文此处缺少，编者据元数据中的更正声明补入。"
    assert article.index('id="art_16__para_1__point_7"') < article.index(note) < \
        article.index('id="art_16__para_1__point_8"')
    assert '<span class="ls-num">（七）</span>改变共有部分的用途' in article
    assert "was inserted by the editor" in page(docs, "en/item-marker-corrected/article-16.md")
    data = (docs / "data" / "corpus.json").read_text(encoding="utf-8")
    assert '"kind": "declared-correction"' in data


def test_an_item_lost_upstream_leaves_a_gap_with_a_note(sources_tree):
    ordinance, source = shape(sources_tree, "item-number-missing")
    article = ordinance.article(7)
    listed = article.paragraphs[1]
    assert [(i.label, i.eid) for i in listed.items] == [
        ("（一）", "art_7__para_2__point_1"), ("（二）", "art_7__para_2__point_2"),
        ("（四）", "art_7__para_2__point_4"), ("（五）", "art_7__para_2__point_5")]
    assert [(n.kind, n.what, n.eid) for n in article.notes if n.kind == "item-missing"] == \
        [("item-missing", "（三）", "art_7__para_2__point_4")]
    assert any(str(n).endswith("item （三） is missing in the source: （四） follows （二） in 第七条 "
                               "(published with a note)") for n in source.notices)


def test_a_reference_to_an_item_after_the_gap_keeps_its_number(sources_tree):
    from lawsite.enrich import references
    add(sources_tree, "item-number-missing", slug="shaoxing")
    sources_tree.add("# 测试市测试条例\n\n第一条 依照《绍兴黄酒保护和发展条例》第七条第二款第四项、第七条第二款第三项。\n")
    found, notices = references.find([parse.parse(s) for s in sources.read_all(sources_tree.root)])
    assert [(r.kind, r.target) for r in found["test-ordinance/art_1__para_1"]] == \
        [("internal", "art_7__para_2__point_4"), ("unresolved", "")]


def test_a_line_opening_with_an_item_marker_is_never_joined_to_the_line_before(sources_tree):
    """青岛市档案管理条例 第四十条 ends its opening 款 with a stray 、 (…给予行政处分:、)."""
    ordinance, _ = shape(sources_tree, "item-after-an-unfinished-line")
    [paragraph] = ordinance.article(40).paragraphs
    assert paragraph.text.endswith("给予行政处分：、")
    assert [i.label for i in paragraph.items] == [f"（{n}）" for n in "一二三四五六七"]


def test_a_line_that_cites_items_is_a_paragraph_not_an_item(sources_tree):
    """北京市区、乡、民族乡、镇人民代表大会代表选举实施细则(2021-05-27) 第三十五条."""
    sources_tree.add("第一条 下列人员：\n（一）甲；\n（二）乙。\n（一）至（二）项所列人员，可以丙。\n")
    [source] = sources.read_all(sources_tree.root)
    article = parse.parse(source).article(1)
    assert [len(p.items) for p in article.paragraphs] == [2, 0]
    assert article.paragraphs[1].text == "（一）至（二）项所列人员，可以丙。"


# -- headings: wrapped over two lines, or with a comma ------------------------------------------

def test_a_chapter_title_wrapped_over_two_lines_is_joined_as_a_recorded_repair(sources_tree):
    ordinance, _ = shape(sources_tree, "title-wrapped-over-two-lines")
    chapter = ordinance.chapter(2)
    assert chapter.title == "自治机关和监察委员会、人民法院、人民检察院" and chapter.sections == []
    assert chapter.articles == [ArticleNumber(9)]
    assert [(r.kind, r.line, r.eid) for r in ordinance.repairs if r.kind == "join-line"] == [("join-line", 9, "chp_2")]


def test_a_heading_written_as_a_markdown_heading_may_have_a_comma(sources_tree):
    ordinance, _ = shape(sources_tree, "heading-with-a-comma")
    assert ordinance.chapter(4).title == "乡、民族乡、镇人民代表大会主席团，主席、副主席"
    assert ordinance.chapter(4).articles == [ArticleNumber(17)]


# -- a preamble between the header and 第一条 ---------------------------------------------------

PREAMBLE = "北京市人民代表大会常务委员会组成人员（以下简称常委会组成人员）肩负着市人大代表和全市人民的重托，"


def test_a_preamble_before_the_first_article_is_published_as_written(sources_tree):
    ordinance, source = shape(sources_tree, "preamble")
    [paragraph] = ordinance.preamble
    assert (paragraph.eid, paragraph.number, paragraph.line) == ("preamble__para_1", 1, 5)
    assert paragraph.text == source.lines[4] and paragraph.text.startswith(PREAMBLE)
    assert paragraph.text.endswith("为此，制定本守则。")
    assert [a.label for a in ordinance.articles] == ["第一条", "第二条"]
    assert ordinance.paragraphs == [] and ordinance.history == [] and ordinance.body_line == 7


def test_a_preamble_after_the_dated_lines_without_the_mark(sources_tree):
    sources_tree.add("# 测试市测试条例\n\n2024年10月22日测试市人民代表大会常务委员会第一次会议通过\n\n"
                     "为了测试，制定本条例。\n\n第一条 甲。\n", approved=None)
    [source] = sources.read_all(sources_tree.root)
    ordinance = parse.parse(source)
    assert [(p.eid, p.text, p.line) for p in ordinance.preamble] == \
        [("preamble__para_1", "为了测试，制定本条例。", 5)]
    assert len(ordinance.history) == 1


@pytest.mark.parametrize("header", [
    "2024年10月22日测试市人民代表大会常务委员会第一次会议通过\n为了测试，制定本条例。",   # no blank line
    "为了测试，制定本条例。",                                                    # no dated line before it
    "为了测试，制定本条例。\n\n<!-- INFO END -->",                               # before the mark
    "<!-- INFO END -->\n\n常务委员会第三十次会议通过）",                          # a history line's end
    "<!-- INFO END -->\n\n为了测试，制定本条例\n\n第一次会议通过。",                # an action, even with 。
    "<!-- INFO END -->\n\n2024年10月22日测试市人大常委会第一次会议通过。",            # a dated line
])
def test_a_header_line_of_another_shape_is_never_taken_as_preamble(header):
    lines = lex(f"# 测试市测试条例\n\n{header}\n\n第一条 甲。\n".split("\n"))
    head, _, _ = outline.split(lines, "test.txt")
    assert front.split_preamble(head) == (head, [])


def test_text_right_after_the_dated_lines_is_still_refused(sources_tree):
    sources_tree.add("# 测试市测试条例\n\n2024年10月22日测试市人民代表大会常务委员会第一次会议通过\n"
                     "为了测试，制定本条例。\n\n第一条 甲。\n", approved=None)
    [source] = sources.read_all(sources_tree.root)
    with pytest.raises(SourceError, match="unexpected line before the first chapter or article"):
        parse.parse(source)


def test_a_preamble_is_shown_before_the_text_in_both_languages(docs):
    start = '<p class="ls-para ls-preamble-para" id="preamble__para_1">' + PREAMBLE
    english = '<p class="ls-para ls-preamble-para ls-fallback" id="preamble__para_1" lang="zh-CN">' + PREAMBLE
    for path, shown in (("preamble/index.md", start), ("preamble/full-text.md", start),
                        ("en/preamble/index.md", english), ("en/preamble/full-text.md", english)):
        text = page(docs, path)
        assert text.count(shown) == 1, path
        after = 'id="contents"' if path.endswith("index.md") else 'id="art_1"'
        assert text.index(shown) < text.index(after), path
    data = (docs / "data" / "corpus.json").read_text(encoding="utf-8")
    assert '"preamble": [\n' in data and '"eid": "preamble__para_1"' in data


def test_a_translation_may_translate_the_preamble(sources_tree, tmp_path):
    from lawsite.translation import i18n
    ordinance, _ = shape(sources_tree, "preamble")
    path = tmp_path / "en" / "test-ordinance.yml"
    path.parent.mkdir()
    path.write_text("date: 2026-12-01\ntext:\n  preamble__para_1: The members of the Standing Committee …\n",
                    encoding="utf-8")
    translation = i18n.load_translation(path, ordinance)
    assert translation.text == {"preamble__para_1": "The members of the Standing Committee …"}


def test_the_home_page_counts_a_decisions_paragraphs_not_its_articles(docs):
    for lang, count, articles in (("zh", "共6段", "共2条"), ("en", "6 paragraphs", "2 articles")):
        listing = (docs / ".fragments" / f"ordinances.{lang}.md").read_text(encoding="utf-8").split("\n- ")
        [decision] = [entry for entry in listing if "(document-without-articles/index.md)" in entry]
        [preamble] = [entry for entry in listing if "(preamble/index.md)" in entry]
        assert f"　{count}</span>" in decision, decision
        assert "0条" not in decision and "0 articles" not in decision
        assert f"　{articles}</span>" in preamble
