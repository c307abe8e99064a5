"""write_tree's comparison by the digests it recorded (publish/output.py): an unchanged
file is kept without being read back, a file changed behind the build's back is written
again, and a missing or damaged record only means reading the old files."""

import os
from pathlib import Path

import pytest

from lawsite.publish import output

FILES = {"a/index.md": "甲", "a/b.md": "乙" * 1000, ".nav.yml": "{}", "data/x.json": "[1]"}


@pytest.fixture
def reads(monkeypatch):
    """The old files write_tree read back to compare, by path."""
    read: list[str] = []
    holds, same = output._holds, output._same_file

    def holding(path, data):
        read.append(Path(path).name)
        return holds(path, data)

    def same_file(old, new):
        read.append(Path(old).name)
        return same(old, new)
    monkeypatch.setattr(output, "_holds", holding)
    monkeypatch.setattr(output, "_same_file", same_file)
    return read


def test_an_unchanged_file_is_kept_without_being_read(tmp_path, reads):
    docs = tmp_path / "docs"
    output.write_tree(docs, FILES)
    before = {path: (docs / path).stat().st_ino for path in FILES}
    reads.clear()
    report = output.write_tree(docs, dict(FILES, **{"a/b.md": "丙" * 1000}))
    assert report.written == ["a/b.md"] and report.unchanged == 3
    assert reads == ["b.md"]                      # only the changed file (its digest differs)
    assert (docs / "a" / "b.md").read_text(encoding="utf-8") == "丙" * 1000
    assert {path: (docs / path).stat().st_ino for path in FILES if path != "a/b.md"} == \
        {path: ino for path, ino in before.items() if path != "a/b.md"}
    reads.clear()

    def pieces():
        yield "[1"
        yield "]"
    report = output.write_tree(docs, dict(FILES, **{"a/b.md": "丙" * 1000, "data/x.json": pieces()}))
    assert report.written == [] and reads == [output.MANIFEST]     # (nothing changed: the manifest)


def test_a_file_changed_behind_the_builds_back_is_written_again(tmp_path, reads):
    docs = tmp_path / "docs"
    output.write_tree(docs, FILES)
    changed = docs / "a" / "b.md"
    stat = changed.stat()
    with open(changed, "r+b") as file:            # the same size, in place (the same inode)
        file.write("丁".encode())
    os.utime(changed, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    report = output.write_tree(docs, FILES)
    assert report.written == ["a/b.md"]
    assert changed.read_text(encoding="utf-8") == "乙" * 1000


@pytest.mark.parametrize("record", [None, "not json", '{"a/index.md": 3}'])
def test_without_a_record_the_old_files_are_compared(tmp_path, reads, record):
    docs = tmp_path / "docs"
    output.write_tree(docs, FILES)
    digests = output.store(docs).current_version() / output.DIGESTS
    if record is None:
        digests.unlink()
    else:
        digests.write_text(record, encoding="utf-8")
    reads.clear()
    report = output.write_tree(docs, FILES)
    assert report.written == [] and report.unchanged == 4 and len(reads) >= 1
    assert output.all_files(docs) == sorted(FILES)
    assert not any(output.DIGESTS in path for path in output.all_files(docs))
