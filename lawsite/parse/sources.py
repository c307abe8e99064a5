"""Find the ordinances under sources/, read their text and metadata, validate them.

An ordinance is a metadata file `sources/ordinances/<name>.yml` and the text file
it names, kept byte for byte as received. Adding an ordinance means adding
these two files; nothing here knows any particular ordinance.
"""

import datetime
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from lawsite.core import paths, yamlfile
from lawsite.core.errors import Notice, SourceError, display_path, shown
from lawsite.site import markup, urls
from lawsite.translation import i18n

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")                       # the whole value (fullmatch)
CONTROL = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")     # not tab or newline
LINE_BREAK = re.compile(r"[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
STATUSES = ("in_force", "not_yet_in_force", "repealed")


def _text(value) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _line(value) -> bool:
    """Text on one line: a title or a name (in a heading, a table cell, a <title>)."""
    return _text(value) and not LINE_BREAK.search(value)


def _date(value) -> bool:
    return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)


# A declared correction (`corrections:` in the metadata): the editor inserts a few
# characters the source lost (a 项's marker （七）) at a line and column of the text file.
# The text stays as received; the build applies each one as a recorded repair and the
# page says "inserted by the editor". Plain text only: no markup, no whitespace, short.
CORRECTION_KINDS = {
    "missing-item-marker": re.compile(r"（[一二三四五六七八九十百]+）"),    # （七）
    "missing-punctuation": re.compile(r"[。，、；：？！“”‘’（）《》]"),       # one mark
}
CORRECTION_KEYS = {"line", "column", "insert", "kind", "note"}
INSERT_MOST = 12                      # the most characters one correction may insert


def correction_problem(entry) -> str:
    """What is wrong with one entry of `corrections:`, or "" when it is well-formed.

    >>> correction_problem({"line": 57, "column": 1, "insert": "（七）",
    ...                     "kind": "missing-item-marker", "note": "项号缺失"})
    ''
    >>> correction_problem({"line": 57, "column": 1, "insert": "<b>",
    ...                     "kind": "missing-item-marker", "note": "x"})
    "insert '<b>' is not a missing-item-marker (e.g. （七）)"
    """
    if not isinstance(entry, dict):
        return "each correction must be a mapping of line, column, insert, kind and note"
    if set(entry) != CORRECTION_KEYS:
        return f"a correction has exactly the keys {', '.join(sorted(CORRECTION_KEYS))}, not {', '.join(map(str, entry))}"
    for key in ("line", "column"):
        if not isinstance(entry[key], int) or isinstance(entry[key], bool) or entry[key] < 1:
            return f"{key} must be a whole number from 1, not {shown(entry[key])}"
    kind, insert = entry["kind"], entry["insert"]
    if kind not in CORRECTION_KINDS:
        return f"kind must be one of {', '.join(CORRECTION_KINDS)}, not {shown(kind)}"
    if not isinstance(insert, str) or len(insert) > INSERT_MOST or not CORRECTION_KINDS[kind].fullmatch(insert):
        example = "（七）" if kind == "missing-item-marker" else "。"
        return f"insert {shown(insert)} is not a {kind} (e.g. {example})"
    if not _line(entry["note"]) or CONTROL.search(entry["note"]):
        return "note must be text on one line: why the editor inserts it"
    return ""


def _corrections(value) -> bool:
    return isinstance(value, list)


# Every metadata field: its dotted path, whether it is required, and what it must be.
FIELDS = {
    "slug": (True, lambda v: isinstance(v, str) and bool(SLUG.fullmatch(v)),
             "lowercase ASCII words joined by hyphens, e.g. yantai-digital-economy"),
    "title": (True, _line, "the Chinese title, on one line"),
    "title_en": (True, _line, "the English title, on one line"),
    "short_title": (True, _line, "a short Chinese name, e.g. 烟台"),
    "short_title_en": (True, _line, "a short English name, e.g. Yantai"),
    "jurisdiction": (True, lambda v: isinstance(v, dict), "a mapping"),
    "jurisdiction.city": (True, _line, "the city, e.g. 烟台市"),
    "jurisdiction.city_en": (True, _line, "the city in English"),
    "jurisdiction.province": (True, _line, "the province, e.g. 山东省"),
    "jurisdiction.province_en": (True, _line, "the province in English"),
    "enacted": (True, lambda v: isinstance(v, dict), "a mapping"),
    "enacted.body": (True, _line, "the enacting body, on one line"),
    "enacted.body_en": (True, _line, "the enacting body in English, on one line"),
    "enacted.date": (True, _date, "a date, YYYY-MM-DD"),
    "approved": (False, lambda v: isinstance(v, dict), "a mapping"),
    "approved.body": (False, _line, "the approving body, on one line"),
    "approved.body_en": (False, _line, "the approving body in English, on one line"),
    "approved.date": (False, _date, "a date, YYYY-MM-DD"),
    "effective": (True, _date, "a date, YYYY-MM-DD"),
    "status": (True, lambda v: v in STATUSES, "one of " + ", ".join(STATUSES)),
    "text": (True, _text, "the name of the text file beside the metadata"),
    "source": (True, lambda v: isinstance(v, dict), "a mapping"),
    "source.received_as": (True, _text, "the file name as received"),
    "source.format": (True, _text, "how the text was made, e.g. markdown, pdf-text"),
    "source.sha256": (False, lambda v: isinstance(v, str) and bool(re.fullmatch(r"[0-9a-f]{64}", v)),
                      "64 lowercase hex digits"),
    "source.note": (True, _text, "where the text came from"),
    "corrections": (False, _corrections, "a list of declared corrections (line, column, insert, kind, note)"),
}


@dataclass
class Source:
    """One ordinance as read from disk: metadata and text lines, not yet parsed."""

    meta: dict
    meta_path: str
    text_path: str
    lines: list[str]                  # without line endings; lines[0] is line 1
    notices: list[Notice] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return self.meta["slug"]


def discover(sources_dir) -> list[Path]:
    """The metadata files of every ordinance, in a stable order."""
    directory = Path(sources_dir) / "ordinances"
    if not directory.is_dir():
        raise SourceError(display_path(directory), None, "no ordinances directory")
    return sorted(directory.glob("*.yml"))


def read_all(sources_dir) -> list[Source]:
    """Read and validate every ordinance; slugs must be unique."""
    sources, seen = [], {}
    for meta_path in discover(sources_dir):
        source = read(meta_path)
        if source.slug in seen:
            raise SourceError(source.meta_path, source.meta.key_line("slug"),
                              f"slug {shown(source.slug)} is already used by {seen[source.slug]}")
        seen[source.slug] = source.meta_path
        sources.append(source)
    return sources


def read(meta_path) -> Source:
    """Read one ordinance: its metadata file and the text file it names."""
    meta_path = Path(meta_path)
    shown = display_path(meta_path)
    meta = yamlfile.load(meta_path)
    validate_metadata(meta, shown)
    text_path = _text_path(meta_path, meta["text"], shown, meta.key_line("text"))
    raw = _read_bytes(text_path, shown, meta.key_line("text"))
    expected = meta["source"].get("sha256")
    if expected and hashlib.sha256(raw).hexdigest() != expected:
        raise SourceError(display_path(text_path), None,
                          "the text is not the one received (its sha256 differs from "
                          f"{shown}); texts are never edited by hand: repairs belong in code")
    lines, notices = decode(raw, display_path(text_path))
    return Source(meta, shown, display_path(text_path), lines, metadata_notices(meta, shown) + notices)


def metadata_notices(meta, path: str) -> list[Notice]:
    """Warnings about the metadata's text: bidi controls in a title or a name."""
    notices = []
    for name in FIELDS:
        *parents, key = name.split(".")
        container = meta
        for parent in parents:
            container = container.get(parent) if isinstance(container, dict) else None
        if isinstance(container, dict) and isinstance(container.get(key), str):
            notices += markup.bidi_notice(path, container.key_line(key), f"field {name!r}", container[key])
    return notices


def _text_path(meta_path: Path, name: str, shown: str, line: int) -> Path:
    """The text file that `text:` names: a file beside the metadata, never a path
    that leaves its directory (`../`, an absolute path, a link pointing outside)."""
    problem = paths.problem(name) or ("is a path, not a file name" if "/" in name else None)
    path = meta_path.parent / name
    if problem is None and not paths.inside(meta_path.parent, path):
        problem = "leads outside the directory (a symbolic link)"
    if problem:
        raise SourceError(shown, line, f"text {name[:80]!r} {problem}: it must be the name of "
                          f"a text file beside {meta_path.name}, e.g. {meta_path.stem}.txt")
    return path


def _read_bytes(path: Path, meta_path: str, line: int) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise SourceError(meta_path, line, f"text file {path.name} not found") from None
    except IsADirectoryError:
        raise SourceError(meta_path, line, f"text {path.name} is a directory, not a text file") from None
    except OSError as error:
        raise SourceError(meta_path, line, f"text file {path.name} cannot be read: "
                          f"{error.strerror}") from None


def decode(raw: bytes, path: str) -> tuple[list[str], list[Notice]]:
    """UTF-8 bytes → lines. A byte-order mark is accepted with a notice.

    >>> decode(b"\\xef\\xbb\\xbf# \\xe6\\x9d\\xa1\\r\\nx", "t.txt")[0]
    ['# 条', 'x']
    >>> decode(b"ok\\n\\xb0", "t.txt")
    Traceback (most recent call last):
    ...
    lawsite.core.errors.SourceError: t.txt:2: not UTF-8: byte 0xb0 at column 1 cannot be decoded (save the file as UTF-8)
    """
    notices = []
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
        notices.append(Notice(path, 1, "starts with a UTF-8 byte-order mark; it was ignored"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        line = raw.count(b"\n", 0, error.start) + 1
        column = len(raw[line_start:error.start].decode("utf-8", "replace")) + 1
        raise SourceError(path, line, f"not UTF-8: byte 0x{raw[error.start]:02x} at column "
                          f"{column} cannot be decoded (save the file as UTF-8)") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise SourceError(path, line, "contains NUL characters, which no text can hold on a web "
                          "page: is the file UTF-16 or binary? (save it as UTF-8 text)")
    for number, line in enumerate(lines, 1):
        for match in CONTROL.finditer(line):
            notices.append(Notice(path, number, f"control character U+{ord(match.group()):04X} at "
                                  f"column {match.start() + 1}: published as it is, but legal texts "
                                  "have none: check the source"))
        for match in markup.BIDI.finditer(line):
            notices.append(Notice(path, number, f"bidirectional control U+{ord(match.group()):04X} at "
                                  f"column {match.start() + 1}, which reverses the text after it: "
                                  "published as it is, isolated from what surrounds it; check the source"))
    return lines, notices


def validate_metadata(meta, path: str) -> None:
    """Every required field present and well-formed; no unknown fields."""
    if not isinstance(meta, yamlfile.Mapping):
        raise SourceError(path, 1, "metadata must be a YAML mapping")
    for name, (required, check, expected) in FIELDS.items():
        *parents, key = name.split(".")
        container = meta
        for parent in parents:
            container = container.get(parent) if isinstance(container, dict) else None
        if not isinstance(container, dict):
            continue                                  # optional parent absent
        if key not in container:
            if required:
                raise SourceError(path, container.line,
                                  f"missing required field {shown(name)} ({expected})")
            continue
        if not check(container[key]):
            raise SourceError(path, container.key_line(key),
                              f"field {shown(name)} must be {expected}, not {shown(container[key])}")
    _reject_unknown(meta, path, "")
    for entry in meta.get("corrections", []):
        problem = correction_problem(entry)
        if problem:
            line = entry.line if isinstance(entry, yamlfile.Mapping) else meta.key_line("corrections")
            raise SourceError(path, line, f"corrections: {problem}")


def refuse_reserved(meta, path: str, hand_written=()) -> None:
    """A slug may not take a name of the site itself (urls.reserved): a section, a
    language tree, or (`hand_written`, docs/ paths) a hand-written page. Checked by
    the build (build.generate), which knows the hand-written pages."""
    languages = [code for code in i18n.CODES if code != i18n.OFFICIAL]
    reserved = urls.reserved(languages, hand_written)
    if meta["slug"] in reserved:
        raise SourceError(path, meta.key_line("slug"),
                          f"slug {meta['slug']!r} is a name the site uses for its own pages; "
                          f"these are reserved: {', '.join(reserved)}")


def _reject_unknown(mapping, path: str, prefix: str) -> None:
    for key, value in mapping.items():
        name = prefix + str(key)
        if name not in FIELDS:
            raise SourceError(path, mapping.key_line(key), f"unknown field {shown(name)}")
        if isinstance(value, dict):
            _reject_unknown(value, path, name + ".")
