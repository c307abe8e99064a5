"""The LawRefBook importer: texts copied byte for byte, metadata derived (never
invented) and valid, slugs unique and readable, re-runs idempotent, curated
metadata kept."""

import datetime
import hashlib
import re
import shutil

import pytest

import build_corpus
from lawsite.core import yamlfile
from lawsite.ingest import lawrefbook, slugs
from lawsite.parse import sources
from lawsite.site import urls

from ..conftest import ROOT

CORPUS = ROOT / "corpora" / "lawrefbook"
FILES = ["beijing/北京市安全生产条例(2022-05-25).md", "beijing/北京市安全生产条例.md",
         "shandong/青岛市环境噪声管理规定(2020-03-26).md", "shandong/山东黄河三角洲国家级自然保护区条例(2017-12-01).md",
         "zhejiang/杭州西湖文化景观保护管理条例(2011-12-07).md", "zhejiang/浙江省义务教育条例(2021-09-30).md",
         "henan/河南省乡镇人民代表大会主席团工作条例.md", "shanghai/上海市市级预算审查监督规定(2001-08-20).md"]


@pytest.fixture
def received(tmp_path):
    """A few corpus files, in LawRefBook's layout."""
    for name in FILES:
        (tmp_path / "received" / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(CORPUS / name, tmp_path / "received" / name)
    return tmp_path / "received"


def imported(directory) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted((directory / "ordinances").iterdir())}


def test_texts_are_copied_byte_for_byte_and_their_metadata_is_valid(received, tmp_path):
    written = lawrefbook.run([received], tmp_path / "sources", say=lambda notice: None)
    assert len(written) == len(FILES) == len(set(written)) + 1     # two versions of one work
    for source in sources.read_all(tmp_path / "sources"):              # the schema, the sha256
        text = (tmp_path / "sources" / "ordinances" / source.meta["text"]).read_bytes()
        original = next(received.rglob(source.meta["source"]["received_as"]))
        assert text == original.read_bytes()
        assert source.meta["source"]["sha256"] == hashlib.sha256(text).hexdigest()
        assert source.meta["status"] == "not_verified" and "title_en" not in source.meta


def test_metadata_derived_from_the_header_and_the_path(received, tmp_path):
    lawrefbook.run([received], tmp_path / "sources", say=lambda notice: None)
    meta = yamlfile.load(tmp_path / "sources" / "ordinances" / "qingdao-huanjingzaosheng-guanli-guiding.yml")
    assert meta["jurisdiction"] == {"province": "山东省", "province_en": "Shandong", "city": "青岛市", "city_en": "Qingdao"}
    assert meta["kind"] == "规定" and meta["version_date"] == datetime.date(2020, 3, 26)
    assert meta["enacted"] == {"body": "青岛市人民代表大会常务委员会", "date": datetime.date(1988, 9, 8)}
    assert meta["approved"] == {"body": "山东省人民代表大会常务委员会", "date": datetime.date(1988, 9, 24)}
    assert meta["promulgated"] == {"body": "青岛市人民代表大会常务委员会", "date": datetime.date(1988, 10, 15)}
    assert [(a["date"], a["approved"]["date"], a["ordinal"]) for a in meta["amendments"]][-1] == (
        datetime.date(2020, 1, 14), datetime.date(2020, 3, 26), "第六次")
    assert "effective" not in meta            # 1989年1月1日 施行 is the first version's, not this one's
    provincial = yamlfile.load(tmp_path / "sources" / "ordinances" / "zhejiang-yiwujiaoyu-tiaoli.yml")
    assert provincial["jurisdiction"] == {"province": "浙江省", "province_en": "Zhejiang"}
    assert [a["kind"] for a in provincial["amendments"]] == ["修正", "修订", "修正"]


def test_the_city_is_the_enacting_bodys_or_the_titles(received, tmp_path):
    lawrefbook.run([received], tmp_path / "sources", say=lambda notice: None)
    by_title = {meta["title"]: meta for meta in map(yamlfile.load, (tmp_path / "sources" / "ordinances").glob("*.yml"))}
    assert by_title["山东黄河三角洲国家级自然保护区条例"]["jurisdiction"]["city"] == "东营市"    # its enacting body
    assert by_title["杭州西湖文化景观保护管理条例"]["jurisdiction"]["city"] == "杭州市"        # its title
    assert "city" not in by_title["北京市安全生产条例"]["jurisdiction"]                   # a municipality


def test_what_cannot_be_read_is_left_out_not_guessed(received, tmp_path):
    """上海市市级预算审查监督规定: its header has no dated line (a fragment after INFO END)."""
    notices = []
    lawrefbook.run([received], tmp_path / "sources", say=notices.append)
    meta = yamlfile.load(tmp_path / "sources" / "ordinances" / "shanghai-shiji-yusuan-shencha-jiandu-guiding.yml")
    assert "enacted" not in meta and "approved" not in meta and "effective" not in meta
    assert meta["version_date"] == datetime.date(2001, 8, 20)


def test_versions_of_one_title_are_one_work_sharing_its_slug(received, tmp_path):
    """北京市安全生产条例.md (no date in its name; its header's last date 2016-11-25) and
    (2022-05-25).md: one work, the latest at <slug>.yml, the earlier at <slug>.<date>.yml."""
    written = lawrefbook.run([received], tmp_path / "sources", say=lambda notice: None)
    assert written.count("beijing-anquan-shengchan-tiaoli") == 2
    directory = tmp_path / "sources" / "ordinances"
    current = yamlfile.load(directory / "beijing-anquan-shengchan-tiaoli.yml")
    earlier = yamlfile.load(directory / "beijing-anquan-shengchan-tiaoli.2016-11-25.yml")
    assert current["version_date"] == datetime.date(2022, 5, 25) and current["text"] == "beijing-anquan-shengchan-tiaoli.txt"
    assert earlier["version_date"] == datetime.date(2016, 11, 25)
    assert earlier["text"] == "beijing-anquan-shengchan-tiaoli.2016-11-25.txt"
    assert earlier["source"]["received_as"] == "北京市安全生产条例.md"
    read = sources.read_all(tmp_path / "sources")
    assert {s.meta_path.rsplit("/", 1)[1]: s.old_version for s in read if s.slug == "beijing-anquan-shengchan-tiaoli"} \
        == {"beijing-anquan-shengchan-tiaoli.yml": "", "beijing-anquan-shengchan-tiaoli.2016-11-25.yml": "2016-11-25"}


def test_a_rerun_writes_the_same_bytes_and_says_nothing(received, tmp_path):
    lawrefbook.run([received], tmp_path / "sources", say=lambda notice: None)
    first = imported(tmp_path / "sources")
    notices = []
    lawrefbook.run([received], tmp_path / "sources", say=notices.append)
    assert imported(tmp_path / "sources") == first and not [n for n in notices if "kept" in n]
    lawrefbook.run(sorted(received.rglob("*.md"), reverse=True), tmp_path / "again", say=lambda notice: None)
    assert imported(tmp_path / "again") == first                        # not the order of the files


def test_a_curated_metadata_file_is_kept(received, tmp_path):
    lawrefbook.run([received], tmp_path / "sources", say=lambda notice: None)
    path = tmp_path / "sources" / "ordinances" / "qingdao-huanjingzaosheng-guanli-guiding.yml"
    curated = path.read_text(encoding="utf-8").replace("status: not_verified", "status: in_force") + \
        "title_en: Provisions of Qingdao Municipality on Environmental Noise\n"
    path.write_text(curated, encoding="utf-8")
    notices = []
    lawrefbook.run([received], tmp_path / "sources", say=notices.append)
    assert path.read_text(encoding="utf-8") == curated
    assert [n for n in notices if "kept" in n] == [f"{path}: kept: it differs from what the importer would write "
                                                   f"for {received / FILES[2]} (curated)"]


def test_the_command_line(received, tmp_path, capsys):
    assert build_corpus.main(["import", "lawrefbook", str(received / "shandong"), "--sources",
                              str(tmp_path / "sources")]) == 0
    assert capsys.readouterr().out.startswith("2 texts imported into")
    assert build_corpus.main(["import", "lawrefbook", str(received / "nowhere"), "--sources", str(tmp_path)]) == 1


def test_slugs_over_the_whole_corpus_are_unique_ascii_and_not_reserved():
    candidates = [item.candidate for item in lawrefbook.derive_all([CORPUS], say=lambda notice: None)]
    chosen = slugs.unique(candidates, urls.reserved(["en"]))
    assert len(chosen) == len(candidates)
    shared: dict[str, list] = {}
    for candidate in candidates:
        shared.setdefault(chosen[candidate.key], []).append(candidate)
    # only the versions of one work share a slug: 17 titles of the corpus
    assert all(slugs.versions(group) for group in shared.values() if len(group) > 1)
    assert len([group for group in shared.values() if len(group) > 1]) == 17
    for slug in chosen.values():
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug) and slug not in urls.reserved(["en"])
        assert len(slug) <= 80
    assert chosen["beijing/北京市安全生产条例(2022-05-25).md"] == chosen["beijing/北京市安全生产条例.md"] \
        == "beijing-anquan-shengchan-tiaoli"
    # a text without date or header beside a dated one cannot be placed among its versions
    assert chosen["shanghai/上海市殡葬管理条例(2024-08-22).md"] == "shanghai-binzang-guanli-tiaoli-2024-08-22"
    assert chosen["zhejiang/杭州西湖文化景观保护管理条例(2011-12-07).md"] == "hangzhou-xihu-wenhuajingguan-baohu-guanli-tiaoli"
    assert not set(chosen.values()) & {"yantai-digital-economy", "jinan-digital-economy"}


def test_clashes_are_resolved_the_same_whatever_the_order():
    a = slugs.Candidate("a/x(2020-01-01).md", "x-tiaoli", "某条例", "2020-01-01")
    b = slugs.Candidate("a/x.md", "x-tiaoli", "某条例", None)
    c = slugs.Candidate("a/y.md", "x-tiaoli", "某某条例", None)
    assert slugs.unique([a, b, c]) == slugs.unique([c, b, a])
    assert len(set(slugs.unique([a, b, c]).values())) == 3
    assert slugs.unique([a]) == {"a/x(2020-01-01).md": "x-tiaoli"}            # no clash: no suffix
    assert slugs.unique([slugs.Candidate("k", "index", "t", None)], ["index"]) == {"k": "index-text"}
