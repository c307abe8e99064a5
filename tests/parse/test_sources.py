"""Reading sources: metadata validation, encodings, unique slugs. Every error names
the file and the line."""

import datetime
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


# -- the metadata of real law (ordinance.schema.json) ----------------------------------------

def line_of(path, text: str) -> int:
    return next(number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if text in line)


def test_real_law_metadata_is_valid_provincial_amended_unverified(sources_tree):
    """What the importer writes: no city, no English names, no adoption body_en, amendments,
    a version date, status not_verified; the launch metadata stays valid too."""
    sources_tree.add(SIMPLE, title_en=None, short_title=None, short_title_en=None, effective=None,
                     jurisdiction={"province": "浙江省", "province_en": "Zhejiang"},
                     enacted={"body": "浙江省人民代表大会常务委员会", "date": datetime.date(2009, 11, 27)},
                     approved=None, status="not_verified", version_date=datetime.date(2021, 9, 29),
                     promulgated={"date": datetime.date(2009, 11, 28), "announcement": "公告第14号"},
                     official_url="https://flk.npc.gov.cn/detail",
                     amendments=[{"date": datetime.date(2021, 9, 29), "kind": "修正", "ordinal": "第一次",
                                  "decision": "《关于修改〈某条例〉的决定》", "text": "2021年9月29日…修正",
                                  "approved": {"date": datetime.date(2021, 10, 1)}}])
    [source] = sources.read_all(sources_tree.root)
    assert source.meta["amendments"][0]["kind"] == "修正" and source.notices == []


@pytest.mark.parametrize("change, where, message", [
    ({"amendments": [{"kind": "修正"}, {"kind": "修改了"}]}, "kind: 修改了",
     "field 'amendments[].kind' must be 修正 (amended by a decision), 修订 (revised) or 修改 (as written), not '修改了'"),
    ({"amendments": [{"kind": "修正", "dat": "x"}]}, "dat: x", "unknown key 'dat' (expected date, body, kind"),
    ({"version_date": "2021-09-29"}, "version_date:",
     "field 'version_date' must be the date of this version of the text, YYYY-MM-DD, not '2021-09-29'"),
    ({"jurisdiction": {"province": "浙江省", "province_en": "Zhejiang", "city": "杭州市"}}, "jurisdiction:",
     "field 'jurisdiction' must be a mapping of province (and city) names"),
    ({"official_url": "javascript:alert(1)"}, "official_url:", "field 'official_url' must be the official source's"),
    ({"status": "verified"}, "status:", "field 'status' must be in_force, not_yet_in_force, repealed or not_verified"),
])
def test_real_law_metadata_errors_are_at_their_line(sources_tree, change, where, message):
    path = sources_tree.add(SIMPLE, **change)
    error = error_of(lambda: sources.read_all(sources_tree.root))
    assert (error.path, error.line) == (str(path), line_of(path, where))
    assert error.message.startswith(message)


def test_no_adoption_date_is_a_warning_not_an_error(sources_tree):
    path = sources_tree.add(SIMPLE, enacted={"body": "测试市人民代表大会常务委员会"}, approved=None,
                            version_date=datetime.date(2021, 9, 29))
    [source] = sources.read_all(sources_tree.root)
    [notice] = source.notices
    assert (notice.path, notice.line) == (str(path), 1)
    assert notice.message.startswith("no adoption date (enacted.date)") and "its version date" in notice.message
