"""The hosted site's search index (Pagefind, lawsite/publish/pagefind.py): the articles
alone, one index per language, each article under its label and ordinance, with its
filters and the label forms people type; no lunr index beside it."""

import json
import shutil
import zipfile
from pathlib import Path

import material

from lawsite.mkdocs.pagefind import ignore_excluded

from ..conftest import ROOT, pagefind_pages

MATERIAL_SEARCH = Path(material.__file__).parent / "templates" / "partials" / "search.html"


def test_the_hosted_site_has_pagefind_and_no_lunr_index(site_dir):
    assert not (site_dir / "search").exists()
    # a site of one MkDocs build is one part (the published one: a part per shard, test_search_parts.py)
    assert json.loads((site_dir / "pagefind" / "parts.json").read_text(encoding="utf-8"))["languages"] == \
        {"en": ["site"], "zh-cn": ["site"]}
    entry = json.loads((site_dir / "pagefind" / "site" / "pagefind-entry.json").read_text(encoding="utf-8"))
    articles = len(list(site_dir.glob("*/article-*/index.html")))
    assert {code: language["page_count"] for code, language in entry["languages"].items()} == \
        {"zh-cn": articles, "en": articles}                  # one index per language, articles only
    assert not list((site_dir / "pagefind").rglob("pagefind-ui.*"))        # the box is the site's own


def test_the_offline_bundle_keeps_lunr(bundle):
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
    assert "lawsite-offline/search/search_index.js" in names
    assert not any("/pagefind/" in name for name in names)


def test_an_article_is_indexed_under_its_label_and_ordinance(site_dir):
    pages = pagefind_pages(site_dir)
    record = pages["/yantai-digital-economy/article-28/"]
    assert record["meta"]["title"] == "第二十八条 · 烟台市数字经济促进条例"
    assert record["filters"] == {"jurisdiction": ["烟台市"], "ordinance": ["烟台市数字经济促进条例"]}
    words = record["content"].replace("\u200b", "")
    for form in ("第二十八条", "第28条", "28条", "第２８条", "２８条", "烟台"):
        assert form in words
    assert "数据交易平台运营者" in words                             # the article's text
    assert {"art_28__para_1", "art_28__para_3"} <= {a["id"] for a in record["anchors"]}
    english = pages["/en/yantai-digital-economy/article-28/"]
    assert english["meta"]["title"] == "Article 28 · Regulations of Yantai Municipality on Promoting the Digital Economy"
    assert english["filters"]["jurisdiction"] == ["Yantai"]


def test_navigation_chips_and_similarity_lists_are_not_indexed(site_dir):
    pages = pagefind_pages(site_dir)
    assert all("/article-" in url for url in pages)              # no home, chapter, full text, department
    words = pages["/yantai-digital-economy/article-28/"]["content"].replace("\u200b", "")
    assert "¶" not in words                                          # pilcrows
    assert "相似" not in words and "相关条款" not in words          # the similarity list
    assert "›" not in words                                          # the breadcrumbs


def test_excluded_elements_are_marked_in_tags_only():
    page = '<nav data-search-exclude="">a</nav><p>注意 data-search-exclude 不变</p>'
    assert ignore_excluded(page) == '<nav data-pagefind-ignore>a</nav><p>注意 data-search-exclude 不变</p>'


def test_the_search_box_is_materials_own(site_dir):
    """overrides/partials/search.html is Material's, but for the two names that keep
    Material's lunr search from starting on the hosted site."""
    ours = (ROOT / "overrides" / "partials" / "search.html").read_text(encoding="utf-8")
    body = ours[ours.index('<div class="md-search"'):]
    theirs = MATERIAL_SEARCH.read_text(encoding="utf-8")
    theirs = theirs[theirs.index('<div class="md-search"'):]
    assert body.replace('"{{ component }}"', '"search"') == theirs
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    assert 'data-md-component="lawsite-search"' in html and 'name="lawsite-search"' in html
    assert "lawsite-search.js" in html


def test_pagefind_reads_only_the_article_pages_and_gives_the_same_index(site_dir, tmp_path):
    """pagefind.GLOB names every page that carries a data-pagefind-body (so Pagefind
    need not read the rest of the site: the comparison pages, the redirect stubs), and
    indexing what it names gives the index of the whole site, byte for byte."""
    from lawsite.publish import pagefind
    bodies = {path.relative_to(site_dir) for path in site_dir.rglob("*.html")
              if "data-pagefind-body" in path.read_text(encoding="utf-8")}
    named = set(p.relative_to(site_dir) for p in site_dir.glob(pagefind.GLOB))
    assert bodies and bodies <= named
    assert len(named) < len(list(site_dir.rglob("*.html"))) / 2       # most of the site is not read
    site = tmp_path / "site"
    shutil.copytree(site_dir, site, ignore=shutil.ignore_patterns("pagefind"))
    whole = pagefind.index(site, glob="**/*.{html}")["pages"]
    shutil.copytree(site / "pagefind", tmp_path / "whole")
    assert pagefind.index(site)["pages"] == whole == len(bodies)
    assert _tree(site / "pagefind") == _tree(tmp_path / "whole")


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
