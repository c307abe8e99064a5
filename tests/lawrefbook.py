"""The real corpus (corpora/lawrefbook/) as sources/ ordinances, for the tests: the
files imported by the importer (lawsite/ingest/lawrefbook.py), as
`python build_corpus.py import lawrefbook PATH... --sources DIR` imports them."""

from pathlib import Path

from lawsite.ingest import lawrefbook
from lawsite.site import urls
from lawsite.translation import i18n

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora" / "lawrefbook"
CHECKSUMS = ROOT / "corpora" / "lawrefbook.sha256"


def files() -> list[Path]:
    """Every text of the corpus, in a stable order."""
    return sorted(CORPUS.rglob("*.md"))


def add(paths: list[Path], sources: Path) -> list[str]:
    """Import corpus files into `sources`/ordinances/: their slugs."""
    reserved = urls.reserved([code for code in i18n.CODES if code != i18n.OFFICIAL])
    return lawrefbook.run(paths, sources, reserved, say=lambda notice: None)
