"""What a publish does not redo: the Pagefind index of a site assembled from the same
shards, part by part (Pagefind is replaced by a counting stand-in; the real one:
test_search_parts.py, test_reliability.py). An unchanged offline bundle is not built again either: test_bundles.py."""

import json
from pathlib import Path

import pytest

from lawsite.publish import pagefind, publish, shards


@pytest.fixture
def indexing(monkeypatch):
    """Pagefind replaced by a stand-in that counts the parts it indexes."""
    runs = []

    def index_part(source, output, glob=pagefind.GLOB, part=None):
        runs.append(Path(source).name)
        Path(output).mkdir(parents=True)
        meta = pagefind._write(Path(output), "pagefind.zh-cn", ".pf_meta", ["1.5.2", [], [], [], [], []])
        (Path(output) / "pagefind-entry.json").write_text(
            json.dumps({"languages": {"zh-cn": {"hash": meta.removeprefix("pagefind."), "page_count": 1}}}))
        return {"pages": 1, "cpu_seconds": 0.0}
    monkeypatch.setattr(pagefind, "index_part", index_part)
    return runs


def test_the_search_index_of_the_same_shards_is_the_published_ones(tmp_path, indexing):
    """Each shard's part is made again only when the shard's stamp changed (the real
    Pagefind: test_search_parts.py)."""
    site = tmp_path / "site"
    cache = shards.cache_of(site)
    for name in ("hub", "shandong", "henan"):
        (cache / name / "x" / "article-1").mkdir(parents=True)
        (cache / name / "x" / "article-1" / "index.html").write_text("<html></html>")
    (cache / "shandong.sha256").write_text("1")
    (cache / "henan.sha256").write_text("1")
    plan = [shards.Shard("hub", "", ()), shards.Shard("henan", "河南省", ("z",)),
            shards.Shard("shandong", "山东省", ("x",))]
    first, second, third = (tmp_path / name / "site" for name in ("v1", "v2", "v3"))
    assert publish._search_index(first, site, plan)["indexed"] == 2
    assert publish._search_index(second, site, plan)["reused"] == 2
    (cache / "shandong.sha256").write_text("2")                    # a shard built again
    assert publish._search_index(third, site, plan)["indexed"] == 1
    assert indexing == ["henan", "shandong", "shandong"]            # (the hub has no articles: no part)
    assert json.loads((third / "pagefind" / "parts.json").read_text())["languages"] == {"zh-cn": ["henan", "shandong"]}


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
    search = next(f for f in second if f.get("stage") == "pagefind")
    assert (search["indexed"], search["reused"]) == (0, 2) and sorted(indexing) == ["henan", "shandong"]
