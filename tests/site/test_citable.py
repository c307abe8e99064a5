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
    assert meta["citation_publication_date"] == "2024/11/20"
    assert meta["DC.identifier"] == url and meta["DC.publisher"] == "烟台市人民代表大会常务委员会"
    assert meta["DC.date"] == "2024-11-20" and meta["DC.title"] == "烟台市数字经济促进条例第二十八条"
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
        f"烟台市人民代表大会常务委员会. 烟台市数字经济促进条例[EB/OL]. (2024-11-20)[{{accessed}}]. {url}.",
        url]
    pin = page.select_one("#art_28__para_3 a.ls-pin")
    assert pin["data-cite"] == "《烟台市数字经济促进条例》第二十八条第三款"
    assert pin["data-url"] == url + "#art_28__para_3"
    assert page.select_one(".ls-cite").has_attr("data-search-exclude")


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
                         "/yantai-digital-economy/chapter-10/: /yantai-digital-economy/\n"
                         "/en/yantai-digital-economy/article-62/: /en/yantai-digital-economy/\n"
                         "/en/yantai-digital-economy/chapter-10/: /en/yantai-digital-economy/\n",
                         encoding="utf-8")
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
