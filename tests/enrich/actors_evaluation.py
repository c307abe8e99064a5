"""Precision and recall of the actor extractor on the hand-labelled sample of real
regulations, tests/fixtures/actors_gold_corpus.yml (how it was made, and the split into
a tuning part and a held-out part: actors_gold_corpus.md).

`python -m tests.enrich.actors_evaluation` prints the tables for both parts.

Categories, each a set of tuples per article, compared with the gold's:
  actor        (article, actor)            vocabulary actors that carry a modality
  modality     (article, actor, modality)
  mentioned    (article, actor)            named without a modality of their own
  generic      (article, modality)         the generic actor (有关部门 …)
  broad        (article, modality)         broad addressees (任何单位和个人, 市场主体 …)
  subjectless  (article, modality)         sentences without an actor
  article      (article, modality)         every modality of the article, whoever carries it
  article:<m>  (article,) for each modality m
  kind         (article, kind, modality)   by kind (government, department, other, broad,
                                           generic, subjectless), not by slug
"""

import re
from collections import Counter
from pathlib import Path

import yaml

from lawsite.core.errors import SourceError
from lawsite.enrich import departments, vocabulary
from lawsite.model.document import ArticleNumber
from lawsite.parse import builder

from ..conftest import ROOT
from . import real_corpus

GOLD_PATH = Path(__file__).parent.parent / "fixtures" / "actors_gold_corpus.yml"
RESERVED = ("generic", "subjectless", "mentioned")
TUNING = ("beijing/北京市数字经济促进条例(2022-11-25).md", "henan/河南省大气污染防治条例.md",
          "zhejiang/浙江省安全生产条例(2016-07-29).md", "henan/郑州市城市养犬管理条例(2022-01-01).md")
HELD_OUT = ("shandong/山东省大数据发展促进条例(2021-09-30).md", "shanghai/上海市生活垃圾管理条例(2019-01-31).md",
            "shandong/青岛市优化营商环境条例(2021-01-28).md", "zhejiang/杭州市物业管理条例(2021-08-09).md")
CATEGORIES = ("actor", "modality", "mentioned", "generic", "broad", "subjectless", "article",
              *(f"article:{m}" for m in departments.MODALITIES), "kind")


def readable(source):
    """The source, with two shapes the parser of this branch does not accept yet (the
    `parse` branch's work) undone in memory, for the headings only: a 目录 written as
    headings (北京数字经济: the chapter headings twice, the first time with no articles),
    and a chapter heading wrapped onto a second line (河南大气 第四章). No article's text
    changes, and the corpus file is never touched."""
    lines = list(source.lines)
    firsts = [i for i, line in enumerate(lines) if re.match(r"#+ 第一章", line)]
    if len(firsts) > 1:
        lines[firsts[0]:firsts[1]] = [line for line in lines[firsts[0]:firsts[1]]
                                      if not line.startswith("#")]
    for i, line in enumerate(lines[:-2]):
        if line.startswith("#") and re.match(r"#+ 第.+章", line) and lines[i + 1] == "" and \
                lines[i + 2] and not re.match(r"[#第]", lines[i + 2]):
            lines[i], lines[i + 2] = line + lines[i + 2], ""
    source.lines[:] = lines
    return source


def parsed(key: str):
    """A labelled file, parsed. A list of items whose first labels the text lacks (河南大气
    第七十九条: （三）, （四） after two unlabelled items) is read as paragraphs: the labels
    are dropped in memory, which changes no actor and no modality."""
    source = readable(real_corpus.stub_source(real_corpus.LAWREFBOOK / key, "evaluated"))
    for _ in range(10):
        try:
            return builder.parse(source)
        except SourceError as error:
            label = re.search(r"item (（\S+）) should be", str(error))
            if not label or not source.lines[error.line - 1].startswith(label.group(1)):
                raise
            source.lines[error.line - 1] = source.lines[error.line - 1][len(label.group(1)):]
    raise AssertionError(f"{key}: does not parse")


def gold() -> dict:
    return yaml.safe_load(GOLD_PATH.read_text(encoding="utf-8"))


def kinds(gold_data: dict, vocab: vocabulary.Vocabulary) -> dict[str, str]:
    """Every slug's kind: the vocabulary's, else the gold's `new_actors`."""
    found = {entry["slug"]: entry["kind"] for entry in gold_data["new_actors"]}
    found.update((actor.slug, actor.kind) for actor in vocab.actors)
    return found


def gold_sets(labels: dict, kind_of: dict[str, str]) -> dict[str, set]:
    """The categories' tuples of one gold article (without the article key)."""
    labels = labels or {}
    acting = {slug: modalities for slug, modalities in labels.items() if slug not in RESERVED}
    vocab_acting = {slug: ms for slug, ms in acting.items() if kind_of.get(slug) != "broad"}
    broad = {m for slug, ms in acting.items() if kind_of.get(slug) == "broad" for m in ms}
    sets = {
        "actor": set(vocab_acting),
        "modality": {(slug, m) for slug, ms in vocab_acting.items() for m in ms},
        "mentioned": set(labels.get("mentioned", [])),
        "generic": set(labels.get("generic", [])),
        "broad": broad,
        "subjectless": set(labels.get("subjectless", [])),
        "kind": {(kind_of.get(slug, "other"), m) for slug, ms in vocab_acting.items() for m in ms}
        | {("broad", m) for m in broad} | {("generic", m) for m in labels.get("generic", [])}
        | {("subjectless", m) for m in labels.get("subjectless", [])},
    }
    return _article_level(sets)


def found_sets(mentions: list, kind_of: dict[str, str]) -> dict[str, set]:
    """The categories' tuples of one article as the extractor reads it."""
    acting = {(m.actor, m.modality) for m in mentions if m.role == "actor"}
    of_role = {role: {m.modality for m in mentions if m.role == role} for role in departments.OTHER_ROLES}
    sets = {
        "actor": {actor for actor, _ in acting},
        "modality": acting,
        "mentioned": {m.actor for m in mentions if m.role == "mentioned"} - {actor for actor, _ in acting},
        "generic": of_role["generic"],
        "broad": of_role["broad"],
        "subjectless": of_role["subjectless"],
        "kind": {(kind_of.get(actor, "other"), m) for actor, m in acting}
        | {(role, m) for role, ms in of_role.items() for m in ms},
    }
    return _article_level(sets)


def _article_level(sets: dict[str, set]) -> dict[str, set]:
    every = {m for _, m in sets["kind"]}
    sets["article"] = every
    for modality in departments.MODALITIES:
        sets[f"article:{modality}"] = {()} if modality in every else set()
    return sets


def scores(files, vocab: vocabulary.Vocabulary | None = None) -> Counter:
    """tp, fp, fn per category over the labelled articles of `files`."""
    vocab = vocab or vocabulary.load(ROOT / "sources" / "departments.yml")
    data = gold()
    kind_of = kinds(data, vocab)
    counts: Counter = Counter()
    for key in files:
        ordinance = parsed(key)
        for number, labels in data[key].items():
            mentions = departments.article_mentions(ordinance.article(ArticleNumber(number)), vocab)
            want, got = gold_sets(labels, kind_of), found_sets(mentions, kind_of)
            for name in CATEGORIES:
                counts[f"{name} tp"] += len(got[name] & want[name])
                counts[f"{name} fp"] += len(got[name] - want[name])
                counts[f"{name} fn"] += len(want[name] - got[name])
    return counts


def precision_recall(counts: Counter, name: str) -> tuple[float, float]:
    tp, fp, fn = (counts[f"{name} {x}"] for x in ("tp", "fp", "fn"))
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0)


def table(counts: Counter) -> str:
    lines = [f"{'category':22}{'tp':>6}{'fp':>6}{'fn':>6}{'P':>7}{'R':>7}"]
    for name in CATEGORIES:
        p, r = precision_recall(counts, name)
        lines.append(f"{name:22}" + "".join(f"{counts[f'{name} {x}']:>6}" for x in ("tp", "fp", "fn"))
                     + f"{p:>7.2f}{r:>7.2f}")
    return "\n".join(lines)


if __name__ == "__main__":
    for part, files in (("tuning", TUNING), ("held-out", HELD_OUT)):
        print(f"\n{part} ({len(files)} regulations)\n" + table(scores(files)))
