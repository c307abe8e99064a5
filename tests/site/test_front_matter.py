"""Front matter that PyYAML reads back for every character a text can hold: an article
that starts with a control character, DEL, a C1 control, U+2028 or U+FEFF keeps its
<title>, description and JSON-LD (once, MkDocs swallowed the YAML error and the page
silently lost them)."""

import json

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.utils.meta import get_data

from lawsite.site.page import Page, front_matter, page_meta

from ..conftest import build_fixture_site

AWKWARD = {"c0": "\x01", "unit-separator": "\x1f", "del": "\x7f", "c1": "\x80", "nel": "\x85",
           "c1-last": "\x9f", "line-separator": "\u2028", "paragraph-separator": "\u2029",
           "bom": "\ufeff"}


@pytest.mark.parametrize("name", AWKWARD)
def test_front_matter_reads_back_as_written(name):
    meta = {"title": AWKWARD[name] + "第一条", "description": "《条例》" + AWKWARD[name] * 3,
            "head": {"json_ld": {"name": AWKWARD[name]}}}
    rendered = Page("a.md", meta, ["正文"]).render()
    assert yaml.safe_load(front_matter(meta)) == meta
    markdown, parsed = get_data(rendered)          # what MkDocs reads
    assert parsed == meta and markdown.strip() == "正文"


def test_articles_starting_with_awkward_characters_keep_title_and_metadata(sources_tree, tmp_path):
    articles = "".join(f"第{number}条 {char}为了测试{name}，制定本条例。\n\n"
                       for number, (name, char) in zip("一二三四五六七八九", AWKWARD.items()))
    sources_tree.add("# 测试市测试条例\n\n" + articles, dedent=False)
    site, _ = build_fixture_site(tmp_path, sources_tree)
    for number, name in enumerate(AWKWARD, 1):
        page = BeautifulSoup((site / "test-ordinance" / f"article-{number}" / "index.html")
                             .read_text(encoding="utf-8"), "html.parser")
        assert page.title.string.startswith(f"第{'一二三四五六七八九'[number - 1]}条"), name
        assert "为了测试" + name in page.find("meta", attrs={"name": "description"})["content"], name
        [script] = page.find_all("script", type="application/ld+json")
        assert json.loads(script.string)["@type"] == "Legislation", name


def test_search_tags_are_escaped_as_element_content_keeping_quotes():
    """Material inserts tags into its results as element content: markup is escaped,
    quotes are kept, so that a query for People's still matches the tag."""
    meta = page_meta(None, "t", "d", tags=["People's Government", "<img src=x onerror=alert(1)>"])
    assert meta["tags"] == ["People's Government", "&lt;img src=x onerror=alert(1)&gt;"]
