"""Property-based fuzzing of the parser and the page writer with random Unicode:
nothing crashes with anything but a clear SourceError, and any text is published
literally. The generated pages are HTML, which MkDocs does not convert: Markdown's
syntax in a text is text there. The home page's list is Markdown (a hand-written page
includes it): its escaping is checked class by class of Markdown syntax, each test
proving its own sensitivity: with that class left unescaped, its samples would not
be literal."""

import datetime
import re

import markdown
import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lawsite import pipeline as build
from lawsite.core import siteconfig
from lawsite.core.errors import SourceError
from lawsite.mkdocs import ready
from lawsite.model.corpus import Corpus
from lawsite.parse import builder as parse
from lawsite.parse.sources import Source, decode
from lawsite.site import markup
from lawsite.site.templates import fragment, safe
from lawsite.translation import i18n

from ..conftest import LABELS, ROOT, metadata

# The site's own Markdown extensions (mkdocs.yml), snippets reading an empty directory.
EXTENSIONS = [e if isinstance(e, str) else next(iter(e)) for e in siteconfig.load(ROOT / "mkdocs.yml")["markdown_extensions"]]
CONFIGS = {"pymdownx.snippets": {"check_paths": True, "base_path": ["/nonexistent"]}}

# Any Unicode scalar value but surrogates (which UTF-8 files cannot hold) and line breaks.
character = st.characters(exclude_categories=("Cs",), exclude_characters="\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
# …and text in which Markdown's syntax characters are frequent, as in `*x*` or `[a](b)`
syntax = st.sampled_from(list("\\`*_{}[]()#+-.!|<>&;:= \u202e\u2066") + ["![", "](", "{:", "&amp;", "- ", "1. "])
text = st.text(character, min_size=1, max_size=60) | \
    st.lists(st.one_of(syntax, st.text(character, max_size=3)), min_size=1, max_size=20).map("".join)


def render(md: str) -> BeautifulSoup:
    """Markdown as Python-Markdown renders it (the home page's list, which a hand-written
    page includes)."""
    return BeautifulSoup(markdown.markdown(md, extensions=EXTENSIONS, extension_configs=CONFIGS),
                         "html.parser")


def page(html: str) -> BeautifulSoup:
    """A generated page's HTML as MkDocs publishes it: its links rewritten and its
    headings' ids filled in (lawsite/mkdocs/ready.py), never converted as Markdown."""
    return BeautifulSoup(ready.headings(ready.links(html, lambda url: url))[0], "html.parser")


def literal(element, value: str) -> bool:
    """The element shows exactly `value`, and no element came out of it (but the
    <bdi> that isolates bidi controls)."""
    if element is None:
        return False
    children = element.find_all(True)
    if markup.BIDI.search(value):
        children = [c for c in children if c.name != "bdi"]
    return element.get_text() == value and not children


@settings(max_examples=400, deadline=None)
@given(text)
def test_any_text_is_published_literally(value):
    value = value.strip(" \t")            # an element's text never has outer spaces
    if not value:
        return
    paragraph = page(markup.element("p", markup.escape(value), id="x")).find("p")
    assert literal(paragraph, value)


@settings(max_examples=200, deadline=None)
@given(text)
def test_any_text_is_literal_in_the_home_page_s_markdown_list(value):
    value = value.strip(" \t")            # an element's text never has outer spaces
    if not value:
        return
    assert home_list_literal(markup.md_escape(value), value)


# -- the escaping, in each context the pages put text in -----------------------------------

def in_paragraph(html):
    return page(markup.element("p", html, id="x")).find("p")


def in_heading(html):
    return page(markup.heading(2, html)).find("h2")


def in_list_item(html):
    return page(f'<div class="x">\n{markup.bullets([html])}\n</div>').find("li")


def in_table_cell(html):
    cells = page(markup.table(["a", "b"], [[html, "z"]])).find_all("td")
    return cells[0] if len(cells) == 2 else None


def after_a_link(html):
    """After a cross-link of annotate.marked_up, as in the texts."""
    paragraph = page(markup.element("p", markup.link("第十条", "a.md", "x", cls="ls-ref") + html,
                                    id="x")).find("p")
    link = paragraph.find("a") if paragraph else None
    if link is None or set(link.attrs) != {"href", "class"}:
        return None
    link.decompose()
    return paragraph


def in_link_text(html):
    """As a link's text (a title in a list of ordinances, a label in prev/next)."""
    paragraph = page(markup.element("p", markup.link(html, "a.md"), id="x")).find("p")
    return paragraph.find("a") if paragraph else None


CONTEXTS = [in_paragraph, in_heading, in_list_item, in_table_cell, after_a_link, in_link_text]


def in_home_list(md):
    """A title in the home page's list of ordinances (pages.ordinance_list), which is
    Markdown; on a page where another text would be a reference definition."""
    item = fragment("ordinance_item", safe(markup.md_link(md, "a.md")), "facts")
    return render("[r]: javascript:alert(1)\n\n" + item).find("li")


def home_list_literal(md_escaped: str, value: str) -> bool:
    """The title shows exactly `value`, as the text of its link."""
    item = in_home_list(md_escaped)
    if item is None or len(item.find_all("a")) != 1:
        return False
    return literal(item.find("a"), value) and item.find("strong").get_text() == value


# class of syntax → (its characters in markup.MARKDOWN_SPECIAL, samples that are
# syntax when those characters are not escaped); a line's start and an attribute list
# cannot be syntax inside a link's text in a list item, where the home page's list puts text
INERT = {"headings #", "lists -", "lists +", "lists .", "tables |", "attribute lists"}
CLASSES = {
    "backslash": ("\\", ["a\\\\b", "\\`x`", "\\*x*"]),
    "code": ("`", ["`代码`"]),
    "emphasis *": ("*", ["*强调*", "**加粗**"]),
    "emphasis _": ("_", ["_下划线_", "__加粗__"]),
    "links and images": ("[]()!", ["[点击](javascript:alert(1))", "![图](x.png)"]),
    "reference links": ("[]", ["[r]", "[点击][r]"]),
    "attribute lists": ("{}", ["{: onclick=x}", "{ #evil }"]),
    "headings #": ("#", ["# 标题", "标题 #"]),
    "lists -": ("-", ["- 项"]),
    "lists +": ("+", ["+ 项"]),
    "lists .": (".", ["1. 项"]),
    "tables |": ("|", ["甲|乙", "| a | b |"]),
}


def unescaping(chars: str):
    """markup.MARKDOWN_SPECIAL without `chars`."""
    kept = [c for c in re.findall(r"\\.|[^\\]", markup.MARKDOWN_SPECIAL.pattern[2:-2])
            if c[-1] not in chars]
    return re.compile("([" + "".join(kept) + "])")


@pytest.mark.parametrize("name", sorted(CLASSES))
def test_markdown_syntax_is_text_in_the_pages_and_escaped_in_the_home_list(monkeypatch, name):
    chars, samples = CLASSES[name]
    for sample in samples:
        for context in CONTEXTS:               # HTML: Markdown's syntax is text
            assert literal(context(markup.escape(sample)), sample), (name, sample, context.__name__)
        assert home_list_literal(markup.md_escape(sample), sample), (name, sample)
    if name in INERT:
        return
    # the samples are real: with the class unescaped, some sample is not literal in Markdown
    monkeypatch.setattr(markup, "MARKDOWN_SPECIAL", unescaping(chars))
    assert not all(home_list_literal(markup.md_escape(sample), sample) for sample in samples), name


def test_html_and_entities_are_escaped(monkeypatch):
    samples = ["<b>粗</b>", "&amp;", "&#x41;", "a <!-- c --> b", "<script>alert(1)</script>",
               '<a href="x.md">x</a>', '<h2 id="">x</h2>']
    for sample in samples:
        for context in CONTEXTS:
            assert literal(context(markup.escape(sample)), sample), (sample, context.__name__)
        assert home_list_literal(markup.md_escape(sample), sample), sample
    monkeypatch.setattr(markup.html, "escape", lambda text, quote=True: text)
    assert not all(literal(in_paragraph(markup.escape(s)), s) for s in samples)


def test_control_characters_are_character_references(monkeypatch):
    samples = ["甲\x02乙\x03", "甲\t乙", "响铃\x07"]
    for sample in samples:
        assert literal(in_paragraph(markup.escape(sample)), sample), repr(sample)
        assert home_list_literal(markup.md_escape(sample), sample), repr(sample)
    monkeypatch.setattr(markup, "CONTROL", re.compile("(?!)"))
    assert not all(home_list_literal(markup.md_escape(s), s) for s in samples)


def test_bidi_controls_are_isolated():
    """An override (U+202E) reverses text up to the end of what isolates it: the
    escaped string, in a <bdi>; the text itself is unchanged."""
    for sample in ["甲\u202e乙丙", "\u2066x\u2069", "a\u202bb\u202c"]:
        for context in CONTEXTS:
            element = context(markup.escape(sample))
            assert literal(element, sample), (repr(sample), context.__name__)
            assert element.find("bdi").get_text() == sample
    assert "<bdi>" not in markup.escape("甲乙丙")
    assert markup.isolate("甲\u202e乙") == "\u2068甲\u202e乙\u2069" and markup.isolate("甲") == "甲"


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
    if ordinance.articles:
        assert any(path.endswith("article-1.md") for path in files)
    else:                                   # a document of paragraphs: all on its own page
        assert ordinance.paragraphs and not any("article-" in path for path in files)
        assert any(path.endswith(f"{ordinance.slug}/index.md") for path in files)
