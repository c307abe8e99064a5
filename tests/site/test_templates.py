"""HTML fragments come from templates with autoescape: whatever a value holds is shown,
never run, escaped exactly as html.escape escapes it."""

import contextlib
import html
import io
import shutil

import jinja2
import pytest

import build_corpus
from lawsite.publish.output import hand_written_only
from lawsite.site import templates

from ..conftest import ROOT, SIMPLE, SourcesTree, corpus_args, translate_one

HOSTILE = "\"'><script>alert(1)</script>&amp;"


def test_every_value_is_escaped_as_html_escape_does():
    out = templates.render("notice.html", text=HOSTILE, cls="ls-notice")
    assert out == f'<p class="ls-notice" data-search-exclude>{html.escape(HOSTILE)}</p>'
    assert "<script>" not in out


def test_the_citation_box_escapes_text_and_attributes():
    out = templates.render("citation_box.html", title="引用", copy="复制",
                           rows=[{"name": HOSTILE, "text": HOSTILE, "shown": HOSTILE, "copy_label": HOSTILE}])
    assert "<script>" not in out and out.count(html.escape(HOSTILE)) == 4
    assert f'data-copy="{html.escape(HOSTILE)}"' in out


def test_a_missing_value_is_an_error_not_an_empty_string():
    with pytest.raises(jinja2.UndefinedError):
        templates.render("notice.html", text="x")


# -- the fragments of the pages (templates/fragments.html) ------------------------------------

def test_a_fragment_escapes_text_and_places_markup_as_it_is():
    out = templates.fragment("law_header", HOSTILE, [HOSTILE, templates.safe("<i>甲</i>")])
    assert "<script>" not in out and out.count(html.escape(HOSTILE)) == 2 and "<i>甲</i>" in out
    pin = templates.fragment("pin", HOSTILE, HOSTILE, HOSTILE, HOSTILE)
    assert "<script>" not in pin and pin.count(f'"{html.escape(HOSTILE)}"') == 4
    cell = templates.fragment("compare_cell", HOSTILE, HOSTILE, False, [(HOSTILE, True), (HOSTILE, False)])
    assert "<script>" not in cell and cell.count(html.escape(HOSTILE)) == 4


def test_a_fragment_is_one_line_without_the_template_s_whitespace():
    assert templates.fragment("extref", "《法》") == '<cite class="ls-extref">《法》</cite>'
    assert templates.fragment("untranslated", "未翻译") == ' <span class="ls-untranslated">未翻译</span>'
    assert templates.fragment("comparison", "ls-compare", []) == '<div class="ls-compare">\n\n</div>'
    assert templates.fragment("comparison", "ls-compare", [[None, templates.safe("<b>x</b>")]]) == \
        '<div class="ls-compare">\n<div class="ls-compare-row" lang="zh-CN">' \
        '<div class="ls-side ls-side--empty"></div><b>x</b></div>\n</div>'
    assert templates.fragment("block", "ls-x", templates.safe("<ul>\n<li>a</li>\n</ul>")) == \
        '<div class="ls-x">\n<ul>\n<li>a</li>\n</ul>\n</div>'
    assert templates.fragment("block", "ls-x", "", exclude=True) == '<div class="ls-x" data-search-exclude=""></div>'


# Curated names with markup: shown as text in every fragment of both language trees (the
# whole built site is checked by tests/test_hostile_input.py; this is the generated HTML)
TITLE = '测试市"<script>alert(1)</script>&amp;条例'
NAMES = {"title": TITLE, "title_en": 'Test "<script>alert(2)</script>&amp; Regulations',
         "short_title": '测试"<script>alert(3)</script>', "short_title_en": 'Test "<script>alert(4)</script>'}


def test_hostile_titles_are_text_in_the_pages_of_both_trees(tmp_path):
    tree = SourcesTree(tmp_path / "sources")
    tree.add(SIMPLE.replace("测试市测试条例", TITLE), **NAMES)
    translations = tmp_path / "translations"
    translate_one(translations, tree.root, "test-ordinance")
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs, ignore=hand_written_only(ROOT / "docs"))
    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        assert build_corpus.main(corpus_args(tree.root, docs, translations)) == 0
    for tree_dir, lang in ((docs / "test-ordinance", "zh"), (docs / "en" / "test-ordinance", "en")):
        pages = {path.relative_to(tree_dir).as_posix(): path.read_text(encoding="utf-8")
                 for path in tree_dir.rglob("*.md")}
        assert {"index.md", "article-1.md", "chapter-1/index.md", "full-text.md"} <= set(pages), lang
        for name, text in pages.items():         # (the front matter is data: its templates escape it)
            assert "<script>" not in text.split("\n---\n", 1)[1], (lang, name)
        article = pages["article-1.md"]
        header = next(line for line in article.split("\n") if 'class="ls-law"' in line)
        number = "1" if lang == "zh" else "2"                 # the title of the tree (HTML-escaped)
        assert f"&lt;script&gt;alert({number})&lt;/script&gt;" in header, lang
        pins = [line for line in article.split("\n") if 'class="ls-pin"' in line]
        assert pins and all("&lt;script&gt;" in line for line in pins), lang      # data-cite: the title
