"""The parallels step over a whole corpus, measured: wall time and peak memory of
`boilerplate.find` and `parallels.find` over every file of corpora/lawrefbook that parses
(stub metadata: tools/stub_corpus.py), what they found, and the precision of the top
suggestion on the labelled corpus pairs when the whole corpus is searched.

    python -m tools.bench_parallels [DIR] [--limit N]     # prints one JSON line

Run in a process of its own (tools/bench.py does), so that the peak memory is this
step's. A measurement, never an assertion.
"""

import argparse
import json
import resource
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

from lawsite.enrich import boilerplate, parallels
from tools import stub_corpus

GOLD = stub_corpus.ROOT / "tests" / "fixtures" / "parallels_gold_corpus.yml"


def peak_mb() -> int:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def gold_scores(found: dict, by_slug: dict) -> dict:
    """Precision, recall and false alarms on the labelled corpus pairs, per split."""
    scores: dict[str, parallels.Score] = {}
    for document in yaml.safe_load(GOLD.read_text(encoding="utf-8"))["documents"]:
        a, b = (by_slug.get(document[side].removesuffix(".md")) for side in "ab")
        if a and b:
            pairs = {(pair["a"], pair["b"]) for pair in document["pairs"]}
            scores[document["split"]] = scores.get(document["split"], parallels.Score()) + \
                parallels.evaluate(found, pairs, a, b)
    return {split: {"precision": round(s.precision, 3), "recall": round(s.recall, 3),
                    "false_alarms": round(s.false_alarms, 3), "suggested": s.suggested,
                    "correct": s.correct, "partnered": s.partnered, "alone": s.alone,
                    "alone_suggested": s.alone_suggested} for split, s in sorted(scores.items())}


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure(root: Path, limit: int | None = None) -> dict:
    started = time.perf_counter()
    ordinances, refused = stub_corpus.load(root)
    ordinances = ordinances[:limit] if limit else ordinances
    loaded, before = time.perf_counter(), peak_mb()
    standard = boilerplate.find(ordinances)
    grouped, cpu = time.perf_counter(), cpu_seconds()
    found = parallels.find(ordinances, standard=standard)
    done, cpu = time.perf_counter(), cpu_seconds() - cpu
    listed = [p for ps in found.values() for p in ps]
    strong = {tuple(sorted([(p.slug, str(p.article)), (p.other_slug, str(p.other_article))]))
              for p in listed if p.strong}
    articles = sum(len(o.articles) for o in ordinances)
    return {"ordinances": len(ordinances), "refused": refused, "articles": articles,
            "load_seconds": round(loaded - started, 1),
            "boilerplate_seconds": round(grouped - loaded, 1),
            "parallels_seconds": round(done - grouped, 1), "parallels_cpu_seconds": round(cpu, 1),
            "peak_mb_before": before, "peak_mb": peak_mb(),
            "standard_clauses": dict(sorted(Counter(standard.values()).items())),
            "articles_with_parallels": len(found), "suggestions": len(listed),
            "comparison_pages": len(strong),
            "gold": gold_scores(found, {o.slug: o for o in ordinances})}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", default=str(stub_corpus.CORPUS))
    parser.add_argument("--limit", type=int, help="only the first N ordinances that parse")
    args = parser.parse_args(argv)
    print(json.dumps(measure(Path(args.root), args.limit), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
