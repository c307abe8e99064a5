"""The curated vocabulary of actors (`sources/departments.yml`), read and validated.

An actor is a particular body or role the ordinances give something to do:
a government, a department, or another role (建设单位, 平台企业 …). Each has a
slug (its URL, `/departments/<slug>/`), names, a kind, and the terms it is
written as. Department terms are stems, written without 市 and without 部门
(科技 for 市科技部门, 科技等部门); other terms are full names. Generic phrases
(有关部门, 科研机构 …) name no particular actor: they are recognised, and read as
the generic actor. Broad addressees (任何单位和个人, 市场主体 …) are society at large:
recognised, and read as the broad actor, never indexed.

>>> vocabulary = loads('''
... generic: [有关部门]
... actors:
...   - {slug: big-data, name: 大数据部门, name_en: Big Data Bureau, kind: department,
...      terms: [大数据]}
... ''', "departments.yml")
>>> vocabulary.actor("big-data").name, vocabulary.slug_of("大数据"), vocabulary.generic
('大数据部门', 'big-data', ('有关部门',))
>>> vocabulary.is_stem("大数据")
True

Every mistake in the file is a SourceError naming the file and line:

>>> loads("generic: []\\nactors:\\n  - {slug: Big_Data, name: 大数据部门}\\n", "departments.yml")
Traceback (most recent call last):
...
lawsite.core.errors.SourceError: departments.yml:3: `name_en` must be a non-empty string on one line (Big Data Bureau)
"""

from dataclasses import dataclass, field
from pathlib import Path

from lawsite.core import schema, yamlfile
from lawsite.core.errors import Notice, SourceError, display_path, shown
from lawsite.site import markup, urls

SCHEMA = Path(__file__).with_name("vocabulary.schema.json")
NAMES = ("prefixes", "heads", "shared", "institutions", "leading", "before_level", "governments", "determiners")   # the keys of `names`
RESERVED = (urls.HOME,)            # departments/index.md is the department index itself


@dataclass(frozen=True)
class Actor:
    slug: str                 # lowercase ASCII words joined by hyphens: the URL
    name: str                 # 大数据部门
    name_en: str
    kind: str                 # department | government | other
    terms: tuple[str, ...]    # surface forms; a department's are stems (大数据, not 大数据部门)


@dataclass(frozen=True)
class Names:
    """How the texts write an actor's name around its terms (the vocabulary's `names`)."""

    prefixes: tuple[str, ...] = ()        # 市, 区（市）: before a department's term
    heads: tuple[str, ...] = ()           # 部门, 单位: close a name or a list of names
    shared: tuple[str, ...] = ()          # 人民政府: the last word a list may share
    institutions: tuple[str, ...] = ()    # 机关: a department term ending so is whole
    leading: tuple[str, ...] = ()         # 对, 根据: words that open a clause, never a name
    before_level: tuple[str, ...] = ()    # 经, 在: words that open a clause only before a level (经市…)
    governments: tuple[str, ...] = ()     # 人民政府: a name ending so is a government
    determiners: tuple[str, ...] = ()     # 有关, 该: before a head they make a generic phrase


@dataclass(frozen=True)
class Vocabulary:
    actors: tuple[Actor, ...]
    generic: tuple[str, ...]
    path: str = ""
    names: Names = Names()
    broad: tuple[str, ...] = ()
    notices: tuple[Notice, ...] = ()         # what the editors should hear about the file
    _by_slug: dict = field(default_factory=dict, repr=False, compare=False)
    _by_term: dict = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self):
        self._by_slug.update((actor.slug, actor) for actor in self.actors)
        self._by_term.update((term, actor.slug) for actor in self.actors for term in actor.terms)

    def actor(self, slug: str) -> Actor:
        return self._by_slug[slug]

    def slug_of(self, term: str) -> str | None:
        """The actor a term names, or None (a generic phrase, or unknown)."""
        return self._by_term.get(term)

    def is_broad(self, term: str) -> bool:
        """Is the term a broad addressee (任何单位和个人, 市场主体 …)?"""
        return term in self.broad

    def is_stem(self, term: str) -> bool:
        """Does the term need 部门 after it to name its actor? A department's terms do
        (大数据 → 大数据部门, 大数据等部门), unless they end in an institution word
        (公安机关 is whole)."""
        slug = self.slug_of(term)
        return slug is not None and self.actor(slug).kind == "department" and \
            not term.endswith(self.names.institutions)

    def terms(self) -> dict[str, str]:
        """Every actor term → its actor's slug."""
        return dict(self._by_term)


def load(path) -> Vocabulary:
    """Read and validate a vocabulary file."""
    return _validated(yamlfile.load(path), display_path(path))


def loads(text: str, path="departments.yml") -> Vocabulary:
    return _validated(yamlfile.loads(text, path), str(path))


def _validated(data, path: str) -> Vocabulary:
    """The vocabulary, once its shape is checked by vocabulary.schema.json and what a
    schema cannot say is checked here: slugs and terms used once, a term never also a
    generic or broad phrase, no reserved slug."""
    schema.check(data, schema.load(SCHEMA), path, values=True)
    generic, broad = data["generic"], data.get("broad", [])
    for phrase in broad:
        if phrase in generic:
            raise SourceError(path, data.key_line("broad"),
                              f"broad phrase {shown(phrase)} is also a generic phrase "
                              f"(line {data.key_line('generic')})")
    actors, notices = [], []
    slug_lines: dict[str, int] = {}
    term_owners: dict[str, str] = {}
    for entry in data["actors"]:
        actor = Actor(entry["slug"], entry["name"], entry["name_en"], entry["kind"], tuple(entry["terms"]))
        if actor.slug in RESERVED:
            raise SourceError(path, entry.key_line("slug"),
                              f"slug {actor.slug!r} is the name of the department index's own page; "
                              f"these are reserved: {', '.join(RESERVED)}")
        for key in ("name", "name_en"):
            notices += markup.bidi_notice(path, entry.key_line(key), f"actor {actor.slug}: {key}", entry[key])
        for term in actor.terms:
            notices += markup.bidi_notice(path, entry.key_line("terms"), f"actor {actor.slug}: term", term)
        if actor.slug in slug_lines:
            raise SourceError(path, entry.key_line("slug"), f"slug {shown(actor.slug)} is used twice "
                                                            f"(first on line {slug_lines[actor.slug]})")
        slug_lines[actor.slug] = entry.key_line("slug")
        for term in actor.terms:
            for owner, kind in ((term_owners.get(term), "a term of"),
                                (term in generic and "generic", "also a"), (term in broad and "broad", "also a")):
                if owner:
                    where = owner if kind == "a term of" else \
                        f"{owner} phrase (line {data.key_line(owner)})"
                    raise SourceError(path, entry.key_line("terms"),
                                      f"actor {actor.slug}: term {shown(term)} is "
                                      f"{'already ' if kind == 'a term of' else ''}{kind} {where}")
            term_owners[term] = actor.slug
        actors.append(actor)
    names = data.get("names", {})
    return Vocabulary(tuple(actors), tuple(generic), path,
                      names=Names(**{key: tuple(names.get(key, ())) for key in NAMES}),
                      broad=tuple(broad), notices=tuple(notices))


