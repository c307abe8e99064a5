"""What a publish does not redo: the offline bundle of an unchanged input, and the
Pagefind index of a site assembled from the same shards. The MkDocs build and Pagefind
are replaced by counting stand-ins (the real ones: test_reliability.py, test_shards.py)."""

from pathlib import Path

import pytest

from lawsite.publish import pagefind, publish, shards

from ..conftest import OFFLINE


@pytest.fixture
def builds(monkeypatch):
    made = []

    def build_bundle(zip_path, config_file, docs, work):
        made.append(Path(docs))
        Path(zip_path).write_bytes(b"PK " + (Path(docs) / "a.md").read_bytes())
        return zip_path
    monkeypatch.setattr(publish, "build_bundle", build_bundle)
    return made


def test_the_offline_bundle_is_built_again_only_when_its_input_changed(tmp_path, builds):
    docs, cache = tmp_path / "docs", tmp_path / ".dist.cache"
    docs.mkdir()
    (docs / "a.md").write_text("# 甲\n", encoding="utf-8")
    first, second, third = (tmp_path / name / "lawsite-offline.zip" for name in ("v1", "v2", "v3"))
    assert publish.cached_bundle(first, OFFLINE, docs, tmp_path / "w1", cache) is True
    assert publish.cached_bundle(second, OFFLINE, docs, tmp_path / "w2", cache) is False
    assert second.read_bytes() == first.read_bytes() == "PK # 甲\n".encode()
    (docs / "a.md").write_text("# 乙\n", encoding="utf-8")
    assert publish.cached_bundle(third, OFFLINE, docs, tmp_path / "w3", cache) is True
    assert third.read_bytes() == "PK # 乙\n".encode() and len(builds) == 2


def test_a_new_page_changes_the_bundles_input(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text("# 甲\n", encoding="utf-8")
    before = publish.bundle_input(OFFLINE, docs)
    assert publish.bundle_input(OFFLINE, docs) == before
    (docs / "b.md").write_text("", encoding="utf-8")
    assert publish.bundle_input(OFFLINE, docs) != before


@pytest.fixture
def indexing(monkeypatch):
    runs = []

    def index(site_dir):
        runs.append(Path(site_dir))
        (Path(site_dir) / pagefind.OUTPUT).mkdir(parents=True)
        (Path(site_dir) / pagefind.OUTPUT / "pagefind-entry.json").write_text(f"{len(runs)}")
        return {"pages": 1}
    monkeypatch.setattr(pagefind, "index", index)
    return runs


def test_the_search_index_of_the_same_shards_is_the_published_ones(tmp_path, indexing):
    site = tmp_path / "site"
    cache = shards.cache_of(site)
    cache.mkdir()
    (cache / "hub.sha256").write_text("1")
    (cache / "shandong.sha256").write_text("2")
    figures = [{"shard": "hub"}, {"shard": "shandong"}]
    key = publish._shards_input(site, figures)
    first, second, third = (tmp_path / name for name in ("v1", "v2", "v3"))
    for version in (first, second, third):
        (version / "site").mkdir(parents=True)
    publish._search_index(first, None, key)
    assert publish._search_index(second, first, key) == {"reused": True}
    assert (second / "site" / "pagefind" / "pagefind-entry.json").read_text() == "1"
    (cache / "shandong.sha256").write_text("3")                    # a shard built again
    assert publish._shards_input(site, figures) != key
    publish._search_index(third, second, publish._shards_input(site, figures))
    assert (third / "site" / "pagefind" / "pagefind-entry.json").read_text() == "2"
    assert indexing == [first / "site", third / "site"]


def test_without_a_shards_stamp_the_site_is_indexed(tmp_path):
    site = tmp_path / "site"
    shards.cache_of(site).mkdir()
    assert publish._shards_input(site, [{"shard": "hub"}]) is None
