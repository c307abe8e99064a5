"""The build on every core (lawsite/workers.py) and the per-ordinance cache
(lawsite/cache.py): the same docs/ as one process, and as a cold build after an edit."""

import os
import shutil
from pathlib import Path

import pytest

import build_corpus
from lawsite import cache, pipeline, workers
from lawsite.enrich import parallels
from lawsite.parse import builder
from lawsite.publish.output import all_files
from lawsite.site import export

from . import lawrefbook
from .conftest import ROOT, corpus_args, launch_sources


def _pid(item):
    return item, os.getpid()


def test_the_jobs_run_in_other_processes_and_come_back_in_order():
    results = list(workers.ordered(_pid, range(40), 2))
    assert [item for item, _ in results] == list(range(40))
    assert {pid for _, pid in results} - {os.getpid()}          # forked workers did the work
    assert [item for item, _ in workers.ordered(_pid, range(5), 1)] == list(range(5))


def _shared_item(index):
    return workers.shared["items"][index] * 2


def test_the_workers_read_what_the_build_shared_before_them():
    workers.shared["items"] = [3, 1, 4, 1, 5, 9, 2, 6]
    try:
        assert list(workers.ordered(_shared_item, range(8), 2)) == [6, 2, 8, 2, 10, 18, 4, 12]
    finally:
        del workers.shared["items"]


@pytest.fixture(scope="module")
def fixture_sources(tmp_path_factory) -> Path:
    """The launch ordinances (translated, with the vocabulary) and six real regulations of
    Beijing (references, definitions, parallels, an earlier version): a corpus whose
    corpus-wide passes all find something."""
    root = tmp_path_factory.mktemp("corpus")
    sources = launch_sources(root)
    beijing = sorted((lawrefbook.CORPUS / "beijing").glob("*.md"))
    lawrefbook.add(beijing[:6], sources)
    shutil.copytree(ROOT / "translations", root / "translations")
    return sources


def _build(sources: Path, docs: Path, *extra: str) -> None:
    args = corpus_args(sources, docs, sources.parent / "translations") + ["--keep-going", *extra]
    assert build_corpus.main(args) in (0, 3)


def _same_tree(a: Path, b: Path) -> None:
    assert all_files(a) == all_files(b) and len(all_files(a)) > 100
    for path in all_files(a):
        assert (a / path).read_bytes() == (b / path).read_bytes(), path


def test_two_processes_write_the_same_docs_as_one(fixture_sources, tmp_path):
    _build(fixture_sources, tmp_path / "one" / "docs", "--jobs", "1")
    _build(fixture_sources, tmp_path / "two" / "docs", "--jobs", "2")
    _same_tree(tmp_path / "one" / "docs", tmp_path / "two" / "docs")


def _edit(sources: Path, name: str) -> str:
    """One character added to an ordinance's first sentence (its recorded sha256 dropped,
    as an editor's change to the text would need): its slug."""
    text = sources / "ordinances" / f"{name}.txt"
    text.write_text(text.read_text(encoding="utf-8").replace("。", "之。", 1), encoding="utf-8")
    meta = text.with_suffix(".yml")
    meta.write_text("\n".join(row for row in meta.read_text(encoding="utf-8").split("\n")
                              if "sha256" not in row), encoding="utf-8")
    return name


def test_an_edit_parses_only_its_ordinance_and_writes_what_a_cold_build_writes(fixture_sources, tmp_path,
                                                                               monkeypatch):
    sources = tmp_path / "sources"
    shutil.copytree(fixture_sources, sources)
    shutil.copytree(fixture_sources.parent / "translations", tmp_path / "translations")
    warm = tmp_path / "warm" / "docs"
    _build(sources, warm, "--jobs", "2")
    assert list(Path(pipeline.parse_cache(pipeline.Project.of(sources, docs=warm))).glob("*.pickle"))
    edited = _edit(sources, "yantai-digital-economy")

    parsed: list[str] = []
    parse = builder.parse

    def counted(source):
        parsed.append(Path(source.text_path).stem)
        return parse(source)

    rendered: list[str] = []
    pages_of = pipeline._ordinance_pages

    def rendering(index):
        rendered.append(workers.shared["site"].corpus.ordinances[index].slug)
        return pages_of(index)

    encoded: list[str] = []
    record_piece = export.record_piece

    def encoding(ordinance):
        encoded.append(ordinance.slug)
        return record_piece(ordinance)

    monkeypatch.setattr(builder, "parse", counted)
    monkeypatch.setattr(pipeline, "_ordinance_pages", rendering)
    monkeypatch.setattr(export, "record_piece", encoding)
    _build(sources, warm, "--jobs", "1")                      # in this process: the work counted
    assert parsed == [edited]
    assert encoded == [edited]                                # its record of the dataset alone
    # its pages, in each language, and those of the ordinances whose parallels with it changed
    assert rendered.count(edited) == 2 and len(set(rendered)) < 8
    monkeypatch.undo()
    cold = tmp_path / "cold" / "docs"
    _build(sources, cold, "--jobs", "2")
    _same_tree(warm, cold)


def _similar_rows(monkeypatch) -> list[int]:
    """The rows of each similarity product of the parallels a build computes, counted."""
    counted: list[int] = []
    similar = parallels._similar

    def counting(vectors, owner, queried, floor, rows, **options):
        counted.append(len(rows))
        return similar(vectors, owner, queried, floor, rows, **options)
    monkeypatch.setattr(parallels, "_similar", counting)
    return counted


@pytest.mark.parametrize("edit", ["metadata", "common bigrams"])
def test_the_parallels_kept_give_what_a_cold_build_writes(fixture_sources, tmp_path, monkeypatch, edit):
    """A metadata edit computes no similarity at all; an edit adding bigrams that many
    articles hold computes them afresh; either way docs/ is what a cold build writes."""
    sources = tmp_path / "sources"
    shutil.copytree(fixture_sources, sources)
    shutil.copytree(fixture_sources.parent / "translations", tmp_path / "translations")
    warm = tmp_path / "warm" / "docs"
    rows = _similar_rows(monkeypatch)
    _build(sources, warm, "--jobs", "1")
    assert len(rows) == 1
    meta = sources / "ordinances" / "yantai-digital-economy.yml"
    if edit == "metadata":
        meta.write_text(meta.read_text(encoding="utf-8").replace("Promoting the Digital Economy",
                                                                  "the Promotion of the Digital Economy"),
                        encoding="utf-8")
    else:
        text = meta.with_suffix(".txt")
        text.write_text(text.read_text(encoding="utf-8").replace(
            "。", "，县级以上人民政府有关部门应当按照各自职责做好相关工作。", 3), encoding="utf-8")
        meta.write_text("\n".join(row for row in meta.read_text(encoding="utf-8").split("\n")
                                  if "sha256" not in row), encoding="utf-8")
    _build(sources, warm, "--jobs", "1")
    assert rows[1:] == ([] if edit == "metadata" else [rows[0]])
    monkeypatch.undo()
    cold = tmp_path / "cold" / "docs"
    _build(sources, cold, "--jobs", "2")
    _same_tree(warm, cold)


def test_a_changed_vocabulary_or_code_is_another_key(fixture_sources, tmp_path):
    sources = tmp_path / "sources"
    shutil.copytree(fixture_sources, sources)
    shutil.copytree(fixture_sources.parent / "translations", tmp_path / "translations")
    warm = tmp_path / "warm" / "docs"
    _build(sources, warm, "--jobs", "2")
    before = (warm / "data" / "corpus.json").read_bytes()
    vocabulary = sources / "departments.yml"
    # a generic name dropped: every ordinance's actors are found again, as a cold build finds them
    lines = vocabulary.read_text(encoding="utf-8").split("\n")
    dropped = [line for line in lines if line.strip().startswith("- 相关部门 ")]
    assert len(dropped) == 1
    vocabulary.write_text("\n".join(line for line in lines if line not in dropped), encoding="utf-8")
    _build(sources, warm, "--jobs", "2")
    assert (warm / "data" / "corpus.json").read_bytes() != before
    cold = tmp_path / "cold" / "docs"
    _build(sources, cold, "--jobs", "1")
    _same_tree(warm, cold)
    assert cache.digest("a", "bc") != cache.digest("ab", "c")


def test_a_damaged_cache_file_is_made_again(tmp_path):
    kept = cache.Cache(tmp_path / "c")
    kept.put("k", [1])
    (tmp_path / "c" / "k.pickle").write_bytes(b"not a pickle")
    assert cache.Cache(tmp_path / "c").get("k") is None
    kept = cache.Cache(tmp_path / "c")
    kept.put("other", 2)
    kept.prune()                                              # what this build did not use goes
    assert sorted(p.name for p in (tmp_path / "c").iterdir()) == ["other.pickle"]


def test_the_inputs_digest_is_of_the_files_not_of_where_they_are(tmp_path):
    for name in ("a", "b"):
        (tmp_path / name / "en").mkdir(parents=True)
        (tmp_path / name / "en" / "x.yml").write_text("text: 一\n", encoding="utf-8")
    assert cache.tree_digest(tmp_path / "a") == cache.tree_digest(tmp_path / "b")
    (tmp_path / "b" / "en" / "x.yml").write_text("text: 二\n", encoding="utf-8")
    assert cache.tree_digest(tmp_path / "a") != cache.tree_digest(tmp_path / "b")
    assert cache.tree_digest(tmp_path / "a", tmp_path / "none") != cache.tree_digest(tmp_path / "none",
                                                                                   tmp_path / "a")
