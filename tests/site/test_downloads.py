"""The downloads hold the model's text, exactly: the plain text and the Word file read
back line by line, laid out like the official text; the download page lists what the
build made (tests/e2e/test_downloads.py prints the PDFs)."""

import io
import zipfile

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

import build_corpus
from lawsite.model import document as model
from lawsite.parse import builder, sources
from lawsite.site import downloads, urls

from ..conftest import corpus_args, launch_ordinances

RICH = """\
    # 测试市测试条例

    （2024年10月22日测试市人民代表大会常务委员会通过　2024年11月20日山东省人民代表大会常务委员会批准）

    第一章 总则

    第一节 一般规定

    第一条 为了测试，制定本条例。

    第二条 下列事项适用本条例：

    （一）甲；

    （二）乙。

    前款规定的事项，另有规定的，从其规定。

    第二章 附则

    第三条 本条例自2025年1月1日起施行。
    """


def model_text(ordinance: model.Ordinance) -> list[str]:
    """Every text of the model, in reading order, independently of downloads.lines."""
    found = [ordinance.title]
    for part in ordinance.outline():
        if isinstance(part, (model.Chapter, model.Section)):
            found.append(part.label + part.title)
        else:
            found.append(part.label)
            found += [getattr(e, "label", "") * (not isinstance(e, model.Paragraph)) + e.text
                      for _, e in part.elements()]
    return found


@pytest.fixture
def rich(sources_tree):
    sources_tree.add(RICH)
    [source] = sources.read_all(sources_tree.root)
    return builder.parse(source)


def test_lines_are_the_model_in_reading_order(rich):
    shown = [(line.kind, line.label, line.text) for line in downloads.lines(rich)]
    assert shown == [
        ("title", "", "测试市测试条例"),
        ("history", "", "（2024年10月22日测试市人民代表大会常务委员会通过\u30002024年11月20日山东省人民代表大会常务委员会批准）"),
        ("chapter", "", "第一章\u3000总则"), ("section", "", "第一节\u3000一般规定"),
        ("article", "第一条", "为了测试，制定本条例。"),
        ("article", "第二条", "下列事项适用本条例："), ("item", "", "（一）甲；"), ("item", "", "（二）乙。"),
        ("para", "", "前款规定的事项，另有规定的，从其规定。"),
        ("chapter", "", "第二章\u3000附则"), ("article", "第三条", "本条例自2025年1月1日起施行。")]


@pytest.mark.parametrize("ordinance", launch_ordinances(), ids=lambda o: o.slug)
def test_the_plain_text_and_the_word_file_hold_the_models_text(ordinance):
    lines = downloads.lines(ordinance)
    text = downloads.plain_text(ordinance)
    assert text.split("\n\n") == [line.whole for line in lines[:-1]] + [lines[-1].whole + "\n"]
    # nothing of the model is missing, nothing added, in its order
    joined = "".join(text.split())
    expected = "".join(part for part in model_text(ordinance))
    history = "".join(("（" + "\u3000".join(ordinance.history) + "）").split())
    assert joined == "".join(expected.split()).replace(ordinance.title, ordinance.title + history, 1)
    document = docx.Document(io.BytesIO(downloads.docx_bytes(ordinance)))
    assert [p.text for p in document.paragraphs] == [line.whole for line in lines]


def test_the_word_file_is_laid_out_like_the_official_text(rich):
    document = docx.Document(io.BytesIO(downloads.docx_bytes(rich)))
    paragraphs = {p.text: p for p in document.paragraphs}
    for centred in ("测试市测试条例", "第一章\u3000总则", "第一节\u3000一般规定", "第二章\u3000附则"):
        assert paragraphs[centred].alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert all(run.bold for run in paragraphs[centred].runs)
    article = paragraphs["第一条\u3000为了测试，制定本条例。"]
    label, text = article.runs
    assert (label.text, label.bold, bool(text.bold)) == ("第一条\u3000", True, False)
    assert article.alignment is None and article.paragraph_format.first_line_indent.pt == 32
    # the Chinese font is named for East Asian text (w:eastAsia), not only for Latin
    fonts = {run._element.rPr.rFonts.get(qn("w:eastAsia")) for p in document.paragraphs for run in p.runs}
    assert fonts == {downloads.TITLE_FONT, downloads.TEXT_FONT} | {downloads.HEADING_FONT}


def test_the_word_file_is_the_same_bytes_each_time(rich):
    first, second = downloads.docx_bytes(rich), downloads.docx_bytes(rich)
    assert first == second
    assert {info.date_time for info in zipfile.ZipFile(io.BytesIO(first)).infolist()} == {downloads.EPOCH}


def test_the_download_page_lists_what_the_build_made(tmp_path, sources_tree):
    sources_tree.add(RICH)
    docs = tmp_path / "docs"
    assert build_corpus.main(corpus_args(sources_tree.root, docs)) == 0
    # without --downloads: the plain text only, the others said to be missing
    assert (docs / "downloads" / "test-ordinance.txt").read_text(encoding="utf-8").startswith("测试市测试条例\n\n")
    assert not (docs / "downloads" / "test-ordinance.docx").exists()
    page = (docs / "downloads" / "index.md").read_text(encoding="utf-8")
    english = (docs / "en" / "downloads" / "index.md").read_text(encoding="utf-8")
    assert '<a href="../test-ordinance/index.md">测试市测试条例</a>' in page
    assert '<a class="ls-download" href="test-ordinance.txt" download>纯文本</a>' in page
    assert "Word （本次构建未生成）" in page and "PDF （本次构建未生成）" in page
    assert 'href="https://lawsite.example.org/downloads/lawsite-offline.zip" data-bundle' in page
    assert 'href="https://lawsite.example.org/downloads/lawsite-offline-shandong.zip" data-bundle' in page
    assert '<span class="ls-size" data-bundle-size="lawsite-offline.zip"></span>' in page   # filled at publish
    assert "山东省的法规" in page and "The ordinances of Shandong" in english
    assert '<a href="../data/corpus.json">corpus.json</a>' in page
    assert 'href="../../downloads/test-ordinance.txt"' in english
    nav = (docs / ".nav.yml").read_text(encoding="utf-8")
    assert '"downloads/index.md"' in nav and '"en/downloads/index.md"' in nav


def test_downloads_is_a_reserved_name():
    assert urls.DOWNLOADS in urls.reserved()


def test_the_bundle_the_page_links_is_the_one_publish_makes():
    from lawsite.publish import publish
    assert publish.BUNDLE == downloads.BUNDLE
