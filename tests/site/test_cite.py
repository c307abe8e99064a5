"""Citation forms: Chinese, English and GB/T 7714, for articles, 款, 项 and 目."""

import datetime

import pytest

from lawsite import pipeline as build
from lawsite.model.eid import EId
from lawsite.site import cite

from ..conftest import project


@pytest.fixture(scope="module")
def launch():
    return {o.slug: o for o in build.load(project()).ordinances}


@pytest.mark.parametrize("eid, paragraphs, zh, en", [
    ("art_28", 4, "第二十八条", "Article 28"),
    ("art_28__para_3", 4, "第二十八条第三款", "Article 28(3)"),
    ("art_12__para_2", 2, "第十二条第二款", "Article 12(2)"),
    ("art_12__para_2__point_3", 2, "第十二条第二款第（三）项", "Article 12(2)(iii)"),
    ("art_12__para_1__point_3", 1, "第十二条第（三）项", "Article 12(iii)"),      # one 款: not named
    ("art_12__para_1", 1, "第十二条", "Article 12"),
    ("art_7__para_1__point_10__item_2", 1, "第七条第（十）项第2目", "Article 7(x)(2)"),
    ("art_101__para_2__point_4", 3, "第一百零一条第二款第（四）项", "Article 101(2)(iv)"),
    ("art_110__para_1", 2, "第一百一十条第一款", "Article 110(1)"),
    # inserted articles: 之一 → A, 之二 → B, as in the NPC's English translations
    ("art_20-1", 1, "第二十条之一", "Article 20A"),
    ("art_20-2__para_2__point_3", 2, "第二十条之二第二款第（三）项", "Article 20B(2)(iii)"),
    ("art_133-1__para_1", 1, "第一百三十三条之一", "Article 133A"),
])
def test_pinpoints(eid, paragraphs, zh, en):
    parts = EId.parse(eid).numbers()
    assert cite.pinpoint_zh(paragraphs=paragraphs, **parts) == zh
    assert cite.pinpoint_en(paragraphs=paragraphs, **parts) == en


def test_full_citations_of_both_ordinances(launch):
    yantai = cite.work(launch["yantai-digital-economy"].meta)
    jinan = cite.work(launch["jinan-digital-economy"].meta)
    assert cite.zh(yantai, "art_28", 4) == "《烟台市数字经济促进条例》第二十八条"
    assert cite.zh(jinan, "art_15__para_2", 2) == "《济南市数字经济促进条例》第十五条第二款"
    assert cite.en(yantai, "art_28__para_3", 4) == \
        "Regulations of Yantai Municipality on Promoting the Digital Economy, Article 28(3)"
    assert cite.en(jinan, "art_54__para_2", 3) == \
        "Regulations of Jinan Municipality on Promoting the Digital Economy, Article 54(2)"
    assert cite.gbt7714(yantai, "https://x.org/yantai-digital-economy/article-28/") == (
        "烟台市人民代表大会常务委员会. 烟台市数字经济促进条例[EB/OL]. [{accessed}]. "
        "https://x.org/yantai-digital-economy/article-28/.")


def test_publication_date_is_the_promulgation_never_the_approval_or_the_enactment():
    """A 设区的市's regulation is promulgated by the city after the province approved it:
    the approval (and the adoption) are not its date; an unknown promulgation is left out."""
    meta = {"title": "某条例", "title_en": "X", "enacted": {"body": "某市人大常委会",
            "date": datetime.date(2024, 1, 2)}}
    assert cite.work(meta).date == ""
    meta["approved"] = {"body": "省人大常委会", "date": datetime.date(2024, 3, 4)}
    assert cite.work(meta).date == ""
    meta["promulgated"] = {"body": "某市人大常委会", "date": datetime.date(2024, 3, 20), "announcement": "公告第5号"}
    assert cite.work(meta).date == "2024-03-20"
    assert cite.gbt7714(cite.work(meta), "https://x.org/a/") == \
        "某市人大常委会. 某条例[EB/OL]. (2024-03-20)[{accessed}]. https://x.org/a/."


def test_article_in_a_section_is_cited_by_its_number_alone(sources_tree):
    """Sections restart their numbering in each chapter; articles do not, so a
    citation never needs the chapter or section."""
    from lawsite.parse import builder as parse
    from lawsite.parse import sources
    sources_tree.add("第一章 总则\n第一节 一般规定\n第一条 甲。\n第二章 分则\n第一节 数据\n"
                     "第二条 职责如下：\n（一）甲；\n（二）乙。\n第二节 安全\n第三条 丙。\n丁。\n")
    [source] = sources.read_all(sources_tree.root)
    ordinance = parse.parse(source)
    work = cite.work(ordinance.meta)
    second, third = ordinance.article(2), ordinance.article(3)
    assert (second.chapter, second.section) == (2, 1)
    assert cite.zh(work, second.paragraphs[0].items[1].eid, len(second.paragraphs)) == \
        "《测试市测试条例》第二条第（二）项"
    assert cite.zh(work, third.paragraphs[1].eid, len(third.paragraphs)) == "《测试市测试条例》第三条第二款"
    assert cite.en(work, third.paragraphs[1].eid, len(third.paragraphs)) == "Test Regulations, Article 3(2)"
