"""The whole corpus build: python build_corpus.py → docs/data/corpus.json."""

import json
import shutil
import subprocess
import sys

import jsonschema
import pytest

import build_corpus
from lawsite.publish.output import MANIFEST, all_files

from .conftest import ROOT, SIMPLE, corpus_args

SCHEMA = json.loads((ROOT / "lawsite" / "site" / "corpus.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    docs = tmp_path_factory.mktemp("docs")
    assert build_corpus.main(["--sources", str(ROOT / "sources"), "--docs", str(docs)]) == 0
    return docs


@pytest.fixture(scope="module")
def corpus(built):
    return json.loads((built / "data" / "corpus.json").read_text(encoding="utf-8"))


def test_corpus_json_follows_its_schema(corpus):
    jsonschema.validate(corpus, SCHEMA)


def test_schema_is_published_beside_the_data(built):
    assert json.loads((built / "data" / "corpus.schema.json").read_text()) == SCHEMA


def test_corpus_json_article_fields(corpus):
    yantai = next(o for o in corpus["ordinances"] if o["slug"] == "yantai-digital-economy")
    article = yantai["articles"][27]
    assert {k: article[k] for k in ("ordinance", "number", "label", "eid", "chapter", "section", "url")} == {
        "ordinance": "yantai-digital-economy", "number": 28, "label": "第二十八条", "eid": "art_28",
        "chapter": 4, "section": None, "url": "yantai-digital-economy/article-28/"}
    assert [p["eid"] for p in article["paragraphs"]] == [f"art_28__para_{k}" for k in range(1, 5)]
    assert yantai["metadata"]["effective"] == "2025-01-01"
    launch = {o["slug"]: len(o["articles"]) for o in corpus["ordinances"]
              if o["slug"] in ("jinan-digital-economy", "yantai-digital-economy")}
    assert launch == {"jinan-digital-economy": 60, "yantai-digital-economy": 62}


def test_standard_clauses_are_in_the_data_and_have_no_parallels(corpus):
    standard = corpus["standard_clauses"]
    assert standard["yantai-digital-economy"] == {"1": "purpose", "2": "scope", "61": "liability",
                                                   "62": "entry_into_force"}
    assert standard["jinan-digital-economy"]["60"] == "entry_into_force"
    for slug, articles in standard.items():
        assert not set(articles) & set(corpus["parallels"].get(slug, {}))


def test_repairs_are_in_the_data(corpus):
    jinan = next(o for o in corpus["ordinances"] if o["slug"] == "jinan-digital-economy")
    article = jinan["articles"][13]
    assert {(r["kind"], r["line"], r["before"]) for r in article["repairs"]} >= {
        ("drop-heading-marks", 67, "#### ")}
    assert jinan["heading_repairs"][0]["eid"] == "chp_1"


def test_same_sources_give_byte_identical_output(built, tmp_path):
    assert build_corpus.main(["--sources", str(ROOT / "sources"), "--docs", str(tmp_path)]) == 0
    assert all_files(tmp_path) == all_files(built) and len(all_files(built)) > 350
    for path in all_files(built):
        assert (tmp_path / path).read_bytes() == (built / path).read_bytes(), path


def test_bad_input_writes_nothing_and_names_file_and_line(sources_tree, tmp_path, capsys):
    sources_tree.add(SIMPLE)
    sources_tree.add("第一条 甲。\n第一条 丙。\n", slug="broken")
    docs = tmp_path / "docs"
    assert build_corpus.main(corpus_args(sources_tree.root, docs)) == 1
    err = capsys.readouterr().err
    assert "broken.txt:2: 第一条 appears twice (first on line 1)" in err
    assert "nothing was written" in err
    assert not docs.exists()


def test_a_failed_build_leaves_previous_output_untouched(sources_tree, tmp_path):
    sources_tree.add(SIMPLE)
    docs = tmp_path / "docs"
    assert build_corpus.main(corpus_args(sources_tree.root, docs)) == 0
    before = {p: (docs / p).read_bytes() for p in all_files(docs)}
    (sources_tree.root / "ordinances" / "test-ordinance.txt").write_text("第二条 乙。\n", encoding="utf-8")
    assert build_corpus.main(corpus_args(sources_tree.root, docs)) == 1
    assert {p: (docs / p).read_bytes() for p in all_files(docs)} == before and len(before) > 10


def test_hand_written_pages_are_never_overwritten(sources_tree, tmp_path):
    sources_tree.add(SIMPLE)
    docs = tmp_path / "docs"
    (docs / "data").mkdir(parents=True)
    (docs / "data" / "corpus.json").write_text("hand-written")
    assert build_corpus.main(corpus_args(sources_tree.root, docs)) == 1
    assert (docs / "data" / "corpus.json").read_text() == "hand-written"


def test_files_no_longer_generated_are_removed(sources_tree, tmp_path):
    sources_tree.add(SIMPLE)
    docs = tmp_path / "docs"
    build_corpus.main(corpus_args(sources_tree.root, docs))
    (docs / "old.md").write_text("from an earlier build")
    with open(docs / MANIFEST, "a") as manifest:
        manifest.write("old.md\n")
    build_corpus.main(corpus_args(sources_tree.root, docs))
    assert not (docs / "old.md").exists()


def test_command_line_entry_point(sources_tree, tmp_path):
    sources_tree.add(SIMPLE)
    sources_tree.add(SIMPLE.replace("测试条例", "另一条例"), slug="other", title="测试市另一条例")
    result = subprocess.run([sys.executable, "build_corpus.py", *corpus_args(sources_tree.root, tmp_path / "docs")],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "2 ordinances, 6 articles, 0 repairs" in result.stdout


def test_the_build_reports_its_repairs(tmp_path, capsys):
    assert build_corpus.main(["--docs", str(tmp_path), "--repairs"]) == 0
    out = capsys.readouterr().out
    assert ("jinan-digital-economy: 295 repairs (1 drop-heading-marks, 212 full-width-punctuation, "
            "5 join-line, 77 remove-space)") in out
    assert "jinan-digital-economy.txt:67:1 drop-heading-marks '#### ' → '' in art_14__para_1" in out


def test_a_file_put_in_a_generated_directory_is_never_lost(sources_tree, tmp_path, capsys):
    """A generated directory is replaced whole by the next build: a file someone put
    there stops the build, named, and stays where it is."""
    sources_tree.add(SIMPLE)
    docs = tmp_path / "docs"
    assert build_corpus.main(corpus_args(sources_tree.root, docs)) == 0
    notes = docs / "test-ordinance" / "notes.md"
    notes.write_text("mine", encoding="utf-8")
    assert build_corpus.main(corpus_args(sources_tree.root, docs)) == 1
    assert "test-ordinance/notes.md: is not a generated file, but lies in a generated directory" \
        in capsys.readouterr().err
    assert notes.read_text(encoding="utf-8") == "mine"


def test_docs_written_before_links_are_taken_over(sources_tree, tmp_path):
    """docs/ as earlier builds left it (the generated files as plain files, with their
    manifest; or a copy of docs/): the next build replaces them by its links and keeps
    every hand-written file."""
    sources_tree.add(SIMPLE)
    docs = tmp_path / "docs"
    (docs / "en").mkdir(parents=True)
    (docs / "index.md").write_text("home", encoding="utf-8")
    (docs / "en" / "index.md").write_text("home", encoding="utf-8")
    assert build_corpus.main(corpus_args(sources_tree.root, docs)) == 0
    plain = tmp_path / "plain"
    shutil.copytree(docs, plain)                  # links followed: plain files, and the manifest
    (plain / "test-ordinance" / "article-9.md").write_text("a page of an earlier build")
    with open(plain / MANIFEST, "a", encoding="utf-8") as manifest:
        manifest.write("test-ordinance/article-9.md\n")
    assert not (plain / "test-ordinance").is_symlink()
    assert build_corpus.main(corpus_args(sources_tree.root, plain)) == 0
    assert (plain / "test-ordinance").is_symlink() and (plain / "en" / "test-ordinance").is_symlink()
    assert not (plain / "test-ordinance" / "article-9.md").exists()
    assert {p: (plain / p).read_bytes() for p in all_files(plain)} == \
        {p: (docs / p).read_bytes() for p in all_files(docs)}


def test_an_article_of_ten_thousand_paragraphs_is_a_message_not_a_traceback(sources_tree, tmp_path,
                                                                           capsys):
    sources_tree.add("第一条 甲。\n" + "款。\n" * 10000)
    assert build_corpus.main(corpus_args(sources_tree.root, tmp_path / "docs")) == 1
    err = capsys.readouterr().err
    assert "test-ordinance.txt:10000: 第一条 would have more than 9999 款" in err
    assert "nothing was written" in err


def test_an_undated_text_s_data_follows_the_schema(sources_tree, tmp_path):
    """A text with no date at all (as imported) has the FRBR URI …/act/undated/…, which the
    published schema allows (found by adding an imported corpus file to sources/)."""
    sources_tree.add(SIMPLE, enacted=None, approved=None, effective=None)
    docs = tmp_path / "docs"
    assert build_corpus.main(corpus_args(sources_tree.root, docs)) == 0
    data = json.loads((docs / "data" / "corpus.json").read_text(encoding="utf-8"))
    assert data["ordinances"][0]["frbr_uri"] == "/akn/cn-testcity/act/undated/test-ordinance"
    jsonschema.validate(data, SCHEMA)
