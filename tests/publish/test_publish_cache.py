"""What a publish does not redo: the Pagefind index of a site assembled from the same
shards (Pagefind is replaced by a counting stand-in; the real one: test_reliability.py,
test_shards.py). An unchanged offline bundle is not built again either: test_bundles.py."""

from pathlib import Path

import pytest

from lawsite.publish import pagefind, publish, shards


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


def test_a_publish_plans_once_and_a_second_one_rebuilds_and_reindexes_nothing(tmp_path, indexing, monkeypatch):
    """The shards' plan is read from docs/ once per publish and passed down (to the hosted
    shards and to the offline bundles); a publish with nothing changed builds no shard and
    no bundle, and reuses the search index (the bundles' builds are not hosted shards: they
    have no stamp among the shards')."""
    from lawsite.publish import bundles

    from ..conftest import project
    from .test_shards import generate, two_jurisdictions

    sources = two_jurisdictions(tmp_path)
    docs = generate(sources, tmp_path / "docs")
    plans = []
    planning = shards.plan

    def plan(*args, **kwargs):
        plans.append(args)
        return planning(*args, **kwargs)

    monkeypatch.setattr(shards, "plan", plan)
    monkeypatch.setattr(bundles.shards, "plan", plan)
    place = project(sources, tmp_path / "no-translations", docs=docs, site=tmp_path / "site", dist=tmp_path / "dist")
    first = publish.publish(place, check_urls=False, workers=2)
    assert len(plans) == 1
    assert {f["shard"] for f in first if f.get("built")} >= {"hub", "henan", "shandong"}
    second = publish.publish(place, check_urls=False, workers=2)
    assert len(plans) == 2
    assert [f["shard"] for f in second if f.get("built")] == []
    assert {"stage": "pagefind", "reused": True} in second and len(indexing) == 1
