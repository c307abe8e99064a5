"""What every generated page is (a path, front matter and HTML blocks) and what
every page of one language tree shares (`Site`), with the parts that every kind of
page uses: the breadcrumb and the front matter."""

import html
import json
import re
from dataclasses import dataclass, field

from lawsite.model.corpus import Corpus
from lawsite.site import markup, urls
from lawsite.translation import i18n


@dataclass
class Page:
    """A generated page: its front matter (one line of JSON) and its body, the finished
    HTML, block by block, which MkDocs passes through without Python-Markdown
    (lawsite/mkdocs/ready.py)."""

    path: str                                  # under docs/
    meta: dict                                 # front matter
    body: list[str] = field(default_factory=list)   # HTML blocks

    def render(self) -> str:
        return f"---\n{front_matter(self.meta)}\n---\n\n" + "\n".join(self.body) + "\n"


# What PyYAML does not read literally inside a double-quoted scalar: DEL and the C1
# controls (not printable for it), NEL, U+2028 and U+2029 (line breaks, which it
# folds), U+FEFF (a byte order mark) and the noncharacters U+FFFE and U+FFFF.
# JSON escapes C0 controls itself.
YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def front_matter(meta: dict) -> str:
    r"""Front matter as JSON, which is YAML and written forty times faster than PyYAML
    writes YAML, with every character PyYAML would not read back as itself escaped
    (such characters occur only inside strings, where \uXXXX means the same to both).

    >>> import yaml
    >>> meta = {"title": "\x7f\x85\u2028\ufeff条"}
    >>> front_matter(meta)
    '{"title": "\\u007f\\u0085\\u2028\\ufeff条"}'
    >>> yaml.safe_load(front_matter(meta)) == meta
    True
    """
    return YAML_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}",
                           json.dumps(meta, ensure_ascii=False))


@dataclass(frozen=True)
class Site:
    """What every page of one language tree needs."""

    lang: i18n.Language
    base_url: str                 # https://…/ — canonical URLs in citations and metadata
    corpus: Corpus = field(default_factory=Corpus)   # the ordinances and what was found in them

    @property
    def vocabulary(self):
        return self.corpus.vocabulary

    @property
    def mentions(self) -> dict:
        return self.corpus.mentions

    @property
    def labels(self):
        return self.lang.labels

    def path(self, path: str) -> str:
        return self.lang.path(path)

    def url(self, path: str, anchor: str = "") -> str:
        """The public URL of a page of this tree (`path` without the language prefix)."""
        return self.base_url + urls.url(self.path(path)) + (f"#{anchor}" if anchor else "")


def breadcrumb(site: Site, here: str, trail: list[tuple[str, str]]) -> str:
    """Links from the page at `here` to each (text, docs path) of `trail`."""
    links = [markup.link(markup.escape(text), urls.relative(here, path)) for text, path in trail]
    return markup.element("nav", " › ".join(links), cls="ls-crumbs",
                          aria_label=site.labels("breadcrumb"), data_search_exclude=True)


def page_meta(site: Site, title: str, description: str, search_title: str = "",
              tags: list[str] | None = None, **extra) -> dict:
    """Front matter. `title` is the page's <title>; a page indexed for search under
    a shorter name (烟台 第二十八条) gets that as the front matter's title, which
    Material's search uses, and its <title> as `html_title`. `tags` are the hidden
    words the search weighs most (search_tags).

    Material prints `title` and `description` into the page unescaped (MkDocs'
    templates do not autoescape), and its search results insert the index's
    titles and tags as HTML, so all three are HTML-escaped here, once: a short
    title or department name quoting `"><script>` is shown, never run.
    (`html_title` is escaped by our own template.)"""
    meta: dict = {"title": html.escape(search_title or title), "description": html.escape(description)}
    if search_title:
        meta["html_title"] = title
    if tags is not None:
        # element content in Material's results: quotes stay, so "People's" is found
        meta["tags"] = [html.escape(tag, quote=False) for tag in tags]
    return {**meta, **extra}
