"""Sharded builds: the generated docs/ cut into shards that MkDocs builds apart, each
in its own process, assembled into one site with the URLs of a single build.

The plan: one shard per jurisdiction (the province of each ordinance's metadata, as
docs/.ordinances.json gives it) holding its ordinances' pages, `<slug>/` and
`<lang>/<slug>/` — a jurisdiction of more than MOST ordinances is cut into parts of
at most MOST, so that editing one ordinance rebuilds a bounded shard (the URLs are
the same: a shard is only where a page is built) — and the hub holding everything else — the homes, about, data,
the departments and their matrix, the comparison pages, robots.txt, the 404 page.

Every shard builds from the same docs/: MkDocs is given the others' pages as
`exclude_docs`, so it knows every file (each link, to another shard too, becomes
the relative URL of a single build, which works on any host and from a folder)
and renders only its own. A link into another shard is reported by MkDocs at INFO,
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
process, without a pool), or submits the same task, `build_shard`, to a
Dask distributed scheduler (`scheduler=`: its address, or a `Client`); Dask is
imported only on that path (`pip install .[distributed]`).

Incremental: a shard's input (its own files, the names of all files, the generated
navigation, redirects and dictionaries, the configuration, the templates and the
hooks) has a SHA-256 kept beside its output in the cache (`.<site>.shards/`); a
shard whose input has not changed is not built again, and its previous output
is assembled. The files MkDocs copies as they are (`verbatim`: the dataset, the
downloads) count by their names only, and the assembly takes them from docs/:
editing the text of one ordinance rebuilds its shard, and the hub only where one
of its pages changed (a title, a department's or a comparison's).

    python -m lawsite.publish.shards plan [--docs docs]         the shards' names (JSON: a build matrix)
    python -m lawsite.publish.shards build NAME [--docs docs] [--site site] [--config mkdocs.yml]
                                                                one shard, into the cache beside site/

A shard built on another machine (a job of the GitHub workflow's matrix) is its
folder and its stamp in the cache: the publish that finds them, for the same
input, assembles them without building them again.
"""

import argparse
import concurrent.futures
import ctypes
import gzip
import hashlib
import importlib
import importlib.metadata
import json
import multiprocessing
import os
import re
import resource
import shutil
import signal
import sys
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from lawsite.mkdocs import navview
from lawsite.publish import docsview
from lawsite.site import urls
from lawsite.translation import i18n

HUB = "hub"
SHARED = ("assets",)              # docs/ folders every shard may use (hand-written assets)
MERGED = ("search/search_index.json", "sitemap.xml", "sitemap.xml.gz")
HUB_ONLY = ("404.html",)          # written by every build; the hub's is published
LANGUAGES = tuple(code for code in i18n.CODES if code != i18n.OFFICIAL)
RECIPE = ("mkdocs", "mkdocs-material", "mkdocs-redirects")   # their versions change the output
DIGESTS = ".digests.json"         # in the cache: the digests of docs/' files (Digests)


class AssemblyError(MkDocsException):
    """The shards' outputs do not fit together."""


class ShardError(MkDocsException):
    """A shard's build failed (raised in the process that asked for it, with the message:
    MkDocs' own exceptions do not all cross processes)."""


@dataclass(frozen=True)
class Shard:
    name: str                     # HUB, the jurisdiction's name in ASCII ("shandong", "shandong-2"), "compare-3"
    title: str                    # the province as the texts name it ("" for the hub and the comparisons)
    slugs: tuple[str, ...]        # its ordinances (none for the hub and the comparisons)
    pages: tuple[str, ...] = ()   # a part of the comparison pages: their file names in compare/
    jurisdiction: str = ""        # a jurisdiction's shard: the jurisdiction's name, uncut ("shandong")

    @property
    def hub(self) -> bool:
        return self.name == HUB

    @property
    def compare(self) -> bool:
        """A part of the comparison pages (`compare-<n>`), cut from the hub."""
        return self.name.startswith(f"{COMPARE}-") and not self.slugs

    @property
    def corpus_wide(self) -> bool:
        """The hub, or a part of it: its pages show the hub's navigation."""
        return self.hub or self.compare


def shard_name(province_en: str) -> str:
    """The name of a jurisdiction's shard, from its English name.

    >>> shard_name("Inner Mongolia"), shard_name("Shandong")
    ('inner-mongolia', 'shandong')
    """
    return re.sub(r"[^a-z0-9]+", "-", province_en.lower()).strip("-") or "jurisdiction"


MOST = 40                         # ordinances in one shard at most (a jurisdiction is cut into parts)
PAGES = 4000                      # comparison pages the hub builds at most; above, parts of their own
COMPARE = urls.COMPARE            # the folder of the comparison pages, in each language tree


def plan(docs: Path, most: int | None = MOST, pages: int | None = PAGES) -> list[Shard]:
    """The hub, then the shards of each jurisdiction (province), in the order of their
    names: one shard of its ordinances, or, above `most`, parts of at most `most` works
    (each with its versions) in the order of their slugs, `<name>-1`, `<name>-2` … (read
    from docs/.ordinances.json, which the build writes beside the dataset); then, when
    the corpus has more than `pages` comparison pages, those pages in parts of their
    own (`compare_parts`). `most=None`: one shard per jurisdiction, uncut, and the
    comparison pages left in the hub (the offline bundles, lawsite/publish/bundles.py,
    which leave them out). The plan is read once per publish and passed down."""
    listed = json.loads((Path(docs) / ".ordinances.json").read_text(encoding="utf-8"))
    shards = group(((ordinance["slug"], ordinance) for ordinance in listed), most)
    if most is None or pages is None:
        return shards
    return shards + compare_parts(comparison_pages(docs), pages)


def group(ordinances, most: int | None = MOST) -> list[Shard]:
    """plan's shards of (slug, jurisdiction) pairs (a mapping with `province` and
    `province_en`, as the metadata's `jurisdiction` has them)."""
    groups: dict[str, tuple[str, list[str]]] = {}
    for slug, jurisdiction in ordinances:
        name = shard_name(jurisdiction["province_en"])
        if name in (HUB, COMPARE) or name.startswith(f"{COMPARE}-"):
            name = f"{name}-province"
        title, slugs = groups.setdefault(name, (jurisdiction["province"], []))
        slugs.append(slug)
    shards = [Shard(HUB, "", ())]
    for name, (title, slugs) in sorted(groups.items()):
        works = sorted({slug.split("/")[0] for slug in slugs})     # a work's versions stay together
        most_ = most or len(works) or 1
        parts = [tuple(sorted(slug for slug in slugs if slug.split("/")[0] in works[start:start + most_]))
                 for start in range(0, len(works), most_)]
        shards += [Shard(name if len(parts) == 1 else f"{name}-{number}", title, part, jurisdiction=name)
                   for number, part in enumerate(parts, 1)]
    return shards


def uncut(shards: list[Shard]) -> list[Shard]:
    """The plan with each jurisdiction whole (its parts joined) and no parts of
    comparison pages: what `plan(docs, most=None)` gives, without reading docs/ again
    (the offline bundles' plan, lawsite/publish/bundles.py).

    >>> [(shard.name, shard.title, shard.slugs) for shard in uncut([
    ...     Shard("hub", "", ()), Shard("b-1", "乙", ("b", "c"), jurisdiction="b"),
    ...     Shard("b-2", "乙", ("a-b",), jurisdiction="b"), Shard("compare-1", "", (), ("x.md",))])]
    [('hub', '', ()), ('b', '乙', ('a-b', 'b', 'c'))]
    """
    whole: dict[str, list[Shard]] = {}
    for shard in shards:
        if shard.jurisdiction:
            whole.setdefault(shard.jurisdiction, []).append(shard)
    return [Shard(HUB, "", ())] + [
        Shard(name, parts[0].title, tuple(sorted(slug for part in parts for slug in part.slugs)), jurisdiction=name)
        for name, parts in whole.items()]


def comparison_pages(docs: Path) -> list[str]:
    """The file names of the comparison pages of docs/, in any language tree
    (`compare/<name>`, `<lang>/compare/<name>`), sorted, each once."""
    found: set[str] = set()
    for tree in (Path(docs), *(Path(docs) / code for code in LANGUAGES)):
        if (tree / COMPARE).is_dir():
            found.update(os.listdir(tree / COMPARE))
    return sorted(found)


def compare_parts(names: list[str], pages: int = PAGES) -> list[Shard]:
    """The comparison pages (their file names) in parts, when there are more than
    `pages` of them (otherwise none: the hub builds them): `compare-1` … `compare-<n>`,
    n the least power of two that gives parts of `pages` or fewer on average, each page
    in the part its name's CRC-32 chooses. A page stays in its part as the corpus grows
    or an article is edited (until the number of parts doubles), so that an edit
    rebuilds the parts holding that article's comparisons, not every part after it; a
    part without pages is not planned.

    >>> compare_parts(["a.md", "b.md"], pages=2)
    []
    >>> [(part.name, part.pages) for part in compare_parts(["a.md", "b.md", "c.md", "d.md"], pages=2)]
    [('compare-1', ('c.md',)), ('compare-2', ('a.md', 'b.md', 'd.md'))]
    """
    if len(names) <= pages:
        return []
    count = 1
    while len(names) > pages * count:
        count *= 2
    parts: list[list[str]] = [[] for _ in range(count)]
    for name in names:
        parts[zlib.crc32(name.encode()) % count].append(name)
    return [Shard(f"{COMPARE}-{number}", "", (), tuple(part)) for number, part in enumerate(parts, 1) if part]


def exclusions(shard: Shard, shards: list[Shard], docs: Path) -> list[str]:
    """The pages of docs/ that `shard` does not render (patterns of `exclude_docs`)."""
    docs = Path(docs)
    trees = [(docs, "/"), *((docs / code, f"/{code}/") for code in LANGUAGES)]
    split = any(other.compare for other in shards)
    if shard.hub:
        slugs = sorted(slug for other in shards for slug in other.slugs)
        return [f"{prefix}{_literal(slug)}/" for _, prefix in trees for slug in slugs] + \
            [f"{prefix}{COMPARE}/" for folder, prefix in trees if split and (folder / COMPARE).is_dir()]
    if shard.compare:
        found, own_pages = [], set(shard.pages)
        for folder, prefix in trees:
            if not folder.is_dir():
                continue
            for entry in sorted(os.listdir(folder)):
                if entry.startswith(".") or entry in SHARED or (prefix == "/" and entry in LANGUAGES):
                    continue
                if entry != COMPARE:
                    found.append(f"{prefix}{_literal(entry)}" + ("/" if (folder / entry).is_dir() else ""))
                    continue
                found += [f"{prefix}{COMPARE}/{_literal(name)}" for name in sorted(os.listdir(folder / COMPARE))
                          if name not in own_pages]
        return found
    own = set(shard.slugs) | set(SHARED)
    found = []
    for folder, prefix in trees:
        if not folder.is_dir():
            continue
        for entry in sorted(os.listdir(folder)):
            if entry.startswith(".") or entry in own or (prefix == "/" and entry in LANGUAGES):
                continue
            found.append(f"{prefix}{_literal(entry)}" + ("/" if (folder / entry).is_dir() else ""))
    return found


def _literal(name: str) -> str:
    """A file name as a gitignore pattern that matches it alone.

    >>> _literal("[a]*b?.md"), _literal("!x #y ")
    ('\\\\[a\\\\]\\\\*b\\\\?.md', '\\\\!x\\\\ \\\\#y\\\\ ')
    """
    return re.sub(r"([\\\[\]*?!# ])", r"\\\1", name)


def _unliteral(pattern: str) -> str:
    r"""The name a pattern of `exclusions` stands for: its slashes and escapes undone.

    >>> _unliteral(r"/en/a\[1\]\ b/"), _unliteral("/about.md")
    ('en/a[1] b', 'about.md')
    """
    return re.sub(r"\\(.)", r"\1", pattern.strip("/"))


class Exclusion:
    """A shard's `exclude_docs`: the patterns of `exclusions` (each a directory or a file
    of docs/, or of docs/<lang>/, by its path), matched by looking up each of a path's
    leading parts. MkDocs' own matcher (pathspec's GitIgnoreSpec) tries each pattern's
    regular expression in turn: on the whole corpus, some 3,400 patterns over 200,000
    files, about half an hour per shard. Combined with MkDocs' default exclusions
    (`default + this`) it matches what either matches.

    >>> shard = Exclusion(["/a/", "/en/a/", "/about.md", "/en/w/2020-01-01/"])
    >>> [shard.match_file(p) for p in ("a/article-1.md", "en/a/index.md", "about.md", "ab/x.md", "en/b.md",
    ...                                "en/w/2020-01-01/index.md", "en/w/index.md")]
    [True, True, True, False, False, True, False]
    """

    def __init__(self, patterns, default=None):
        self.patterns = tuple(patterns)
        self.names = frozenset(_unliteral(pattern) for pattern in self.patterns)
        self.depth = max((name.count("/") + 1 for name in self.names), default=0)
        self.default = default

    def match_file(self, path: str) -> bool:
        parts = path.split("/", self.depth)
        if any("/".join(parts[:end]) in self.names for end in range(1, min(len(parts), self.depth) + 1)):
            return True
        return bool(self.default is not None and self.default.match_file(path))

    def __radd__(self, default) -> "Exclusion":
        return Exclusion(self.patterns, default)

    def __bool__(self) -> bool:
        return bool(self.patterns) or self.default is not None


def spec(shard: Shard, shards: list[Shard]) -> dict:
    """What the hook needs to know of the shard (`extra.lawsite_shard`): its ordinances,
    those of the other parts of its jurisdiction (`siblings`), every ordinance."""
    siblings = sorted(slug for other in shards if other.title == shard.title and other is not shard
                      for slug in other.slugs) if not shard.corpus_wide else []
    return {"name": shard.name, "hub": shard.corpus_wide, "own": list(shard.slugs), "siblings": siblings,
            "ordinances": sorted(slug for other in shards for slug in other.slugs)}


@dataclass(frozen=True)
class Task:
    """One shard's build: everything `build_shard` needs, as plain values (it is sent
    to another process, or another machine)."""
    shard: str
    config_file: str
    docs: str
    site_dir: str
    exclude: tuple[str, ...]
    spec: dict


def tasks(shards: list[Shard], config_file: Path, docs: Path, outputs: Path) -> list[Task]:
    return [task(shard, shards, config_file, docs, outputs) for shard in shards]


def task(shard: Shard, shards: list[Shard], config_file: Path, docs: Path, outputs: Path) -> Task:
    """The build of `shard` of the plan `shards`, into `outputs`/<name>."""
    return Task(shard.name, str(Path(config_file).absolute()), str(Path(docs).absolute()),
                str(Path(outputs).absolute() / shard.name), tuple(exclusions(shard, shards, docs)),
                spec(shard, shards))


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


def input_hash(task: Task, files: list[str] | None = None, known: "Digests | None" = None) -> str:
    """The SHA-256 of all a shard's output depends on (see the module's docstring);
    `files`: every file of docs/, if already listed (`_all_files`); `known`: the
    digests of docs/' files kept from the last publish."""
    docs = Path(task.docs)
    digest = hashlib.sha256()
    known = known if known is not None else Digests(None)

    def add(*parts) -> None:
        for part in parts:
            data = part if isinstance(part, bytes) else str(part).encode()
            digest.update(len(data).to_bytes(8, "big") + data)

    add(json.dumps({"exclude": task.exclude, "spec": task.spec}, sort_keys=True))
    for name in RECIPE:
        add(name, importlib.metadata.version(name))
    config = Path(task.config_file)
    recipe = [config, config.with_name("mkdocs.yml"), *sorted((config.parent / "overrides").rglob("*")),
              *sorted(Path(navview.__file__).parent.glob("*.py"))]         # the hooks
    for path in recipe:
        if path.is_file():
            add(path.name, path.read_bytes())
    files = _all_files(docs) if files is None else files
    add(hashlib.sha256("\n".join(files).encode()).digest())            # the names of all
    exclude = Exclusion(task.exclude)
    for relative in files:
        if relative.startswith(".") or (not exclude.match_file(relative) and not verbatim(relative)):
            add(relative, known.of(docs, relative))
    return digest.hexdigest()


class Digests:
    """The SHA-256 of each file of docs/ read for a shard's input, kept in the cache
    (`.digests.json`) with the file's device, inode, size and modification time: a
    file the last build left as it was (output.write_tree keeps it, a hard link with
    its time) is not read again. A changed file is a new file: it is read."""

    def __init__(self, path: Path | None):
        self.path = path
        self.old: dict = {}
        if path is not None and path.exists():
            try:
                self.old = json.loads(path.read_text(encoding="utf-8"))
            except ValueError:
                self.old = {}
        self.new: dict = {}

    def of(self, docs: Path, relative: str) -> bytes:
        status = (docs / relative).stat()
        key = f"{status.st_dev}:{status.st_ino}:{status.st_size}:{status.st_mtime_ns}"
        kept = self.old.get(relative)
        if kept and kept[0] == key:
            found = kept[1]
        else:
            found = hashlib.sha256((docs / relative).read_bytes()).hexdigest()
        self.new[relative] = [key, found]
        return found.encode()

    def save(self) -> None:
        """Written whole, then moved into place (two builds of shards may save at once)."""
        if self.path is not None:
            written = self.path.with_name(f"{self.path.name}.{os.getpid()}")
            written.write_text(json.dumps(self.new, sort_keys=True), encoding="utf-8")
            os.replace(written, self.path)


def verbatim(relative: str) -> bool:
    """Is this file of docs/ one that MkDocs copies into the site as it is (not a page, not
    a dot-file read by the hooks)? Its bytes are not part of a shard's input: the assembly
    takes it from docs/ (so the hub is not rebuilt when only data/corpus.json or a
    download changed, as when the text of an article is edited).

    >>> [verbatim(p) for p in ("data/corpus.json", "downloads/x.txt", "x/article-1.md", ".nav.yml")]
    [True, True, False, False]
    """
    return not relative.endswith(".md") and not relative.startswith(".")


def _all_files(docs: Path) -> list[str]:
    """Every file of docs/, through its links (as MkDocs walks it), sorted."""
    found = []
    for place, _, names in os.walk(docs, followlinks=True):
        found += [Path(place, name).relative_to(docs).as_posix() for name in names]
    return sorted(found)


def run(shard_tasks: list[Task], cache: Path | None = None, workers: int | None = None,
        scheduler=None) -> list[dict]:
    """Build each task's shard, those whose input changed (all without a `cache`):
    in a process pool of `workers` (default: the cores), or on a Dask scheduler.
    Returns, per task, what `build_shard` said, or {"built": False} when reused."""
    todo, hashes, results = [], {}, {}
    files = _all_files(Path(shard_tasks[0].docs)) if cache is not None and shard_tasks else []
    known = Digests(Path(cache) / DIGESTS if cache is not None else None)
    for task in shard_tasks:
        if cache is not None:
            hashes[task.shard] = input_hash(task, files if task.docs == shard_tasks[0].docs else None, known)
            if _stamp(task).exists() and _stamp(task).read_text() == hashes[task.shard]:
                results[task.shard] = {"shard": task.shard, "built": False}
                continue
            _stamp(task).unlink(missing_ok=True)
        todo.append(task)
    if scheduler is not None:
        done = _run_on_dask(todo, scheduler)
    else:
        done = _run_in_pool(todo, workers)
    for task, result in zip(todo, done, strict=True):
        results[task.shard] = result
        if cache is not None:
            _stamp(task).write_text(hashes[task.shard])
    known.save()
    return [results[task.shard] for task in shard_tasks]


def _stamp(task: Task) -> Path:
    return Path(f"{task.site_dir}.sha256")


def _run_in_pool(todo: list[Task], workers: int | None) -> list[dict]:
    """The tasks in a pool of fresh processes; one task alone in this process (a pool's
    start, a forkserver importing MkDocs, would cost more than it gives back)."""
    if not todo:
        return []
    if len(todo) == 1:
        return [build_shard(todo[0])]
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["lawsite.publish.shards", "lawsite.mkdocs.hooks"])   # imported once
    workers = min(len(todo), workers or os.cpu_count() or 1)
    with concurrent.futures.ProcessPoolExecutor(workers, mp_context=context, max_tasks_per_child=1,
                                                initializer=die_with_parent) as pool:
        try:
            return list(pool.map(build_shard, todo))
        except BaseException:           # a failed shard, an interrupt: the others are not waited for
            for process in list(pool._processes.values()):
                process.kill()
            raise


PR_SET_PDEATHSIG = 1                    # prctl(2)


def die_with_parent() -> None:
    """A worker's start: on Linux, the kernel kills this process (SIGKILL) when its
    parent ends — a pool's worker's parent is the forkserver, which ends with the
    process that started the pool — so that no build outlives a publish that was
    killed, even by SIGKILL. (A parent that ended before this call: the worker ends.)"""
    if not sys.platform.startswith("linux"):
        return
    parent = os.getppid()
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)


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
    for relative in _all_files(Path(docs)):
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


def cache_of(site: Path) -> Path:
    """Where each shard's last output and the hash of its input are kept: .site.shards/."""
    site = Path(site).absolute()
    return site.parent / f".{site.name}.shards"


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
    chosen = [task(shard, shards, Path(args.config), Path(args.docs), cache) for shard in shards
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
