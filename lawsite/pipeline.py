"""The build pipeline: sources → model → generated files under docs/.

    read (sources) → parse (lexer, repair, parse) → write (export, pages) → docs/

Each stage is a function of the one before; nothing is written until every
ordinance has been read and parsed without error. A build that keeps going
(`keep_going`) leaves out each ordinance that has a problem of its own (its metadata,
its text, its parse, its slug, its translations) and publishes the others, recording
what became of each (lawsite/report.py); a problem of the whole build (the
vocabulary, the labels, the redirects, docs/) still stops it.
"""

import datetime
import json
from collections import deque
from collections.abc import Iterator
from pathlib import Path

from lawsite import cache, report, workers
from lawsite.core import siteconfig
from lawsite.core.errors import Notice, SourceError, display_path
from lawsite.enrich import boilerplate, definitions, departments, parallels, references, versions
from lawsite.enrich.vocabulary import load as load_vocabulary
from lawsite.mkdocs import search
from lawsite.model.corpus import Corpus
from lawsite.parse import builder as parse
from lawsite.parse import sources
from lawsite.project import Project
from lawsite.publish import bundles, output, pdf, registry
from lawsite.site import citations, compare_pages, department_pages, downloads, export, nav, pages, urls, version_pages
from lawsite.site.page import Site
from lawsite.translation import consistency, i18n

SCHEMA = Path(__file__).parent / "site" / "corpus.schema.json"


def built_on(project: Project) -> datetime.date:
    """The day the build is pinned to (SOURCE_DATE_EPOCH, else the last commit's): the
    statuses of versions are computed for it, so that one commit gives one site."""
    moment = siteconfig.built_on(project.root)
    if not moment.timestamp():            # outside a checkout: no version is dated after it
        return datetime.date.max
    return moment.date()


def load(project: Project, keep_going: bool = False, jobs: int = 1,
         kept: cache.Cache | None = None) -> Corpus:
    """Read, parse and enrich every ordinance of the project. The first problem stops
    the build, unless `keep_going`: then each ordinance with a problem is left out
    and `corpus.outcomes` says what became of every one. `jobs`: the processes the work
    of each ordinance is shared by (lawsite/workers.py; the same corpus for any number).
    `kept`: the results of each ordinance's parse and actors kept by the last build
    (lawsite/cache.py), used where its inputs are the same, and kept for the next."""
    kept = kept or cache.Cache(None)
    outcomes: list[report.Outcome] = []
    keys: dict[int, str] = {}                     # id(ordinance) → the digest of its parse's inputs
    if keep_going:
        read, ordinances, outcomes = _publishable(project, jobs, kept, keys)
    else:
        read = sources.read_all(project.sources)
        ordinances = []
        for source, parsed in zip(read, _parsed(read, jobs, kept, keys)):
            if parsed[0] != "parsed":
                _parse(source)                     # the problem (or the bug) raised, as it was found
            ordinances.append(parsed[1])
    notices = [notice for source in read for notice in source.notices]     # the parser's too
    left_out = {o.slug for o in outcomes if o.problems and o.slug}
    corpus = Corpus(ordinances, notices, i18n.load_languages(ordinances, project.translations, project.labels,
                                                             left_out=left_out),
                    search_terms=search.terms(project.search_terms))
    corpus.digests = {o.slug: keys[id(o)] for o in ordinances if id(o) in keys}
    corpus.inputs = cache.digest(cache.tree_digest(project.translations, project.labels),
                                 cache.file_digest(project.vocabulary), cache.file_digest(project.search_terms),
                                 repr(sorted(left_out)))
    corpus.versions = versions.works(ordinances)
    corpus.changes = versions.changes(corpus.versions)
    corpus.built_on = built_on(project)
    current = corpus.current
    corpus.references, found = references.find(ordinances)
    corpus.notices += found
    if keep_going:
        corpus.notices += _references_left_out(corpus, outcomes)
    corpus.definitions = definitions.find(ordinances)
    corpus.term_uses = _term_uses(ordinances, corpus.definitions, jobs, kept, keys)
    corpus.boilerplate = boilerplate.find(ordinances)
    corpus.parallels = _parallels(current, corpus.boilerplate, jobs, kept)
    corpus.notices += i18n.glossary_misses(corpus.languages, ordinances, project.translations)
    corpus.notices += consistency.notices(ordinances, corpus.parallels, corpus.languages,
                                          corpus.boilerplate)
    corpus.notices += i18n.unknown_languages(project.translations)
    corpus.notices += [notice for lang in corpus.languages for translation in lang.translations.values()
                       for notice in translation.notices]
    if project.vocabulary.exists():
        corpus.vocabulary = load_vocabulary(project.vocabulary)
        corpus.notices += corpus.vocabulary.notices
        corpus.mentions, unknown = _actors(current, corpus.vocabulary, project.vocabulary, jobs, kept, keys)
        corpus.notices += unknown
    if keep_going:
        corpus.outcomes = _attributed(outcomes, ordinances, corpus.notices, project)
    return corpus


def _parallels(ordinances: list, standard: dict, jobs: int, kept: cache.Cache) -> dict:
    """parallels.find, from what the last build's kept (parallels.Kept, under the digest of
    the code): computed again only where the texts changed, the same result."""
    key = cache.digest("parallels", cache.code())
    previous = kept.get(key)
    found, state = parallels.find_kept(ordinances, standard=standard, jobs=jobs,
                                       previous=previous if isinstance(previous, parallels.Kept) else None)
    if state is not None and state is not previous:
        kept.put(key, state)
    return found


def _parsed(read: list[sources.Source], jobs: int, kept: cache.Cache, keys: dict[int, str]) -> list[tuple]:
    """Each source parsed, in order: ("parsed", ordinance) or ("problem", SourceError) or
    ("bug", the exception's words); a kept parse where the source is the same (its
    metadata's bytes, its text, its paths, the code), the others in `jobs` processes.
    The parser's notices go to each source's notices, as when it parses in this process.
    `keys` gets each ordinance's key."""
    digests = [_parse_key(source) for source in read]
    results: list = [kept.get(key) for key in digests]
    missing = [n for n, result in enumerate(results) if result is None]
    workers.shared["sources"] = read
    for n, result in zip(missing, workers.ordered(_parse_job, missing, jobs)):
        if result[0] == "parsed":
            kept.put(digests[n], result)
        results[n] = result
    del workers.shared["sources"]
    out = []
    for source, key, (outcome, notices, found) in zip(read, digests, results):
        source.notices[:] = notices
        if outcome == "parsed":
            found.old_version = source.old_version
            keys[id(found)] = key
        out.append((outcome, SourceError(*found) if outcome == "problem" else found))
    return out


def _parse_key(source: sources.Source) -> str:
    """The digest of everything a source's parse depends on."""
    return cache.digest("parse", cache.code(), source.meta_path, source.text_path,
                        cache.file_digest(source.meta_path), "\n".join(source.lines), source.old_version)


def _parse_job(index: int) -> tuple:
    """Parse source `index` of `workers.shared["sources"]` (a job of the workers):
    (outcome, the source's notices after it, what was found): ("parsed", …, ordinance),
    ("problem", …, (path, line, message)) or ("bug", …, what the exception says)."""
    source = workers.shared["sources"][index]
    try:
        ordinance = parse.parse(source)
    except SourceError as error:
        return "problem", source.notices, (error.path, error.line, error.message)
    except Exception as error:                    # a bug: reported by the caller
        return "bug", source.notices, f"{type(error).__name__}: {error}"
    return "parsed", source.notices, ordinance


def _term_uses(ordinances: list, found: list, jobs: int, kept: cache.Cache, keys: dict[int, str]) -> dict:
    """definitions.all_uses, each ordinance's kept by the digest of its parse's inputs, its own
    definitions and every term of the corpus (what `uses` reads), the others found in `jobs`
    processes."""
    index = definitions.Index(found)
    every = cache.digest(*index.every)
    digests = [cache.digest("uses", cache.code(), keys[id(o)], every, repr(index.by_slug.get(o.slug)))
               if id(o) in keys else "" for o in ordinances]
    workers.shared["uses"] = (ordinances, found, index)
    results = list(_kept_or_made(digests, _uses_job, jobs, kept))
    del workers.shared["uses"]
    return {ordinance.slug: result for ordinance, result in zip(ordinances, results)}


def _uses_job(index: int) -> dict:
    """The uses of defined terms in ordinance `index` of `workers.shared["uses"]` (a job)."""
    ordinances, found, definitions_index = workers.shared["uses"]
    return definitions.uses(ordinances[index], found, definitions_index)


def _actors(ordinances: list, vocabulary, vocabulary_path: Path, jobs: int, kept: cache.Cache,
            keys: dict[int, str]) -> tuple[dict, list[Notice]]:
    """departments.read_all, each ordinance's actors kept by the digest of its parse's
    inputs and the vocabulary's bytes, the others found in `jobs` processes."""
    vocabulary_digest = cache.file_digest(vocabulary_path)
    digests = [cache.digest("actors", keys[id(o)], vocabulary_digest) if id(o) in keys else ""
               for o in ordinances]
    workers.shared["actors"] = (ordinances, vocabulary)
    results = list(_kept_or_made(digests, _actors_job, jobs, kept))
    del workers.shared["actors"]
    mentions, notices = {}, []
    for ordinance, (found, unknown) in zip(ordinances, results):
        mentions[ordinance.slug] = found
        notices += unknown
    return mentions, notices


def _actors_job(index: int) -> tuple[dict, list[Notice]]:
    """The actors of ordinance `index` of `workers.shared["actors"]` (a job of the workers)."""
    ordinances, vocabulary = workers.shared["actors"]
    return departments.read(ordinances[index], vocabulary)


def _publishable(project: Project, jobs: int = 1, kept: cache.Cache | None = None,
                 keys: dict[int, str] | None = None) -> tuple[list[sources.Source], list, list[report.Outcome]]:
    """Read and parse each ordinance on its own: (the sources and ordinances without a
    problem, the outcome of every one). Two ordinances claiming one slug are both left
    out: which of them the URL belongs to is an editor's decision, not the file order's."""
    hand_written = output.hand_written(project.docs)
    outcomes, read = [], []
    for meta_path in sources.discover(project.sources):
        outcome = report.Outcome(display_path(meta_path))
        outcomes.append(outcome)
        try:
            source = sources.read(meta_path)
            outcome.slug, outcome.text, outcome.title = source.slug, source.text_path, source.meta["title"]
            sources.refuse_reserved(source.meta, source.meta_path, hand_written)
        except SourceError as error:
            outcome.problems.append(report.problem(error))
            continue
        read.append((source, outcome))
    by_slug: dict[str, list] = {}
    for source, outcome in read:
        by_slug.setdefault(source.slug, []).append((source, outcome))
    for claims in by_slug.values():
        if not sources.versions([source for source, _ in claims]):
            continue                                     # one file, or the versions of one work
        for source, outcome in claims:
            others = ", ".join(other.meta_path for other, _ in claims if other is not source)
            outcome.problems.append(Notice(source.meta_path, source.meta.key_line("slug"),
                                           f"slug {source.slug!r} is also claimed by {others}: "
                                           "choose one slug for each (or give each version of one "
                                           "work its version_date); none of them is published"))
    to_parse = [source for source, outcome in read if not outcome.problems]
    parsed = dict(zip(map(id, to_parse), _parsed(to_parse, jobs, kept or cache.Cache(None),
                                                 {} if keys is None else keys)))
    published, ordinances = [], []
    for source, outcome in read:
        if outcome.problems:
            outcome.warnings += source.notices
            continue
        try:
            result = parsed[id(source)]
            if result[0] == "problem":
                raise result[1]
            if result[0] == "bug":                       # a bug: report it, publish the others
                outcome.problems.append(Notice(source.text_path, None, f"the parser failed "
                                               f"({result[1]}): a bug of the build"))
                outcome.warnings += source.notices
                continue
            ordinance = result[1]
            _translations(ordinance, project)
        except SourceError as error:
            outcome.problems.append(report.problem(error))
            outcome.warnings += source.notices
            continue
        published.append(source)
        ordinances.append(ordinance)
    # a version left out cannot be the current one: the latest of those published is
    by_work: dict[str, list] = {}
    for source in published:
        by_work.setdefault(source.slug, []).append(source)
    for claims in by_work.values():
        if len(claims) == 1:
            claims[0].old_version = ""
        else:
            sources.versions(claims)
    for source, ordinance in zip(published, ordinances):
        ordinance.old_version = source.old_version
    return published, ordinances, outcomes


def _parse(source: sources.Source):
    """The model of one version of an ordinance."""
    ordinance = parse.parse(source)
    ordinance.old_version = source.old_version
    return ordinance


def _translations(ordinance, project: Project) -> None:
    """Each translation of an ordinance is read as the build will read it (an error
    in one leaves its ordinance out)."""
    for code in i18n.CODES:
        path = Path(project.translations, code, f"{ordinance.slug}.yml")
        if code != i18n.OFFICIAL and path.exists():
            i18n.load_translation(path, ordinance)


def _references_left_out(corpus: Corpus, outcomes: list[report.Outcome]) -> list[Notice]:
    """A warning for each reference to an ordinance that was left out: it stays a mention
    of a title (listed, not linked), as a reference to any law outside the corpus."""
    titles = {o.title for o in outcomes if o.problems and o.title}
    notices = []
    for ordinance in corpus.ordinances:
        lines = {element.eid: paragraph.line for article in ordinance.articles
                 for paragraph, element in article.elements()}
        for article in ordinance.articles:
            for _, element in article.elements():
                for found in corpus.references.get(f"{ordinance.slug}/{element.eid}", ()):
                    if found.kind == "external" and found.title in titles:
                        notices.append(Notice(ordinance.source_path, lines[element.eid],
                                              f"{article.label} refers to {found.text}, which was left "
                                              "out of this build: it is not linked"))
    return notices


def _attributed(outcomes: list[report.Outcome], ordinances, notices: list[Notice],
                project: Project) -> list[report.Outcome]:
    """The outcomes with their counts, and each warning given to the ordinance whose file
    (metadata, text or translation) it names."""
    by_text = {o.text: o for o in outcomes if not o.problems}     # versions of a work share a slug
    owner = {}
    for ordinance in ordinances:
        outcome = by_text[ordinance.source_path]
        outcome.articles, outcome.repairs = len(ordinance.articles), len(ordinance.repairs)
        owner[outcome.source] = owner[outcome.text] = outcome
        for code in i18n.CODES:
            owner[display_path(Path(project.translations, code, f"{ordinance.slug}.yml"))] = outcome
    for notice in notices:
        if notice.path in owner:
            owner[notice.path].warnings.append(notice)
    return outcomes


def generate(corpus: Corpus, base_url: str, hand_written: tuple[str, ...] = (),
             redirects_file: Path | None = None, word: bool = False,
             pdfs: dict[str, bytes] | None = None, jobs: int = 1) -> dict[str, str | bytes]:
    """Every generated file under docs/, by path, in memory (`generated` gives them
    one by one, as a build writes them)."""
    return {path: content if isinstance(content, str | bytes) else "".join(content)
            for path, content in generated(corpus, base_url, hand_written, redirects_file, word, pdfs, jobs)}


def generated(corpus: Corpus, base_url: str, hand_written: tuple[str, ...] = (),
              redirects_file: Path | None = None, word: bool = False,
              pdfs: dict[str, bytes] | None = None, jobs: int = 1,
              kept: cache.Cache | None = None) -> Iterator[tuple[str, output.Content]]:
    """Every generated file under docs/, (path, content), each made when it is asked
    for, so that a build holds one page at a time, not the site. `hand_written` are the
    docs/ files beside them (which the curated redirects of `redirects_file` may point at,
    and never replace; and whose names no slug may take). The downloads: each
    ordinance's plain text, its Word file with `word`, its PDF if in `pdfs` (by slug).
    A content is a str, bytes, or (docs/data/corpus.json) an iterator of str pieces.
    The ordinances' pages are rendered in `jobs` processes (lawsite/workers.py), or taken
    from `kept` where everything they read is as when they were kept (_page_keys)."""
    for ordinance in corpus.ordinances:
        sources.refuse_reserved(ordinance.meta, display_path(getattr(ordinance.meta, "path", "")
                                                             or ordinance.source_path), hand_written)
    paths: set[str] = set()

    def made(path: str, content: output.Content) -> tuple[str, output.Content]:
        paths.add(path)
        return path, content

    if corpus.outcomes:
        yield made("data/build-report.json", report.dumps(corpus.outcomes))
        yield made("data/build-report.schema.json", report.SCHEMA.read_text(encoding="utf-8"))
    # the largest file, written in pieces as they are made (export.pieces)
    yield made("data/corpus.json", export.pieces(corpus.ordinances, _departments_data(corpus) | _links_data(corpus),
                                                 _records(corpus, jobs, kept or cache.Cache(None))))
    yield made("data/corpus.schema.json", SCHEMA.read_text(encoding="utf-8"))
    # read by the shard plan (lawsite/publish/shards.py), which need not read the dataset
    yield made(".ordinances.json", json.dumps(
        [{"slug": o.slug, "province": o.meta["jurisdiction"]["province"],
          "province_en": o.meta["jurisdiction"]["province_en"]} for o in corpus.ordinances],
        ensure_ascii=False, indent=0))
    # the citation table of the search box's resolver (overrides/assets/resolver.js)
    for path, content in citations.files(corpus.ordinances, corpus.languages).items():
        yield made(path, content)
    # read by the MkDocs hook; dot-files are not published
    # (JSON, which is YAML and written much faster)
    yield made(".nav.yml", json.dumps(nav.site_nav(corpus.current, corpus.languages,
                                                   _indexed_actors(corpus), bool(corpus.parallels)),
                                      ensure_ascii=False, indent=0))
    # read by the MkDocs hook: each language's name of the site, its own name and banner
    yield made(".languages.yml", json.dumps(_languages_data(corpus), ensure_ascii=False, indent=0))
    yield made("robots.txt", f"User-agent: *\nAllow: /\nSitemap: {base_url}sitemap.xml\n")
    # jieba's user dictionary, loaded by the MkDocs hook
    yield made(search.USER_DICTIONARY, search.user_dictionary(
        corpus.search_terms + search.corpus_words(corpus)))
    download_files = downloads.files(corpus.ordinances, word, pdfs or {})
    for path, data in sorted(download_files.items()):
        yield made(path, data)
    counts = departments.matrix(corpus.mentions) if corpus.vocabulary else {}
    kept = kept or cache.Cache(None)
    common, page_keys = _page_keys(corpus, base_url) if kept.directory else ("", [""] * len(corpus.ordinances))
    offline = bundles.listing((o.slug, o.meta["jurisdiction"]) for o in corpus.ordinances)
    for lang in corpus.languages:
        site = Site(lang, base_url, corpus)
        # included into the hand-written home page of each language
        yield made(f".fragments/ordinances.{lang.code}.md", pages.ordinance_list(site, corpus.current))
        # one ordinance's pages at a time, on every core (the same pages in the same order),
        # or as the last build rendered them where nothing they read has changed
        workers.shared["site"] = site
        keys = [cache.digest(key, lang.code) if key else "" for key in page_keys]
        for own in _kept_or_made(keys, _ordinance_pages, jobs, kept):
            for path, text in own:
                yield made(path, text)
        # the comparison pages: a pair's reads its parallel and its two ordinances; an
        # ordinance's by-topic page what its own pages read
        pairs = compare_pages.strong_pairs(site)
        topics = compare_pages.topic_ordinances(site)
        key_of = dict(zip((o.slug for o in corpus.ordinances), page_keys))
        keys = [cache.digest(common, "pair", lang.code, repr(parallel), key_of[a.slug], key_of[b.slug])
                if key_of[a.slug] and key_of[b.slug] else "" for parallel, a, b in pairs]
        keys += [cache.digest(key_of[o.slug], "topic", lang.code) if key_of[o.slug] else "" for o in topics]
        workers.shared["compared"] = (pairs, topics)
        for path, text in _kept_or_made(keys, _comparison_page, jobs, kept):
            yield made(path, text)
        del workers.shared["site"], workers.shared["compared"]
        for page in version_pages.changes_pages(site):
            yield made(page.path, page.render())
        page = downloads.page(site, corpus.ordinances, download_files,
                              downloads.offline_bundles(site, base_url, offline))
        yield made(page.path, page.render())
        if corpus.vocabulary:
            for page in department_pages.department_pages(
                    site, corpus.vocabulary, corpus.ordinances, corpus.mentions, counts,
                    _indexed_actors(corpus)):
                yield made(page.path, page.render())
    # read by the MkDocs hook for the redirects plugin
    yield made(".redirects.yml", json.dumps(redirects(corpus, paths | set(hand_written), redirects_file),
                                            ensure_ascii=False, sort_keys=True, indent=0))


def _kept_or_made(keys: list[str], job, jobs: int, kept: cache.Cache) -> Iterator:
    """job(n) for each n < len(keys), in order: the result kept under keys[n] where there
    is one, else made (in `jobs` processes: lawsite/workers.py) and kept ("": not kept)."""
    missing = deque(n for n, key in enumerate(keys) if not (key and kept.has(key)))
    made = workers.ordered(job, list(missing), jobs)
    for n, key in enumerate(keys):
        if missing and missing[0] == n:
            missing.popleft()
            result = next(made)
        else:
            result = kept.get(key)
            if result is None:                     # removed or damaged since: made here
                result = job(n)
            else:
                yield result
                continue
        if key:
            kept.put(key, result)
        yield result


def _records(corpus: Corpus, jobs: int, kept: cache.Cache) -> Iterator[export.Encoded]:
    """Each ordinance's record of the dataset, encoded (export.record_piece): as the last
    build encoded it where the ordinance is the same (its parse's digest, its version),
    the others in `jobs` processes."""
    keys = [cache.digest("record", cache.code(), corpus.digests[o.slug], o.slug, o.old_version)
            if o.slug in corpus.digests else "" for o in corpus.ordinances]
    workers.shared["records"] = corpus.ordinances
    try:
        yield from _kept_or_made(keys, _record_job, jobs, kept)
    finally:
        del workers.shared["records"]


def _record_job(index: int) -> export.Encoded:
    """The dataset's record of ordinance `index` of `workers.shared["records"]` (a job)."""
    return export.record_piece(workers.shared["records"][index])


def _comparison_page(index: int) -> tuple[str, str]:
    """Comparison page `index` of `workers.shared["compared"]` (the pairs, then the
    by-topic pages), rendered (a job of the page workers)."""
    site = workers.shared["site"]
    pairs, topics = workers.shared["compared"]
    page = compare_pages.pair_page(site, *pairs[index]) if index < len(pairs) \
        else compare_pages.topic_page(site, topics[index - len(pairs)])
    return page.path, page.render()


def _page_keys(corpus: Corpus, base_url: str) -> tuple[str, list[str]]:
    """The digest of what every page reads, and for each ordinance the digest of
    everything its pages read ("" where it has no
    digest): its own text and metadata (its parse's digest), the code, the site's URL,
    the translations, labels, vocabulary and search terms (corpus.inputs), the build's
    date, and what the corpus-wide passes found for it — its references, its definitions
    and their uses, its parallels (and the digests of the ordinances they are in), its
    standard clauses, its actors and the actors that have a page, its work's versions
    and their changes, the language trees."""
    digests = corpus.digests
    defined: dict[str, list] = {}
    for definition in corpus.definitions:
        defined.setdefault(definition.slug, []).append(definition)
    common = cache.digest("pages", cache.code(), base_url, corpus.inputs, corpus.built_on.isoformat(),
                          repr(bool(corpus.parallels)), repr([lang.code for lang in corpus.languages]),
                          repr([actor.slug for actor in _indexed_actors(corpus)]))
    keys = []
    for ordinance in corpus.ordinances:
        slug = ordinance.slug
        if slug not in digests:
            keys.append("")
            continue
        numbers = [article.number for article in ordinance.articles]
        found = [corpus.parallels.get((slug, number)) for number in numbers]
        others = sorted({p.other_slug for parallels_ in found if parallels_ for p in parallels_})
        chain = corpus.versions.get(ordinance.work_slug, [])
        keys.append(cache.digest(
            common, digests[slug], slug, ordinance.old_version,
            repr([corpus.references.get(f"{slug}/{element.eid}") for article in ordinance.articles
                  for _, element in article.elements()]),
            repr(corpus.term_uses.get(slug)), repr(defined.get(slug)), repr(found),
            repr([(other, digests.get(other)) for other in others]),
            repr([corpus.boilerplate.get((slug, number)) for number in numbers]),
            repr(corpus.mentions.get(slug)),
            repr([(o.slug, digests.get(o.slug), corpus.changes.get(o.slug)) for o in chain])))
    return common, keys


def _ordinance_pages(index: int) -> list[tuple[str, str]]:
    """The pages of the corpus's ordinance `index` in the tree of `workers.shared["site"]`,
    rendered (a job of the page workers)."""
    site = workers.shared["site"]
    return [(page.path, page.render()) for page in pages.site_pages(site, [site.corpus.ordinances[index]])]


def _languages_data(corpus: Corpus) -> dict:
    """What the MkDocs hook needs of each language: so that it reads nothing but docs/."""
    return {lang.code: {"site_name": lang.labels("site_name"), "language_name": lang.labels("language_name"),
                        "banner": "" if lang.official else lang.labels("unofficial_banner")}
            for lang in corpus.languages}


def _indexed_actors(corpus: Corpus) -> list:
    """The actors that have a department page: those the texts name at all."""
    if not corpus.vocabulary:
        return []
    named = {m.actor for by_article in corpus.mentions.values() for found in by_article.values()
             for m in found}
    return [actor for actor in corpus.vocabulary.actors if actor.slug in named]


def _links_data(corpus: Corpus) -> dict:
    """References, definitions and parallel provisions, for the dataset."""
    references_: dict[str, dict[str, list[dict]]] = {}
    for key, found in sorted(corpus.references.items()):
        slug, eid = key.rsplit("/", 1)                 # an earlier version's slug has a slash
        references_.setdefault(slug, {})[eid] = [
            {"start": r.start, "end": r.end, "text": r.text, "kind": r.kind,
             "ordinance": r.slug, "target": r.target, "title": r.title, "label": r.label}
            for r in found]
    parallels_: dict[str, dict[str, list[dict]]] = {}
    for (slug, number), found in sorted(corpus.parallels.items()):
        parallels_.setdefault(slug, {})[str(number)] = [
            {"ordinance": p.other_slug, "article": export.article_ref(p.other_article), "score": p.score,
             "pairs": [list(pair) for pair in p.pairs]} for p in found]
    standard: dict[str, dict[str, str]] = {}
    for (slug, number), kind in sorted(corpus.boilerplate.items()):
        standard.setdefault(slug, {})[str(number)] = kind
    return {"references": references_,
            "definitions": [{"ordinance": d.slug, "term": d.term, "eid": d.eid, "text": d.text,
                             "kind": d.kind, "scope": d.scope} for d in corpus.definitions],
            "parallels": parallels_, "standard_clauses": standard}


def _departments_data(corpus: Corpus) -> dict:
    """The vocabulary and, per ordinance and article, the actors with modality and sentence."""
    if not corpus.vocabulary:
        return {}
    return {"departments": departments.vocabulary_record(corpus.vocabulary),
            "actors": {slug: {str(number): departments.article_record(found)
                              for number, found in sorted(by_article.items())}
                       for slug, by_article in sorted(corpus.mentions.items())}}


def redirects(corpus: Corpus, paths: set[str], curated: Path | None = None) -> dict[str, str]:
    """Short forms of every article's URL, and the curated redirects of retired URLs."""
    mapping = {}
    for ordinance in corpus.ordinances:
        for article in ordinance.articles:
            target = urls.article_path(ordinance.slug, article.number)
            mapping.update({short: target for short in urls.short_forms(ordinance.slug, article.number)})
    mapping.update(_current_version_forms(corpus))
    pages_by_url = {urls.url(path): path for path in paths if path.endswith(".md")}
    # what else the build publishes: the short forms, and the files (as a directory URL)
    taken = {urls.url(short) for short in mapping} | {path + "/" for path in paths
                                                      if not path.endswith(".md")}
    if curated is not None:
        mapping.update(untranslated_redirects(corpus, pages_by_url, curated.with_name("urls.txt")))
        mapping.update(registry.curated_redirects(pages_by_url, curated, taken=taken))
    return mapping


def _current_version_forms(corpus: Corpus) -> dict[str, str]:
    """Every version has its own URLs by its date, `<work>/<date>/…`: an earlier version's
    are its pages, the current version's redirect to the work's (where its pages are), so
    that they exist before it is superseded and never change after — in every language
    tree that has the work's pages (`en/<work>/<date>/…` too, for a translated work)."""
    mapping: dict[str, str] = {}
    for work, chain in corpus.versions.items():
        current = chain[-1]
        root = urls.version_root(work, current.meta["version_date"].isoformat())
        pairs = [(urls.ordinance_path(root), urls.ordinance_path(work)),
                 (urls.full_text_path(root), urls.full_text_path(work)),
                 (urls.changes_path(root), urls.changes_path(work))]
        pairs += [(urls.chapter_path(root, chapter.number), urls.chapter_path(work, chapter.number))
                  for chapter in current.chapters]
        pairs += [(urls.article_path(root, article.number), urls.article_path(work, article.number))
                  for article in current.articles]
        mapping.update(pairs)                                   # the official tree
        for language in corpus.languages:
            if not language.official and language.has_pages(work):
                mapping.update({language.path(dated): language.path(path) for dated, path in pairs})
    return mapping


def untranslated_redirects(corpus: Corpus, pages_by_url: dict[str, str], urls_file: Path) -> dict[str, str]:
    r"""A registered URL of another language's page of an ordinance that tree no longer
    copies (untranslated: i18n.Language.has_pages) leads to the Chinese page.

    >>> import tempfile
    >>> from lawsite.translation.i18n import Language, Translation
    >>> urls_file = Path(tempfile.mkdtemp(), "urls.txt")
    >>> _ = urls_file.write_text("/en/x/\n/en/x/article-2/\n/en/x/chapter-1/\n/en/y/article-1/\n")
    >>> corpus = Corpus([], [], [Language("zh", None), Language("en", None, {"x": Translation()})])
    >>> pages = {"x/": "x/index.md", "x/article-2/": "x/article-2.md", "x/chapter-1/": "x/chapter-1/index.md",
    ...          "y/article-1/": "y/article-1.md"}
    >>> untranslated_redirects(corpus, pages, urls_file)
    {'en/x/article-2.md': 'x/article-2.md', 'en/x/chapter-1.md': 'x/chapter-1/index.md'}
    """
    mapping = {}
    for lang in corpus.languages:
        for url in registry.registered(urls_file) if lang.untranslated else ():
            slug, _, rest = url.removeprefix(f"/{lang.prefix}").partition("/")
            if url.startswith(f"/{lang.prefix}") and rest and slug in lang.untranslated \
                    and f"{slug}/{rest}" in pages_by_url:
                mapping[registry.source_of(url)] = pages_by_url[f"{slug}/{rest}"]
    return mapping


def parse_cache(project: Project) -> Path:
    """Where each ordinance's parse and actors are kept between builds: beside docs/
    (`.docs.cache/`, lawsite/cache.py)."""
    docs = project.docs.absolute()
    return docs.parent / f".{docs.name}.cache"


def pdf_cache(project: Project) -> Path:
    """Where the printed PDFs are kept between builds: beside docs/ (`.docs.pdfs/`)."""
    docs = project.docs.absolute()
    return docs.parent / f".{docs.name}.pdfs"


def build(project: Project, base_url: str | None = None, keep_going: bool = False,
          downloads_: bool = False, jobs: int | None = None) -> tuple[Corpus, output.WriteReport]:
    """Read, parse and write everything into the project's docs/; `base_url`
    defaults to mkdocs.yml's site_url. `keep_going`: publish what can be published
    (load), with docs/data/build-report.json. `downloads_`: each ordinance's Word file
    and, where Chromium is there, its PDF (else a notice: no PDFs), printed only when
    its text changed (pdf.cached). `jobs`: the processes the work of each ordinance is
    shared by (default: one per core; the output is the same for any number). Under
    docs/' lock from its start: the caches beside docs/ are one build's at a time."""
    with output.locked(project.docs):
        return _build(project, base_url, keep_going, downloads_, jobs or workers.available())


def _build(project: Project, base_url: str | None, keep_going: bool, downloads_: bool,
           jobs: int) -> tuple[Corpus, output.WriteReport]:
    kept = cache.Cache(parse_cache(project))
    corpus = load(project, keep_going, jobs, kept)
    pdfs = {}
    if downloads_ and pdf.available():
        pdfs = pdf.cached({o.slug: downloads.print_html(o) for o in corpus.ordinances},
                          {o.slug: "\n".join(line.whole for line in downloads.lines(o)) for o in corpus.ordinances},
                          pdf_cache(project))
    elif downloads_:
        corpus.notices.append(Notice(str(pdf.CHROMIUM), None, "Chromium (or Playwright) is not there: "
                                                              "no PDF downloads in this build"))
    files = generated(corpus, base_url or project.site_url(), output.hand_written(project.docs),
                      project.redirects_file, word=downloads_, pdfs=pdfs, jobs=jobs, kept=kept)
    written = output.write_tree(project.docs, files)
    kept.prune()
    return corpus, written
