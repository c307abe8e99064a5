"""The build never publishes a broken, partial or irreproducible site."""

import hashlib
import shutil
import subprocess
import sys
import zipfile

import pytest
from mkdocs.exceptions import MkDocsException

import build_corpus
from lawsite.publish import linkcheck, publish

from ..conftest import ROOT, SIMPLE, corpus_args, project

SITE_URL = "https://lawsite.example.org/"


def snapshot(*directories):
    return {(d.name, p.relative_to(d).as_posix()): (hashlib.sha256(p.read_bytes()).hexdigest(),
                                                    p.stat().st_mtime_ns)
            for d in directories for p in sorted(d.rglob("*")) if p.is_file()}


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
    assert not list(root.glob(".build-*"))                 # no half-built leftovers


def test_a_bad_source_stops_before_anything_is_touched(published, sources_tree, capsys):
    root, docs = published
    before = snapshot(root / "site", root / "dist", docs)
    sources_tree.add(SIMPLE.replace("第三条", "第四条"))
    assert build_corpus.main(corpus_args(sources_tree.root, docs)) == 1
    assert "第三条 is missing" in capsys.readouterr().err
    assert snapshot(root / "site", root / "dist", docs) == before


def test_two_builds_in_separate_processes_are_byte_identical(published, tmp_path):
    root, docs = published
    subprocess.run([sys.executable, "-m", "lawsite.publish", "--docs", str(docs),
                    "--site", str(tmp_path / "site"), "--dist", str(tmp_path / "dist")],
                   cwd=ROOT, check=True, capture_output=True)
    first = {k: v[0] for k, v in snapshot(root / "site", root / "dist").items()}
    second = {k: v[0] for k, v in snapshot(tmp_path / "site", tmp_path / "dist").items()}
    assert first == second


def test_no_broken_link_or_anchor_in_the_hosted_site(site_dir):
    report = linkcheck.check(site_dir, SITE_URL)
    assert report.broken == []
    assert report.pages > 700 and report.links > 20_000 and report.anchors > 3_000


def test_no_broken_link_or_anchor_in_the_offline_bundle(bundle, tmp_path):
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(tmp_path)
    report = linkcheck.check(tmp_path / "lawsite-offline")
    assert report.broken == []
    assert report.pages > 450 and report.links > 20_000 and report.anchors > 3_000


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
