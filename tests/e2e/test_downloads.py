"""PDF downloads, printed by Chromium: their text is the model's (read back with pypdf),
their glyphs are embedded, they are laid out like the official text and the same bytes
each time; and the download page, in a browser, serves every file it lists."""

import io
import os
import shutil

import pypdf
import pytest

import build_corpus
from lawsite.publish import pdf, publish
from lawsite.site import downloads

from ..conftest import HOSTED, ROOT, corpus_args, hand_written_only, launch_ordinances
from ..site.test_downloads import RICH
from .conftest import screenshot, served


@pytest.fixture(scope="module", autouse=True)
def chromium():
    if not pdf.available():
        if os.environ.get("CI") == "true":
            pytest.fail(f"Chromium is missing at {pdf.CHROMIUM}: run `make test`, which installs it")
        pytest.skip(f"Chromium is not installed at {pdf.CHROMIUM}")


def text_of(ordinance) -> str:
    return "\n".join(line.whole for line in downloads.lines(ordinance))


@pytest.fixture(scope="module")
def launch_pdfs():
    ordinances = launch_ordinances()
    printed = pdf.render({o.slug: downloads.print_html(o) for o in ordinances},
                         {o.slug: text_of(o) for o in ordinances})
    return [(o, printed[o.slug]) for o in ordinances]


def test_the_text_of_each_pdf_is_the_models(launch_pdfs):
    for ordinance, data in launch_pdfs:
        found = pdf.extracted(data)
        assert "".join(found.split()) == "".join(text_of(ordinance).split()), ordinance.slug
        assert not any(pdf.is_radical(char) for char in found)          # 一, not ⼀ (U+2F00)
        assert found.lstrip().startswith(ordinance.title)


def test_every_glyph_of_each_pdf_is_embedded(launch_pdfs):
    for ordinance, data in launch_pdfs:
        reader = pypdf.PdfReader(io.BytesIO(data))
        assert reader.metadata.title == ordinance.title
        fonts = {}
        for page in reader.pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                fonts[font.indirect_reference.idnum if font.indirect_reference else id(font)] = font
        assert fonts
        for font in fonts.values():
            if font["/Subtype"] == "/Type3":                  # outlines drawn by the file itself
                assert font["/CharProcs"]
            else:
                descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font
                              else font)["/FontDescriptor"].get_object()
                assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def test_a_pdf_is_the_same_bytes_each_time_and_its_text_is_checked(sources_tree):
    from lawsite.parse import builder, sources
    sources_tree.add(RICH)
    [source] = sources.read_all(sources_tree.root)
    ordinance = builder.parse(source)
    html, text = downloads.print_html(ordinance), text_of(ordinance)
    printed = pdf.render({"a": html, "b": html}, {"a": text, "b": text})
    assert printed["a"] == printed["b"]
    dates = pypdf.PdfReader(io.BytesIO(printed["a"])).metadata
    assert dates["/CreationDate"].startswith("D:20000101000000") and dates["/ModDate"].startswith("D:20000101000000")
    with pytest.raises(ValueError, match="differs from the text"):
        pdf.render({"c": html}, {"c": text.replace("甲", "丙")})


def test_the_printed_document_is_laid_out_like_the_official_text(page, sources_tree):
    from lawsite.parse import builder, sources
    sources_tree.add(RICH)
    [source] = sources.read_all(sources_tree.root)
    page.set_content(downloads.print_html(builder.parse(source)))
    page.emulate_media(media="print")
    style = "(e, p) => getComputedStyle(e)[p]"
    title, chapter, label = page.locator("p.title"), page.locator("p.chapter").first, page.locator(".label").first
    assert title.evaluate(style, "textAlign") == "center" and chapter.evaluate(style, "textAlign") == "center"
    assert page.locator("p.history").evaluate(style, "textAlign") == "center"
    assert int(label.evaluate(style, "fontWeight")) >= 700 and label.inner_text() == "第一条"
    assert float(title.evaluate(style, "fontSize")[:-2]) > float(chapter.evaluate(style, "fontSize")[:-2])
    screenshot(page, "download-pdf-document")


@pytest.fixture(scope="module")
def downloads_site(tmp_path_factory):
    """A fixture corpus built as make site builds it: with --downloads."""
    from ..conftest import SourcesTree
    root = tmp_path_factory.mktemp("downloads")
    tree = SourcesTree(root / "sources")
    tree.add(RICH)
    shutil.copy(ROOT / "sources" / "departments.yml", tree.root)
    docs, site = root / "docs", root / "site"
    shutil.copytree(ROOT / "docs", docs, ignore=hand_written_only(ROOT / "docs"))
    assert build_corpus.main(corpus_args(tree.root, docs) + ["--downloads"]) == 0
    publish.build_site(site, HOSTED, docs_dir=docs)
    with served(site) as url:
        yield url, tree


@pytest.mark.parametrize("lang", ["", "en/"])
def test_the_download_page_serves_each_file_it_lists(page, downloads_site, lang):
    base, _ = downloads_site
    page.goto(base)
    page.locator(".md-nav").get_by_role("link", name="下载", exact=True).first.click() if not lang else \
        page.goto(base + "en/downloads/")
    assert page.url == base + lang + "downloads/"
    links = page.locator("a.ls-download:not([data-bundle])")
    assert links.all_inner_texts() == (["PDF", "Word", "纯文本"] if not lang else ["PDF", "Word", "Plain text"])
    kinds = {"pdf": "application/pdf", "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml",
             "txt": "text/plain"}
    for link in links.all():
        href = link.get_attribute("href")
        response = page.request.get(page.url + href)
        assert response.ok, href
        fmt = href.rsplit(".", 1)[1]
        assert response.headers["content-type"].startswith(kinds[fmt]), href
        if fmt == "txt":
            assert response.body().decode("utf-8").split("\n\n")[0] == "测试市测试条例"
        if fmt == "pdf":
            assert "".join(pdf.extracted(response.body()).split()).startswith("测试市测试条例（2024年10月22日")
    assert page.locator(".ls-downloads .ls-size").count() == 3
    bundles = page.locator("a[data-bundle]")       # one jurisdiction: the complete bundle, and its own
    assert [bundles.nth(i).get_attribute("href") for i in range(bundles.count())] == [
        "https://lawsite.example.org/downloads/lawsite-offline.zip",
        "https://lawsite.example.org/downloads/lawsite-offline-shandong.zip"]
    assert page.locator(".ls-dataset a").first.get_attribute("href").endswith("data/corpus.json")
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        screenshot(page, f"downloads-{lang.strip('/') or 'zh'}-{width}")
