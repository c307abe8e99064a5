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
    subprocess.run([sys.executable, "-m", "tools.bench", "--scale", "1", "--sources", str(tree.root),
                    "--out", str(out)], cwd=ROOT, check=True, capture_output=True)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    [run] = report["runs"]
    assert (run["ordinances"], run["articles"]) == (1, 3)
    for stage in ("corpus", "hosted", "offline", "everything"):
        assert run[stage]["seconds"] > 0 and run[stage]["peak_mb"] > 0
    assert run["sizes"]["article_pages"] == 3 and run["sizes"]["search_index_kb"] > 0
    assert run["search"]["seconds_to_first_result"] > 0
    assert run["incremental"]["rewritten_of_the_ordinance"] > 0
    assert run["incremental"]["rewritten_elsewhere_count"] == 0
    text = (out / "report.md").read_text(encoding="utf-8")
    assert "| build_corpus.py |" in text and "## Editing one source" in text
