"""Import LawRefBook Markdown files as ordinances of a sources directory.

    python build_corpus.py import lawrefbook PATH... --sources DIR

For each `<province>/<title>(<date>).md` (PATH a file or a folder, read
recursively) it writes `DIR/ordinances/<slug>.txt`, a byte-for-byte copy, and
`<slug>.yml`, the metadata it can derive from the text and its path:

- the title (the `# ` line) and its kind (条例, 规定, 办法 …, from its last words);
- the jurisdiction: the province from the folder (北京, 上海: province-level, no
  city), the city where the enacting body or else the title names one;
- from the header (parse/history.py): the enacting body and date (the first 通过),
  the approving body and date (批准), the promulgation (公布: date, body, 公告号),
  every amendment (修正, 修订: date, body, decision, approval, as written), and the
  effective date (施行) of a text never amended;
- the version date of the file name (for a file without one beside dated files of
  its title, the last date of its header), and the source: the file's name, its
  format (markdown) and its sha256.

What it cannot know it does not invent: no English title, `status: not_verified`,
no effective date of an amended text. Slugs: lawsite/ingest/slugs.py.

Re-running is idempotent: a file that already holds what would be written is left
alone. A metadata file that differs from what the importer would write has been
curated by someone: it is kept, with a notice, and so is a text that differs.
"""

import datetime
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from lawsite.core.errors import SourceError, display_path
from lawsite.ingest import places, slugs
from lawsite.parse import history
from lawsite.parse.lexer import lex
from lawsite.parse.sources import decode

VERSION = re.compile(r"\((?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})\)\.md$")
KIND = re.compile(r"(条例|规定|办法|决定|决议|细则|规则|守则|章程)$")
AMENDING = ("修正", "修订", "修改")
ORIGIN = "LawRefBook/Laws (DLC/), commit 2f4c5c23716267af9dbebbbbd6cbbf732b101981"
HEADER = ("# Imported from LawRefBook by `build_corpus.py import lawrefbook`: every field was\n"
          "# derived from the text and its file name, and none has been verified. Edit freely:\n"
          "# the importer never overwrites a metadata file that differs from what it writes.\n")


@dataclass
class Imported:
    path: Path
    raw: bytes
    meta: dict
    candidate: slugs.Candidate


def files(paths) -> list[Path]:
    """The Markdown files of `paths` (files, or folders read recursively), sorted."""
    found: set[Path] = set()
    for path in map(Path, paths):
        if path.is_dir():
            found.update(path.rglob("*.md"))
        elif path.is_file():
            found.add(path)
        else:
            raise SourceError(display_path(path), None, "no such file or folder")
    return sorted(found)


def derive(path: Path, say=print) -> Imported:
    """The metadata of one file (its slug not yet chosen). A header whose history
    cannot be read gives the title alone, with a notice: no date is guessed."""
    raw = path.read_bytes()
    shown = display_path(path)
    lines, _ = decode(raw, shown)
    lexed = lex(lines)
    start = next((i for i, line in enumerate(lexed) if line.kind in ("heading", "article", "toc")),
                 len(lexed))
    # LawRefBook ends its header with <!-- INFO END -->: what follows is the text's own
    end = next((i for i, line in enumerate(lexed[:start]) if line.kind == "comment"
                and "INFO END" in line.content), start)
    try:
        header = history.parse(lexed[:end], shown)
    except SourceError as error:
        say(f"{error}: no history derived, the title only")
        title_line = next((i for i, line in enumerate(lexed) if line.kind not in ("blank", "comment")), 0)
        header = history.parse(lexed[:title_line + 1], shown)
    name = VERSION.sub("", path.name).removesuffix(".md")
    title = header.title or name
    province = places.PROVINCES.get(path.parent.name) or _province_of(title, shown)
    enacted = next((e for e in header.entries if e.action == "通过"), None)
    if enacted and (enacted.body or "").startswith("全国"):
        say(f"{shown}:{enacted.line}: the header names a national body ({enacted.body}), not a local "
            "one: the history of another text? (imported as written, not verified)")
    city = places.city_of(province, enacted.body or "") if enacted else None
    city = city or places.city_of(province, title)
    jurisdiction = {"province": province, "province_en": places.english(province)}
    if city:
        jurisdiction |= {"city": city, "city_en": places.english(city)}
    version = VERSION.search(path.name)
    meta: dict = {"slug": "", "title": title}
    kind = KIND.search(title)
    if kind:
        meta["kind"] = kind.group()
    meta["jurisdiction"] = jurisdiction
    meta |= _history(header.entries, province, city)
    if version:
        meta["version_date"] = datetime.date.fromisoformat(version.group("date"))
    meta["status"] = "not_verified"
    meta["text"] = ""
    meta["source"] = {
        "received_as": path.name,
        "format": "markdown",
        "sha256": hashlib.sha256(raw).hexdigest(),
        "note": f"{ORIGIN}, {path.parent.name}/{path.name}; metadata derived by the importer, "
                "not verified.",
    }
    key = f"{path.parent.name}/{path.name}"
    base = slugs.base(province, city, title)
    return Imported(path, raw, meta, slugs.Candidate(key, base, title, version and version.group("date")))


def _province_of(title: str, shown: str) -> str:
    for province in places.CITIES:
        if title.startswith((province, places.short(province))) or places.city_of(province, title):
            return province
    raise SourceError(shown, None, "cannot tell the province: the file is not in a province's "
                      f"folder ({', '.join(places.PROVINCES)}) and its title names none")


def _body(body: str | None, province: str, city: str | None) -> str | None:
    """省人民代表大会常务委员会 (省十二届人大常委会) → 浙江省…; 市… → the city's."""
    if body and body.startswith("省"):
        return province + body[1:]
    if body and body.startswith("市") and (city or province.endswith("市")):
        return (city or province) + body[1:]
    return body or None


def _history(entries: list[history.Entry], province: str, city: str | None) -> dict:
    """enacted, approved, promulgated, amendments, effective: from the header's entries."""
    found: dict = {}
    first_amendment = next((i for i, e in enumerate(entries) if e.action in AMENDING), len(entries))
    original = entries[:first_amendment]

    def acted(entry: history.Entry) -> dict:
        fields: dict = {}
        body = _body(entry.body, province, city)
        if body:
            fields["body"] = body
        if entry.date:
            fields["date"] = entry.date
        return fields

    enacted = next((e for e in original if e.action == "通过"), None)
    if enacted and acted(enacted):
        found["enacted"] = acted(enacted)
    approved = next((e for e in original if e.action == "批准"), None)
    if approved and acted(approved):
        found["approved"] = acted(approved)
    promulgated = next((e for e in original if e.action in ("公布", "公告")), None)
    if promulgated and promulgated.date:
        found["promulgated"] = acted(promulgated)
        if promulgated.announcement:
            found["promulgated"]["announcement"] = promulgated.announcement
    amendments = []
    for entry in entries[first_amendment:]:
        if entry.action not in AMENDING:
            continue
        amendment = acted(entry)
        amendment["kind"] = entry.action
        if entry.ordinal:
            amendment["ordinal"] = entry.ordinal
        if entry.decision:
            amendment["decision"] = entry.decision
        if entry.approved:
            date, body = entry.approved
            amendment["approved"] = {k: v for k, v in (("body", _body(body, province, city)),
                                                       ("date", date)) if v}
        amendment["text"] = entry.text
        amendments.append(amendment)
    if amendments:
        found["amendments"] = amendments
    effective = [e for e in entries if e.action == "施行" and e.date]
    if effective and not amendments:
        found["effective"] = effective[0].date
    return found


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data):              # curated YAML refuses anchors and aliases
        return True


def render(meta: dict) -> str:
    """The metadata file's text: always the same for the same metadata."""
    return HEADER + yaml.dump(meta, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                              default_flow_style=False, width=10_000)


def _header_date(meta: dict) -> datetime.date | None:
    """The date of the text a header describes: its last amendment's, else its adoption's."""
    dated = [a["date"] for a in meta.get("amendments", []) if a.get("date")]
    return dated[-1] if dated else (meta.get("enacted") or {}).get("date")


def derive_all(paths, say=print) -> list[Imported]:
    """A file without a date in its name beside dated files of the same title (LawRefBook
    keeps the text it has as `<title>.md`, earlier ones as `<title>(<date>).md`) is a
    version of that work too: its version date is its header's last date (amendment,
    else adoption), when that tells it apart from the others."""
    items = [derive(path, say) for path in files(paths)]
    by_title: dict[tuple[str, str], list[Imported]] = {}
    for item in items:
        by_title.setdefault((item.candidate.base, item.candidate.title), []).append(item)
    for group in by_title.values():
        undated = [item for item in group if not item.candidate.version_date]
        date = _header_date(undated[0].meta) if len(undated) == 1 and len(group) > 1 else None
        if date is None or date.isoformat() in {item.candidate.version_date for item in group}:
            continue
        item = undated[0]
        item.candidate = slugs.Candidate(item.candidate.key, item.candidate.base, item.candidate.title,
                                         date.isoformat())
        keys = list(item.meta)
        at = keys.index("status")
        item.meta = {**{k: item.meta[k] for k in keys[:at]}, "version_date": date,
                     **{k: item.meta[k] for k in keys[at:]}}
    return items


def run(paths, sources_dir, reserved=(), say=print) -> list[str]:
    """Import every file of `paths` into `sources_dir`/ordinances; the slugs written."""
    imported = derive_all(paths, say)
    chosen = slugs.unique([item.candidate for item in imported], reserved)
    directory = Path(sources_dir) / "ordinances"
    directory.mkdir(parents=True, exist_ok=True)
    latest: dict[str, str] = {}                  # slug → the latest version date of its work
    for item in imported:
        latest[chosen[item.candidate.key]] = max(latest.get(chosen[item.candidate.key], ""),
                                                 item.candidate.version_date or "")
    written = []
    for item in imported:
        slug = chosen[item.candidate.key]
        date = item.candidate.version_date or ""
        name = slug if date == latest[slug] else f"{slug}.{date}"     # an earlier version of its work
        item.meta["slug"] = slug
        item.meta["text"] = f"{name}.txt"
        text_path, meta_path = directory / f"{name}.txt", directory / f"{name}.yml"
        rendered = render(item.meta).encode("utf-8")
        if meta_path.exists() and meta_path.read_bytes() != rendered:
            say(f"{display_path(meta_path)}: kept: it differs from what the importer would "
                f"write for {display_path(item.path)} (curated)")
        elif not meta_path.exists():
            meta_path.write_bytes(rendered)
        if text_path.exists() and text_path.read_bytes() != item.raw:
            say(f"{display_path(text_path)}: kept: it differs from {display_path(item.path)}")
        elif not text_path.exists():
            text_path.write_bytes(item.raw)
        written.append(slug)
    return written
