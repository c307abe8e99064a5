"""The benchmark's results as a Markdown report (benchmarks/report.md)."""

from pathlib import Path

import yaml

CHANGES = Path(__file__).resolve().parent.parent / "benchmarks" / "changes.yml"
TARGETS = {"everything_1x_s": 10, "corpus_share": 0.10, "linear_ratio": 1.3, "peak_mb": 1536,
           "largest_article_kb": 40}


def render(results: dict) -> str:
    runs = {run["corpus"]: run for run in results["runs"]}
    load = results["machine"].get("load_average")
    lines = ["# Benchmark", "",
             f"Measured by `make bench` (`python -m tools.bench`) on one machine, every corpus in "
             f"one run: {results['machine']['cpus']} CPUs, Python {results['machine']['python']}"
             + (f", load average {load[0]} at the start and {results['machine'].get('load_average_after', ['?'])[0]}"
                " at the end" if load else "") + ". "
             "Each stage ran in a process of its own; times are wall-clock seconds, memory the "
             "peak resident set of the largest process of the stage.", ""]
    lines += _table(runs)
    lines += _targets(runs)
    lines += _incremental(runs)
    for stopped in results.get("stopped", []):
        lines += _stopped(stopped)
    if results.get("parallels_corpus"):
        lines += _parallels(results["parallels_corpus"])
    if results.get("profile"):
        lines += _profile(results["profile"])
    lines += _changes()
    return "\n".join(lines) + "\n"


def _stopped(found: dict) -> list[str]:
    """A corpus whose run was stopped before its end (its figures then live only in the
    stages' processes): what was read from its files and their times, as measured."""
    out = [f"## {found['corpus']}: a run stopped before its end", "", found["why"], "",
           "| | |", "|---|---|"]
    out += [f"| {label} | {value} |" for label, value in found["rows"]]
    return out + [""]


def _profile(found: dict) -> list[str]:
    lines = ["## Where the time goes", "",
             f"cProfile of the largest stage, `{found['stage']}` on `{found['corpus']}` "
             + (f"({found['seconds_stage']} s), on {found['part']} ({found['seconds_unprofiled']} s, "
                if found.get("part") else f"({found['seconds_unprofiled']} s, ")
             + f"{found['seconds_profiled']} s under the profiler): "
             "the functions that take the most time themselves, then cumulatively.", "",
             "| function | calls | own seconds | cumulative seconds |", "|---|---|---|---|"]
    lines += [f"| `{r['function']}` | {r['calls']} | {r['own_seconds']} | {r['seconds']} |" for r in found["own"][:15]]
    lines += ["", "| function (cumulative) | calls | own seconds | cumulative seconds |", "|---|---|---|---|"]
    lines += [f"| `{r['function']}` | {r['calls']} | {r['own_seconds']} | {r['seconds']} |"
              for r in found["cumulative"][:15]]
    return lines + [""]


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


def _stage(name: str):
    return lambda r: (f"{r['stages'][name]['seconds']} s, {r['stages'][name]['peak_mb']} MB"
                      if name in r["stages"] else "—")


def _table(runs: dict) -> list[str]:
    names = list(runs)
    rows = [
        ("ordinances / articles / pages", lambda r: f"{r['ordinances']} / {r['articles']} / {r['pages']}"),
        ("build_corpus.py", _stage("corpus")),
        ("hosted site (MkDocs)", _stage("hosted")),
        ("offline bundle (MkDocs + zip)", _stage("offline")),
        ("the three stages, one after the other", lambda r: f"{r['seconds']['total']} s"),
        ("peak memory of the largest process", lambda r: f"{r['peak_rss_mb']} MB"),
        ("everything (`make site`: corpus, then both in parallel)", _stage("everything")),
        ("per article (the three stages)", lambda r: f"{r['per_article_ms']} ms"),
        ("site / files", lambda r: f"{r['sizes']['site_mb']} MB / {r['sizes']['site_files']}"),
        ("site bytes per article", lambda r: f"{r['site_bytes_per_article'] / 1024:.1f} KB"),
        ("offline zip", lambda r: f"{r['sizes']['zip_mb']} MB"),
        ("largest / median article page", lambda r: f"{r['sizes']['largest_article_kb']} / {r['sizes']['median_article_kb']} KB"),
        ("search index raw / gzipped", lambda r: f"{r['sizes']['search_index_kb']} / {r['sizes']['search_index_gzip_kb']} KB"),
        ("search: last keystroke → first result (median)",
         lambda r: f"{r['search_first_result_ms']} ms ({r['search']['engine']})" if "search" in r else "—"),
        ("search: bytes for the first query / per later query",
         lambda r: f"{r['search_bytes_first_query']} / {r['search_bytes_per_query']}" if "search" in r else "—"),
    ]
    out = ["## Results", "", "| | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    out += [f"| {name} | " + " | ".join(cell(runs[n]) for n in names) + " |" for name, cell in rows]
    return out + [""]


TARGETS.update({"peak_rss_mb": 2048, "bytes_per_article": 60 * 1024, "total_s": 30 * 60, "hosted_s": 20 * 60,
                "incremental_s": 60, "first_result_ms": 300, "first_query_bytes": 500 * 1024})


def _targets(runs: dict) -> list[str]:
    out = ["## Targets", ""]
    for name, run in runs.items():
        if "everything" in run["stages"]:
            out.append(_check(f"{name}, everything under {TARGETS['everything_1x_s']} s",
                              run["stages"]["everything"]["seconds"] < TARGETS["everything_1x_s"],
                              f"{run['stages']['everything']['seconds']} s"))
        out.append(_check(f"{name}, no process above 2 GB", run["peak_rss_mb"] <= TARGETS["peak_rss_mb"],
                          f"{run['peak_rss_mb']} MB"))
        out.append(_check(f"{name}, site bytes per article at most 60 KB",
                          run["site_bytes_per_article"] <= TARGETS["bytes_per_article"],
                          f"{run['site_bytes_per_article'] / 1024:.1f} KB"))
        out.append(_check(f"{name}, the three stages within 30 minutes", run["seconds"]["total"] <= TARGETS["total_s"],
                          f"{run['seconds']['total']} s"))
        out.append(_check(f"{name}, the hosted site within 20 minutes", run["seconds"]["hosted"] <= TARGETS["hosted_s"],
                          f"{run['seconds']['hosted']} s"))
        broken = run["stages"]["hosted"].get("broken_links")
        if broken is not None:
            out.append(_check(f"{name}, every internal link and anchor of the assembled site resolves", broken == 0,
                              f"{broken} broken" + (f" (e.g. {run['stages']['hosted']['broken_examples'][0]})"
                                                    if broken else "")))
        if "incremental_seconds" in run:
            out.append(_check(f"{name}, one ordinance edited: an updated site within 60 s",
                              run["incremental_seconds"] <= TARGETS["incremental_s"], f"{run['incremental_seconds']} s"))
        if "search_first_result_ms" in run:
            out.append(_check(f"{name}, search: first result within 300 ms of the last keystroke",
                              run["search_first_result_ms"] <= TARGETS["first_result_ms"],
                              f"{run['search_first_result_ms']} ms"))
            out.append(_check(f"{name}, search: at most 500 KB for the first query",
                              run["search_bytes_first_query"] <= TARGETS["first_query_bytes"],
                              f"{run['search_bytes_first_query'] / 1024:.0f} KB"))
    return out + [""]


def _check(what: str, ok: bool, value: str) -> str:
    return f"- {'✅' if ok else '❌'} {what}: {value}"


def _incremental(runs: dict) -> list[str]:
    out = ["## Editing one source", "",
           "After one character is added to one ordinance (to its first sentence), `build_corpus.py` "
           "rewrites the files below, then the hosted site is rebuilt as the publish step does: the "
           "shards whose input changed, the assembly, Pagefind over the whole site, the link check "
           "(`seconds` is the whole chain). Pages of other ordinances that show a similarity score with "
           "the edited article change with it (the score did); no other page does.", "",
           "| | " + " | ".join(runs) + " |", "|---|" + "---|" * len(runs)]
    cells = {
        "seconds (the whole chain)": lambda i: str(i["seconds"]),
        "build_corpus.py": lambda i: str(i.get("corpus_seconds", i["seconds"])),
        "hosted site: shards / Pagefind / link check": lambda i: " / ".join(
            str(i.get("hosted", {}).get(k, "—")) for k in ("shards_seconds", "pagefind_seconds", "linkcheck_seconds")),
        "shards rebuilt": lambda i: ", ".join(i.get("shards_rebuilt", [])) or "—",
        "files of the edited ordinance": lambda i: str(i["rewritten_of_the_ordinance"]),
        "whole-corpus views (dataset, navigation, department index)": lambda i: str(len(i["rewritten_shared"])),
        "files of other ordinances": lambda i: str(i["rewritten_elsewhere_count"]),
        "files untouched (bytes and modification time)": lambda i: f"{i['untouched']} of {i['files']}",
    }
    out += [f"| {name} | " + " | ".join(cell(runs[s]["incremental"]) for s in runs) + " |"
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
