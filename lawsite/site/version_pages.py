"""The versions of a work on the site: the status of the version on every page of it (an
earlier version says plainly that it is not the current text, and links the current
one), the timeline on the ordinance page, each article's history across the versions,
and a "what changed" page per version after the first (lawsite/enrich/versions.py
aligns the articles; the word-level difference is the comparison pages' own).

Only works with more than one version have any of this; an ordinance of one version
is shown as before.
"""

from lawsite.enrich import versions
from lawsite.enrich.parallels import compare_articles
from lawsite.model import document as model
from lawsite.site import compare_pages, markup, urls
from lawsite.site.page import Page, Site, breadcrumb, page_meta


def chain(site: Site, ordinance: model.Ordinance) -> list[model.Ordinance]:
    """The versions of the ordinance's work, oldest first ([] for a work of one version)."""
    return site.corpus.versions.get(ordinance.work_slug, []) if site.corpus else []


def version_name(site: Site, ordinance: model.Ordinance) -> str:
    return site.labels("version_of", date=site.labels.date(ordinance.meta["version_date"]))


def status_text(site: Site, ordinance: model.Ordinance) -> str:
    found = versions.status(ordinance, chain(site, ordinance), site.corpus.built_on)
    if found.kind == "superseded" and found.by is not None:
        return site.labels("superseded_by", date=site.labels.date(found.by.meta["version_date"]))
    return site.labels(f"version_{found.kind}")


def _current(site: Site, ordinance: model.Ordinance) -> model.Ordinance:
    return chain(site, ordinance)[-1]


def _follow(site: Site, ordinance: model.Ordinance, number) -> list[tuple]:
    """The article numbered `number` of `ordinance` through the versions of its work,
    oldest first: (version, its number there or None where that version repealed it,
    the change from the version before or None for the first one listed). Versions
    before it was added, or after it was repealed, are not listed."""
    versions_ = chain(site, ordinance)
    here = versions_.index(ordinance)
    found: list[tuple] = [(ordinance, number, None)]
    current = number
    for k in range(here, 0, -1):                                  # backwards
        change = versions.partner(site.corpus.changes[versions_[k].slug], current, forward=False)
        if change is None or change.old is None:
            break
        found[0] = (found[0][0], found[0][1], change)
        found.insert(0, (versions_[k - 1], change.old, None))
        current = change.old
    current = number
    for k in range(here + 1, len(versions_)):                      # forwards
        change = versions.partner(site.corpus.changes[versions_[k].slug], current)
        if change is None:
            break
        found.append((versions_[k], change.new, change))
        if change.new is None:
            break
        current = change.new
    return found


def banner(site: Site, ordinance: model.Ordinance, here: str,
           article: model.Article | None = None) -> list[str]:
    """The status of this version, on each of its pages; an earlier version's page says it
    is not the current text and links the current one (the same article where it is still
    there, or the current version's ordinance page)."""
    if not chain(site, ordinance):
        return []
    labels, status = site.labels, status_text(site, ordinance)
    current = _current(site, ordinance)
    if not ordinance.old_version:
        text = labels("current_version_notice", version=version_name(site, ordinance), status=status)
        return [markup.element("p", markup.escape(text), cls="ls-version ls-version--current",
                               data_search_exclude=True, data_pagefind_ignore=True)]
    target = site.path(urls.ordinance_path(current.slug))
    if article is not None:
        last, number, _ = _follow(site, ordinance, article.number)[-1]
        if last is current and number is not None:
            target = site.path(urls.article_path(current.slug, number))
    text = labels("old_version_notice", version=version_name(site, ordinance), status=status)
    link = markup.link(markup.escape(labels("read_current_text")), urls.relative(here, target))
    return [markup.element("div", markup.element("strong", markup.escape(text)) + f" {link}", cls="ls-version ls-version--old",
                           role="note", data_search_exclude=True, data_pagefind_ignore=True)]


def timeline(site: Site, ordinance: model.Ordinance, here: str) -> list[str]:
    """Every version of the work, oldest first: its date, status, the amendment that made
    it, and links to its text and to what changed in it."""
    versions_ = chain(site, ordinance)
    if not versions_:
        return []
    labels, lines = site.labels, []
    for version in versions_:
        name = markup.escape(version_name(site, version))
        shown = markup.element("strong", name) if version is ordinance else \
            markup.link(name, urls.relative(here, site.path(urls.ordinance_path(version.slug))))
        parts = [shown, markup.escape(status_text(site, version))]
        amendments = version.meta.get("amendments") or []
        if amendments and version is not versions_[0]:
            last = amendments[-1]
            written = last.get("decision") or last.get("kind", "")
            parts.append(markup.element("span", markup.escape(written), span=False, lang="zh-CN"))
        if version is not versions_[0]:
            parts.append(markup.link(markup.escape(labels("what_changed")),
                                     urls.relative(here, site.path(urls.changes_path(version.slug)))))
        lines.append("　".join(parts))
    return [markup.heading(2, markup.escape(labels("versions")), "versions"), markup.bullets(lines)]


def article_history(site: Site, ordinance: model.Ordinance, article: model.Article, here: str) -> list[str]:
    """This article in every version of its work, with what became of it in each."""
    if not chain(site, ordinance):
        return []
    labels, lines = site.labels, []
    for version, number, change in _follow(site, ordinance, article.number):
        name = markup.escape(version_name(site, version))
        if number is None:
            shown = name
        else:
            text = f"{name} {markup.escape(site.lang.article_label(version.article(number)))}"
            shown = markup.element("strong", text) if version is ordinance else \
                markup.link(text, urls.relative(here, site.path(urls.article_path(version.slug, number))))
        parts = [shown]
        if change is not None:
            anchor = _row_anchor(change)
            parts.append(markup.link(markup.escape(labels(f"change_{change.kind}")),
                                     urls.relative(here, site.path(urls.changes_path(version.slug))), anchor))
        lines.append("　".join(parts))
    return [markup.heading(2, markup.escape(labels("article_history")), "history"), markup.bullets(lines)]


def _row_anchor(change: versions.Change) -> str:
    return f"new_{change.new}" if change.new is not None else f"old_{change.old}"


def changes_pages(site: Site) -> list[Page]:
    """A page per version after the first of each work: what changed, article by article."""
    if not site.corpus:
        return []
    return [changes_page(site, before, after) for work, chain_ in site.corpus.versions.items()
            if site.lang.has_pages(work)              # (an untranslated work: the Chinese page)
            for before, after in zip(chain_, chain_[1:])]


def changes_page(site: Site, before: model.Ordinance, after: model.Ordinance) -> Page:
    labels, lang = site.labels, site.lang
    path = site.path(urls.changes_path(after.slug))
    found = site.corpus.changes[after.slug]
    title = labels("changes_title", title=lang.title(after), version=version_name(site, after))
    counts = {kind: sum(1 for c in found if c.kind == kind) for kind in versions.KINDS}
    body = [breadcrumb(site, path, [(lang.title(after), site.path(urls.ordinance_path(after.slug)))]),
            markup.heading(1, markup.escape(title), "changes"),
            *banner(site, after, path),
            markup.element("p", markup.escape(labels("changes_intro", before=version_name(site, before),
                                                     after=version_name(site, after))), cls="ls-note"),
            markup.element("p", markup.escape(labels("changes_summary", **counts)), cls="ls-changes-summary")]
    for change in found:
        old = before.article(change.old) if change.old is not None else None
        new = after.article(change.new) if change.new is not None else None
        heads = []
        for version, article in ((before, old), (after, new)):
            if article is not None:
                heads.append(markup.link(markup.escape(f"{version_name(site, version)} "
                                                       f"{lang.article_label(article)}"),
                                         urls.relative(path, site.path(urls.article_path(version.slug,
                                                                                         article.number)))))
        body.append(markup.heading(2, markup.escape(" → ".join(
            lang.article_label(a) for a in (old, new) if a is not None)
            + "　" + labels(f"change_{change.kind}")), _row_anchor(change), f"ls-change ls-change--{change.kind}"))
        body.append(markup.element("p", "　".join(heads), cls="ls-note"))
        if change.kind in ("amended", "added", "repealed"):
            body.append(_diff(site, before, old, after, new))
    meta = page_meta(site, title, title, hide=["toc"], search={"exclude": True})
    return Page(path, meta, body)


def _diff(site: Site, before: model.Ordinance, old: model.Article | None,
          after: model.Ordinance, new: model.Article | None) -> str:
    """The two texts 款 by 款 side by side, the differing words marked (the comparison
    pages' rendering: <mark class="ls-diff">, each 款 labelled)."""
    empty = model.Article(model.ArticleNumber(1), "", "", None, None, [])
    rows = []
    for row in compare_articles(old or empty, new or empty):
        sides = (("a", row.eid_a, before, old), ("b", row.eid_b, after, new))
        rows.append([compare_pages.cell(site, row.segments, side, version, article, eid,
                                        alone=not (row.eid_a and row.eid_b))
                     if eid and article else None
                     for side, eid, version, article in sides])
    return compare_pages.comparison(rows, "ls-compare ls-version-diff")
