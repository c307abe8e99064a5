"""The citation table the build writes for the search box's resolver
(lawsite/site/citations.py): a small index of names, one shard per ordinance."""

import json
import re
import shutil

import build_corpus
import pytest
from lawsite.site import citations

from ..conftest import LABELS, SourcesTree, corpus_args

TEXT = """\
    # {title}

    第一章 总则

    第一条 为了测试，制定本条例。

    第二条 下列事项由市人民政府负责：
    （一）甲；
    （二）乙；
    （三）丙。
    区人民政府负责其他事项。

    第二条之一 本条例所称测试，是指测试。

    第二章 附则

    第三条 本条例自2025年1月1日起施行。
    """


def loaded(path) -> dict:
    """The data a table file passes to the resolver: lawsiteCitations("kind",{…});"""
    text = path.read_text(encoding="utf-8")
    match = re.fullmatch(r'lawsiteCitations\("(index|shard)",(\{.*\})\);\n', text, re.S)
    assert match, text[:80]
    return json.loads(match[2])


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    """Two ordinances, built once."""
    tmp_path = tmp_path_factory.mktemp("citations")
    sources_tree = SourcesTree(tmp_path / "sources")
    sources_tree.add(TEXT.format(title="甲市测试条例"), slug="jia-test", title="甲市测试条例",
                     short_title="甲", short_title_en="Jia",
                     jurisdiction={"city": "甲市", "city_en": "Jia", "province": "山东省", "province_en": "Shandong"})
    sources_tree.add(TEXT.format(title="乙市测试条例"), slug="yi-test", title="乙市测试条例",
                     short_title="乙市", short_title_en="Yi",
                     jurisdiction={"city": "乙市", "city_en": "Yi", "province": "山东省", "province_en": "Shandong"})
    docs = tmp_path / "docs"
    assert build_corpus.main(corpus_args(sources_tree.root, docs)) == 0
    return docs


def test_the_index_names_each_ordinance_and_shares_common_names(docs):
    index = loaded(docs / "data" / "citations.js")
    assert index["slugs"] == ["jia-test", "yi-test"]
    assert index["trees"] == {"zh": "", "en": "en/"}
    names = {name: [index["slugs"][i] for i in found] for name, found in index["names"].items()}
    assert names["甲市测试条例"] == ["jia-test"]
    assert names["甲"] == names["甲市"] == names["jia"] == ["jia-test"]
    assert names["乙市"] == names["yi"] == ["yi-test"]
    assert "乙" not in names                                   # one character: too short to drop 市
    assert names["测试条例"] == ["jia-test", "yi-test"]        # the title without the city: shared
    assert index["shard"].replace("{slug}", "yi-test") == "data/citations/yi-test.js"
    assert (docs / "data" / "citations" / "yi-test.js").exists()


def test_a_shard_holds_every_article_paragraph_and_item_with_its_page_and_pinpoint(docs):
    shard = loaded(docs / "data" / "citations" / "jia-test.js")
    assert shard["cite"] == {"zh": "《甲市测试条例》", "en": "Test Regulations, "}
    assert list(shard["articles"]) == ["1", "2", "2-1", "3"]
    second = shard["articles"]["2"]
    assert second["path"] == "jia-test/article-2.md" and (docs / second["path"]).exists()
    assert second["article"] == ["art_2", "第二条", "Article 2"]
    first, last = second["paragraphs"]
    assert first[:3] == ["art_2__para_1", "第二条第一款", "Article 2(1)"]
    assert first[3] == [["art_2__para_1__point_1", "第二条第一款第（一）项", "Article 2(1)(i)"],
                        ["art_2__para_1__point_2", "第二条第一款第（二）项", "Article 2(1)(ii)"],
                        ["art_2__para_1__point_3", "第二条第一款第（三）项", "Article 2(1)(iii)"]]
    assert last == ["art_2__para_2", "第二条第二款", "Article 2(2)", []]
    inserted = shard["articles"]["2-1"]
    assert inserted["article"] == ["art_2-1", "第二条之一", "Article 2A"]
    assert (docs / inserted["path"]).exists()
    # every eId the table names is an element of its article's page (the article: its heading)
    for article in shard["articles"].values():
        page = (docs / article["path"]).read_text(encoding="utf-8")
        assert f'<h1 id="{article["article"][0]}">' in page
        eids = [e[0] for p in article["paragraphs"] for e in [p] + p[3]]
        assert all(f'id="{eid}"' in page for eid in eids), article["path"]


def test_nothing_in_a_name_closes_the_script_and_the_output_is_stable():
    text = citations._script("index", {"names": {"</script><script>alert(1)</script>": [0]}})
    assert "</script" not in text
    assert json.loads(text[len('lawsiteCitations("index",'):-3]) == \
        {"names": {"</script><script>alert(1)</script>": [0]}}


def test_the_go_to_label_is_the_labels_of_each_language(tmp_path):
    """The resolver's "go to" result is labelled by translations/labels (go_to_provision),
    not by words of its own."""
    sources_tree = SourcesTree(tmp_path / "sources")
    sources_tree.add(TEXT.format(title="甲市测试条例"), slug="jia-test", title="甲市测试条例")
    translations = tmp_path / "translations"
    shutil.copytree(LABELS, translations / "labels")
    for lang, label in (("zh", "直达条文"), ("en", "Straight to the provision")):
        path = translations / "labels" / f"{lang}.yml"
        path.write_text(path.read_text(encoding="utf-8").replace(
            "\ngo_to_provision:", f'\ngo_to_provision: "{label}"\nold_go_to_provision:'), encoding="utf-8")
    docs = tmp_path / "docs"
    assert build_corpus.main(corpus_args(sources_tree.root, docs, translations)) == 0
    assert loaded(docs / "data" / "citations.js")["go_to"] == {"zh": "直达条文", "en": "Straight to the provision"}
