"""Hostile markup in every curated field (tests/hostile_corpus.py) reaches the pages,
the search index, the head metadata and the offline bundle as text, never as
markup: read here with Python's HTML parser, without a browser (the browser test
is tests/e2e/test_hostile_search.py)."""

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from lawsite.mkdocs import search, tooltips

from .hostile_corpus import ORDINANCES, SLUG

ACTIVE = ("img", "iframe", "object", "embed", "frame", "base")       # Material has none


class Elements(HTMLParser):
    """The elements of a page: (tag, attributes), and each <script>'s type and text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements, self.scripts, self.title = [], [], ""
        self._in = None

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag in ("script", "title"):
            self._in = (tag, dict(attrs).get("type", ""), [])

    def handle_data(self, data):
        if self._in:
            self._in[2].append(data)

    def handle_endtag(self, tag):
        if self._in and tag == self._in[0]:
            if tag == "script":
                self.scripts.append((self._in[1], "".join(self._in[2])))
            else:
                self.title = "".join(self._in[2])
            self._in = None


def parsed(path: Path) -> Elements:
    page = Elements()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def trees(hostile_everywhere) -> list[Path]:
    return [hostile_everywhere["site"], hostile_everywhere["offline"]]


def test_every_page_holds_the_hostile_strings_as_text_only(hostile_everywhere):
    checked = 0
    for root in trees(hostile_everywhere):
        for path in sorted(root.rglob("*.html")):
            page = parsed(path)
            for tag, attrs in page.elements:
                assert tag not in ACTIVE, (path, tag, attrs)
                assert not [name for name in attrs if name.startswith("on")], (path, tag, attrs)
                assert tag != "script" or attrs.get("src", "").endswith(".js") or attrs.get("type") \
                    or "src" not in attrs, (path, attrs)
            for kind, text in page.scripts:
                if kind in ("application/json", "application/ld+json"):
                    assert "<" not in text, (path, text[:200])          # data, never markup
                    json.loads(text)
                else:
                    assert "alert(" not in text, (path, text[:200])     # Material's own code only
            checked += 1
    assert checked > 100


def test_the_hostile_text_is_shown_in_titles_and_head(hostile_everywhere):
    """The markup is there, as text: the <title>, the description, the citation_title."""
    meta, _ = ORDINANCES[SLUG]
    page = parsed(hostile_everywhere["site"] / SLUG / "article-2" / "index.html")
    assert page.title.startswith(f"第二条｜{meta['title']}")
    head = {attrs.get("name") or attrs.get("property"): attrs.get("content")
            for tag, attrs in page.elements if tag == "meta"}
    # (the name is the label article_name, whose hostile markup follows it, as text)
    assert head["citation_title"].startswith(f"{meta['title']}第二条")
    assert head["citation_author"] == meta["enacted"]["body"]
    assert head["description"].startswith(f"《{meta['title']}》第二条")
    [ld] = [json.loads(text) for kind, text in page.scripts if kind == "application/ld+json"]
    assert ld["legislationJurisdiction"] == meta["jurisdiction"]["province"] + meta["jurisdiction"]["city"]


def index_of(root: Path) -> dict:
    """The search index of every language tree (lawsite/mkdocs/searchindex.py), as one."""
    docs = []
    for tree in (root, root / "en"):
        path = tree / "search" / "search_index.json"
        if path.exists():
            docs += json.loads(path.read_text(encoding="utf-8"))["docs"]
            continue
        text = (tree / "search" / "search_index.js").read_text(encoding="utf-8")
        docs += json.loads(text[text.index("{"):].rstrip().rstrip(";"))["docs"]
    assert any(d["location"].startswith("en/") for d in docs)
    return {"docs": docs}


def test_the_search_index_holds_text_only(hostile_everywhere):
    """Material's lunr index (the offline bundle; the hosted site's search is Pagefind,
    whose results are set as text: tests/e2e/test_hostile_search.py)."""
    index = index_of(hostile_everywhere["offline"])
    assert search.markup_in_index(index) == []
    strings = [s for doc in index["docs"] for s in [doc["title"], doc["text"], *doc.get("tags", [])]]
    assert not [s for s in strings if "<img" in s or "<script" in s or "<svg" in s]
    # the hostile short titles and department names are indexed, escaped
    tags = {tag for doc in index["docs"] for tag in doc.get("tags", [])}
    meta, _ = ORDINANCES[SLUG]
    assert any(tag.startswith("测试&lt;img src=x onerror=alert(") for tag in tags)
    assert any(tag.startswith("大数据部门&lt;img") for tag in tags)
    assert any(tag.startswith("Big Data Bureau &lt;img") for tag in tags)
    assert any(tag.startswith("Test &lt;img") for tag in tags)


def test_an_index_with_markup_fails_the_build(tmp_path):
    index = tmp_path / "search_index.json"
    index.write_text(json.dumps({"docs": [{"location": "x/", "title": "t", "text": "<p>ok</p>",
                                           "tags": ['<img src=x onerror=alert(1)>']}]}), encoding="utf-8")
    with pytest.raises(ValueError, match="holds markup.*x/: tag"):
        search.reencode_index(index)
    index.write_text(json.dumps({"docs": [{"location": "y/", "title": "<b>t</b>", "text": "<p>ok</p>"}]}),
                     encoding="utf-8")
    with pytest.raises(ValueError, match="y/: title"):
        search.reencode_index(index)
    index.write_text(json.dumps({"docs": [{"location": "z/", "title": "t", "text": "<p>a<img src=x></p>"}]}),
                     encoding="utf-8")
    with pytest.raises(ValueError, match="z/: text"):
        search.reencode_index(index)


def test_the_built_bundle_shows_tooltips_as_text(hostile_everywhere):
    """Material's bundle, as published, inserts a title into its tooltip as text."""
    for root in trees(hostile_everywhere):
        [bundle] = (root / "assets" / "javascripts").glob("bundle.*.min.js")
        source = bundle.read_text(encoding="utf-8")
        assert tooltips.PATCHED.search(source)
        assert not tooltips.TOOLTIP.search(source) and not tooltips.INLINE.search(source)


def test_a_changed_bundle_fails_the_build():
    with pytest.raises(ValueError, match="no longer has what the tooltip patch"):
        tooltips.patch_bundle("function Xe(e){let n=e.title,i=Cn(n,1)}")
