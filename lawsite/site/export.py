"""The model as a published dataset: docs/data/corpus.json.

Its shape is fixed by `corpus.schema.json` (JSON Schema, beside this module,
published beside the data) and explained on the site's data page. Keys keep
the order written here; the output is byte-identical for the same sources.
"""

import datetime
import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from pathlib import Path

from lawsite.model import document as model
from lawsite.model import frbr
from lawsite.model.eid import EId
from lawsite.site import urls

SCHEMA_VERSION = 1


def article_ref(number: model.ArticleNumber) -> int | str:
    """How the dataset names an article in lists and links: its number, 28, or for an
    inserted article the part of its eId after `art_`, "20-1" (第二十条之一).

    >>> article_ref(model.ArticleNumber(28)), article_ref(model.ArticleNumber(20, 1))
    (28, '20-1')
    """
    return str(number) if number.inserted else number.base


def corpus(ordinances: list[model.Ordinance], extra: dict | None = None) -> dict:
    """The whole dataset. `extra` adds top-level sections (e.g. the department vocabulary)."""
    data = {
        "schema_version": SCHEMA_VERSION,
        "ordinances": [ordinance_record(ordinance) for ordinance in ordinances],
    }
    data.update(extra or {})
    return data


def ordinance_record(ordinance: model.Ordinance) -> dict:
    meta = ordinance.meta
    return {
        "slug": ordinance.slug,
        "url": urls.url(urls.ordinance_path(ordinance.slug)),
        "frbr_uri": frbr.work_uri(ordinance.work_slug, meta),
        "frbr_expression_uri": frbr.expression_uri(frbr.work_uri(ordinance.work_slug, meta), meta),
        "work": ordinance.work_slug,
        "current": not ordinance.old_version,
        "title": ordinance.title,
        "metadata": _plain(meta),
        "history": ordinance.history,
        "toc": ordinance.toc,
        "chapters": [chapter_record(ordinance, chapter) for chapter in ordinance.chapters],
        "articles": [article_record(ordinance, article) for article in ordinance.articles],
        "paragraphs": [{"number": p.number, "eid": p.eid, "text": p.text} for p in ordinance.paragraphs],
        "preamble": [{"number": p.number, "eid": p.eid, "text": p.text} for p in ordinance.preamble],
        "heading_repairs": [asdict(r) for r in ordinance.repairs
                            if not (r.eid and EId.parse(r.eid).in_article)],
    }


def chapter_record(ordinance: model.Ordinance, chapter: model.Chapter) -> dict:
    return {
        "number": chapter.number,
        "label": chapter.label,
        "title": chapter.title,
        "eid": chapter.eid,
        "url": urls.url(urls.chapter_path(ordinance.slug, chapter.number)),
        "articles": [article_ref(number) for number in chapter.articles],
        "sections": [{"number": section.number, "label": section.label, "title": section.title,
                      "eid": section.eid, "articles": [article_ref(n) for n in section.articles]}
                     for section in chapter.sections],
        "missing": chapter.missing,
        "notes": [asdict(note) for note in chapter.notes],
    }


def article_record(ordinance: model.Ordinance, article: model.Article) -> dict:
    """`number` is the article's number; an inserted article (第二十条之一) has the
    number of the article it follows (20) and `inserted`, its own (1)."""
    inserted = {"inserted": article.number.inserted} if article.number.inserted else {}
    return {
        "ordinance": ordinance.slug,
        "number": article.number.base,
        **inserted,
        "label": article.label,
        "eid": article.eid,
        "chapter": article.chapter,
        "section": article.section,
        "url": urls.url(urls.article_path(ordinance.slug, article.number)),
        "paragraphs": [paragraph_record(paragraph) for paragraph in article.paragraphs],
        "repairs": [asdict(r) for r in article.repairs],
        "notes": [asdict(note) for note in article.notes],
    }


def paragraph_record(paragraph: model.Paragraph) -> dict:
    return {
        "number": paragraph.number,
        "eid": paragraph.eid,
        "text": paragraph.text,
        "items": [{"number": item.number, "eid": item.eid, "label": item.label, "text": item.text,
                   "subitems": [{"number": sub.number, "eid": sub.eid, "label": sub.label,
                                 "text": sub.text} for sub in item.subitems]}
                  for item in paragraph.items],
    }


def _plain(value):
    """YAML values as JSON values: dates as ISO strings, mappings as plain dicts."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


class Encoded(str):
    """A value already written as `_pieces` writes it at its place: see `record_piece`."""


def record_piece(ordinance: model.Ordinance) -> Encoded:
    """An ordinance's record as `pieces` writes it, encoded (a build keeps it for the next
    one: an ordinance that did not change is not encoded again).

    >>> import types
    >>> record = {"slug": "x", "a": [1]}
    >>> "".join(_pieces({"o": [Encoded(json.dumps(record, ensure_ascii=False, indent=1).replace("\\n", "\\n  "))]}, 0, 2)) \\
    ...     == json.dumps({"o": [record]}, indent=1)
    True
    """
    return Encoded(json.dumps(ordinance_record(ordinance), ensure_ascii=False, indent=1).replace("\n", "\n  "))


def pieces(ordinances: list[model.Ordinance], extra: dict | None = None,
           records: Iterable[Encoded] | None = None) -> Iterator[str]:
    """`dumps(corpus(ordinances, extra))` in pieces, the same characters: each
    ordinance's record made and encoded when it is written, so that a build never
    holds the whole dataset as one string (on the whole corpus it is over 1 GB).
    Each section of `extra` is written one entry at a time too. `records`: the
    ordinances' records already encoded (`record_piece`), in their order.

    >>> ordinances_ = []
    >>> "".join(pieces(ordinances_, {"a": {"x": [1, {}]}, "b": []})) == dumps(corpus(ordinances_, {"a": {"x": [1, {}]}, "b": []}))
    True
    """
    sections = {"schema_version": SCHEMA_VERSION,
                "ordinances": iter(records) if records is not None
                else (ordinance_record(ordinance) for ordinance in ordinances)}
    sections.update(extra or {})
    yield from _pieces(sections, 0, depth=2)
    yield "\n"


def records(path: Path, wanted: set[str]) -> Iterator[dict]:
    """The records of the `wanted` ordinances (by slug) of a corpus.json that `pieces`
    wrote, read a line at a time: each ordinance's record is its own lines (two spaces
    in, from `  {` to `  }`), its slug the first of them, so only the wanted records
    are decoded and the file (805 MB on the whole corpus, in memory) is never held.

    >>> import tempfile
    >>> records_ = [{"slug": "a", "title": "甲"}, {"slug": "b", "title": "乙", "x": [{"y": "}"}]}]
    >>> path = Path(tempfile.mkdtemp()) / "corpus.json"
    >>> _ = path.write_text("".join(_pieces({"schema_version": 1, "ordinances": records_, "z": {}}, 0, 2)))
    >>> [r["title"] for r in records(path, {"b", "c"})], [r["slug"] for r in records(path, {"a", "b"})]
    (['乙'], ['a', 'b'])
    """
    lines: list[str] | None = None
    with open(path, encoding="utf-8") as file:
        for line in file:
            if lines is None:
                if line == "  {\n":
                    lines = [line]
                elif line.startswith(" ]"):
                    return                                  # the end of the ordinances
                continue
            if len(lines) == 1:
                key, _, value = line.strip().rstrip(",").partition(": ")
                if key != '"slug"':
                    raise ValueError(f"{path}: a record that does not start with its slug")
                if json.loads(value) not in wanted:
                    lines = []                              # skipped to its end
                    continue
            if line.startswith("  }"):
                if lines:
                    yield json.loads("".join(lines) + "}")
                lines = None
            elif lines:
                lines.append(line)


def _pieces(value, level: int, depth: int) -> Iterator[str]:
    """`value` as json.dumps(…, indent=1) writes it `level` containers deep, the
    entries of its first `depth` levels one at a time. A generator stands for a list.

    >>> value = {"k": [1, [2, "三"], {}], "e": [], "d": {"x": {"y": None}}}
    >>> "".join(_pieces(value, 0, 2)) == json.dumps(value, ensure_ascii=False, indent=1)
    True
    >>> "".join(_pieces({"g": (n for n in range(2)), "h": (n for n in ())}, 0, 2))
    '{\\n "g": [\\n  0,\\n  1\\n ],\\n "h": []\\n}'
    """
    if isinstance(value, Encoded):
        yield value
        return
    if depth == 0 or not isinstance(value, dict | list | Iterator):
        # JSON strings hold no raw line break: each line break is the indentation's
        yield json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n" + " " * level)
        return
    keyed = isinstance(value, dict)
    entries: Iterable = value.items() if isinstance(value, dict) else ((None, item) for item in value)
    opening, closing = "{}" if keyed else "[]"
    inner = "\n" + " " * (level + 1)
    first = True
    for key, item in entries:
        yield (opening if first else ",") + inner
        first = False
        if keyed:                        # (json.dumps writes a key that is not a string as one)
            yield json.dumps({key: 0}, ensure_ascii=False)[1:-4] + ": "
        yield from _pieces(item, level + 1, depth - 1)
    yield opening + closing if first else "\n" + " " * level + closing
