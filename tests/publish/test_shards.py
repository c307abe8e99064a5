"""Sharded builds: the plan by jurisdiction, the assembly into one site with the URLs of
a single build, the process pool and Dask, and the rebuild of only what changed."""

import json
import os
import re
import shutil
from pathlib import Path

import pytest

import build_corpus
from lawsite.publish import linkcheck, publish, registry, shards
from lawsite.publish.output import hand_written_only

from ..conftest import HOSTED, ROOT, SIMPLE, SourcesTree, corpus_args

SITE_URL = "https://lawsite.example.org/"
HENAN = {"city": "郑州市", "city_en": "Zhengzhou", "province": "河南省", "province_en": "Henan"}


def two_jurisdictions(root: Path) -> Path:
    """Three ordinances: two of 山东 (the fixtures' default), one of 河南."""
    tree = SourcesTree(root / "sources")
    tree.add(SIMPLE)
    tree.add(SIMPLE.replace("测试", "第二"), slug="second-ordinance", title="第二市第二条例")
    tree.add(SIMPLE.replace("测试", "郑州"), slug="zhengzhou-ordinance", title="郑州市郑州条例",
             jurisdiction=HENAN)
    shutil.copy(ROOT / "sources" / "departments.yml", tree.root)
    return tree.root


def generate(sources: Path, docs: Path) -> Path:
    if not docs.exists():
        shutil.copytree(ROOT / "docs", docs, ignore=hand_written_only(ROOT / "docs"))
    assert build_corpus.main(corpus_args(sources, docs)) == 0
    return docs


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """(root, sources, docs, the sharded site, the figures of its first build)."""
    root = tmp_path_factory.mktemp("shards")
    sources = two_jurisdictions(root)
    docs = generate(sources, root / "docs")
    figures = shards.build_sharded(HOSTED, docs, root / "site", root / "cache")
    return root, sources, docs, root / "site", figures


def files_of(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def test_the_plan_is_the_hub_and_one_shard_per_jurisdiction(corpus):
    _, _, docs, _, _ = corpus
    assert shards.plan(docs) == [shards.Shard("hub", "", ()),
                                 shards.Shard("henan", "河南省", ("zhengzhou-ordinance",), jurisdiction="henan"),
                                 shards.Shard("shandong", "山东省", ("second-ordinance", "test-ordinance"),
                                              jurisdiction="shandong")]


def test_each_shard_renders_only_its_own_pages(corpus):
    root, _, _, _, _ = corpus
    henan = files_of(root / "cache" / "henan")
    assert "zhengzhou-ordinance/article-1/index.html" in henan
    assert not any(f.startswith(("test-ordinance/", "second-ordinance/", "departments/", "about/"))
                   for f in henan)
    assert "index.html" not in henan
    hub = files_of(root / "cache" / "hub")
    assert "index.html" in hub and "departments/index.html" in hub
    assert not any(f.startswith(("test-ordinance/", "zhengzhou-ordinance/")) for f in hub)


def test_the_assembled_site_has_the_urls_of_one_build_and_no_broken_link(corpus, tmp_path):
    """The same files as a single MkDocs build of the same docs/ (a published URL never
    moves), every link and anchor resolving across the shards, every URL answered."""
    _, _, docs, site, _ = corpus
    single = tmp_path / "single"
    publish.build_site(single, HOSTED, docs)
    # (the search index is Pagefind's over the assembled site, made by the publish step)
    assert files_of(site) == {path for path in files_of(single) if not path.startswith("pagefind/")}
    report = linkcheck.check(site, SITE_URL)
    assert report.broken == [] and report.pages > 50
    assert registry.produced(site) == registry.produced(single)
    assert registry.redirect_problems(site, SITE_URL) == []
    article = (site / "test-ordinance" / "article-1" / "index.html").read_text(encoding="utf-8")
    single_article = (single / "test-ordinance" / "article-1" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../departments/' in single_article and 'href="../../departments/' in article
    sitemap = re.findall(r"<loc>(.*?)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    assert sorted(sitemap) == sorted(re.findall(r"<loc>(.*?)</loc>",
                                                (single / "sitemap.xml").read_text(encoding="utf-8")))


def nav_links(page: Path) -> set[str]:
    nav = page.read_text(encoding="utf-8").split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
    return set(re.findall(r'href="([^"]*)"', nav))


def test_a_shards_navigation_holds_its_ordinances_and_the_way_up(corpus):
    _, _, _, site, _ = corpus
    links = nav_links(site / "zhengzhou-ordinance" / "article-1" / "index.html")
    assert "../.." in links                                       # the home of the whole corpus
    assert {"../", "../chapter-1/"} <= links                      # its own ordinance
    assert not any("test-ordinance" in link or "second-ordinance" in link for link in links)
    hub = nav_links(site / "about" / "index.html")
    assert {"../test-ordinance/", "../zhengzhou-ordinance/"} <= hub  # the hub lists every ordinance
    assert not any("article-" in link for link in hub)               # but not their articles


def test_an_edited_ordinance_rebuilds_its_shard_alone(corpus):
    """An edit of an article's text that changes no page of the hub (the purpose clause is
    a standard clause: no comparison page, no department cites it) changes only files of the
    hub that MkDocs copies as they are (the dataset, the download): the hub is not rebuilt,
    and the assembly takes those files from docs/ as they are now."""
    root, sources, docs, _, first = corpus
    assert [f["built"] for f in first] == [True, True, True]
    text = sources / "ordinances" / "zhengzhou-ordinance.txt"
    text.write_text(text.read_text(encoding="utf-8").replace("为了郑州", "为了检验"), encoding="utf-8")
    generate(sources, docs)
    again = shards.build_sharded(HOSTED, docs, root / "site-2", root / "cache")
    assert {f["shard"]: f["built"] for f in again} == {"hub": False, "henan": True, "shandong": False}
    page = (root / "site-2" / "zhengzhou-ordinance" / "article-1" / "index.html").read_text(encoding="utf-8")
    assert "为了检验" in page
    for verbatim in ("data/corpus.json", "downloads/zhengzhou-ordinance.txt"):
        assert "为了检验" in (root / "site-2" / verbatim).read_text(encoding="utf-8")
        assert (root / "site-2" / verbatim).read_bytes() == (docs / verbatim).read_bytes()
    assert linkcheck.check(root / "site-2", SITE_URL).broken == []
    assert files_of(root / "site-2") == files_of(root / "site")
    unchanged = shards.build_sharded(HOSTED, docs, root / "site-3", root / "cache")
    assert [f["built"] for f in unchanged] == [False, False, False]


def test_the_assembly_refuses_shards_that_disagree_on_a_shared_file(tmp_path):
    for name, text in (("hub", "a"), ("shandong", "b")):
        (tmp_path / name / "assets").mkdir(parents=True)
        (tmp_path / name / "assets" / "x.js").write_text(text)
    with pytest.raises(shards.AssemblyError, match="assets/x.js: the shards hub and shandong"):
        shards.assemble([tmp_path / "hub", tmp_path / "shandong"], tmp_path / "site")


def test_a_failing_shard_names_itself(corpus, tmp_path):
    _, _, docs, _, _ = corpus
    broken = tmp_path / "docs"
    shutil.copytree(docs, broken)
    page = broken / "zhengzhou-ordinance" / "article-1.md"
    # a generated page is ready HTML: its link to a missing page warns as a Markdown link did
    page.write_text(page.read_text(encoding="utf-8") + '<p><a href="../nowhere.md">不存在</a></p>\n', encoding="utf-8")
    with pytest.raises(shards.ShardError, match="the shard henan: .*strict"):
        shards.build_sharded(HOSTED, broken, tmp_path / "site", tmp_path / "cache")


def test_the_shards_build_on_a_dask_cluster(corpus, tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    _, _, docs, site, _ = corpus
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        figures = shards.build_sharded(HOSTED, docs, tmp_path / "site", tmp_path / "cache", scheduler=client)
        ran_on = client.run(lambda: True)                 # the cluster's own worker processes
    assert [f["built"] for f in figures] == [True, True, True] and len(ran_on) == 2
    assert files_of(tmp_path / "site") == files_of(site)
    assert linkcheck.check(tmp_path / "site", SITE_URL).broken == []


def test_a_jurisdiction_above_the_most_is_cut_into_parts_with_the_urls_of_one_build(corpus, tmp_path):
    """Shards of at most one ordinance: 山东's two are two parts; the site is the same
    files, every link resolves, a part's navigation lists its sibling's ordinance as a
    link (its articles are the sibling's), and an edit rebuilds the edited part alone."""
    _, sources, docs, site, _ = corpus
    assert [(s.name, s.slugs) for s in shards.plan(docs, most=1)] == [
        ("hub", ()), ("henan", ("zhengzhou-ordinance",)), ("shandong-1", ("second-ordinance",)),
        ("shandong-2", ("test-ordinance",))]
    parts = shards.build_sharded(HOSTED, docs, tmp_path / "site", tmp_path / "cache", most=1)
    assert [f["shard"] for f in parts] == ["hub", "henan", "shandong-1", "shandong-2"]
    assert files_of(tmp_path / "site") == files_of(site)
    assert linkcheck.check(tmp_path / "site", SITE_URL).broken == []
    links = nav_links(tmp_path / "site" / "test-ordinance" / "article-1" / "index.html")
    assert {"../", "../chapter-1/", "../../second-ordinance/"} <= links
    assert not any(link.startswith("../../second-ordinance/") and link != "../../second-ordinance/"
                   for link in links)
    copy = tmp_path / "sources"
    shutil.copytree(sources, copy)
    text = copy / "ordinances" / "second-ordinance.txt"
    text.write_text(text.read_text(encoding="utf-8").replace("为了第二", "为了检验"), encoding="utf-8")
    edited = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", edited, ignore=hand_written_only(ROOT / "docs"))
    generate(copy, edited)
    again = shards.build_sharded(HOSTED, edited, tmp_path / "site-2", tmp_path / "cache", most=1)
    assert {f["shard"]: f["built"] for f in again} == \
        {"hub": False, "henan": False, "shandong-1": True, "shandong-2": False}
    page = (tmp_path / "site-2" / "second-ordinance" / "article-1" / "index.html").read_text(encoding="utf-8")
    assert "为了检验" in page


def test_the_exclusions_match_what_mkdocs_own_matcher_matches(corpus):
    """shards.Exclusion looks names up instead of trying each pattern in turn (on the whole
    corpus, half an hour a shard): for every shard, over every file of docs/, the same
    answers as pathspec's GitIgnoreSpec of the same patterns, MkDocs' defaults included."""
    import pathspec
    from mkdocs.structure.files import _default_exclude
    _, _, docs, _, _ = corpus
    plan = shards.plan(docs, most=1)
    files = shards.all_files(docs) + ["en/test-ordinance/2020-01-01/index.md", "test-ordinance/2020-01-01/x.md"]
    for task in shards.tasks(plan, HOSTED, docs, docs.parent / "unused"):
        patterns = list(task.exclude) + ["/test-ordinance/2020-01-01/", "/en/test-ordinance/2020-01-01/"]
        mkdocs_own = _default_exclude + pathspec.gitignore.GitIgnoreSpec.from_lines(patterns)
        ours = _default_exclude + shards.Exclusion(patterns)
        assert [ours.match_file(f) for f in files] == [mkdocs_own.match_file(f) for f in files], task.shard
        assert any(ours.match_file(f) for f in files) and not all(ours.match_file(f) for f in files)



def test_the_tasks_list_docs_once_for_every_shard(corpus, monkeypatch):
    """The tasks of a plan get the exclusions each shard gets alone, from one listing of
    docs/ (each language tree and its comparison pages once, however many shards)."""
    from lawsite.publish import shardplan
    _, _, docs, _, _ = corpus
    plan = shards.plan(docs, most=1, pages=2)
    assert len(plan) == 4
    alone = [shards.exclusions(shard, plan, docs) for shard in plan]
    listed = []
    real = shardplan.os.listdir
    monkeypatch.setattr(shardplan.os, "listdir", lambda folder: listed.append(folder) or real(folder))
    tasks = shards.tasks(plan, HOSTED, docs, docs.parent / "unused")
    assert [list(task.exclude) for task in tasks] == alone
    assert len(listed) == len(set(listed)) <= 2 * len(shards.LANGUAGES) + 2


def test_a_file_left_as_it_was_is_not_read_again_for_the_input_hash(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text("一")
    known = shards.Digests(tmp_path / shards.DIGESTS)
    real = known.of(docs, "a.md")
    known.save()
    saved = json.loads((tmp_path / shards.DIGESTS).read_text())
    saved["a.md"][1] = "kept"                               # what the last publish recorded
    (tmp_path / shards.DIGESTS).write_text(json.dumps(saved))
    assert shards.Digests(tmp_path / shards.DIGESTS).of(docs, "a.md") == b"kept"      # not read
    before = (docs / "a.md").stat().st_mtime_ns
    (docs / "a.md").unlink()
    (docs / "a.md").write_text("二")                          # a new file, as a build writes it
    os.utime(docs / "a.md", ns=(before + 10**9, before + 10**9))   # (a later build: another time)
    assert shards.Digests(tmp_path / shards.DIGESTS).of(docs, "a.md") not in (b"kept", real)


def test_a_shards_mkdocs_walks_its_own_files_alone(corpus, tmp_path, monkeypatch):
    """MkDocs is given a view of docs/ (lawsite/publish/docsview.py): the files it lists are
    the shard's own pages and the dot-files the hooks read, not the other shards' pages
    (nor the hub's: the homes, about, the departments, the data), and
    the build is byte for byte the one MkDocs makes walking all of docs/ with the
    others' pages excluded (as before the view), links into the other shards included."""
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.config import load_config

    _, _, docs, _, _ = corpus
    listed: list[str] = []
    walk = mkdocs_build.get_files

    def spy(config):
        files = walk(config)
        listed.extend(file.src_uri for file in files)
        return files

    monkeypatch.setattr(mkdocs_build, "get_files", spy)
    henan = next(t for t in shards.tasks(shards.plan(docs), HOSTED, docs, tmp_path / "cache") if t.shard == "henan")
    shards.build_shard(henan)
    own = ("zhengzhou-ordinance/", "en/zhengzhou-ordinance/")
    assert {"zhengzhou-ordinance/article-1.md", "en/zhengzhou-ordinance/index.md", ".nav.yml"} <= set(listed)
    assert [f for f in listed if not f.startswith((".", *own))] == []      # nothing of the other shards
    assert not (tmp_path / "cache" / "henan.view").exists()                   # the view is gone after
    monkeypatch.setattr(mkdocs_build, "get_files", walk)
    config = load_config(str(HOSTED), docs_dir=str(docs), site_dir=str(tmp_path / "walked"))
    config["exclude_docs"] = shards.Exclusion(henan.exclude)
    config.extra["lawsite_shard"] = henan.spec
    mkdocs_build.build(config)
    built = tmp_path / "cache" / "henan"
    assert files_of(built) == files_of(tmp_path / "walked")
    assert all((built / f).read_bytes() == (tmp_path / "walked" / f).read_bytes() for f in files_of(built))
    page = (built / "zhengzhou-ordinance" / "article-1" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../departments/' in page                            # a link into the hub, resolved


def test_a_shards_link_to_a_file_that_is_nowhere_still_fails(corpus, tmp_path):
    """The view answers a lookup of a file outside it from docs/ itself: a file of docs/
    resolves (a link into another shard), a file that does not exist, or one outside
    docs/, does not."""
    from lawsite.publish import docsview

    _, _, docs, _, _ = corpus
    known = docsview.Known([], docs, str(tmp_path), True)
    assert known.get_file_from_path("test-ordinance/article-1.md").url == "test-ordinance/article-1/"
    assert known.get_file_from_path("test-ordinance/article-1.md").inclusion.is_excluded()
    assert known.get_file_from_path("test-ordinance/nowhere.md") is None
    assert known.get_file_from_path("../mkdocs.yml") is None and known.get_file_from_path("test-ordinance") is None
    assert list(known) == []                                                 # never iterated


def test_the_comparison_pages_above_the_most_are_built_in_parts_of_their_own(tmp_path):
    """Above shards.PAGES comparison pages (here 2 of the launch corpus' 6), the hub builds
    none of them: they are parts of their own (`compare-<n>`, each page in the part its
    name's hash chooses), the hub's navigation on them, so the site is byte for byte the
    one whose hub builds them all (the sitemap's entries in another order), every link
    resolving; an edited comparison page rebuilds its part alone."""
    from ..conftest import launch_sources

    docs = generate(launch_sources(tmp_path), tmp_path / "docs")
    names = shards.comparison_pages(docs)
    assert len(names) > 2 and not any(shard.compare for shard in shards.plan(docs))
    shards.build_sharded(HOSTED, docs, tmp_path / "site-1", tmp_path / "cache-1")
    plan = shards.plan(docs, pages=2)
    parts = [shard for shard in plan if shard.compare]
    assert len(parts) >= 2 and sorted(name for part in parts for name in part.pages) == names
    figures = shards.build_sharded(HOSTED, docs, tmp_path / "site-2", tmp_path / "cache-2", shards=plan)
    assert {f["shard"]: f.get("comparison_pages") for f in figures if f["shard"].startswith("compare-")} == \
        {part.name: len(part.pages) for part in parts}
    assert not (tmp_path / "cache-2" / "hub" / "compare").exists()
    for part in parts:
        assert sorted(p.name for p in (tmp_path / "cache-2" / part.name / "compare").iterdir()) == \
            sorted(name.removesuffix(".md") for name in part.pages)
    one, two = tmp_path / "site-1", tmp_path / "site-2"
    assert files_of(one) == files_of(two)
    assert sorted(f for f in files_of(one) if (one / f).read_bytes() != (two / f).read_bytes()) == \
        ["sitemap.xml", "sitemap.xml.gz"]
    assert sorted(re.findall(r"<loc>(.*?)</loc>", (one / "sitemap.xml").read_text(encoding="utf-8"))) == \
        sorted(re.findall(r"<loc>(.*?)</loc>", (two / "sitemap.xml").read_text(encoding="utf-8")))
    assert linkcheck.check(two, SITE_URL).broken == []
    import pathspec
    from mkdocs.structure.files import _default_exclude
    files = shards.all_files(docs)
    for task in shards.tasks(plan, HOSTED, docs, tmp_path / "unused"):          # as MkDocs would match
        mkdocs_own = _default_exclude + pathspec.gitignore.GitIgnoreSpec.from_lines(task.exclude)
        ours = _default_exclude + shards.Exclusion(task.exclude)
        assert [ours.match_file(f) for f in files] == [mkdocs_own.match_file(f) for f in files], task.shard
    page = docs / shards.COMPARE / parts[0].pages[0]
    page.write_text(page.read_text(encoding="utf-8") + "\n检验\n", encoding="utf-8")
    again = shards.build_sharded(HOSTED, docs, tmp_path / "site-3", tmp_path / "cache-2", shards=plan)
    assert [f["shard"] for f in again if f["built"]] == [parts[0].name]


def processes() -> dict[int, int]:
    """The living processes (zombies left out), each with its parent's pid, from /proc."""
    found = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                state, parent = Path("/proc", entry, "stat").read_text().rpartition(")")[2].split()[:2]
            except (OSError, ValueError):
                continue
            if state != "Z":
                found[int(entry)] = int(parent)
    return found


def descendants(pid: int) -> set[int]:
    """The living processes below `pid`."""
    parents = processes()
    found, todo = set(), [pid]
    while todo:
        above = todo.pop()
        below = [child for child, parent in parents.items() if parent == above]
        found.update(below)
        todo += below
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the processes from /proc")
@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGKILL"])
def test_a_killed_publish_leaves_no_worker_building(corpus, tmp_path, signal_name):
    """`python -m lawsite.publish` killed while its pool builds the shards: no worker (nor
    the forkserver) survives it, whether it could clean up (SIGTERM) or not (SIGKILL)."""
    import signal
    import subprocess
    import sys
    import time

    _, _, docs, _, _ = corpus
    process = subprocess.Popen([sys.executable, "-m", "lawsite.publish", "--docs", str(docs),
                                "--site", str(tmp_path / "site"), "--dist", str(tmp_path / "dist"),
                                "--config", str(HOSTED), "--workers", "2"],
                               cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while len(below := descendants(process.pid)) < 3 and time.monotonic() < deadline:   # the forkserver, 2 workers
            time.sleep(0.05)
        assert len(below) >= 3, "the pool did not start"
        time.sleep(1)                                            # the workers are building
        below = descendants(process.pid)
        os.kill(process.pid, getattr(signal, signal_name))
        process.wait(timeout=60)
        deadline = time.monotonic() + 20
        while (left := below & set(processes())) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert left == set()
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)           # whatever is left
        except ProcessLookupError:
            pass
