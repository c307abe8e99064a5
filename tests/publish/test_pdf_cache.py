"""The PDF cache (pdf.cached): a document is printed only when what it is printed from
changed; the bytes are those printed; the cache keeps only the PDFs of the last build.
Chromium is replaced by a counting printer (the real one: tests/e2e/test_downloads.py)."""

import pytest

from lawsite.publish import pdf


@pytest.fixture
def printer(monkeypatch):
    printed = []

    def render(documents, texts):
        printed.append(sorted(documents))
        return {name: f"%PDF {html} {texts[name]}".encode() for name, html in documents.items()}
    monkeypatch.setattr(pdf, "render", render)
    return printed


def test_only_what_changed_is_printed_again(tmp_path, printer):
    cache = tmp_path / ".docs.pdfs"
    documents, texts = {"a": "<p>甲</p>", "b": "<p>乙</p>"}, {"a": "甲", "b": "乙"}
    first = pdf.cached(documents, texts, cache)
    assert first == {"a": "%PDF <p>甲</p> 甲".encode(), "b": "%PDF <p>乙</p> 乙".encode()}
    assert pdf.cached(documents, texts, cache) == first
    assert printer == [["a", "b"]]                          # the second build printed nothing
    changed = pdf.cached({**documents, "b": "<p>乙丙</p>"}, {**texts, "b": "乙丙"}, cache)
    assert printer == [["a", "b"], ["b"]]
    assert changed["a"] == first["a"] and changed["b"] == "%PDF <p>乙丙</p> 乙丙".encode()


def test_the_cache_keeps_only_the_last_builds_pdfs(tmp_path, printer):
    cache = tmp_path / ".docs.pdfs"
    pdf.cached({"a": "<p>甲</p>", "b": "<p>乙</p>"}, {"a": "甲", "b": "乙"}, cache)
    pdf.cached({"a": "<p>甲</p>"}, {"a": "甲"}, cache)
    assert sorted(p.name for p in cache.iterdir()) == [f"{pdf.key('<p>甲</p>', '甲')}.pdf"]


def test_the_text_a_pdf_must_hold_is_part_of_its_key(tmp_path, printer):
    cache = tmp_path / ".docs.pdfs"
    pdf.cached({"a": "<p>甲</p>"}, {"a": "甲"}, cache)
    pdf.cached({"a": "<p>甲</p>"}, {"a": "乙"}, cache)
    assert printer == [["a"], ["a"]]
