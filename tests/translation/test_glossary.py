"""The terminology glossary of a translation and the build's check against it."""

import textwrap

import pytest

from lawsite import pipeline as build
from lawsite.core.errors import SourceError
from lawsite.translation import glossary, i18n

from ..conftest import SIMPLE, project


def write(path, text: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def test_a_glossary_reads_terms_with_their_lines(tmp_path):
    path = write(tmp_path / "glossary.yml", """
        terms:
          - zh: 有关部门
            en: relevant departments
            variants: [relevant department]
            note: the generic actor
          - zh: 数字经济
            en: digital economy
        """)
    terms = glossary.load(path)
    assert [(t.zh, t.renderings, t.line) for t in terms] == [
        ("有关部门", ("relevant departments", "relevant department"), 2),
        ("数字经济", ("digital economy",), 6)]


@pytest.mark.parametrize("text, line, problem", [
    ("terms:\n  - zh: 数据\n", 2, "`en` must be one line of text"),
    ("terms:\n  - zh: 数据\n    en: data\n  - zh: 数据\n    en: datum\n", 4, "listed twice (first on line 2)"),
    ("terms:\n  - zh: 数据\n    en: data\n    english: data\n", 4, "unknown key 'english'"),
    ("terms:\n  - zh: 数据\n    en: data\n    variants: data\n", 4, "`variants` must be a list"),
    ("terms: {}\n", 1, "one key, `terms:`"),
])
def test_a_malformed_glossary_names_its_line(tmp_path, text, line, problem):
    path = write(tmp_path / "glossary.yml", text)
    with pytest.raises(SourceError) as caught:
        glossary.load(path)
    assert caught.value.line == line and problem in caught.value.message


def fixture_corpus(sources_tree, tmp_path, translation: str, terms: str):
    sources_tree.add(SIMPLE)
    translations = tmp_path / "translations"
    write(translations / "en" / "test-ordinance.yml", translation)
    write(translations / "en" / glossary.FILE, terms)
    return build.load(project(sources_tree.root, translations))


TERMS = """
    terms:
      - zh: 本条例
        en: these Regulations
      - zh: 测试
        en: testing
      - zh: 施行
        en: come into force
    """


def test_the_build_warns_where_a_translation_misses_a_glossary_rendering(sources_tree, tmp_path):
    corpus = fixture_corpus(sources_tree, tmp_path, """
        date: 2026-12-01
        text:
          art_1__para_1: These Regulations are formulated for the purpose of testing.
          art_2__para_1: This Ordinance applies to trials.
          art_3__para_1: These Regulations shall come into force on 1 January 2025.
        """, TERMS)
    misses = [n for n in corpus.notices if "glossary" in n.message]
    assert all(n.path.endswith("translations/en/test-ordinance.yml") and n.line == 4 for n in misses)
    assert [n.message for n in misses] == [
        "art_2__para_1: the glossary renders 本条例 as 'these Regulations', which the translation does not use",
        "art_2__para_1: the glossary renders 测试 as 'testing', which the translation does not use"]


def test_a_term_inside_a_longer_term_counts_only_outside_it():
    longer = glossary.Term("公共数据", ("public data",), "", 2)
    assert not glossary._outside("数据", "公共数据开放", [longer])
    assert glossary._outside("数据", "公共数据和数据交易", [longer])


def test_renderings_match_case_insensitively_and_by_variant():
    term = glossary.Term("有关部门", ("relevant departments", "relevant department"), "", 1)
    assert term.rendered_in("The Relevant Department shall") and not term.rendered_in("the departments")


def test_the_launch_translations_follow_their_glossary():
    """Every miss of the launch translations is a build warning; there are none left
    (or the translation says why in the glossary's note — then this test names it)."""
    corpus = build.load(project())
    misses = [str(n) for n in corpus.notices if "the glossary renders" in n.message]
    assert misses == []


def test_a_translation_date_must_be_a_date(sources_tree, tmp_path):
    with pytest.raises(SourceError) as caught:
        fixture_corpus(sources_tree, tmp_path, "date: soon\ntext: {}\n", TERMS)
    assert caught.value.line == 1 and "`date` must be a date" in caught.value.message


def test_the_glossary_is_not_taken_for_an_ordinance(sources_tree, tmp_path):
    corpus = fixture_corpus(sources_tree, tmp_path, "text: {}\n", TERMS)
    en = corpus.languages[1]
    assert set(en.translations) == {"test-ordinance"}
    assert i18n.glossary_misses(corpus.languages, corpus.ordinances, tmp_path / "translations") == []
