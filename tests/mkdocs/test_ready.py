"""A generated page is ready HTML that MkDocs passes through (lawsite/mkdocs/ready.py):
its markup reaches the site as written, its links rewritten as MkDocs rewrites a
Markdown link, its headings giving the toc and the anchors; a hand-written page is
still Markdown. Each test builds a small site with MkDocs and the project's hooks."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.commands import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from lawsite.mkdocs import ready
from lawsite.site.page import Page

from ..conftest import ROOT

CONFIG = """site_name: 测试
site_url: https://example.org/
docs_dir: docs
site_dir: site
use_directory_urls: {pretty}
strict: true
theme:
  name: material
  language: zh
  features: [navigation.indexes, navigation.prune]
extra:
  search: pagefind
markdown_extensions: [attr_list, md_in_html, tables, toc]
plugins: [search]
hooks: [{hooks}]
validation:
  omitted_files: warn
  absolute_links: warn
  unrecognized_links: warn
  anchors: warn
"""

# a generated page: Markdown's syntax in its text is text; its links go to .md files
BODY = ['<nav aria-label="位置" class="ls-crumbs" data-search-exclude=""><a href="../about.md#how">*关于*</a></nav>',
        '<h1 id="art_1">第一条</h1>',
        '<p class="ls-para" id="art_1__para_1">依照<a class="ls-ref" href="article-2.md#art_2">第二条</a>，'
        '**不得** [x](y.md) {: #evil } &lt;b&gt;<a class="ls-pin" href="#art_1__para_1" data-search-exclude>¶</a></p>',
        '<h2 class="ls-parallels__title" id="">相关条款</h2>',
        '<h2 id="note" data-toc="no">说明</h2>',
        '<h3 id="sub">细则</h3>']
OTHER = ['<h1 id="art_2">第二条</h1>', '<p class="ls-para" id="art_2__para_1">乙</p>']
ABOUT = "---\ntitle: 关于\n---\n\n# 关于\n\n## 怎样引用 { #how }\n\n*强调* 见[第一条](a/article-1.md#art_1__para_1)。\n"


def site(tmp_path, pretty=True, body=BODY, about=ABOUT):
    docs = tmp_path / "docs"
    (docs / "a").mkdir(parents=True)
    (docs / "a" / "article-1.md").write_text(Page("a/article-1.md", {"title": "甲 第一条"}, body).render(), encoding="utf-8")
    (docs / "a" / "article-2.md").write_text(Page("a/article-2.md", {"title": "甲 第二条"}, OTHER).render(), encoding="utf-8")
    (docs / "about.md").write_text(about, encoding="utf-8")
    (docs / "index.md").write_text("---\ntitle: 首页\n---\n\n# 首页\n", encoding="utf-8")
    (docs / "en").mkdir()
    (docs / "en" / "index.md").write_text("---\ntitle: Home\n---\n\n# Home\n", encoding="utf-8")
    (docs / ".nav.yml").write_text(json.dumps([{"首页": "index.md"}, {"甲": ["a/article-1.md", "a/article-2.md"]},
                                               {"关于": "about.md"}, {"English": ["en/index.md"]}],
                                              ensure_ascii=False), encoding="utf-8")
    names = {code: {"site_name": "测试", "language_name": code, "banner": ""} for code in ("zh", "en")}
    (docs / ".languages.yml").write_text(json.dumps(names, ensure_ascii=False), encoding="utf-8")
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(CONFIG.format(pretty=str(pretty).lower(), hooks=ROOT / "lawsite" / "mkdocs" / "hooks.py"),
                           encoding="utf-8")
    config = load_config(str(config_file))
    pages = {}
    original = build._build_page

    def keep(page, config, *args, **kwargs):           # the page as the templates see it
        pages[page.file.src_uri] = page
        return original(page, config, *args, **kwargs)

    build._build_page = keep
    try:
        build.build(config)
    finally:
        build._build_page = original
    return tmp_path / "site", pages


def article(html: str) -> str:
    return html[html.index('<article class="md-content__inner md-typeset">'):html.index("</article>")]


def test_a_generated_page_s_html_reaches_the_site_as_written_with_its_links_rewritten(tmp_path):
    built, pages = site(tmp_path)
    page = pages["a/article-1.md"]
    # the body as written, but the links (pretty URLs) and the toc's id; no Markdown read
    assert page.content == "\n".join(BODY) \
        .replace('href="../about.md#how"', 'href="../../about/#how"') \
        .replace('href="article-2.md#art_2"', 'href="../article-2/#art_2"') \
        .replace('<h2 class="ls-parallels__title" id="">', '<h2 class="ls-parallels__title" id="_1">') \
        .replace(' data-toc="no"', '') \
        .replace("data-search-exclude", "data-pagefind-ignore").replace('data-pagefind-ignore=""', "data-pagefind-ignore") + "\n"
    html = article((built / "a" / "article-1" / "index.html").read_text(encoding="utf-8"))
    assert "**不得** [x](y.md) {: #evil } &lt;b&gt;" in html and "<em>" not in html and "<strong>" not in html
    assert '<a class="ls-ref" href="../article-2/#art_2">第二条</a>' in html


def test_a_generated_page_s_toc_and_anchors_are_its_headings(tmp_path):
    _, pages = site(tmp_path)
    page = pages["a/article-1.md"]
    toc = [(item.level, item.id, item.title, [(c.level, c.id, c.title, [g.id for g in c.children]) for c in item.children])
           for item in page.toc]
    assert toc == [(1, "art_1", "第一条", [(2, "_1", "相关条款", ["sub"])])]          # not the data-toc="no" one
    assert {"art_1", "art_1__para_1", "_1", "note", "sub"} <= page.present_anchor_ids
    assert page.title == "甲 第一条"


def test_offline_the_links_go_to_the_html_files(tmp_path):
    built, pages = site(tmp_path, pretty=False)
    html = article((built / "a" / "article-1.html").read_text(encoding="utf-8"))
    assert 'href="../about.html#how"' in html and 'href="article-2.html#art_2"' in html


def test_a_hand_written_page_is_still_markdown(tmp_path):
    built, pages = site(tmp_path)
    html = article((built / "about" / "index.html").read_text(encoding="utf-8"))
    assert "<em>强调</em>" in html and '<h2 id="how">怎样引用</h2>' in html
    assert '<a href="../a/article-1/#art_1__para_1">第一条</a>' in html
    assert [item.id for item in pages["about.md"].toc] == ["_1"]     # (# 关于: the toc's own id)


def test_a_link_to_a_missing_page_or_anchor_fails_the_strict_build(tmp_path, caplog):
    with pytest.raises(Abort), caplog.at_level(logging.WARNING):
        site(tmp_path, body=['<h1 id="art_1">第一条</h1>', '<p><a href="article-9.md">第九条</a></p>'])
    assert "contains a link 'article-9.md', but the target 'a/article-9.md' is not found" in caplog.text
    caplog.clear()
    with pytest.raises(Abort), caplog.at_level(logging.WARNING):
        site(tmp_path / "2", body=['<h1 id="art_1">第一条</h1>', '<p><a href="article-2.md#art_9">第二条</a></p>'])
    assert "contains a link 'article-2.md#art_9', but the doc 'a/article-2.md' does not contain an anchor '#art_9'" \
        in caplog.text


def test_headings_without_an_id_of_a_raw_block_stay_out_of_the_toc():
    content, tokens = ready.headings('<section><h2 class="ls-cite__title">引用本条</h2></section>'
                                     '<h2 id="">一</h2><h2 id="">二</h2><h2 id="">Related provisions</h2>')
    assert [t["id"] for t in tokens] == ["_1", "_2", "related-provisions"]
    assert '<h2 class="ls-cite__title">引用本条</h2>' in content


SOME = ['<h1 id="art_1">第一条</h1><p id="art_1__para_1">甲</p><h2 id="">相关</h2><h2 id="">相关</h2>',
        '<h2 id="_1">一</h2><h2 id="">二</h2><h2 id="" data-toc="no">三</h2><a name="top"></a><h3 id="a&amp;b">x</h3>',
        '<h2 id="">Related</h2><h2 id="related">r</h2><h2 id="">Related</h2><h2>none</h2><h4 id="">深</h4>']


def test_the_ids_headings_gives_are_those_of_the_page_it_makes(built):
    """render takes the page's ids from `headings_and_ids` instead of reading the page
    again: the same ids as `anchor_ids` of what it gives, on every generated page of the
    real corpus and on headings made to collide."""
    from lawsite.mkdocs import frontmatter
    docs, _ = built
    paths = sorted(Path(folder, name) for folder, _, names in os.walk(docs, followlinks=True)
                   for name in names if name.endswith(".md"))
    pages = [found[0] for path in paths if (found := frontmatter.split(path.read_text(encoding="utf-8"))) is not None]
    assert len(pages) > 100
    for content in pages + SOME:
        made, tokens, ids = ready.headings_and_ids(content)
        assert (made, tokens) == ready.headings(content)
        assert ids == ready.anchor_ids(made)


def test_a_build_does_not_import_the_pipeline():
    """The hooks of a build (each shard, each bundle) leave the pipeline, and with it
    scikit-learn and SciPy, to the live preview's hook (lawsite/mkdocs/serve.py)."""
    script = ("import sys; import lawsite.mkdocs.hooks; "
              "print(sorted(m for m in ('lawsite.pipeline', 'sklearn', 'scipy') if m in sys.modules))")
    found = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "[]"
    serve = load_config(str(ROOT / "mkdocs.serve.yml"))
    assert [str(hook) for hook in serve.hooks] == ["lawsite/mkdocs/hooks.py", "lawsite/mkdocs/serve.py"]
