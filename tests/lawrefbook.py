"""The real corpus (corpora/lawrefbook/) as sources/ ordinances, for the tests.

Until the importer (`python build_corpus.py import lawrefbook …`) is on this branch,
the tests derive the least metadata the build needs from each file: its title (the
first line), its province (the folder), the date of its file name, and placeholders
that say "not verified" for the rest. The text is copied byte for byte.
"""

import datetime
import hashlib
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora" / "lawrefbook"
CHECKSUMS = ROOT / "corpora" / "lawrefbook.sha256"
PROVINCES = {"beijing": ("北京市", "Beijing"), "henan": ("河南省", "Henan"), "shandong": ("山东省", "Shandong"),
             "shanghai": ("上海市", "Shanghai"), "zhejiang": ("浙江省", "Zhejiang")}
NOT_VERIFIED = "(not verified)"
DATE = re.compile(r"\((\d{4})-(\d{2})-(\d{2})\)$")
ADOPTED = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日[^。\n]*?通过")


def files() -> list[Path]:
    """Every text of the corpus, in a stable order."""
    return sorted(CORPUS.rglob("*.md"))


def slug(path: Path) -> str:
    """A unique ASCII slug from the file's place in the corpus (its province and a hash
    of its name): stable, not readable; the importer gives readable ones.

    >>> slug(CORPUS / "beijing" / "北京市献血条例(2021-11-26).md")
    'beijing-8e193262c8'
    """
    relative = path.relative_to(CORPUS).as_posix()
    return f"{path.parent.name}-{hashlib.sha256(relative.encode('utf-8')).hexdigest()[:10]}"


def title(raw: bytes) -> str:
    """The title of the text: its first line without heading marks and spaces."""
    first = raw.decode("utf-8", "replace").lstrip("\ufeff").split("\n", 1)[0]
    return re.sub(r"\s+", "", first.lstrip("#"))


def metadata(path: Path, raw: bytes) -> dict:
    """The least metadata the build accepts for a corpus file: adopted on the first
    date of the header that is followed by 通过, else on the date of the file name."""
    province, province_en = PROVINCES[path.parent.name]
    header = raw.decode("utf-8", "replace").split("第一条", 1)[0]
    match = ADOPTED.search(header) or DATE.search(path.stem)
    date = datetime.date(*map(int, match.groups())) if match else datetime.date(2000, 1, 1)
    name = slug(path)
    return {
        "slug": name,
        "title": title(raw) or path.stem,
        "title_en": NOT_VERIFIED,
        "short_title": title(raw)[:8] or province,
        "short_title_en": NOT_VERIFIED,
        "jurisdiction": {"city": province, "city_en": province_en,
                         "province": province, "province_en": province_en},
        "enacted": {"body": NOT_VERIFIED, "body_en": NOT_VERIFIED, "date": date},
        "effective": date.replace(),              # a second object: YAML would alias the same one
        "status": "in_force",
        "text": f"{name}.txt",
        "source": {"received_as": path.name, "format": "markdown",
                   "note": "LawRefBook (corpora/lawrefbook/); metadata derived by the tests, not verified",
                   "sha256": hashlib.sha256(raw).hexdigest()},
    }


def add(paths: list[Path], sources: Path) -> list[str]:
    """Copy corpus files into `sources`/ordinances/ with their metadata: their slugs."""
    directory = sources / "ordinances"
    directory.mkdir(parents=True, exist_ok=True)
    slugs = []
    for path in paths:
        raw = path.read_bytes()
        meta = metadata(path, raw)
        (directory / meta["text"]).write_bytes(raw)
        (directory / f"{meta['slug']}.yml").write_text(
            yaml.safe_dump(meta, allow_unicode=True, sort_keys=False), encoding="utf-8")
        slugs.append(meta["slug"])
    return slugs
