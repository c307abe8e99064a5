"""The shard plan: which shard builds which pages of docs/, and what each shard's MkDocs
is told of the others (lawsite/publish/shards.py builds and assembles them).

One shard per jurisdiction (the province of each ordinance's metadata, as
docs/.ordinances.json gives it) holding its ordinances' pages, `<slug>/` and
`<lang>/<slug>/` — a jurisdiction of more than MOST ordinances is cut into parts of
at most MOST, so that editing one ordinance rebuilds a bounded shard (the URLs are
the same: a shard is only where a page is built) — and the hub holding everything
else — the homes, about, data, the departments and their matrix, the comparison
pages, robots.txt, the 404 page. Above PAGES comparison pages, these are parts of
their own (`compare_parts`), shown with the hub's navigation. The plan is made once
per publish and passed down (`uncut` gives the offline bundles' plan from it).

Each shard's `exclude_docs` are the others' pages (`exclusions`, matched by
`Exclusion`); `spec` is what the hook (lawsite/mkdocs/navview.py) knows of the shard,
for its navigation; a `Task` is one shard's build as plain values.
"""

import json
import os
import re
import zlib
from dataclasses import dataclass
from pathlib import Path

from lawsite.site import urls
from lawsite.translation import i18n

HUB = "hub"
SHARED = ("assets",)              # docs/ folders every shard may use (hand-written assets)
LANGUAGES = tuple(code for code in i18n.CODES if code != i18n.OFFICIAL)


@dataclass(frozen=True)
class Shard:
    name: str                     # HUB, the jurisdiction's name in ASCII ("shandong", "shandong-2"), "compare-3"
    title: str                    # the province as the texts name it ("" for the hub and the comparisons)
    slugs: tuple[str, ...]        # its ordinances (none for the hub and the comparisons)
    pages: tuple[str, ...] = ()   # a part of the comparison pages: their file names in compare/
    jurisdiction: str = ""        # a jurisdiction's shard: the jurisdiction's name, uncut ("shandong")

    @property
    def hub(self) -> bool:
        return self.name == HUB

    @property
    def compare(self) -> bool:
        """A part of the comparison pages (`compare-<n>`), cut from the hub."""
        return self.name.startswith(f"{COMPARE}-") and not self.slugs

    @property
    def corpus_wide(self) -> bool:
        """The hub, or a part of it: its pages show the hub's navigation."""
        return self.hub or self.compare


def shard_name(province_en: str) -> str:
    """The name of a jurisdiction's shard, from its English name.

    >>> shard_name("Inner Mongolia"), shard_name("Shandong")
    ('inner-mongolia', 'shandong')
    """
    return re.sub(r"[^a-z0-9]+", "-", province_en.lower()).strip("-") or "jurisdiction"


MOST = 40                         # ordinances in one shard at most (a jurisdiction is cut into parts)
PAGES = 4000                      # comparison pages the hub builds at most; above, parts of their own
COMPARE = urls.COMPARE            # the folder of the comparison pages, in each language tree


def plan(docs: Path, most: int | None = MOST, pages: int | None = PAGES) -> list[Shard]:
    """The hub, then the shards of each jurisdiction (province), in the order of their
    names: one shard of its ordinances, or, above `most`, parts of at most `most` works
    (each with its versions) in the order of their slugs, `<name>-1`, `<name>-2` … (read
    from docs/.ordinances.json, which the build writes beside the dataset); then, when
    the corpus has more than `pages` comparison pages, those pages in parts of their
    own (`compare_parts`). `most=None`: one shard per jurisdiction, uncut, and the
    comparison pages left in the hub (the offline bundles, lawsite/publish/bundles.py,
    which leave them out). The plan is read once per publish and passed down."""
    listed = json.loads((Path(docs) / ".ordinances.json").read_text(encoding="utf-8"))
    shards = group(((ordinance["slug"], ordinance) for ordinance in listed), most)
    if most is None or pages is None:
        return shards
    return shards + compare_parts(comparison_pages(docs), pages)


def group(ordinances, most: int | None = MOST) -> list[Shard]:
    """plan's shards of (slug, jurisdiction) pairs (a mapping with `province` and
    `province_en`, as the metadata's `jurisdiction` has them)."""
    groups: dict[str, tuple[str, list[str]]] = {}
    for slug, jurisdiction in ordinances:
        name = shard_name(jurisdiction["province_en"])
        if name in (HUB, COMPARE) or name.startswith(f"{COMPARE}-"):
            name = f"{name}-province"
        title, slugs = groups.setdefault(name, (jurisdiction["province"], []))
        slugs.append(slug)
    shards = [Shard(HUB, "", ())]
    for name, (title, slugs) in sorted(groups.items()):
        works = sorted({slug.split("/")[0] for slug in slugs})     # a work's versions stay together
        most_ = most or len(works) or 1
        parts = [tuple(sorted(slug for slug in slugs if slug.split("/")[0] in works[start:start + most_]))
                 for start in range(0, len(works), most_)]
        shards += [Shard(name if len(parts) == 1 else f"{name}-{number}", title, part, jurisdiction=name)
                   for number, part in enumerate(parts, 1)]
    return shards


def uncut(shards: list[Shard]) -> list[Shard]:
    """The plan with each jurisdiction whole (its parts joined) and no parts of
    comparison pages: what `plan(docs, most=None)` gives, without reading docs/ again
    (the offline bundles' plan, lawsite/publish/bundles.py).

    >>> [(shard.name, shard.title, shard.slugs) for shard in uncut([
    ...     Shard("hub", "", ()), Shard("b-1", "乙", ("b", "c"), jurisdiction="b"),
    ...     Shard("b-2", "乙", ("a-b",), jurisdiction="b"), Shard("compare-1", "", (), ("x.md",))])]
    [('hub', '', ()), ('b', '乙', ('a-b', 'b', 'c'))]
    """
    whole: dict[str, list[Shard]] = {}
    for shard in shards:
        if shard.jurisdiction:
            whole.setdefault(shard.jurisdiction, []).append(shard)
    return [Shard(HUB, "", ())] + [
        Shard(name, parts[0].title, tuple(sorted(slug for part in parts for slug in part.slugs)), jurisdiction=name)
        for name, parts in whole.items()]


def comparison_pages(docs: Path) -> list[str]:
    """The file names of the comparison pages of docs/, in any language tree
    (`compare/<name>`, `<lang>/compare/<name>`), sorted, each once."""
    found: set[str] = set()
    for tree in (Path(docs), *(Path(docs) / code for code in LANGUAGES)):
        if (tree / COMPARE).is_dir():
            found.update(os.listdir(tree / COMPARE))
    return sorted(found)


def compare_parts(names: list[str], pages: int = PAGES) -> list[Shard]:
    """The comparison pages (their file names) in parts, when there are more than
    `pages` of them (otherwise none: the hub builds them): `compare-1` … `compare-<n>`,
    n the least power of two that gives parts of `pages` or fewer on average, each page
    in the part its name's CRC-32 chooses. A page stays in its part as the corpus grows
    or an article is edited (until the number of parts doubles), so that an edit
    rebuilds the parts holding that article's comparisons, not every part after it; a
    part without pages is not planned.

    >>> compare_parts(["a.md", "b.md"], pages=2)
    []
    >>> [(part.name, part.pages) for part in compare_parts(["a.md", "b.md", "c.md", "d.md"], pages=2)]
    [('compare-1', ('c.md',)), ('compare-2', ('a.md', 'b.md', 'd.md'))]
    """
    if len(names) <= pages:
        return []
    count = 1
    while len(names) > pages * count:
        count *= 2
    parts: list[list[str]] = [[] for _ in range(count)]
    for name in names:
        parts[zlib.crc32(name.encode()) % count].append(name)
    return [Shard(f"{COMPARE}-{number}", "", (), tuple(part)) for number, part in enumerate(parts, 1) if part]


def exclusions(shard: Shard, shards: list[Shard], docs: Path, top: "Top | None" = None) -> list[str]:
    """The pages of docs/ that `shard` does not render (patterns of `exclude_docs`);
    `top`: docs/ listed once for every shard of the plan (`tasks`)."""
    docs = Path(docs)
    top = top or Top(docs)
    split = any(other.compare for other in shards)
    if shard.hub:
        slugs = sorted(slug for other in shards for slug in other.slugs)
        return [f"{prefix}{literal(slug)}/" for prefix in top.prefixes for slug in slugs] + \
            [f"{prefix}{COMPARE}/" for prefix in top.compared if split]
    if shard.compare:
        found, own_pages = [], set(shard.pages)
        for prefix, entry, pattern in top.entries(set(SHARED)):
            if entry == COMPARE:
                found += [pattern for name, pattern in top.compared[prefix] if name not in own_pages]
            else:
                found.append(pattern)
        return found
    return [pattern for _, _, pattern in top.entries(set(shard.slugs) | set(SHARED))]


class Top:
    """The top of each language tree of docs/ that a shard may leave out (not hidden,
    not another language's tree), each entry as its pattern, and the comparison pages
    of each tree: listed once for all the shards of a plan (a stat of each entry for
    each shard was 20 s of a publish of the whole corpus before any shard started)."""

    def __init__(self, docs: Path):
        docs = Path(docs)
        trees = [(docs, "/"), *((docs / code, f"/{code}/") for code in LANGUAGES)]
        self.prefixes = [prefix for _, prefix in trees]
        self.listed: list[tuple[str, str, str]] = []          # (prefix, entry, its pattern)
        self.compared: dict[str, list[tuple[str, str]]] = {}  # prefix: (name, its pattern) of compare/
        for folder, prefix in trees:
            if not folder.is_dir():
                continue
            for entry in sorted(os.listdir(folder)):
                if entry.startswith(".") or (prefix == "/" and entry in LANGUAGES):
                    continue
                self.listed.append((prefix, entry, f"{prefix}{literal(entry)}" + ("/" if (folder / entry).is_dir() else "")))
                if entry == COMPARE and (folder / COMPARE).is_dir():
                    self.compared[prefix] = [(name, f"{prefix}{COMPARE}/{literal(name)}")
                                             for name in sorted(os.listdir(folder / COMPARE))]

    def entries(self, skip: set):
        """(prefix, entry, pattern) of each entry not in `skip`."""
        return [listed for listed in self.listed if listed[1] not in skip]


def literal(name: str) -> str:
    """A file name as a gitignore pattern that matches it alone.

    >>> literal("[a]*b?.md"), literal("!x #y ")
    ('\\\\[a\\\\]\\\\*b\\\\?.md', '\\\\!x\\\\ \\\\#y\\\\ ')
    """
    return re.sub(r"([\\\[\]*?!# ])", r"\\\1", name)


def unliteral(pattern: str) -> str:
    r"""The name a pattern of `exclusions` stands for: its slashes and escapes undone.

    >>> unliteral(r"/en/a\[1\]\ b/"), unliteral("/about.md")
    ('en/a[1] b', 'about.md')
    """
    return re.sub(r"\\(.)", r"\1", pattern.strip("/"))


class Exclusion:
    """A shard's `exclude_docs`: the patterns of `exclusions` (each a directory or a file
    of docs/, or of docs/<lang>/, by its path), matched by looking up each of a path's
    leading parts. MkDocs' own matcher (pathspec's GitIgnoreSpec) tries each pattern's
    regular expression in turn: on the whole corpus, some 3,400 patterns over 200,000
    files, about half an hour per shard. Combined with MkDocs' default exclusions
    (`default + this`) it matches what either matches.

    >>> shard = Exclusion(["/a/", "/en/a/", "/about.md", "/en/w/2020-01-01/"])
    >>> [shard.match_file(p) for p in ("a/article-1.md", "en/a/index.md", "about.md", "ab/x.md", "en/b.md",
    ...                                "en/w/2020-01-01/index.md", "en/w/index.md")]
    [True, True, True, False, False, True, False]
    """

    def __init__(self, patterns, default=None):
        self.patterns = tuple(patterns)
        self.names = frozenset(unliteral(pattern) for pattern in self.patterns)
        self.depth = max((name.count("/") + 1 for name in self.names), default=0)
        self.default = default

    def match_file(self, path: str) -> bool:
        parts = path.split("/", self.depth)
        if any("/".join(parts[:end]) in self.names for end in range(1, min(len(parts), self.depth) + 1)):
            return True
        return bool(self.default is not None and self.default.match_file(path))

    def __radd__(self, default) -> "Exclusion":
        return Exclusion(self.patterns, default)

    def __bool__(self) -> bool:
        return bool(self.patterns) or self.default is not None


def spec(shard: Shard, shards: list[Shard]) -> dict:
    """What the hook needs to know of the shard (`extra.lawsite_shard`): its ordinances,
    those of the other parts of its jurisdiction (`siblings`), every ordinance."""
    siblings = sorted(slug for other in shards if other.title == shard.title and other is not shard
                      for slug in other.slugs) if not shard.corpus_wide else []
    return {"name": shard.name, "hub": shard.corpus_wide, "own": list(shard.slugs), "siblings": siblings,
            "ordinances": sorted(slug for other in shards for slug in other.slugs)}


@dataclass(frozen=True)
class Task:
    """One shard's build: everything `build_shard` needs, as plain values (it is sent
    to another process, or another machine)."""
    shard: str
    config_file: str
    docs: str
    site_dir: str
    exclude: tuple[str, ...]
    spec: dict


def tasks(shards: list[Shard], config_file: Path, docs: Path, outputs: Path) -> list[Task]:
    top = Top(docs)
    return [task_of(shard, shards, config_file, docs, outputs, top) for shard in shards]


def task_of(shard: Shard, shards: list[Shard], config_file: Path, docs: Path, outputs: Path,
            top: Top | None = None) -> Task:
    """The build of `shard` of the plan `shards`, into `outputs`/<name> (`top`: docs/
    listed, once for every shard of the plan)."""
    return Task(shard.name, str(Path(config_file).absolute()), str(Path(docs).absolute()),
                str(Path(outputs).absolute() / shard.name), tuple(exclusions(shard, shards, docs, top)),
                spec(shard, shards))
