"""Sharded builds: the generated docs/ cut into shards that MkDocs builds apart, each
in its own process, assembled into one site with the URLs of a single build. The plan
is lawsite/publish/shardplan.py, the input hash that skips an unchanged shard
lawsite/publish/shardcache.py (both also reached through this module).

Every shard builds from the same docs/, through a view of it that holds the shard's
own files alone (lawsite/publish/docsview.py), so that MkDocs does not walk the whole
corpus; the others' pages are its `exclude_docs`, and a lookup of any file outside the
view is answered from docs/, so MkDocs knows every file (each link, to another shard
too, becomes the relative URL of a single build, which works on any host and from a
folder) and renders only its own. A link into another shard is reported by MkDocs at INFO,
not as a warning (strict mode is kept, and a link to a file that exists nowhere
still fails the shard); the real check of cross-shard links and anchors is the
link checker (lawsite/publish/linkcheck.py) over the assembled site. Each shard
gets its navigation from the hook (lawsite/mkdocs/navview.py): its own
ordinances, with the corpus-wide pages as the way up; the hub lists every
ordinance by its page only.

The assembly (`assemble`) puts the shards' outputs side by side: a file that two
shards both write (the theme's assets, say) must be byte-identical, or the
assembly fails and names it; the search index and the sitemap are merged; the
hub's 404 page is kept.

The engine: `run` builds the shards in a `concurrent.futures.ProcessPoolExecutor`
over the cores, one process per shard (a fresh process each time, so a shard's
memory is given back when it ends; a single shard to build is built in the calling
process, without a pool; a worker dies with its parent, lawsite/core/processes.py), or
submits the same task, `build_shard`, to a Dask distributed scheduler (`scheduler=`:
its address, or a `Client`); Dask is imported only on that path
(`pip install .[distributed]`). A shard whose input hash (shardcache.input_hash) is
that of its output in the cache is not built again.

    python -m lawsite.publish.shards plan [--docs docs]         the shards' names (JSON: a build matrix)
    python -m lawsite.publish.shards build NAME [--docs docs] [--site site] [--config mkdocs.yml]
                                                                one shard, into the cache beside site/

A shard built on another machine (a job of the GitHub workflow's matrix) is its
folder and its stamp in the cache: the publish that finds them, for the same
input, assembles them without building them again.
"""

import argparse
import concurrent.futures
import gzip
import importlib
import json
import multiprocessing
import os
import re
import resource
import shutil
import signal
import sys
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from lawsite.core import processes
from lawsite.publish import docsview
from lawsite.publish.shardcache import (  # noqa: F401 - the plan and the cache, reached through this module too
    DIGESTS,
    RECIPE,
    Digests,
    all_files,
    cache_of,
    input_hash,
    stamp,
    verbatim,
)
from lawsite.publish.shardplan import (  # noqa: F401
    COMPARE,
    HUB,
    LANGUAGES,
    MOST,
    PAGES,
    SHARED,
    Exclusion,
    Shard,
    Task,
    compare_parts,
    comparison_pages,
    exclusions,
    group,
    literal,
    plan,
    shard_name,
    spec,
    task_of,
    tasks,
    uncut,
)

MERGED = ("search/search_index.json", "sitemap.xml", "sitemap.xml.gz")
HUB_ONLY = ("404.html",)          # written by every build; the hub's is published
_literal = literal                # (the name lawsite/publish/bundles.py uses)


class AssemblyError(MkDocsException):
    """The shards' outputs do not fit together."""


class ShardError(MkDocsException):
    """A shard's build failed (raised in the process that asked for it, with the message:
    MkDocs' own exceptions do not all cross processes)."""


def build_shard(task: Task) -> dict:
    """Build one shard (strict MkDocs) into its site_dir; its wall time and the peak
    memory of the process that built it."""
    start = time.monotonic()
    exclude = Exclusion(task.exclude)
    view = Path(f"{task.site_dir}.view") if viewed(task) else None
    try:
        if view is not None:
            docsview.make(Path(task.docs), view, exclude.names)
        config = load_config(task.config_file, docs_dir=str(view or task.docs), site_dir=task.site_dir)
        config["exclude_docs"] = exclude
        config.extra["lawsite_shard"] = task.spec
        if view is not None:
            config.plugins["lawsite-docs-view"] = docsview.Plugin(Path(task.docs))
        build(config)
    except Exception as error:          # noqa: BLE001 - any failure, named, in the caller's process
        raise ShardError(f"the shard {task.shard}: {error or type(error).__name__}") from None
    finally:
        if view is not None:
            docsview.remove(view)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"shard": task.shard, "seconds": round(time.monotonic() - start, 2),
            "peak_rss_mb": round(peak_kb / 1024, 1), "built": True}


def viewed(task: Task) -> bool:
    """Is the task built from a view of docs/ holding its files alone
    (lawsite/publish/docsview.py)? A hosted shard is; an offline bundle
    (lawsite/publish/bundles.py) walks all of docs/, since its links to the pages it
    leaves out are found among every file MkDocs lists (mkdocs/bundle_links.py)."""
    return not task.spec.get("bundle")


def run(shard_tasks: list[Task], cache: Path | None = None, workers: int | None = None,
        scheduler=None) -> list[dict]:
    """Build each task's shard, those whose input changed (all without a `cache`):
    in a process pool of `workers` (default: the cores), or on a Dask scheduler.
    Returns, per task, what `build_shard` said, or {"built": False} when reused."""
    todo, hashes, results = [], {}, {}
    files = all_files(Path(shard_tasks[0].docs)) if cache is not None and shard_tasks else []
    known = Digests(Path(cache) / DIGESTS if cache is not None else None)
    for task in shard_tasks:
        if cache is not None:
            hashes[task.shard] = input_hash(task, files if task.docs == shard_tasks[0].docs else None, known)
            if stamp(task).exists() and stamp(task).read_text() == hashes[task.shard]:
                results[task.shard] = {"shard": task.shard, "built": False}
                continue
            stamp(task).unlink(missing_ok=True)
        todo.append(task)
    if scheduler is not None:
        done = _run_on_dask(todo, scheduler)
    else:
        done = _run_in_pool(todo, workers)
    for task, result in zip(todo, done, strict=True):
        results[task.shard] = result
        if cache is not None:
            stamp(task).write_text(hashes[task.shard])
    known.save()
    return [results[task.shard] for task in shard_tasks]


def _run_in_pool(todo: list[Task], workers: int | None) -> list[dict]:
    """The tasks in a pool of fresh processes; one task alone in this process (a pool's
    start, a forkserver importing MkDocs, would cost more than it gives back)."""
    if not todo:
        return []
    if len(todo) == 1:
        return [build_shard(todo[0])]
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["lawsite.publish.shards"])
    workers = min(len(todo), workers or os.cpu_count() or 1)
    with concurrent.futures.ProcessPoolExecutor(workers, mp_context=context, max_tasks_per_child=1,
                                                initializer=processes.die_with_parent) as pool:
        try:
            return list(pool.map(build_shard, todo))
        except BaseException:           # a failed shard, an interrupt: the others are not waited for
            for process in list(pool._processes.values()):
                process.kill()
            raise


def stop_on_sigterm() -> None:
    """In a command's process: SIGTERM (kill PID, a CI job cancelled) raised as SystemExit,
    so that the workers are killed, a Pagefind or zip process with them, and what was
    half made is removed, as after Ctrl-C."""
    def stop(number, frame):
        raise SystemExit(128 + number)
    signal.signal(signal.SIGTERM, stop)


def _run_on_dask(todo: list[Task], scheduler) -> list[dict]:
    if not todo:
        return []
    on_dask = importlib.import_module("lawsite.publish.on_dask")    # the optional extra, only here
    return on_dask.run(build_shard, todo, scheduler)


def assemble(outputs: list[Path], site: Path, docs: Path | None = None) -> None:
    """The shards' outputs (the hub's first) merged into `site`, which must not exist;
    with `docs`, each file MkDocs copied from docs/ as it is (`verbatim`) is taken from
    docs/ itself, as it is now (a shard's output kept from an earlier build may hold an
    older copy of it)."""
    site = Path(site)
    site.mkdir(parents=True)
    owner: dict[str, Path] = {}
    for output in outputs:
        for path in sorted(output.rglob("*")):
            relative = path.relative_to(output).as_posix()
            if path.is_dir() or relative in MERGED or (relative in HUB_ONLY and output != outputs[0]):
                continue
            target = site / relative
            if relative in owner:
                if path.read_bytes() != target.read_bytes():
                    raise AssemblyError(f"{relative}: the shards {owner[relative].name} and {output.name} "
                                        "built it differently")
                continue
            owner[relative] = output
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(path, target)                       # no copy: the cache keeps its own
            except OSError:
                shutil.copy2(path, target)
    _merge_search_index(outputs, site)
    _merge_sitemap(outputs, site)
    if docs is None:
        return
    for relative in all_files(Path(docs)):
        target = site / relative
        if verbatim(relative) and target.is_file() and relative not in MERGED:
            target.unlink()
            _place((Path(docs) / relative).resolve(), target)


def _place(source: Path, target: Path) -> None:
    try:
        os.link(source, target)                       # no copy: the source keeps its own
    except OSError:
        shutil.copy2(source, target)


def _merge_search_index(outputs: list[Path], site: Path) -> None:
    indexes = [json.loads(p.read_text(encoding="utf-8")) for output in outputs
               if (p := output / "search" / "search_index.json").exists()]
    if not indexes:
        return
    for index in indexes[1:]:
        if index["config"] != indexes[0]["config"]:
            raise AssemblyError("search/search_index.json: the shards' search settings differ")
    merged = {"config": indexes[0]["config"], "docs": [doc for index in indexes for doc in index["docs"]]}
    (site / "search").mkdir(exist_ok=True)
    (site / "search" / "search_index.json").write_text(
        json.dumps(merged, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


URL_ENTRY = re.compile(r"\s*<url>.*?</url>", re.S)


def _merge_sitemap(outputs: list[Path], site: Path) -> None:
    maps = [p.read_text(encoding="utf-8") for output in outputs if (p := output / "sitemap.xml").exists()]
    if not maps:
        return
    head, _, _ = maps[0].partition("<url>")
    head = head.rstrip() if "<url>" in maps[0] else maps[0].rpartition("</urlset>")[0].rstrip()
    entries = [entry for text in maps for entry in URL_ENTRY.findall(text)]
    text = head + "".join(entries) + "\n</urlset>"
    (site / "sitemap.xml").write_text(text, encoding="utf-8")
    with open(site / "sitemap.xml.gz", "wb") as raw, \
            gzip.GzipFile(fileobj=raw, mode="wb", filename="", mtime=0) as packed:
        packed.write(text.encode("utf-8"))


def build_sharded(config_file: Path, docs: Path, site: Path, cache: Path, workers: int | None = None,
                  scheduler=None, extra: tuple[Task, ...] = (), most: int | None = MOST,
                  shards: list[Shard] | None = None) -> list[dict]:
    """Plan (shards of at most `most` ordinances; `shards`: a plan already made, as the
    publish makes it once), build what changed (into `cache`), assemble into `site`.
    Returns each shard's figures, with its name and its numbers of ordinances and
    comparison pages, then those of the `extra` tasks built by the same engine (the
    offline bundles, lawsite/publish/bundles.py)."""
    shards = plan(docs, most) if shards is None else shards
    cache.mkdir(parents=True, exist_ok=True)
    names = {shard.name for shard in shards}
    for entry in sorted(cache.iterdir()):                  # the shards of jurisdictions now gone
        if entry.name.removesuffix(".sha256") in names or entry.name == DIGESTS:
            continue
        if entry.is_dir():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    shard_tasks = tasks(shards, config_file, docs, cache)
    results = run(shard_tasks + list(extra), cache, workers, scheduler)
    assemble([Path(task.site_dir) for task in shard_tasks], site, docs)
    for shard, result in zip(shards, results, strict=False):
        result["ordinances"] = len(shard.slugs)
        if shard.compare:
            result["comparison_pages"] = len(shard.pages)
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="The shards of the hosted site: plan, or build one.")
    parser.add_argument("command", choices=("plan", "build"))
    parser.add_argument("name", nargs="?", help="the shard to build")
    parser.add_argument("--docs", default="docs", help="the generated docs (default: docs)")
    parser.add_argument("--site", default="site", help="the hosted site, beside which the cache is "
                        "(default: site)")
    parser.add_argument("--config", default="mkdocs.yml", help="the MkDocs configuration (default: mkdocs.yml)")
    args = parser.parse_args(argv)
    stop_on_sigterm()
    shards = plan(Path(args.docs))
    if args.command == "plan":
        print(json.dumps([shard.name for shard in shards]))
        return 0
    cache = cache_of(Path(args.site))
    cache.mkdir(parents=True, exist_ok=True)
    chosen = [task_of(shard, shards, Path(args.config), Path(args.docs), cache) for shard in shards
              if shard.name == args.name]
    if not chosen:
        print(f"error: no shard {args.name!r}; the shards are {', '.join(s.name for s in shards)}", file=sys.stderr)
        return 1
    try:
        result, = run(chosen, cache, workers=1)
    except MkDocsException as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
