"""Build the site two ways from the same generated docs/: the hosted site in site/
and the offline bundles in dist/: one per jurisdiction, lawsite-offline-<shard>.zip,
and, while the corpus has a single jurisdiction, the complete lawsite-offline.zip
(lawsite/publish/bundles.py).

    python -m lawsite.publish [--site site] [--dist dist] [--workers N] [--dask SCHEDULER]

The hosted site is built in shards (lawsite/publish/shards.py): the hub and one
shard per jurisdiction, each its own strict MkDocs build in its own process (a
process pool over the cores, or the Dask scheduler at `--dask`), assembled into
one site with the URLs of a single build; a shard whose input has not changed
since the last publish is not built again (its output is kept in .site.shards/).
The assembled site must pass the link checker (lawsite/publish/linkcheck.py:
every link and anchor, across shards too) and the URL registry (every published
URL still produced, lawsite/publish/registry.py). The bundles are tasks of the
same engine, built with the shards (at most `--workers` MkDocs builds at once), then
zipped beside the checks of the hosted site; each is placed in the hosted site under
/downloads/, and its size written into the download page (bundles.fill_sizes).

Both are built into a new version in a store beside site/ (.site.published/)
and switched to only when everything passed: the MkDocs builds, the link check
and the registry. site/ and dist/ are links through the store's `current` link, which one
os.replace moves (lawsite/atomic.py): they change together, in one step, and a
failed or killed publish leaves both as they were. Leftovers of an interrupted
publish are removed by the next one; only the current version is kept. While
MkDocs reads docs/, the publish holds docs/'s lock (lawsite/output.py), so that
no build switches it underneath. The zips are reproducible: their entries are sorted
and dated at the last commit.
"""

import argparse
import json
import logging
import multiprocessing
import os
import shutil
import sys
import tempfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from lawsite.core import atomic, processes, siteconfig
from lawsite.core.errors import SourceError
from lawsite.project import Project
from lawsite.publish import bundles, linkcheck, output, pagefind, registry, shards
from lawsite.site import downloads

BUNDLE = downloads.BUNDLE                       # dist/lawsite-offline.zip, and its folder


def build_site(site_dir, config_file, docs_dir=None) -> dict:
    """Run MkDocs (strict) into `site_dir`, then, on a site whose search is Pagefind
    (`extra.search: pagefind`: the hosted one), index it. Raises MkDocsException on
    any warning. Returns Pagefind's figures (lawsite/publish/pagefind.py), or {}."""
    overrides = {"site_dir": str(site_dir)}
    if docs_dir is not None:
        overrides["docs_dir"] = str(docs_dir)
    config = load_config(str(config_file), **overrides)
    build(config)
    if config.extra.get("search") == "pagefind":
        return pagefind.index(site_dir)
    return {}


def build_bundle(zip_path: Path, config_file, docs_dir=None, work: Path | None = None) -> Path:
    """Build the complete offline site (`config_file`: mkdocs.offline.yml) in this process
    and pack it, with a README.txt, into `zip_path` (the tests' and the benchmark's
    bundle; the publish builds each of bundles.plan as a task of the shards' engine)."""
    work = Path(work or tempfile.mkdtemp())
    site = work / BUNDLE
    build_site(site, config_file, docs_dir)
    root = Path(config_file).parent
    for served_only in bundles.LEFT_AS_BUILT:
        (site / served_only).unlink(missing_ok=True)     # meaningful only on a web server
    every = bundles.Bundle(BUNDLE, "", "", tuple(o["slug"] for o in json.loads(
        (site / "data" / "corpus.json").read_text(encoding="utf-8"))["ordinances"]))
    bundles.pack(every, site, zip_path, site, root)          # (site/data/corpus.json: the docs' own)
    return zip_path


def store(site: Path) -> atomic.Store:
    """Where the published versions of `site` are kept: .site.published/ beside it."""
    site = Path(site).absolute()
    return atomic.Store(site.parent / f".{site.name}.published")


def publish(project: Project, check_urls: bool = True, workers: int | None = None,
            scheduler=None) -> list[dict]:
    """Build both outputs into a new version and check them, then switch to it:
    `site` and `dist` are links through the store's `current` link, so both
    change together, in one step, and only when every step passed. The offline
    bundles are built by the same engine as the shards, and zipped in other processes
    while the hosted site is checked. (`check_urls`: the URL registry; off only for
    corpora that are not published, such as the benchmark's synthetic one. `workers`,
    `scheduler`: where the shards and bundles are built, shards.run.) Returns each
    shard's figures (shards.build_sharded), then each bundle build's ("bundle": True),
    and on a site searched with Pagefind its index's ({"stage": "pagefind", …})."""
    site, dist = project.site.absolute(), project.dist.absolute()
    docs = project.docs
    versions = store(site)
    # docs/ must not switch while MkDocs reads it: a build of it waits for its turn
    with output.store(docs).locked(f"a publish from {docs}"), versions.locked(f"a publish into {site}"):
        versions.clean()                               # what interrupted runs left
        version = versions.new_version()
        try:
            figures = _build_version(version, project, check_urls, workers, scheduler)
        except BaseException:
            shutil.rmtree(version, ignore_errors=True)
            raise
        atomic.link(site, versions.current / "site")
        atomic.link(dist, versions.current / "dist")
        versions.switch(version)                       # the one step: both outputs at once
        versions.clean()                               # the previous version
    return figures


def _build_version(version: Path, project: Project, check_urls: bool,
                   workers: int | None = None, scheduler=None) -> list[dict]:
    """version/site, version/dist/<bundle>.zip for each bundle, checked. The bundles are
    built by the shards' engine with the hosted shards, then packed in other processes
    (which hold none of its locks, and never outlive this one)
    while this one indexes and checks the hosted site."""
    hosted = shards.plan(project.docs)                 # read once, for the shards and the bundles
    plan = bundles.of_shards(shards.uncut(hosted))      # one bundle per jurisdiction, uncut
    cache = bundles.cache_of(project.dist)
    bundles.clean(cache, plan)
    bundle_tasks = bundles.tasks(plan, hosted, project.offline_config, project.docs, cache)
    figures = shards.build_sharded(project.mkdocs_config, project.docs, version / "site",
                                   shards.cache_of(project.site), workers, scheduler, extra=tuple(bundle_tasks),
                                   shards=hosted)
    for result in figures[len(figures) - len(bundle_tasks):]:
        result["bundle"] = True
    if siteconfig.search(project.mkdocs_config) == "pagefind":                      # the assembled site
        figures.append({"stage": "pagefind", **_search_index(version / "site", project.site, hosted, workers)})
    root = Path(project.offline_config).parent
    context = multiprocessing.get_context("fork")
    # (after Pagefind: with the zips packed beside it, its index was once found empty)
    # a packing worker ends with the publish (core/processes.py) and holds none of its
    # locks (core/atomic.py closes them in a forked child)
    with context.Pool(min(len(plan), workers or os.cpu_count() or 1), initializer=processes.die_with_parent,
                      initargs=(os.getpid(),)) as pool:
        built = {task.shard: Path(task.site_dir) for task in bundle_tasks}
        packing = [pool.apply_async(_pack_quietly, (bundle, built[bundle.built_as], version / "dist" / bundle.file,
                                                    project.docs, root)) for bundle in bundles.packed(plan)]
        broken = linkcheck.check(version / "site", project.site_url(), linkcheck.cache_of(project.site)).broken
        if broken:
            raise MkDocsException(f"{len(broken)} broken links in the assembled site: "
                                  + "; ".join(broken[:5]))
        if check_urls:
            registry.check(version / "site", project.urls_file, project.site_url())
        failures = [failure for job in packing if (failure := job.get())]
    if failures:
        raise MkDocsException(f"the offline bundle was not built: {'; '.join(failures)}")
    bundles.link_copies(plan, version / "dist")            # one jurisdiction: its zip is the complete one
    # the download page links each on the hosted site (lawsite/site/downloads.py)
    sizes = {}
    for bundle in plan:
        zipped = version / "dist" / bundle.file
        bundles.place(zipped, version / "site")
        sizes[bundle.file] = zipped.stat().st_size
    bundles.fill_sizes(version / "site", sizes)
    index = bundles.write_index(plan, version / "dist" / bundles.INDEX, project.site_url(), root)
    if index:                                   # the complete bundle's address, kept: the list of the others
        bundles.place(index, version / "site")
    return figures


def _search_index(site: Path, published: Path, hosted: list[shards.Shard], workers: int | None = None) -> dict:
    """Pagefind over the assembled `site` in parts, one per jurisdiction, each over its
    shards' own outputs (lawsite/publish/pagefind.py): a part whose shards have the input
    hashes it was made for is reused as it is, from the cache beside the `published` site."""
    return pagefind.index_shards(site, pagefind.parts_of(hosted, shards.cache_of(published)),
                                 pagefind.cache_of(published), workers)


def _pack_quietly(bundle: bundles.Bundle, built: Path, zip_path: Path, docs: Path, root: Path) -> str:
    """bundles.pack in another process: returns its failure, if any, as text."""
    try:
        bundles.pack(bundle, built, zip_path, docs, root)
        return ""
    except (MkDocsException, SourceError, OSError) as error:
        return f"{bundle.file}: {error or type(error).__name__}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Build the hosted site and the offline bundle.")
    parser.add_argument("--site", default="site", help="the hosted site (default: site)")
    parser.add_argument("--dist", default="dist", help="the offline bundle's directory (default: dist)")
    parser.add_argument("--docs", default="docs", help="the generated docs (default: docs)")
    parser.add_argument("--registry", default="registry", help="the URL registry (default: registry)")
    parser.add_argument("--config", default="mkdocs.yml", help="the MkDocs configuration; "
                        "mkdocs.offline.yml beside it (default: mkdocs.yml)")
    parser.add_argument("--workers", type=int, help="processes building shards (default: the cores)")
    parser.add_argument("--dask", metavar="SCHEDULER", help="build the shards on this Dask scheduler "
                        "(tcp://host:8786; needs the `distributed` extra)")
    args = parser.parse_args(argv)
    shards.stop_on_sigterm()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    try:
        figures = publish(Project.of(docs=args.docs, site=args.site, dist=args.dist, registry=args.registry,
                                     mkdocs_config=args.config), workers=args.workers, scheduler=args.dask)
    except (MkDocsException, SourceError, OSError) as error:
        message = f"{error.filename or args.site}: {error.strerror}" \
            if isinstance(error, OSError) else str(error)         # a read-only or full disk, say
        print(f"error: {message}\nnothing was published: {args.site} and {args.dist} are unchanged",
              file=sys.stderr)
        return 1
    for kind, chosen in (("shards", [f for f in figures if "shard" in f and not f.get("bundle")]),
                         ("offline bundles", [f for f in figures if f.get("bundle")])):
        built = [f["shard"] for f in chosen if f["built"]]
        print(f"{len(chosen)} {kind}, {len(built)} built ({', '.join(built) or 'none'}), "
              f"{len(chosen) - len(built)} unchanged")
    print(f"hosted site in {args.site}, offline bundles in {args.dist}/ "
          f"({', '.join(sorted(zipped.name for zipped in Path(args.dist).glob('*.zip')))})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
