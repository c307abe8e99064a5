"""The terminology of a translation: Chinese term → its fixed English rendering.

`translations/<lang>/glossary.yml` lists the terms whose rendering is fixed, so that
every ordinance translated into that language reads as one body of law:

    terms:
      - zh: 有关部门
        en: relevant departments
        variants: [relevant department]      # other accepted forms (optional)
        note: the generic actor

The build checks each translated element: where a term occurs in its Chinese, one of
the term's renderings must occur in its translation (case-insensitive). A miss is a
warning naming the translation's file and line, not an error: a translator may have a
reason, which the warning makes visible.

>>> term = Term("有关部门", ("relevant departments", "relevant department"), "", 3)
>>> term.rendered_in("The Relevant Departments shall …"), term.rendered_in("Departments shall …")
(True, False)
"""

from dataclasses import dataclass
from pathlib import Path

from lawsite.core import schema, yamlfile
from lawsite.core.errors import Notice, SourceError, display_path
from lawsite.model import document as model

FILE = "glossary.yml"              # in translations/<lang>/, beside the ordinances' files
SCHEMA = Path(__file__).with_name("glossary.schema.json")


@dataclass(frozen=True)
class Term:
    zh: str
    renderings: tuple[str, ...]     # the preferred rendering first
    note: str
    line: int                       # where the term stands in the glossary

    def rendered_in(self, english: str) -> bool:
        text = english.casefold()
        return any(rendering.casefold() in text for rendering in self.renderings)


def load(path: Path) -> list[Term]:
    """Read and check a glossary (glossary.schema.json: a list of terms, each with `zh`
    and `en`), no term twice."""
    shown = display_path(path)
    data = yamlfile.load(path)
    schema.check(data, schema.load(SCHEMA), shown)
    terms: list = []
    seen: dict[str, int] = {}
    for entry in data["terms"]:
        zh, en = entry["zh"].strip(), entry["en"].strip()
        if zh in seen:
            raise SourceError(shown, entry.line, f"the term {zh} is listed twice (first on line {seen[zh]})")
        seen[zh] = entry.line
        variants = tuple(variant.strip() for variant in entry.get("variants", []))
        terms.append(Term(zh, (en, *variants), entry.get("note", "").strip(), entry.line))
    return terms


def misses(terms: list[Term], ordinance: model.Ordinance, translated: dict[str, str],
           lines: dict[str, int], path: str) -> list[Notice]:
    """A warning for each translated element whose Chinese holds a term whose rendering
    its English lacks. A term inside a longer term of the glossary (数据 in 公共数据)
    counts only where it also stands outside it."""
    longer = {t.zh: [o for o in terms if t.zh in o.zh and o.zh != t.zh] for t in terms}
    found = []
    for eid, chinese in _elements(ordinance):
        english = translated.get(eid)
        if english is None:
            continue
        for term in terms:
            if term.zh in chinese and _outside(term.zh, chinese, longer[term.zh]) \
                    and not term.rendered_in(english):
                found.append(Notice(path, lines.get(eid), f"{eid}: the glossary renders {term.zh} as "
                                    f"{term.renderings[0]!r}, which the translation does not use"))
    return found


def _elements(ordinance: model.Ordinance):
    """(eid, Chinese text) of every translatable element, in document order."""
    for chapter in ordinance.chapters:
        yield chapter.eid, chapter.title
        for section in chapter.sections:
            yield section.eid, section.title
    for article in ordinance.articles:
        for _, element in article.elements():
            yield element.eid, element.text


def _outside(term: str, text: str, longer: list[Term]) -> bool:
    """Does `term` occur in `text` outside every longer glossary term?

    >>> _outside("数据", "公共数据开放", [Term("公共数据", ("public data",), "", 1)])
    False
    >>> _outside("数据", "公共数据和数据交易", [Term("公共数据", ("public data",), "", 1)])
    True
    """
    covered = [False] * len(text)
    for other in longer:
        start = text.find(other.zh)
        while start >= 0:
            covered[start:start + len(other.zh)] = [True] * len(other.zh)
            start = text.find(other.zh, start + 1)
    start = text.find(term)
    while start >= 0:
        if not all(covered[start:start + len(term)]):
            return True
        start = text.find(term, start + 1)
    return False
