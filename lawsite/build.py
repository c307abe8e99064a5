"""The build pipeline: sources → model → generated files under docs/.

    read (sources) → parse (lexer, repair, parse) → write (export, pages) → docs/

Each stage is a function of the one before; nothing is written until every
ordinance has been read and parsed without error.
"""

from dataclasses import dataclass, field
from pathlib import Path

import json

from . import (compare_pages, consistency, definitions, department_pages, departments, export, i18n, model, nav, output,
               pages, parallels, parse, references, registry, search, siteconfig, sources, urls)
from .errors import Notice, display_path
from .vocabulary import Vocabulary
from .vocabulary import load as load_vocabulary

SCHEMA = Path(__file__).with_name("corpus.schema.json")
DEPARTMENTS = "departments.yml"          # the curated vocabulary, in the sources directory


@dataclass
class Corpus:
    """Every ordinance, parsed, its language trees, and what the editors should hear about."""

    ordinances: list[model.Ordinance]
    notices: list[Notice] = field(default_factory=list)
    languages: list[i18n.Language] = field(default_factory=list)
    vocabulary: Vocabulary | None = None
    mentions: dict = field(default_factory=dict)     # slug → ArticleNumber → [Mention]
    search_terms: list[str] = field(default_factory=list)   # sources/search-terms.yml
    references: dict = field(default_factory=dict)     # "slug/eid" → [references.Reference]
    definitions: list = field(default_factory=list)    # [definitions.Definition]
    term_uses: dict = field(default_factory=dict)      # slug → eid → [(start, end, Definition)]
    parallels: dict = field(default_factory=dict)      # (slug, ArticleNumber) → [parallels.Parallel]


def load(sources_dir, translations_dir=i18n.TRANSLATIONS) -> Corpus:
    read = sources.read_all(sources_dir)
    notices = [notice for source in read for notice in source.notices]
    ordinances = [parse.parse(source) for source in read]
    corpus = Corpus(ordinances, notices, i18n.load_languages(ordinances, directory=translations_dir),
                    search_terms=search.terms(sources_dir))
    corpus.references, found = references.find(ordinances)
    corpus.notices += found
    corpus.definitions = definitions.find(ordinances)
    corpus.term_uses = {o.slug: definitions.uses(o, corpus.definitions) for o in ordinances}
    corpus.parallels = parallels.find(ordinances)
    corpus.notices += i18n.glossary_misses(corpus.languages, ordinances, translations_dir)
    corpus.notices += consistency.notices(ordinances, corpus.parallels, corpus.languages)
    corpus.notices += i18n.unknown_languages(translations_dir)
    corpus.notices += [notice for lang in corpus.languages for translation in lang.translations.values()
                       for notice in translation.notices]
    vocabulary_file = Path(sources_dir) / DEPARTMENTS
    if vocabulary_file.exists():
        corpus.vocabulary = load_vocabulary(vocabulary_file)
        corpus.notices += corpus.vocabulary.notices
        corpus.mentions = departments.extract_all(ordinances, corpus.vocabulary)
        for ordinance in ordinances:
            corpus.notices += departments.unknown_phrases(ordinance, corpus.vocabulary)
    return corpus


def generate(corpus: Corpus, base_url: str, hand_written: tuple[str, ...] = ()) -> dict[str, str]:
    """Every generated file under docs/, by path, in memory. `hand_written` are the
    docs/ files beside them (which curated redirects may point at, and never replace; and
    whose names no slug may take)."""
    for ordinance in corpus.ordinances:
        sources.refuse_reserved(ordinance.meta, display_path(getattr(ordinance.meta, "path", "")
                                                             or ordinance.source_path), hand_written)
    files = {
        "data/corpus.json": export.dumps(export.corpus(
            corpus.ordinances, _departments_data(corpus) | _links_data(corpus))),
        "data/corpus.schema.json": SCHEMA.read_text(encoding="utf-8"),
        # read by the MkDocs hook; dot-files are not published
        # (JSON, which is YAML and written much faster)
        ".nav.yml": json.dumps(nav.site_nav(corpus.ordinances, corpus.languages,
                                            _indexed_actors(corpus), bool(corpus.parallels)),
                               ensure_ascii=False, indent=0),
    }
    files["robots.txt"] = f"User-agent: *\nAllow: /\nSitemap: {base_url}sitemap.xml\n"
    # jieba's user dictionary, loaded by the MkDocs hook
    files[search.USER_DICTIONARY] = search.user_dictionary(
        corpus.search_terms + search.corpus_words(corpus))
    counts = departments.matrix(corpus.mentions) if corpus.vocabulary else {}
    for lang in corpus.languages:
        site = pages.Site(lang, base_url, corpus)
        # included into the hand-written home page of each language
        files[f".fragments/ordinances.{lang.code}.md"] = pages.ordinance_list(site, corpus.ordinances)
        site_pages = pages.site_pages(site, corpus.ordinances) + compare_pages.compare_pages(site)
        if corpus.vocabulary:
            site_pages += department_pages.department_pages(
                site, corpus.vocabulary, corpus.ordinances, corpus.mentions, counts,
                _indexed_actors(corpus))
        for page in site_pages:
            files[page.path] = page.render()
    # read by the MkDocs hook for the redirects plugin
    files[".redirects.yml"] = json.dumps(redirects(corpus, set(files) | set(hand_written)),
                                         ensure_ascii=False, sort_keys=True, indent=0)
    return files


def _indexed_actors(corpus: Corpus) -> list:
    """The actors that have a department page: those the texts name at all."""
    if not corpus.vocabulary:
        return []
    named = {m.actor for by_article in corpus.mentions.values() for found in by_article.values()
             for m in found}
    return [actor for actor in corpus.vocabulary.actors if actor.slug in named]


def _links_data(corpus: Corpus) -> dict:
    """References, definitions and parallel provisions, for the dataset."""
    references_ = {}
    for key, found in sorted(corpus.references.items()):
        slug, eid = key.split("/", 1)
        references_.setdefault(slug, {})[eid] = [
            {"start": r.start, "end": r.end, "text": r.text, "kind": r.kind,
             "ordinance": r.slug, "target": r.target, "title": r.title, "label": r.label}
            for r in found]
    parallels_ = {}
    for (slug, number), found in sorted(corpus.parallels.items()):
        parallels_.setdefault(slug, {})[str(number)] = [
            {"ordinance": p.other_slug, "article": export.article_ref(p.other_article), "score": p.score,
             "pairs": [list(pair) for pair in p.pairs]} for p in found]
    return {"references": references_,
            "definitions": [{"ordinance": d.slug, "term": d.term, "eid": d.eid, "text": d.text,
                             "kind": d.kind} for d in corpus.definitions],
            "parallels": parallels_}


def _departments_data(corpus: Corpus) -> dict:
    """The vocabulary and, per ordinance and article, the actors with modality and sentence."""
    if not corpus.vocabulary:
        return {}
    return {"departments": departments.vocabulary_record(corpus.vocabulary),
            "actors": {slug: {str(number): departments.article_record(found)
                              for number, found in sorted(by_article.items())}
                       for slug, by_article in sorted(corpus.mentions.items())}}


def redirects(corpus: Corpus, paths: set[str]) -> dict[str, str]:
    """Short forms of every article's URL, and the curated redirects of retired URLs."""
    mapping = {}
    for ordinance in corpus.ordinances:
        for article in ordinance.articles:
            target = urls.article_path(ordinance.slug, article.number)
            mapping.update({short: target for short in urls.short_forms(ordinance.slug, article.number)})
    pages_by_url = {urls.url(path): path for path in paths if path.endswith(".md")}
    # what else the build publishes: the short forms, and the files (as a directory URL)
    taken = {urls.url(short) for short in mapping} | {path + "/" for path in paths
                                                      if not path.endswith(".md")}
    mapping.update(registry.curated_redirects(pages_by_url, taken=taken))
    return mapping


def build(sources_dir, docs_dir, base_url: str | None = None,
          translations_dir=i18n.TRANSLATIONS) -> tuple[Corpus, output.WriteReport]:
    """Read, parse and write everything; `base_url` defaults to mkdocs.yml's site_url."""
    corpus = load(sources_dir, translations_dir)
    files = generate(corpus, base_url or siteconfig.site_url(), output.hand_written(docs_dir))
    return corpus, output.write_tree(docs_dir, files)
