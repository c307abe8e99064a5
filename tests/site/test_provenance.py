"""Provenance on the ordinance page and in the citations: the promulgation (date and
公告号), the official URL, the kind and rank, the status with the date it was verified,
and each text's own account of how it was obtained and repaired; unknown stays
visibly unknown."""

import datetime
import hashlib
import textwrap

import pytest

import build_corpus
from lawsite.core.errors import SourceError
from lawsite.parse import sources

from ..conftest import SIMPLE, corpus_args, translate_one

PDF_TEXT = SIMPLE.replace("为了测试，", "为了 测试,")      # a PDF artefact: a space, a half-width comma
SHA256 = hashlib.sha256(textwrap.dedent(PDF_TEXT).lstrip("\n").encode("utf-8")).hexdigest()


class Pages:
    def __init__(self, docs):
        self.docs = docs

    def __getitem__(self, path: str) -> str:
        return (self.docs / path).read_text(encoding="utf-8")


def build(tmp_path, tree) -> Pages:
    docs = tmp_path / "docs"
    assert build_corpus.main(corpus_args(tree.root, docs)) == 0
    return Pages(docs)


def test_a_verified_text_shows_its_promulgation_source_rank_and_account(tmp_path, sources_tree):
    sources_tree.add(PDF_TEXT, promulgated={"body": "测试市人民代表大会常务委员会",
                                            "date": datetime.date(2024, 12, 2), "announcement": "公告第14号"},
                     official_url="https://rd.example.gov.cn/a?id=1&b=2",
                     status_verified=datetime.date(2026, 12, 1),
                     source={"received_as": "x.pdf.txt", "format": "pdf-text", "note": "n", "sha256": SHA256})
    pages = build(tmp_path, sources_tree)
    page = pages["test-ordinance/index.md"]
    assert "<td>公布日期</td>\n<td>2024年12月2日</td>" in page and "<td>公告号</td>\n<td>公告第14号</td>" in page
    assert "<td>效力位阶</td>\n<td>设区的市地方性法规</td>" in page and "<td>文件类型</td>\n<td>条例</td>" in page
    assert "<td>时效性</td>\n<td>现行有效（2026年12月1日核实）</td>" in page
    assert '<a class="ls-official" href="https://rd.example.gov.cn/a?id=1&amp;b=2">' in page
    account = next(line for line in page.splitlines() if "ls-account" in line)
    assert "从 PDF 中提取" in account and "x.pdf.txt" in account and SHA256 in account
    assert "删除词语中间多余的空格 1 处" in account and "半角标点改为全角 1 处" in account
    # the citation is dated by the city's promulgation, not the province's approval (2024-11-20)
    article = pages["test-ordinance/article-1.md"]
    assert "测试市人民代表大会常务委员会. 测试市测试条例[EB/OL]. (2024-12-02)[{accessed}]." in article
    english = pages["en/test-ordinance/index.md"]
    assert "<td>Promulgated on</td>\n<td>2024-12-02</td>" in english and "(verified 2026-12-01)" in english


def test_what_the_text_does_not_establish_says_unknown(tmp_path, sources_tree):
    sources_tree.add(SIMPLE)
    pages = build(tmp_path, sources_tree)
    page = pages["test-ordinance/index.md"]
    for row in ("<td>公布日期</td>\n<td>不详</td>", "<td>公告号</td>\n<td>不详</td>", "<td>官方文本</td>\n<td>不详</td>",
                "<td>时效性</td>\n<td>现行有效（核实日期不详）</td>"):
        assert row in page
    account = next(line for line in page.splitlines() if "ls-account" in line)
    assert "收到的 Markdown 文本" in account and "PDF" not in account and "未作任何技术处理" in account
    article = pages["test-ordinance/article-1.md"]
    assert "[EB/OL]. [{accessed}]." in article and "2024-11-20" not in article


def test_a_provincial_text_is_a_provincial_regulation(tmp_path, sources_tree):
    sources_tree.add(SIMPLE.replace("测试市测试条例", "山东省测试条例"), title="山东省测试条例",
                     jurisdiction={"province": "山东省", "province_en": "Shandong"}, approved=None)
    page = build(tmp_path, sources_tree)["test-ordinance/index.md"]
    assert "<td>效力位阶</td>\n<td>省级地方性法规</td>" in page and "批准机关" not in page


def test_english_citations_point_to_the_official_chinese_page(tmp_path, sources_tree):
    sources_tree.add(SIMPLE, promulgated={"date": datetime.date(2024, 12, 2)})
    translate_one(sources_tree.root.parent / "no-translations", sources_tree.root, "test-ordinance")
    article = build(tmp_path, sources_tree)["en/test-ordinance/article-1.md"]
    official = "https://lawsite.example.org/test-ordinance/article-1/"
    assert f"[EB/OL]. (2024-12-02)[{{accessed}}]. {official}. (unofficial translation)" in article
    assert f'data-copy="{official}"' in article
    assert "[EB/OL]. (2024-12-02)[{accessed}]. https://lawsite.example.org/en/" not in article


def test_status_verified_must_be_a_date(sources_tree):
    path = sources_tree.add(SIMPLE)
    path.write_text(path.read_text(encoding="utf-8") + "status_verified: lately\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"test-ordinance\.yml:\d+: .*status_verified"):
        sources.read(path)
