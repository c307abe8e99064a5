"""The real corpus (corpora/lawrefbook/) parsed with stub metadata, for the tests that
measure enrichment on it. A file the parser does not accept yet is skipped (the parser's
own tests cover it); the importer, when it lands, will give real metadata."""

import re
from functools import lru_cache
from pathlib import Path

from lawsite.core.errors import SourceError
from lawsite.parse import builder
from lawsite.parse.sources import Source, decode

from ..conftest import ROOT

LAWREFBOOK = ROOT / "corpora" / "lawrefbook"


class _Meta(dict):
    """Just the metadata the parser reads."""

    def key_line(self, key):
        return None


def stub_source(path: Path, slug: str) -> Source:
    lines, notices = decode(path.read_bytes(), str(path))
    title = re.sub(r"\s+", "", lines[0].lstrip("# ")) if lines else ""
    return Source(_Meta(slug=slug, title=title, text=path.name), str(path), str(path), lines, notices)


def relative(path: Path) -> str:
    """The key of a corpus file: its path below lawrefbook/ (beijing/北京市….md)."""
    return path.relative_to(LAWREFBOOK).as_posix()


@lru_cache(maxsize=1)
def ordinances() -> dict:
    """Every corpus file that parses, by its key (relative path), in order."""
    parsed = {}
    for number, path in enumerate(sorted(LAWREFBOOK.rglob("*.md"))):
        try:
            parsed[relative(path)] = builder.parse(stub_source(path, f"corpus-{number}"))
        except SourceError:
            continue
    return parsed
