"""The downloads of each ordinance — plain text, Word and (where Chromium is there) PDF —
laid out like the official text (the title centred, the 题注 under it, chapters centred,
第X条 in bold), and the download page that lists them with the offline bundle and the
dataset.

Every format is made from one list of lines, the model's text in reading order
(`lines`), so that each file's text is the model's (tests/site/test_downloads.py
reads each back and compares). The official Chinese only: a translation is not a
text to rely on.
"""

import datetime
import io
import re
import zipfile
from dataclasses import dataclass

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from markupsafe import Markup

from lawsite.model import document as model
from lawsite.site import markup, templates, urls
from lawsite.site.page import Page, page_meta

DIRECTORY = urls.DOWNLOADS
BUNDLE = "lawsite-offline"                  # dist/lawsite-offline[-<jurisdiction>].zip (publish/bundles.py)
FORMATS = ("pdf", "docx", "txt")
# The fonts a Chinese reader's system has for each role (the official texts use 小标宋
# for the title, 黑体 for headings, 仿宋 for the text); Noto CJK where there is none.
TITLE_FONT, HEADING_FONT, TEXT_FONT = "SimHei", "SimHei", "SimSun"
# ZIP entries are dated by this, not by the clock: the same sources give the same bytes
EPOCH = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Line:
    """One line of the text: kind is title, history, preamble, chapter, section, article
    (its first 款, after its label), para, item, subitem or paragraph (of a document
    without articles); label is the article's 第X条 (shown in bold), else ""."""
    kind: str
    label: str
    text: str

    @property
    def whole(self) -> str:
        return f"{self.label}\u3000{self.text}" if self.label else self.text


def heading(part: model.Chapter | model.Section) -> str:
    """第四章　数据要素价值化, as written (a heading missing upstream: its label alone)."""
    return "\u3000".join(filter(None, (part.label, part.title)))


def lines(ordinance: model.Ordinance) -> list[Line]:
    """The model's text, line by line, in reading order."""
    found = [Line("title", "", ordinance.title)]
    if ordinance.history:
        found.append(Line("history", "", "（" + "\u3000".join(ordinance.history) + "）"))
    found += [Line("preamble", "", p.text) for p in ordinance.preamble]
    found += [Line("paragraph", "", p.text) for p in ordinance.paragraphs]
    for part in ordinance.outline():
        if isinstance(part, model.Chapter):
            found.append(Line("chapter", "", heading(part)))
        elif isinstance(part, model.Section):
            found.append(Line("section", "", heading(part)))
        else:
            first = True
            for _, element in part.elements():
                label = getattr(element, "label", "") if not isinstance(element, model.Paragraph) else ""
                text = (label or "") + element.text
                if first:
                    found.append(Line("article", part.label, text))
                    first = False
                else:
                    kind = {model.Paragraph: "para", model.Item: "item"}.get(type(element), "subitem")
                    found.append(Line(kind, "", text))
    return found


def plain_text(ordinance: model.Ordinance) -> str:
    """UTF-8 plain text: one line each, a blank line between them."""
    return "\n\n".join(line.whole for line in lines(ordinance)) + "\n"


def docx_bytes(ordinance: model.Ordinance) -> bytes:
    """A Word file laid out like the official text, the same bytes for the same text."""
    document = docx.Document()
    section = document.sections[0]
    section.page_height, section.page_width = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Mm(26))
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    properties = document.core_properties
    properties.title, properties.author, properties.last_modified_by = ordinance.title, "", ""
    properties.comments = ""
    properties.revision = 1
    date = _date(ordinance)
    properties.created = properties.modified = date
    for line in lines(ordinance):
        paragraph = document.add_paragraph()
        formatting = paragraph.paragraph_format
        formatting.space_after = Pt(6)
        if line.kind in ("title", "history", "chapter", "section"):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            formatting.first_line_indent = Pt(32)               # two characters of 16 pt
        if line.label:
            _run(paragraph, line.label + "\u3000", HEADING_FONT, 16, bold=True)
        size = {"title": 22, "history": 14}.get(line.kind, 16)
        font = {"title": TITLE_FONT, "chapter": HEADING_FONT, "section": HEADING_FONT}.get(line.kind, TEXT_FONT)
        _run(paragraph, line.text, font, size, bold=line.kind in ("title", "chapter", "section"))
        if line.kind == "title":
            formatting.space_after = Pt(18)
    buffer = io.BytesIO()
    document.save(buffer)
    return _stable_zip(buffer.getvalue())


def _date(ordinance: model.Ordinance):
    """The document's date: the text's own (its version, else its adoption), never the clock."""
    meta = ordinance.meta
    day = meta.get("version_date") or (meta.get("enacted") or {}).get("date") or datetime.date(2000, 1, 1)
    return datetime.datetime(day.year, day.month, day.day)


def _run(paragraph, text: str, font: str, size: int, bold: bool = False) -> None:
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)
    run.font.name = font
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)


def _stable_zip(data: bytes) -> bytes:
    """The same entries, in the same order, each dated EPOCH: a reproducible file."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def print_html(ordinance: model.Ordinance) -> str:
    """The standalone HTML document Chromium prints to the PDF (fonts from the system:
    Chromium embeds the subsets it uses)."""
    return templates.render("print.html", title=ordinance.title, lines=lines(ordinance))


def path(slug: str, fmt: str) -> str:
    """docs/ path of a download: downloads/<slug>.<fmt>."""
    return f"{DIRECTORY}/{slug}.{fmt}"


def size(n: int) -> str:
    """A file's size as a reader reads it.

    >>> size(812), size(44_934), size(3_912_700)
    ('812 B', '44 KB', '3.7 MB')
    """
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{round(n / 1024)} KB"
    return f"{n / 1024 / 1024:.1f} MB"


def files(ordinances: list[model.Ordinance], word: bool, pdfs: dict[str, bytes]) -> dict[str, bytes]:
    """docs/downloads/: each ordinance's plain text, its Word file (`word`) and its PDF
    (those in `pdfs`, by slug)."""
    made: dict[str, bytes] = {}
    for ordinance in ordinances:
        made[path(ordinance.slug, "txt")] = plain_text(ordinance).encode("utf-8")
        if word:
            made[path(ordinance.slug, "docx")] = docx_bytes(ordinance)
        if ordinance.slug in pdfs:
            made[path(ordinance.slug, "pdf")] = pdfs[ordinance.slug]
    return made


def page(site, ordinances: list[model.Ordinance], made: dict[str, bytes], bundles: list[dict]) -> Page:
    """The download page of one language tree: each ordinance's files (those this build
    made; the others said to be missing), the offline bundles ({name, text, href}:
    offline_bundles) and the dataset."""
    labels, here = site.labels, site.path(f"{DIRECTORY}/index.md")
    rows = []
    for ordinance in ordinances:
        target = urls.relative(here, site.path(urls.ordinance_path(ordinance.slug)))
        shown = []
        for fmt in FORMATS:
            data = made.get(path(ordinance.slug, fmt))
            shown.append({"label": labels(f"download_{fmt}"), "size": size(len(data)) if data else "",
                          "href": urls.relative(here, path(ordinance.slug, fmt)) if data else ""})
        rows.append({"link": Markup(markup.link(markup.escape(site.lang.title(ordinance)), target)),
                     "files": shown})
    corpus_json, schema = (urls.relative(here, f"data/{name}") for name in ("corpus.json", "corpus.schema.json"))
    dataset = labels("download_dataset_text", json="{json}", schema="{schema}", about="{about}")
    links = {"json": markup.link("corpus.json", corpus_json),
             "schema": markup.link("JSON Schema", schema),
             "about": markup.link(markup.escape(labels("download_dataset_about")),
                                  urls.relative(here, site.path("data.md")))}
    dataset = "".join(links.get(part[1:-1], markup.escape(part))
                      for part in re.split(r"(\{json\}|\{schema\}|\{about\})", dataset) if part)
    body = [markup.heading(1, markup.escape(labels("downloads")), "downloads"),
            templates.render("downloads.html", intro=labels("downloads_intro"),
                             ordinance_head=labels("download_ordinance"), files_head=labels("download_files"),
                             ordinances=rows, unavailable=labels("download_unavailable"),
                             offline_head=labels("download_offline"), bundles=bundles,
                             dataset_head=labels("download_dataset"), dataset=Markup(dataset))]
    meta = page_meta(site, labels("downloads"), labels("downloads_intro"), hide=["toc"], search={"exclude": True})
    return Page(here, meta, body)


def offline_bundles(site, base_url: str, bundles: list[dict]) -> list[dict]:
    """The offline bundles (lawsite/publish/bundles.listing: {file, jurisdiction}, the
    metadata's jurisdiction, None for the complete one), on the hosted site beside this
    page (the publish step places them there): each linked by its hosted address, which
    the offline copies reach too. Their sizes are not known when the pages are made
    (the bundles hold them): each has an empty slot the publish fills on the hosted site."""
    lang, found = site.lang, []
    for bundle in bundles:
        place = bundle["jurisdiction"]
        if place:
            name = place.get(f"province{lang.suffix}") or place["province"]
            text = site.labels("download_offline_jurisdiction", jurisdiction=name)
        else:
            text = site.labels("download_offline_text")
        found.append({"name": bundle["file"], "href": f"{base_url}{bundle_path(bundle['file'])}", "text": text})
    return found


def bundle_path(file: str = f"{BUNDLE}.zip") -> str:
    """Where the publish step places an offline bundle in the hosted site."""
    return f"{DIRECTORY}/{file}"
