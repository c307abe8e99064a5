"""Parallel provisions translated alike.

Where a 款 of one ordinance is near-identical to a 款 of another (the 款 pairs of
their parallel provisions whose Chinese is at least NEAR alike), both translations
should differ only where the Chinese does. This cannot be proven by a machine, but
its violations show: the Chinese is the same and the English is not, or the English
differs in more places than the Chinese. Those pairs are warnings; every pair, with
its differences, is listed by `python build_corpus.py --translation-pairs`.

>>> differences(list("本市鼓励发展"), list("本省鼓励发展"))
[('市', '省')]
>>> differences("the city shall".split(), "the province shall".split())
[('city', 'province')]
"""

import difflib
from dataclasses import dataclass

from lawsite.core.errors import Notice
from lawsite.model import document as model
from lawsite.translation.i18n import Language, Translation

NEAR = 0.8          # SequenceMatcher ratio of the two Chinese 款 that makes them near-identical


@dataclass(frozen=True)
class Pair:
    """Two near-identical 款 of two ordinances and their translations."""

    slug: str
    eid: str
    other_slug: str
    other_eid: str
    similarity: float
    chinese: list[tuple[str, str]]       # the differences of the Chinese
    english: list[tuple[str, str]]       # the differences of the translations

    @property
    def consistent(self) -> bool:
        return len(self.english) <= len(self.chinese)


def differences(a: list[str], b: list[str]) -> list[tuple[str, str]]:
    """The runs where two token sequences differ, as (text of a, text of b)."""
    joiner = "" if all(len(token) == 1 for token in a + b) else " "
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return [(joiner.join(a[i1:i2]), joiner.join(b[j1:j2]))
            for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def _words(text: str) -> list[str]:
    return text.casefold().replace(",", " ,").replace(";", " ;").replace(".", " .").split()


def _candidates(ordinances: list[model.Ordinance], parallels: dict, standard: dict, lang: Language):
    """(slug, eid, other_slug, other_eid) of the 款 pairs worth checking: those of the
    parallel provisions, and those of the standard clauses of one kind (purpose, entry into
    force: `enrich.boilerplate`, never suggested as parallels) in two translated
    ordinances, 款 by 款."""
    for found_for_article in (parallels[key] for key in sorted(parallels)):
        for parallel in found_for_article:
            for eid, other_eid, _ in parallel.pairs:
                yield parallel.slug, eid, parallel.other_slug, other_eid
    translated = {o.slug: o for o in ordinances if o.slug in lang.translations}
    by_kind: dict[str, list[tuple[str, model.Article]]] = {}
    for (slug, number), kind in sorted(standard.items()):
        if slug in translated:
            by_kind.setdefault(kind, []).append((slug, translated[slug].article(number)))
    for kind in sorted(by_kind):
        for n, (slug, article) in enumerate(by_kind[kind]):
            for other_slug, other in by_kind[kind][n + 1:]:
                if other_slug != slug:
                    for paragraph, other_paragraph in zip(article.paragraphs, other.paragraphs):
                        yield slug, paragraph.eid, other_slug, other_paragraph.eid


def pairs(ordinances: list[model.Ordinance], parallels: dict, lang: Language,
          standard: dict | None = None) -> list[Pair]:
    """Every near-identical 款 pair of two ordinances whose both sides `lang` translates,
    among the parallel provisions and the standard clauses (`standard`: (slug, article) →
    kind, as `boilerplate.find` gives)."""
    texts = {(o.slug, e.eid): e.text for o in ordinances for a in o.articles for _, e in a.elements()}
    found, seen = [], set()
    for slug, eid, other_slug, other_eid in _candidates(ordinances, parallels, standard or {}, lang):
        translated = lang.translations.get(slug, Translation()).text
        other = lang.translations.get(other_slug, Translation()).text
        key = tuple(sorted([(slug, eid), (other_slug, other_eid)]))
        if key in seen or eid not in translated or other_eid not in other:
            continue
        seen.add(key)
        a, b = texts[(slug, eid)], texts[(other_slug, other_eid)]
        similarity = difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
        if similarity >= NEAR:
            found.append(Pair(slug, eid, other_slug, other_eid, round(similarity, 3),
                              differences(list(a), list(b)),
                              differences(_words(translated[eid]), _words(other[other_eid]))))
    return sorted(found, key=lambda p: (p.slug, p.eid, p.other_slug, p.other_eid))


def notices(ordinances: list[model.Ordinance], parallels: dict, languages: list[Language],
            standard: dict | None = None) -> list[Notice]:
    """A warning for each near-identical pair whose translations differ where the Chinese does not."""
    found = []
    for lang in languages:
        if lang.official:
            continue
        for pair in pairs(ordinances, parallels, lang, standard):
            if not pair.consistent:
                translation = lang.translations[pair.slug]
                found.append(Notice(translation.path, translation.lines.get(pair.eid),
                                    f"{pair.eid} and {pair.other_slug} {pair.other_eid} are near-identical "
                                    f"in Chinese ({len(pair.chinese)} differences) but their translations "
                                    f"differ in {len(pair.english)} places: {_shown(pair.english)}"))
    return found


def report(pair: Pair, code: str) -> str:
    """A pair and its differences, for the translator to read."""
    mark = "ok" if pair.consistent else "CHECK"
    return (f"{mark} {pair.slug} {pair.eid} ~ {pair.other_slug} {pair.other_eid} ({pair.similarity})\n"
            f"   zh: {_shown(pair.chinese, 20) or 'identical'}\n"
            f"   {code}: {_shown(pair.english, 20) or 'identical'}")


def _shown(runs: list[tuple[str, str]], most: int = 4) -> str:
    shown = "; ".join(f"{a or '∅'} → {b or '∅'}" for a, b in runs[:most])
    return shown + (" …" if len(runs) > most else "")
