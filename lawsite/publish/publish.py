"""Build the site two ways from the same generated docs/: the hosted site in site/
and the offline bundle dist/<name>-offline.zip.

    python -m lawsite.publish [--site site] [--dist dist] [--workers N] [--dask SCHEDULER]

The hosted site is built in shards (lawsite/publish/shards.py): the hub and one
shard per jurisdiction, each its own strict MkDocs build in its own process (a
process pool over the cores, or the Dask scheduler at `--dask`), assembled into
one site with the URLs of a single build; a shard whose input has not changed
since the last publish is not built again (its output is kept in .site.shards/).
The assembled site must pass the link checker (lawsite/publish/linkcheck.py:
every link and anchor, across shards too) and the URL registry (every published
URL still produced, lawsite/publish/registry.py).

Both are built into a new version in a store beside site/ (.site.published/)
and switched to only when everything passed: the MkDocs builds, the link check
and the registry. The offline bundle is built again only when its input changed
(`cached_bundle`: the last one is kept in .dist.cache/). site/ and dist/ are links through the store's `current` link, which one
os.replace moves (lawsite/atomic.py): they change together, in one step, and a
failed or killed publish leaves both as they were. Leftovers of an interrupted
publish are removed by the next one; only the current version is kept. While
MkDocs reads docs/, the publish holds docs/'s lock (lawsite/output.py), so that
no build switches it underneath. The zip is reproducible: its entries are sorted
and dated at the last commit.
"""

import argparse
import datetime
import hashlib
import importlib.metadata
import json
import logging
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from lawsite.core import atomic, siteconfig
from lawsite.core.errors import SourceError
from lawsite.core.siteconfig import commit_time
from lawsite.project import Project
from lawsite.publish import linkcheck, output, pagefind, registry, shards
from lawsite.site import downloads

BUNDLE = downloads.BUNDLE                       # dist/lawsite-offline.zip, and its folder
LEVEL = 6                                       # the zip's compression (write_zip)
SHIM = Path("node_modules", "iframe-worker", "shim", "index.js")    # copied into the bundle by the hook


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
    """Build the offline site (`config_file`: mkdocs.offline.yml) and pack it, with a
    README.txt, into `zip_path`."""
    work = Path(work or tempfile.mkdtemp())
    site = work / BUNDLE
    build_site(site, config_file, docs_dir)
    root = Path(config_file).parent
    for served_only in ("404.html", "sitemap.xml", "sitemap.xml.gz", "robots.txt"):
        (site / served_only).unlink(missing_ok=True)     # meaningful only on a web server
    (site / "README.txt").write_text(readme(site, root), encoding="utf-8")
    write_zip(site, zip_path, BUNDLE, root)
    return zip_path


def version(root: Path) -> str:
    """The checkout's version (git describe)."""
    try:
        result = subprocess.run(["git", "describe", "--tags", "--always", "--dirty"], cwd=root,
                                capture_output=True, text=True, check=True)
        return result.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def built_on(root: Path) -> datetime.datetime:
    """The date the build is pinned to: the last commit of `root` (SOURCE_DATE_EPOCH)."""
    seconds = int(os.environ.get("SOURCE_DATE_EPOCH") or commit_time(root))
    return datetime.datetime.fromtimestamp(seconds, datetime.UTC)


def readme(site: Path, root: Path) -> str:
    corpus = json.loads((site / "data" / "corpus.json").read_text(encoding="utf-8"))
    ordinances = [o["title"] for o in corpus["ordinances"]]
    ordinances_en = [o["metadata"].get("title_en", o["title"]) for o in corpus["ordinances"]]
    articles = sum(len(o["articles"]) for o in corpus["ordinances"])
    date = built_on(root).strftime("%Y-%m-%d")
    return f"""地方性法规 · 离线版 / Chinese Local Regulations · offline copy
=================================================================

如何打开
  1. 将本压缩包解压到任意文件夹（或U盘）。
  2. 双击文件夹中的 index.html，用浏览器打开。无需联网，检索也可以使用。

内容
  {len(ordinances)} 部法规，共 {articles} 条：{"、".join(f"《{t}》" for t in ordinances)}。
  每一条、每一款、每一项都可以单独打开和引用。中文为正式文本；英文页面（en 文件夹）为
  非官方译文，未译部分显示中文。
  另有部门索引、条款对照，以及结构化数据 data/corpus.json。

How to open
  1. Unzip this archive anywhere (a folder, a USB stick).
  2. Double-click index.html in that folder. No network is needed; search works too.

Contents
  {len(ordinances)} ordinances, {articles} articles: {"; ".join(ordinances_en)}.
  Every article, paragraph and item can be opened and cited on its own. The Chinese text is the
  official one; the English pages (en/) carry unofficial translations, and show the
  Chinese where a passage is not translated yet. Also: the department index, the
  comparisons of provisions, and the structured data in data/corpus.json.

版本 / Version: {version(root)}
构建日期 / Built on: {date} (the date of the last commit of the sources)
网站 / Website: the same pages, with permanent URLs, are published online; the URL of
each article is in its citation box.
"""


def write_zip(directory: Path, zip_path: Path, prefix: str, root: Path) -> None:
    """A reproducible zip: sorted entries, each dated at the build date, plain modes.
    Compressed at zlib's level 6: half the time of level 9 for 0.5 % more bytes (the
    launch bundle: 0.41 against 0.88 CPU s, 4,267,386 against 4,246,547 bytes)."""
    stamp = max(built_on(root), datetime.datetime(1980, 1, 1, tzinfo=datetime.UTC))
    date_time = stamp.timetuple()[:6]
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED, compresslevel=LEVEL) as archive:
        for path in sorted(p for p in directory.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{prefix}/{path.relative_to(directory).as_posix()}", date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes(), compresslevel=LEVEL)


def store(site: Path) -> atomic.Store:
    """Where the published versions of `site` are kept: .site.published/ beside it."""
    site = Path(site).absolute()
    return atomic.Store(site.parent / f".{site.name}.published")


def publish(project: Project, check_urls: bool = True, workers: int | None = None,
            scheduler=None) -> list[dict]:
    """Build both outputs into a new version and check them, then switch to it:
    `site` and `dist` are links through the store's `current` link, so both
    change together, in one step, and only when every step passed. The offline
    bundle is built in a second process, beside the hosted site. (`check_urls`:
    the URL registry; off only for corpora that are not published, such as the
    benchmark's synthetic one. `workers`, `scheduler`: where the shards are built,
    shards.run.) Returns each shard's figures (shards.build_sharded), and on a site
    searched with Pagefind its index's ({"stage": "pagefind", …})."""
    site, dist = project.site.absolute(), project.dist.absolute()
    docs = project.docs
    versions = store(site)
    # docs/ must not switch while MkDocs reads it: a build of it waits for its turn
    with output.store(docs).locked(f"a publish from {docs}") as reading, \
            versions.locked(f"a publish into {site}") as writing:
        versions.clean()                               # what interrupted runs left
        version = versions.new_version()
        try:
            figures = _build_version(version, project, check_urls, (reading, writing), workers, scheduler)
        except BaseException:
            shutil.rmtree(version, ignore_errors=True)
            raise
        atomic.link(site, versions.current / "site")
        atomic.link(dist, versions.current / "dist")
        versions.switch(version)                       # the one step: both outputs at once
        versions.clean()                               # the previous version
    return figures


def _build_version(version: Path, project: Project, check_urls: bool, locks: tuple[int, ...],
                   workers: int | None = None, scheduler=None) -> list[dict]:
    """version/site, version/dist/<bundle>.zip, checked. (The second process lets go of
    the `locks` it inherits, so that they never outlive this one.)"""
    context = multiprocessing.get_context("fork")
    with context.Pool(1, initializer=_let_go, initargs=(locks,)) as pool:
        offline = pool.apply_async(_build_bundle_quietly,
                                   (version / "dist" / f"{BUNDLE}.zip", project.offline_config, project.docs,
                                    version / "offline", bundle_cache(project.dist)))
        figures = shards.build_sharded(project.mkdocs_config, project.docs, version / "site",
                                       shards.cache_of(project.site), workers, scheduler)
        if siteconfig.search(project.mkdocs_config) == "pagefind":                  # the assembled site
            figures.append({"stage": "pagefind", **_search_index(version, store(project.site).current_version(),
                                                                 _shards_input(project.site, figures))})
        broken = linkcheck.check(version / "site", project.site_url()).broken
        if broken:
            raise MkDocsException(f"{len(broken)} broken links in the assembled site: "
                                  + "; ".join(broken[:5]))
        if check_urls:
            registry.check(version / "site", project.urls_file, project.site_url())
        failure = offline.get()
    if failure:
        raise MkDocsException(f"the offline bundle was not built: {failure}")
    shutil.rmtree(version / "offline", ignore_errors=True)        # (none when the bundle was reused)
    # the download page links it on the hosted site (lawsite/site/downloads.py)
    placed = version / "site" / downloads.bundle_path()
    placed.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(version / "dist" / f"{BUNDLE}.zip", placed)
    return figures


def _shards_input(site: Path, figures: list[dict]) -> str | None:
    """What the assembled site was made from: the input hashes of its shards (their
    stamps in the cache), with the search indexer's code and version; None when a
    shard has no stamp."""
    cache = shards.cache_of(site)
    digest = hashlib.sha256(Path(pagefind.__file__).read_bytes())
    digest.update(importlib.metadata.version("pagefind").encode())
    for name in sorted(f["shard"] for f in figures):
        stamp = cache / f"{name}.sha256"
        if not stamp.is_file():
            return None
        digest.update(f"{name}:{stamp.read_text()};".encode())
    return digest.hexdigest()


def _search_index(version: Path, previous: Path | None, key: str | None) -> dict:
    """Pagefind over version/site, or, when the published version was assembled from
    the same shards (`key`, kept beside its site as pagefind.sha256), its index again:
    the same pages give the same index."""
    site, stamp = version / "site", version / "pagefind.sha256"
    kept = previous / "site" / pagefind.OUTPUT if previous else None
    if key and previous and kept and kept.is_dir() and (previous / stamp.name).is_file() \
            and (previous / stamp.name).read_text() == key:
        shutil.copytree(kept, site / pagefind.OUTPUT, copy_function=_link_or_copy)
        figures = {"reused": True}
    else:
        figures = pagefind.index(site)
    if key:
        stamp.write_text(key)
    return figures


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)                 # a published file is never written again
    except OSError:
        shutil.copy2(source, target)


def _let_go(locks: tuple[int, ...]) -> None:
    for lock in locks:
        os.close(lock)


def _build_bundle_quietly(zip_path: Path, config_file: Path, docs_dir, work: Path, cache: Path) -> str:
    """build_bundle in the second process, unless `cache` holds the bundle of the same
    input (cached_bundle): returns its failure, if any, as text."""
    try:
        cached_bundle(zip_path, config_file, Path(docs_dir), work, cache)
        return ""
    except (MkDocsException, SourceError) as error:
        return str(error) or type(error).__name__


def bundle_cache(dist: Path) -> Path:
    """Where the last offline bundle and the hash of its input are kept: .dist.cache/."""
    dist = Path(dist).absolute()
    return dist.parent / f".{dist.name}.cache"


def bundle_input(config_file: Path, docs: Path) -> str:
    """The SHA-256 of all the offline bundle depends on: what a shard's build depends on
    (shards.input_hash: docs/, the configuration, templates, hooks, MkDocs' versions),
    with every page rendered, and what this module adds (its code, the iframe-worker
    shim, the version and the date of the README and of the zip's entries)."""
    root = Path(config_file).parent
    task = shards.Task("offline", str(Path(config_file).absolute()), str(Path(docs).absolute()), "", (), {})
    digest = hashlib.sha256(shards.input_hash(task).encode())
    shim = root / SHIM
    for part in (Path(__file__).read_bytes(), shim.read_bytes() if shim.is_file() else b"",
                 version(root).encode(), built_on(root).isoformat().encode()):
        digest.update(len(part).to_bytes(8, "big") + part)
    return digest.hexdigest()


def cached_bundle(zip_path: Path, config_file: Path, docs: Path, work: Path, cache: Path) -> bool:
    """The offline bundle into `zip_path`: the cached one when its input has not changed
    since it was built (the same input gives the same bytes), else built (build_bundle)
    and kept in `cache`. Returns whether it was built."""
    key = bundle_input(config_file, docs)
    kept, stamp = cache / f"{BUNDLE}.zip", cache / f"{BUNDLE}.sha256"
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    if kept.is_file() and stamp.is_file() and stamp.read_text() == key:
        shutil.copyfile(kept, zip_path)
        return False
    stamp.unlink(missing_ok=True)
    build_bundle(zip_path, config_file, docs, work)
    cache.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(zip_path, kept)
    stamp.write_text(key)
    return True


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
    shards_ = [f for f in figures if "shard" in f]            # (and the search index's figures)
    built = [f["shard"] for f in shards_ if f["built"]]
    print(f"{len(shards_)} shards, {len(built)} built ({', '.join(built) or 'none'}), "
          f"{len(shards_) - len(built)} unchanged")
    print(f"hosted site in {args.site}, offline bundle in {args.dist}/{BUNDLE}.zip")
    return 0


if __name__ == "__main__":
    sys.exit(main())
