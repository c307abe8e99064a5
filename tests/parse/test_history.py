"""Header lines in every shape of the real corpus (tests/fixtures/headers.yml: lines
cut from corpus files, each naming its file), read into entries without losing or
gluing a character; and the builder's header built on them."""

import datetime
from pathlib import Path

import pytest
import yaml

from lawsite.core.errors import SourceError
from lawsite.parse import builder, history, sources
from lawsite.parse.lexer import lex

from ..conftest import ROOT

CASES = yaml.safe_load((ROOT / "tests" / "fixtures" / "headers.yml").read_text(encoding="utf-8"))
CORPUS = ROOT / "corpora" / "lawrefbook"


def header_of(text: str, path: str = "t.md") -> history.Header:
    lines = lex(text.split("\n"))
    start = next((i for i, line in enumerate(lines) if line.kind in ("heading", "article", "toc")), len(lines))
    return history.parse(lines[:start], path)


def rebuilt(header: history.Header) -> str:
    """The separators and the entries (as in the stream), in order."""
    return header.separators[0] + "".join(entry.source + separator for entry, separator
                                          in zip(header.entries, header.separators[1:]))


@pytest.mark.parametrize("case", CASES, ids=[Path(case["file"]).stem for case in CASES])
def test_corpus_header_shapes_read_into_entries(case):
    header = header_of(case["text"], case["file"])
    assert [f"{e.date.isoformat() if e.date else '-'} {e.action}" for e in header.entries] == case["entries"]
    assert rebuilt(header) == header.stream                       # nothing lost, nothing added
    for entry in header.entries:                                  # each entry: its pieces, its joins
        assert entry.text == "".join(piece.text for piece in entry.pieces)
        assert "\n" not in entry.text and entry.source.replace("\n", "").replace(" ", "") == \
            entry.text.replace(" ", "")


@pytest.mark.parametrize("case", CASES, ids=[Path(case["file"]).stem for case in CASES])
def test_every_character_of_the_history_is_in_an_entry_or_a_separator(case):
    """Each non-blank character of the history lines is in exactly one entry's text or
    one separator, in order (the title and INFO END aside): never glued, never lost."""
    header = header_of(case["text"], case["file"])
    lines = lex(case["text"].split("\n"))
    body = next((i for i, line in enumerate(lines) if line.kind in ("heading", "article", "toc")), len(lines))
    history_chars = "".join(line.raw for line in lines[:body] if line.kind == "text" and line.raw.strip("\u200b")
                            and line.line != header.title_line and line.line not in header.repeated_title)
    pieces = header.separators[0] + "".join(e.text + s for e, s in zip(header.entries, header.separators[1:]))
    assert pieces.replace("\n", "") == history_chars


def test_a_wrapped_date_is_one_entry_with_its_positions():
    """济南市农村公路条例(2014-09-26): `2014年9月26` / `日山东省…批准`."""
    [case] = [c for c in CASES if "济南市农村公路条例" in c["file"]]
    entry = header_of(case["text"]).entries[1]
    assert entry.date == datetime.date(2014, 9, 26) and entry.body == "山东省人民代表大会常务委员会"
    assert [(p.line, p.column, p.text[:4]) for p in entry.pieces] == [(5, 0, "2014"), (7, 0, "日山东省")]


def test_entries_run_together_are_split_where_the_next_begins():
    """青岛市海洋环境保护规定: …批准2010年…公布自2010年5月1日施行 and …修正根据2018年…修正
    (the garbling `…修订根据` of the old reading)."""
    [case] = [c for c in CASES if "青岛市海洋环境保护规定" in c["file"]]
    entries = header_of(case["text"]).entries
    assert entries[2].text == "2010年3月31日青岛市人民代表大会常务委员会公告公布"
    assert entries[3].text == "自2010年5月1日施行"
    assert entries[4].text.endswith("的决定第一次修正") and entries[4].approved == (
        datetime.date(2016, 1, 22), "山东省人民代表大会常务委员会")
    assert entries[4].date == datetime.date(2015, 12, 25)
    assert entries[4].decision == "关于修改《青岛市海洋环境保护规定》的决定"        # wrapped: 关于修 / 改《…
    assert entries[5].text.startswith("根据2018年9月7日") and entries[5].ordinal == "第二次"


def test_brackets_around_the_history_are_separators_not_text():
    """山东省清洁生产促进条例: `（` on its own line, `…修正）`: no 修正） (the old `…修正））`)."""
    [case] = [c for c in CASES if "山东省清洁生产促进条例" in c["file"]]
    header = header_of(case["text"])
    assert header.separators[-3:] == ["\n（\n", " ", "）"]
    assert all(not entry.text.endswith("）") for entry in header.entries)


def test_a_repeated_and_wrapped_title_is_not_history():
    [case] = [c for c in CASES if "反恐怖主义法" in c["file"]]
    header = header_of(case["text"])
    assert header.repeated_title == [7, 9] and len(header.entries) == 1


def test_text_that_is_not_history_is_refused_at_its_line():
    with pytest.raises(SourceError) as caught:
        header_of("# 某条例\n\n2024年1月1日 某市第一届人民代表大会常务委员会第二次会议通过\n\n为了加强管理，制定本条例。\n")
    assert caught.value.line == 5 and "unexpected line before the first chapter or article" in caught.value.message


def test_the_decision_of_an_amendment():
    entry = header_of("# 某条例\n\n2020年3月26日 山东省第十三届人民代表大会常务委员会第十八次会议批准的2020年1月14日"
                      "青岛市第十六届人民代表大会常务委员会第二十次会议《关于修改〈青岛市某条例〉的决定》第六次修正\n").entries[0]
    assert (entry.action, entry.date, entry.body, entry.decision, entry.ordinal) == (
        "修正", datetime.date(2020, 1, 14), "青岛市人民代表大会常务委员会", "《关于修改〈青岛市某条例〉的决定》", "第六次")
    assert entry.meeting == "青岛市第十六届人民代表大会常务委员会第二十次会议"


def test_every_corpus_header_is_rebuilt_from_its_entries_and_separators():
    """Over the whole corpus: whatever the header reads, nothing is lost or glued."""
    read = 0
    for path in sorted(CORPUS.rglob("*.md")):
        lines, _ = sources.decode(path.read_bytes(), str(path))
        try:
            header = header_of("\n".join(lines), str(path))
        except SourceError:
            continue                             # a body shape before the first article (parse/)
        assert rebuilt(header) == header.stream, path
        read += 1
    assert read > 0.95 * len(list(CORPUS.rglob("*.md")))


def test_the_builder_uses_the_entries_and_repairs_them_in_place(sources_tree):
    """The header of the 济南市农村公路条例 shape, through the builder: two entries, the
    space after the date removed (a recorded repair at the file's line and column)."""
    sources_tree.add("# 测试市测试条例\n\n2014年7月23日 测试市第十五届人民代表大会常务委员会第十五次会议通过\n\n"
                     "2024年11月20\n\n日山东省第十四届人民代表大会常务委员会第十二次会议批准\n\n<!-- INFO END -->\n\n"
                     "第一条 甲。\n", enacted={"body": "测试市人民代表大会常务委员会", "body_en": "B",
                                                       "date": datetime.date(2014, 7, 23)})
    [source] = sources.read_all(sources_tree.root)
    ordinance = builder.parse(source)
    assert ordinance.history == ["2014年7月23日测试市第十五届人民代表大会常务委员会第十五次会议通过",
                                 "2024年11月20日山东省第十四届人民代表大会常务委员会第十二次会议批准"]
    [repair] = [r for r in ordinance.repairs if r.line == 3]
    assert (repair.kind, repair.column, repair.before) == ("remove-space", 11, " ")


def test_an_amendment_date_of_the_metadata_must_be_in_the_header(sources_tree):
    text = ("# 测试市测试条例\n\n2024年10月22日 测试市第一届人民代表大会常务委员会第二次会议通过\n\n"
            "2024年11月20日 山东省第十四届人民代表大会常务委员会第十二次会议批准\n\n"
            "2025年3月1日 测试市第一届人民代表大会常务委员会第九次会议《关于修改〈测试市测试条例〉的决定》修正\n\n"
            "第一条 甲。\n")
    sources_tree.add(text, amendments=[{"date": datetime.date(2025, 3, 1), "kind": "修正"}])
    [source] = sources.read_all(sources_tree.root)
    assert len(builder.parse(source).history) == 3
    sources_tree.add(text, amendments=[{"date": datetime.date(2025, 3, 2), "kind": "修正"}])
    [source] = sources.read_all(sources_tree.root)
    with pytest.raises(SourceError) as caught:
        builder.parse(source)
    assert "metadata's amendments[0].date is 2025-03-02" in caught.value.message and caught.value.line == 3


@pytest.mark.parametrize("case", CASES, ids=[Path(case["file"]).stem for case in CASES])
def test_every_corpus_header_shape_passes_the_builder(sources_tree, case):
    """Each shape, through the builder as a text of the corpus would go: the entries it
    publishes are the history's, none glued to the next (each has one action, at its end)."""
    title = case["text"].split("\n")[0].removeprefix("# ")
    adopted = datetime.date.fromisoformat(case["entries"][0].split()[0])      # as the importer would write it
    sources_tree.add(case["text"] + "\n第一条 甲。\n", dedent=False, title=title, approved=None,
                     enacted={"body": "某人民代表大会常务委员会", "body_en": "A Standing Committee", "date": adopted})
    [source] = sources.read_all(sources_tree.root)
    ordinance = builder.parse(source)
    assert len(ordinance.history) == len(case["entries"])
    for entry in ordinance.history:
        assert history.ENDS.search(entry) and not entry.endswith(("）", ")", "根据"))


def test_an_empty_title_line_is_read_and_never_taken_for_a_repeated_title():
    """A first line of heading marks alone ("#### ") has an empty title; the search for
    the title repeated below it once never moved on from it (a build that hung, found by
    the fuzz test). An alarm turns a hang into a failure."""
    import signal

    def hung(*_):
        raise TimeoutError("history.parse did not return")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(20)
    try:
        header = history.parse(lex(["#### ", "2024年1月1日通过"]), "t.txt")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert header.title == "" and header.repeated_title == []
    assert [entry.action for entry in header.entries] == ["通过"]
