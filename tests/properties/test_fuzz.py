"""Property-based fuzzing of the parser and the page writer with random Unicode:
nothing crashes with anything but a clear SourceError, and any text is published
literally."""

import datetime

import markdown
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lawsite import pipeline as build
from lawsite.core.errors import SourceError
from lawsite.model.corpus import Corpus
from lawsite.parse import builder as parse
from lawsite.parse.sources import Source, decode
from lawsite.site import markup
from lawsite.translation import i18n

from ..conftest import LABELS, metadata

# Any Unicode scalar value but surrogates (which UTF-8 files cannot hold) and line breaks.
character = st.characters(exclude_categories=("Cs",), exclude_characters="\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
text = st.text(character, min_size=1, max_size=60)


@settings(max_examples=400, deadline=None)
@given(text)
def test_any_text_is_published_literally(value):
    value = value.strip(" \t")            # an element's text never has outer spaces
    if not value:
        return
    html = markdown.markdown(markup.element("p", markup.escape(value), id="x"),
                             extensions=["md_in_html", "attr_list"])
    paragraph = BeautifulSoup(html, "html.parser").find("p")
    assert paragraph is not None and paragraph.get_text() == value
    assert paragraph.find(True) is None                   # no element came out of the text


structural = st.sampled_from(["第一条 ", "第二条 ", "第三条", "###### 第一条", "第一章 总则", "第二章 ",
                              "第一节 ", "目录", "# 测试市测试条例", "（一）", "（二）", "1.", "- ",
                              "<!-- INFO END -->", "#### ", "(2024年10月22日通过)", ""])
line = st.builds(lambda head, tail: head + tail, structural, st.text(character, max_size=30))


def meta():
    value = metadata()
    value["effective"] = datetime.date(2025, 1, 1)
    return value


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(line, min_size=1, max_size=25))
def test_parser_and_page_writer_never_crash(lines):
    raw = "\n".join(lines).encode("utf-8")
    try:
        decoded, _ = decode(raw, "fuzz.txt")
        ordinance = parse.parse(Source(meta(), "m.yml", "fuzz.txt", decoded))
    except SourceError as error:
        assert str(error).startswith(("fuzz.txt", "m.yml"))      # names the file
        return
    corpus = Corpus([ordinance], languages=i18n.load_languages([ordinance], "/nonexistent", LABELS))
    files = build.generate(corpus, "https://example.org/")
    assert any(path.endswith("article-1.md") for path in files)
