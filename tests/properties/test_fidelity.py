"""Fidelity: not one character of law lost, added or reordered.

The text of the model, concatenated in reading order, must equal the source
body with only whitespace, Markdown heading marks and the recorded repairs
removed. The check replays the repairs recorded in the data on the raw file —
it does not call the repair code — so a repair that was not recorded, or a
character the parser dropped, fails it.
"""

import re

import pytest

from lawsite import pipeline as build
from lawsite.model import document as model
from lawsite.parse import sources
from lawsite.site.export import corpus as export_corpus

from ..conftest import ROOT, project

HEADING_MARKS = re.compile(r"^[ \t\u3000]*#{1,6}[ \t\u3000]+")
WHITESPACE = re.compile(r"\s+")
TOC_LINE = re.compile(r"^[ \t\u3000#]*目\s*录\s*$")


def replay(lines: list[str], repairs: list[dict]) -> list[str]:
    """Apply the recorded repairs to the raw lines, checking each `before` is there."""
    lines = list(lines)
    for repair in sorted(repairs, key=lambda r: (r["line"], r["column"]), reverse=True):
        text, at = lines[repair["line"] - 1], repair["column"] - 1
        assert text[at: at + len(repair["before"])] == repair["before"], repair
        lines[repair["line"] - 1] = text[:at] + repair["after"] + text[at + len(repair["before"]):]
    return lines


def model_text(ordinance: model.Ordinance) -> str:
    parts = [paragraph.text for paragraph in ordinance.preamble]      # before 第一条, if any
    parts += [paragraph.text for paragraph in ordinance.paragraphs]   # a document without articles
    for part in ordinance.outline():
        if isinstance(part, model.Article):
            parts.append(part.label)
            for _, element in part.elements():
                parts.append(getattr(element, "label", "") + element.text)
        else:                       # a chapter whose heading is missing upstream: its title only
            parts.append(("" if getattr(part, "missing", False) else part.label) + part.title)
    return WHITESPACE.sub("", "".join(parts))


def source_body(lines: list[str], body_line: int) -> str:
    body = [HEADING_MARKS.sub("", line) for line in lines[body_line - 1:]]
    return WHITESPACE.sub("", "".join(body))


def source_text(lines: list[str], ordinance: model.Ordinance) -> str:
    """What model_text must equal: the source's preamble, if it has one (its first line up
    to the 目录 or the body), then its body."""
    preamble = []
    if ordinance.preamble:
        for line in lines[ordinance.preamble[0].line - 1: ordinance.body_line - 1]:
            if TOC_LINE.match(line):
                break
            preamble.append(line)
    return WHITESPACE.sub("", "".join(preamble)) + source_body(lines, ordinance.body_line)


def header_text(lines: list[str], body_line: int) -> str:
    header = []
    for line in lines[: body_line - 1]:
        if TOC_LINE.match(line):
            break                                   # the 目录 follows; it is checked on its own
        line = HEADING_MARKS.sub("", line)
        line = re.sub(r"^\s*[-*+]\s+", "", line)    # list markers
        line = re.sub(r"<!--.*?-->", "", line)      # comments
        header.append(line)
    return re.sub(r"[\s()（）]", "", "".join(header))


def all_repairs(ordinance: model.Ordinance) -> list[dict]:
    data = export_corpus([ordinance])["ordinances"][0]
    return [r for a in data["articles"] for r in a["repairs"]] + data["heading_repairs"]


@pytest.fixture(scope="module", params=["yantai-digital-economy", "jinan-digital-economy"])
def launch(request):
    corpus = build.load(project())
    [ordinance] = [o for o in corpus.ordinances if o.slug == request.param]
    source = sources.read(ROOT / "sources" / "ordinances" / f"{request.param}.yml")
    return ordinance, source.lines


def test_body_is_the_source_minus_whitespace_markup_and_recorded_repairs(launch):
    ordinance, lines = launch
    assert model_text(ordinance) == source_text(replay(lines, all_repairs(ordinance)), ordinance)


def test_header_is_the_title_and_history(launch):
    ordinance, lines = launch
    assert header_text(replay(lines, all_repairs(ordinance)), ordinance.body_line) == \
        WHITESPACE.sub("", ordinance.title + "".join(ordinance.history))


def test_an_unrecorded_change_would_be_caught(launch):
    """The check is not vacuous: dropping or swapping one character of law fails it."""
    ordinance, lines = launch
    expected = source_text(replay(lines, all_repairs(ordinance)), ordinance)
    assert_a_change_is_caught(ordinance, ordinance.article(5).paragraphs[0], expected)


def assert_a_change_is_caught(ordinance, paragraph, expected: str) -> None:
    """Dropping one character of `paragraph`, or swapping two, makes the model's text
    differ from `expected` (the paragraph is restored afterwards)."""
    original = paragraph.text
    try:
        paragraph.text = original[:3] + original[4:]
        assert model_text(ordinance) != expected
        paragraph.text = original[:3] + original[4] + original[3] + original[5:]
        assert model_text(ordinance) != expected
    finally:
        paragraph.text = original


def test_only_whitespace_and_recorded_repairs_differ_in_jinan():
    corpus = build.load(project())
    jinan = next(o for o in corpus.ordinances if o.slug == "jinan-digital-economy")
    kinds = {r.kind for r in jinan.repairs}
    assert kinds == {"remove-space", "full-width-punctuation", "join-line", "drop-heading-marks"}
    changed = [r for r in jinan.repairs if r.before.strip() or r.after.strip()]
    # characters that changed (not whitespace) are half-width → full-width punctuation or
    # the heading marks of the page-break fragment; nothing else
    assert {(r.before.strip(), r.after) for r in changed} <= {
        (",", "，"), (";", "；"), ("####", "")}


SHAPES = ROOT / "tests" / "fixtures" / "shapes"


@pytest.mark.parametrize("name", sorted(path.stem for path in SHAPES.glob("*.txt")))
def test_the_real_shapes_keep_every_character(name, sources_tree):
    """The fixtures of the corpus's real shapes (tests/fixtures/shapes/): a chapter with
    its heading missing, a 目录 written as headings, an article missing upstream … keep
    every character of their body, in order."""
    text = (SHAPES / f"{name}.txt").read_bytes()
    sources_tree.add(text, title=re.sub(r"\s+", "", text.decode("utf-8").split("\n")[0].lstrip("# ")))
    [ordinance] = build.load(project(sources_tree.root)).ordinances
    lines = text.decode("utf-8").split("\n")
    assert model_text(ordinance) == source_text(replay(lines, all_repairs(ordinance)), ordinance)


def test_a_declared_correction_is_the_one_recorded_insertion(sources_tree):
    """With the editor's correction (（七）, inserted at 21:1) the model holds the
    source plus exactly that insertion; replaying the recorded repairs accounts for it."""
    text = (SHAPES / "item-marker-lost.txt").read_bytes()
    correction = {"line": 21, "column": 1, "insert": "（七）", "kind": "missing-item-marker",
                  "note": "项号缺失"}
    sources_tree.add(text, title="郑州市物业管理条例", corrections=[correction])
    [ordinance] = build.load(project(sources_tree.root)).ordinances
    lines = text.decode("utf-8").split("\n")
    expected = source_text(replay(lines, all_repairs(ordinance)), ordinance)
    assert model_text(ordinance) == expected and "（六）" in expected and "（七）改变共有部分" in expected
    assert "（七）" not in source_body(lines, ordinance.body_line)
