"""Parallel provisions: the articles of other ordinances that regulate the same matter.

Computed from the texts alone, in four steps:

1. Every 款 (with its 项 and 目) is a bag of character bigrams, weighted by TF-IDF
   (sublinear term frequency; IDF over every 款 of the corpus). Bigrams in more than
   MAX_DF of all 款 (in the launch texts: 应当, 数字, 部门) are dropped: they carry
   little weight and would make nearly every pair of 款 a candidate.
2. An inverted index from bigram to 款 yields the pairs of 款 that share a bigram,
   with their cosine similarity, without comparing every 款 with every other.
   Articles worded identically (in near-copies of an ordinance, or a shared 施行
   clause) are grouped first and scored once, so copies add places, not work.
3. An article pair scores BEST × its best 款 pair + (1 − BEST) × coverage, where
   coverage is how much of both articles (by length) finds a similar 款 on the
   other side.
4. Pairs scoring at least THRESHOLD are taken best first while both articles have
   fewer than K parallels, so the lists are symmetric: if A lists B, B lists A.

THRESHOLD, BEST and the choice of bigrams (bigrams with trigrams did worse) were
calibrated on 74 hand-labelled pairs between the 烟台 and 济南 ordinances
(tests/fixtures/parallels_gold.yml); see `evaluate` and tests/test_parallels.py.

Segments of `compare` show shared and differing wording:

>>> [kind for kind, _, _ in compare("市人民政府应当推进", "区人民政府应当推动")]
['diff', 'same', 'diff']
"""

import difflib
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import NamedTuple

from lawsite.core import zh
from lawsite.model.document import Article, ArticleNumber, Chapter, Ordinance, paragraph_eid

THRESHOLD = 0.08    # least article-pair score shown as a parallel
K = 3               # most parallels listed for one article
BEST = 0.75         # weight of the best 款 pair in an article pair's score
MAX_DF = 0.5        # bigrams in more than this share of all 款 are ignored
FLOOR = 0.01        # 款 pairs less similar than this are ignored
MIN_SAME = 2        # shorter shared runs inside a change are shown as part of it

# Runs of text between punctuation: bigrams never straddle a comma or a full stop.
WORDS = re.compile(rf"[^\s{zh.PUNCTUATION}]+")


@dataclass(frozen=True)
class Parallel:
    """Article `article` of `slug` and article `other_article` of `other_slug` regulate
    the same matter. `pairs` are their best-matching 款, one to one, best first:
    (eid, other_eid, score)."""

    slug: str
    article: ArticleNumber
    other_slug: str
    other_article: ArticleNumber
    score: float
    pairs: tuple[tuple[str, str, float], ...]

    def mirrored(self) -> "Parallel":
        return Parallel(self.other_slug, self.other_article, self.slug, self.article, self.score,
                        tuple((b, a, score) for a, b, score in self.pairs))


# -- text to vectors -------------------------------------------------------------------------

def unit_text(paragraph) -> str:
    """A 款 with the words of its 项 and 目, without their labels."""
    return "".join(element.text for element in paragraph.elements())


def bigrams(text: str) -> Counter:
    """Character bigrams within runs of text between punctuation.

    >>> sorted(bigrams("数据开放，数据"))
    ['开放', '据开', '数据']
    >>> bigrams("数据开放，数据")["数据"]
    2
    """
    counts = Counter()
    for run in WORDS.findall(text):
        counts.update(run[i:i + 2] for i in range(len(run) - 1))
    return counts


def _vectors(texts: list[str], weights: list[int]) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors of `texts`; `weights[i]` is how many times text i
    occurs in the corpus (identical articles are grouped, but count for IDF)."""
    counts = [bigrams(text) for text in texts]
    df = Counter()
    for count, weight in zip(counts, weights):
        for gram in count:
            df[gram] += weight
    total = sum(weights)
    vectors = []
    for count in counts:
        vector = {gram: (1 + math.log(n)) * math.log(total / df[gram])
                  for gram, n in count.items() if df[gram] <= MAX_DF * total}
        norm = math.sqrt(sum(w * w for w in vector.values()))
        vectors.append({gram: w / norm for gram, w in vector.items()} if norm else {})
    return vectors


def _similar(vectors: list[dict[str, float]]) -> dict[tuple[int, int], float]:
    """Cosine similarity (at least FLOOR) of the pairs (j < i) that share a bigram, through
    an inverted index: the work is the sum over bigrams of (number of 款 with it)²."""
    postings = defaultdict(list)                   # bigram → [(j, weight)] for j < i
    scores = {}
    for i, vector in enumerate(vectors):
        dot = defaultdict(float)
        for gram, weight in vector.items():
            for j, other in postings[gram]:
                dot[j] += weight * other
            postings[gram].append((i, weight))
        scores.update(((j, i), s) for j, s in dot.items() if s >= FLOOR)
    return scores


# -- articles --------------------------------------------------------------------------------

@dataclass
class _Text:
    """One distinct article text (its 款' texts) and where it occurs: [(slug, article)]."""

    units: tuple[str, ...]
    places: list[tuple[str, ArticleNumber]]


def _group(ordinances: list[Ordinance]) -> list[_Text]:
    """Articles grouped by their exact text, so that each distinct text is scored once."""
    texts: dict[tuple[str, ...], _Text] = {}
    for ordinance in ordinances:
        for article in ordinance.articles:
            units = tuple(unit_text(p) for p in article.paragraphs)
            texts.setdefault(units, _Text(units, [])).places.append((ordinance.slug, article.number))
    return list(texts.values())


def _article_scores(texts: list[_Text], threshold: float):
    """Score every pair of distinct article texts whose best 款 pair reaches the threshold.

    Returns {(t, u): (score, ((i, j, similarity), ...))} for t ≤ u (t == u: the same text
    occurring in several ordinances), with i, j the 款 positions in t and u.
    """
    owner, position, unit_texts, weights = [], [], [], []
    for t, text in enumerate(texts):
        for i, unit in enumerate(text.units):
            owner.append(t)
            position.append(i)
            unit_texts.append(unit)
            weights.append(len(text.places))
    vectors = _vectors(unit_texts, weights)
    by_pair = defaultdict(dict)                    # (t, u) → {(i, j): similarity}
    for (a, b), similarity in _similar(vectors).items():
        t, u = owner[a], owner[b]
        if t == u:
            continue                               # two 款 of one article
        if t > u:
            t, u, a, b = u, t, b, a
        by_pair[t, u][position[a], position[b]] = similarity
    for t, text in enumerate(texts):
        if len(text.places) > 1:                   # the same text in several ordinances
            by_pair[t, t] = {(i, i): 1.0 for i in range(len(text.units)) if text.units[i]}
    scores = {}
    for (t, u), similarities in by_pair.items():
        best = max(similarities.values())
        if best < threshold:
            continue                               # the score is never above the best pair
        score = BEST * best + (1 - BEST) * _coverage(texts[t].units, texts[u].units, similarities)
        if score >= threshold:
            scores[t, u] = (score, _one_to_one(similarities, threshold))
    return scores


def _coverage(units_a, units_b, similarities) -> float:
    """How much of both articles (by length) finds a similar 款 on the other side."""
    best_a, best_b = defaultdict(float), defaultdict(float)
    for (i, j), similarity in similarities.items():
        best_a[i] = max(best_a[i], similarity)
        best_b[j] = max(best_b[j], similarity)

    def covered(units, best):
        total = sum(len(unit) for unit in units)
        return sum(len(unit) * best[i] for i, unit in enumerate(units)) / total if total else 0.0
    return (covered(units_a, best_a) + covered(units_b, best_b)) / 2


def _one_to_one(similarities, threshold) -> tuple[tuple[int, int, float], ...]:
    """The best 款 pairs, each 款 used once: always the best, then any above the threshold."""
    pairs, used_a, used_b = [], set(), set()
    for (i, j), similarity in sorted(similarities.items(), key=lambda p: (-p[1], p[0])):
        if i in used_a or j in used_b or (pairs and similarity < threshold):
            continue
        pairs.append((i, j, similarity))
        used_a.add(i)
        used_b.add(j)
    return tuple(pairs)


def find(ordinances: list[Ordinance], threshold: float = THRESHOLD,
         k: int = K) -> dict[tuple[str, ArticleNumber], list[Parallel]]:
    """The parallels of every article that has any: {(slug, article): [Parallel]}, best
    first, at most `k` per article (over all other ordinances together), symmetric."""
    texts = _group(ordinances)
    scores = _article_scores(texts, threshold)
    found: dict[tuple[str, ArticleNumber], list[Parallel]] = defaultdict(list)
    paired = set()
    # Best first; a pair is taken while both of its articles have room.
    for (t, u), (score, pairs) in sorted(scores.items(), key=lambda s: (-s[1][0], s[0])):
        for place in texts[t].places:
            for other in texts[u].places:
                if len(found[place]) >= k:
                    break
                if place[0] == other[0] or len(found[other]) >= k or (place, other) in paired:
                    continue
                parallel = Parallel(*place, *other, round(score, 2), tuple(
                    (paragraph_eid(place[1], i + 1), paragraph_eid(other[1], j + 1), round(s, 2))
                    for i, j, s in pairs))
                found[place].append(parallel)
                found[other].append(parallel.mirrored())
                paired |= {(place, other), (other, place)}
    return {key: value for key, value in found.items() if value}


# -- side by side ----------------------------------------------------------------------------

class Segment(NamedTuple):
    """A stretch of two texts: the same words on both sides, or different ones
    (`a` or `b` may be empty where one side has words the other lacks)."""

    kind: str          # "same" | "diff"
    a: str
    b: str


def compare(text_a: str, text_b: str) -> list[Segment]:
    """The shared and differing wording of two texts, in reading order, for a side-by-side
    view: the left column is every segment's `a`, the right one every `b`; mark the "diff"
    ones. Shared runs shorter than MIN_SAME characters inside a change (a lone 的 or ，)
    are shown as part of the change.

    >>> for segment in compare("任何组织、个人不得侵占数字基础设施。", "任何单位和个人不得侵占数字基础设施。"):
    ...     print(segment)
    Segment(kind='same', a='任何', b='任何')
    Segment(kind='diff', a='组织、', b='单位和')
    Segment(kind='same', a='个人不得侵占数字基础设施。', b='个人不得侵占数字基础设施。')
    >>> compare("甲", "甲")
    [Segment(kind='same', a='甲', b='甲')]
    >>> compare("本条例自公布之日起施行。", "")
    [Segment(kind='diff', a='本条例自公布之日起施行。', b='')]
    """
    matcher = difflib.SequenceMatcher(None, text_a, text_b, autojunk=False)
    segments: list[Segment] = []
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        a, b = text_a[a1:a2], text_b[b1:b2]
        same = tag == "equal" and (len(a) >= MIN_SAME or text_a == text_b)
        kind = "same" if same else "diff"
        if segments and segments[-1].kind == kind == "diff":
            segments[-1] = Segment("diff", segments[-1].a + a, segments[-1].b + b)
        else:
            segments.append(Segment(kind, a, b))
    return segments


class Row(NamedTuple):
    """One line of a side-by-side article comparison: a 款 of each article (or None)."""

    eid_a: str | None
    eid_b: str | None
    score: float       # similarity of the two 款 (0 when one side is missing)
    segments: list[Segment]


def compare_articles(article_a: Article, article_b: Article,
                     parallel: Parallel | None = None, least: float = 0.2) -> list[Row]:
    """The 款 of two articles side by side, in A's order: each 款 of A beside its partner in
    B, if any; a 款 of B with no partner comes just before the next partnered 款 of B, or at
    the end. Partners are `parallel.pairs` when given (weighted by the whole corpus), else
    the 款 pairs most alike by plain bigram cosine, one to one, at least `least`."""
    units_a = [(p.eid, unit_text(p)) for p in article_a.paragraphs]
    units_b = [(p.eid, unit_text(p)) for p in article_b.paragraphs]
    if parallel:
        index_a = {eid: i for i, (eid, _) in enumerate(units_a)}
        index_b = {eid: j for j, (eid, _) in enumerate(units_b)}
        partner = {index_a[a]: (index_b[b], s) for a, b, s in parallel.pairs}
    else:
        similarities = {(i, j): _cosine(bigrams(a), bigrams(b))
                        for i, (_, a) in enumerate(units_a) for j, (_, b) in enumerate(units_b)}
        partner = {i: (j, s) for i, j, s in _one_to_one(similarities, least) if s >= least}
    partnered_b = {j for j, _ in partner.values()}
    rows, shown_b = [], set()

    def rest_of_b(before):
        for j in range(before):
            if j not in shown_b and j not in partnered_b:
                shown_b.add(j)
                rows.append(Row(None, units_b[j][0], 0.0, compare("", units_b[j][1])))
    for i, (eid, text) in enumerate(units_a):
        if i in partner:
            j, similarity = partner[i]
            rest_of_b(j)
            rows.append(Row(eid, units_b[j][0], round(similarity, 2), compare(text, units_b[j][1])))
        else:
            rows.append(Row(eid, None, 0.0, compare(text, "")))
    rest_of_b(len(units_b))
    return rows


def _cosine(a: Counter, b: Counter) -> float:
    dot = sum(n * b[gram] for gram, n in a.items() if gram in b)
    norm = math.sqrt(sum(n * n for n in a.values()) * sum(n * n for n in b.values()))
    return dot / norm if norm else 0.0


# -- two ordinances by topic -----------------------------------------------------------------

@dataclass
class TopicRow:
    chapter: Chapter | None            # A's chapter (None in an ordinance without chapters)
    article: Article                   # an article of A
    matches: list[Parallel]            # its parallels in B, best first


@dataclass
class Topics:
    rows: list[TopicRow]               # every article of A, in A's order
    unmatched: list[Article]           # B's articles that no article of A matches


def by_topic(ordinance_a: Ordinance, ordinance_b: Ordinance,
             parallels: dict[tuple[str, ArticleNumber], list[Parallel]]) -> Topics:
    """Ordinance A article by article in the order of its chapters, each with its parallels
    in B, then B's articles with none. Pass `find([a, b])`: in a larger corpus an
    article's K parallels may all lie in other ordinances."""
    rows, matched = [], set()
    for article in ordinance_a.articles:
        matches = [p for p in parallels.get((ordinance_a.slug, article.number), ())
                   if p.other_slug == ordinance_b.slug]
        matched.update(p.other_article for p in matches)
        chapter = ordinance_a.chapter(article.chapter) if article.chapter else None
        rows.append(TopicRow(chapter, article, matches))
    return Topics(rows, [a for a in ordinance_b.articles if a.number not in matched])


# -- evaluation against a hand-labelled set --------------------------------------------------

@dataclass
class Direction:
    """How the suggestions from one ordinance's articles to the other's compare with the gold."""

    name: str                              # "yantai-digital-economy → jinan-digital-economy"
    suggested: int                         # articles with at least one suggestion
    correct: int                           # … whose top suggestion is a gold pair
    wrong: list[tuple[ArticleNumber, ArticleNumber]]   # (article, top suggestion) not in the gold
    unsuggested: list[ArticleNumber]       # articles with a gold partner but no suggestion
    found: int                             # gold pairs in this side's top 3

    @property
    def precision_at_1(self) -> float:
        return self.correct / self.suggested if self.suggested else 0.0


@dataclass
class Evaluation:
    forward: Direction                     # A → B
    backward: Direction                    # B → A
    gold: int                              # number of gold pairs
    missed: list[tuple[ArticleNumber, ArticleNumber]]  # gold pairs (a, b) in neither side's top 3

    @property
    def recall_at_3(self) -> float:
        """The fraction of gold pairs found in the top 3 of either side."""
        return 1 - len(self.missed) / self.gold


def evaluate(parallels: dict[tuple[str, ArticleNumber], list[Parallel]], gold: set[tuple],
             slug_a: str, slug_b: str) -> Evaluation:
    """Compare `find`'s output with gold pairs (article of A, article of B: ArticleNumbers,
    or ints for ordinary articles), both ways."""
    def top3(slug, other, article) -> list[ArticleNumber]:
        return [p.other_article for p in parallels.get((slug, article), ())
                if p.other_slug == other][:3]

    def direction(slug, other, pairs) -> Direction:
        tops = {article: top3(slug, other, article) for s, article in parallels if s == slug}
        tops = {article: top[0] for article, top in tops.items() if top}
        wrong = sorted((a, b) for a, b in tops.items() if (a, b) not in pairs)
        return Direction(f"{slug} → {other}", len(tops), len(tops) - len(wrong), wrong,
                         sorted({a for a, _ in pairs} - set(tops)),
                         sum(b in top3(slug, other, a) for a, b in pairs))

    gold = {(ArticleNumber.of(a), ArticleNumber.of(b)) for a, b in gold}
    missed = sorted((a, b) for a, b in gold
                    if b not in top3(slug_a, slug_b, a) and a not in top3(slug_b, slug_a, b))
    return Evaluation(direction(slug_a, slug_b, gold),
                      direction(slug_b, slug_a, {(b, a) for a, b in gold}), len(gold), missed)
