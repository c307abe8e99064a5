"""The benchmark runs (on a tiny corpus) and writes its report. Its numbers are
measurements, reported, never asserted."""

import json
import shutil
import subprocess
import sys

from ..conftest import ROOT, SIMPLE, SourcesTree


def test_the_benchmark_runs_on_a_tiny_corpus(tmp_path, browser_context):
    """(browser_context: Chromium must be there; the benchmark drives its own, in
    its own process, as make bench does.)"""
    tree = SourcesTree(tmp_path / "sources")
    tree.add(SIMPLE)
    shutil.copy(ROOT / "sources" / "departments.yml", tree.root)
    out = tmp_path / "report"
    ran = subprocess.run([sys.executable, "-m", "tools.bench", "--scale", "1", "--sources", str(tree.root),
                          "--out", str(out), "--profile"], cwd=ROOT, capture_output=True, text=True)
    assert ran.returncode == 0, ran.stderr[-3000:]
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    [run] = report["runs"]
    assert (run["corpus"], run["ordinances"], run["articles"]) == ("sources", 1, 3)
    for stage in ("corpus", "hosted", "offline", "everything"):
        assert run["stages"][stage]["seconds"] > 0 and run["stages"][stage]["peak_mb"] > 0
    assert run["seconds"]["total"] == round(sum(run["seconds"][s] for s in ("corpus", "hosted", "offline")), 2)
    assert run["peak_rss_mb"] == max(run["stages"][s]["peak_mb"] for s in ("corpus", "hosted", "offline"))
    assert run["pages"] > 3 and run["site_bytes"] > 0
    assert run["site_bytes_per_article"] == round(run["site_bytes"] / 3)
    assert run["sizes"]["article_pages"] == 3 and run["sizes"]["search_index_kb"] > 0
    assert run["search_first_result_ms"] > 0 and run["search_bytes_first_query"] > 0
    assert run["search"]["engine"] == "pagefind" and run["search"]["queries"] > 0
    assert run["incremental_seconds"] > 0
    assert run["incremental"]["rewritten_of_the_ordinance"] > 0
    assert run["incremental"]["rewritten_elsewhere_count"] == 0
    # the whole chain: the corpus, then the hosted site's changed shards, Pagefind, the link check
    edited = run["incremental"]
    # its shard; the hub too only where one of its pages changed (the edit drops the text's sha256)
    assert "shandong" in edited["shards_rebuilt"] and set(edited["shards_rebuilt"]) <= {"hub", "shandong"}
    assert edited["hosted"]["pagefind"]["pages"] > 0 and edited["hosted"]["linkcheck_seconds"] > 0
    assert abs(run["incremental_seconds"] - edited["corpus_seconds"] - edited["hosted_seconds"]) <= 0.02
    profile = report["profile"]
    assert profile["stage"] in ("corpus", "hosted", "offline") and profile["own"] and profile["cumulative"]
    assert profile["part"]                              # a shard, or a bounded sample: never the whole again
    text = (out / "report.md").read_text(encoding="utf-8")
    assert "| build_corpus.py |" in text and "## Editing one source" in text and "## Where the time goes" in text
    assert run["stages"]["hosted"]["broken_links"] == 0
    for target in ("every internal link and anchor of the assembled site resolves", "one ordinance edited",
                   "search: first result within 300 ms",
                   "search: at most 500 KB for the first query"):
        assert f"sources, {target}" in text
    assert not (out / "report.partial.json").exists()       # the finished report replaces it


def test_a_broken_link_is_a_failed_target_of_the_report():
    """The benchmark reports a broken link of the assembled site, as a target missed,
    instead of ending its (long) run."""
    from tools import bench_report
    run = {"stages": {"hosted": {"broken_links": 2, "broken_examples": ["a/index.html: b/ (no such page)"]}},
           "peak_rss_mb": 1, "site_bytes_per_article": 1, "seconds": {"total": 1, "hosted": 1}}
    [line] = [line for line in bench_report._targets({"x": run}) if "link" in line]
    assert line.startswith("- ❌") and "2 broken (e.g. a/index.html: b/ (no such page))" in line


def test_the_hosted_stage_is_profiled_on_its_slowest_shard(tmp_path, monkeypatch):
    from tools import bench
    asked = []

    def run_stage(name, sources, docs, work, translations, profile=None, shard=None):
        asked.append((name, shard))
        if profile:
            profile.write_text(json.dumps({"own": [], "cumulative": []}))
        return {"seconds": 1.0, "ordinances": 40}
    monkeypatch.setattr(bench, "run_stage", run_stage)
    run = {"corpus": "lawrefbook", "seconds": {"corpus": 10, "hosted": 100, "offline": 50},
           "stages": {"hosted": {"shards": [{"shard": "hub", "seconds": 20, "built": True},
                                            {"shard": "beijing-2", "seconds": 30, "built": True},
                                            {"shard": "henan", "seconds": 5, "built": True}]}}}
    found = bench.profile_largest(run, tmp_path, tmp_path, tmp_path)
    assert asked == [("shard", "beijing-2")]
    assert (found["stage"], found["seconds_unprofiled"], found["seconds_stage"]) == ("hosted", 30, 100)
    assert "beijing-2" in found["part"]


def test_a_bounded_sample_holds_the_first_works_with_all_their_versions(tmp_path):
    from tools import bench
    ordinances = tmp_path / "sources" / "ordinances"
    ordinances.mkdir(parents=True)
    (tmp_path / "sources" / "departments.yml").write_text("x")
    for name in ("a.yml", "a.txt", "b.yml", "b.txt", "b.2020-01-01.yml", "b.2020-01-01.txt", "c.yml", "c.txt"):
        (ordinances / name).write_text(name)
    sample = bench.sample_sources(tmp_path / "sources", tmp_path / "sample", 2)
    assert sorted(p.name for p in (sample / "ordinances").iterdir()) == \
        ["a.txt", "a.yml", "b.2020-01-01.txt", "b.2020-01-01.yml", "b.txt", "b.yml"]
    assert (sample / "departments.yml").read_text() == "x"


def test_a_stopped_run_is_reported_with_what_was_read_of_it():
    from tools import bench_report
    text = bench_report.render({"machine": {"cpus": 2, "python": "3"}, "runs": [], "stopped": [
        {"corpus": "lawrefbook", "why": "Stopped at the edit.", "rows": [["site bytes per article", "52.7 KB"]]}]})
    assert "## lawrefbook: a run stopped before its end\n\nStopped at the edit." in text
    assert "| site bytes per article | 52.7 KB |" in text
