"""The benchmark: how long the build takes, how much memory and disk it uses, how
large its pages and search index are, and how soon search answers in Chromium —
on the launch corpus, on the whole real corpus (corpora/lawrefbook, imported) and,
as an extra, on a synthetic one many times larger (tools/synthetic.py).

    python -m tools.bench [--corpus launch] [--corpus lawrefbook[=PATH]] [--scale 50]
                          [--profile] [--out benchmarks]

Each stage runs in a process of its own, which reports its wall time and the peak
memory of the largest process (itself or a worker it waited for). Each corpus gets
one entry of `runs` in benchmarks/report.json (`corpus`, `ordinances`, `articles`,
`pages`, `seconds` per stage and `total`, `peak_rss_mb`, `site_bytes`,
`site_bytes_per_article`, `incremental_seconds` — one ordinance edited, the corpus
and the hosted site rebuilt as the publish step does —, the search figures); `--profile`
profiles the largest stage of the last corpus on a bounded part of it (the hosted
site's slowest shard, or the first SAMPLE works). benchmarks/report.md renders it.
Not part of the tests (which only check that it runs on a tiny corpus): timings
are measurements, never assertions.
"""

import argparse
import contextlib
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

def publish_site(docs: Path, site: Path, cache: Path | None = None) -> dict:
    """The hosted site of `docs` into `site` as the publish step builds it: in shards (a
    process each, over the cores), assembled, indexed by Pagefind (a part per jurisdiction), its links checked.
    Without a `cache`, every shard is built and indexed and every page's links read; with
    one, the shards whose input changed, their parts of the index, and the pages that
    changed (linkcheck's and the index's caches beside it).
    Returns the seconds of each step and each shard's figures."""
    from lawsite.core.siteconfig import site_url
    from lawsite.publish import linkcheck, pagefind, shards
    shutil.rmtree(site, ignore_errors=True)
    if cache is None:
        cache = site.parent / "shards-cache"
        shutil.rmtree(cache, ignore_errors=True)      # every shard built, as measured
        cache.with_name("links-cache.json").unlink(missing_ok=True)     # and every page's links read
        shutil.rmtree(cache.with_name("search-cache"), ignore_errors=True)     # and every part indexed
    search_cache = cache.with_name("search-cache")       # each shard's part of the index (pagefind.index_shards)
    started = time.perf_counter()
    plan = shards.plan(docs)
    built = shards.build_sharded(HOSTED, docs, site, cache, shards=plan)
    assembled = time.perf_counter()
    indexed = pagefind.index_shards(site, pagefind.parts_of(plan, cache), search_cache)
    searched = time.perf_counter()
    broken = linkcheck.check(site, site_url(HOSTED), cache.with_name("links-cache.json")).broken
    checked = time.perf_counter()
    # a broken link is a finding of the run (a failed target in the report), not its end
    return {"shards_seconds": round(assembled - started, 2), "pagefind_seconds": round(searched - assembled, 2),
            "linkcheck_seconds": round(checked - searched, 2), "pagefind": indexed,
            "broken_links": len(broken), "broken_examples": sorted(broken)[:10],
            "shards": built, "shards_built": sum(1 for figure in built if figure["built"])}


def build_docs(sources: Path, docs: Path, translations: Path) -> None:
    """build_corpus.py, keeping going (an imported corpus has texts it leaves out)."""
    import build_corpus
    code = build_corpus.main(corpus_args(sources, docs, translations) + ["--keep-going"])
    assert code in (0, 3), "the corpus build failed"


def stage(name: str, sources: Path, docs: Path, work: Path, translations: Path,
          profile: Path | None = None) -> dict:
    """Run one stage here and return its wall time and the peak memory of the largest
    process (this one, or a child it waited for); under cProfile with `profile`."""
    profiler = cProfile.Profile() if profile else None
    if profiler:
        profiler.enable()
    started = time.perf_counter()
    details: dict = {}
    if name == "corpus":
        with contextlib.redirect_stdout(sys.stderr):
            build_docs(sources, docs, translations)
    elif name == "hosted":
        details = publish_site(docs, work / "site")
    elif name == "shard":                     # the largest shard of the hosted site alone
        details = build_one_shard(docs, work / "shard")
    elif name == "offline":
        # one bundle per jurisdiction, as the publish makes them
        from lawsite.publish import bundles
        shutil.rmtree(bundles.cache_of(work / "dist"), ignore_errors=True)      # every bundle built, as measured
        details = {"shards": bundles.build_all(OFFLINE, docs, work / "dist")}
    elif name == "everything":                 # what `make site` does: corpus, then both outputs
        from lawsite.publish.publish import publish
        with contextlib.redirect_stdout(sys.stderr):
            build_docs(sources, docs, translations)
        publish(project(sources, translations, docs=docs, site=work / "all" / "site",
                        dist=work / "all" / "dist"), check_urls=False)
    seconds = time.perf_counter() - started
    if profiler and profile:
        profiler.disable()
        Path(profile).write_text(json.dumps(profile_rows(profiler)), encoding="utf-8")
    peak = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024
    # the pool's workers are the forkserver's children, which this process never waits
    # for (RUSAGE_CHILDREN leaves them out): each reports its own peak in its figures
    peak = max([peak] + [figure.get("peak_rss_mb", 0) for figure in details.get("shards", [])])
    return {"seconds": round(seconds, 2), "peak_mb": round(peak), **details}


def largest_shard(docs: Path, shard_figures: list[dict] | None = None) -> str:
    """The shard that took longest in `shard_figures` (a hosted stage's), else the one
    of most ordinances."""
    from lawsite.publish import shards
    if shard_figures:
        return max(shard_figures, key=lambda figure: figure.get("seconds", 0))["shard"]
    return max(shards.plan(docs), key=lambda shard: len(shard.slugs)).name


def build_one_shard(docs: Path, work: Path, name: str | None = None) -> dict:
    """One shard of the hosted site built in this process (as a worker of the pool
    builds it): `name`, else the largest (BENCH_SHARD in the environment chooses)."""
    from lawsite.publish import shards
    shutil.rmtree(work, ignore_errors=True)
    plan = shards.plan(docs)
    name = name or os.environ.get("BENCH_SHARD") or largest_shard(docs)
    task, = [task for task in shards.tasks(plan, HOSTED, docs, work) if task.shard == name]
    return {"shard": name, "ordinances": len(next(s for s in plan if s.name == name).slugs),
            **shards.build_shard(task)}


def profile_rows(profiler: cProfile.Profile, top: int = 25) -> dict:
    """The heaviest functions of a profile: by time spent in themselves, and cumulatively."""
    stats = pstats.Stats(profiler, stream=io.StringIO())
    rows = [{"function": f"{Path(file).parent.name}/{Path(file).name}:{line}:{function}", "calls": calls,
             "own_seconds": round(own, 2), "seconds": round(cumulative, 2)}
            for (file, line, function), (_, calls, own, cumulative, _) in stats.stats.items()]  # type: ignore[attr-defined]
    return {"total_seconds": round(max(row["seconds"] for row in rows), 2),
            "own": sorted(rows, key=lambda row: -row["own_seconds"])[:top],
            "cumulative": sorted(rows, key=lambda row: -row["seconds"])[:top]}


def run_stage(name: str, sources: Path, docs: Path, work: Path, translations: Path,
              profile: Path | None = None, shard: str | None = None) -> dict:
    arguments = [sys.executable, "-m", "tools.bench", "--stage", name, "--sources", str(sources),
                 "--docs", str(docs), "--work", str(work), "--translations", str(translations)]
    if profile:
        arguments += ["--profile-out", str(profile)]
    environment = dict(os.environ, **({"BENCH_SHARD": shard} if shard else {}))
    result = subprocess.run(arguments, cwd=ROOT, capture_output=True, text=True, env=environment)
    if result.returncode != 0:
        raise RuntimeError(f"stage {name} failed:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


# -- what the stages produced ---------------------------------------------------------------

def sizes(work: Path) -> dict:
    site = work / "site"
    files = [p for p in site.rglob("*") if p.is_file()]
    articles = sorted(p.stat().st_size for p in site.glob("*/article-*/index.html"))
    lunr = site / "search" / "search_index.json"       # the hosted site's is Pagefind's (site/pagefind/)
    index_bytes = lunr.read_bytes() if lunr.exists() else \
        b"".join(p.read_bytes() for p in sorted((site / "pagefind").rglob("*")) if p.is_file())
    zips = sorted((work / "dist").glob("*.zip"))       # the offline bundles
    return {
        "site_bytes": sum(p.stat().st_size for p in files),
        "site_mb": round(sum(p.stat().st_size for p in files) / 2**20, 1),
        "site_files": len(files),
        "zip_mb": round(sum({(path.stat().st_dev, path.stat().st_ino): path.stat().st_size
                             for path in zips}.values()) / 2**20, 1),      # a hard link once
        "article_pages": len(articles),
        "largest_article_kb": round(articles[-1] / 1024, 1) if articles else 0,
        "median_article_kb": round(statistics.median(articles) / 1024, 1) if articles else 0,
        "search_index_kb": round(len(index_bytes) / 1024),
        "search_index_gzip_kb": round(len(gzip.compress(index_bytes, 9)) / 1024),
    }


def queries(limit: int = 20) -> list[str]:
    """The queries of the search evaluation (tests/fixtures/search_queries.yml), the first `limit`."""
    import yaml
    found = yaml.safe_load((ROOT / "tests" / "fixtures" / "search_queries.yml").read_text(encoding="utf-8"))
    return [entry["query"] for entry in found["queries"]][:limit]


def search(site: Path, asked: list[str]) -> dict:
    """The search figures of a built site, in Chromium on a local server, with the site's
    own engine (Pagefind on the hosted site, lunr offline): tools/bench_search.py."""
    from tools import bench_search
    return {"engine": "bench_search", **bench_search.measure(site, asked)}


def incremental(sources: Path, docs: Path, translations: Path, work: Path | None = None) -> dict:
    """Add one character to one ordinance (before its first 。, which is in its first
    article) and rebuild: the corpus (which files change), then, with `work` (whose
    shards-cache the hosted stage left), the hosted site as the publish step rebuilds
    it — the shards whose input changed, the assembly, Pagefind, the link check.
    `seconds` is the whole chain."""
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
        _, report = build(project(sources, translations, docs=docs), keep_going=True)
        seconds = time.perf_counter() - started
    finally:
        edited.write_bytes(original)
        meta.write_text(saved_meta, encoding="utf-8")
    own = [p for p in report.written if f"{slug}/" in p or f"{slug}-" in p or f"/{slug}." in p]   # (its downloads)
    # views of the whole corpus: the dataset, navigation, dictionary, department index, download page
    shared = [p for p in report.written if p not in own and
              (p.startswith((".", "data/", "departments/", "en/departments/"))
               or p in ("robots.txt", "downloads/index.md", "en/downloads/index.md"))]
    others = [p for p in report.written if p not in own and p not in shared]
    untouched = sum(1 for p, mtime in before.items() if p.exists() and p.stat().st_mtime_ns == mtime)
    found: dict = {"edited": slug, "seconds": round(seconds, 2), "corpus_seconds": round(seconds, 2),
             "what": "build_corpus.py (docs/)",
             "files": len(before), "rewritten_of_the_ordinance": len(own), "rewritten_shared": sorted(shared),
             "rewritten_elsewhere": sorted(others)[:20], "rewritten_elsewhere_count": len(others),
             "untouched": untouched}
    if work is not None:
        started = time.perf_counter()
        hosted = publish_site(docs, work / "site-edited", cache=work / "shards-cache")
        hosted_seconds = time.perf_counter() - started
        found["hosted_seconds"] = round(hosted_seconds, 2)
        found["seconds"] = round(seconds + hosted_seconds, 2)
        found["what"] = "build_corpus.py, then the hosted site (shards that changed, Pagefind, link check)"
        found["hosted"] = {key: value for key, value in hosted.items() if key != "shards"}
        found["shards_rebuilt"] = [f["shard"] for f in hosted["shards"] if f["built"]]
        shutil.rmtree(work / "site-edited", ignore_errors=True)
    return found


def counts(docs: Path) -> tuple[int, int]:
    """(ordinances, articles) published, from the build report."""
    found = json.loads((docs / "data" / "build-report.json").read_text(encoding="utf-8"))
    published = [o for o in found["ordinances"] if o["status"] == "published"]
    return len(published), sum(o.get("articles", 0) for o in published)


# -- a whole run ----------------------------------------------------------------------------

STAGES = ("corpus", "hosted", "offline")


def measure(name: str, source_dir: Path, translations: Path, work: Path, browser: bool = True,
            everything: bool = True) -> dict:
    """Every measurement of one corpus (its sources/ in `source_dir`). `everything`:
    also time what `make site` does in one process (for a small corpus)."""
    docs = work / "docs"
    shutil.rmtree(docs, ignore_errors=True)
    shutil.copytree(ROOT / "docs", docs, ignore=hand_written_only(ROOT / "docs"))
    result: dict = {"corpus": name, "stages": {}}
    for stage_name in STAGES:
        print(f"  {name}: {stage_name}…", file=sys.stderr)
        result["stages"][stage_name] = run_stage(stage_name, source_dir, docs, work, translations)
    result["ordinances"], result["articles"] = counts(docs)
    result["pages"] = sum(1 for p in all_files(docs) if p.endswith(".md"))
    result["seconds"] = {k: v["seconds"] for k, v in result["stages"].items()}
    result["seconds"]["total"] = round(sum(result["seconds"].values()), 2)
    result["peak_rss_mb"] = max(v["peak_mb"] for v in result["stages"].values())
    if everything:
        result["stages"]["everything"] = run_stage("everything", source_dir, docs, work, translations)
        result["stages"]["everything"]["corpus_share"] = round(
            result["seconds"]["corpus"] / result["stages"]["everything"]["seconds"], 3)
    result["per_article_ms"] = round(1000 * result["seconds"]["total"] / max(result["articles"], 1), 1)
    result["sizes"] = sizes(work)
    result["site_bytes"] = result["sizes"]["site_bytes"]
    result["site_bytes_per_article"] = round(result["site_bytes"] / max(result["articles"], 1))
    print(f"  {name}: one ordinance edited…", file=sys.stderr)
    result["incremental"] = incremental(_copy(source_dir, work), docs, translations, work)
    result["incremental_seconds"] = result["incremental"]["seconds"]
    if browser:
        print(f"  {name}: search…", file=sys.stderr)
        result["search"] = search(work / "site", queries())
        result.update({k: v for k, v in result["search"].items() if k.startswith("search_")})
    return result


def corpus_sources(spec: str, work: Path, sources: Path | None) -> tuple[str, Path, Path]:
    """(name, sources/, translations/) of a corpus named on the command line: `launch`
    (sources/ with translations/), `lawrefbook[=PATH]` (PATH, default corpora/lawrefbook,
    imported into a sources/ of its own), `Nx` (the synthetic corpus N times the launch
    one), `sources` (--sources)."""
    from tools import synthetic
    none = work / "no-translations"
    if spec == "sources":
        return Path(sources).name if sources else "launch", Path(sources or ROOT / "sources"), \
            (none if sources else ROOT / "translations")
    if spec == "launch":
        return "launch", ROOT / "sources", ROOT / "translations"
    if spec.startswith("lawrefbook"):
        corpus = Path(spec.partition("=")[2] or ROOT / "corpora" / "lawrefbook")
        target = work / "sources"
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        for name in ("departments.yml", "search-terms.yml"):
            shutil.copy(ROOT / "sources" / name, target)
        import build_corpus
        with contextlib.redirect_stdout(sys.stderr), contextlib.redirect_stderr(io.StringIO()):
            assert build_corpus.main(["import", "lawrefbook", str(corpus), "--sources", str(target)]) == 0
        return ("lawrefbook" if corpus == ROOT / "corpora" / "lawrefbook" else f"lawrefbook:{corpus.name}"), \
            target, none
    copies = int(spec.removesuffix("x"))
    return f"synthetic-{copies}x", synthetic.generate(Path(sources or ROOT / "sources"), work / "sources",
                                                      2 * copies), none


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


SAMPLE = 100                  # ordinances of the bounded sample a stage other than the hosted one is profiled on


def profile_largest(run: dict, source_dir: Path, translations: Path, work: Path) -> dict:
    """The largest stage of `run` profiled under cProfile, in its own process, on a
    bounded part of it (×3 slower under the profiler, so never the whole corpus again):
    the hosted site's largest shard (the one that took longest), or another stage on
    the first SAMPLE ordinances (each version of a work with it)."""
    name = max(STAGES, key=lambda stage_name: run["seconds"][stage_name])
    out = work / "profile.json"
    if name == "hosted":
        shard = largest_shard(work / "docs", run["stages"]["hosted"].get("shards"))
        unprofiled = next((f["seconds"] for f in run["stages"]["hosted"].get("shards", ())
                           if f["shard"] == shard and f.get("built")), None)
        measured = run_stage("shard", source_dir, work / "docs", work, translations, profile=out, shard=shard)
        part = f"its largest shard, `{shard}` ({measured.get('ordinances')} ordinances)"
    else:
        sample, docs = sample_sources(source_dir, work / "sample", SAMPLE), work / "sample" / "docs"
        shutil.copytree(ROOT / "docs", docs, ignore=hand_written_only(ROOT / "docs"))
        if name != "corpus":
            run_stage("corpus", sample, docs, work / "sample", translations)
        unprofiled = run_stage(name, sample, docs, work / "sample", translations)["seconds"]
        measured = run_stage(name, sample, docs, work / "sample", translations, profile=out)
        part = f"the first {SAMPLE} ordinances"
    return {"corpus": run["corpus"], "stage": name, "part": part, "seconds_profiled": measured["seconds"],
            "seconds_unprofiled": unprofiled, "seconds_stage": run["seconds"][name],
            **json.loads(out.read_text(encoding="utf-8"))}


def sample_sources(sources: Path, target: Path, most: int) -> Path:
    """A sources/ holding the first `most` works of `sources` (by file name, each with
    all its versions), the vocabulary and the search terms beside them."""
    shutil.rmtree(target, ignore_errors=True)
    (target / "sources" / "ordinances").mkdir(parents=True)
    for path in sources.iterdir():
        if path.is_file():
            shutil.copy(path, target / "sources" / path.name)
    works = sorted({path.name.split(".")[0] for path in (sources / "ordinances").glob("*.yml")})[:most]
    for path in sorted((sources / "ordinances").iterdir()):
        if path.name.split(".")[0] in works:
            shutil.copy(path, target / "sources" / "ordinances" / path.name)
    return target / "sources"


def machine() -> dict:
    return {"cpus": os.cpu_count(), "python": sys.version.split()[0],
            "platform": sys.platform, "load_average": [round(x, 2) for x in os.getloadavg()]}


def report_markdown(results: dict) -> str:
    from tools.bench_report import render
    return render(results)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="append", default=[],
                        help="launch, lawrefbook or lawrefbook=PATH (imported), in this order")
    parser.add_argument("--scale", type=int, action="append", default=[],
                        help="1 = --sources (or the launch corpus); N = a synthetic corpus N× larger")
    parser.add_argument("--out", default=str(ROOT / "benchmarks"))
    parser.add_argument("--sources", default=None, help="another corpus (e.g. a tiny one)")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--profile", action="store_true",
                        help="also profile the largest stage of the last corpus")
    parser.add_argument("--parallels", nargs="?", const=str(ROOT / "corpora" / "lawrefbook"),
                        help="also measure the parallels step over a whole corpus (default: corpora/lawrefbook)")
    parser.add_argument("--keep", help="work in this directory (kept) instead of a temporary one")
    parser.add_argument("--stage")                       # internal: run one stage in this process
    parser.add_argument("--docs")
    parser.add_argument("--work")
    parser.add_argument("--translations")
    parser.add_argument("--profile-out")
    args = parser.parse_args(argv)
    if args.stage:
        print(json.dumps(stage(args.stage, Path(args.sources), Path(args.docs), Path(args.work),
                               Path(args.translations), Path(args.profile_out) if args.profile_out else None)))
        return 0
    specs = args.corpus + [("sources" if scale == 1 else f"{scale}x") for scale in args.scale]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    results: dict = {"machine": machine(), "runs": []}
    with (contextlib.nullcontext(args.keep) if args.keep else
          tempfile.TemporaryDirectory(prefix="lawsite-bench-")) as temporary:
        last = None
        for number, spec in enumerate(specs or ["launch", "lawrefbook"]):
            work = Path(temporary) / f"run-{number}"
            shutil.rmtree(work, ignore_errors=True)
            work.mkdir(parents=True)
            name, source_dir, translations = corpus_sources(spec, work, Path(args.sources) if args.sources else None)
            print(f"{name}…", file=sys.stderr)
            results["runs"].append(measure(name, source_dir, translations, work, browser=not args.no_browser,
                                           everything=name in ("launch", "sources") or spec == "sources"))
            last = (results["runs"][-1], source_dir, translations, work)
            # what is measured so far survives a later corpus's failure
            (out / "report.partial.json").write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n",
                                                     encoding="utf-8")
        if args.parallels:
            print("parallels over the whole corpus…", file=sys.stderr)
            results["parallels_corpus"] = parallels_corpus(Path(args.parallels))
        if args.profile and last:
            print("profiling the largest stage…", file=sys.stderr)
            results["profile"] = profile_largest(*last)
    results["machine"]["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    (out / "report.json").write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n",
                                     encoding="utf-8")
    (out / "report.md").write_text(report_markdown(results), encoding="utf-8")
    (out / "report.partial.json").unlink(missing_ok=True)
    print(f"report written to {out}/report.md and report.json", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
