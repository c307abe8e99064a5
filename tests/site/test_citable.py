"""Permanent URLs and machine-readable citation metadata in the built site."""

import json
import shutil

import pytest
from bs4 import BeautifulSoup

from lawsite.core.errors import SourceError
from lawsite.publish import registry

from ..conftest import ROOT, build_site_into

URLS = ROOT / "registry" / "urls.txt"

BASE = "https://lawsite.example.org/"


def soup(site_dir, url):
    return BeautifulSoup((site_dir / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_article_head_has_canonical_citation_dublin_core_and_open_graph(site_dir):
    page = soup(site_dir, "yantai-digital-economy/article-28")
    url = BASE + "yantai-digital-economy/article-28/"
    assert page.find("link", rel="canonical")["href"] == url
    meta = {(tag.get("name") or tag.get("property")): tag["content"] for tag in page.find_all("meta")
            if tag.get("content")}
    assert meta["citation_title"] == "烟台市数字经济促进条例第二十八条"
    assert meta["citation_author"] == "烟台市人民代表大会常务委员会"
    # its promulgation (the city's 公告) is not known: no date rather than the province's approval
    assert "citation_publication_date" not in meta and "DC.date" not in meta
    assert meta["DC.identifier"] == url and meta["DC.publisher"] == "烟台市人民代表大会常务委员会"
    assert meta["DC.title"] == "烟台市数字经济促进条例第二十八条"
    assert meta["og:url"] == url and meta["og:title"] == "烟台市数字经济促进条例第二十八条"


def test_article_json_ld_is_schema_org_legislation(site_dir):
    page = soup(site_dir, "jinan-digital-economy/article-15")
    [script] = page.find_all("script", type="application/ld+json")
    data = json.loads(script.string)
    assert data["@context"] == "https://schema.org" and data["@type"] == "Legislation"
    # the Akoma Ntoso FRBR URI of the work, with the article as its portion
    assert data["legislationIdentifier"] == "/akn/cn-jinan/act/2024-10-22/jinan-digital-economy/~art_15"
    assert data["url"] == BASE + "jinan-digital-economy/article-15/"
    assert data["isPartOf"]["legislationIdentifier"] == "/akn/cn-jinan/act/2024-10-22/jinan-digital-economy"
    assert data["legislationDate"] == "2024-10-22"
    assert data["legislationJurisdiction"] == "山东省济南市"
    assert data["legislationLegalForce"] == {"@id": "https://schema.org/InForce"}
    assert data["inLanguage"] == "zh-CN"
    assert data["isPartOf"]["@type"] == "Legislation"
    assert data["isPartOf"]["name"] == "济南市数字经济促进条例"
    assert data["isPartOf"]["url"] == BASE + "jinan-digital-economy/"


def test_citation_box_and_pilcrows(site_dir):
    page = soup(site_dir, "yantai-digital-economy/article-28")
    copies = [b["data-copy"] for b in page.select(".ls-cite button.ls-copy")]
    url = BASE + "yantai-digital-economy/article-28/"
    assert copies == [
        "《烟台市数字经济促进条例》第二十八条",
        "Regulations of Yantai Municipality on Promoting the Digital Economy, Article 28 "
        "(unofficial translation of 2026-12-01)",
        f"烟台市人民代表大会常务委员会. 烟台市数字经济促进条例[EB/OL]. [{{accessed}}]. {url}.",
        url]
    pin = page.select_one("#art_28__para_3 a.ls-pin")
    assert pin["data-cite"] == "《烟台市数字经济促进条例》第二十八条第三款"
    assert pin["data-url"] == url + "#art_28__para_3"
    assert page.select_one(".ls-cite").has_attr("data-pagefind-ignore")      # (data-search-exclude, on lunr)


def test_short_forms_are_redirect_pages_to_the_canonical_url(site_dir):
    for short in ("yantai-digital-economy/28", "yantai-digital-economy/第二十八条"):
        page = soup(site_dir, short)
        assert page.find("meta", attrs={"http-equiv": "refresh"})["content"] == "0; url=../article-28/"


def test_every_url_of_this_build_is_registered(site_dir):
    """A new page must be registered (make register) before it is published."""
    assert registry.produced(site_dir) <= set(registry.registered(URLS))


def lose_last_article(directory):
    """A copy of sources/ with 烟台's last article (and its chapter) removed."""
    sources = directory / "sources"
    shutil.copytree(ROOT / "sources", sources)
    text = sources / "ordinances" / "yantai-digital-economy.txt"
    body = text.read_text(encoding="utf-8")
    text.write_text(body[: body.index("#### 第十章 附 则")], encoding="utf-8")
    meta = sources / "ordinances" / "yantai-digital-economy.yml"
    meta.write_text("\n".join(line for line in meta.read_text(encoding="utf-8").split("\n")
                              if "sha256" not in line), encoding="utf-8")
    return sources


def test_a_lost_url_fails_the_build_and_is_named(tmp_path):
    # the registry of the build: the English pages of the (here untranslated) texts redirect
    shutil.copytree(ROOT / "registry", tmp_path / "registry")
    _, site = build_site_into(tmp_path, lose_last_article(tmp_path), tmp_path / "no-translations")
    assert "/yantai-digital-economy/article-62/" in registry.lost(site, URLS)
    with pytest.raises(SourceError) as caught:
        registry.check(site, URLS)
    message = str(caught.value)
    assert "no longer produced and no redirect covers them" in message
    assert "/yantai-digital-economy/article-62/" in message
    assert "/yantai-digital-economy/chapter-10/" in message


def test_a_redirect_covers_a_retired_url(tmp_path):
    """The project's own registry/redirects.yml (beside its sources/) is read."""
    redirects = tmp_path / "registry" / "redirects.yml"
    redirects.parent.mkdir()
    redirects.write_text("/yantai-digital-economy/article-62/: /yantai-digital-economy/\n"
                         "/yantai-digital-economy/62/: /yantai-digital-economy/\n"
                         "/yantai-digital-economy/第六十二条/: /yantai-digital-economy/\n"
                         "/yantai-digital-economy/第62条/: /yantai-digital-economy/\n"
                         "/yantai-digital-economy/chapter-10/: /yantai-digital-economy/\n"
                         "/en/yantai-digital-economy/article-62/: /en/yantai-digital-economy/\n"
                         "/en/yantai-digital-economy/chapter-10/: /en/yantai-digital-economy/\n",
                         encoding="utf-8")
    shutil.copy(URLS, redirects.parent)          # the English URLs of the untranslated texts redirect
    _, site = build_site_into(tmp_path, lose_last_article(tmp_path), tmp_path / "no-translations")
    assert registry.lost(site, URLS) == []
    page = soup(site, "yantai-digital-economy/article-62")
    assert page.find("meta", attrs={"http-equiv": "refresh"})["content"] == "0; url=../"


def test_a_redirect_to_nowhere_is_refused(tmp_path):
    redirects = tmp_path / "redirects.yml"
    redirects.write_text("/old/: /no-such-page/\n", encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        registry.curated_redirects({"a/": "a/index.md"}, redirects)
    assert caught.value.line == 1 and "redirect target /no-such-page/ is not a page" in str(caught.value)


# -- a redirect never replaces a page ---------------------------------------------------------

def build_with_redirects(tmp_path, monkeypatch, capsys, redirects: str):
    """build_corpus.py on a fixture corpus (three articles) beside the hand-written
    pages, with `redirects` as registry/redirects.yml: (exit status, stderr, docs)."""
    import build_corpus
    from ..conftest import workspace, corpus_args
    places = workspace(tmp_path)
    path = tmp_path / "registry" / "redirects.yml"         # the project's, beside its sources/
    path.parent.mkdir()
    path.write_text(redirects, encoding="utf-8")
    status = build_corpus.main(corpus_args(places["--sources"], places["--docs"]))
    return status, capsys.readouterr().err, places["--docs"]


@pytest.mark.parametrize("redirects, replaced", [
    ("/about/: /test-ordinance/article-1/\n", "/about/"),                      # hand-written
    ("/test-ordinance/article-1/: /test-ordinance/article-2/\n"
     "/test-ordinance/article-2/: /test-ordinance/article-1/\n", "/test-ordinance/article-1/"),
    ("/test-ordinance/: /test-ordinance/article-1/\n", "/test-ordinance/"),    # generated
    ("/test-ordinance/1/: /test-ordinance/article-2/\n", "/test-ordinance/1/"),  # a short form
    ("/: /test-ordinance/\n", "/"),                                            # the home page
    ("/en/about/: /en/\n", "/en/about/"),
    ("/data/corpus.json/: /data/\n", "/data/corpus.json/"),                    # a file
])
def test_a_redirect_from_a_produced_url_is_refused(tmp_path, monkeypatch, capsys, redirects, replaced):
    status, err, docs = build_with_redirects(tmp_path, monkeypatch, capsys, redirects)
    assert status == 1
    assert f"redirects.yml:1: redirect {replaced} would replace what the site publishes" in err
    assert not (docs / ".redirects.yml").exists()


def test_a_redirect_loop_is_an_error(tmp_path, monkeypatch, capsys):
    status, err, _ = build_with_redirects(tmp_path, monkeypatch, capsys,
                                          "/old-a/: /old-b/\n/old-b/: /old-c/\n/old-c/: /old-a/\n")
    assert status == 1
    assert "redirects.yml:1: redirects loop: /old-a/ → /old-b/ → /old-c/ → /old-a/" in err


def test_a_chain_of_redirects_is_followed_to_its_page(tmp_path, monkeypatch, capsys):
    status, err, docs = build_with_redirects(
        tmp_path, monkeypatch, capsys,
        "/old-a/: /old-b/\n/old-b/: /test-ordinance/article-3/\n/old-c/: /old-d/\n/old-d/: /nowhere/\n")
    assert status == 1 and "redirects.yml:4: redirect target /nowhere/ is not a page" in err
    status, err, docs = build_with_redirects(
        tmp_path / "again", monkeypatch, capsys, "/old-a/: /old-b/\n/old-b/: /test-ordinance/article-3/\n")
    assert status == 0, err
    maps = json.loads((docs / ".redirects.yml").read_text(encoding="utf-8"))
    assert maps["old-a.md"] == maps["old-b.md"] == "test-ordinance/article-3.md"


def test_the_registry_check_finds_a_redirect_that_replaced_a_page(tmp_path):
    """After the build: a redirect page where the sitemap lists a page, a redirect to
    a redirect, and one to nowhere, each named."""
    from ..conftest import workspace, SourcesTree, build_site_into as build_into
    places = workspace(tmp_path / "work")
    _, site = build_into(tmp_path / "built", places["--sources"], places["--translations"])
    assert registry.redirect_problems(site) == []
    page = (site / "test-ordinance" / "1" / "index.html").read_text(encoding="utf-8")
    assert registry.redirect_target(site / "test-ordinance" / "1" / "index.html") == "../article-1/"
    (site / "about" / "index.html").write_text(page, encoding="utf-8")         # ../article-1/ from /about/
    (site / "test-ordinance" / "2" / "index.html").write_text(
        page.replace("../article-1/", "../1/"), encoding="utf-8")
    problems = registry.redirect_problems(site)
    assert "/about/ is in the sitemap, a page, but redirects to ../article-1/" in problems
    assert "/about/ redirects to /article-1/, which is not a page" in problems
    assert "/test-ordinance/2/ redirects to /test-ordinance/1/, which redirects again" in problems
    with pytest.raises(SourceError, match="3 redirect"):
        registry.check(site, tmp_path / "empty-registry.txt")
