"""Fidelity over the whole real corpus (corpora/lawrefbook/, 1,713 files, about 10 s).

For every file the parser accepts, as a build that keeps going would publish it:
the text of the model equals the source's (whitespace, Markdown heading marks and the
recorded repairs aside, replayed on the raw lines as in test_fidelity), and the labels
of its articles are the article headings of the source (第X条, 第X条之Y), in order.
A file that cannot be published is listed (printed), not failed. The corpus's
checksums (corpora/lawrefbook.sha256) must hold.

The metadata is the importer's (tests/lawrefbook.py imports the files as
`python build_corpus.py import lawrefbook` does).
"""

import hashlib
import re

import pytest

from lawsite.core.errors import SourceError
from lawsite.parse import builder, sources
from lawsite.parse.lexer import NUMBER

from .. import lawrefbook
from .test_fidelity import HEADING_MARKS, WHITESPACE, all_repairs, assert_a_change_is_caught, model_text, replay, source_text

# A zero-width space (U+200B) is whitespace here: the parser reads a line of nothing else
# as a blank line (it holds no character of law), as the launch texts' checks read spaces.
ZERO_WIDTH = "\u200b"

# an article heading of the source, as its editors wrote it: 第X条 (之Y) at the start of a
# line, then a space or the end of the line (第十二条规定的… is a sentence, not a heading),
# or with a space inside (第七十五 条体育…: a space misplaced by the extraction)
HEADING = re.compile(rf"^[\s\u3000]*(第\s*{NUMBER}\s*条(?:\s*之\s*{NUMBER})?)(\s|$)?")


def headings(lines: list[str], body_line: int) -> list[str]:
    """The article headings of the source body, without spaces, in order."""
    found = []
    for line in lines[body_line - 1:]:
        match = HEADING.match(HEADING_MARKS.sub("", line))
        if match and (match.group(2) is not None or re.search(r"\s", match.group(1))):
            found.append(WHITESPACE.sub("", match.group(1)))
    return found


def checksums() -> dict[str, str]:
    listed = {}
    for line in lawrefbook.CHECKSUMS.read_text(encoding="utf-8").splitlines():
        digest, name = line.split(None, 1)
        listed[name.lstrip("*")] = digest
    return listed


@pytest.fixture(scope="module")
def parsed(tmp_path_factory) -> tuple[list, list[str]]:
    """(every published ordinance with its source lines, the problem of each file left out)."""
    directory = tmp_path_factory.mktemp("lawrefbook")
    lawrefbook.add(lawrefbook.files(), directory)
    published, left_out = [], []
    for meta_path in sources.discover(directory):
        try:
            source = sources.read(meta_path)
            published.append((builder.parse(source), source))
        except SourceError as error:
            left_out.append(str(error))
    return published, left_out


def test_the_corpus_is_the_one_received():
    listed = checksums()
    found = {path.relative_to(lawrefbook.CORPUS).as_posix(): path for path in lawrefbook.files()}
    assert sorted(found) == sorted(listed) and len(found) == 1713
    wrong = [name for name, path in found.items()
             if hashlib.sha256(path.read_bytes()).hexdigest() != listed[name]]
    assert wrong == []


def test_every_published_article_is_its_source_text(parsed):
    published, left_out = parsed
    print(f"\n{len(published)} of {len(published) + len(left_out)} files published; left out:")
    print("\n".join(left_out))
    assert len(published) + len(left_out) == 1713 and published
    differ = []
    for ordinance, source in published:
        expected = source_text(replay(source.lines, all_repairs(ordinance)), ordinance)
        if model_text(ordinance).replace(ZERO_WIDTH, "") != expected.replace(ZERO_WIDTH, ""):
            differ.append(source.text_path)
    assert differ == []


def test_every_published_label_is_a_heading_of_the_source_in_order(parsed):
    published, _ = parsed
    differ = [(source.text_path, ordinance.title) for ordinance, source in published
              if [WHITESPACE.sub("", a.label) for a in ordinance.articles]
              != headings(source.lines, ordinance.body_line)]
    assert differ == []


def test_the_check_would_catch_a_lost_or_moved_character(parsed):
    """Not vacuous: one character dropped, or two swapped, in any published text fails it."""
    published, _ = parsed
    ordinance, source = published[len(published) // 2]
    expected = source_text(replay(source.lines, all_repairs(ordinance)), ordinance)
    paragraph = max((p for a in ordinance.articles for p in a.paragraphs), key=lambda p: len(p.text))
    assert_a_change_is_caught(ordinance, paragraph, expected)
    assert headings(["第一条 甲", "第二条规定的乙", "## 第三条之一", "第 四 条",
                     "第五 条戊"], 1) == ["第一条", "第三条之一", "第四条", "第五条"]


def test_a_preamble_is_published_whole_and_checked(parsed):
    """The two 守则 with a preamble before 第一条 (…为此，制定本守则。) are published with
    it, and the check covers it: a character dropped from the preamble fails it."""
    published, _ = parsed
    found = {source.meta["source"]["received_as"]: (ordinance, source)
             for ordinance, source in published if ordinance.preamble}
    assert sorted(found) == ["北京市人大常委会组成人员守则.md",
                             "北京市人民代表大会常务委员会组成人员守则.md"]
    for ordinance, source in found.values():
        [paragraph] = ordinance.preamble
        assert paragraph.eid == "preamble__para_1" and paragraph.text.endswith("为此，制定本守则。")
        assert ordinance.articles[0].label == "第一条"
        expected = source_text(replay(source.lines, all_repairs(ordinance)), ordinance)
        assert model_text(ordinance) == expected
        original = paragraph.text
        try:
            paragraph.text = original[:3] + original[4:]
            assert model_text(ordinance) != expected
        finally:
            paragraph.text = original
