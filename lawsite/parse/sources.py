"""Find the ordinances under sources/, read their text and metadata, validate them.

An ordinance is a metadata file `sources/ordinances/<name>.yml` and the text file
it names, kept byte for byte as received. Adding an ordinance means adding
these two files; nothing here knows any particular ordinance.
"""

import datetime  # noqa: F401  (the doctests)
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from lawsite.core import paths, schema, yamlfile
from lawsite.core.errors import Notice, SourceError, display_path, shown
from lawsite.site import markup, urls
from lawsite.translation import i18n

CONTROL = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")     # not tab or newline
SCHEMA = Path(__file__).with_name("ordinance.schema.json")     # every field: what it must be


# A declared correction (`corrections:` in the metadata): the editor inserts a few
# characters the source lost (a 项's marker （七）) at a line and column of the text file.
# The text stays as received; the build applies each one as a recorded repair and the
# page says "inserted by the editor". Its shape is in ordinance.schema.json; what it may
# insert, by kind, is here: plain text only, no markup, no whitespace.
CORRECTION_KINDS = {
    "missing-item-marker": re.compile(r"（[一二三四五六七八九十百]+）"),    # （七）
    "missing-punctuation": re.compile(r"[。，、；：？！“”‘’（）《》]"),       # one mark
}


def correction_problem(entry) -> str:
    """What is wrong with the insertion of one (schema-checked) correction, or "".

    >>> correction_problem({"line": 57, "column": 1, "insert": "（七）",
    ...                     "kind": "missing-item-marker", "note": "项号缺失"})
    ''
    >>> correction_problem({"line": 57, "column": 1, "insert": "<b>",
    ...                     "kind": "missing-item-marker", "note": "x"})
    "insert '<b>' is not a missing-item-marker (e.g. （七）)"
    """
    kind, insert = entry["kind"], entry["insert"]
    if not CORRECTION_KINDS[kind].fullmatch(insert):
        example = "（七）" if kind == "missing-item-marker" else "。"
        return f"insert {shown(insert)} is not a {kind} (e.g. {example})"
    return ""


@dataclass
class Source:
    """One ordinance as read from disk: metadata and text lines, not yet parsed."""

    meta: yamlfile.Mapping
    meta_path: str
    text_path: str
    lines: list[str]                  # without line endings; lines[0] is line 1
    notices: list[Notice] = field(default_factory=list)
    old_version: str = ""             # an earlier version of its work: its version date (versions())

    @property
    def slug(self) -> str:
        return self.meta["slug"]

    @property
    def version_date(self) -> str:
        date = self.meta.get("version_date")
        return date.isoformat() if date else ""


def versions(claims: list[Source]) -> str:
    """Several metadata files claiming one slug are the versions (expressions) of one
    work when each names its own `version_date`: the latest is the current version (at
    the work's URLs), each earlier one gets `old_version`, its date (at
    `<slug>/<date>/`). Returns "" when they are versions (or only one file claims the
    slug), else what is wrong.

    >>> a = Source({"slug": "w", "version_date": datetime.date(2020, 3, 27)}, "a.yml", "a.txt", [])
    >>> b = Source({"slug": "w", "version_date": datetime.date(2024, 11, 29)}, "b.yml", "b.txt", [])
    >>> versions([b, a]), a.old_version, b.old_version
    ('', '2020-03-27', '')
    >>> versions([a, Source({"slug": "w"}, "c.yml", "c.txt", [])])
    'versions of one work need each its own version_date'
    """
    if len(claims) < 2:
        return ""
    dates = [source.version_date for source in claims]
    if not all(dates) or len(set(dates)) < len(dates):
        return "versions of one work need each its own version_date"
    latest = max(dates)
    for source in claims:
        source.old_version = "" if source.version_date == latest else source.version_date
    return ""


def discover(sources_dir) -> list[Path]:
    """The metadata files of every ordinance, in a stable order."""
    directory = Path(sources_dir) / "ordinances"
    if not directory.is_dir():
        raise SourceError(display_path(directory), None, "no ordinances directory")
    return sorted(directory.glob("*.yml"))


def read_all(sources_dir) -> list[Source]:
    """Read and validate every ordinance; slugs must be unique, but for the versions of
    one work (versions())."""
    sources: list[Source] = []
    claims: dict[str, list[Source]] = {}
    for meta_path in discover(sources_dir):
        source = read(meta_path)
        claims.setdefault(source.slug, []).append(source)
        if versions(claims[source.slug]):
            first = claims[source.slug][0]
            raise SourceError(source.meta_path, source.meta.key_line("slug"),
                              f"slug {shown(source.slug)} is already used by {first.meta_path} "
                              "(versions of one work need each its own version_date)")
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
    """Warnings about the metadata: bidi controls in a title or a name; no adoption date."""
    notices = []
    for name, container, key in _strings(meta, ""):
        notices += markup.bidi_notice(path, container.key_line(key), f"field {name!r}", container[key])
    if not (meta.get("enacted") or {}).get("date"):
        notices.append(Notice(path, meta.line, "no adoption date (enacted.date): the pages say so, and "
                              "the ordinance is identified and cited by "
                              + ("its version date" if meta.get("version_date") else "no date")))
    return notices


def _strings(mapping, prefix: str):
    """(dotted name, mapping, key) of every text in the metadata, nested ones included."""
    for key, value in mapping.items():
        name = prefix + str(key)
        if isinstance(value, str):
            yield name, mapping, key
        elif isinstance(value, dict):
            yield from _strings(value, name + ".")
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, dict):
                    yield from _strings(item, f"{name}[{index}].")


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
        bad_line = raw.count(b"\n", 0, error.start) + 1
        column = len(raw[line_start:error.start].decode("utf-8", "replace")) + 1
        raise SourceError(path, bad_line, f"not UTF-8: byte 0x{raw[error.start]:02x} at column "
                          f"{column} cannot be decoded (save the file as UTF-8)") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if "\x00" in text:
        nul_line = text.count("\n", 0, text.index("\x00")) + 1
        raise SourceError(path, nul_line, "contains NUL characters, which no text can hold on a web "
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
    """Every required field present and well-formed; no unknown fields
    (ordinance.schema.json, each error at its line)."""
    if not isinstance(meta, yamlfile.Mapping):
        raise SourceError(path, 1, "metadata must be a YAML mapping")
    schema.check(meta, schema.load(SCHEMA), path, values=True)
    for entry in meta.get("corrections", []):
        problem = correction_problem(entry)
        if problem:
            raise SourceError(path, entry.line, f"corrections: {problem}")


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
