"""make corpus-report: import a corpus into a temporary sources/, build it with
--keep-going, print the outcomes by cause (here on two files, not the whole corpus)."""

import json
import shutil
import subprocess

from .conftest import ROOT
from .test_serve import stamp


def test_make_corpus_report_imports_builds_and_prints_the_outcomes(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "henan").mkdir(parents=True)
    (corpus / "beijing").mkdir()
    shutil.copy(ROOT / "corpora" / "lawrefbook" / "henan" / "三门峡市山体保护条例(2021-11-12).md", corpus / "henan")
    (corpus / "beijing" / "北京市测试条例.md").write_text(
        "# 北京市测试条例\n\n第一条 甲。\n\n第一条 丙。\n", encoding="utf-8")
    report = tmp_path / "report"
    result = subprocess.run(["make", "--no-print-directory", "-o", stamp(ROOT), "corpus-report", f"CORPUS={corpus}", f"REPORT={report}"],
                            cwd=ROOT, capture_output=True, text=True, timeout=1200)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.endswith("     1  published\n"
                                  "     1  left out: 第N条 appears twice (first on line N)\n"
                                  "     2  in all (1 published, 50.0 %)\n"), result.stdout
    data = json.loads((report / "docs" / "data" / "build-report.json").read_text(encoding="utf-8"))
    assert sorted((o["slug"], o["status"]) for o in data["ordinances"]) == [
        ("beijing-ceshi-tiaoli", "left out"), ("sanmenxia-shanti-baohu-tiaoli", "published")]
    assert "第一条 appears twice (first on line 3)" in (report / "build.log").read_text(encoding="utf-8")
