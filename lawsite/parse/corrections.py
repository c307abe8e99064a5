"""The editor's declared corrections (`corrections:` in an ordinance's metadata):
applied to the text lines before the parse, each a recorded repair, and shown after
the build as an editorial note where it is ("inserted by the editor")."""

from lawsite.core.errors import SourceError
from lawsite.model import document as model
from lawsite.model.eid import EId
from lawsite.parse.repair import CONTEXT
from lawsite.parse.sources import Source


def apply(source: Source) -> tuple[list[str], list[model.Repair]]:
    """The text lines with the editor's declared corrections (`corrections:` in the
    metadata, validated by sources.correction_problem) applied: each inserts its plain
    text at its line and column, and is a recorded repair, `declared-correction`. The
    file itself is never changed."""
    lines, repairs = list(source.lines), []
    entries = source.meta.get("corrections", [])
    where = getattr(source.meta, "key_line", lambda key: None)("corrections")
    for entry in sorted(entries, key=lambda e: (e["line"], -e["column"])):
        line, column, insert = entry["line"], entry["column"], entry["insert"]
        at = getattr(entry, "line", where)
        if line > len(lines) or column > len(lines[line - 1]) + 1:
            raise SourceError(source.meta_path, at, f"corrections: {source.text_path} has no line "
                              f"{line}, column {column}")
        text = lines[line - 1]
        lines[line - 1] = text[:column - 1] + insert + text[column - 1:]
        context = lines[line - 1][max(0, column - 1 - CONTEXT): column - 1 + len(insert) + CONTEXT]
        repairs.append(model.Repair("declared-correction", line, column, "", insert, context))
    return lines, repairs


def annotate(ordinance: model.Ordinance, declared: list[model.Repair]) -> model.Ordinance:
    """After the build: the columns of the other repairs on a corrected line, counted in
    the corrected line, are given in the file's own; and each correction is shown as an
    editorial note where it is ("inserted by the editor")."""
    for correction in declared:
        for other in ordinance.repairs:
            if other is not correction and other.line == correction.line and \
                    other.column > correction.column:
                other.column -= len(correction.after)
        article = next((a for a in ordinance.articles if a.eid == article_of(correction.eid)), None)
        if article is not None:
            article.notes.append(model.Note("declared-correction", correction.line, correction.after,
                                            correction.eid))
    return ordinance


def article_of(eid: str) -> str:
    """The eId of the article `eid` is in, or "" (a heading, the ordinance's header)."""
    parsed = EId.parse(eid) if eid else None
    return str(parsed.of_article()) if parsed is not None and parsed.in_article else ""
