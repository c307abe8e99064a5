"""MkDocs hooks: the seam between the generated docs/ and MkDocs.

- (mkdocs serve: lawsite/mkdocs/serve.py regenerates docs/ from sources/ before each
  rebuild, a hook of mkdocs.serve.yml only, so that a build never imports the pipeline.)
- on_config: load the navigation and the redirects (short forms of article URLs,
  retired URLs) — in one shard of a sharded build, its navigation
  (lawsite/mkdocs/navview.py) and the redirects to its own pages — and each language's names that build_corpus.py wrote (docs/.nav.yml,
  docs/.redirects.yml, docs/.languages.yml), reading nothing outside docs/,
  so adding an ordinance never means editing mkdocs.yml; point the snippets that
  hand-written pages include at the generated docs/.fragments/; pin the build
  date to the last commit (SOURCE_DATE_EPOCH) so two builds of one commit are
  byte-identical.
- on_config (search): fail if Chinese segmentation is off (jieba missing, or a
  separator without U+200B); load the corpus' user dictionary into jieba. On the
  hosted site (`extra.search: pagefind` in mkdocs.yml) search is Pagefind's, run
  after MkDocs (lawsite/publish/pagefind.py): Material's search plugin stays only
  for its search box, indexes no page (on_page_content) and its index is removed;
  what the pages leave out of search is marked data-pagefind-ignore (lawsite/mkdocs/pagefind.py).
- on_post_build: repair Material's query segmenter in the built worker and write
  the search index as UTF-8, refusing an index that holds markup (lawsite/mkdocs/search.py
  says why); make Material's tooltips show titles as text (lawsite/mkdocs/tooltips.py) and keep a
  search opened at once on a page opened at an anchor (lawsite/mkdocs/anchorclose.py); in
  the offline bundle, serve the iframe-worker shim from the bundle instead of a CDN;
  split the search index into one per language, with snippets (lawsite/mkdocs/searchindex.py).
- on_page_read_source / on_page_markdown: a generated page's front matter read as the
  JSON it is (lawsite/mkdocs/frontmatter.py), not by PyYAML; its body is ready HTML,
  which MkDocs passes through with its links rewritten and its toc read from its
  headings, without Python-Markdown (lawsite/mkdocs/ready.py). Hand-written pages
  (YAML front matter) are Markdown.
- on_nav: cut the navigation into one tree per language.
- on_env: the URL shapes the browser's scripts read (lawsite/site/urls.py: browser()),
  for the templates.
- on_page_context / on_post_page: give each page its language — Material's
  interface strings (through partials/language.html), its view of the navigation
  of its tree (lawsite/mkdocs/navview.py), the site name, and the alternates of the language switcher and of
  <link rel="alternate" hreflang> — through the template context (a per-page
  view of `config`; the site's config is never changed); drop the templates'
  indentation from the page (lawsite/mkdocs/compact.py); mark the sidebar's link to
  the page aria-current (lawsite/mkdocs/current.py).
"""

import functools
import html
import logging
import os
import shutil
from pathlib import Path
from urllib.parse import urljoin

import jinja2
import mkdocs_redirects.plugin
from markupsafe import Markup
from material.plugins.search import plugin as material_search
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation, Section

from lawsite.core import paths
from lawsite.core.siteconfig import commit_time
from lawsite.mkdocs import (
    anchorclose,
    bundle_links,
    compact,
    current,
    frontmatter,
    navview,
    pagefind,
    ready,
    search,
    searchindex,
    sidebar,
    sitemap,
    strings,
    tooltips,
)
from lawsite.site import urls
from lawsite.translation import i18n

_state: dict = {}            # this build's language names, files and navigations
def on_config(config):
    logging.getLogger("jieba").setLevel(logging.WARNING)      # it logs its start-up at DEBUG
    docs = Path(config.docs_dir)
    nav_file = docs / ".nav.yml"
    if not nav_file.exists():
        raise PluginError(f"{nav_file} is missing: run `python build_corpus.py` first")
    config.nav = frontmatter.generated(nav_file)
    shard = config.extra.get("lawsite_shard")        # one shard of a sharded build
    if shard:
        config.nav = navview.restrict(config.nav, shard)
    snippets = config.mdx_configs.setdefault("pymdownx.snippets", {})
    snippets["base_path"] = [str(docs / ".fragments")]
    redirects = config.plugins.get("redirects")
    if redirects is not None:                    # the hosted site; the offline one has none
        redirect_maps = frontmatter.generated(docs / ".redirects.yml")
        for source in redirect_maps:             # each becomes a file: never outside site/
            if paths.problem(source):
                raise PluginError(f"{docs / '.redirects.yml'}: redirect {source[:100]!r} "
                                  f"{paths.problem(source)}: run `python build_corpus.py` again")
        if config.exclude_docs:                  # a shard: the redirects to its own pages
            redirect_maps = {source: target for source, target in redirect_maps.items()
                             if not config.exclude_docs.match_file(target.partition("#")[0])}
        redirects.config["redirect_maps"] = redirect_maps
        # its page says "Redirecting..." in English (lang="en") on a Chinese site
        mkdocs_redirects.plugin.HTML_TEMPLATE = REDIRECT_PAGE
    _state.clear()
    _state["pagefind"] = uses_pagefind(config)
    if not _state["pagefind"]:
        load_segmentation(config)
    os.environ.setdefault("SOURCE_DATE_EPOCH", commit_time(Path(config.config_file_path).parent))
    languages = frontmatter.generated(docs / ".languages.yml")
    # curated text that Material's templates print unescaped: escaped once, and marked
    # safe so that the templates that do escape it (`| e`) do not escape it twice
    _state["languages"] = {code: {"site_name": Markup(html.escape(names["site_name"])),
                                  "language_name": Markup(html.escape(names["language_name"])),
                                  "banner": names["banner"]} for code, names in languages.items()}
    _state["offline"] = "material/offline" in config.plugins
    return config


# The page of a short or retired URL (mkdocs-redirects writes it, filling in {url}): in
# the site's language, the anchor (#art_28__para_3) carried over as before.
REDIRECT_PAGE = """<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>正在转到本页的正式网址</title>
<link rel="canonical" href="{url}">
<script>var anchor=window.location.hash.substr(1);location.href="{url}"+(anchor?"#"+anchor:"")</script>
<meta http-equiv="refresh" content="0; url={url}">
</head>
<body>
<p>正在转到本页的<a href="{url}">正式网址</a>。</p>
<p lang="en">This page has moved to its <a href="{url}">permanent address</a>.</p>
</body>
</html>
"""


def uses_pagefind(config) -> bool:
    """Whether the site's search is Pagefind (the hosted site) rather than Material's."""
    return config.extra.get("search") == "pagefind"


def load_segmentation(config) -> None:
    """Material's Chinese search: checked, and jieba given this build's words."""
    docs = Path(config.docs_dir)
    check_segmentation(config)
    # jieba's dictionary is global to the process: start from its own, then add this
    # build's words, so that a build never depends on the builds before it
    material_search.jieba.dt.initialized = False
    dictionary = docs / search.USER_DICTIONARY
    if dictionary.exists():
        material_search.jieba.load_userdict(str(dictionary))


def check_segmentation(config) -> None:
    """Chinese search works only with jieba and a separator that keeps U+200B."""
    if material_search.jieba is None:
        raise PluginError("jieba is not importable, so Material would index Chinese without "
                          "segmenting it and search would find almost nothing: install the "
                          "pinned requirements (make site)")
    plugin = config.plugins.get("material/search")
    separator = plugin.config.separator if plugin else None
    # a regular expression: it names U+200B as an escape or holds the character itself
    if plugin is None or not separator or not ("\\u200b" in separator or "\u200b" in separator):
        raise PluginError(f"the search separator {separator!r} must contain \\u200b, which "
                          "joins the words jieba finds; keep Material's default for zh")


SHIM = Path("node_modules", "iframe-worker", "shim", "index.js")   # npm ci, package-lock.json
SHIM_IN_SITE = Path("assets", "javascripts", "iframe-worker-shim.js")   # mkdocs.offline.yml


def on_post_build(config):
    if _state["offline"]:
        shim = Path(config.config_file_path).parent / SHIM
        if not shim.exists():
            raise PluginError(f"{shim} is missing: run `npm ci` (make site does) to install the "
                              "iframe-worker shim that lets search run from file://")
        shutil.copyfile(shim, Path(config.site_dir) / SHIM_IN_SITE)
    index = Path(config.site_dir, "search", "search_index.json")
    if _state["pagefind"]:                # Material's (empty) index: the site searches with Pagefind
        shutil.rmtree(index.parent, ignore_errors=True)
    elif index.exists():                    # (the offline plugin inlines it after this hook)
        try:
            search.reencode_index(index)
        except ValueError as error:
            raise PluginError(f"{index}: {error}") from None
        searchindex.write(index, Path(config.site_dir), _state["offline"])      # one per language
    scripts = Path(config.site_dir, "assets", "javascripts")
    patches = [(worker, search.patch_worker) for worker in sorted(scripts.glob("workers/search.*.min.js"))]
    patches += [(bundle, tooltips.patch_bundle) for bundle in sorted(scripts.glob("bundle.*.min.js"))]
    patches += [(bundle, searchindex.patch_bundle) for bundle in sorted(scripts.glob("bundle.*.min.js"))]
    patches += [(bundle, sitemap.patch_bundle) for bundle in sorted(scripts.glob("bundle.*.min.js"))]
    patches += [(bundle, anchorclose.patch_bundle) for bundle in sorted(scripts.glob("bundle.*.min.js"))]
    if _state["offline"]:                 # the bundles ship the index as a script alone (bundles.SERVED_ONLY)
        patches += [(bundle, searchindex.patch_script_loader) for bundle in sorted(scripts.glob("bundle.*.min.js"))]
    for script, patch in patches:
        try:
            script.write_text(patch(script.read_text(encoding="utf-8")), encoding="utf-8")
        except ValueError as error:
            raise PluginError(f"{script}: {error}") from None


def on_env(env, config, files):
    """The URL scheme as the browser's scripts read it (lawsite/site/urls.py: browser()),
    for every template: the citation table's place (overrides/main.html), the shapes by
    which the 404 page reads an address (overrides/404.html). The templates' bytecode is
    cached across builds."""
    prefixes = [i18n.Language(code, None).prefix for code in _state["languages"]]
    env.globals["lawsite_urls"] = urls.browser(prefixes)
    # the sidebar's items, each rendered once for the pages it is the same for
    # (overrides/partials/nav.html and nav-item.html, lawsite/mkdocs/sidebar.py)
    env.globals["lawsite_sidebar"] = sidebar.Sidebar().item
    env.globals["lawsite_string"] = strings.Strings()          # Material's strings (partials/language.html)
    # Material's templates compiled once per machine (Jinja's cache of their bytecode,
    # in the temporary directory, keyed by each template's source and written
    # atomically), not again in every MkDocs process: every shard and bundle paid it
    env.bytecode_cache = jinja2.FileSystemBytecodeCache()
    return env


def on_page_content(html, page, config, files):
    if _state["pagefind"]:                # Pagefind indexes the site: Material's plugin, nothing
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        return pagefind.ignore_excluded(html)
    return html


def on_page_read_source(page, config):
    """A generated page's front matter, read as JSON (lawsite/mkdocs/frontmatter.py): kept
    here, the page given to MkDocs with an empty one."""
    source = page.file.content_string
    found = frontmatter.split(source)
    if found is None:
        return source
    _state.setdefault("front", {})[page.file.src_uri] = found[1]
    return found[0]


@event_priority(100)              # before any other plugin reads the page's meta
def on_page_markdown(markdown, page, config, files):
    """A generated page (its front matter JSON): its meta, and its body, which is ready
    HTML, rendered without Python-Markdown (lawsite/mkdocs/ready.py)."""
    meta = _state.get("front", {}).pop(page.file.src_uri, None)
    if meta is not None:
        page.meta = meta
        page.render = functools.partial(ready.render, page)
    return markdown


def on_files(files, config):
    _state["files"] = files
    # offline, the pages this bundle leaves out: links to them go online (bundle_links)
    _state["outside"] = bundle_links.excluded_files(files) if _state["offline"] else {}
    return files


def on_nav(nav, config, files):
    """One navigation per language: the official tree is the top level, each
    other language a section of it (whose first page is its home)."""
    trees = {i18n.OFFICIAL: nav}
    for item in nav.items:
        if isinstance(item, Section) and item.children and getattr(item.children[0], "file", None):
            code = i18n.language_of(item.children[0].file.src_uri)
            if code != i18n.OFFICIAL:
                pages = [page for page in nav.pages if i18n.language_of(page.file.src_uri) == code]
                tree = Navigation(item.children, pages)
                tree.homepage = item.children[0]
                trees[code] = tree
    _state["navs"] = trees
    return nav


def on_page_context(context, page, config, nav):
    code = i18n.language_of(page.file.src_uri)
    context["lawsite_lang"] = code
    context["lawsite_html_lang"] = i18n.HTML_LANG[code]
    context["lawsite_search_prefix"] = searchindex.prefix(code)          # its own tree's search index
    context["lawsite_banner"] = _state["languages"][code]["banner"]     # every translated page says so
    context["nav"] = navview.own_branch(_state["navs"].get(code, nav), page)
    # the page's language names the site and lists the alternates; the site's config is not changed
    context["config"] = PageConfig(config, site_name=_state["languages"][code]["site_name"],
                                   extra={**config.extra, "alternate": alternates(page, config)})
    if not config.use_directory_urls and config.site_url:
        # offline (…/article-28.html): the canonical URL is the hosted site's pretty one
        page.canonical_url = urljoin(config.site_url, urls.url(page.file.src_uri))
    return context


class PageConfig:
    """The site's `config` as the templates of one page see it: `values` (the site
    name and `extra` in the page's language) in front of the site's own."""

    def __init__(self, config, **values):
        self._config, self._values = config, values

    def __getattr__(self, name):
        return self._values[name] if name in self._values else getattr(self._config, name)

    def __getitem__(self, key):
        return self._values[key] if key in self._values else self._config[key]

    def get(self, key, default=None):
        return self._values[key] if key in self._values else self._config.get(key, default)


def on_post_page(output, page, config):
    if _state["outside"]:
        output = bundle_links.rewrite(output, page.file.url, _state["outside"], config.site_url)
    return current.mark(compact.compact(output))


def alternates(page, config) -> list[dict]:
    """The same page in every language: `link` for <link rel=alternate hreflang>
    (absolute on the hosted site, as search engines want; relative offline, where
    nothing may reach the network) and `switch` for the language switcher
    (relative, so that it works on any host and from a folder)."""
    found = []
    for code in i18n.CODES:
        other = _state["files"].get_file_from_path(i18n.counterpart(page.file.src_uri, code))
        if other is None:                      # no such page in that language: its home
            other = _state["files"].get_file_from_path(i18n.counterpart("index.md", code))
        link = other.url if _state["offline"] else urljoin(config.site_url, other.url)
        found.append({"name": _state["languages"][code]["language_name"],
                      "lang": i18n.HTML_LANG[code], "link": link, "switch": other.url,
                      "current": code == i18n.language_of(page.file.src_uri)})
    return found
