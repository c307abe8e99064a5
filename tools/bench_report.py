"""The benchmark's results as a Markdown report (benchmarks/report.md)."""

from pathlib import Path

import yaml

CHANGES = Path(__file__).resolve().parent.parent / "benchmarks" / "changes.yml"
TARGETS = {"everything_1x_s": 10, "corpus_share": 0.10, "linear_ratio": 1.3, "peak_mb": 1536,
           "largest_article_kb": 40}


def render(results: dict) -> str:
    runs = {run["scale"]: run for run in results["runs"]}
    lines = ["# Benchmark", "",
             f"Measured by `make bench` (`python -m tools.bench`) on one machine, all scales in "
             f"one run: {results['machine']['cpus']} CPUs, Python {results['machine']['python']}. "
             "Each stage ran in a process of its own; times are wall-clock seconds, memory the "
             "peak resident set of that process.", ""]
    lines += _table(runs)
    lines += _targets(runs)
    lines += _incremental(runs)
    if results.get("parallels_corpus"):
        lines += _parallels(results["parallels_corpus"])
    if results.get("profile_1x"):
        lines += ["## Where the time goes", "",
                  "cProfile of one hosted build at 1× (cumulative seconds under the profiler, "
                  "which about doubles them):", "", "| function | calls | seconds |", "|---|---|---|"]
        lines += [f"| `{r['function']}` | {r['calls']} | {r['seconds']} |" for r in results["profile_1x"]]
        lines += ["", "Markdown conversion and Material's templates (the sidebar above all) take "
                  "most of a build; jieba's start-up is a fixed cost per build.", ""]
    lines += _changes()
    return "\n".join(lines) + "\n"


def _parallels(found: dict) -> list[str]:
    """The parallels step over the whole real corpus (tools/bench_parallels.py)."""
    lines = ["## Parallel provisions over the whole corpus", "",
             f"`boilerplate.find` and `parallels.find` over the {found['ordinances']} ordinances of "
             f"corpora/lawrefbook that parse ({found['refused']} refused), {found['articles']} articles, "
             "in a process of its own (target: under 10 minutes)" +
             (f"; {found['note']}" if found.get("note") else "") + ":", "",
             "| step | value |", "|---|---|",
             f"| reading and parsing (not part of the step) | {found['load_seconds']} s |",
             f"| standard clauses | {found['boilerplate_seconds']} s |",
             f"| parallels (wall / CPU) | {found['parallels_seconds']} s / {found.get('parallels_cpu_seconds', '?')} s |",
             f"| peak memory (after parsing / after the step) | {found['peak_mb_before']} MB / {found['peak_mb']} MB |",
             f"| articles with parallels / suggestions / comparison pages | {found['articles_with_parallels']} / "
             f"{found['suggestions']} / {found['comparison_pages']} |",
             "| standard clauses by kind | " + ", ".join(f"{k} {v}" for k, v in found["standard_clauses"].items()) + " |",
             ""]
    if found.get("gold"):
        lines += ["On the labelled corpus pairs (tests/fixtures/parallels_gold_corpus.yml), the whole corpus searched:",
                  "", "| split | precision of the top suggestion | recall | suggestion for an article without a parallel |",
                  "|---|---|---|---|"]
        lines += [f"| {split} | {g['precision']} ({g['correct']}/{g['suggested']}) | {g['recall']} | "
                  f"{g['false_alarms']} ({g['alone_suggested']}/{g['alone']}) |" for split, g in found["gold"].items()]
        lines.append("")
    return lines


def _table(runs: dict) -> list[str]:
    scales = sorted(runs)
    rows = [
        ("ordinances / articles / pages", lambda r: f"{r['ordinances']} / {r['articles']} / {r['pages']}"),
        ("build_corpus.py", lambda r: f"{r['corpus']['seconds']} s, {r['corpus']['peak_mb']} MB"),
        ("hosted site (MkDocs)", lambda r: f"{r['hosted']['seconds']} s, {r['hosted']['peak_mb']} MB"),
        ("offline bundle (MkDocs + zip)", lambda r: f"{r['offline']['seconds']} s, {r['offline']['peak_mb']} MB"),
        ("everything (`make site`: corpus, then both in parallel)",
         lambda r: f"{r['everything']['seconds']} s"),
        ("build_corpus.py share of everything", lambda r: f"{100 * r['everything']['corpus_share']:.1f} %"),
        ("per article (everything)", lambda r: f"{r['per_article_ms']} ms"),
        ("site / files", lambda r: f"{r['sizes']['site_mb']} MB / {r['sizes']['site_files']}"),
        ("offline zip", lambda r: f"{r['sizes']['zip_mb']} MB"),
        ("largest / median article page", lambda r: f"{r['sizes']['largest_article_kb']} / {r['sizes']['median_article_kb']} KB"),
        ("search index raw / gzipped", lambda r: f"{r['sizes']['search_index_kb']} / {r['sizes']['search_index_gzip_kb']} KB"),
        ("page load → first search result (Chromium)",
         lambda r: f"{r['search']['seconds_to_first_result']} s" if "search" in r else "—"),
    ]
    out = ["## Results", "", "| | " + " | ".join(f"{s}×" for s in scales) + " |",
           "|---|" + "---|" * len(scales)]
    out += [f"| {name} | " + " | ".join(cell(runs[s]) for s in scales) + " |" for name, cell in rows]
    return out + [""]


def _targets(runs: dict) -> list[str]:
    out = ["## Targets", ""]
    if 1 in runs:
        one = runs[1]
        out.append(_check(f"1×, everything under {TARGETS['everything_1x_s']} s",
                          one["everything"]["seconds"] < TARGETS["everything_1x_s"], f"{one['everything']['seconds']} s"))
        out.append(_check("1×, build_corpus.py under 10 % of it",
                          one["everything"]["corpus_share"] < TARGETS["corpus_share"],
                          f"{100 * one['everything']['corpus_share']:.1f} %"))
    large = [s for s in runs if s > 1]
    for scale in large:
        run = runs[scale]
        if 1 in runs:
            ratio = run["per_article_ms"] / runs[1]["per_article_ms"]
            out.append(_check(f"{scale}×, cost per article at most 1.3 × the 1× cost",
                              ratio <= TARGETS["linear_ratio"], f"{ratio:.2f} ×"))
        peak = max(run[k]["peak_mb"] for k in ("corpus", "hosted", "offline"))
        out.append(_check(f"{scale}×, peak memory of a build under 1.5 GB", peak < TARGETS["peak_mb"], f"{peak} MB"))
        out.append(_check(f"{scale}×, largest article page under 40 KB",
                          run["sizes"]["largest_article_kb"] < TARGETS["largest_article_kb"],
                          f"{run['sizes']['largest_article_kb']} KB"))
    return out + [""]


def _check(what: str, ok: bool, value: str) -> str:
    return f"- {'✅' if ok else '❌'} {what}: {value}"


def _incremental(runs: dict) -> list[str]:
    out = ["## Editing one source", "",
           "After one character is added to one ordinance (to its first sentence), `build_corpus.py` "
           "rewrites the files below. Pages of other ordinances that show a similarity score with "
           "the edited article change with it (the score did); no other page does.", "",
           "| | " + " | ".join(f"{s}×" for s in sorted(runs)) + " |", "|---|" + "---|" * len(runs)]
    cells = {
        "seconds": lambda i: str(i["seconds"]),
        "files of the edited ordinance": lambda i: str(i["rewritten_of_the_ordinance"]),
        "whole-corpus views (dataset, navigation, department index)": lambda i: str(len(i["rewritten_shared"])),
        "files of other ordinances": lambda i: str(i["rewritten_elsewhere_count"]),
        "files untouched (bytes and modification time)": lambda i: f"{i['untouched']} of {i['files']}",
    }
    out += [f"| {name} | " + " | ".join(cell(runs[s]["incremental"]) for s in sorted(runs)) + " |"
            for name, cell in cells.items()]
    return out + [""]


def _changes() -> list[str]:
    if not CHANGES.exists():
        return []
    changes = yaml.safe_load(CHANGES.read_text(encoding="utf-8"))["changes"]
    out = ["## What was changed for speed, and what it gave", "",
           "| change | why (what the profile or measurement showed) | measure | before | after |",
           "|---|---|---|---|---|"]
    out += [f"| {c['change']} | {c['why']} | {c['measure']} | {c['before']} | {c['after']} |" for c in changes]
    return out + [""]
