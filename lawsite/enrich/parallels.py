"""Parallel provisions: the articles of other ordinances that regulate the same matter.

Computed from the texts alone, so that the whole corpus (some 60,000 articles) takes
minutes, not hours:

1. Every article is a bag of character bigrams (within runs of text between
   punctuation), weighted by scikit-learn's TF-IDF (sublinear term frequency, IDF over
   every article of the corpus, unit length). Bigrams in more than MAX_DF of all
   articles (应当, 部门) are dropped.
2. The similarity of every article with every other is one sparse matrix product,
   computed CHUNK rows at a time so that memory stays bounded; of each row only the
   entries of at least THRESHOLD − MARGIN are kept (a runner-up below that never
   decides).
3. For each article and each other ordinance: the best-matching article there and the
   runner-up. The best one is a suggestion if it scores at least THRESHOLD and at least
   MARGIN more than the runner-up (an article that matches several of that ordinance's
   articles about equally matches none of them clearly). The suggestions of an article
   are its best matches in the ORDINANCES most similar ordinances, best first; an
   article lists any other ordinance at most once.
4. Standard clauses (purpose, scope, generic liability, interpretation, entry into
   force: `boilerplate.py`) are grouped apart and neither receive nor give suggestions.

Each suggestion carries its best-matching 款 pairs (for the side-by-side view). A
suggestion scoring at least STRONG gets a comparison page. Suggestions are not
symmetric: A's best match in B's ordinance need not have A as its best match.

THRESHOLD, MARGIN and MAX_DF were chosen on the tune half of
tests/fixtures/parallels_gold_corpus.yml with the launch pairs
(tests/fixtures/parallels_gold.yml); the holdout half measures them
(tests/enrich/test_parallels_corpus.py).

Segments of `compare` show shared and differing wording:

>>> [kind for kind, _, _ in compare("市人民政府应当推进", "区人民政府应当推动")]
['diff', 'same', 'diff']
"""

import difflib
import hashlib
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
from scipy import sparse  # type: ignore[import-untyped]
from sklearn.preprocessing import normalize

from lawsite import workers
from lawsite.core import zh
from lawsite.enrich import boilerplate
from lawsite.model.document import Article, ArticleNumber, Chapter, Ordinance, paragraph_eid

THRESHOLD = 0.25    # least similarity of an article pair shown as a parallel
MARGIN = 0.04      # least lead of the best match in an ordinance over the runner-up there
ORDINANCES = 5      # most other ordinances an article lists a parallel in
STRONG = 0.5        # least similarity of a pair that gets a comparison page
MAX_DF = 0.5        # bigrams in more than this share of all articles are ignored
CHUNK = 256         # rows of the similarity product computed at a time
PAIR_FLOOR = 0.2    # least similarity of a further 款 pair shown side by side
MIN_SAME = 3        # shorter shared runs inside a change are shown as part of it
MIN_SAME_EDGE = 2   # … at the start or the end of both texts
MIN_SHARED = 0.3    # a 款 pair sharing less of the shorter text is marked as a whole
IDENTICAL, ALIKE = 0.99, STRONG  # similarities named 相同 and 高度相似 (below: 部分相似)

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

    @property
    def strong(self) -> bool:
        """Alike enough for a comparison page of its own."""
        return self.score >= STRONG


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
    return Counter(_bigram_list(text))


def _bigram_list(text: str) -> list[str]:
    return [run[i:i + 2] for run in WORDS.findall(text) for i in range(len(run) - 1)]


# -- vectors ---------------------------------------------------------------------------------
#
# TF-IDF as scikit-learn's TfidfVectorizer(sublinear_tf=True, max_df=MAX_DF) computes it
# (tf 1 + log(count), idf log((n + 1) / (df + 1)) + 1, unit length), made here so that an
# article's vector depends only on its own counts and its bigrams' document frequencies,
# its entries always in the alphabetical order of its bigrams: an article whose bigrams'
# frequencies did not change has the same vector, bit for bit, whatever else was edited.

class _Counts(NamedTuple):
    """Bigram counts, one row a text (CSR arrays); a column is a term's id in `terms`."""

    indptr: np.ndarray
    indices: np.ndarray
    data: np.ndarray


def _count(texts: list[str], terms: dict[str, int], grow: bool = True) -> _Counts:
    """The bigram counts of each text; `terms` (every bigram seen, by the order it was first
    seen) gets the new ones, or with `grow` False they are left out."""
    indptr, indices, data = [0], [], []  # type: list[int], list[int], list[int]
    for text in texts:
        counted = Counter(_bigram_list(text))
        if grow:
            indices += [terms.setdefault(gram, len(terms)) for gram in counted]
            data += counted.values()
        else:
            known = [(terms[gram], n) for gram, n in counted.items() if gram in terms]
            indices += [term for term, _ in known]
            data += [n for _, n in known]
        indptr.append(len(indices))
    return _Counts(np.array(indptr, dtype=np.int64), np.array(indices, dtype=np.int32),
                   np.array(data, dtype=np.int32))


def _replace_rows(counts: _Counts, rows: list[int], new: _Counts) -> _Counts:
    """`counts` with its rows `rows` (ascending) replaced by the rows of `new`."""
    lengths = np.diff(counts.indptr)
    lengths[rows] = np.diff(new.indptr)
    indices, data, at = [], [], 0
    for n, row in enumerate(rows):
        indices += [counts.indices[counts.indptr[at]:counts.indptr[row]], new.indices[new.indptr[n]:new.indptr[n + 1]]]
        data += [counts.data[counts.indptr[at]:counts.indptr[row]], new.data[new.indptr[n]:new.indptr[n + 1]]]
        at = row + 1
    indices.append(counts.indices[counts.indptr[at]:])
    data.append(counts.data[counts.indptr[at]:])
    return _Counts(np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64),
                   np.concatenate(indices).astype(np.int32), np.concatenate(data).astype(np.int32))


class _Weights(NamedTuple):
    """By term id: its document frequency, whether it counts (in at most `max_df` of all
    texts), its idf and its column (its place in the alphabetical order of all terms)."""

    df: np.ndarray
    kept: np.ndarray
    idf: np.ndarray
    column: np.ndarray


def _weights(terms: dict[str, int], counts: _Counts, max_df: float) -> _Weights:
    texts = len(counts.indptr) - 1
    df = np.bincount(counts.indices, minlength=len(terms))
    idf = np.full(len(terms), texts + 1, dtype=np.float64)
    idf /= df.astype(np.float64) + 1.0
    np.log(idf, out=idf)
    idf += 1.0
    names = list(terms)
    column = np.empty(len(names), dtype=np.int32)
    column[sorted(range(len(names)), key=names.__getitem__)] = np.arange(len(names), dtype=np.int32)
    return _Weights(df, (df >= 1) & (df <= max_df * texts), idf, column)


def _vectors(counts: _Counts, weights: _Weights) -> sparse.csr_matrix:
    """The unit TF-IDF vectors of the counted texts, one row each."""
    kept = weights.kept[counts.indices]
    terms = counts.indices[kept]
    data = counts.data[kept].astype(np.float64)
    np.log(data, out=data)
    data += 1.0
    data *= weights.idf[terms]
    indptr = np.concatenate([[0], np.cumsum(kept)])[counts.indptr]
    vectors = sparse.csr_matrix((data, weights.column[terms], indptr),
                                shape=(len(counts.indptr) - 1, len(weights.column)))
    vectors.sort_indices()
    return normalize(vectors, copy=False) if vectors.shape[0] else vectors


# -- articles --------------------------------------------------------------------------------

class _Place(NamedTuple):
    slug: str
    article: Article
    ordinance: int          # its ordinance's position in the corpus


def _similar(vectors, owner: np.ndarray, queried: np.ndarray, floor: float, rows: np.ndarray,
             chunk: int = CHUNK, jobs: int = 1) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(i, j, similarity) of every queried article i of `rows` and every queried article j of
    another ordinance at least `floor` similar to it. A row's similarities depend on its
    vector and the others' alone (each a sum over their shared bigrams in their alphabetical
    order: the same for (i, j) and (j, i)), so that any subset of the rows gives the same
    values as all of them. `chunk` rows at a time, shared by `jobs` processes."""
    workers.shared["parallels"] = (vectors, vectors.T.tocsr(), owner, queried, floor)
    blocks = [rows[start:start + chunk] for start in range(0, len(rows), chunk)]
    out = list(workers.ordered(_similar_in_block, blocks, jobs))
    del workers.shared["parallels"]
    if not out:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0)
    i, j, value = (np.concatenate(column) for column in zip(*out))
    return i, j, value


def _similar_in_block(block: np.ndarray) -> tuple:
    """`_similar` of the rows of `block` (a job of the workers)."""
    vectors, transposed, owner, queried, floor = workers.shared["parallels"]
    product = (vectors[block] @ transposed).tocsr()
    product.data[product.data < floor] = 0
    product.eliminate_zeros()
    product = product.tocoo()
    i, j, value = block[product.row], product.col.astype(np.int64), product.data
    keep = queried[j] & (owner[i] != owner[j])
    return i[keep], j[keep], value[keep]


def _best_per_ordinance(i: np.ndarray, j: np.ndarray, value: np.ndarray, owner: np.ndarray):
    """Of the similarities (i, j, value), for every article i and every other ordinance o:
    (i, o, j, best, runner_up), j being the best article of o (ties: the first), runner_up
    the next best similarity in o (0 if none), by article then ordinance. The entries' order
    does not count: the same entries give the same result."""
    order = np.lexsort((j, -value, owner[j], i))          # by row, ordinance, best first
    i, j, value = i[order], j[order], value[order]
    first = np.ones(len(i), dtype=bool)
    first[1:] = (i[1:] != i[:-1]) | (owner[j][1:] != owner[j][:-1])
    at = np.flatnonzero(first)
    runner_up = np.zeros(len(at))
    has_next = at + 1 < len(i)
    has_next[has_next] = ~first[at[has_next] + 1]
    runner_up[has_next] = value[at[has_next] + 1]
    return i[at], owner[j[at]], j[at], value[at], runner_up


def _paragraph_similarities(paragraphs, first: np.ndarray, count: np.ndarray,
                            chosen: list[tuple[int, int]], batch: int = 20_000) -> list[dict]:
    """For each chosen article pair (a, b): {(x, y): cosine} of their 款 (`first[a]` is a's
    first row in `paragraphs`, `count[a]` its number of 款), computed in batches."""
    out: list[dict] = []
    for start in range(0, len(chosen), batch):
        left, right, keys = [], [], []
        for a, b in chosen[start:start + batch]:
            cells = [(x, y) for x in range(count[a]) for y in range(count[b])]
            left += [first[a] + x for x, _ in cells]
            right += [first[b] + y for _, y in cells]
            keys.append(cells)
        dots = np.asarray(paragraphs[left].multiply(paragraphs[right]).sum(axis=1)).ravel()
        at = 0
        for cells in keys:
            out.append({cell: float(dots[at + n]) for n, cell in enumerate(cells) if dots[at + n] > 0})
            at += len(cells)
    return out


def _one_to_one(similarities, threshold) -> tuple[tuple[int, int, float], ...]:
    """The best 款 pairs, each 款 used once: always the best, then any above the threshold."""
    pairs: list[tuple[int, int, float]] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    for (i, j), similarity in sorted(similarities.items(), key=lambda p: (-p[1], p[0])):
        if i in used_a or j in used_b or (pairs and similarity < threshold):
            continue
        pairs.append((i, j, similarity))
        used_a.add(i)
        used_b.add(j)
    return tuple(pairs)


def article_text(article: Article) -> str:
    """The words of an article, its 款 separated (bigrams never straddle two 款)."""
    return "\n".join(unit_text(p) for p in article.paragraphs)


@dataclass
class Kept:
    """What `find` computed, kept for the next build's: for the same settings and the same
    articles, where each article's 款 texts (`texts`, by digest) changed, the next build
    computes again only the vectors and similarities that can have changed."""

    settings: tuple                  # the parameters, every article's (slug, number)
    owner: np.ndarray
    plain: np.ndarray                # not a standard clause
    queried: np.ndarray
    texts: list[str]
    terms: dict[str, int]
    counts: _Counts
    weights: _Weights
    entries: tuple                   # _similar's (i, j, similarity) of every queried article
    pairs: dict                      # (a, b) → its 款 similarities, for each chosen pair
    found: dict


REDO = 0.25         # an edit that changes more of the vectors than this share: computed afresh


def find(ordinances: list[Ordinance], threshold: float = THRESHOLD, margin: float = MARGIN,
         most: int = ORDINANCES, max_df: float = MAX_DF,
         standard: dict | None = None, jobs: int = 1) -> dict[tuple[str, ArticleNumber], list[Parallel]]:
    """The parallels of every article that has any: {(slug, article): [Parallel]}, best
    first, at most one per other ordinance and `most` in all. `standard` is
    `boilerplate.find(ordinances)` (computed if not given): those articles get none.
    `jobs`: the processes the similarity product is shared by (the same result)."""
    return find_kept(ordinances, threshold, margin, most, max_df, standard, jobs)[0]


def find_kept(ordinances: list[Ordinance], threshold: float = THRESHOLD, margin: float = MARGIN,
              most: int = ORDINANCES, max_df: float = MAX_DF, standard: dict | None = None,
              jobs: int = 1, previous: Kept | None = None) -> tuple[dict, Kept | None]:
    """`find`, and what it computed (Kept) for the next build; given the last build's
    (`previous`), the same result computed again only where the texts changed: nothing at
    all when no article's text changed, else only the vectors of the edited articles and
    of those sharing a bigram whose document frequency changed, and their similarities (a
    fresh computation when they are more than REDO of all). The result is the same as
    without `previous`, bit for bit."""
    standard = boilerplate.find(ordinances) if standard is None else standard
    places = [_Place(o.slug, a, n) for n, o in enumerate(ordinances) for a in o.articles]
    if not places:
        return {}, None
    settings = (threshold, margin, most, max_df, [(p.slug, p.article.number) for p in places])
    units = [[unit_text(paragraph) for paragraph in p.article.paragraphs] for p in places]
    texts = [hashlib.sha256("\x00".join(texts_).encode() + b"\x01%d" % len(texts_)).hexdigest()
             for texts_ in units]
    owner = np.array([p.ordinance for p in places], dtype=np.int64)
    plain = np.array([(p.slug, p.article.number) not in standard for p in places])
    if previous is not None and not (previous.settings == settings and np.array_equal(previous.owner, owner)
                                     and np.array_equal(previous.plain, plain)):
        previous = None
    changed = [n for n, (new, old) in enumerate(zip(texts, previous.texts)) if new != old] if previous else []
    if previous is not None and not changed:
        return previous.found, previous                 # no text changed: nothing else did
    if previous is not None:
        terms = dict(previous.terms)
        counts = _replace_rows(previous.counts, changed, _count(["\n".join(units[n]) for n in changed], terms))
    else:
        terms = {}
        counts = _count(["\n".join(texts_) for texts_ in units], terms)
    weights = _weights(terms, counts, max_df)
    if not weights.kept.any():                     # no bigram at all (or all too common)
        return {}, None
    vectors = _vectors(counts, weights)
    queried = plain & (np.diff(vectors.indptr) > 0)
    affected = np.ones(len(places), dtype=bool)
    if previous is not None and np.array_equal(previous.queried, queried):
        affected = _affected(counts, weights, previous.weights, changed)
        if affected[queried].sum() > REDO * queried.sum():
            affected[:] = True
    # a runner-up below threshold − margin never decides: the best then leads it by the margin
    floor = max(threshold - margin, 1e-9)
    i, j, value = _similar(vectors, owner, queried, floor, np.flatnonzero(queried & affected), jobs=jobs)
    if previous is not None and not affected.all():
        kept_i, kept_j, kept_value = previous.entries
        stay = ~affected[kept_i] & ~affected[kept_j]
        back = ~affected[j]                        # (j, i) is (i, j): the other half of the pair
        i, j, value = (np.concatenate([kept_i[stay], i, j[back]]), np.concatenate([kept_j[stay], j, i[back]]),
                       np.concatenate([kept_value[stay], value, value[back]]))
    entries = (i, j, value)
    i, o, j, best, runner_up = _best_per_ordinance(i, j, value, owner)
    keep = (best >= threshold) & (best - runner_up >= margin)
    i, o, j, best = i[keep], o[keep], j[keep], best[keep]
    order = np.lexsort((o, -np.round(best, 6), i))           # by article, best first, then corpus order
    chosen: list = []
    taken: Counter[int] = Counter()
    for a, b, score in zip(i[order].tolist(), j[order].tolist(), best[order].tolist()):
        if taken[a] < most:
            taken[a] += 1
            chosen.append((a, b, score))
    pairs = _pairs(units, [(a, b) for a, b, _ in chosen], terms, weights,
                   {} if previous is None or affected.all() else previous.pairs, affected)
    found: dict[tuple[str, ArticleNumber], list[Parallel]] = {}
    for a, b, score in chosen:
        here, there = places[a], places[b]
        by_pair = tuple((paragraph_eid(here.article.number, x + 1), paragraph_eid(there.article.number, y + 1),
                         round(s, 2)) for x, y, s in _one_to_one(pairs[a, b], PAIR_FLOOR))
        found.setdefault((here.slug, here.article.number), []).append(
            Parallel(here.slug, here.article.number, there.slug, there.article.number, round(score, 2), by_pair))
    return found, Kept(settings, owner, plain, queried, texts, terms, counts, weights, entries, pairs, found)


def _affected(counts: _Counts, weights: _Weights, before: _Weights, changed: list[int]) -> np.ndarray:
    """The articles whose vectors can differ from the last build's: those edited, and those
    holding a bigram whose document frequency changed (or that now counts, or no longer)."""
    old_df = np.zeros(len(weights.df), dtype=weights.df.dtype)
    old_df[:len(before.df)] = before.df
    old_kept = np.zeros(len(weights.kept), dtype=bool)
    old_kept[:len(before.kept)] = before.kept
    moved = (weights.df != old_df) | (weights.kept != old_kept)
    affected = np.zeros(len(counts.indptr) - 1, dtype=bool)
    affected[changed] = True
    rows = np.repeat(np.arange(len(affected)), np.diff(counts.indptr))
    affected[rows[moved[counts.indices]]] = True
    return affected


def _pairs(units: list[list[str]], chosen: list[tuple[int, int]], terms: dict[str, int], weights: _Weights,
           before: dict, affected: np.ndarray) -> dict:
    """{(a, b): {(x, y): cosine of their 款}} of each chosen pair: the last build's where
    neither article's vector changed, the others computed (from the 款 of their articles)."""
    found = {pair: before[pair] for pair in chosen if pair in before and not affected[list(pair)].any()}
    missing = [pair for pair in chosen if pair not in found]
    articles = sorted({n for pair in missing for n in pair})
    count = np.zeros(len(units), dtype=np.int64)
    count[articles] = [len(units[n]) for n in articles]
    first = np.zeros(len(units), dtype=np.int64)
    first[articles] = np.concatenate([[0], np.cumsum(count[articles])[:-1]]) if articles else []
    paragraphs = _vectors(_count([text for n in articles for text in units[n]], terms, grow=False), weights)
    found.update(zip(missing, _paragraph_similarities(paragraphs, first, count, missing)))
    return found


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
    ones. Shared runs shorter than MIN_SAME characters inside a change (a lone 的 or ，,
    a two-character 合法) are shown as part of the change (MIN_SAME_EDGE at the start or
    the end); two texts sharing less than MIN_SHARED of the shorter are one change,
    marked as a whole.

    >>> for segment in compare("任何组织、个人不得侵占数字基础设施。", "任何单位和个人不得侵占数字基础设施。"):
    ...     print(segment)
    Segment(kind='same', a='任何', b='任何')
    Segment(kind='diff', a='组织、', b='单位和')
    Segment(kind='same', a='个人不得侵占数字基础设施。', b='个人不得侵占数字基础设施。')
    >>> compare("甲", "甲")
    [Segment(kind='same', a='甲', b='甲')]
    >>> compare("本条例自公布之日起施行。", "")
    [Segment(kind='diff', a='本条例自公布之日起施行。', b='')]
    >>> compare("市场主体对合法持有的数据有权进行加工使用、流通交易等并获取收益。",
    ...         "利用合法获取的数据资源开发的数据产品和服务可以交易，有关财产权益依法受保护。")[0].kind
    'diff'
    """
    if text_a == text_b:
        return [Segment("same", text_a, text_b)]
    matcher = difflib.SequenceMatcher(None, text_a, text_b, autojunk=False)
    opcodes = matcher.get_opcodes()
    segments: list[Segment] = []
    for n, (tag, a1, a2, b1, b2) in enumerate(opcodes):
        a, b = text_a[a1:a2], text_b[b1:b2]
        least = MIN_SAME_EDGE if n in (0, len(opcodes) - 1) else MIN_SAME
        kind = "same" if tag == "equal" and len(a) >= least else "diff"
        if segments and segments[-1].kind == kind == "diff":
            segments[-1] = Segment("diff", segments[-1].a + a, segments[-1].b + b)
        else:
            segments.append(Segment(kind, a, b))
    shared = sum(len(s.a) for s in segments if s.kind == "same")
    if shared < MIN_SHARED * min(len(text_a), len(text_b)):
        return [Segment("diff", text_a, text_b)]
    return segments


def likeness(similarity: float) -> str:
    """How alike two texts are, in a word a reader can use: "identical" (相同),
    "alike" (高度相似, a pair with a comparison page) or "partly" (部分相似).

    >>> likeness(1.0), likeness(0.71), likeness(0.3)
    ('identical', 'alike', 'partly')
    """
    return "identical" if similarity >= IDENTICAL else "alike" if similarity >= ALIKE else "partly"


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
    partner = _in_order(partner)
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


def _in_order(partner: dict[int, tuple[int, float]]) -> dict[int, tuple[int, float]]:
    """The partners that keep both articles' 款 in order: of pairs that cross (A's 款 1
    beside B's 款 4, A's 款 2 beside B's 款 1) the set of greatest total similarity that
    never crosses; a 款 of a dropped pair is shown alone.

    >>> _in_order({0: (3, 0.21), 1: (0, 0.44)})
    {1: (0, 0.44)}
    >>> _in_order({0: (0, 0.9), 1: (1, 0.5)})
    {0: (0, 0.9), 1: (1, 0.5)}
    """
    pairs = sorted((i, j, s) for i, (j, s) in partner.items())
    best: list[tuple[float, list]] = []       # best[n]: the best chain ending with pairs[n]
    for n, (_, j, s) in enumerate(pairs):
        before = [best[m] for m in range(n) if pairs[m][1] < j]
        total, chain = max(before, key=lambda c: c[0], default=(0.0, []))
        best.append((total + s, chain + [n]))
    chain = max(best, key=lambda c: c[0], default=(0.0, []))[1]
    return {pairs[n][0]: (pairs[n][1], pairs[n][2]) for n in chain}


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
    in B (at most one), then B's articles with none. Pass `find([a, b])`: in a larger
    corpus B may not be among the ORDINANCES most like an article of A."""
    rows: list = []
    matched: set = set()
    for article in ordinance_a.articles:
        matches = [p for p in parallels.get((ordinance_a.slug, article.number), ())
                   if p.other_slug == ordinance_b.slug]
        matched.update(p.other_article for p in matches)
        chapter = ordinance_a.chapter(article.chapter) if article.chapter else None
        rows.append(TopicRow(chapter, article, matches))
    return Topics(rows, [a for a in ordinance_b.articles if a.number not in matched])


# -- evaluation against a hand-labelled set --------------------------------------------------

@dataclass
class Score:
    """How the top suggestions between two ordinances compare with labelled pairs, counted
    over the articles of both sides (each side's top suggestion in the other)."""

    suggested: int = 0                 # articles with a suggestion in the other ordinance
    correct: int = 0                   # … whose top suggestion is a labelled partner
    partnered: int = 0                 # articles with at least one labelled partner
    alone: int = 0                     # articles labelled without a parallel
    alone_suggested: int = 0           # … that still get a suggestion
    wrong: list = field(default_factory=list)   # (slug, article, top suggestion) not labelled

    @property
    def precision(self) -> float:
        """The share of top suggestions that are labelled pairs."""
        return self.correct / self.suggested if self.suggested else 0.0

    @property
    def recall(self) -> float:
        """The share of articles with a labelled partner whose top suggestion is one."""
        return self.correct / self.partnered if self.partnered else 0.0

    @property
    def false_alarms(self) -> float:
        """The share of articles without a parallel that still get a suggestion."""
        return self.alone_suggested / self.alone if self.alone else 0.0

    def __add__(self, other: "Score") -> "Score":
        return Score(self.suggested + other.suggested, self.correct + other.correct,
                     self.partnered + other.partnered, self.alone + other.alone,
                     self.alone_suggested + other.alone_suggested, self.wrong + other.wrong)


def evaluate(parallels: dict[tuple[str, ArticleNumber], list[Parallel]], gold: set[tuple],
             a: Ordinance, b: Ordinance) -> Score:
    """Compare `find`'s output with gold pairs (article of A, article of B: ArticleNumbers,
    or ints for ordinary articles), both ways. Every article of A and B in no gold pair is
    taken to have no parallel in the other."""
    gold = {(ArticleNumber.of(x), ArticleNumber.of(y)) for x, y in gold}
    score = Score()
    for here, there, pairs in ((a, b, gold), (b, a, {(y, x) for x, y in gold})):
        partners: dict[ArticleNumber, set] = {}
        for x, y in pairs:
            partners.setdefault(x, set()).add(y)
        for article in here.articles:
            tops = [p.other_article for p in parallels.get((here.slug, article.number), ())
                    if p.other_slug == there.slug]
            labelled = partners.get(article.number, set())
            score.partnered += bool(labelled)
            score.alone += not labelled
            if tops:
                score.suggested += 1
                score.alone_suggested += not labelled
                if tops[0] in labelled:
                    score.correct += 1
                else:
                    score.wrong.append((here.slug, article.number, tops[0]))
    return score
