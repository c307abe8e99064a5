"""Every path a build reads or writes, chosen once by the command line and passed
down (as MkDocs passes its `config`): no module reaches for the repository root.

A project is a directory laid out as the repository is: `sources/`, `translations/`
(with `labels/`), `registry/`, `mkdocs.yml`, and the outputs `docs/`, `site/`, `dist/`.
Each path can be given on its own; those not given are found beside `sources/`.

>>> project = Project.of("/tmp/p/sources", docs="/tmp/out/docs")
>>> project.translations, project.labels, project.docs, project.site
(PosixPath('/tmp/p/translations'), PosixPath('/tmp/p/translations/labels'), PosixPath('/tmp/out/docs'), PosixPath('/tmp/p/site'))
>>> project.urls_file, project.redirects_file
(PosixPath('/tmp/p/registry/urls.txt'), PosixPath('/tmp/p/registry/redirects.yml'))
>>> Project.of("/tmp/p/sources", translations="/tmp/t").labels
PosixPath('/tmp/t/labels')
"""

from dataclasses import dataclass
from pathlib import Path

from lawsite.core import siteconfig

VOCABULARY = "departments.yml"          # the curated vocabulary, in the sources directory
SEARCH_TERMS = "search-terms.yml"       # the field's words that must stay whole


@dataclass(frozen=True)
class Project:
    sources: Path               # ordinances/, departments.yml, search-terms.yml
    translations: Path          # <lang>/<slug>.yml, <lang>/glossary.yml
    labels: Path                # <lang>.yml: the site's own words
    registry: Path              # urls.txt (every URL ever published), redirects.yml
    mkdocs_config: Path         # mkdocs.yml; mkdocs.offline.yml beside it
    docs: Path                  # the generated pages, beside the hand-written ones
    site: Path                  # the hosted site
    dist: Path                  # the offline bundle

    @classmethod
    def of(cls, sources="sources", *, translations=None, labels=None, registry=None,
           mkdocs_config=None, docs=None, site=None, dist=None) -> "Project":
        sources = Path(sources)
        home = sources.parent
        translations = Path(translations) if translations else home / "translations"
        return cls(sources=sources, translations=translations,
                   labels=Path(labels) if labels else translations / "labels",
                   registry=Path(registry) if registry else home / "registry",
                   mkdocs_config=Path(mkdocs_config) if mkdocs_config else home / "mkdocs.yml",
                   docs=Path(docs) if docs else home / "docs",
                   site=Path(site) if site else home / "site",
                   dist=Path(dist) if dist else home / "dist")

    @property
    def root(self) -> Path:
        """The directory of mkdocs.yml: the checkout whose last commit dates the build."""
        return self.mkdocs_config.parent

    @property
    def offline_config(self) -> Path:
        return self.mkdocs_config.with_name("mkdocs.offline.yml")

    @property
    def vocabulary(self) -> Path:
        return self.sources / VOCABULARY

    @property
    def search_terms(self) -> Path:
        return self.sources / SEARCH_TERMS

    @property
    def urls_file(self) -> Path:
        return self.registry / "urls.txt"

    @property
    def redirects_file(self) -> Path:
        return self.registry / "redirects.yml"

    def site_url(self) -> str:
        """mkdocs.yml's `site_url`, ending in a slash: the one place it is set."""
        return siteconfig.site_url(self.mkdocs_config)
