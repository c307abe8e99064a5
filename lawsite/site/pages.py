"""Model → Markdown pages with front matter, one per ordinance, chapter, article
and full text, in each language tree (the article page: article_page.py; the text
itself: text.py); this module, the chapter, ordinance and full-text pages and the
home page's list. Pages read the model; they never decide legal structure.

Pages link to each other by relative .md paths with #eId anchors, which MkDocs
rewrites for pretty URLs (hosted) and for .html files (offline) alike.
"""

from lawsite.enrich.references import external
from lawsite.model import document as model
from lawsite.model.eid import EId
from lawsite.site import cite, head, markup, provenance, urls, version_pages
from lawsite.site.article_page import article_page
from lawsite.site.page import Page, Site, breadcrumb, page_meta
from lawsite.site.templates import fragment, safe
from lawsite.site.text import (PREVIEW, article_text, document_text, editorial_notes, history_line, notice,
                               preamble_text, preview, provision_page, title_markup, translation_date,
                               unofficial_notice, untranslated, untranslated_mark)
from lawsite.translation import i18n


def chapter_page(site: Site, ordinance: model.Ordinance, chapter: model.Chapter) -> Page:
    lang, slug = site.lang, ordinance.slug
    path = site.path(urls.chapter_path(slug, chapter.number))
    heading, heading_lang = lang.heading(ordinance, chapter)
    body = [breadcrumb(site, path, [(lang.title(ordinance), site.path(urls.ordinance_path(slug)))]),
            markup.heading(1, markup.escape(heading) + (untranslated_mark(site) if heading_lang != lang.html_lang
                                                        else ""), chapter.eid),
            *version_pages.banner(site, ordinance, path),
            *editorial_notes(site, chapter.notes)]
    body += article_list(site, ordinance, chapter.articles, path)
    for section in chapter.sections:
        body.append(markup.heading(2, markup.escape(lang.heading(ordinance, section)[0]), section.eid))
        body += article_list(site, ordinance, section.articles, path)
    title = lang.title(ordinance)
    # navigation, not law: left out of search, where it would outrank the articles it lists
    shown = lang.labels("page_title", page=markup.isolate(heading), whole=markup.isolate(title))
    return Page(path, page_meta(site, shown, f"{title} {heading}", search={"exclude": True}), body)


def article_list(site: Site, ordinance: model.Ordinance, numbers: list[model.ArticleNumber],
                 path: str) -> list[str]:
    if not numbers:
        return []
    items = []
    for number in numbers:
        article = ordinance.article(number)
        target = urls.relative(path, site.path(urls.article_path(ordinance.slug, number)))
        fallback = untranslated(site, ordinance, article)
        items.append(fragment("article_item", safe(markup.link(markup.escape(site.lang.article_label(article)), target)),
                              safe(markup.escape(preview(site, ordinance, article))),
                              "zh-CN" if fallback else None, safe(untranslated_mark(site) if fallback else "")))
    return [fragment("block", "ls-articles", safe(markup.bullets(items)))]


def ordinance_page(site: Site, ordinance: model.Ordinance) -> Page:
    lang, labels, slug = site.lang, site.labels, ordinance.slug
    path = site.path(urls.ordinance_path(slug))
    title = lang.title(ordinance)
    body = [markup.heading(1, title_markup(site, ordinance), "ordinance"),
            *version_pages.banner(site, ordinance, path)]
    if lang.foreign("zh-CN") and lang.title_lang(ordinance) == lang.html_lang:     # a translated title
        body.append(markup.element("p", markup.escape(ordinance.title), cls="ls-original", lang="zh-CN"))
    if ordinance.history:
        body.append(history_line(ordinance))
    body += unverified_notice(site, ordinance)
    body.append(metadata_table(site, ordinance))
    body += amendment_list(site, ordinance) + version_pages.timeline(site, ordinance, path)
    if not lang.official:                                   # a translation says what it is
        body += [unofficial_notice(site, ordinance), coverage_line(site, ordinance)]
    if ordinance.paragraphs:                # a document without articles: its text is here
        body.append(markup.heading(2, markup.escape(labels("full_text")), "text"))
        body += document_text(site, ordinance)
    else:
        body += preamble_text(site, ordinance)
        body.append(markup.heading(2, markup.escape(labels("contents")), "contents"))
        body.append(contents(site, ordinance, path))
    actions = [markup.link(markup.escape(labels("print_full_text")),
                           urls.relative(path, site.path(urls.full_text_path(slug))))]
    if site.corpus and site.corpus.parallels and not ordinance.old_version:
        actions.append(markup.link(markup.escape(labels("compare_ordinance")),
                                   urls.relative(path, site.path(urls.topic_path(slug)))))
    actions.append(markup.link(markup.escape(labels("download_texts")),
                               urls.relative(path, site.path(f"{urls.DOWNLOADS}/index.md"))))
    actions.append(markup.link(markup.escape(labels("download_data")), urls.relative(path, "data/corpus.json")))
    body.append(markup.element("p", "　·　".join(actions), cls="ls-actions"))
    body += glossary(site, ordinance, path) + external_laws(site, ordinance, path)
    body.append(markup.heading(2, markup.escape(labels("repairs")), "repairs"))
    body.append(markup.element("p", markup.escape(labels("sentence_separator").join(
        provenance.account(labels, ordinance))), cls="ls-note ls-account"))
    description = labels("ordinance_description", title=title, text=labels("article_count", n=len(ordinance.articles)))
    if ordinance.paragraphs:                        # no articles to count: its opening words
        description = labels("opening_description", title=title, text=ordinance.paragraphs[0].text[:PREVIEW])
    meta = page_meta(site, markup.isolate(title), description, hide=["toc"], search={"exclude": True},
                     head=head.ordinance_head(ordinance, site.url(urls.ordinance_path(slug)),
                                              description, lang))
    return Page(path, meta, body)


def untranslated_page(site: Site, ordinance: model.Ordinance) -> Page:
    """The one page of an untranslated ordinance in another language's tree: its title,
    its facts, that nothing is translated, and links to the Chinese pages (which the
    tree does not copy: Language.has_pages)."""
    lang, labels, slug = site.lang, site.labels, ordinance.slug
    path = site.path(urls.ordinance_path(slug))
    title = lang.title(ordinance)
    body = [markup.heading(1, title_markup(site, ordinance), "ordinance")]
    if lang.title_lang(ordinance) == lang.html_lang:
        body.append(markup.element("p", markup.escape(ordinance.title), cls="ls-original", lang="zh-CN"))
    if ordinance.history:
        body.append(history_line(ordinance))
    body += unverified_notice(site, ordinance)
    body.append(metadata_table(site, ordinance))
    body += amendment_list(site, ordinance)
    body += [notice(labels("untranslated_notice"), "ls-notice ls-notice--fallback"),
             coverage_line(site, ordinance)]
    links = [markup.link(markup.escape(labels("read_official")), urls.relative(path, urls.ordinance_path(slug))),
             markup.link(markup.escape(labels("print_full_text")), urls.relative(path, urls.full_text_path(slug)))]
    body.append(markup.element("p", "　·　".join(links), cls="ls-actions"))
    description = f"{title}: {labels('article_count', n=len(ordinance.articles))}"
    meta = page_meta(site, markup.isolate(title), description, hide=["toc"], search={"exclude": True},
                     head=head.ordinance_head(ordinance, site.url(urls.ordinance_path(slug)),
                                              description, lang))
    return Page(path, meta, body)


def glossary(site: Site, ordinance: model.Ordinance, path: str) -> list[str]:
    """The terms the ordinance defines, each with its definition and where it is."""
    defined = [d for d in (site.corpus.definitions if site.corpus else []) if d.slug == ordinance.slug]
    if not defined:
        return []
    items = []
    for definition in defined:
        target, anchor = provision_page(site, ordinance.slug, definition.eid, path)
        parts = EId.parse(definition.eid).numbers()
        where = cite.PINPOINT[site.lang.code](paragraphs=len(ordinance.article(parts["article"]).paragraphs), **parts)
        link = markup.link(markup.escape(site.labels("defined_in", where=where)), target, anchor)
        items.append(fragment("glossary_item", safe(markup.escape(definition.term)),
                              safe(markup.escape(definition.text)), safe(link)))
    return [markup.heading(2, markup.escape(site.labels("glossary")), "glossary"),
            fragment("block", "ls-glossary", safe(markup.bullets(items)))]


def external_laws(site: Site, ordinance: model.Ordinance, path: str) -> list[str]:
    """Laws outside the corpus that the ordinance refers to, and where: listed, never linked."""
    found = external(ordinance, site.corpus.references) if site.corpus else {}
    if not found:
        return []
    items = []
    for title, where in found.items():
        places = []
        for reference in where:
            number = EId.parse(reference.eid).article_number()
            target = urls.relative(path, site.path(urls.article_path(ordinance.slug, number)))
            label = site.lang.article_label(ordinance.article(number))
            if markup.link(markup.escape(label), target, reference.eid) not in places:
                places.append(markup.link(markup.escape(label), target, reference.eid))
        items.append(fragment("external_item", safe(markup.escape(f"《{title}》")), safe("、".join(places))))
    return [markup.heading(2, markup.escape(site.labels("external_laws")), "external-laws"),
            fragment("block", "ls-external", safe(markup.bullets(items)))]


def coverage_line(site: Site, ordinance: model.Ordinance) -> str:
    translation = site.lang.translations.get(ordinance.slug, i18n.Translation())
    covered = i18n.coverage(ordinance, translation)
    text = site.labels("coverage_summary", articles=covered.articles, total=covered.total_articles,
                       percent=covered.percent)
    return markup.element("p", markup.element("strong", markup.escape(site.labels('translation_coverage')))
                          + f": {markup.escape(text)}",
                          cls="ls-coverage")


def metadata_table(site: Site, ordinance: model.Ordinance) -> str:
    """Bodies and dates, the status, the version; what is not known says so (不详)."""
    labels, meta = site.labels, ordinance.meta
    body = f"body{site.lang.suffix}"

    def name(act: dict) -> str:
        return act.get(body) or act.get("body") or labels("unknown")

    def day(value) -> str:
        return labels.date(value) if value else labels("unknown")

    enacted, promulgated = meta.get("enacted") or {}, meta.get("promulgated") or {}
    rows = [[labels("kind"), provenance.kind(meta) or labels("unknown")],
            [labels("level"), labels(provenance.level(meta))],
            [labels("enacting_body"), name(enacted)], [labels("adopted_on"), day(enacted.get("date"))]]
    if meta.get("approved"):
        rows += [[labels("approving_body"), name(meta["approved"])],
                 [labels("approved_on"), day(meta["approved"].get("date"))]]
    rows += [[labels("promulgated_on"), day(promulgated.get("date"))],
             [labels("announcement"), promulgated.get("announcement") or labels("unknown")],
             [labels("effective_date"), day(meta.get("effective"))],
             [labels("status"), status_line(site, ordinance)]]
    if meta.get("version_date"):
        rows.append([labels("version_date"), labels.date(meta["version_date"])])
    cells = [[markup.escape(cell) for cell in row] for row in rows]
    url = meta.get("official_url")
    cells.append([markup.escape(labels("official_url")),
                  fragment("official_link", url, safe(markup.escape(url))) if url
                  else markup.escape(labels("unknown"))])
    return fragment("block", "ls-meta", safe(markup.table(["", ""], cells)))


def status_line(site: Site, ordinance: model.Ordinance) -> str:
    """现行有效（2026年12月1日核实）: the status, and when it was last verified (or that
    the date is not known). A work of several versions has one status, the one its
    dates give (version_pages.status_text), as its banner says, not the metadata's."""
    meta = ordinance.meta
    if version_pages.chain(site, ordinance):
        return version_pages.status_text(site, ordinance)
    status = site.labels(meta["status"])
    if meta["status"] == "not_verified":
        return status
    if meta.get("status_verified"):
        return site.labels("status_verified", status=status, date=site.labels.date(meta["status_verified"]))
    return site.labels("status_never_verified", status=status)


def amendment_list(site: Site, ordinance: model.Ordinance) -> list[str]:
    """The amendment history: each amendment's date and kind, and its decision and its
    line of the header as written (always the official Chinese)."""
    amendments = ordinance.meta.get("amendments") or []
    if not amendments:
        return []
    labels, lines = site.labels, []
    for amendment in amendments:
        date = (amendment.get("approved") or {}).get("date") or amendment.get("date")
        kind = labels("revised" if amendment["kind"] == "修订" else "amended")
        head = labels("amendment", date=labels.date(date) if date else labels("unknown"), kind=kind)
        written = amendment.get("text") or amendment.get("decision") or ""
        lines.append(markup.escape(head) + (
            "　" + markup.element("span", markup.escape(written), span=False, lang="zh-CN") if written else ""))
    return [markup.heading(2, markup.escape(labels("amendments")), "amendments"), markup.bullets(lines)]


def unverified_notice(site: Site, ordinance: model.Ordinance) -> list[str]:
    """What an editor has not checked, said plainly: an imported text's status, a
    missing adoption or effective date, a missing English title."""
    meta, labels = ordinance.meta, site.labels
    what = []
    if meta["status"] == "not_verified":
        what.append(labels("status_unverified"))
    if not (meta.get("enacted") or {}).get("date"):
        what.append(labels("no_adoption_date"))
    if not meta.get("effective"):
        what.append(labels("no_effective_date"))
    if site.lang.title_lang(ordinance) != site.lang.html_lang:
        what.append(labels("no_title_en"))
    if not what:
        return []
    return [notice(labels("unverified_notice", what=labels("enumeration").join(what)),
                   "ls-notice ls-notice--unverified")]


def contents(site: Site, ordinance: model.Ordinance, path: str) -> str:
    lang, lines = site.lang, []
    if not ordinance.chapters:
        for article in ordinance.articles:
            target = urls.relative(path, site.path(urls.article_path(ordinance.slug, article.number)))
            lines.append(markup.link(markup.escape(lang.article_label(article)), target))
        return markup.bullets(lines)
    for chapter in ordinance.chapters:
        target = urls.relative(path, site.path(urls.chapter_path(ordinance.slug, chapter.number)))
        numbers = chapter.articles + [n for s in chapter.sections for n in s.articles]
        first, last = (lang.article_label(ordinance.article(n)) for n in (min(numbers), max(numbers)))
        # a chapter of one article is that article, not 第六十二条至第六十二条
        span = first if first == last else site.labels("articles_range", first=first, last=last)
        item = fragment("chapter_item", safe(markup.link(markup.escape(lang.heading(ordinance, chapter)[0]),
                                                         target)), span)
        if chapter.sections:
            item += markup.bullets([markup.link(markup.escape(lang.heading(ordinance, section)[0]),
                                                        target, section.eid) for section in chapter.sections]) + "\n"
        lines.append(item)
    return markup.bullets(lines)


def full_text_page(site: Site, ordinance: model.Ordinance) -> Page:
    lang, slug = site.lang, ordinance.slug
    path = site.path(urls.full_text_path(slug))
    title = lang.title(ordinance)
    body = [breadcrumb(site, path, [(title, site.path(urls.ordinance_path(slug)))]),
            markup.heading(1, title_markup(site, ordinance), "ordinance"),
            *version_pages.banner(site, ordinance, path)]
    if ordinance.history:
        body.append(history_line(ordinance))
    if not lang.official:                                   # a translation says what it is
        body.append(unofficial_notice(site, ordinance))
    body += preamble_text(site, ordinance) + document_text(site, ordinance)
    for part in ordinance.outline():
        if isinstance(part, model.Chapter):
            body.append(markup.heading(2, markup.escape(lang.heading(ordinance, part)[0]), part.eid, "ls-chapter"))
            body += editorial_notes(site, part.notes)
        elif isinstance(part, model.Section):
            body.append(markup.heading(3, markup.escape(lang.heading(ordinance, part)[0]), part.eid, "ls-section"))
        else:
            target = urls.relative(path, site.path(urls.article_path(slug, part.number)))
            body.append(fragment("article_section", part.eid,
                                 safe("\n".join(article_text(site, ordinance, part, target)))))
    body.append(print_source(site, ordinance, site.url(urls.full_text_path(slug))))
    meta = page_meta(site, site.labels("full_text_title", title=markup.isolate(title)),
                     f"{title} {site.labels('full_text')}", search={"exclude": True})
    return Page(path, meta, body)


def print_source(site: Site, ordinance: model.Ordinance, url: str) -> str:
    """Printed under the full text (hidden on screen): how to cite it, and where it is."""
    work = cite.work(ordinance.meta)
    text = cite.SOURCE[site.lang.code](work, translation_date(site, ordinance))
    return markup.element("p", f"{markup.escape(site.labels('cite_source'))}{markup.escape(text)}　"
                               f"{markup.escape(url)}", cls="ls-print-only ls-print-source",
                          data_search_exclude=True)


def count(site: Site, ordinance: model.Ordinance) -> str:
    """共28条, or for a document without articles (a 决定) its paragraphs: 共5段."""
    if ordinance.paragraphs and not ordinance.articles:
        return site.labels("paragraph_count", n=len(ordinance.paragraphs))
    return site.labels("article_count", n=len(ordinance.articles))


def ordinance_list(site: Site, ordinances: list[model.Ordinance]) -> str:
    """The home page's list of ordinances (included into the hand-written page)."""
    here, lines = site.path("index.md"), []
    for ordinance in ordinances:
        meta = ordinance.meta
        target = urls.relative(here, site.path(urls.ordinance_path(ordinance.slug)))
        effective = site.labels.date(meta["effective"]) if meta.get("effective") else site.labels("unknown")
        facts = "　".join([site.labels(meta["status"]), f'{site.labels("effective_date")} {effective}',
                          count(site, ordinance)])
        lines.append(fragment("ordinance_item", safe(markup.md_link(title_markup(site, ordinance, markup.md_escape),
                                                                    target)), facts))
    return "\n".join(lines) + "\n"


def site_pages(site: Site, ordinances: list[model.Ordinance]) -> list[Page]:
    pages = []
    for ordinance in ordinances:
        if not site.lang.has_pages(ordinance.work_slug):
            if not ordinance.old_version:  # (an earlier version: its Chinese pages, from the timeline)
                pages.append(untranslated_page(site, ordinance))
            continue
        own = [ordinance_page(site, ordinance)]
        own += [chapter_page(site, ordinance, chapter) for chapter in ordinance.chapters]
        own += [article_page(site, ordinance, article) for article in ordinance.articles]
        own.append(full_text_page(site, ordinance))
        if ordinance.old_version:          # an earlier version: reached from the timeline, not search
            for page in own:
                page.meta["search"] = {"exclude": True}
                page.meta.pop("pagefind", None)    # (no data-pagefind-body: the hosted search skips it)
        pages += own
    return pages
