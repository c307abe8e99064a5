"""The benchmark: how long the build takes, how much memory and disk it uses, how
large its pages and search index are, and how soon search answers in Chromium —
on the real corpus and on a synthetic one many times larger (lawsite.synthetic).

    python -m tools.bench [--scale 1 --scale 50] [--out benchmarks]

Each stage runs in a process of its own, which reports its wall time and peak
memory. The report is written as benchmarks/report.json and benchmarks/report.md.
Not part of the tests (which only check that it runs on a tiny corpus): timings
are measurements, never assertions.
"""

import argparse
import cProfile
import gzip
import io
import json
import os
import pstats
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lawsite.project import Project
from lawsite.publish.output import all_files, hand_written_only

ROOT = Path(__file__).resolve().parent.parent
HOSTED, OFFLINE = ROOT / "mkdocs.yml", ROOT / "mkdocs.offline.yml"
LABELS = ROOT / "translations" / "labels"


def project(sources: Path, translations: Path, **paths) -> Project:
    """The benchmark's project: its sources and translations, the repository's labels,
    registry and MkDocs configuration."""
    return Project.of(sources, translations=translations, labels=LABELS, registry=ROOT / "registry",
                      mkdocs_config=HOSTED, **paths)


def corpus_args(sources: Path, docs: Path, translations: Path) -> list[str]:
    """build_corpus.py's arguments for `project(sources, translations)`."""
    return ["--sources", str(sources), "--docs", str(docs), "--translations", str(translations),
            "--labels", str(LABELS), "--registry", str(ROOT / "registry"), "--config", str(HOSTED)]
QUERY = "数据交易"


# -- one stage, measured in its own process ------------------------------------------------

def stage(name: str, sources: Path, docs: Path, work: Path, translations: Path) -> dict:
    """Run one stage here and return its wall time and peak memory (this process)."""
    started = time.perf_counter()
    if name == "corpus":
        import build_corpus
        code = build_corpus.main(corpus_args(sources, docs, translations))
        assert code == 0, "the corpus build failed"
    elif name == "hosted":
        from lawsite.publish.publish import build_site
        build_site(work / "site", HOSTED, docs_dir=docs)
    elif name == "offline":
        from lawsite.publish.publish import BUNDLE, build_bundle
        build_bundle(work / "dist" / f"{BUNDLE}.zip", OFFLINE, docs, work / "offline")
    elif name == "everything":                 # what `make site` does: corpus, then both outputs
        import build_corpus
        from lawsite.publish.publish import publish
        build_corpus.main(corpus_args(sources, docs, translations))
        publish(project(sources, translations, docs=docs, site=work / "all" / "site",
                        dist=work / "all" / "dist"), check_urls=False)
    return {"seconds": round(time.perf_counter() - started, 2),
            "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def run_stage(name: str, sources: Path, docs: Path, work: Path, translations: Path) -> dict:
    arguments = [sys.executable, "-m", "tools.bench", "--stage", name, "--sources", str(sources),
                 "--docs", str(docs), "--work", str(work), "--translations", str(translations)]
    result = subprocess.run(arguments, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"stage {name} failed:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


# -- what the stages produced ---------------------------------------------------------------

def sizes(work: Path) -> dict:
    site = work / "site"
    articles = sorted(p.stat().st_size for p in site.glob("*/article-*/index.html"))
    lunr = site / "search" / "search_index.json"       # the hosted site's is Pagefind's (site/pagefind/)
    index = lunr.read_bytes() if lunr.exists() else \
        b"".join(p.read_bytes() for p in sorted((site / "pagefind").rglob("*")) if p.is_file())
    zip_path = next((work / "dist").glob("*.zip"))
    return {
        "site_mb": round(sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 2**20, 1),
        "site_files": sum(1 for p in site.rglob("*") if p.is_file()),
        "zip_mb": round(zip_path.stat().st_size / 2**20, 1),
        "article_pages": len(articles),
        "largest_article_kb": round(articles[-1] / 1024, 1),
        "median_article_kb": round(statistics.median(articles) / 1024, 1),
        "search_index_kb": round(len(index) / 1024),
        "search_index_gzip_kb": round(len(gzip.compress(index, 9)) / 1024),
    }


def search_latency(site: Path) -> dict:
    """Seconds from starting to load the home page to the first result for QUERY."""
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"]
    try:
        with sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
            context = playwright.chromium.launch_persistent_context(
                profile, executable_path="/usr/bin/chromium", args=args, headless=True)
            page = context.new_page()
            started = time.perf_counter()
            page.goto(f"http://127.0.0.1:{server.server_port}/")
            box = page.locator(".md-search__input")
            box.click()
            from tools.bench_search import PLACEHOLDER
            page.wait_for_function(PLACEHOLDER, timeout=120_000)
            box.fill(QUERY)
            box.press("End")
            page.wait_for_function(f"!({PLACEHOLDER})", timeout=120_000)   # results (or none) shown
            first = time.perf_counter() - started
            context.close()
    finally:
        server.shutdown()
    return {"query": QUERY, "seconds_to_first_result": round(first, 2)}


def incremental(sources: Path, docs: Path, translations: Path) -> dict:
    """Add one character to one ordinance (before its first 。, which is in its first
    article) and rebuild the corpus: which files change."""
    from lawsite.pipeline import build
    edited = sorted((sources / "ordinances").glob("*.txt"))[0]
    original = edited.read_bytes()
    slug = edited.stem
    before = {docs / p: (docs / p).stat().st_mtime_ns for p in all_files(docs)}
    try:
        text = original.decode("utf-8").replace("。", "之。", 1)
        edited.write_text(text, encoding="utf-8")
        meta = edited.with_suffix(".yml")
        saved_meta = meta.read_text(encoding="utf-8")
        meta.write_text("\n".join(row for row in saved_meta.split("\n") if "sha256" not in row), encoding="utf-8")
        started = time.perf_counter()
        _, report = build(project(sources, translations, docs=docs))
        seconds = time.perf_counter() - started
    finally:
        edited.write_bytes(original)
        meta.write_text(saved_meta, encoding="utf-8")
    own = [p for p in report.written if f"{slug}/" in p or f"{slug}-" in p]
    # views of the whole corpus: the dataset, navigation, dictionary, department index
    shared = [p for p in report.written if p not in own and
              (p.startswith((".", "data/", "departments/", "en/departments/")) or p == "robots.txt")]
    others = [p for p in report.written if p not in own and p not in shared]
    untouched = sum(1 for p, mtime in before.items() if p.exists() and p.stat().st_mtime_ns == mtime)
    return {"edited": slug, "seconds": round(seconds, 2), "files": len(before),
            "rewritten_of_the_ordinance": len(own), "rewritten_shared": sorted(shared),
            "rewritten_elsewhere": sorted(others)[:20], "rewritten_elsewhere_count": len(others),
            "untouched": untouched}


def profile_hosted(docs: Path, work: Path, top: int = 12) -> list[dict]:
    """Where a hosted build spends its time: the heaviest functions, cumulatively."""
    from lawsite.publish.publish import build_site
    profiler = cProfile.Profile()
    profiler.enable()
    build_site(work / "profiled", HOSTED, docs_dir=docs)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    rows = []
    for (file, _line, function), (_, calls, _, cumulative, _) in stats.stats.items():
        rows.append({"function": f"{Path(file).name}:{function}", "calls": calls,
                     "seconds": round(cumulative, 2)})
    rows.sort(key=lambda row: -row["seconds"])
    wanted = ("markdown/core.py", "core.py:convert", "environment.py:render", "nav.html", "base.html",
              "search/plugin.py", "meta.py:get_data", "hooks.py", "compact.py", "jieba")
    return [row for row in rows if any(w.split(":")[-1] in row["function"] for w in wanted)][:top]


# -- a whole run ----------------------------------------------------------------------------

def measure(scale: int, work: Path, sources: Path | None = None, browser: bool = True) -> dict:
    """Every measurement at one scale: 1 is the real corpus (or `sources`), N builds a
    synthetic corpus of 2N ordinances from it."""
    from tools import synthetic
    real = Path(sources or ROOT / "sources")
    work.mkdir(parents=True, exist_ok=True)
    source_dir = real if scale == 1 else synthetic.generate(real, work / "sources", 2 * scale)
    translations = ROOT / "translations" if scale == 1 and sources is None else work / "no-translations"
    docs = work / "docs"
    shutil.rmtree(docs, ignore_errors=True)
    shutil.copytree(ROOT / "docs", docs, ignore=hand_written_only(ROOT / "docs"))
    result = {"scale": scale}
    result["corpus"] = run_stage("corpus", source_dir, docs, work, translations)
    from lawsite.pipeline import load
    corpus = load(project(source_dir, translations))
    result["ordinances"] = len(corpus.ordinances)
    result["articles"] = sum(len(o.articles) for o in corpus.ordinances)
    result["pages"] = sum(1 for p in all_files(docs) if p.endswith(".md"))
    result["hosted"] = run_stage("hosted", source_dir, docs, work, translations)
    result["offline"] = run_stage("offline", source_dir, docs, work, translations)
    result["everything"] = run_stage("everything", source_dir, docs, work, translations)
    result["everything"]["corpus_share"] = round(
        result["corpus"]["seconds"] / result["everything"]["seconds"], 3)
    result["per_article_ms"] = round(1000 * result["everything"]["seconds"] / result["articles"], 1)
    result["sizes"] = sizes(work)
    result["incremental"] = incremental(source_dir if scale > 1 else _copy(source_dir, work), docs,
                                        translations)
    if browser:
        from tools import bench_search
        result["search"] = {**search_latency(work / "site"), **bench_search.measure(work / "site")}
    return result


def _copy(sources: Path, work: Path) -> Path:
    target = work / "sources-copy"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(sources, target)
    return target


def parallels_corpus(root: Path) -> dict:
    """The parallels step over every ordinance of `root` that parses, in a process of its
    own (tools/bench_parallels.py): time, peak memory, what it found."""
    result = subprocess.run([sys.executable, "-m", "tools.bench_parallels", str(root)], cwd=ROOT,
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"the parallels benchmark failed:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def machine() -> dict:
    return {"cpus": os.cpu_count(), "python": sys.version.split()[0],
            "platform": sys.platform}


def report_markdown(results: dict) -> str:
    from tools.bench_report import render
    return render(results)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, action="append", help="1 = the real corpus; N = N× larger")
    parser.add_argument("--out", default=str(ROOT / "benchmarks"))
    parser.add_argument("--sources", default=None, help="another corpus (e.g. a tiny one)")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--profile", action="store_true", help="also profile a hosted build at 1×")
    parser.add_argument("--parallels", nargs="?", const=str(ROOT / "corpora" / "lawrefbook"),
                        help="also measure the parallels step over a whole corpus (default: corpora/lawrefbook)")
    parser.add_argument("--stage")                       # internal: run one stage in this process
    parser.add_argument("--docs")
    parser.add_argument("--work")
    parser.add_argument("--translations")
    args = parser.parse_args(argv)
    if args.stage:
        print(json.dumps(stage(args.stage, Path(args.sources), Path(args.docs), Path(args.work),
                               Path(args.translations))))
        return 0
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    results = {"machine": machine(), "runs": []}
    with tempfile.TemporaryDirectory(prefix="lawsite-bench-") as temporary:
        for scale in args.scale or [1, 50]:
            print(f"scale {scale}…", file=sys.stderr)
            results["runs"].append(measure(scale, Path(temporary) / f"x{scale}",
                                           Path(args.sources) if args.sources else None,
                                           browser=not args.no_browser))
        if args.parallels:
            print("parallels over the whole corpus…", file=sys.stderr)
            results["parallels_corpus"] = parallels_corpus(Path(args.parallels))
        if args.profile:
            results["profile_1x"] = profile_hosted(Path(temporary) / "x1" / "docs",
                                                   Path(temporary) / "x1")
    (out / "report.json").write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n",
                                     encoding="utf-8")
    (out / "report.md").write_text(report_markdown(results), encoding="utf-8")
    print(f"report written to {out}/report.md and report.json", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
