"""The build never publishes a broken, partial or irreproducible site."""

import contextlib
import errno
import hashlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from mkdocs.exceptions import MkDocsException

import build_corpus
from lawsite.core.errors import SourceError
from lawsite.publish import bundles, linkcheck, output, publish
from lawsite.publish.output import hand_written_only

from ..conftest import ROOT, SIMPLE, SourcesTree, corpus_args, finish_child, project, run_child, start_child

SITE_URL = "https://lawsite.example.org/"


def snapshot(*directories):
    """Every file under the directories (through links), by its bytes and mtime."""
    return {(d.name, path): (digest, (d / path).stat().st_mtime_ns)
            for d in directories for path, digest in contents(d).items()}


@pytest.fixture(scope="module")
def published(built, tmp_path_factory):
    """site/ and dist/ published once from the real corpus' pages."""
    root = tmp_path_factory.mktemp("published")
    docs = root / "docs"
    shutil.copytree(built[0], docs)
    publish.publish(project(docs=docs, site=root / "site", dist=root / "dist", registry=ROOT / "registry"))
    return root, docs


def test_a_failed_build_leaves_the_previous_site_and_bundle_untouched(published):
    root, docs = published
    before = snapshot(root / "site", root / "dist")
    broken = docs / "broken.md"
    broken.write_text("# 坏页\n\n[不存在的页面](nowhere.md)\n", encoding="utf-8")
    try:
        with pytest.raises(MkDocsException):
            publish.publish(project(docs=docs, site=root / "site", dist=root / "dist", registry=ROOT / "registry"))
    finally:
        broken.unlink()
    assert snapshot(root / "site", root / "dist") == before
    assert not list(root.glob(".build-*")) and leftovers(root) == []    # no half-built leftovers


def test_a_bad_source_stops_before_anything_is_touched(published, sources_tree, capsys):
    root, docs = published
    before = snapshot(root / "site", root / "dist", docs)
    sources_tree.add(SIMPLE.replace("第三条", "第二条"))
    assert build_corpus.main(corpus_args(sources_tree.root, docs)) == 1
    assert "第二条 appears twice" in capsys.readouterr().err
    assert snapshot(root / "site", root / "dist", docs) == before


def test_two_builds_in_separate_processes_are_byte_identical(published, tmp_path):
    root, docs = published
    subprocess.run([sys.executable, "-m", "lawsite.publish", "--docs", str(docs),
                    "--site", str(tmp_path / "site"), "--dist", str(tmp_path / "dist")],
                   cwd=ROOT, check=True, capture_output=True, timeout=900)
    first = {k: v[0] for k, v in snapshot(root / "site", root / "dist").items()}
    second = {k: v[0] for k, v in snapshot(tmp_path / "site", tmp_path / "dist").items()}
    assert first == second


def article_count(site) -> int:
    data = json.loads((site / "data" / "corpus.json").read_text(encoding="utf-8"))
    return sum(len(ordinance["articles"]) for ordinance in data["ordinances"])


def test_no_broken_link_or_anchor_in_the_hosted_site(site_dir):
    report = linkcheck.check(site_dir, SITE_URL)
    assert report.broken == []
    articles = article_count(site_dir)          # it crawled the whole site, in both languages
    assert report.pages > 2 * articles and report.links > 100 * articles and report.anchors > 15 * articles


def test_no_broken_link_or_anchor_in_the_offline_bundle(bundle, tmp_path):
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(tmp_path)
    report = linkcheck.check(tmp_path / "lawsite-offline")
    assert report.broken == []
    articles = article_count(tmp_path / "lawsite-offline")
    assert report.pages > 2 * articles and report.links > 100 * articles and report.anchors > 15 * articles


def test_the_link_check_finds_what_is_broken(site_dir, tmp_path):
    shutil.copytree(site_dir / "yantai-digital-economy", tmp_path / "yantai-digital-economy")
    page = tmp_path / "yantai-digital-economy" / "article-28" / "index.html"
    html = page.read_text(encoding="utf-8")
    html = html.replace('href="../article-27/"', 'href="../article-99/"', 1)
    html = html.replace('href="#art_28__para_3"', 'href="#art_28__para_9"', 1)
    page.write_text(html, encoding="utf-8")
    broken = linkcheck.check(tmp_path, SITE_URL).broken
    assert any("article-99/" in b for b in broken)
    assert any("no id 'art_28__para_9'" in b for b in broken)


# -- killed at any point: docs/, site/ and dist/ are each entirely old or entirely new ---------

def contents(directory: Path) -> dict[str, str]:
    """What a reader of `directory` sees: every file, through links, by its bytes."""
    found = {}
    for place, _, names in os.walk(directory, followlinks=True):
        for name in names:
            path = Path(place, name)
            if path.exists():
                found[path.relative_to(directory).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def leftovers(root: Path) -> list[str]:
    """What a killed run may have left under `root`: temporary and old directories,
    versions that are not the current one, links that lead nowhere."""
    found = []
    for place, dirnames, names in os.walk(root):
        for name in dirnames + names:
            path = Path(place, name)
            if path.is_symlink() and not path.exists():
                found.append(f"dangling link {path.relative_to(root)}")
            if name.startswith((".build-", ".site.old", ".dist.old")) or name.endswith(".tmp"):
                found.append(str(path.relative_to(root)))
        dirnames[:] = [d for d in dirnames if not d.startswith("v-")]
    for store in root.glob(".*.generated") or ():
        found += _stray_versions(store)
    for store in root.glob(".*.published"):
        found += _stray_versions(store)
    return found


def _stray_versions(store: Path) -> list[str]:
    current = os.readlink(store / "current") if (store / "current").is_symlink() else None
    return [f"{store.name}/{entry.name}" for entry in store.iterdir()
            if entry.name not in ("lock", "current", current)]


def two_corpora(root: Path) -> tuple[Path, Path]:
    """Sources A (two ordinances) and B (one changed, one gone, one new)."""
    trees = SourcesTree(root / "sources-a"), SourcesTree(root / "sources-b")
    trees[0].add(SIMPLE)
    trees[0].add(SIMPLE.replace("测试", "第二"), slug="second-ordinance", title="第二市第二条例")
    trees[1].add(SIMPLE.replace("为了测试", "为了检验"))
    trees[1].add(SIMPLE.replace("测试", "第三"), slug="third-ordinance", title="第三市第三条例")
    for tree in trees:
        shutil.copy(ROOT / "sources" / "departments.yml", tree.root)
    return trees[0].root, trees[1].root


def places(work: Path, sources: Path) -> dict[str, Path]:
    return {"--sources": sources, "--docs": work / "docs", "--translations": work / "no-translations",
            "--site": work / "site", "--dist": work / "dist"}


def kill_points(events: list[str]) -> list[tuple[int, str]]:
    """Where to kill a run, given the changes it makes (tests/child.py): its first,
    the middle one, every rename and link (the switches), before and after, and
    the first removal after them; at most 14, evenly spread."""
    kinds = [line.split(" ")[1] for line in events]
    switching = [i for i, kind in enumerate(kinds, 1) if kind in ("rename", "replace", "symlink")]
    points = {(1, "before"), (len(kinds) // 2, "before")}
    points |= {(i, "before") for i in switching}
    points |= {(i, "after") for i in switching if kinds[i - 1] in ("rename", "replace")}
    later = [i for i, kind in enumerate(kinds, 1) if kind in ("unlink", "rmdir", "remove")
             and i > (switching[-1] if switching else 0)]
    points |= {(later[0], "before")} if later else set()
    points = sorted(points)
    return points if len(points) <= 14 else [points[round(k * (len(points) - 1) / 13)] for k in range(14)]


def kill_and_check(what: str, base: Path, sources: Path, tmp_path: Path, outputs: tuple[str, ...],
                   before: dict, rerun) -> None:
    """Run `what` on copies of `base`: once whole, which gives the new state and the
    changes it makes, then killed at each point. Each output must then be entirely
    old (`before`) or entirely new — site/ and dist/ together — and the next run
    (`rerun`) must clean up and succeed."""
    counted = tmp_path / "counted"
    shutil.copytree(base, counted, symlinks=True)
    events_file = tmp_path / "events.txt"
    run = run_child(what, places(counted, sources), watch=counted, events=events_file)
    assert run.returncode == 0, run.stderr
    events = events_file.read_text(encoding="utf-8").split("\n")[:-1]
    after = {name: contents(counted / name) for name in outputs}
    assert all(after[name] != before[name] for name in outputs)
    failures = []
    for number, when in kill_points(events):
        work = tmp_path / f"killed-{number}-{when}"
        shutil.copytree(base, work, symlinks=True)
        run = run_child(what, places(work, sources), watch=work, kill=f"{number}:{when}")
        at = f"killed {when} {events[number - 1].split(' ', 1)[1].replace(str(counted), '')}"
        state = {name: contents(work / name) for name in outputs}
        if run.returncode != -9:
            failures.append(f"{at}: not killed ({run.returncode}): {run.stderr[-300:]}")
        elif state not in (before, after):
            mixed = {name: "old" if state[name] == before[name] else "new" if state[name] == after[name]
                     else "mixed" for name in outputs}
            failures.append(f"{at}: {mixed}")
        try:
            rerun(work)
        except Exception as error:                     # noqa: BLE001 - reported below
            failures.append(f"{at}: the next run failed: {error}")
            continue
        if {name: contents(work / name) for name in outputs} != after or leftovers(work):
            failures.append(f"{at}: after the next run: {leftovers(work)}")
    assert failures == []


@pytest.fixture(scope="module")
def stages(tmp_path_factory):
    """A workspace whose docs/ is generated from sources A (`built`), and one whose
    site/ and dist/ are published from A and docs/ regenerated from B (`generated`)."""
    root = tmp_path_factory.mktemp("stages")
    a, b = two_corpora(root)
    built = root / "built"
    shutil.copytree(ROOT / "docs", built / "docs", ignore=hand_written_only(ROOT / "docs"))
    assert build_corpus.main(corpus_args(a, built / "docs")) == 0
    generated = root / "generated"
    shutil.copytree(built, generated, symlinks=True)
    publish.publish(project(docs=generated / "docs", site=generated / "site", dist=generated / "dist"), check_urls=False)
    published = {name: contents(generated / name) for name in ("site", "dist")}
    assert build_corpus.main(corpus_args(b, generated / "docs")) == 0
    return a, b, built, generated, published


def test_a_killed_build_leaves_docs_old_or_new_and_the_next_one_cleans_up(stages, tmp_path):
    a, b, built, _, _ = stages

    def rerun(work):
        assert build_corpus.main(corpus_args(b, work / "docs")) == 0
    kill_and_check("build", built, b, tmp_path, ("docs",), {"docs": contents(built / "docs")}, rerun)


def test_a_killed_publish_leaves_site_and_dist_old_or_new_together(stages, tmp_path):
    """Including right at the switch (between the two renames of a swap that is not one
    step); the next publish cleans up (no 23 MB .build-* left) and succeeds."""
    _, b, _, generated, before = stages

    def rerun(work):
        publish.publish(project(docs=work / "docs", site=work / "site", dist=work / "dist"), check_urls=False)
    kill_and_check("publish", generated, b, tmp_path, ("site", "dist"), before, rerun)


# -- two runs at once; a failure while writing; a read-only docs/ -----------------------------

def names(directory: Path) -> list[str]:
    return sorted(path.name for path in directory.iterdir()) if directory.is_dir() else []


def test_a_second_build_while_one_is_writing_stops_and_names_it(stages, tmp_path):
    """Build A is stopped in the middle of its work: first right before it writes the
    caches beside docs/ (.docs.cache/, read and written under docs/' lock from the
    build's start), then right before docs/' own first rename. Build B of the same
    docs/ meanwhile stops with a message naming A (pid, host, start) and touches
    nothing, neither docs/ nor the caches; A then finishes, and its caches are those
    of a build that ran alone. Nobody crashes on the other's temporary files."""
    _, b, built, _, _ = stages
    counted = tmp_path / "counted"
    shutil.copytree(built, counted, symlinks=True)
    events_file = tmp_path / "events.txt"
    assert run_child("build", places(counted, b), watch=counted, events=events_file).returncode == 0
    events = events_file.read_text(encoding="utf-8").split("\n")[:-1]
    first_cache_write = next(n for n, line in enumerate(events, 1) if "/.docs.cache/" in line)
    first_rename = next(n for n, line in enumerate(events, 1)
                        if line.split(" ")[1] == "replace" and "/.docs.cache/" not in line)
    assert first_cache_write < first_rename
    for stop in (first_cache_write, first_rename):
        work = tmp_path / f"work-{stop}"
        shutil.copytree(built, work, symlinks=True)
        first = start_child("build", places(work, b), watch=work, kill=f"{stop}:stop")
        pid = first.pid
        try:
            _, status = os.waitpid(first.pid, os.WUNTRACED)
            assert os.WIFSTOPPED(status)
            before = contents(work / "docs"), names(work / ".docs.cache")
            second = run_child("build", places(work, b))
            assert (contents(work / "docs"), names(work / ".docs.cache")) == before
        finally:
            os.kill(first.pid, signal.SIGCONT)
        first = finish_child(first)
        assert first.returncode == 0 and "Traceback" not in first.stderr, first.stderr
        assert second.returncode == 1 and "Traceback" not in second.stderr, second.stderr
        assert re.search(rf"lock: a build of \S+docs cannot start: a build of \S+docs \(pid {pid} on "
                         rf"{re.escape(socket.gethostname())}, started 20\d\d-[^)]*\) is running",
                         second.stderr), second.stderr
        assert contents(work / "docs") == contents(counted / "docs") and leftovers(work) == []
        assert names(work / ".docs.cache") == names(counted / ".docs.cache")


def in_group(group: int) -> list[str]:
    """The live processes of a process group (from /proc): "pid command" each."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path("/proc", entry, "stat").read_text()
        except OSError:
            continue                                   # ended meanwhile
        state, _, pgrp = stat[stat.rindex(")") + 2:].split()[:3]
        if int(pgrp) == group and state not in ("Z", "X"):
            found.append(f"{entry} {stat[stat.index('(') + 1:stat.rindex(')')]}")
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG and /proc are Linux's")
def test_a_killed_build_leaves_no_worker_behind(stages, tmp_path):
    """A build killed with SIGKILL while its pool parses (two processes): its workers end
    with it (lawsite/core/processes.py), within seconds, and the next build runs. A
    worker left behind waited forever, holding what the build had open."""
    _, b, built, _, _ = stages
    counted = tmp_path / "counted"
    shutil.copytree(built, counted, symlinks=True)
    events_file = tmp_path / "events.txt"
    options = {**places(counted, b), "--jobs": 2}
    assert run_child("build", options, watch=counted, events=events_file).returncode == 0
    events = events_file.read_text(encoding="utf-8").split("\n")[:-1]
    parsed = next(n for n, line in enumerate(events, 1) if "/.docs.cache/" in line)   # a parse's result kept
    work = tmp_path / "work"
    shutil.copytree(built, work, symlinks=True)
    killed = start_child("build", {**places(work, b), "--jobs": 2}, watch=work, kill=f"{parsed}:before")
    try:
        assert killed.wait(timeout=300) == -signal.SIGKILL
        deadline = time.monotonic() + 20
        while in_group(killed.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert in_group(killed.pid) == []
    finally:
        finish_child(killed)                           # (kills what is left of the group)
    assert run_child("build", places(work, b)).returncode == 0
    assert contents(work / "docs") == contents(counted / "docs") and leftovers(work) == []


def test_two_builds_started_together_never_crash(stages, tmp_path):
    _, b, built, _, _ = stages
    work = tmp_path / "work"
    shutil.copytree(built, work, symlinks=True)
    runs = [finish_child(p) for p in [start_child("build", places(work, b)) for _ in range(3)]]
    assert all("Traceback" not in run.stderr for run in runs), [run.stderr for run in runs]
    assert all(run.returncode == 0 or "cannot start" in run.stderr for run in runs)
    assert any(run.returncode == 0 for run in runs)
    assert build_corpus.main(corpus_args(b, work / "docs")) == 0 and leftovers(work) == []


def test_a_second_publish_while_one_runs_stops_and_names_it(stages, tmp_path):
    _, _, _, generated, before = stages
    work = tmp_path / "work"
    shutil.copytree(generated, work, symlinks=True)
    with publish.store(work / "site").locked("a test"):
        with pytest.raises(SourceError, match=rf"cannot start: a test \(pid {os.getpid()} on "):
            publish.publish(project(docs=work / "docs", site=work / "site", dist=work / "dist"), check_urls=False)
    with output.store(work / "docs").locked("a build of docs"):     # docs/ must stay put
        with pytest.raises(SourceError, match=r"docs.generated/lock: a publish from \S+ cannot "
                                              r"start: a build of docs \(pid"):
            publish.publish(project(docs=work / "docs", site=work / "site", dist=work / "dist"), check_urls=False)
    assert {name: contents(work / name) for name in ("site", "dist")} == before


def test_a_failure_while_writing_leaves_docs_as_it_was(stages, tmp_path, monkeypatch, capsys):
    """A disk that fills up in the middle of writing: a message, not a traceback;
    docs/ as it was; the next build succeeds."""
    _, b, built, _, _ = stages
    work = tmp_path / "work"
    shutil.copytree(built, work, symlinks=True)
    before = contents(work / "docs")
    written = []
    real_write = Path.write_bytes

    def write_bytes(self, data):
        written.append(self)
        if len(written) == 5:
            raise OSError(errno.ENOSPC, "No space left on device", str(self))
        return real_write(self, data)
    monkeypatch.setattr(Path, "write_bytes", write_bytes)
    assert build_corpus.main(corpus_args(b, work / "docs")) == 1
    err = capsys.readouterr().err
    assert re.search(r"^error: \S+: cannot write the generated pages: No space left on device$", err, re.M), err
    assert contents(work / "docs") == before
    monkeypatch.undo()
    assert build_corpus.main(corpus_args(b, work / "docs")) == 0 and leftovers(work) == []


def test_a_read_only_docs_is_a_message(tmp_path, capsys):
    """docs/ that cannot be written (read-only; as root, immutable): `path: problem`,
    and nothing written. Where neither can be had, writing is refused in Python."""
    from ..conftest import workspace
    places = workspace(tmp_path)
    docs = places["--docs"]
    before = contents(docs)
    with read_only(docs):
        assert build_corpus.main(corpus_args(places["--sources"], docs)) == 1
    err = capsys.readouterr().err
    assert re.search(r"^error: \S+: cannot write the generated pages: "
                     r"(Permission denied|Operation not permitted)$", err, re.M), err
    assert "nothing was written" in err
    assert contents(docs) == before


@contextlib.contextmanager
def read_only(directory: Path):
    if os.geteuid() != 0:
        directory.chmod(0o555)
        try:
            yield
        finally:
            directory.chmod(0o755)
        return
    if subprocess.run(["chattr", "+i", str(directory)], capture_output=True).returncode == 0:
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(directory)], check=True)
        return
    refused = {}                                   # no CAP_LINUX_IMMUTABLE (a container)
    inside = str(directory.resolve())

    def refusing(name):
        real = getattr(os, name)

        def call(*args, **kwargs):
            target = os.path.abspath(os.fsdecode(args[-1] if name in ("symlink", "replace", "rename")
                                                 else args[0]))
            if os.path.dirname(target) == inside:
                raise PermissionError(errno.EACCES, "Permission denied", target)
            return real(*args, **kwargs)
        refused[name] = real
        return call
    for name in ("mkdir", "symlink", "replace", "rename", "unlink"):
        setattr(os, name, refusing(name))
    try:
        yield
    finally:
        for name, real in refused.items():
            setattr(os, name, real)


def test_the_registry_is_checked_before_anything_is_switched(stages, tmp_path, monkeypatch):
    """A registered URL that the build no longer produces stops the publish before
    site/ or dist/ change (a publish that switched first would pass every other test)."""
    _, _, _, generated, before = stages
    work = tmp_path / "work"
    shutil.copytree(generated, work, symlinks=True)
    urls = tmp_path / "registry" / "urls.txt"
    urls.parent.mkdir()
    urls.write_text("/a-retired-page/\n", encoding="utf-8")
    with pytest.raises(SourceError, match="/a-retired-page/"):
        publish.publish(project(docs=work / "docs", site=work / "site", dist=work / "dist", registry=urls.parent))
    assert {name: contents(work / name) for name in ("site", "dist")} == before
    assert leftovers(work) == []


def test_a_failed_offline_bundle_publishes_nothing(stages, tmp_path, monkeypatch):
    """The hosted site builds, the offline bundle does not (in its own process):
    neither output changes, and the message says why."""
    _, _, _, generated, before = stages
    work = tmp_path / "work"
    shutil.copytree(generated, work, symlinks=True)

    def no_bundle(*args):
        raise MkDocsException("the iframe-worker shim is missing")
    monkeypatch.setattr(bundles, "pack", no_bundle)
    with pytest.raises(MkDocsException, match="the offline bundle was not built: lawsite-offline.zip: the iframe-worker"):
        publish.publish(project(docs=work / "docs", site=work / "site", dist=work / "dist"), check_urls=False)
    assert {name: contents(work / name) for name in ("site", "dist")} == before
    assert leftovers(work) == []


def test_site_and_dist_of_an_earlier_layout_are_taken_over(stages, tmp_path):
    """site/ and dist/ as real directories, as publishes before links left them: the
    next publish puts its links in their place."""
    _, _, _, generated, before = stages
    work = tmp_path / "work"
    shutil.copytree(generated, work, symlinks=True)
    for name in ("site", "dist"):
        real = work / f"{name}.real"
        shutil.copytree(work / name, real)             # through the link: plain files
        (work / name).unlink()
        real.rename(work / name)
    shutil.rmtree(work / ".site.published")
    assert {name: contents(work / name) for name in ("site", "dist")} == before
    publish.publish(project(docs=work / "docs", site=work / "site", dist=work / "dist"), check_urls=False)
    assert (work / "site").is_symlink() and (work / "dist").is_symlink()
    assert (work / "site" / "third-ordinance" / "article-1" / "index.html").is_file()
    assert (work / "dist" / "lawsite-offline.zip").is_file() and leftovers(work) == []
    elsewhere = work / "downloads" / "offline"                 # dist/ in directories to be made
    publish.publish(project(docs=work / "docs", site=work / "site", dist=elsewhere), check_urls=False)
    assert contents(elsewhere) == contents(work / "dist") and elsewhere.is_symlink()


def test_a_publish_killed_alone_leaves_no_lock_to_its_worker(stages, tmp_path):
    """Only the publish process is killed (kill PID, the OOM killer), not the offline
    bundle's worker: the worker must not hold the locks, or no publish could start
    again until someone finds and kills it."""
    _, b, _, generated, _ = stages
    work = tmp_path / "work"
    shutil.copytree(generated, work, symlinks=True)
    killed = start_child("publish", places(work, b), watch=work, kill="5:before")
    try:
        assert killed.wait(timeout=300) == -signal.SIGKILL
        publish.publish(project(docs=work / "docs", site=work / "site", dist=work / "dist"), check_urls=False)
        assert (work / "site" / "third-ordinance" / "article-1" / "index.html").is_file()
    finally:
        finish_child(killed)                           # and its worker, if it still runs
