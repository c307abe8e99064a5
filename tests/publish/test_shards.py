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
                                 shards.Shard("henan", "河南省", ("zhengzhou-ordinance",)),
                                 shards.Shard("shandong", "山东省", ("second-ordinance", "test-ordinance"))]


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
    files = shards._all_files(docs) + ["en/test-ordinance/2020-01-01/index.md", "test-ordinance/2020-01-01/x.md"]
    for task in shards.tasks(plan, HOSTED, docs, docs.parent / "unused"):
        patterns = list(task.exclude) + ["/test-ordinance/2020-01-01/", "/en/test-ordinance/2020-01-01/"]
        mkdocs_own = _default_exclude + pathspec.gitignore.GitIgnoreSpec.from_lines(patterns)
        ours = _default_exclude + shards.Exclusion(patterns)
        assert [ours.match_file(f) for f in files] == [mkdocs_own.match_file(f) for f in files], task.shard
        assert any(ours.match_file(f) for f in files) and not all(ours.match_file(f) for f in files)



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
