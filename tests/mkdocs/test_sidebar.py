"""The sidebar's items rendered once for the pages they are the same for
(lawsite/mkdocs/sidebar.py), and Material's strings looked up once
(lawsite/mkdocs/strings.py): the partials are Material's but for that call, and the
site is byte for byte the one Material's macros render for every page."""

import filecmp
import re
from pathlib import Path

import material
import pytest

from lawsite.mkdocs import sidebar, strings
from lawsite.publish import publish

from ..conftest import HOSTED, OFFLINE, ROOT

MATERIAL = Path(material.__file__).parent / "templates" / "partials"
# our call of each partial, and Material's
CALLS = {"nav.html": ("{{ lawsite_sidebar(item.render, nav_item, path, 1, page=page) }}",
                      "{{ item.render(nav_item, path, 1) }}"),
         "nav-item.html": ('{{ lawsite_sidebar(render, item, path ~ "_" ~ loop.index, level + 1, nav_item, page=page) }}',
                           '{{ render(item, path ~ "_" ~ loop.index, level + 1, nav_item) }}')}


@pytest.mark.parametrize("name", sorted(CALLS))
def test_the_partials_are_materials_own_but_for_the_sidebar_call(name):
    ours = (ROOT / "overrides" / "partials" / name).read_text(encoding="utf-8")
    comment, _, rest = ours.partition("-#}\n")
    assert comment.startswith("{#- Material's partials/" + name)
    call, materials = CALLS[name]
    assert rest.count(call) == 1
    assert rest.replace(call, materials) == (MATERIAL / name).read_text(encoding="utf-8")


def counting(monkeypatch, cached: bool) -> dict:
    """Sidebar.item, cached or rendering every item again (Material's own way), with
    the number of items asked for and of items rendered."""
    counts = {"asked": 0, "rendered": 0}
    original = sidebar.Sidebar.item

    def item(self, render, *args, **kwargs):
        counts["asked"] += 1

        def counted(*inner):
            counts["rendered"] += 1
            return render(*inner)
        if cached:
            return original(self, counted, *args, **kwargs)
        kwargs.pop("page")
        return counted(*args)
    monkeypatch.setattr(sidebar.Sidebar, "item", item)
    if not cached:                    # Material's strings looked up on every call too
        monkeypatch.setattr(strings.Strings, "__call__", lambda self, code, key, t, fallback: t(key) or fallback(key) or key)
    return counts


def same_trees(left: Path, right: Path) -> list[str]:
    """The files that differ between two trees, or that one of them lacks."""
    names = {p.relative_to(left).as_posix() for p in left.rglob("*") if p.is_file()}
    others = {p.relative_to(right).as_posix() for p in right.rglob("*") if p.is_file()}
    return sorted((names ^ others) | {name for name in names & others
                                      if not filecmp.cmp(left / name, right / name, shallow=False)})


@pytest.mark.parametrize("config", [HOSTED, OFFLINE], ids=["hosted", "offline"])
def test_the_site_is_byte_for_byte_the_one_materials_macro_renders(built, tmp_path, monkeypatch, config):
    """Every page of the real corpus (both trees, pretty URLs and `.html` ones), built with
    the kept items and again with every item rendered by Material's macro: the same
    bytes, and most items not rendered again."""
    docs, _ = built
    with monkeypatch.context() as patch:
        plain = counting(patch, cached=False)
        publish.build_site(tmp_path / "plain", config, docs_dir=docs)
    kept = counting(monkeypatch, cached=True)
    publish.build_site(tmp_path / "kept", config, docs_dir=docs)
    assert same_trees(tmp_path / "plain", tmp_path / "kept") == []
    assert kept["asked"] == plain["asked"] == plain["rendered"] > 1000
    assert kept["rendered"] < plain["rendered"] / 3
    page = (tmp_path / "kept" / "jinan-digital-economy" / "article-2" / "index.html") if config == HOSTED else \
        (tmp_path / "kept" / "jinan-digital-economy" / "article-2.html")
    assert re.search(r'<a href="(\./|article-2\.html)" class="md-nav__link md-nav__link--active"',
                     page.read_text(encoding="utf-8"))


class Page:
    def __init__(self, url):
        self.url = url


URLS = ["", "a/", "a/article-1/", "a/article-2/", "a/chapter-1/", "b/", "b/article-1/", "en/", "en/a/",
        "en/a/article-1/", "x/y/a/", "a/article-10/", "index.html", "a/article-1.html", "a/index.html",
        "b/article-1.html", "https://example.org/a/", "#top", "../a/"]


def test_a_kept_item_is_what_the_macro_renders_on_every_page():
    """Items of every pair and triple of links, on a page at each of the URLs, asked in
    two orders: each answer is what a macro making each link relative to the page (as
    Material's `url` filter does) gives there."""
    import itertools

    from mkdocs.structure.nav import Link, Section
    from mkdocs.utils import normalize_url
    items = [Section("s", [Link(str(n), url) for n, url in enumerate(links)])
             for size in (1, 2, 3) for links in itertools.combinations(URLS, size)]
    for order in (URLS, URLS[::-1]):
        cache, renders = sidebar.Sidebar(), 0
        for url in order:
            page = Page(url)

            def render(item, path, level, *parent, page=page):
                nonlocal renders
                renders += 1
                return ",".join(normalize_url(child.url, page) for child in item.children)
            for item in items:
                assert cache.item(render, item, "__nav_1", 1, page=page) == render(item, "", 1)
                renders -= 1
        assert renders < len(items) * len(URLS) * 0.8        # kept items were used


def test_an_item_is_rendered_again_where_a_link_of_it_leads_to_the_page_or_below():
    from mkdocs.structure.nav import Link, Section
    ordinance = Section("甲条例", [Link("甲条例", "a/"), Link("第一条", "a/article-1/")])
    rendered = []

    def render(item, path, level, *parent):
        rendered.append(path)
        return path

    cache = sidebar.Sidebar()
    for url in ("b/", "c/", "a/", "a/article-1/", "a/article-2/", "a/article-3/", "b/article-1/", "b/article-2/"):
        cache.item(render, ordinance, "__nav_2", 1, page=Page(url))
    # b/ and c/ share it, a/article-2/ and a/article-3/, b/article-1/ and b/article-2/;
    # a/ and a/article-1/ are among its links
    assert len(rendered) == 5
