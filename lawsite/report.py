"""The report of a build that keeps going: what became of each ordinance, and why.

`python build_corpus.py --keep-going` publishes every ordinance it can and leaves
out the others; each one's outcome is recorded here and written to
`docs/data/build-report.json` (schema: `build-report.schema.json`, beside this
module). The report is sorted and holds no times: the same sources give the same bytes.
`python -m lawsite.report docs/data/build-report.json` prints its table of outcomes.

>>> from lawsite.core.errors import Notice
>>> ok = Outcome("ordinances/a.yml", slug="a", articles=3)
>>> bad = Outcome("ordinances/b.yml", slug="b",
...               problems=[Notice("ordinances/b.txt", 12, "第十二条 is out of order (after 第十四条)")])
>>> ok.status, bad.status
('published', 'left out')
>>> cause(bad.problems[0])
'第N条 is out of order (after 第N条)'
>>> print(table([ok, bad]))
     1  published
     1  left out: 第N条 is out of order (after 第N条)
     2  in all (1 published, 50.0 %)
"""

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lawsite.core.errors import Notice, SourceError
from lawsite.core.numerals import CHARS

SCHEMA = Path(__file__).parent / "build-report.schema.json"
PUBLISHED, LEFT_OUT = "published", "left out"
SCHEMA_VERSION = 1


@dataclass
class Outcome:
    """One ordinance of a build: its metadata file, and what the build did with it.

    `problems` leave it out (each names its file and line); `warnings` do not."""

    source: str                         # the metadata file
    text: str | None = None             # the text file, once the metadata named it
    slug: str | None = None
    title: str | None = None
    problems: list[Notice] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)
    articles: int = 0
    repairs: int = 0

    @property
    def status(self) -> str:
        return LEFT_OUT if self.problems else PUBLISHED


def problem(error: SourceError) -> Notice:
    """A build error as a problem of the report: the same `file:line: problem`."""
    return Notice(error.path, error.line, error.message)


_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|《[^》]*》|[^\s:,()]*/[^\s:,()]*")            # and paths
_NUMBERS = re.compile(rf"第[{CHARS}\s]+([条章节编款项])|[0-9]+")


def cause(notice: Notice) -> str:
    """A problem without what is particular to its file (numbers, quoted text): the
    cause under which the outcome table counts it.

    >>> cause(Notice("x.txt", 3, "unexpected line before the first chapter or article: '本条例'"))
    'unexpected line before the first chapter or article: …'
    >>> cause(Notice("x.txt", 3, "item marker missing: （七） expected after （六）"))
    'item marker missing: （N） expected after （N）'
    """
    text = _QUOTED.sub("…", notice.message)
    text = _NUMBERS.sub(lambda m: f"第N{m.group(1)}" if m.group(1) else "N", text)
    text = re.sub(rf"（[{CHARS}]+）", "（N）", text)
    return text if len(text) <= 100 else text[:99] + "…"


def _notice(notice: Notice) -> dict:
    return {"file": notice.path, "line": notice.line, "message": notice.message, "where": str(notice)}


def record(outcomes: list[Outcome]) -> dict:
    """The report as data: a summary, then each ordinance by its metadata file."""
    ordered = sorted(outcomes, key=lambda o: o.source)
    published = [o for o in ordered if o.status == PUBLISHED]
    causes = Counter(cause(o.problems[0]) for o in ordered if o.problems)
    return {
        "schema_version": SCHEMA_VERSION,
        "summary": {
            "ordinances": len(ordered),
            "published": len(published),
            "left_out": len(ordered) - len(published),
            "articles": sum(o.articles for o in published),
            "repairs": sum(o.repairs for o in published),
            "warnings": sum(len(o.warnings) for o in ordered),
            "causes": [{"cause": text, "left_out": count}
                       for text, count in sorted(causes.items(), key=lambda item: (-item[1], item[0]))],
        },
        "ordinances": [{
            "source": o.source, "text": o.text, "slug": o.slug, "title": o.title, "status": o.status,
            "articles": o.articles, "repairs": o.repairs,
            "problems": [_notice(n) for n in o.problems],
            "warnings": [_notice(n) for n in sorted(o.warnings, key=_order)],
        } for o in ordered],
    }


def _order(notice: Notice) -> tuple:
    return notice.path, notice.line or 0, notice.message


def dumps(outcomes: list[Outcome]) -> str:
    """docs/data/build-report.json: the record, as JSON (keys in the order above)."""
    return json.dumps(record(outcomes), ensure_ascii=False, indent=1) + "\n"


def table(outcomes: list[Outcome]) -> str:
    """The outcomes by cause, most frequent first (an ordinance is counted under its
    first problem), and the total."""
    return table_of(record(outcomes)["summary"])


def table_of(summary: dict) -> str:
    """The table of a report's summary (build-report.json's `summary`)."""
    rows = [f"{summary['published']:6}  {PUBLISHED}"]
    rows += [f"{row['left_out']:6}  {LEFT_OUT}: {row['cause']}" for row in summary["causes"]]
    share = 100 * summary["published"] / summary["ordinances"] if summary["ordinances"] else 0.0
    rows.append(f"{summary['ordinances']:6}  in all ({summary['published']} published, {share:.1f} %)")
    return "\n".join(rows)


def main(argv=None) -> int:
    """python -m lawsite.report docs/data/build-report.json: print its table."""
    [path] = argv if argv is not None else sys.argv[1:]
    print(table_of(json.loads(Path(path).read_text(encoding="utf-8"))["summary"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
