"""Curated files are untrusted input: slugs may not take the site's own names, YAML
may not expand (aliases) or hold impossible dates, no message echoes more than a
line of a value, bidirectional controls are reported and isolated, an unknown
translation directory and a vocabulary term with spaces are reported, and the
link checker does not follow links out of the site. Every error is `file:line: problem`."""

import contextlib
import io
import json
import shutil
import time

import pytest

import build_corpus
from lawsite import pipeline as pipeline
from lawsite.core import yamlfile
from lawsite.core.errors import SourceError
from lawsite.enrich import vocabulary
from lawsite.mkdocs import search
from lawsite.parse import sources
from lawsite.publish import linkcheck, output
from lawsite.publish.output import hand_written_only
from lawsite.site import urls
from lawsite.translation import i18n
from lawsite.translation.labels import Labels

from .conftest import ROOT, SIMPLE, build_fixture_site, corpus_args, dump_metadata, metadata, pagefind_pages, project


def error_of(call) -> SourceError:
    with pytest.raises(SourceError) as caught:
        call()
    return caught.value


def build(tmp_path, tree, translations=None) -> tuple[int, str]:
    """build_corpus.py on a fixture tree, with the hand-written pages: (status, stderr)."""
    docs = tmp_path / "docs"
    if not docs.exists():
        shutil.copytree(ROOT / "docs", docs, ignore=hand_written_only(ROOT / "docs"))
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        status = build_corpus.main(corpus_args(tree.root, docs, translations))
    return status, err.getvalue()


def line_of(path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if text in line)


# -- defect 4: reserved slugs ---------------------------------------------------------------

# the hand-written pages of docs/, not the pages an earlier `make site` generated beside them
HAND_WRITTEN = sorted(set(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md"))
                      - set(output.previous_manifest(ROOT / "docs")))
RESERVED = urls.reserved(["en"], HAND_WRITTEN)


def test_the_reserved_names_are_the_site_s_own():
    assert {"departments", "data", "about", "search", "assets", "compare", "en", "index"} <= set(RESERVED)


@pytest.mark.parametrize("slug", RESERVED)
def test_a_slug_that_is_a_name_of_the_site_is_refused(tmp_path, sources_tree, slug):
    path = sources_tree.add(SIMPLE, slug=slug)
    status, err = build(tmp_path, sources_tree)
    assert status == 1
    assert f"{path.name}:{line_of(path, 'slug:')}: slug {slug!r}" in err
    assert "reserved: " + ", ".join(RESERVED) in err
    assert sorted(p.relative_to(tmp_path / "docs").as_posix() for p in (tmp_path / "docs").rglob("*")) == \
        sorted(HAND_WRITTEN + ["en"])                     # nothing written


def test_every_top_level_name_of_a_built_site_is_reserved(hostile_everywhere):
    """The reserved names are those the site really uses: every name at the root of
    the generated docs/ and of the built site (but files, dot-files and the
    ordinances' own directories) is one."""
    from .hostile_corpus import ORDINANCES
    for root in (hostile_everywhere["docs"], hostile_everywhere["site"], hostile_everywhere["offline"]):
        names = {p.name.removesuffix(".md").removesuffix(".html") for p in root.iterdir()
                 if not p.name.startswith(".") and (p.is_dir() or p.suffix in (".md", ".html"))}
        assert names - set(ORDINANCES) - {"404"} <= set(RESERVED), root


def test_a_slug_with_a_trailing_newline_is_refused_at_its_line(tmp_path, sources_tree):
    """`slug: |` gives 'x\\n', which `$` would accept: the metadata is blamed, not a
    translation file."""
    path = sources_tree.add(SIMPLE)
    text = path.read_text(encoding="utf-8").replace("slug: test-ordinance\n", "slug: |\n  test-ordinance\n")
    path.write_text(text, encoding="utf-8")
    error = error_of(lambda: sources.read_all(sources_tree.root))
    assert error.path.endswith("test-ordinance.yml") and error.line == 1
    assert "field 'slug' must be lowercase ASCII" in str(error) and "'test-ordinance\\n'" in str(error)


def test_a_department_slug_index_is_refused(tmp_path):
    text = ("generic: []\nactors:\n  - {slug: big-data, name: 大数据部门, name_en: B, kind: department, terms: [大数据]}\n"
            "  - slug: index\n    name: 首页部门\n    name_en: I\n    kind: department\n    terms: [首页]\n")
    error = error_of(lambda: vocabulary.loads(text, "departments.yml"))
    assert str(error).startswith("departments.yml:4: slug 'index' is the name of the department index")
    assert "reserved: index" in str(error)


# -- defect 7: YAML aliases, and values echoed in messages --------------------------------------

def bomb(levels: int) -> str:
    lines = ['a0: &a0 ["lol"]']
    for level in range(1, levels + 1):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_in_metadata_is_refused_at_once(sources_tree):
    """Nine levels of nine aliases would be 387 million strings: refused at the first anchor."""
    path = sources_tree.add(SIMPLE)
    text = path.read_text(encoding="utf-8").replace("short_title: 测试\n", "short_title: *a9\n")
    path.write_text(bomb(9) + text, encoding="utf-8")
    started = time.perf_counter()
    error = error_of(lambda: sources.read_all(sources_tree.root))
    assert time.perf_counter() - started < 2
    assert error.path.endswith("test-ordinance.yml") and error.line == 1
    assert "YAML anchors and aliases (&a0, *a0) are not allowed" in str(error)
    assert len(str(error)) < 300


def test_a_long_anchor_is_shown_short():
    message = str(error_of(lambda: yamlfile.loads(f"a: &{'x' * 500} 1\n", "f.yml")))
    assert message == ("f.yml:1: YAML anchors and aliases (&xxxxxxxxxxxxxxxxxx…, *xxxxxxxxxxxxxxxxxx…) "
                       "are not allowed in a curated file: write each value out")


@pytest.mark.parametrize("text, line", [("title: &t 条例\nshort: *t\n", 1), ("a:\n  b: [1, &x 2]\n", 2),
                                        ("- &only x\n", 1)])
def test_anchors_and_aliases_are_refused_in_every_curated_file(text, line):
    error = error_of(lambda: yamlfile.loads(text, "f.yml"))
    assert error.line == line and "anchors and aliases" in str(error)


def test_each_curated_yaml_file_refuses_aliases(tmp_path):
    """The vocabulary, translations, labels, search terms: all read through yamlfile."""
    alias = "x: &x [1]\ny: *x\n"
    (tmp_path / "departments.yml").write_text(alias, encoding="utf-8")
    (tmp_path / "search-terms.yml").write_text(alias, encoding="utf-8")
    (tmp_path / "en.yml").write_text(alias, encoding="utf-8")
    for call in (lambda: vocabulary.load(tmp_path / "departments.yml"), lambda: search.terms(tmp_path / "search-terms.yml"),
                 lambda: Labels.load("en", tmp_path)):
        assert "anchors and aliases" in str(error_of(call))


@pytest.mark.parametrize("field, value", [("title", ["很长的值"] * 5000), ("status", "x" * 100_000),
                                          ("short_title", "第一行\n第二行\n" * 1000)])
def test_a_message_never_echoes_more_than_a_line(sources_tree, field, value):
    sources_tree.add(SIMPLE, **{field: value})
    message = str(error_of(lambda: sources.read_all(sources_tree.root)))
    assert "\n" not in message and len(message) < 250, message


def test_a_duplicate_long_key_is_shown_short():
    key = "k" * 10_000
    message = str(error_of(lambda: yamlfile.loads(f"? {key}\n: 1\n? {key}\n: 2\n", "f.yml")))
    assert message.startswith("f.yml:3: key 'kkk") and "…" in message and len(message) < 150


# -- defect 8 (dates): an impossible date is file:line, not a traceback -----------------------

def test_an_impossible_date_in_metadata_is_file_and_line(tmp_path, sources_tree):
    path = sources_tree.add(SIMPLE)
    path.write_text(path.read_text(encoding="utf-8").replace("effective: 2025-01-01", "effective: 2024-02-30"),
                    encoding="utf-8")
    status, err = build(tmp_path, sources_tree)
    assert status == 1 and "Traceback" not in err
    assert f"test-ordinance.yml:{line_of(path, 'effective:')}: 2024-02-30 is not a date (day is out of range" in err


@pytest.mark.parametrize("text, line", [("terms: [数据]\nupdated: 2023-13-01\n", 2),
                                        ("text:\n  chp_1: x\ndate: 2024-02-30\n", 3),
                                        ("a:\n  - {b: 2024-04-31}\n", 2)])
def test_an_impossible_date_in_any_curated_yaml_is_file_and_line(text, line):
    error = error_of(lambda: yamlfile.loads(text, "f.yml"))
    assert error.line == line and "is not a date" in str(error)


# -- defect 10: bidirectional controls, unknown languages, terms with spaces -------------------

RLO, PDF = "\u202e", "\u202c"


def test_bidi_controls_are_reported_and_isolated(tmp_path, sources_tree):
    """An override in a title and in the text is published as it is, with a warning,
    and isolated: a <bdi> on the page, FSI…PDI in the <title>, so that what follows
    (｜the site's name) is not reversed."""
    title = f"测试市{RLO}测试{PDF}条例"
    sources_tree.add(SIMPLE.replace("测试市测试条例", title).replace("第一条 为了测试", f"第一条 为了{RLO}测试"),
                     title=title, short_title=f"测{RLO}试")
    site, warnings = build_fixture_site(tmp_path, sources_tree)
    meta_path = sources_tree.root / "ordinances" / "test-ordinance.yml"
    assert f"test-ordinance.yml:{line_of(meta_path, 'title: ')}: field 'title' holds the bidirectional " \
           "controls U+202C, U+202E" in warnings
    assert f"test-ordinance.yml:{line_of(meta_path, 'short_title:')}: field 'short_title' holds" in warnings
    assert "test-ordinance.txt:5: bidirectional control U+202E at column 7" in warnings
    from bs4 import BeautifulSoup
    page = BeautifulSoup((site / "test-ordinance" / "article-1" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    assert page.title.get_text() == f"第一条｜\u2068{title}\u2069 - 地方性法规"
    paragraph = page.select_one("#art_1__para_1")
    assert paragraph.find("bdi").get_text() == f"为了{RLO}测试，制定本条例。"       # the text, unchanged
    assert page.select_one("h1").get_text() == "第一条"
    crumbs = page.select_one(".ls-crumbs a bdi")
    assert crumbs is not None and crumbs.get_text() == title
    record = pagefind_pages(site)["/test-ordinance/article-1/"]          # the hosted site's search
    assert record["meta"]["title"] == f"第一条 · \u2068{title}\u2069"
    assert RLO in record["content"]


def test_bidi_controls_in_a_translation_and_the_vocabulary_are_reported(tmp_path):
    directory = tmp_path / "translations"
    shutil.copytree(ROOT / "translations", directory)
    (directory / "en" / "jinan-digital-economy.yml").write_text(
        f"text:\n  chp_1: General\n  art_1__para_1: These {RLO}Regulations\n", encoding="utf-8")
    corpus = pipeline.load(project(ROOT / "sources", directory))
    assert any(str(n).endswith("en/jinan-digital-economy.yml:3: the translation of art_1__para_1 holds the "
                               "bidirectional control U+202E, which reverses the text after it: it is "
                               "published as it is, isolated from what surrounds it; check the source")
               for n in corpus.notices)
    found = vocabulary.loads("generic: []\nactors:\n  - slug: big-data\n    name: 大数据\u2067部门\n"
                             "    name_en: B\n    kind: department\n    terms: [大数据]\n", "d.yml")
    [notice] = found.notices
    assert str(notice).startswith("d.yml:4: actor big-data: name holds the bidirectional control U+2067")


def test_an_unknown_translation_language_is_reported(tmp_path):
    directory = tmp_path / "translations"
    shutil.copytree(ROOT / "translations", directory)
    (directory / "fr").mkdir()
    (directory / "fr" / "jinan-digital-economy.yml").write_text("text: {}\n", encoding="utf-8")
    corpus = pipeline.load(project(ROOT / "sources", directory))
    [notice] = [n for n in corpus.notices if "not a language of the site" in str(n)]
    assert str(notice).endswith("fr: 'fr' is not a language of the site (en: CODES in lawsite/translation/i18n.py), "
                                "so its translations are not published")
    assert i18n.unknown_languages(ROOT / "translations") == []


@pytest.mark.parametrize("term", ["大数据 部门", "大数据\u3000", "大\t数据"])
def test_a_vocabulary_term_with_spaces_is_refused(term):
    text = ("generic: []\nactors:\n  - slug: big-data\n    name: 大数据部门\n    name_en: B\n"
            f"    kind: department\n    terms: [大数据, {json.dumps(term)}]\n")
    error = error_of(lambda: vocabulary.loads(text, "departments.yml"))
    assert error.line == 7 and "contains a space, so it can never match" in str(error)


def test_a_name_on_two_lines_is_refused(sources_tree):
    sources_tree.add(SIMPLE, enacted={"body": "测试市\n# 人大常委会", "body_en": "B", "date": metadata()["enacted"]["date"]})
    error = error_of(lambda: sources.read_all(sources_tree.root))
    assert "field 'enacted.body' must be the enacting body, on one line" in str(error)
    assert "\n" not in str(error)
    with pytest.raises(SourceError, match="`name` must be a non-empty string on one line"):
        vocabulary.loads("generic: []\nactors:\n  - {slug: a, name: \"甲\\n乙\", name_en: A, kind: other, "
                         "terms: [甲]}\n", "d.yml")


def test_labels_are_text_with_plain_placeholders(tmp_path):
    (tmp_path / "en.yml").write_text("article: \"Article {n.__init__.__globals__}\"\n", encoding="utf-8")
    assert "en.yml:1: label 'article': placeholder" in str(error_of(lambda: Labels.load("en", tmp_path)))
    (tmp_path / "en.yml").write_text("article: \"Article {\"\n", encoding="utf-8")
    assert "en.yml:1: label 'article'" in str(error_of(lambda: Labels.load("en", tmp_path)))
    (tmp_path / "en.yml").write_text("home: Home\narticle: \"Article {number}\"\n", encoding="utf-8")
    labels = Labels.load("en", tmp_path)
    assert "en.yml:2: label 'article' cannot be filled in with {n}: KeyError" in \
        str(error_of(lambda: labels("article", n=1)))


# -- defect 10: the link checker stays inside the site -------------------------------------------

def test_links_out_of_the_site_root_are_broken(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (tmp_path / "secret.html").write_text("<p id=x>outside</p>", encoding="utf-8")
    (site / "index.html").write_text('<a href="a/">in</a><a href="../secret.html#x">out</a>'
                                     '<a href="https://example.org/other/">own host, outside</a>', encoding="utf-8")
    (site / "a" / "index.html").write_text('<a href="../../secret.html">out</a><a href="../index.html">in</a>'
                                           '<a href="../../../../../etc/passwd">out</a>', encoding="utf-8")
    report = linkcheck.check(site, "https://example.org/site/")
    assert sorted(report.broken) == sorted([
        "index.html: ../secret.html#x → leaves the site's root",
        "index.html: https://example.org/other/ → leaves the site's root",
        "a/index.html: ../../secret.html → leaves the site's root",
        "a/index.html: ../../../../../etc/passwd → leaves the site's root"])


# -- every error names its file and line, exactly (mutation testing found these unpinned) ----

def test_metadata_that_is_not_a_mapping(sources_tree):
    path = sources_tree.add(SIMPLE)
    path.write_text("- slug: x\n", encoding="utf-8")
    error = error_of(lambda: sources.read_all(sources_tree.root))
    assert (error.path, error.line, error.message) == (str(path), 1, "metadata must be a YAML mapping")


def test_no_ordinances_directory(tmp_path):
    error = error_of(lambda: sources.read_all(tmp_path))
    assert str(error) == f"{tmp_path / 'ordinances'}: no ordinances directory"


def written_with_slug_last(path) -> int:
    """Move `slug:` to the end of a metadata file; its line."""
    lines = path.read_text(encoding="utf-8").split("\n")
    slug = next(line for line in lines if line.startswith("slug:"))
    lines = [line for line in lines if line != slug and line] + [slug]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def test_errors_about_the_slug_name_its_line(tmp_path, sources_tree):
    path = sources_tree.add(SIMPLE, slug="departments")
    line = written_with_slug_last(path)
    status, err = build(tmp_path, sources_tree)
    assert f"departments.yml:{line}: slug 'departments' is a name" in err
    second = sources_tree.root / "ordinances" / "copy.yml"
    second.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    error = error_of(lambda: sources.read_all(sources_tree.root))
    assert error.path.endswith("departments.yml") and error.line == line      # sorted: copy.yml first


def test_the_language_prefixes_are_reserved_without_hand_written_pages():
    meta = yamlfile.loads("title: x\nslug: en\n", "m.yml")
    assert error_of(lambda: sources.refuse_reserved(meta, "m.yml")).line == 2
    sources.refuse_reserved(yamlfile.loads("slug: fr\n", "m.yml"), "m.yml")          # not a language here


def test_a_missing_text_file_is_reported_at_the_text_field(sources_tree):
    path = sources_tree.add(SIMPLE)
    (path.parent / "test-ordinance.txt").unlink()
    error = error_of(lambda: sources.read_all(sources_tree.root))
    assert (error.path, error.line) == (str(path), line_of(path, "text:"))


def test_a_changed_text_is_reported_on_the_text(sources_tree):
    sources_tree.add(SIMPLE, source={"received_as": "x.txt", "format": "markdown", "note": "n", "sha256": "0" * 64})
    error = error_of(lambda: sources.read_all(sources_tree.root))
    assert error.path.endswith("test-ordinance.txt") and error.line is None
    assert error.message.startswith("the text is not the one received (its sha256 differs from ")


def test_a_source_knows_its_files(sources_tree):
    sources_tree.add(SIMPLE)
    [source] = sources.read_all(sources_tree.root)
    assert source.meta_path.endswith("test-ordinance.yml") and source.text_path.endswith("test-ordinance.txt")


def test_bidi_controls_in_metadata_are_reported_at_their_lines(sources_tree):
    path = sources_tree.add(SIMPLE, jurisdiction={"city": "测试市", "city_en": "T", "province": f"山东{RLO}省",
                                                   "province_en": "S"})
    [source] = sources.read_all(sources_tree.root)
    [notice] = source.notices
    assert (notice.path, notice.line) == (str(path), line_of(path, "province: "))
    assert notice.message.startswith("field 'jurisdiction.province' holds the bidirectional control U+202E")


def test_a_blank_title_and_a_date_as_text_are_refused(sources_tree):
    sources_tree.add(SIMPLE, title="   ")
    assert "field 'title' must be the Chinese title" in str(error_of(lambda: sources.read_all(sources_tree.root)))
    sources_tree.add(SIMPLE, effective="2025-01-01")
    assert "field 'effective' must be a date, YYYY-MM-DD, not '2025-01-01'" in \
        str(error_of(lambda: sources.read_all(sources_tree.root)))


@pytest.mark.parametrize("drop", ["text", "status", "source"])
def test_fields_after_an_absent_optional_one_are_still_checked(sources_tree, drop):
    """Without `approved` (optional) or `source.sha256` (optional), what comes after
    them is checked as well."""
    meta = metadata(approved=None)
    if drop == "source":
        meta["source"] = {"received_as": "x.txt", "format": "markdown"}       # no sha256, no note
    else:
        meta.pop(drop)
    path = sources_tree.add(SIMPLE)
    path.write_text(dump_metadata(meta), encoding="utf-8")
    missing = "source.note" if drop == "source" else drop
    assert f"field {missing!r} must be" in str(error_of(lambda: sources.read_all(sources_tree.root)))


def test_an_unknown_nested_field_is_reported_at_its_line(sources_tree):
    path = sources_tree.add(SIMPLE, enacted={**metadata()["enacted"], "bodyy": "x"})
    error = error_of(lambda: sources.read_all(sources_tree.root))
    assert (error.path, error.line, error.message) == (str(path), line_of(path, "bodyy:"),
                                                       "unknown key 'bodyy' (expected body, body_en, date)")


def test_not_utf8_on_a_later_line_names_its_line_and_column(sources_tree):
    sources_tree.add(b"\n# \xe6\xb5\x8b\n\n\xe6\xb5\x8b\xe8\xaf\x95\xb0x\n")
    error = error_of(lambda: sources.read_all(sources_tree.root))
    assert (error.line, error.message) == (4, "not UTF-8: byte 0xb0 at column 3 cannot be decoded "
                                              "(save the file as UTF-8)")


def test_not_utf8_after_a_first_empty_line(sources_tree):
    sources_tree.add(b"\n\xb0\n")
    assert str(error_of(lambda: sources.read_all(sources_tree.root))).endswith(
        ":2: not UTF-8: byte 0xb0 at column 1 cannot be decoded (save the file as UTF-8)")


def test_old_mac_line_endings(sources_tree):
    sources_tree.add("# 测试市测试条例\r\r第一条 甲。\r".encode())
    [source] = sources.read_all(sources_tree.root)
    assert source.lines == ["# 测试市测试条例", "", "第一条 甲。", ""]


def test_nul_is_reported_at_its_first_line(sources_tree):
    sources_tree.add("\n第一条 甲。\n第二条 乙\x00。\n第三条 丙\x00。\n\n".encode())
    error = error_of(lambda: sources.read_all(sources_tree.root))
    assert (error.line, error.message) == (3, "contains NUL characters, which no text can hold on a web "
                                              "page: is the file UTF-16 or binary? (save it as UTF-8 text)")


def test_control_and_bidi_characters_are_reported_at_line_and_column(sources_tree):
    path = sources_tree.add(b"\xef\xbb\xbf" + f"# 测试市测试条例\n\n第一条 甲\x07乙{RLO}丙。\n".encode())
    [source] = sources.read_all(sources_tree.root)
    text = str(path.with_suffix(".txt"))
    assert [str(n) for n in source.notices] == [
        f"{text}:1: starts with a UTF-8 byte-order mark; it was ignored",
        f"{text}:3: control character U+0007 at column 6: published as it is, but legal texts have none: "
        "check the source",
        f"{text}:3: bidirectional control U+202E at column 8, which reverses the text after it: published "
        "as it is, isolated from what surrounds it; check the source"]


def test_yaml_errors_name_their_exact_line():
    error = error_of(lambda: yamlfile.loads("a: 1\nb: [1, 2\nc: 3\n", "f.yml"))
    assert (error.path, error.line) == ("f.yml", 3) and str(error).startswith("f.yml:3: not valid YAML: ")
    error = error_of(lambda: yamlfile.loads("a: 1\n  b: 2\n", "f.yml"))
    assert str(error) == "f.yml:2: not valid YAML: mapping values are not allowed in this context"
    error = error_of(lambda: yamlfile.loads("a: 1\nb: !python/object:os.system x\n", "f.yml"))
    assert error.line == 2 and "could not determine a constructor" in str(error)


def test_a_missing_or_binary_yaml_file(tmp_path):
    assert str(error_of(lambda: yamlfile.load(tmp_path / "x.yml"))) == f"{tmp_path / 'x.yml'}: file not found"
    (tmp_path / "y.yml").write_bytes(b"a: \xb0\n")
    assert str(error_of(lambda: yamlfile.load(tmp_path / "y.yml"))) == \
        f"{tmp_path / 'y.yml'}: not UTF-8 (invalid start byte at byte 3)"


def test_a_missing_key_is_reported_at_the_mapping_s_line():
    data = yamlfile.loads("x: 1\ny:\n  z: 2\n", "f.yml")
    assert data["y"].key_line("missing") == 3 and data.key_line("y") == 2
    error = error_of(lambda: vocabulary.loads("\nactors: []\n", "d.yml"))
    assert str(error) == "d.yml:2: `generic` must be a list of phrases that name no particular actor"
