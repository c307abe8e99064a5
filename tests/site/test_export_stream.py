"""docs/data/corpus.json written in pieces (export.pieces): the same bytes as the
whole dataset dumped at once, made one ordinance at a time, and written to disk
as the pieces come (output.write_tree), so that a build of the whole corpus never
holds the dataset as one string."""

import json
import shutil

import pytest

import build_corpus
from lawsite import pipeline
from lawsite.publish import output
from lawsite.site import export

from ..conftest import ROOT, SIMPLE, corpus_args, launch_sources, project

ODD = """\
    # 测试市“引号”条例

    第一条 为了测试\\反斜杠、"引号"、制表符\t和行分隔符\u2028，制定本条例。

    第二条 本条例适用于测试。

    第二条之一 插入的条文。

    第三条 本条例自2025年1月1日起施行。
    """


def whole(corpus) -> str:
    """The dataset as it was written before: one json.dumps of all of it."""
    return export.dumps(export.corpus(corpus.ordinances,
                                      pipeline._departments_data(corpus) | pipeline._links_data(corpus)))


def streamed(corpus) -> str:
    return "".join(export.pieces(corpus.ordinances,
                                 pipeline._departments_data(corpus) | pipeline._links_data(corpus)))


@pytest.fixture(scope="module")
def launch(tmp_path_factory):
    sources = launch_sources(tmp_path_factory.mktemp("stream"))
    return pipeline.load(project(sources, translations=ROOT / "translations"))


def test_the_launch_corpus_dataset_in_pieces_is_the_dataset(launch):
    text = streamed(launch)
    assert text == whole(launch)
    assert json.loads(text)["ordinances"][1]["slug"] == "yantai-digital-economy"


def test_a_fixture_dataset_in_pieces_is_the_dataset(sources_tree):
    sources_tree.add(SIMPLE, slug="simple")
    sources_tree.add(ODD, slug="odd", title="测试市“引号”条例")
    corpus = pipeline.load(project(sources_tree.root))
    assert [o.slug for o in corpus.ordinances] == ["odd", "simple"]
    assert streamed(corpus) == whole(corpus)
    assert "".join(export.pieces([], {"references": {}, "definitions": []})) == \
        export.dumps(export.corpus([], {"references": {}, "definitions": []}))


def test_the_built_dataset_file_holds_the_same_bytes(sources_tree, tmp_path):
    sources_tree.add(SIMPLE, slug="simple")
    sources_tree.add(ODD, slug="odd", title="测试市“引号”条例")
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs, ignore=output.hand_written_only(ROOT / "docs"))
    assert build_corpus.main(corpus_args(sources_tree.root, docs)) == 0
    corpus = pipeline.load(project(sources_tree.root, translations=tmp_path / "no-translations"))
    written = (docs / "data" / "corpus.json").read_bytes()
    assert written == whole(corpus).encode("utf-8")
    before = (docs / "data" / "corpus.json").stat()
    assert build_corpus.main(corpus_args(sources_tree.root, docs)) == 0     # unchanged: kept
    after = (docs / "data" / "corpus.json").stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_the_dataset_is_made_one_ordinance_at_a_time(launch, monkeypatch):
    made = []
    original = export.ordinance_record
    monkeypatch.setattr(export, "ordinance_record", lambda o: made.append(o.slug) or original(o))
    stream = pipeline.generated(launch, "https://example.org/")
    content = next(content for path, content in stream if path == "data/corpus.json")
    assert not isinstance(content, str | bytes)
    text = ""
    while '"slug": "yantai-digital-economy"' not in text:
        text += next(content)
    assert made == ["jinan-digital-economy", "yantai-digital-economy"]
    assert '"slug": "jinan-digital-economy"' in text


def test_pieces_are_written_as_they_come_and_an_unchanged_file_is_kept(tmp_path):
    docs = tmp_path / "docs"

    def pieces(text):
        yield from text.split(" ")[:1]
        for word in text.split(" ")[1:]:
            yield " " + word
    output.write_tree(docs, iter([("data/x.json", pieces("一 二 三")), ("a.md", "a")]))
    assert (docs / "data" / "x.json").read_text(encoding="utf-8") == "一 二 三"
    before = (docs / "data" / "x.json").stat()
    report = output.write_tree(docs, iter([("data/x.json", pieces("一 二 三")), ("a.md", "a")]))
    assert report.written == [] and report.unchanged == 2
    assert (docs / "data" / "x.json").stat().st_ino == before.st_ino
    report = output.write_tree(docs, iter([("data/x.json", pieces("一 二 四")), ("a.md", "a")]))
    assert report.written == ["data/x.json"]
    assert (docs / "data" / "x.json").read_text(encoding="utf-8") == "一 二 四"
