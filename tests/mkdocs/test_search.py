"""Chinese search: segmentation on, the corpus' words whole, the query segmenter repaired
(Material's lunr search, of the offline bundle); what the hosted site's Pagefind index
leaves out."""

import re

import pytest
from mkdocs.exceptions import MkDocsException

from lawsite.core.errors import SourceError
from lawsite.mkdocs import search

from ..conftest import OFFLINE, build_site_into, lunr_index, pagefind_pages

SEPARATOR = re.compile(r"[\s\u200b\u3000\-、。，．？！；]+")


@pytest.fixture(scope="module")
def index(bundle):
    return lunr_index(bundle)


def tokens(index) -> set[str]:
    found = set()
    for doc in index["docs"]:
        for field in ("title", "text"):
            found.update(SEPARATOR.split(re.sub(r"<[^>]+>", " ", doc[field])))
        found.update(doc.get("tags", []))
    return found


def test_index_holds_segmented_chinese(index):
    # the article's text is its page's entry (lawsite/mkdocs/searchindex.py: the best hit has a snippet)
    article = next(d for d in index["docs"] if d["location"] == "yantai-digital-economy/article-28/")
    assert "\u200b" in article["text"]
    assert "\u200b数据交易\u200b" in article["text"]           # a dictionary word, whole
    assert index["config"]["separator"].find("\\u200b") >= 0


@pytest.mark.parametrize("word", ["数字基础设施", "首席信息官", "数据交易", "工业互联网", "智慧养老",
                                  "公共数据", "算力", "大数据部门", "第二十八条", "28条"])
def test_dictionary_terms_and_article_labels_are_whole_tokens(index, word):
    assert word in tokens(index)


def test_article_entries_say_which_ordinance_they_are_from(index):
    titles = {d["location"]: d["title"] for d in index["docs"]}
    assert titles["yantai-digital-economy/article-28/"].replace("\u200b", "") == "烟台 第二十八条"
    assert titles["jinan-digital-economy/article-28/"].replace("\u200b", "") == "济南 第二十八条"
    tags = next(d for d in index["docs"] if d["location"] == "jinan-digital-economy/article-15/")["tags"]
    assert tags[:5] == ["济南", "第十五条", "第15条", "15条", "15"]


def test_navigation_pages_are_not_indexed(index):
    locations = {d["location"] for d in index["docs"]}
    assert not any("chapter-" in loc or "full-text" in loc or loc.startswith("departments/")
                   for loc in locations)


def test_untranslated_fallbacks_are_not_indexed(partial_site):
    pages = pagefind_pages(partial_site)
    english = pages["/en/yantai-digital-economy/article-28/"]["content"]
    assert not re.search(r"[\u4e00-\u9fff]", english)               # the Chinese fallback is excluded
    assert "data" in pages["/en/yantai-digital-economy/article-27/"]["content"].lower()


def test_the_query_segmenter_of_the_built_worker_is_repaired(site_dir):
    [worker] = (site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js")
    assert search.PATCHED.search(worker.read_text(encoding="utf-8"))


def test_patch_fails_loudly_if_material_changes():
    with pytest.raises(ValueError, match="no longer has what the repair of the query segmenter"):
        search.patch_worker("function somethingElse(){}")


def test_user_dictionary_is_generated_from_the_corpus(built):
    words = (built[0] / search.USER_DICTIONARY).read_text(encoding="utf-8").splitlines()
    for word in ("第六十二条", "烟台", "大数据部门", "工业和信息化", "数据要素", "数字基础设施"):
        assert word in words
    assert words == sorted(words)


def test_build_fails_without_jieba(tmp_path, monkeypatch, caplog):
    from material.plugins.search import plugin
    monkeypatch.setattr(plugin, "jieba", None)
    with pytest.raises(MkDocsException):
        build_site_into(tmp_path, config=OFFLINE)     # Material's search: the offline bundle's
    assert "jieba is not importable" in caplog.text


def test_build_fails_with_a_separator_without_zero_width_space(tmp_path, monkeypatch, caplog):
    from material.plugins.search import plugin
    original = plugin.SearchPlugin.on_config

    def on_config(self, config):
        result = original(self, config)
        self.config.separator = r"[\s\-]+"
        return result
    monkeypatch.setattr(plugin.SearchPlugin, "on_config", on_config)
    with pytest.raises(MkDocsException):
        build_site_into(tmp_path, config=OFFLINE)     # Material's search: the offline bundle's
    assert "must contain \\u200b" in caplog.text


@pytest.mark.parametrize("text, line, message", [
    ("terms: 数字经济\n", 1, "`terms` must be a list of words"),
    ("terms:\n  - 数字经济\n  - 数据 交易\n", 3, "each term must be one word"),
    ("terms:\n  - 数字经济\n  - 12\n", 3, "each term must be one word"),
    ("term: [数字经济]\n", 1, "unknown key 'term'"),
    ("", 1, "a mapping with one key, `terms:`"),
])
def test_search_terms_are_checked_by_their_schema_at_the_line(tmp_path, text, line, message):
    path = tmp_path / "search-terms.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError, match=f":{line}: .*{re.escape(message)}"):
        search.terms(path)
