"""The offline bundles: one per jurisdiction, planned from the shards; what each holds;
links to the pages a bundle leaves out going to the hosted site; the download page
listing each with its size; reproducible zips; the complete bundle of a corpus of one
jurisdiction."""

import json
import zipfile
from pathlib import Path

import pytest

from lawsite.publish import bundles, linkcheck, shards
from lawsite.site import downloads

from ..conftest import OFFLINE, ROOT, run_child, workspace

SITE_URL = "https://lawsite.example.org/"
JINAN, YANTAI = "jinan-digital-economy", "yantai-digital-economy"


def names(zip_path: Path) -> set[str]:
    with zipfile.ZipFile(zip_path) as archive:
        return set(archive.namelist())


def unpacked(zip_path: Path, into: Path) -> Path:
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(into)
    return into / zip_path.stem


def test_the_plan_is_one_bundle_per_jurisdiction(two_published):
    plan = bundles.plan(two_published["docs"])
    assert [(b.file, b.slugs, b.whole) for b in plan] == [
        ("lawsite-offline-hebei.zip", (YANTAI,), False),
        ("lawsite-offline-shandong.zip", (JINAN,), False)]
    # the shards' plan, not a second one
    assert [b.shard for b in plan] == [s.name for s in shards.plan(two_published["docs"]) if not s.hub]
    assert sorted(p.name for p in two_published["dist"].iterdir()) == \
        ["lawsite-offline-hebei.zip", "lawsite-offline-shandong.zip", "lawsite-offline.zip"]   # not complete


def test_the_complete_bundles_address_lists_the_jurisdictions_bundles(two_published, tmp_path):
    """With two jurisdictions the complete bundle is not made, and its published URL,
    /downloads/lawsite-offline.zip, still answers: a small zip whose README and
    index.html give each jurisdiction's bundle at its hosted address."""
    site, dist = two_published["site"], two_published["dist"]
    index = dist / "lawsite-offline.zip"
    assert (site / "downloads" / "lawsite-offline.zip").read_bytes() == index.read_bytes()
    assert names(index) == {"lawsite-offline/README.txt", "lawsite-offline/index.html"}
    assert index.stat().st_size < 4000
    folder = unpacked(index, tmp_path)
    readme = (folder / "README.txt").read_text(encoding="utf-8")
    page = (folder / "index.html").read_text(encoding="utf-8")
    for title, name in (("河北省", "hebei"), ("山东省", "shandong")):
        url = f"{SITE_URL}downloads/lawsite-offline-{name}.zip"
        assert f"{title} · lawsite-offline-{name}.zip\n    {url}" in readme
        assert f'<li><a href="{url}">{title} · lawsite-offline-{name}.zip</a></li>' in page
        assert (site / "downloads" / f"lawsite-offline-{name}.zip").exists()
    assert linkcheck.check(folder).broken == []
    again = bundles.write_index(bundles.plan(two_published["docs"]), tmp_path / "again.zip", SITE_URL, ROOT)
    assert again.read_bytes() == index.read_bytes()                          # reproducible


def test_a_bundle_ships_its_search_index_once(two_published, tmp_path):
    """Each tree's lunr index is in the zip as the script alone (search_index.js), which
    the patched bundle reads from file:// and over http alike."""
    for file in ("lawsite-offline-hebei.zip", "lawsite-offline-shandong.zip"):
        held = names(two_published["dist"] / file)
        folder = file.removesuffix(".zip")
        assert {f"{folder}/search/search_index.js", f"{folder}/en/search/search_index.js"} <= held
        assert not [name for name in held if name.endswith("search_index.json")]
    scripts = unpacked(two_published["dist"] / "lawsite-offline-hebei.zip", tmp_path) / "assets" / "javascripts"
    bundle, = scripts.glob("bundle.*.min.js")
    code = bundle.read_text(encoding="utf-8")
    assert '(location.protocol==="file:"||"lawsite:script")?' in code


def test_a_bundles_readme_reads_only_its_own_records(two_published, tmp_path):
    """The README is made from the bundle's own records of data/corpus.json, read a line
    at a time: another ordinance's record is not even decoded."""
    docs = two_published["docs"]
    hebei, = [b for b in bundles.plan(docs) if b.shard == "hebei"]
    corpus = (docs / "data" / "corpus.json").read_text(encoding="utf-8")
    start = corpus.index(f'  {{\n   "slug": "{JINAN}"')
    broken = tmp_path / "docs" / "data" / "corpus.json"
    broken.parent.mkdir(parents=True)
    broken.write_text(corpus[:start] + '  {\n   "slug": "' + JINAN + '",\n   "title": [not json\n  },\n'
                      + corpus[corpus.index("\n  }", start) + 5:], encoding="utf-8")
    built = tmp_path / "built"
    (built / "x").mkdir(parents=True)
    bundles.pack(hebei, built, tmp_path / "hebei.zip", tmp_path / "docs", ROOT)
    with zipfile.ZipFile(tmp_path / "hebei.zip") as archive:
        readme = archive.read("lawsite-offline-hebei/README.txt").decode("utf-8")
    assert "1 部法规，共 " in readme and "烟台" in readme and "济南" not in readme


@pytest.mark.parametrize(("bundle", "own", "other"), [("shandong", JINAN, YANTAI), ("hebei", YANTAI, JINAN)])
def test_a_bundle_holds_its_jurisdiction_and_the_pages_its_reader_needs(two_published, bundle, own, other):
    held = names(two_published["dist"] / f"lawsite-offline-{bundle}.zip")
    folder = f"lawsite-offline-{bundle}/"
    assert all(name.startswith(folder) for name in held)
    held = {name.removeprefix(folder) for name in held}
    assert {f"{own}/index.html", f"{own}/article-1.html", f"{own}/full-text.html", f"en/{own}/index.html",
            "index.html", "en/index.html", "about.html", "data.html", "downloads/index.html",
            f"downloads/{own}.txt", f"data/citations/{own}.js", "data/citations.js",
            "search/search_index.js", "assets/javascripts/iframe-worker-shim.js", "README.txt"} <= held
    assert not any(name.startswith((f"{other}/", f"en/{other}/", "departments/", "compare/", "en/departments/"))
                   for name in held)
    assert f"downloads/{other}.txt" not in held and f"data/citations/{other}.js" not in held
    assert "data/corpus.json" not in held and "404.html" not in held and "sitemap.xml" not in held
    with zipfile.ZipFile(two_published["dist"] / f"lawsite-offline-{bundle}.zip") as archive:
        readme = archive.read(f"{folder}README.txt").decode("utf-8")
        index = archive.read(f"{folder}search/search_index.js").decode("utf-8")
    assert "1 部法规，共" in readme and ("《济南市数字经济促进条例》" in readme) == (own == JINAN)
    assert "标有 ↗" in readme
    # search finds only the bundle's own pages
    locations = {doc["location"].split("#")[0] for doc in json.loads(index[index.index("{"):].rstrip().rstrip(";"))["docs"]}
    assert f"{own}/article-1.html" in locations and not any(other in location for location in locations)


def test_a_link_to_a_page_the_bundle_leaves_out_goes_to_the_hosted_site(two_published, tmp_path):
    shandong = unpacked(two_published["dist"] / "lawsite-offline-shandong.zip", tmp_path)
    article = (shandong / JINAN / "article-38.html").read_text(encoding="utf-8")
    # the parallel provision of the other jurisdiction: its hosted address, marked as online
    assert (f'<a href="{SITE_URL}{YANTAI}/article-28/" rel="external" data-online '
            f'title="{SITE_URL}{YANTAI}/article-28/">') in article
    assert f'href="../{YANTAI}/' not in article and 'href="../departments/' not in article
    assert f'href="{SITE_URL}departments/' in article                  # the department chips
    assert 'href="article-37.html"' in article                          # its own pages stay relative
    home = (shandong / "index.html").read_text(encoding="utf-8")
    assert f'href="{SITE_URL}{YANTAI}/"' in home and f'href="{JINAN}/index.html"' in home
    downloads_page = (shandong / "downloads" / "index.html").read_text(encoding="utf-8")
    assert f'href="{SITE_URL}downloads/{YANTAI}.txt"' in downloads_page
    assert f'href="{SITE_URL}data/corpus.json"' in downloads_page


@pytest.mark.parametrize("bundle", ["shandong", "hebei"])
def test_no_broken_link_or_anchor_in_a_bundle(two_published, tmp_path, bundle):
    folder = unpacked(two_published["dist"] / f"lawsite-offline-{bundle}.zip", tmp_path)
    report = linkcheck.check(folder)
    assert report.broken == []
    assert report.pages > 70 and report.links > 4000 and report.anchors > 400


def test_the_download_page_lists_each_bundle_with_its_size(two_published):
    site, dist = two_published["site"], two_published["dist"]
    for page, place in (("downloads/index.html", "山东省"), ("en/downloads/index.html", "Shandong")):
        html = (site / page).read_text(encoding="utf-8")
        for name in ("hebei", "shandong"):
            file = f"lawsite-offline-{name}.zip"
            size = downloads.size((dist / file).stat().st_size)
            assert f'<a class="ls-download" href="{SITE_URL}downloads/{file}" data-bundle download>{file}</a>' in html
            assert f'<span class="ls-size" data-bundle-size="{file}">{size}</span>' in html
        assert place in html and "lawsite-offline.zip" not in html
    for file in ("lawsite-offline-hebei.zip", "lawsite-offline-shandong.zip"):
        assert (site / "downloads" / file).read_bytes() == (dist / file).read_bytes()
    assert linkcheck.check(site, SITE_URL).broken == []


def test_a_bundle_is_reproducible(two_published, tmp_path):
    """Built again from the same docs/, and packed: the same bytes."""
    docs = two_published["docs"]
    plan = bundles.plan(docs)
    task, = [t for t in bundles.tasks(plan, shards.plan(docs), OFFLINE, docs, tmp_path / "cache")
             if t.shard == "lawsite-offline-hebei"]
    shards.build_shard(task)
    again = bundles.pack(plan[0], Path(task.site_dir), tmp_path / "again.zip", docs, ROOT)
    assert again.read_bytes() == (two_published["dist"] / "lawsite-offline-hebei.zip").read_bytes()


def test_the_size_of_a_bundle_missing_from_the_page_stops_the_publish(tmp_path):
    (tmp_path / "downloads").mkdir()
    (tmp_path / "downloads" / "index.html").write_text(bundles.size_slot("lawsite-offline-a.zip"), encoding="utf-8")
    with pytest.raises(shards.AssemblyError, match="lawsite-offline-b.zip is not listed"):
        bundles.fill_sizes(tmp_path, {"lawsite-offline-a.zip": 10, "lawsite-offline-b.zip": 20})


def test_one_jurisdiction_makes_the_complete_bundle_too(tmp_path):
    """The launch corpus' case: the complete lawsite-offline.zip, and the one
    jurisdiction's bundle, the same build packed once: one zip under both names."""
    places = workspace(tmp_path)
    result = run_child("site", places)
    assert result.returncode == 0, result.stderr
    dist = places["--dist"]
    assert sorted(p.name for p in dist.iterdir()) == ["lawsite-offline-shandong.zip", "lawsite-offline.zip"]
    # one build, packed once: the jurisdiction's zip is the complete one (one file, two names)
    assert (dist / "lawsite-offline-shandong.zip").samefile(dist / "lawsite-offline.zip")
    complete = names(dist / "lawsite-offline.zip")
    assert "lawsite-offline/departments/index.html" in complete
    assert "lawsite-offline/data/corpus.json" in complete
    site = places["--site"]
    for file in ("lawsite-offline.zip", "lawsite-offline-shandong.zip"):
        assert (site / "downloads" / file).exists()
        size = downloads.size((dist / file).stat().st_size)
        assert f'data-bundle-size="{file}">{size}</span>' in \
            (site / "downloads" / "index.html").read_text(encoding="utf-8")
    assert len(json.loads((tmp_path / "docs" / "data" / "corpus.json").read_text(encoding="utf-8"))
               ["ordinances"]) == 1
