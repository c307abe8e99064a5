"""A generated page's front matter, read as JSON by the hook, is what PyYAML (MkDocs'
own reading) makes of it, for every kind of value the pages write; anything else is
left to MkDocs."""

import yaml
from hypothesis import given
from hypothesis import strategies as st

from lawsite.mkdocs import frontmatter
from lawsite.site.page import Page

values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                      lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
                      max_leaves=12)


@given(st.dictionaries(st.text(min_size=1), values, min_size=1, max_size=6))
def test_json_front_matter_reads_as_pyyaml_reads_it(meta):
    source = Page("a/article-1.md", meta, ["# 第一条"]).render()
    body, read = frontmatter.split(source)
    assert read == yaml.safe_load(source.split("\n---\n", 1)[0].removeprefix("---\n")) == meta
    assert body == "---\n{}\n---\n\n# 第一条\n"


def test_yaml_front_matter_and_none_are_left_to_mkdocs():
    assert frontmatter.split("---\ntitle: 关于\n---\n\n# 关于\n") is None
    assert frontmatter.split("# 没有前置元数据\n") is None
    assert frontmatter.split("---\n[1, 2]\n---\n") is None            # not a mapping
    assert frontmatter.split('---\n{"a": 1\n---\n') is None           # not JSON


def test_the_generated_data_reads_as_json_and_hand_written_yaml_still_reads(tmp_path):
    written = tmp_path / ".nav.yml"
    written.write_text('[{"首页": "index.md"}, {"关于": "about.md"}]', encoding="utf-8")
    assert frontmatter.generated(written) == yaml.safe_load(written.read_text(encoding="utf-8"))
    by_hand = tmp_path / ".redirects.yml"
    by_hand.write_text("a/: b/index.md\n", encoding="utf-8")
    assert frontmatter.generated(by_hand) == {"a/": "b/index.md"}
