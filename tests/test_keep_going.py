"""A build that keeps going (build_corpus.py --keep-going): every ordinance that can be
published is, each one left out is named with its problems, docs/data/build-report.json
says what became of each; without --keep-going the first problem still stops the build."""

import json

import jsonschema
import pytest

import build_corpus
from lawsite import report
from lawsite.publish.output import all_files

from .conftest import ROOT, SIMPLE, corpus_args

SCHEMA = json.loads(report.SCHEMA.read_text(encoding="utf-8"))

REFERRING = """\
    # 测试市测试条例

    第一条 为了测试，制定本条例。

    第二条 依照《测试市坏条例》第一条的规定执行。
    """
BROKEN = "# 测试市坏条例\n\n第一条 甲。\n\n第一条 丙。\n"        # an article twice: never merged


def corpus_of_troubles(tree) -> dict[str, str]:
    """Two good ordinances, and one of each kind of problem: {slug: metadata path}."""
    paths = {
        "good": tree.add(REFERRING, slug="good"),
        "also-good": tree.add(SIMPLE.replace("测试条例", "另一条例"), slug="also-good", title="测试市另一条例"),
        "broken": tree.add(BROKEN, slug="broken", title="测试市坏条例"),
        "bad-status": tree.add(SIMPLE, slug="bad-status", status="in force"),
        "twin-a": tree.add(SIMPLE, slug="twin-a"),
        "twin-b": tree.add(SIMPLE, slug="twin-b"),
        "search": tree.add(SIMPLE, slug="search"),
    }
    # twin-b's metadata claims twin-a's slug
    twin_b = paths["twin-b"]
    twin_b.write_text(twin_b.read_text(encoding="utf-8").replace("slug: twin-b", "slug: twin-a"), encoding="utf-8")
    return {slug: str(path) for slug, path in paths.items()}


@pytest.fixture
def kept_going(sources_tree, tmp_path, capsys):
    paths = corpus_of_troubles(sources_tree)
    docs = tmp_path / "docs"
    status = build_corpus.main(corpus_args(sources_tree.root, docs) + ["--keep-going"])
    out, err = capsys.readouterr()
    data = json.loads((docs / "data" / "build-report.json").read_text(encoding="utf-8"))
    return status, out, err, docs, data, paths


def test_what_can_be_published_is_and_the_others_are_left_out(kept_going):
    status, out, err, docs, data, paths = kept_going
    assert status == 3                                        # written, but not everything
    assert (docs / "good" / "article-2.md").exists() and (docs / "also-good" / "index.md").exists()
    for slug in ("broken", "bad-status", "twin-a", "search"):
        assert not (docs / slug).exists(), slug
    corpus = json.loads((docs / "data" / "corpus.json").read_text(encoding="utf-8"))
    assert [o["slug"] for o in corpus["ordinances"]] == ["also-good", "good"]
    assert "2 of 7 ordinances left out" not in out and "5 of 7 ordinances left out" in out


def test_each_problem_is_printed_as_file_line_problem(kept_going):
    status, out, err, docs, data, paths = kept_going
    errors = [line.removeprefix("error: ") for line in err.splitlines() if line.startswith("error: ")]
    text = paths["broken"].replace(".yml", ".txt")
    assert f"{text}:5: 第一条 appears twice (first on line 3)" in errors
    assert any(e.startswith(f"{paths['bad-status']}:") and "field 'status' must be in_force" in e
               for e in errors)
    assert any(e.startswith(f"{paths['search']}:1: slug 'search' is a name the site uses") for e in errors)
    twins = [e for e in errors if "is also claimed by" in e]
    assert len(twins) == 2 and all(e.split(":")[1] == "1" for e in twins)    # the slug's line
    assert len(errors) == 5


def test_a_slug_claimed_twice_leaves_out_both_claims(kept_going):
    """Neither file is the rightful owner by its name's order: an editor decides."""
    status, out, err, docs, data, paths = kept_going
    by_source = {o["source"]: o for o in data["ordinances"]}
    for twin in ("twin-a", "twin-b"):
        outcome = by_source[paths[twin]]
        assert outcome["status"] == "left out" and outcome["slug"] == "twin-a"
        other = paths["twin-b" if twin == "twin-a" else "twin-a"]
        assert outcome["problems"][0]["message"].endswith(
            f"is also claimed by {other}: choose one slug for each (or give each version of one "
            "work its version_date); none of them is published")


def test_the_build_report_follows_its_schema_and_counts(kept_going):
    status, out, err, docs, data, paths = kept_going
    jsonschema.validate(data, SCHEMA)
    assert json.loads((docs / "data" / "build-report.schema.json").read_text(encoding="utf-8")) == SCHEMA
    assert [o["source"] for o in data["ordinances"]] == sorted(paths.values())
    good = next(o for o in data["ordinances"] if o["slug"] == "good")
    assert (good["status"], good["articles"], good["repairs"], good["problems"]) == ("published", 2, 0, [])
    broken = next(o for o in data["ordinances"] if o["slug"] == "broken")
    assert (broken["status"], broken["articles"], broken["text"]) == ("left out", 0, paths["broken"][:-4] + ".txt")
    assert broken["problems"] == [{"file": broken["text"], "line": 5, "message": "第一条 appears twice (first on line 3)",
                                   "where": f"{broken['text']}:5: 第一条 appears twice (first on line 3)"}]
    summary = data["summary"]
    assert {k: summary[k] for k in ("ordinances", "published", "left_out", "articles")} == \
        {"ordinances": 7, "published": 2, "left_out": 5, "articles": 5}
    causes = {row["cause"]: row["left_out"] for row in summary["causes"]}
    reserved = next(cause for cause in causes if "reserved" in cause)
    assert reserved.startswith("slug … is a name the site uses for its own pages; these are reserved: ")
    assert causes == {
        "slug … is also claimed by …: choose one slug for each (or give each version of one work its version…": 2,
        "第N条 appears twice (first on line N)": 1,
        "field … must be in_force, not_yet_in_force, repealed or not_verified, not …": 1,
        reserved: 1}
    assert "     2  published\n" in out and "     7  in all (2 published, 28.6 %)" in out


def test_a_reference_into_a_left_out_ordinance_is_a_warning_not_a_link(kept_going):
    status, out, err, docs, data, paths = kept_going
    good = next(o for o in data["ordinances"] if o["slug"] == "good")
    text = paths["good"].replace(".yml", ".txt")
    expected = f"{text}:5: 第二条 refers to 《测试市坏条例》第一条, which was left out of this build: it is not linked"
    assert expected in [w["where"] for w in good["warnings"]]
    assert f"warning: {expected}" in err
    page = (docs / "good" / "article-2.md").read_text(encoding="utf-8")
    assert "测试市坏条例" in page and "broken/" not in page


def test_the_report_is_byte_identical_for_the_same_sources(kept_going, sources_tree, tmp_path):
    status, out, err, docs, data, paths = kept_going
    again = tmp_path / "again"
    assert build_corpus.main(corpus_args(sources_tree.root, again) + ["--keep-going"]) == 3
    assert all_files(again) == all_files(docs)
    for path in all_files(docs):
        assert (again / path).read_bytes() == (docs / path).read_bytes(), path


def test_without_keep_going_the_first_problem_stops_the_build(sources_tree, tmp_path, capsys):
    corpus_of_troubles(sources_tree)
    docs = tmp_path / "docs"
    assert build_corpus.main(corpus_args(sources_tree.root, docs)) == 1
    err = capsys.readouterr().err
    assert err.count("error: ") == 1 and "nothing was written" in err
    assert not docs.exists()


def test_everything_published_is_status_0_with_a_report(sources_tree, tmp_path, capsys):
    sources_tree.add(SIMPLE)
    docs = tmp_path / "docs"
    assert build_corpus.main(corpus_args(sources_tree.root, docs) + ["--keep-going"]) == 0
    data = json.loads((docs / "data" / "build-report.json").read_text(encoding="utf-8"))
    assert data["summary"]["published"] == 1 and data["summary"]["causes"] == []


def test_a_broken_translation_leaves_its_ordinance_out_and_a_left_out_ones_is_ignored(
        sources_tree, tmp_path, capsys):
    sources_tree.add(SIMPLE, slug="good")
    sources_tree.add(SIMPLE, slug="mistranslated")
    sources_tree.add(BROKEN, slug="broken", title="测试市坏条例")
    translations = tmp_path / "translations" / "en"
    translations.mkdir(parents=True)
    (translations / "mistranslated.yml").write_text("date: 2026-01-01\ntext:\n  art_9: Nine\n", encoding="utf-8")
    (translations / "broken.yml").write_text("date: 2026-01-01\ntext:\n  art_1: One\n", encoding="utf-8")
    docs = tmp_path / "docs"
    assert build_corpus.main(corpus_args(sources_tree.root, docs, tmp_path / "translations")
                             + ["--keep-going"]) == 3
    data = json.loads((docs / "data" / "build-report.json").read_text(encoding="utf-8"))
    status = {o["slug"]: (o["status"], [p["file"].rsplit("/", 1)[-1] for p in o["problems"]])
              for o in data["ordinances"]}
    assert status == {"good": ("published", []), "mistranslated": ("left out", ["mistranslated.yml"]),
                      "broken": ("left out", ["broken.txt"])}
    assert (docs / "en" / "good").is_dir() and not (docs / "en" / "mistranslated").exists()


def test_when_the_latest_version_is_left_out_the_one_before_is_the_current_text(tmp_path):
    """Two versions of one work, the latest broken: the earlier one is published at the
    work's URLs, not at its dated ones with no current text beside it."""
    import datetime
    import shutil

    from lawsite import pipeline

    from .conftest import project
    fixture = ROOT / "tests" / "fixtures" / "versions" / "renumbering" / "sources"
    shutil.copytree(fixture, tmp_path / "sources")
    import hashlib
    text = tmp_path / "sources" / "ordinances" / "ceshi-tingche-guanli-tiaoli.txt"
    before = hashlib.sha256(text.read_bytes()).hexdigest()
    text.write_bytes(text.read_bytes() + "\n第一条 又一个第一条。\n".encode())    # a parse error
    latest = text.with_suffix(".yml")
    latest.write_text(latest.read_text(encoding="utf-8").replace(before, hashlib.sha256(text.read_bytes()).hexdigest()),
                      encoding="utf-8")
    read, ordinances, outcomes = pipeline._publishable(project(tmp_path / "sources", docs=tmp_path / "docs"))
    assert [o.slug for o in ordinances] == ["ceshi-tingche-guanli-tiaoli"]
    assert ordinances[0].meta["version_date"] == datetime.date(2020, 1, 1)
    assert [bool(o.problems) for o in outcomes] == [False, True]          # .2020-01-01.yml, .yml
