"""The navigation as each build and each page shows it: one place for the views of the
generated navigation (docs/.nav.yml), so that a page's sidebar grows neither with the
corpus nor with its ordinance.

- `restrict` (per shard, on the navigation's YAML before MkDocs reads it): a shard of
  a sharded build (lawsite/publish/shards.py) sees the whole docs/ but renders only
  its own pages, so it gets the navigation of what it renders, with the corpus-wide
  pages kept as the way up: a jurisdiction's shard keeps its own ordinances and
  drops the others (and a province's group left empty); the hub keeps each
  ordinance as one link to its page, not its chapters and articles; a part of a
  jurisdiction cut into several shards keeps the ordinances of the other parts
  (`siblings`) as one link each, as the hub does.
- `own_branch` (per page, on MkDocs' navigation): in a group of ordinances (a
  province), only the page's own ordinance (the home page lists every ordinance);
  and within its ordinance, a run of more than `LONG` articles (an ordinance without
  chapters, a long chapter) cut into groups of `GROUP` ("第一条–第十条"), only the
  page's own group open. Material's navigation.prune renders the open branch only,
  so a page's sidebar holds its ordinance's chapters (or groups) and the articles of
  its own chapter (or group): tens of entries, whatever the ordinance's size. The
  site's navigation is never changed, so previous and next, which follow it, still
  go through every article in order.

`shard` is the build's `extra.lawsite_shard`: {"name", "own": [its slugs] (none
for the hub), "siblings": [the slugs of its jurisdiction's other parts],
"ordinances": [every slug of the corpus], "hub": bool}.

>>> nav = [{"首页": "index.md"},
...        {"甲条例": ["a/index.md", {"第一条": "a/article-1.md"}]},
...        {"乙条例": ["b/index.md", {"第一条": "b/article-1.md"}]},
...        {"English": [{"Home": "en/index.md"}, {"A": ["en/a/index.md"]}, {"B": ["en/b/index.md"]}]}]
>>> for item in restrict(nav, {"own": ["a"], "ordinances": ["a", "b"], "hub": False}): print(item)
{'首页': 'index.md'}
{'甲条例': ['a/index.md', {'第一条': 'a/article-1.md'}]}
{'English': [{'Home': 'en/index.md'}, {'A': ['en/a/index.md']}]}
>>> restrict(nav, {"own": [], "ordinances": ["a", "b"], "hub": True})[1:3]
[{'甲条例': 'a/index.md'}, {'乙条例': 'b/index.md'}]
>>> restrict(nav, {"own": ["b"], "siblings": ["a"], "ordinances": ["a", "b"], "hub": False})[1:3]
[{'甲条例': 'a/index.md'}, {'乙条例': ['b/index.md', {'第一条': 'b/article-1.md'}]}]
"""

import re

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from lawsite.translation import i18n

LONG = 15          # a run of more articles than this is shown in groups
GROUP = 10         # articles in a group
ARTICLE = re.compile(r"(?:^|/)article-[0-9][0-9-]*\.md$")      # urls.article_path's file


# -- per shard: the navigation's YAML -------------------------------------------------------

def restrict(nav: list, shard: dict) -> list:
    ordinances, own, siblings = set(shard["ordinances"]), set(shard["own"]), set(shard.get("siblings", ()))
    kept = []
    for item in nav:
        if not isinstance(item, dict):
            kept.append(item)
            continue
        (title, value), = item.items()
        slug = ordinance_of(value, ordinances)
        if slug is not None:
            if shard["hub"] or slug in siblings:
                kept.append({title: value[0]})
            elif slug in own:
                kept.append(item)
        elif isinstance(value, list):
            inner = restrict(value, shard)
            if inner:
                kept.append({title: inner})
        else:
            kept.append(item)
    return kept


def ordinance_of(value, ordinances: set[str]) -> str | None:
    """The slug of an ordinance's section of the navigation (its first entry is the
    ordinance's page, `<slug>/index.md` or `<lang>/<slug>/index.md`), else None."""
    if not isinstance(value, list) or not value or not isinstance(value[0], str):
        return None
    parts = value[0].split("/")
    if parts[-1] == "index.md" and len(parts) in (2, 3) and parts[-2] in ordinances:
        return parts[-2]
    return None


# -- per page: MkDocs' navigation -----------------------------------------------------------

def own_branch(nav: Navigation, page) -> Navigation:
    """The navigation as `page` shows it (see the module's docstring)."""
    chain, item = [], page
    while item is not None:
        chain.append(item)
        item = item.parent
    top = next((i for i, item in enumerate(chain) if item in nav.items), None)
    if top is None or not isinstance(chain[top], Section):
        return nav
    # a group of ordinances (a province): the page's ordinance is a section in it, beside
    # other ordinances (sections, or links: another part's, an untranslated one's page)
    grouped = top >= 2 and is_ordinance(chain[top - 1]) and len(chain[top].children) > 1
    at = top - 1 if grouped else top                     # the ordinance (or any other section)
    ordinance = _cut(chain[at], chain[:at])
    if grouped:
        alone = Section(chain[top].title, [ordinance])
        alone.active = ordinance.active
        replaced = alone
    else:
        replaced = ordinance
    if replaced is chain[top]:
        return nav
    view = Navigation([replaced if item is chain[top] else item for item in nav.items], nav.pages)
    view.homepage = nav.homepage
    return view


def is_ordinance(item) -> bool:
    """Is this item of the navigation an ordinance's section: its first entry the
    ordinance's page, `<slug>/index.md` or `<lang>/<slug>/index.md` (urls.ordinance_path),
    not a chapter's (`<slug>/chapter-1/index.md`)?"""
    if not isinstance(item, Section) or not item.children or not isinstance(item.children[0], Page):
        return False
    parts = item.children[0].file.src_uri.split("/")
    if parts[0] in i18n.CODES and parts[0] != i18n.OFFICIAL:
        parts = parts[1:]
    return len(parts) == 2 and parts[1] == "index.md"


def _cut(section: Section, below: list) -> Section:
    """`section` with its long runs of articles in groups, on the way down to the page
    (`below`: the page and its sections, innermost first); unchanged when nothing is long."""
    inner = below[-1] if below and isinstance(below[-1], Section) else None
    children = [_cut(child, below[:-1]) if child is inner else child for child in section.children]
    children = _groups(children)
    if all(a is b for a, b in zip(children, section.children)) and len(children) == len(section.children):
        return section
    copy = Section(section.title, children)          # (its parent stays None: nothing is changed above it)
    copy.active = section.active
    return copy


def _groups(children: list) -> list:
    """The runs of more than LONG article pages among `children` cut into groups of GROUP,
    each a section titled by its first and last article; the group holding the page is
    the open one (active)."""
    found, run = [], []
    for child in [*children, None]:
        file = getattr(child, "file", None) if child is not None and child.is_page else None
        if file is not None and ARTICLE.search(file.src_uri):
            run.append(child)
            continue
        if len(run) > LONG:
            for start in range(0, len(run), GROUP):
                pages = run[start:start + GROUP]
                group = Section(f"{pages[0].title}–{pages[-1].title}" if len(pages) > 1 else pages[0].title, pages)
                group.active = any(p.active for p in pages)
                found.append(group)
        else:
            found += run
        run = []
        if child is not None:
            found.append(child)
    return found
