"""The metadata of real law, as its consumers show it: a provincial text (no city), an
amended one (cited with its first date and its last amendment), one without an
English title or an adoption date, and what is not verified."""

import datetime
import json

import pytest
import yaml

from lawsite import pipeline as build
from lawsite.model import frbr
from lawsite.model.corpus import Corpus
from lawsite.parse import builder, sources
from lawsite.site import cite, head
from lawsite.translation import i18n

from ..conftest import LABELS

TEXT = """\
# 浙江省测试条例

2009年11月27日 浙江省第十一届人民代表大会常务委员会第十四次会议通过

2021年9月29日 浙江省第十三届人民代表大会常务委员会第三十一次会议《关于修改〈浙江省测试条例〉的决定》修正

<!-- INFO END -->

第一条 为了测试，制定本条例。

第二条 本条例自公布之日起施行。
"""

META = {
    "slug": "zhejiang-ceshi-tiaoli",
    "title": "浙江省测试条例",
    "kind": "条例",
    "jurisdiction": {"province": "浙江省", "province_en": "Zhejiang"},
    "enacted": {"body": "浙江省人民代表大会常务委员会", "date": datetime.date(2009, 11, 27)},
    "amendments": [{"body": "浙江省人民代表大会常务委员会", "date": datetime.date(2021, 9, 29), "kind": "修正",
                    "decision": "《关于修改〈浙江省测试条例〉的决定》",
                    "text": "2021年9月29日 浙江省第十三届人民代表大会常务委员会第三十一次会议《关于修改〈浙江省测试条例〉的决定》修正"}],
    "version_date": datetime.date(2021, 9, 29),
    "status": "not_verified",
    "text": "zhejiang-ceshi-tiaoli.txt",
    "source": {"received_as": "浙江省测试条例(2021-09-29).md", "format": "markdown", "note": "a test fixture"},
}


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    directory = tmp_path_factory.mktemp("real") / "ordinances"
    directory.mkdir()
    (directory / "zhejiang-ceshi-tiaoli.yml").write_text(yaml.safe_dump(META, allow_unicode=True, sort_keys=False),
                                                         encoding="utf-8")
    (directory / "zhejiang-ceshi-tiaoli.txt").write_text(TEXT, encoding="utf-8")
    [source] = sources.read_all(directory.parent)
    ordinance = builder.parse(source)
    # one passage translated: the English tree has the ordinance's pages (Language.has_pages)
    translations = directory.parent / "translations"
    (translations / "en").mkdir(parents=True)
    (translations / "en" / "zhejiang-ceshi-tiaoli.yml").write_text(
        "status: unofficial\ntranslator: a test\ntext:\n  art_2__para_1: These Regulations take effect.\n",
        encoding="utf-8")
    corpus = Corpus([ordinance], languages=i18n.load_languages([ordinance], translations, LABELS))
    return build.generate(corpus, "https://example.org/")


def front(files, path) -> dict:
    return json.loads(files[path].split("\n")[1])


def test_a_provincial_text_has_the_province_as_jurisdiction(files):
    ld = front(files, "zhejiang-ceshi-tiaoli/index.md")["head"]["json_ld"]
    assert ld["legislationJurisdiction"] == "浙江省"                  # not 《浙江省浙江省》, no KeyError
    assert ld["legislationIdentifier"] == "/akn/cn-zhejiang/act/2009-11-27/zhejiang-ceshi-tiaoli"
    assert ld["version"] == "2021-09-29"
    assert "legislationLegalForce" not in ld                         # not verified: not claimed


def test_an_amended_text_is_cited_with_its_first_date_and_its_amendment(files):
    page = files["zhejiang-ceshi-tiaoli/article-1.md"]
    assert "《浙江省测试条例》（2021年修正）第一条" in page
    # its promulgation (公布) is not in the metadata: no date, rather than the adoption's
    assert "浙江省人民代表大会常务委员会. 浙江省测试条例（2021年修正）[EB/OL]. [{accessed}]" in page
    english = files["en/zhejiang-ceshi-tiaoli/article-1.md"]
    assert "浙江省测试条例 (as amended 2021-09-29), Article 1 (unofficial translation)" in english


def test_the_ordinance_page_shows_the_amendments_and_what_is_unverified(files):
    page = files["zhejiang-ceshi-tiaoli/index.md"]
    assert '<h2 id="amendments">修改情况</h2>' in page and "2021年9月29日修正" in page
    assert "尚未经人工核实：时效性未核实、施行日期不详。" in page
    assert "<td>施行日期</td>\n<td>不详</td>" in page and "<td>时效性</td>\n<td>未核实</td>" in page
    english = files["en/zhejiang-ceshi-tiaoli/index.md"]
    assert "its status (in force or not) is not verified; the effective date is not known; " \
           "it has no English title." in english


def test_an_english_page_without_an_english_title_shows_the_chinese_marked_as_chinese(files):
    english = files["en/zhejiang-ceshi-tiaoli/index.md"]
    assert '<h1 id="ordinance"><span lang="zh-CN">浙江省测试条例</span> <span class="ls-untranslated">untranslated</span></h1>' in english
    assert front(files, "en/zhejiang-ceshi-tiaoli/index.md")["title"] == "浙江省测试条例"
    assert '<h1 id="ordinance"><span lang="zh-CN">浙江省测试条例</span> <span class="ls-untranslated">untranslated</span></h1>' in \
        files["en/zhejiang-ceshi-tiaoli/full-text.md"]
    assert "浙江省测试条例" in files["en/zhejiang-ceshi-tiaoli/article-1.md"]      # breadcrumbs, citations


def test_without_an_adoption_date_the_work_is_named_by_its_version():
    meta = {"jurisdiction": {"province": "北京市", "province_en": "Beijing"}, "title": "北京市某条例",
            "version_date": datetime.date(2024, 1, 25), "status": "not_verified"}
    assert frbr.work_uri("beijing-mou-tiaoli", meta) == "/akn/cn-beijing/act/2024-01-25/beijing-mou-tiaoli"
    # the date of a version is not its promulgation: the citation leaves the date out
    assert cite.work(meta) == cite.Work("北京市某条例", "北京市某条例", "", "")
    assert head.jurisdiction(meta) == "北京市"                         # a municipality: no city


def test_a_city_text_keeps_province_and_city():
    meta = {"jurisdiction": {"province": "山东省", "province_en": "Shandong", "city": "青岛市", "city_en": "Qingdao"},
            "enacted": {"date": datetime.date(1988, 9, 8)}}
    assert head.jurisdiction(meta) == "山东省青岛市"
    assert frbr.work_uri("qingdao-x", meta) == "/akn/cn-qingdao/act/1988-09-08/qingdao-x"
