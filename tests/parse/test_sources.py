"""Reading sources: metadata validation, encodings, unique slugs. Every error names
the file and the line."""

import hashlib

import pytest

from lawsite.core.errors import SourceError
from lawsite.parse import sources

from ..conftest import ROOT, SIMPLE


def error_of(call) -> SourceError:
    with pytest.raises(SourceError) as caught:
        call()
    return caught.value


def test_launch_texts_are_kept_byte_for_byte_as_received():
    """The metadata records the sha256 of each text as received (../shared/seeds/);
    reading checks it, so a hand edit fails the build."""
    for slug in ("yantai-digital-economy", "jinan-digital-economy"):
        meta_path = ROOT / "sources" / "ordinances" / f"{slug}.yml"
        source = sources.read(meta_path)
        text = (meta_path.parent / source.meta["text"]).read_bytes()
        assert hashlib.sha256(text).hexdigest() == source.meta["source"]["sha256"]


def test_reads_every_ordinance_in_a_stable_order(sources_tree):
    sources_tree.add(SIMPLE, slug="b-ordinance")
    sources_tree.add(SIMPLE, slug="a-ordinance")
    assert [s.slug for s in sources.read_all(sources_tree.root)] == ["a-ordinance", "b-ordinance"]


def test_missing_required_field_names_file_and_field(sources_tree):
    sources_tree.add(SIMPLE, status=None)
    error = error_of(lambda: sources.read_all(sources_tree.root))
    assert error.path.endswith("test-ordinance.yml")
    assert error.line == 1
    assert "field 'status' must be in_force" in str(error)


def test_missing_nested_field_names_the_line_of_its_mapping(sources_tree):
    sources_tree.add(SIMPLE, jurisdiction={"city": "某市", "city_en": "Some City", "province": "山东省"})
    error = error_of(lambda: sources.read_all(sources_tree.root))
    assert "field 'jurisdiction.province_en' must be the province in English" in str(error)
    lines = (sources_tree.root / "ordinances" / "test-ordinance.yml").read_text().splitlines()
    assert lines[error.line - 1].startswith("  city: 某市")


def test_malformed_field_value(sources_tree):
    sources_tree.add(SIMPLE, status="in force")
    error = error_of(lambda: sources.read_all(sources_tree.root))
    assert "field 'status' must be in_force, not_yet_in_force, repealed or not_verified, not 'in force'" \
        in str(error)
    assert error.line is not None and error.line > 1


def test_unknown_field_is_a_typo(sources_tree):
    sources_tree.add(SIMPLE, efective="2025-01-01")
    assert "unknown key 'efective' (expected slug, title" in str(error_of(lambda: sources.read_all(sources_tree.root)))


def test_bad_slug(sources_tree):
    sources_tree.add(SIMPLE, slug="Bad Slug")
    assert "field 'slug' must be lowercase ASCII" in \
        str(error_of(lambda: sources.read_all(sources_tree.root)))


def test_two_ordinances_with_one_slug(sources_tree):
    sources_tree.add(SIMPLE, slug="one")
    second = sources_tree.root / "ordinances" / "two.yml"
    second.write_text((sources_tree.root / "ordinances" / "one.yml").read_text())
    error = error_of(lambda: sources.read_all(sources_tree.root))
    assert error.path.endswith("two.yml") and error.line == 1
    assert "slug 'one' is already used by" in str(error) and "one.yml" in str(error)


def test_not_utf8_names_line_and_column(sources_tree):
    sources_tree.add("# 测试市测试条例\n\n第一条 为了\xb0测试。\n".encode("gb18030"))
    error = error_of(lambda: sources.read_all(sources_tree.root))
    assert error.path.endswith("test-ordinance.txt")
    assert error.line == 1 and "not UTF-8" in str(error) and "column 3" in str(error)


def test_byte_order_mark_is_accepted_with_a_notice(sources_tree):
    sources_tree.add(b"\xef\xbb\xbf" + SIMPLE.replace("    ", "").encode("utf-8"))
    [source] = sources.read_all(sources_tree.root)
    assert source.lines[0] == "# 测试市测试条例"
    [notice] = source.notices
    assert notice.line == 1 and "byte-order mark" in notice.message


def test_crlf_line_endings(sources_tree):
    sources_tree.add(SIMPLE.replace("    ", "").replace("\n", "\r\n").encode("utf-8"))
    [source] = sources.read_all(sources_tree.root)
    assert source.lines[:2] == ["# 测试市测试条例", ""]


def test_text_changed_after_receipt_is_refused(sources_tree):
    sources_tree.add(SIMPLE, source={"received_as": "x.txt", "format": "markdown",
                                     "note": "n", "sha256": "0" * 64})
    assert "the text is not the one received" in \
        str(error_of(lambda: sources.read_all(sources_tree.root)))


def test_missing_text_file(sources_tree):
    path = sources_tree.add(SIMPLE)
    (path.parent / "test-ordinance.txt").unlink()
    error = error_of(lambda: sources.read_all(sources_tree.root))
    assert error.path.endswith(".yml") and "text file test-ordinance.txt not found" in str(error)


def test_yaml_syntax_error_names_the_line(sources_tree):
    path = sources_tree.add(SIMPLE)
    path.write_text(path.read_text() + "status: [unclosed\n")
    error = error_of(lambda: sources.read_all(sources_tree.root))
    assert "not valid YAML" in str(error) and error.line is not None


def test_duplicate_yaml_key(sources_tree):
    path = sources_tree.add(SIMPLE)
    path.write_text(path.read_text() + "status: in_force\n")
    assert "key 'status' appears twice" in str(error_of(lambda: sources.read_all(sources_tree.root)))


def test_nul_characters_are_refused(sources_tree):
    sources_tree.add("第一条 甲。\n第二条 乙\x00丙。\n".encode())
    error = error_of(lambda: sources.read_all(sources_tree.root))
    assert error.line == 2 and "NUL characters" in str(error)
