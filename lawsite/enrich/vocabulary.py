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

>>> loads("generic: []\\nactors:\\n  - {slug: Big_Data}\\n", "departments.yml")
Traceback (most recent call last):
...
lawsite.core.errors.SourceError: departments.yml:3: actor Big_Data: missing field 'name'
"""

import re
from dataclasses import dataclass, field

from lawsite.core import yamlfile
from lawsite.core.errors import Notice, SourceError, display_path, shown
from lawsite.site import markup, urls

KINDS = ("department", "government", "other")
FIELDS = ("slug", "name", "name_en", "kind", "terms")
SECTIONS = ("generic", "actors")
OPTIONAL = ("names", "broad")
NAMES = ("prefixes", "heads", "shared", "institutions", "leading", "before_level", "governments", "determiners")   # the keys of `names`
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
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
        return bool(slug) and self.actor(slug).kind == "department" and \
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
    if not isinstance(data, yamlfile.Mapping):
        raise SourceError(path, 1, "the vocabulary must be a mapping with the keys "
                                   + " and ".join(SECTIONS))
    for key in data:
        if key not in SECTIONS + OPTIONAL:
            raise SourceError(path, data.key_line(key),
                              f"unknown key {shown(key)} (expected {' or '.join(SECTIONS + OPTIONAL)})")
    for key in SECTIONS:
        if not isinstance(data.get(key), list):
            raise SourceError(path, data.key_line(key), f"{shown(key)} must be a list")
    generic = data["generic"]
    broad = data.get("broad", [])
    if not isinstance(broad, list):
        raise SourceError(path, data.key_line("broad"), "'broad' must be a list")
    for key, phrases in (("generic", generic), ("broad", broad)):
        for phrase in phrases:
            if not _text(phrase):
                raise SourceError(path, data.key_line(key),
                                  f"{key} phrase {shown(phrase)} must be a non-empty string")
    for phrase in broad:
        if phrase in generic:
            raise SourceError(path, data.key_line("broad"),
                              f"broad phrase {shown(phrase)} is also a generic phrase "
                              f"(line {data.key_line('generic')})")
    actors, slug_lines, term_owners, notices = [], {}, {}, []
    for entry in data["actors"]:
        actor = _actor(entry, path, data.key_line("actors"))
        for key in ("name", "name_en"):
            notices += markup.bidi_notice(path, entry.key_line(key), f"actor {actor.slug}: {key}", entry[key])
        for term in actor.terms:
            notices += markup.bidi_notice(path, entry.key_line("terms"), f"actor {actor.slug}: term", term)
        if actor.slug in slug_lines:
            raise SourceError(path, entry.key_line("slug"), f"slug {shown(actor.slug)} is used twice "
                                                            f"(first on line {slug_lines[actor.slug]})")
        slug_lines[actor.slug] = entry.key_line("slug")
        for term in actor.terms:
            if term in term_owners:
                raise SourceError(path, entry.key_line("terms"),
                                  f"actor {actor.slug}: term {shown(term)} is already a term of "
                                  f"{term_owners[term]}")
            if term in generic:
                raise SourceError(path, entry.key_line("terms"),
                                  f"actor {actor.slug}: term {shown(term)} is also a generic phrase "
                                  f"(line {data.key_line('generic')})")
            if term in broad:
                raise SourceError(path, entry.key_line("terms"),
                                  f"actor {actor.slug}: term {shown(term)} is also a broad phrase "
                                  f"(line {data.key_line('broad')})")
            term_owners[term] = actor.slug
        actors.append(actor)
    return Vocabulary(tuple(actors), tuple(generic), path, names=_names(data, path), broad=tuple(broad),
                      notices=tuple(notices))


def _names(data, path: str) -> Names:
    names = data.get("names", {})
    if not isinstance(names, yamlfile.Mapping) and names != {}:
        raise SourceError(path, data.key_line("names"), "'names' must be a mapping of "
                                                        + ", ".join(NAMES) + " to lists of words")
    for key in names:
        if key not in NAMES:
            raise SourceError(path, names.key_line(key),
                              f"names: unknown key {shown(key)} (expected {', '.join(NAMES)})")
        words = names[key]
        if not isinstance(words, list) or not words or not all(_text(word) for word in words):
            raise SourceError(path, names.key_line(key), f"names: {key} must be a non-empty list of words")
    return Names(**{key: tuple(names.get(key, ())) for key in NAMES})


def _actor(entry, path: str, line: int) -> Actor:
    if not isinstance(entry, yamlfile.Mapping):
        raise SourceError(path, line, f"each actor must be a mapping, not {shown(entry)}")
    slug = entry.get("slug", "(no slug)")
    label = f"actor {slug}" if isinstance(slug, str) and len(slug) <= 40 and slug.isprintable() \
        else f"actor {shown(slug)}"
    for key in entry:
        if key not in FIELDS:
            raise SourceError(path, entry.key_line(key),
                              f"{label}: unknown field {shown(key)} (expected {', '.join(FIELDS)})")
    for key in FIELDS:
        if key not in entry:
            raise SourceError(path, entry.line, f"{label}: missing field {shown(key)}")
    for key in ("slug", "name", "name_en"):
        if not _text(entry[key]) or re.search(r"[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]", entry[key]):
            raise SourceError(path, entry.key_line(key), f"{label}: {key} must be a non-empty string "
                                                         "on one line")
    if not SLUG.fullmatch(entry["slug"]):
        raise SourceError(path, entry.key_line("slug"),
                          f"slug {shown(entry['slug'])} must be lowercase ASCII words joined by "
                          "hyphens, e.g. big-data")
    if entry["slug"] in RESERVED:
        raise SourceError(path, entry.key_line("slug"),
                          f"slug {entry['slug']!r} is the name of the department index's own page; "
                          f"these are reserved: {', '.join(RESERVED)}")
    if entry["kind"] not in KINDS:
        raise SourceError(path, entry.key_line("kind"),
                          f"{label}: kind {shown(entry['kind'])} must be one of {', '.join(KINDS)}")
    terms = entry["terms"]
    if not isinstance(terms, list) or not terms or not all(_text(term) for term in terms):
        raise SourceError(path, entry.key_line("terms"),
                          f"{label}: terms must be a non-empty list of strings")
    if len(set(terms)) != len(terms):
        raise SourceError(path, entry.key_line("terms"), f"{label}: a term is listed twice")
    for term in terms:
        if re.search(r"\s", term):            # the texts are matched without spaces
            raise SourceError(path, entry.key_line("terms"),
                              f"{label}: term {shown(term)} contains a space, so it can never match "
                              "a text: write it as the texts do, without spaces")
    return Actor(entry["slug"], entry["name"], entry["name_en"], entry["kind"], tuple(terms))


def _text(value) -> bool:
    return isinstance(value, str) and value.strip() != ""
