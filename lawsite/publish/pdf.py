"""PDF files printed by Chromium (its print-to-PDF, driven by Playwright) from HTML
documents: the glyphs it uses are embedded (with Noto CJK, whose faces are CFF
collections, as Type 3 outlines), so the file looks the same everywhere. Only where
Chromium is there (`available()`); the same document gives the same bytes (the dates
Chromium writes are replaced by a fixed one).

Chromium's text layer names some glyphs by the wrong character: Noto CJK draws 一 and
the Kangxi radical ⼀ (U+2F00), 民 and ⺠ (U+2EA0) with one glyph, and Chromium's
ToUnicode table picks the radical, so that the text copied from the PDF is not the
text. `restore_text` compares the PDF's text with the text it must hold and renames
those glyphs (radical → ideograph, each consistently); any other difference stops the
build.

    python build_corpus.py --downloads      # make site does this

Printing is slow (Chromium's start and a page a second), so `cached` keeps each PDF
in a cache beside docs/ (`.docs.pdfs/`), named by the SHA-256 of what it is printed
from (the HTML document, the text it must hold and this module's own code): an
ordinance whose text did not change is not printed again, and Chromium is not started
when nothing is to print. The same input gives the same bytes either way.
"""

import concurrent.futures
import hashlib
import io
import os
import re
from pathlib import Path

import pypdf

try:                                 # a test dependency: without it, no PDFs (and a notice)
    from playwright.sync_api import sync_playwright
except ImportError:                  # pragma: no cover
    sync_playwright = None  # type: ignore[assignment]

CHROMIUM = Path(os.environ.get("LAWSITE_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# D:20261201143600+00'00' and the like, in the document information and XMP
DATE = re.compile(rb"D:\d{14}(?:[+\-Z][0-9']*)?")


def available() -> bool:
    return sync_playwright is not None and CHROMIUM.exists()


def render(documents: dict[str, str], texts: dict[str, str]) -> dict[str, bytes]:
    """Each HTML document (by name) printed to PDF, A4, with its own @page margins, its
    text layer holding `texts[name]` (see restore_text)."""
    if sync_playwright is None:
        raise RuntimeError("Playwright is not installed: no PDFs")
    # in a thread of its own: Playwright's synchronous API refuses a thread whose event
    # loop runs (a caller that drives a browser itself, as the browser tests do)
    with concurrent.futures.ThreadPoolExecutor(1) as worker:
        return worker.submit(_render, documents, texts).result()


def key(html: str, text: str) -> str:
    """The name of a PDF in the cache: the SHA-256 of its input and of this module's code.

    >>> key("<p>甲</p>", "甲") == key("<p>甲</p>", "甲") != key("<p>甲</p>", "乙")
    True
    """
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for part in (html, text):
        data = part.encode("utf-8")
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


def cached(documents: dict[str, str], texts: dict[str, str], cache: Path) -> dict[str, bytes]:
    """`render`, printing only the documents whose PDF is not in `cache` (a directory,
    made if missing). The cache keeps exactly the PDFs of this call."""
    cache = Path(cache)
    cache.mkdir(parents=True, exist_ok=True)
    keys = {name: key(html, texts[name]) for name, html in documents.items()}
    printed = {name: (cache / f"{k}.pdf").read_bytes() for name, k in keys.items() if (cache / f"{k}.pdf").is_file()}
    missing = {name: html for name, html in documents.items() if name not in printed}
    if missing:
        for name, data in render(missing, texts).items():
            temporary = cache / f".{keys[name]}.pdf.tmp"
            temporary.write_bytes(data)
            os.replace(temporary, cache / f"{keys[name]}.pdf")     # never half a file under its name
            printed[name] = data
    wanted = {f"{k}.pdf" for k in keys.values()}
    for entry in sorted(cache.iterdir()):
        if entry.name not in wanted:
            entry.unlink()
    return {name: printed[name] for name in documents}


def _render(documents: dict[str, str], texts: dict[str, str]) -> dict[str, bytes]:
    printed = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            page = browser.new_page()
            for name, html in documents.items():
                page.set_content(html, wait_until="load")
                data = page.pdf(format="A4", prefer_css_page_size=True, print_background=False)
                printed[name] = restore_text(stable(data), texts[name], name)
        finally:
            browser.close()
    return printed


def stable(data: bytes) -> bytes:
    """The dates Chromium stamps replaced by one fixed date of the same length.

    >>> stable(b"/CreationDate (D:20261201143600+00'00')")
    b"/CreationDate (D:20000101000000+00'00')"
    """
    return DATE.sub(lambda m: b"D:20000101000000" + m.group()[16:], data)


def is_radical(char: str) -> bool:
    """CJK Radicals Supplement and Kangxi Radicals (U+2E80–U+2FDF)."""
    return "\u2e80" <= char <= "\u2fdf"


def is_ideograph(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" or char >= "\U00020000"


def extracted(data: bytes) -> str:
    """The text a reader copies out of the PDF (pypdf's extraction), every page."""
    return "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def _letters(text: str) -> str:
    """The text without its whitespace (the PDF's lines break where the page does)."""
    return "".join(text.split())


def restore_text(data: bytes, text: str, name: str = "") -> bytes:
    """The PDF with its radicals renamed as the ideographs the text holds at their place.
    The text (without whitespace) must otherwise be exactly `text`: else ValueError."""
    found, wanted = _letters(extracted(data)), _letters(text)
    if len(found) != len(wanted):
        raise ValueError(f"{name}: the PDF holds {len(found)} characters, the text {len(wanted)}")
    renamed: dict[str, str] = {}
    for position, (got, want) in enumerate(zip(found, wanted)):
        if got == want:
            continue
        if not (is_radical(got) and is_ideograph(want)) or renamed.setdefault(got, want) != want:
            raise ValueError(f"{name}: the PDF's text differs from the text at character {position}: "
                             f"{found[max(0, position - 10):position + 10]!r} "
                             f"for {wanted[max(0, position - 10):position + 10]!r}")
    if not renamed:
        return data
    reader = pypdf.PdfReader(io.BytesIO(data))
    writer = pypdf.PdfWriter(clone_from=reader)
    done: set[int] = set()
    for page in writer.pages:
        resources = page["/Resources"].get_object()
        assert isinstance(resources, pypdf.generic.DictionaryObject)
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            if "/ToUnicode" not in font:
                continue
            cmap = font["/ToUnicode"].get_object()
            if id(cmap) in done:
                continue
            done.add(id(cmap))
            cmap.set_data(_renamed_cmap(cmap.get_data(), renamed))
    out = io.BytesIO()
    writer.write(out)
    if _letters(extracted(out.getvalue())) != wanted:
        raise ValueError(f"{name}: the PDF's text layer could not be made the text's")
    return out.getvalue()


def _renamed_cmap(cmap: bytes, renamed: dict[str, str]) -> bytes:
    """A ToUnicode CMap whose destinations naming a radical of `renamed` name its
    ideograph instead (bfchar and bfrange destinations alike).

    >>> _renamed_cmap(b"<44> <2F00>\\n<45> <70DF>", {"\u2f00": "\u4e00"})
    b'<44> <4E00>\\n<45> <70DF>'
    """
    def one(match: re.Match) -> bytes:
        char = bytes.fromhex(match.group(2).decode()).decode("utf-16-be", errors="replace")
        if char in renamed:
            return match.group(1) + renamed[char].encode("utf-16-be").hex().upper().encode() + b">"
        return match.group()
    return re.sub(rb"(<[0-9A-Fa-f]+>\s*<)([0-9A-Fa-f]{4,8})>", one, cmap)
