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
    profile = report["profile"]
    assert profile["stage"] in ("corpus", "hosted", "offline") and profile["own"] and profile["cumulative"]
    text = (out / "report.md").read_text(encoding="utf-8")
    assert "| build_corpus.py |" in text and "## Editing one source" in text and "## Where the time goes" in text
