#!/usr/bin/env python3
"""Build the corpus: read sources/, parse every ordinance, write docs/.

    python build_corpus.py [--sources sources] [--docs docs] [--translations translations]
                           [--labels translations/labels] [--registry registry]
                           [--config mkdocs.yml] [--repairs] [--translation-pairs] [--keep-going]
                           [--jobs N]
    python build_corpus.py import lawrefbook PATH... [--sources sources]

The second form imports LawRefBook Markdown files (files or folders) as ordinances
of the sources directory (lawsite/ingest/lawrefbook.py).

The paths make one `Project` (lawsite/project.py), built here once and passed down:
the build reads nothing else.

Exit status 0 on success, 1 on bad input (the message names the file, the line
and the problem, and nothing is written). With --keep-going an ordinance with a
problem of its own is left out and the others are published: each problem is
printed as `file:line: problem`, the outcomes go to docs/data/build-report.json,
and the exit status is 3 when any ordinance was left out (1 still means that a
problem of the whole build stopped it and nothing was written).
"""

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from lawsite import report as build_report
from lawsite.core.errors import SourceError
from lawsite.ingest import lawrefbook
from lawsite.pipeline import build
from lawsite.project import Project
from lawsite.site import urls
from lawsite.translation import consistency, i18n


def import_main(argv) -> int:
    parser = argparse.ArgumentParser(prog="build_corpus.py import",
                                     description="import texts as ordinances of a sources directory")
    parser.add_argument("format", choices=["lawrefbook"], help="the format of the texts")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a file, or a folder read recursively")
    parser.add_argument("--sources", default="sources", help="the sources directory")
    args = parser.parse_args(argv)
    reserved = urls.reserved([code for code in i18n.CODES if code != i18n.OFFICIAL])
    try:
        slugs = lawrefbook.run(args.paths, args.sources, reserved,
                               say=lambda notice: print(f"notice: {notice}", file=sys.stderr))
    except SourceError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"{len(slugs)} texts imported into {args.sources}/ordinances")
    return 0


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["import"]:
        return import_main(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", default="sources", help="the sources directory")
    parser.add_argument("--docs", default="docs", help="the MkDocs docs directory")
    parser.add_argument("--translations", default="translations",
                        help="the translations directory (translations/<lang>/<slug>.yml)")
    parser.add_argument("--labels", default=None,
                        help="the site's labels (<lang>.yml; default: the translations' labels/)")
    parser.add_argument("--registry", default="registry",
                        help="the URL registry (urls.txt, redirects.yml)")
    parser.add_argument("--config", default="mkdocs.yml", help="the MkDocs configuration (site_url)")
    parser.add_argument("--repairs", action="store_true",
                        help="list every repair made to the texts (file:line:column, kind, before → after)")
    parser.add_argument("--translation-pairs", action="store_true",
                        help="list the near-identical 款 of different ordinances and how their "
                             "Chinese and their translations differ")
    parser.add_argument("--downloads", action="store_true",
                        help="also make each ordinance's Word file and, where Chromium is there, its PDF "
                             "(make site does; the plain text is always made)")
    parser.add_argument("--keep-going", action="store_true",
                        help="leave out each ordinance that has a problem, publish the others, and "
                             "write the outcomes to docs/data/build-report.json")
    parser.add_argument("--jobs", type=int, default=None,
                        help="processes for the work of each ordinance (default: one per core)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        corpus, report = build(Project.of(args.sources, translations=args.translations, labels=args.labels,
                                          registry=args.registry, mkdocs_config=args.config,
                                          docs=args.docs), keep_going=args.keep_going,
                               downloads_=args.downloads, jobs=args.jobs)
    except SourceError as error:
        print(f"error: {error}", file=sys.stderr)
        print("nothing was written", file=sys.stderr)
        return 1
    for notice in corpus.notices:
        print(f"warning: {notice}", file=sys.stderr)
    left_out = [o for o in corpus.outcomes if o.problems]
    for outcome in left_out:
        for problem in outcome.problems:
            print(f"error: {problem}", file=sys.stderr)
    for ordinance in corpus.ordinances:
        kinds = Counter(repair.kind for repair in ordinance.repairs)
        if kinds:
            print(f"{ordinance.slug}: {len(ordinance.repairs)} repairs ("
                  + ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items())) + ")")
        if args.repairs:
            for r in ordinance.repairs:
                print(f"  {ordinance.source_path}:{r.line}:{r.column} {r.kind} "
                      f"{r.before!r} → {r.after!r} in {r.eid}: …{r.context}…")
    for lang in corpus.languages[1:]:
        for ordinance in corpus.ordinances:
            covered = i18n.coverage(ordinance, lang.translations[ordinance.slug])
            print(f"{lang.code} translation of {ordinance.slug}: {covered.articles} of "
                  f"{covered.total_articles} articles ({covered.partial} partly), "
                  f"{covered.characters} of {covered.total_characters} characters ({covered.percent}%)")
    if args.translation_pairs:
        for lang in corpus.languages[1:]:
            for pair in consistency.pairs(corpus.ordinances, corpus.parallels, lang, corpus.boilerplate):
                print(consistency.report(pair, lang.code))
    articles = sum(len(o.articles) for o in corpus.ordinances)
    repairs = sum(len(o.repairs) for o in corpus.ordinances)
    print(f"{len(corpus.ordinances)} ordinances, {articles} articles, {repairs} repairs; "
          f"{len(report.written)} files written, {report.unchanged} unchanged, "
          f"{len(report.removed)} removed in {time.perf_counter() - started:.2f} s")
    if corpus.outcomes:
        print(f"{len(left_out)} of {len(corpus.outcomes)} ordinances left out "
              f"(outcomes: {Path(args.docs, 'data', 'build-report.json')})")
        print(build_report.table(corpus.outcomes))
    return 3 if left_out else 0


if __name__ == "__main__":
    sys.exit(main())
