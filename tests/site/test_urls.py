"""lawsite/site/urls.py is the one owner of the URL scheme: the registry's computed
views and the browser's scripts (the 404 page's suggestions, the citation resolver)
follow the path functions, and the built site carries what urls.py says."""

import html
import json
import re

from lawsite.publish import registry
from lawsite.site import urls

from .test_citations import loaded


def test_a_path_shape_changed_in_urls_is_what_the_registry_and_the_browser_follow(monkeypatch):
    derived = registry.is_derived()
    assert derived("/compare/jinan-digital-economy-15--yantai-digital-economy-55/")
    assert derived("/en/compare/jinan-digital-economy-15--yantai-digital-economy-20-1/")
    assert derived("/yantai-digital-economy/compare/") and derived("/en/yantai-digital-economy/compare/")
    assert not derived("/yantai-digital-economy/article-28/") and not derived("/en/")

    monkeypatch.setattr(urls, "pair_path", lambda a, n, b, m: f"parallels/{a}~{n}/{b}~{m}.md")
    monkeypatch.setattr(urls, "topic_path", lambda slug: f"{slug}/by-topic.md")
    monkeypatch.setattr(urls, "article_path", lambda slug, n: f"{slug}/art/{n}.md")
    derived = registry.is_derived()
    assert derived("/parallels/jinan-digital-economy~15/yantai-digital-economy~20-1/")
    assert derived("/en/yantai-digital-economy/by-topic/")
    assert not derived("/compare/jinan-digital-economy-15--yantai-digital-economy-55/")
    assert not derived("/yantai-digital-economy/compare/")

    suggest = urls.browser(["", "en/"])["suggest"]
    found = re.match(suggest["pair"], "parallels/jinan-digital-economy~15/yantai-digital-economy~20-1/")
    assert found.groups() == ("jinan-digital-economy", "15", "yantai-digital-economy", "20-1")
    assert suggest["article"] == "{slug}/art/{article}/"


def test_the_site_carries_the_url_shapes_of_urls_py(site_dir):
    page = (site_dir / "404.html").read_text(encoding="utf-8")
    attribute = re.search(r"""<p class="ls-suggest" data-urls='([^']*)' hidden>""", page)
    assert json.loads(html.unescape(attribute[1])) == urls.browser(["", "en/"])["suggest"]
    assert "<code>/烟台…/article-28/</code>" in page                    # the example, from the same shape

    article = (site_dir / "yantai-digital-economy" / "article-28" / "index.html").read_text(encoding="utf-8")
    index = re.search(r'<meta name="lawsite:citations" content="([^"]*)">', article)[1]
    assert index == urls.citations_index_path() and (site_dir / index).is_file()
    table = loaded(site_dir / index)
    assert table["ordinance"] == urls.ordinance_pattern()
    assert table["shard"] == urls.citations_shard_path("{slug}")
    assert re.match(table["ordinance"], "yantai-digital-economy/article-28/")[1] == "yantai-digital-economy"
