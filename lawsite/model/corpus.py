"""The corpus: every ordinance, parsed, its language trees, and what enrichment found
in them (references, definitions, parallels, actors) — what page writing reads."""

import datetime
from dataclasses import dataclass, field

from lawsite.core.errors import Notice
from lawsite.enrich.vocabulary import Vocabulary
from lawsite.model import document as model
from lawsite.translation import i18n


@dataclass
class Corpus:
    """Every ordinance, parsed, its language trees, and what the editors should hear about."""

    ordinances: list[model.Ordinance] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    languages: list[i18n.Language] = field(default_factory=list)
    vocabulary: Vocabulary | None = None
    mentions: dict = field(default_factory=dict)     # slug → article number → [Mention]
    search_terms: list[str] = field(default_factory=list)   # sources/search-terms.yml
    references: dict = field(default_factory=dict)     # "slug/eid" → [references.Reference]
    definitions: list = field(default_factory=list)    # [definitions.Definition]
    term_uses: dict = field(default_factory=dict)      # slug → eid → [(start, end, Definition)]
    parallels: dict = field(default_factory=dict)      # (slug, article) → [parallels.Parallel]
    outcomes: list = field(default_factory=list)       # [report.Outcome] of a build that keeps going
    boilerplate: dict = field(default_factory=dict)    # (slug, article) → kind of standard clause
    versions: dict = field(default_factory=dict)       # work slug → its versions, oldest first (2 or more)
    changes: dict = field(default_factory=dict)        # version slug → [versions.Change] from the one before
    built_on: datetime.date = datetime.date(1970, 1, 1)   # the day statuses are computed for
    # where a build keeps results (lawsite/cache.py): each ordinance's digest of what its parse
    # read, by slug, and the digest of what every page reads besides (translations, labels, …)
    digests: dict = field(default_factory=dict)
    inputs: str = ""
    _by_slug: tuple | None = field(default=None, init=False, repr=False, compare=False)

    def by_slug(self) -> dict[str, model.Ordinance]:
        """Every ordinance by its slug, made once for the list it is asked of (an article's
        parallels look their ordinances up: a dict a page would cost the corpus's size)."""
        if self._by_slug is None or self._by_slug[0] is not self.ordinances \
                or self._by_slug[1] != len(self.ordinances):
            self._by_slug = (self.ordinances, len(self.ordinances), {o.slug: o for o in self.ordinances})
        return self._by_slug[2]

    @property
    def current(self) -> list[model.Ordinance]:
        """The current version of each work: what the navigation, the lists, search and
        the parallels show (earlier versions are reached from their work's timeline)."""
        return [ordinance for ordinance in self.ordinances if not ordinance.old_version]
