"""The build pipeline: sources → model → generated files under docs/.

    read (sources) → parse (lexer, repair, parse) → write (export, pages) → docs/

Each stage is a function of the one before; nothing is written until every
ordinance has been read and parsed without error.
"""

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import export, model, nav, output, pages, parse, sources
from .errors import Notice
from .labels import Labels

SCHEMA = Path(__file__).with_name("corpus.schema.json")


@dataclass
class Corpus:
    """Every ordinance, parsed, and what the editors should hear about."""

    ordinances: list[model.Ordinance]
    notices: list[Notice] = field(default_factory=list)


def load(sources_dir) -> Corpus:
    read = sources.read_all(sources_dir)
    notices = [notice for source in read for notice in source.notices]
    return Corpus([parse.parse(source) for source in read], notices)


def generate(corpus: Corpus) -> dict[str, str]:
    """Every generated file under docs/, by path, in memory."""
    labels = Labels.load("zh")
    files = {
        "data/corpus.json": export.dumps(export.corpus(corpus.ordinances)),
        "data/corpus.schema.json": SCHEMA.read_text(encoding="utf-8"),
        # read by the MkDocs hook; dot-files are not published
        ".nav.yml": yaml.safe_dump(nav.site_nav(corpus.ordinances, labels), allow_unicode=True,
                                   sort_keys=False, width=1000),
        # included into the hand-written home page
        ".fragments/ordinances.md": pages.ordinance_list(corpus.ordinances, labels, "index.md"),
    }
    for page in pages.site_pages(corpus.ordinances, labels):
        files[page.path] = page.render()
    return files


def build(sources_dir, docs_dir) -> tuple[Corpus, output.WriteReport]:
    corpus = load(sources_dir)
    files = generate(corpus)
    Path(docs_dir).mkdir(parents=True, exist_ok=True)
    return corpus, output.write_tree(docs_dir, files)
