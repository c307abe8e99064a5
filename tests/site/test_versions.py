"""The versions of one work on the built site (the synthetic renumbering fixture,
tests/fixtures/versions/renumbering): the current version at the work's URLs as
before, every version at `<slug>/<date>/…` (registered like all others), the status on
every page of a version, the timeline, each article's history, what changed, the
citations of an earlier version, and earlier versions kept out of search."""

import json
import re
import shutil
from pathlib import Path

import build_corpus
import pytest
import yaml

from lawsite.publish import registry

from ..conftest import ROOT, build_site_into, corpus_args, pagefind_pages, translate_one

FIXTURE = Path(__file__).parent.parent / "fixtures" / "versions" / "renumbering" / "sources"
WORK = "ceshi-tingche-guanli-tiaoli"
OLD = f"{WORK}/2020-01-01"


@pytest.fixture(scope="module")
def versioned(tmp_path_factory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("versions")
    shutil.copytree(FIXTURE, root / "sources")
    shutil.copy(ROOT / "sources" / "departments.yml", root / "sources")        # as make site has it
    return build_site_into(root, root / "sources", root / "no-translations")


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def front_matter(docs: Path, path: str) -> dict:
    return yaml.safe_load((docs / path).read_text(encoding="utf-8").split("---\n")[1])


def test_the_current_version_is_at_the_works_urls_and_every_version_at_its_date(versioned):
    docs, site = versioned
    assert "第五条之一" in page(site, f"{WORK}/article-5-1")                       # the 2025 text
    assert "禁止占用消防通道停放车辆" in page(site, f"{OLD}/article-5")              # the 2020 text
    assert "鼓励单位向社会开放内部停车设施" in page(site, f"{OLD}/article-6")
    assert not (site / OLD / "article-5-1").exists()
    for url in (f"{WORK}/2025-06-01/article-5-1", f"{WORK}/2025-06-01", f"{WORK}/2025-06-01/changes"):
        assert 'http-equiv="refresh"' in page(site, url)                        # the current one's dated URL
    target = re.search(r'<link rel="canonical" href="([^"]+)"', page(site, f"{WORK}/2025-06-01/article-5-1"))[1]
    assert target == "../../article-5-1/"
    assert [o["slug"] for o in json.loads((docs / "data" / "corpus.json").read_text(encoding="utf-8"))["ordinances"]
            if o["work"] == WORK] == [OLD, WORK]


def test_every_version_url_is_registered_and_checked(versioned, tmp_path):
    docs, site = versioned
    urls = tmp_path / "urls.txt"
    registry.add(site, urls)
    listed = urls.read_text(encoding="utf-8").split("\n")
    assert f"/{OLD}/article-6/" in listed and f"/{WORK}/2025-06-01/article-5-1/" in listed
    assert f"/{WORK}/changes/" in listed and f"/{OLD}/" in listed
    assert registry.lost(site, urls) == []
    (site / OLD / "article-6").rename(tmp_path / "article-6")                   # a version's page lost
    try:
        assert registry.lost(site, urls) == [f"/{OLD}/article-6/"]
    finally:
        (tmp_path / "article-6").rename(site / OLD / "article-6")


def test_an_earlier_version_says_it_is_not_the_current_text_and_links_it(versioned):
    _, site = versioned
    html = page(site, f"{OLD}/article-5")
    assert "本页是2020年1月1日版本的文本，不是现行文本：已被修改（被2025年6月1日版本取代）。" in html
    # its 第五条 is the current 第五条之一 (the same words, renumbered): the link goes there
    link = re.search(r'class="ls-version ls-version--old"[^>]*>.*?<a href="([^"]+)">查看现行文本</a>', html)[1]
    assert link == "../../article-5-1/"
    repealed = page(site, f"{OLD}/article-6")                   # repealed since: the current ordinance
    assert re.search(r'<a href="\.\./\.\./">查看现行文本</a>', repealed)
    assert "本页为现行文本：2025年6月1日版本，现行有效。" in page(site, f"{WORK}/article-3")
    for url in (OLD, f"{OLD}/chapter-1", f"{OLD}/full-text"):
        assert "不是现行文本" in page(site, url)


def test_the_metadata_table_shows_the_status_the_versions_give_not_the_metadatas(versioned):
    _, site = versioned     # both versions' metadata say not_verified (the notice still says 时效性未核实)
    current, old = page(site, WORK), page(site, OLD)
    assert re.search(r"<td>时效性</td>\s*<td>现行有效</td>", current)
    assert re.search(r"<td>时效性</td>\s*<td>已被修改（被2025年6月1日版本取代）</td>", old)


def test_citations_of_an_earlier_version_name_it(versioned):
    _, site = versioned
    old = page(site, f"{OLD}/article-4")
    assert "《测试市停车管理条例》（2020年1月1日版本）第四条" in old
    assert "Test City… " not in old and "(version of 2020-01-01, superseded), Article 4" in old
    assert "测试市停车管理条例（2020年1月1日版本）[EB/OL]" in old
    current = page(site, f"{WORK}/article-4")
    assert "《测试市停车管理条例》（2025年修订）第四条" in current and "版本）" not in current


def test_the_timeline_and_the_history_of_an_article(versioned):
    _, site = versioned
    ordinance = page(site, WORK)
    timeline = ordinance[ordinance.index('id="versions"'):ordinance.index('id="contents"')]
    assert re.search(r'<a href="2020-01-01/">2020年1月1日版本</a>\s*已被修改（被2025年6月1日版本取代）', timeline)
    assert "<strong>2025年6月1日版本</strong>" in timeline and '<a href="changes/">修改对照</a>' in timeline
    history = page(site, f"{WORK}/article-5-1")
    history = history[history.index('id="history"'):]
    assert re.search(r'<a href="\.\./2020-01-01/article-5/">2020年1月1日版本 第五条</a>', history)
    assert re.search(r'<strong>2025年6月1日版本 第五条之一</strong>\s*<a href="\.\./changes/#new_5-1">仅序号变动</a>',
                     history)


def test_what_changed_marks_the_amended_words(versioned):
    _, site = versioned
    html = page(site, f"{WORK}/changes")
    assert "未修改2条，仅序号变动2条，修改3条，新增2条，删除1条。" in html
    amended = html[html.index('id="new_5"'):html.index('id="new_5-1"')]
    assert '<mark class="ls-diff">、服务内容和监督电话。</mark>' in amended
    repealed = html[html.index('id="old_6"'):html.index('id="new_7"')]
    assert "鼓励单位向社会开放内部停车设施" in repealed and "删除" in repealed
    # each change's heading is classed by its kind (ready HTML, no attribute list's dots)
    assert re.search(r'<h2 class="ls-change ls-change--amended" id="new_5">', html)
    assert re.search(r'<h2 class="ls-change ls-change--repealed" id="old_6">', html)


def test_earlier_versions_are_left_out_of_search_and_the_navigation(versioned):
    docs, site = versioned
    for path in (f"{OLD}/article-5.md", f"{OLD}/index.md", f"{OLD}/full-text.md"):
        assert front_matter(docs, path)["search"] == {"exclude": True}
    assert "search" not in front_matter(docs, f"{WORK}/article-5-1.md")
    locations = list(pagefind_pages(site))                    # the hosted search's index
    assert any(location.startswith(f"/{WORK}/article-5-1/") for location in locations)
    assert not any(location.startswith(f"/{OLD}/") for location in locations)
    nav = (docs / ".nav.yml").read_text(encoding="utf-8")
    assert "2020-01-01" not in nav
    assert 'data-pagefind-ignore=""' in page(site, f"{OLD}/article-5")


def test_a_translated_works_current_version_has_its_dated_urls_in_english_too(tmp_path):
    """`en/<work>/<date>/…` of the current version redirects to the English page at the
    work's URL, as `<work>/<date>/…` does in the Chinese tree; an untranslated work's
    English tree (its ordinance page alone) has none."""
    shutil.copytree(FIXTURE, tmp_path / "sources")
    shutil.copy(ROOT / "sources" / "departments.yml", tmp_path / "sources")
    translate_one(tmp_path / "translations", tmp_path / "sources", WORK)
    docs = tmp_path / "docs"
    assert build_corpus.main(corpus_args(tmp_path / "sources", docs, tmp_path / "translations")) == 0
    redirects = yaml.safe_load((docs / ".redirects.yml").read_text(encoding="utf-8"))
    dated = f"{WORK}/2025-06-01"
    for path in ("index.md", "article-5-1.md", "full-text.md", "changes.md", "chapter-1/index.md"):
        assert redirects[f"{dated}/{path}"] == f"{WORK}/{path}"
        assert redirects[f"en/{dated}/{path}"] == f"en/{WORK}/{path}"
        assert (docs / "en" / WORK / path).is_file()                          # a page of the English tree
    assert not any(source.startswith(f"en/{OLD}/") for source in redirects)  # an earlier version: its own pages

    shutil.rmtree(tmp_path / "translations" / "en")                          # untranslated
    assert build_corpus.main(corpus_args(tmp_path / "sources", docs, tmp_path / "translations")) == 0
    redirects = yaml.safe_load((docs / ".redirects.yml").read_text(encoding="utf-8"))
    assert redirects[f"{dated}/index.md"] == f"{WORK}/index.md"
    assert not any(source.startswith("en/") and "/2025-06-01/" in source for source in redirects)
