"""The ordinances of a LawRefBook-style corpus (`corpora/lawrefbook/<province>/<title>.md`)
parsed with stub metadata, before the importer gives them real metadata: the slug is the
file's path (without `.md`), the title its first line. A developer aid for the parallels
benchmark and the evaluation on corpus pairs; files the parser refuses are skipped.

    python -m tools.stub_corpus [DIR]     # how many files parse, how many articles
"""

import re
import sys
from pathlib import Path

from lawsite.core import yamlfile
from lawsite.core.errors import SourceError
from lawsite.model.document import Ordinance
from lawsite.parse import builder
from lawsite.parse.sources import Source, decode

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora" / "lawrefbook"


class _Meta(yamlfile.Mapping):
    """Metadata that knows no lines (there is no YAML file behind it)."""

    def key_line(self, key):
        return None


def parse(path: Path, root: Path = CORPUS) -> Ordinance:
    """One file, parsed; its slug is its path under `root`, without `.md`."""
    lines, notices = decode(path.read_bytes(), str(path))
    title = re.sub(r"\s+", "", lines[0].lstrip("# ")) if lines else ""
    slug = path.relative_to(root).with_suffix("").as_posix()
    return builder.parse(Source(_Meta(slug=slug, title=title, text=path.name), str(path), str(path),
                                lines, notices))


def load(root: Path = CORPUS) -> tuple[list[Ordinance], int]:
    """Every file under `root` that parses, in path order, and the number refused."""
    ordinances, refused = [], 0
    for path in sorted(root.rglob("*.md")):
        if path.name == "README.md":
            continue
        try:
            ordinances.append(parse(path, root))
        except SourceError:
            refused += 1
    return ordinances, refused


if __name__ == "__main__":
    found, refused = load(Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS)
    print(f"{len(found)} parse, {refused} refused, {sum(len(o.articles) for o in found)} articles")
