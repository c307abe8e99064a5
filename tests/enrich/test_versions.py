"""Versions of one work: articles aligned by content across a revision that renumbers
(tests/fixtures/versions/renumbering, synthetic), against the hand-checked alignment of
three pairs of the corpus (tests/fixtures/versions/hand_checked.yml), and the status of
each version computed from the dates."""

import dataclasses
import datetime
from pathlib import Path

import pytest
import yaml

from lawsite.enrich import versions
from lawsite.ingest import lawrefbook
from lawsite.model.document import ArticleNumber
from lawsite.parse import builder, sources
from lawsite.parse.sources import Source, decode

from ..conftest import ROOT

FIXTURES = Path(__file__).parent.parent / "fixtures" / "versions"
CORPUS = ROOT / "corpora" / "lawrefbook"
SYNTHETIC = FIXTURES / "renumbering" / "sources" / "ordinances"


def synthetic(year: int):
    """A version of the synthetic renumbering fixture, with its own metadata."""
    name = "ceshi-tingche-guanli-tiaoli" + (".2020-01-01" if year == 2020 else "")
    return builder.parse(sources.read(SYNTHETIC / f"{name}.yml"))


def parsed(path: Path, slug: str = "w"):
    """A corpus text parsed with the metadata the importer derives for it."""
    meta = lawrefbook.derive(path, say=lambda notice: None).meta
    meta["slug"] = slug
    lines, _ = decode(path.read_bytes(), str(path))
    return builder.parse(Source(meta, str(path), str(path), lines))


def number(text) -> ArticleNumber | None:
    if text is None:
        return None
    main, _, inserted = str(text).partition("-")
    return ArticleNumber(int(main), int(inserted or 0))


def test_a_renumbering_revision_is_aligned_by_content():
    """An article inserted (all after it move down), one repealed and another added where
    it stood, one turned into 第五条之一, two amended: as aligned by hand."""
    old = synthetic(2020)
    new = synthetic(2025)
    expected = [(kind, number(a), number(b)) for kind, a, b in
                yaml.safe_load((FIXTURES / "renumbering" / "expected.yml").read_text(encoding="utf-8"))]
    assert [(c.kind, c.old, c.new) for c in versions.align(old.articles, new.articles)] == expected


def test_an_article_moved_out_of_order_is_found():
    """A revision that moves 第二条 to the end of a later chapter (第七条): still the same
    article, although the order-keeping alignment cannot take it."""
    old = synthetic(2020)
    order = old.articles[:1] + old.articles[2:7] + [old.articles[1]] + old.articles[7:]
    moved = [dataclasses.replace(article, number=ArticleNumber(n)) for n, article in enumerate(order, 1)]
    changes = versions.align(old.articles, moved)
    assert versions.partner(changes, ArticleNumber(2)).new == ArticleNumber(7)
    assert versions.partner(changes, ArticleNumber(3)).new == ArticleNumber(2)
    assert {c.kind for c in changes} == {"unchanged", "renumbered"}


def test_numbers_alone_do_not_align_articles():
    """Two versions whose articles share numbers but not words: nothing is amended."""
    old = synthetic(2020)
    new = synthetic(2025)
    changes = versions.align(old.articles[5:6], new.articles[6:7])       # 第六条 and 第六条, other words
    assert [c.kind for c in changes] == ["added", "repealed"]


PAIRS = yaml.safe_load((FIXTURES / "hand_checked.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("pair", PAIRS, ids=[p["old"] for p in PAIRS])
def test_the_alignment_agrees_with_the_hand_checked_one(pair):
    old, new = parsed(CORPUS / pair["old"]), parsed(CORPUS / pair["new"])
    changes = versions.align(old.articles, new.articles)
    partner = {c.old: c.new for c in changes if c.old is not None}
    doubted_old, doubted_new = set(), set()
    for entry in pair.get("disagree", []):
        doubted_old |= set(entry["old"] if isinstance(entry["old"], list) else [entry["old"]])
        doubted_new |= set(entry["new"] if isinstance(entry["new"], list) else [entry["new"]])
    for a, b in pair["pairs"].items():
        if a not in doubted_old and b not in doubted_new:
            assert partner[ArticleNumber(a)] == ArticleNumber(b), (a, b)
    for a in pair.get("repealed", []):
        if a not in doubted_old:
            assert partner[ArticleNumber(a)] is None, a
    added = {c.new for c in changes if c.kind == "added"}
    for b in pair.get("added", []):
        if b not in doubted_new:
            assert ArticleNumber(b) in added, b
    for b, made_of in pair.get("merged", {}).items():            # a merge: one of its sources
        if b not in doubted_new:
            assert any(partner[ArticleNumber(a)] == ArticleNumber(b) for a in made_of), b
    amended = {c.new for c in changes if c.kind == "amended"}
    for b in pair.get("amended", []):
        assert ArticleNumber(b) in amended, b
    # every article of both versions is accounted for once, and in the new version's order
    assert [c.new for c in changes if c.new is not None] == [a.number for a in new.articles]
    assert sorted(c.old for c in changes if c.old is not None) == sorted(a.number for a in old.articles)


def test_a_one_character_amendment_is_amended_not_unchanged():
    pair = PAIRS[0]
    old, new = parsed(CORPUS / pair["old"]), parsed(CORPUS / pair["new"])
    kinds = {c.new: c.kind for c in versions.align(old.articles, new.articles)}
    assert kinds[ArticleNumber(23)] == "amended" and kinds[ArticleNumber(22)] == "unchanged"


def test_status_from_the_dates():
    old = synthetic(2020)
    new = synthetic(2025)
    chain = [old, new]
    on = datetime.date(2026, 12, 1)
    assert (versions.status(old, chain, on).kind, versions.status(old, chain, on).by) == ("superseded", new)
    assert versions.status(new, chain, on).kind == "in_force"
    before = datetime.date(2024, 1, 1)                  # a build dated before the revision
    assert versions.status(old, chain, before).kind == "in_force"
    assert versions.status(new, chain, before).kind == "not_yet_in_force"
    new.meta["status"] = "repealed"
    assert versions.status(new, chain, on).kind == "repealed"
