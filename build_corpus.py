#!/usr/bin/env python3
"""Build the corpus: read sources/, parse every ordinance, write docs/.

    python build_corpus.py [--sources sources] [--docs docs] [--translations translations]
                           [--labels translations/labels] [--registry registry]
                           [--config mkdocs.yml] [--repairs] [--translation-pairs]

The paths make one `Project` (lawsite/project.py), built here once and passed down:
the build reads nothing else.

Exit status 0 on success, 1 on bad input (the message names the file, the line
and the problem, and nothing is written).
"""

import argparse
import sys
import time
from collections import Counter

from lawsite.core.errors import SourceError
from lawsite.pipeline import build
from lawsite.project import Project
from lawsite.translation import consistency, i18n


def main(argv=None) -> int:
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
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        corpus, report = build(Project.of(args.sources, translations=args.translations, labels=args.labels,
                                          registry=args.registry, mkdocs_config=args.config,
                                          docs=args.docs))
    except SourceError as error:
        print(f"error: {error}", file=sys.stderr)
        print("nothing was written", file=sys.stderr)
        return 1
    for notice in corpus.notices:
        print(f"warning: {notice}", file=sys.stderr)
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
