"""The versions (expressions) of one work and what changed between them: each article of
a version beside its partner in the version before, aligned by content, not by number
(a revision renumbers), and the status of each version on the build's date.

Alignment, for two consecutive versions:

1. the similarity of every pair of articles (old, new): the cosine of their character
   bigrams (parallels.bigrams), 1.0 for the same words;
2. the pairs in reading order: the alignment that keeps both versions' order and has
   the greatest total similarity, counting only pairs at least THRESHOLD alike (a
   dynamic programme over the two lists, as difflib aligns lines);
3. an article left over in both (moved to another chapter by a revision) is paired
   with its best partner left over if they are at least MOVED alike.

Each pair is `unchanged` (the same words, the same number), `renumbered` (the same
words, another number), or `amended` (other words; its number may have changed too);
an article of the new version without a partner is `added`, one of the old version
without a partner `repealed`. The words are those of the text (article.text(), after
the recorded repairs), without the article's own label.

>>> from lawsite.model.document import Article, ArticleNumber, Paragraph
>>> def version(*texts):
...     return [Article(ArticleNumber(n), "", f"art_{n}", None, None, [Paragraph(1, t, "")])
...             for n, t in enumerate(texts, 1)]
>>> old = version("为了规范停车管理，制定本条例。", "停车场应当公示收费标准。", "违反本条例的，予以处罚。")
>>> new = version("为了规范停车管理，制定本条例。", "鼓励建设立体停车设施，推广智能停车。",
...               "停车场应当公示收费标准和服务内容。", "违反本条例的，予以处罚。")
>>> [(c.kind, str(c.old or ""), str(c.new or "")) for c in align(old, new)]
[('unchanged', '1', '1'), ('added', '', '2'), ('amended', '2', '3'), ('renumbered', '3', '4')]
"""

import datetime
import math
from collections import Counter
from dataclasses import dataclass

from lawsite.enrich.parallels import bigrams
from lawsite.model.document import Article, ArticleNumber, Ordinance

THRESHOLD = 0.3          # two articles in order at least this alike (TF-IDF cosine) are one article amended
MOVED = 0.45             # an article moved out of order must be at least this alike

KINDS = ("unchanged", "renumbered", "amended", "added", "repealed")


@dataclass(frozen=True)
class Change:
    """What became of one article from one version to the next."""

    kind: str                            # one of KINDS
    old: ArticleNumber | None            # its number in the earlier version (None: added)
    new: ArticleNumber | None            # its number in the later version (None: repealed)
    similarity: float = 0.0              # of the pair's words (1.0: the same)


def align(old: list[Article], new: list[Article], threshold: float = THRESHOLD,
          moved: float = MOVED) -> list[Change]:
    """The changes from `old` to `new`, in the new version's order, each repealed article
    just after the change of the article that came before it in the old version."""
    texts_old = [article.text() for article in old]
    texts_new = [article.text() for article in new]
    weighted = tf_idf([bigrams(t) for t in texts_old + texts_new])
    grams_old, grams_new = weighted[:len(old)], weighted[len(old):]

    def similarity(i: int, j: int) -> float:
        if texts_old[i] == texts_new[j]:
            return 1.0
        return cosine(grams_old[i], grams_new[j])

    scores = [[similarity(i, j) for j in range(len(new))] for i in range(len(old))]
    pairs = _in_order(scores, threshold)
    left_old = [i for i in range(len(old)) if i not in pairs]
    taken = set(pairs.values())
    left_new = [j for j in range(len(new)) if j not in taken]
    candidates = sorted(((scores[i][j], i, j) for i in left_old for j in left_new
                         if scores[i][j] >= moved), key=lambda c: (-c[0], c[1], c[2]))
    for _, i, j in candidates:
        if i not in pairs and j not in taken:
            pairs[i] = j
            taken.add(j)
    partner_of_new = {j: i for i, j in pairs.items()}
    changes: list[Change] = []
    placed: set[int] = set()

    def repealed_up_to(i_limit: int) -> None:
        for i in range(i_limit):
            if i not in pairs and i not in placed:
                placed.add(i)
                changes.append(Change("repealed", old[i].number, None))

    for j, article in enumerate(new):
        if j not in partner_of_new:
            changes.append(Change("added", None, article.number))
            continue
        i = partner_of_new[j]
        repealed_up_to(i)
        score = scores[i][j]
        if texts_old[i] == texts_new[j]:
            kind = "unchanged" if old[i].number == article.number else "renumbered"
        else:
            kind = "amended"
        changes.append(Change(kind, old[i].number, article.number, round(score, 3)))
    repealed_up_to(len(old))
    return changes


def tf_idf(counts: list[Counter]) -> list[dict[str, float]]:
    """Each text's bigram counts weighted by their rarity among the articles of both
    versions, so that the words every article shares (科学技术, 人民政府) weigh little.

    >>> a, b, c = tf_idf([Counter({"科学": 1, "普及": 1}), Counter({"科学": 1}), Counter({"科学": 1})])
    >>> a["普及"] > a["科学"]
    True
    """
    frequency = Counter(gram for found in counts for gram in found)
    n = len(counts)
    idf = {gram: math.log((1 + n) / (1 + df)) + 1 for gram, df in frequency.items()}
    return [{gram: count * idf[gram] for gram, count in found.items()} for found in counts]


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    dot = sum(weight * b[gram] for gram, weight in a.items() if gram in b)
    norm = math.sqrt(sum(w * w for w in a.values()) * sum(w * w for w in b.values()))
    return dot / norm if norm else 0.0


def _in_order(scores: list[list[float]], threshold: float) -> dict[int, int]:
    """old index → new index: the order-keeping pairs of greatest total similarity, each at
    least `threshold` (a longest-common-subsequence programme weighted by similarity)."""
    n, m = len(scores), len(scores[0]) if scores else 0
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below = best[i], best[i + 1]
        for j in range(m - 1, -1, -1):
            value = max(below[j], row[j + 1])
            if scores[i][j] >= threshold:
                value = max(value, scores[i][j] + below[j + 1])
            row[j] = value
    pairs, i, j = {}, 0, 0
    while i < n and j < m:
        if scores[i][j] >= threshold and best[i][j] == scores[i][j] + best[i + 1][j + 1]:
            pairs[i] = j
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


# -- the versions of a work ------------------------------------------------------------------

def works(ordinances: list[Ordinance]) -> dict[str, list[Ordinance]]:
    """work slug → its versions, oldest first, for every work with more than one."""
    by_work: dict[str, list[Ordinance]] = {}
    for ordinance in ordinances:
        by_work.setdefault(ordinance.work_slug, []).append(ordinance)
    return {slug: sorted(found, key=lambda o: o.meta["version_date"])
            for slug, found in sorted(by_work.items()) if len(found) > 1}


def changes(versions: dict[str, list[Ordinance]]) -> dict[str, list[Change]]:
    """version slug → the changes from the version before it, for every version after
    the first of each work."""
    found = {}
    for chain in versions.values():
        for before, after in zip(chain, chain[1:]):
            found[after.slug] = align(before.articles, after.articles)
    return found


@dataclass(frozen=True)
class Status:
    """A version's status on a day: in_force (现行有效), superseded (已被修改: by the version
    of `by`), repealed (已废止) or not_yet_in_force (尚未生效)."""

    kind: str
    by: Ordinance | None = None          # the version that superseded it


def status(ordinance: Ordinance, chain: list[Ordinance], today: datetime.date) -> Status:
    """Computed from the dates: a version dated after `today` is not yet in force; one
    followed by a version dated on or before `today` is superseded by the latest such;
    a text whose metadata says repealed is repealed; otherwise it is in force.

    >>> import datetime as d
    >>> def v(date, status="not_verified"):
    ...     return Ordinance({"slug": "w", "version_date": date, "status": status}, "", [], [], [], [])
    >>> a, b, c = v(d.date(2020, 3, 27)), v(d.date(2024, 11, 29)), v(d.date(2030, 1, 1))
    >>> [status(x, [a, b, c], d.date(2026, 12, 1)).kind for x in (a, b, c)]
    ['superseded', 'in_force', 'not_yet_in_force']
    >>> status(a, [a, b, c], d.date(2026, 12, 1)).by is b
    True
    >>> status(v(d.date(2020, 1, 1), "repealed"), [], d.date(2026, 12, 1)).kind
    'repealed'
    """
    date = ordinance.meta.get("version_date")
    if ordinance.meta.get("status") == "repealed":
        return Status("repealed")
    if (date and date > today) or ordinance.meta.get("status") == "not_yet_in_force":
        return Status("not_yet_in_force")
    later = [o for o in chain if o.meta.get("version_date") and date and date < o.meta["version_date"] <= today]
    if later:
        return Status("superseded", later[-1])
    return Status("in_force")


def partner(changes_: list[Change], number: ArticleNumber, forward: bool = True) -> Change | None:
    """The change of the article numbered `number` in the earlier version (`forward`) or in
    the later one."""
    for change in changes_:
        if (change.old if forward else change.new) == number:
            return change
    return None
