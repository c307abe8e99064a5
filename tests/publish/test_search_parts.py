"""The published site's search index in parts (lawsite/publish/pagefind.py): one Pagefind
index per part — on the published site a jurisdiction, over its shards' outputs alone
(`parts_of`) —, kept with their input hashes, so that an edit re-indexes the parts it
rebuilt and leaves the other parts' files as they were; the manifest lists the parts of each language. Real Pagefind, on small pages (the
browser's merge of the parts: tests/e2e/test_search_parts.py)."""

import gzip
import json
from pathlib import Path

from lawsite.publish import pagefind
from lawsite.publish.shardplan import Shard


def page(shard: Path, slug: str, number: int, text: str, lang: str = "zh-CN") -> None:
    """An article page as the hosted site writes one, with its body and a filter."""
    prefix = "" if lang == "zh-CN" else "en/"
    path = shard / f"{prefix}{slug}/article-{number}/index.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'<!doctype html><html lang="{lang}"><head><title>{slug} {number}</title></head><body>'
                    f'<nav>导航 navigation</nav><main><div data-pagefind-body>'
                    f'<span data-pagefind-filter="ordinance" hidden>{slug}</span><p>{text}</p>'
                    f'</div></main></body></html>', encoding="utf-8")


def fragments(part: Path) -> dict[str, str]:
    """Each page's URL in a part's index, with its content."""
    found = {}
    for path in sorted((part / "fragment").glob("*.pf_fragment")):
        record = json.loads(gzip.decompress(path.read_bytes())[len(pagefind.HEADER):])
        found[record["url"]] = record["content"].replace("\u200b", "")       # (words joined by U+200B)
    return found


def files(root: Path) -> dict[str, tuple[int, int, bytes]]:
    """Each file under `root`: its inode, its time and its bytes."""
    return {p.relative_to(root).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns, p.read_bytes())
            for p in sorted(root.rglob("*")) if p.is_file()}


def shards(tmp_path: Path) -> dict[str, Path]:
    outputs = {name: tmp_path / "shards" / name for name in ("beijing", "shandong-1", "shandong-2")}
    page(outputs["beijing"], "beijing-water", 1, "北京市的节约用水办法")
    page(outputs["beijing"], "beijing-water", 2, "违反本条例的，由水务部门责令改正")
    page(outputs["shandong-1"], "jinan-data", 1, "济南市数据交易平台")
    page(outputs["shandong-1"], "jinan-data", 1, "Data trading in Jinan", lang="en")
    page(outputs["shandong-2"], "yantai-data", 1, "烟台市数据交易")
    (outputs["shandong-2"] / "index.html").write_text("<html><body>不是条文</body></html>", encoding="utf-8")
    outputs["hub"] = tmp_path / "shards" / "hub"                  # no article page: no part
    outputs["hub"].mkdir()
    (outputs["hub"] / "index.html").write_text("<html lang='zh-CN'><body>首页</body></html>", encoding="utf-8")
    return outputs


def test_each_shard_is_a_part_of_its_own_pages_listed_by_language(tmp_path):
    outputs = shards(tmp_path)
    site = tmp_path / "site"
    figures = pagefind.index_shards(site, {name: (path, f"{name}-1") for name, path in outputs.items()},
                                    tmp_path / "cache", workers=2)
    assert figures["parts"] == 3 and figures["indexed"] == 3 and figures["pages"] == 5
    assert all(part["cpu_seconds"] > 0 and part["pages"] > 0 for part in figures["per_part"])
    assert sorted(p.name for p in (site / "pagefind").iterdir()) == ["beijing", "parts.json", "shandong-1",
                                                                     "shandong-2"]
    # the part with most pages of a language first (the one whose Pagefind the browser loads)
    assert json.loads((site / "pagefind" / "parts.json").read_text(encoding="utf-8")) == {
        "languages": {"en": ["shandong-1"], "zh-cn": ["beijing", "shandong-1", "shandong-2"]},
        # each filter's values over all parts: the search box lists them without Pagefind's filter files
        "filters": {"en": {"ordinance": ["jinan-data"]},
                    "zh-cn": {"ordinance": ["beijing-water", "jinan-data", "yantai-data"]}}}
    assert set(fragments(site / "pagefind" / "beijing")) == {"/beijing-water/article-1/", "/beijing-water/article-2/"}
    assert set(fragments(site / "pagefind" / "shandong-1")) == {"/jinan-data/article-1/", "/en/jinan-data/article-1/"}
    assert "不是条文" not in json.dumps(fragments(site / "pagefind" / "shandong-2"), ensure_ascii=False)
    # each page named after its part and its number (short, and unique across the merged parts)
    assert sorted(p.name for p in (site / "pagefind").glob("*/fragment/*")) == [
        "en_shandong-1.0.pf_fragment", "zh-cn_beijing.0.pf_fragment", "zh-cn_beijing.1.pf_fragment",
        "zh-cn_shandong-1.0.pf_fragment", "zh-cn_shandong-2.0.pf_fragment"]
    for part in ("beijing", "shandong-1", "shandong-2"):          # each a whole index: the browser merges them
        assert (site / "pagefind" / part / "pagefind.js").is_file()
        assert (site / "pagefind" / part / "pagefind-entry.json").is_file()
        assert not list((site / "pagefind" / part).glob("pagefind-ui.*"))


def test_an_edit_reindexes_only_its_shards_part(tmp_path):
    outputs = shards(tmp_path)
    cache = tmp_path / "cache"
    stamps = {name: f"{name}-1" for name in outputs}
    first = pagefind.index_shards(tmp_path / "v1", {n: (p, stamps[n]) for n, p in outputs.items()}, cache)
    assert first["indexed"] == 3
    before = {part: files(cache / part) for part in ("beijing", "shandong-1", "shandong-2")}
    published = files(tmp_path / "v1" / "pagefind")
    del published["parts.json"]                                     # (written with each version)

    again = pagefind.index_shards(tmp_path / "v2", {n: (p, stamps[n]) for n, p in outputs.items()}, cache)
    assert (again["indexed"], again["reused"]) == (0, 3)
    assert {name: found for name, found in files(tmp_path / "v2" / "pagefind").items()
            if name != "parts.json"} == published                    # the same files, linked from the cache

    page(outputs["shandong-2"], "yantai-data", 1, "烟台市数据交易场所的监督管理")       # the shard rebuilt
    stamps["shandong-2"] = "shandong-2-2"
    edited = pagefind.index_shards(tmp_path / "v3", {n: (p, stamps[n]) for n, p in outputs.items()}, cache)
    assert (edited["indexed"], edited["reused"]) == (1, 2)
    assert [part["part"] for part in edited["per_part"]] == ["shandong-2"]
    assert files(cache / "beijing") == before["beijing"]             # untouched: the same inodes, times, bytes
    assert files(cache / "shandong-1") == before["shandong-1"]
    assert files(cache / "shandong-2") != before["shandong-2"]
    assert "监督管理" in fragments(tmp_path / "v3" / "pagefind" / "shandong-2")["/yantai-data/article-1/"]
    assert "监督管理" not in json.dumps([fragments(tmp_path / "v1" / "pagefind" / "shandong-2")], ensure_ascii=False)

    # the same pages under a new stamp: indexed again, into the same bytes (pagefind.normalize)
    stamps["beijing"] = "beijing-2"
    pagefind.index_shards(tmp_path / "v4", {n: (p, stamps[n]) for n, p in outputs.items()}, cache)
    assert {name: data for name, (_, _, data) in files(cache / "beijing").items()} == \
        {name: data for name, (_, _, data) in before["beijing"].items()}
    assert files(cache / "beijing") != before["beijing"]             # (written again)


def test_a_part_without_a_stamp_is_indexed_each_time_and_a_gone_shard_leaves_the_cache(tmp_path):
    outputs = shards(tmp_path)
    cache = tmp_path / "cache"
    pagefind.index_shards(tmp_path / "v1", {n: (p, "1") for n, p in outputs.items()}, cache)
    del outputs["shandong-2"]
    parts = {n: (p, None if n == "beijing" else "1") for n, p in outputs.items()}
    figures = pagefind.index_shards(tmp_path / "v2", parts, cache)
    assert [part["part"] for part in figures["per_part"]] == ["beijing"]
    assert sorted(p.name for p in cache.iterdir()) == ["beijing", "shandong-1", "shandong-1.sha256"]
    assert json.loads((tmp_path / "v2" / "pagefind" / "parts.json").read_text(encoding="utf-8"))["languages"] == \
        {"en": ["shandong-1"], "zh-cn": ["beijing", "shandong-1"]}


def test_a_jurisdictions_shards_are_one_part_re_indexed_when_one_of_them_changes(tmp_path):
    """The parts of the published site: one per jurisdiction (its shards' pages together),
    not one per shard (each part costs a browser some 43 KB more for its first query)."""
    outputs = shards(tmp_path)
    plan = [Shard("hub", "", ()), Shard("beijing", "北京市", ("beijing-water",), jurisdiction="beijing"),
            Shard("shandong-1", "山东省", ("jinan-data",), jurisdiction="shandong"),
            Shard("shandong-2", "山东省", ("yantai-data",), jurisdiction="shandong")]
    for name in ("beijing", "shandong-1", "shandong-2"):
        (tmp_path / "shards" / f"{name}.sha256").write_text(f"{name}-1")
    parts = pagefind.parts_of(plan, tmp_path / "shards")
    assert {name: [p.name for p in sources] for name, (sources, _) in parts.items()} == {
        "beijing": ["beijing"], "shandong": ["shandong-1", "shandong-2"]}
    cache = tmp_path / "cache"
    first = pagefind.index_shards(tmp_path / "v1", parts, cache)
    assert (first["parts"], first["pages"]) == (2, 5)
    assert set(fragments(tmp_path / "v1" / "pagefind" / "shandong")) == {
        "/jinan-data/article-1/", "/en/jinan-data/article-1/", "/yantai-data/article-1/"}
    assert not list(cache.glob("*.pages"))                          # the gathered pages are let go
    before = files(cache / "beijing")

    page(outputs["shandong-2"], "yantai-data", 1, "烟台市数据交易场所的监督管理")       # one of its shards rebuilt
    (tmp_path / "shards" / "shandong-2.sha256").write_text("shandong-2-2")
    edited = pagefind.index_shards(tmp_path / "v2", pagefind.parts_of(plan, tmp_path / "shards"), cache)
    assert [part["part"] for part in edited["per_part"]] == ["shandong"]
    assert files(cache / "beijing") == before
    assert "监督管理" in fragments(tmp_path / "v2" / "pagefind" / "shandong")["/yantai-data/article-1/"]

    (tmp_path / "shards" / "shandong-1.sha256").unlink()             # a shard without a stamp: its part each time
    assert pagefind.parts_of(plan, tmp_path / "shards")["shandong"][1] is None
