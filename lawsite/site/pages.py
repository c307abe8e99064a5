"""Model → Markdown pages with front matter, one per ordinance, chapter, article
and full text, in each language tree. Pages read the model; they never decide
legal structure.

Pages link to each other by relative .md paths with #eId anchors, which MkDocs
rewrites for pretty URLs (hosted) and for .html files (offline) alike.
"""

import datetime
import html
from functools import partial

from lawsite.core.numerals import from_int
from lawsite.enrich.references import external
from lawsite.model import document as model
from lawsite.model.eid import EId
from lawsite.site import (annotate, cite, compare_pages, department_pages, head, markup, provenance, search_fields,
                          templates, urls, version_pages)
from lawsite.site.page import Page, Site, breadcrumb, page_meta
from lawsite.translation import i18n

PREVIEW = 40            # characters of an article shown in a chapter's list


# -- text of an article: the same elements and eIds on the article page and the full text --

def article_text(site: Site, ordinance: model.Ordinance, article: model.Article,
                 label_link: str = "") -> list[str]:
    """One HTML element per 款, 项 and 目, each with its eId as id and a pilcrow
    that links to it and copies its pinpoint citation with its permanent URL.
    With `label_link`, the first 款 starts with the article's label, as in
    printed texts, linking to the article page. A passage shown in the official
    Chinese for want of a translation is marked as Chinese and left out of search."""
    blocks = []
    count = len(article.paragraphs)
    work = cite.work(ordinance.meta, ordinance.old_version)
    page = urls.article_path(ordinance.slug, article.number)
    here = site.path(urls.full_text_path(ordinance.slug) if label_link else page)
    citation_of = cite.zh if site.lang.official else partial(english_citation, site, ordinance)
    pinpoint_of = cite.pinpoint_zh if site.lang.official else cite.pinpoint_en
    blocks += editorial_notes(site, [note for note in article.notes if note.eid in ("", article.eid)])
    for _, element in article.elements():
        numbers = EId.parse(element.eid).numbers()
        text, lang = site.lang.text(ordinance, element.eid, element.text)
        content = annotate.markdown(text, spans(site, ordinance, element.eid, here)) \
            if lang == "zh-CN" else markup.escape(text)
        if isinstance(element, model.Paragraph):
            kind = "ls-para"
            if label_link and element.number == 1:
                label = markup.link(markup.escape(site.lang.article_label(article)), label_link)
                content = f'<strong class="ls-label">{label}</strong>\u3000{content}'
        elif isinstance(element, model.ItemParagraph):     # a 项's own next paragraph
            kind = "ls-item ls-item-para"
        else:
            kind = "ls-item" if isinstance(element, model.Item) else "ls-subitem"
            if element.label:             # a 项 whose marker the source lost has none (a note says so)
                content = f'<span class="ls-num">{markup.escape(element.label)}</span>{content}'
        what = pinpoint_of(paragraphs=count, **numbers)
        label = site.labels("copy_pin", what=what)
        pin = (f'<a class="ls-pin" href="#{element.eid}" aria-label="{markup.attribute(label)}"'
               f' title="{markup.attribute(label)}"'
               f' data-cite="{markup.attribute(citation_of(work, element.eid, count))}"'
               f' data-url="{markup.attribute(site.url(page, element.eid))}"'
               f' data-search-exclude>¶</a>')
        fallback = lang != site.lang.html_lang
        blocks.append(markup.element("p", content + pin, id=element.eid,
                                     cls=kind + (" ls-fallback" if fallback else ""),
                                     lang=lang if fallback else None,
                                     data_search_exclude=fallback))
        blocks += editorial_notes(site, [note for note in article.notes if note.eid == element.eid])
    return blocks


def document_text(site: Site, ordinance: model.Ordinance, paragraphs: list[model.Paragraph] | None = None,
                  cls: str = "ls-para") -> list[str]:
    """A document without articles (a 决定): its paragraphs, each with its eId (para_3)
    as id, in the official Chinese or its translation (the Chinese marked so, for want
    of one). Given `paragraphs`, those (a preamble's: preamble__para_1)."""
    blocks = []
    for paragraph in ordinance.paragraphs if paragraphs is None else paragraphs:
        text, lang = site.lang.text(ordinance, paragraph.eid, paragraph.text)
        fallback = lang != site.lang.html_lang
        blocks.append(markup.element("p", markup.escape(text), id=paragraph.eid,
                                     cls=cls + (" ls-fallback" if fallback else ""),
                                     lang=lang if fallback else None))
    return blocks


def preamble_text(site: Site, ordinance: model.Ordinance) -> list[str]:
    """The preamble, before 第一条 (empty for most ordinances)."""
    if not ordinance.preamble:
        return []
    return ['<div class="ls-preamble" markdown>\n\n' +
            "\n\n".join(document_text(site, ordinance, ordinance.preamble, "ls-para ls-preamble-para")) +
            "\n\n</div>"]


def editorial_notes(site: Site, notes: list[model.Note]) -> list[str]:
    """Where the source is defective, or the editor corrected it: one note each, beside
    the text, never part of it (left out of search)."""
    return [notice(f'{site.labels("note")}{"：" if site.lang.official else ": "}'
                   f'{site.labels("note_" + note.kind, what=note.what)}', "ls-note ls-editorial")
            for note in notes]


def spans(site: Site, ordinance: model.Ordinance, eid: str, here: str) -> list[annotate.Span]:
    """The cross-links of an element's (official) text, for the page at `here`:
    references to provisions, external laws, and uses of defined terms."""
    corpus, found = site.corpus, []
    if corpus is None:
        return found
    for reference in corpus.references.get(f"{ordinance.slug}/{eid}", []):
        if reference.kind == "external":
            found.append(annotate.Span(reference.start, reference.end, "external"))
        elif reference.kind == "internal":
            target, anchor = provision_page(site, reference.slug, reference.target, here)
            found.append(annotate.Span(reference.start, reference.end, "link", target, anchor))
    for start, end, definition in corpus.term_uses.get(ordinance.slug, {}).get(eid, []):
        target, anchor = provision_page(site, definition.slug, definition.eid, here)
        found.append(annotate.Span(start, end, "term", target, anchor, definition.text))
    return found


def provision_page(site: Site, slug: str, eid: str, here: str) -> tuple[str, str]:
    """(relative .md path, anchor) of a provision as seen from the page at `here`: an
    article's element on its article page — or on this page, when this is the
    full text it is in; a chapter or section on its chapter page; "" the ordinance."""
    parsed = EId.parse(eid) if eid else None
    if parsed is None:
        path = site.path(urls.ordinance_path(slug))
    elif parsed.in_article:
        path = site.path(urls.article_path(slug, parsed.article_number()))
        if here == site.path(urls.full_text_path(slug)):
            path = here
    else:
        path = site.path(urls.chapter_path(slug, parsed.chapter))
    anchor = eid if parsed is not None and parsed.kind != "chapter" else ""
    return ("" if path == here else urls.relative(here, path)), anchor


def preview(site: Site, ordinance: model.Ordinance, article: model.Article) -> str:
    text = "".join(getattr(e, "label", "") + site.lang.text(ordinance, e.eid, e.text)[0]
                   for _, e in article.elements())
    return text if len(text) <= PREVIEW else text[:PREVIEW] + "……"


def untranslated(site: Site, ordinance: model.Ordinance, article: model.Article) -> bool:
    return any(site.lang.text(ordinance, e.eid, e.text)[1] != site.lang.html_lang
               for _, e in article.elements())


def untranslated_mark(site: Site) -> str:
    """The visible mark beside official Chinese that stands in for a missing translation
    (a chapter's preview, a title, a quoted sentence): never on the official tree."""
    return "" if site.lang.official else \
        f' <span class="ls-untranslated">{markup.escape(site.labels("untranslated"))}</span>'


# -- shared parts -----------------------------------------------------------------------

def notice(text: str, cls: str = "ls-notice") -> str:
    return templates.render("notice.html", text=text, cls=cls)


def translation_notices(site: Site, ordinance: model.Ordinance, article: model.Article) -> list[str]:
    if site.lang.official:
        return []
    if untranslated(site, ordinance, article):
        return [notice(site.labels("fallback_article_notice"), "ls-notice ls-notice--fallback")]
    return [unofficial_notice(site, ordinance)]


def unofficial_notice(site: Site, ordinance: model.Ordinance) -> str:
    """On a translated page: unofficial, and of what date."""
    translated = site.lang.translations.get(ordinance.slug, i18n.Translation()).date
    dated = " " + site.labels("translation_dated", date=site.labels.date(translated)) if translated else ""
    return notice(site.labels("unofficial_notice") + dated)


def english_citation(site: Site, ordinance: model.Ordinance, work: cite.Work, eid: str, count: int) -> str:
    """The English citation: it cites an unofficial translation, dated when the
    ordinance's English translation gives its date."""
    return cite.en(work, eid, count) + cite.unofficial(translation_date(site, ordinance))


def translation_date(site: Site, ordinance: model.Ordinance):
    """The date of the ordinance's English translation (None when it gives none)."""
    translations = [lang.translations.get(ordinance.slug) for lang in
                    (site.corpus.languages or [site.lang]) if lang.code == "en"]
    return translations[0].date if translations and translations[0] else None


def title_markup(site: Site, ordinance: model.Ordinance) -> str:
    """The title in the page's language, escaped; the Chinese title that stands in for
    a missing English one is marked lang="zh-CN"."""
    title = markup.escape(site.lang.title(ordinance))
    if site.lang.title_lang(ordinance) != site.lang.html_lang:
        return markup.element("span", title, span=False, lang=site.lang.title_lang(ordinance)) \
            + untranslated_mark(site)
    return title


def history_line(ordinance: model.Ordinance) -> str:
    """The 题注, as printed under the title (always the official Chinese)."""
    text = markup.escape("（" + "　".join(ordinance.history) + "）")
    return markup.element("p", text, cls="ls-history", lang="zh-CN")


# -- article pages ---------------------------------------------------------------------------

def article_page(site: Site, ordinance: model.Ordinance, article: model.Article) -> Page:
    lang, slug = site.lang, ordinance.slug
    path = site.path(urls.article_path(slug, article.number))
    trail = [(lang.title(ordinance), site.path(urls.ordinance_path(slug)))]
    if article.chapter:
        chapter = ordinance.chapter(article.chapter)
        trail.append((lang.heading(ordinance, chapter)[0],
                      site.path(urls.chapter_path(slug, chapter.number))))
        if article.section:
            trail.append((lang.heading(ordinance, chapter.sections[article.section - 1])[0],
                          site.path(urls.chapter_path(slug, chapter.number))))
    label = lang.article_label(article)
    mentions = site.mentions.get(slug, {}).get(article.number, [])
    chips = department_pages.chips(site, site.vocabulary, mentions, path) if site.vocabulary else ""
    body = [breadcrumb(site, path, trail),
            law_header(site, ordinance, path),
            markup.heading(1, markup.escape(label), article.eid),
            *version_pages.banner(site, ordinance, path, article),
            *([chips] if chips else []),
            *translation_notices(site, ordinance, article),
            *article_text(site, ordinance, article),
            *side_by_side(site, ordinance, article),
            citation_box(site, ordinance, article),
            *version_pages.article_history(site, ordinance, article, path),
            *compare_pages.parallels_section(site, ordinance, article, path),
            prev_next(site, ordinance, article, path),
            markup.element("p", markup.link(markup.escape(site.labels("view_in_full_text")),
                                            urls.relative(path, site.path(urls.full_text_path(slug))),
                                            article.eid), cls="ls-fulltext-link",
                           data_search_exclude=True)]
    title = lang.title(ordinance)
    description = f"{title} {label}: {preview(site, ordinance, article)}" if not lang.official \
        else f"《{title}》{label}　{preview(site, ordinance, article)}"
    # in the titles (plain text, no markup), a title with bidi controls is isolated
    shown = markup.isolate(title)
    meta = page_meta(site, lang.labels("page_title", page=label, whole=shown),
                     description, search_title=f"{markup.isolate(lang.short_title(ordinance))} {label}",
                     hide=["toc"], tags=(tags := search_tags(site, ordinance, article, mentions)),
                     pagefind=search_fields.article(site, ordinance, article, tags),
                     head=head.article_head(ordinance, article, site.url(urls.article_path(slug, article.number)),
                                            site.url(urls.ordinance_path(slug)), description,
                                            lang, label))
    return Page(path, meta, body)


def law_header(site: Site, ordinance: model.Ordinance, path: str) -> str:
    """Which law an article is, above its heading, on screen and in print: the title
    (a link to the ordinance), its status, its 施行日期 and the version of its text."""
    labels, meta = site.labels, ordinance.meta
    title = markup.link(title_markup(site, ordinance),
                        urls.relative(path, site.path(urls.ordinance_path(ordinance.slug))))
    effective = labels.date(meta["effective"]) if meta.get("effective") else labels("unknown")
    status = version_pages.status_text(site, ordinance) if version_pages.chain(site, ordinance) \
        else labels(meta["status"])                  # a work of several versions: from their dates
    facts = [status, f'{labels("effective_date")} {effective}', version_label(site, ordinance)]
    shown = "".join(f'<span class="ls-law__fact">{markup.escape(fact)}</span>' for fact in facts)
    return markup.element("div", f'<span class="ls-law__title">{title}</span>'
                                 f'<span class="ls-law__facts">{shown}</span>',
                          cls="ls-law", data_search_exclude=True)


def version_label(site: Site, ordinance: model.Ordinance) -> str:
    """2024年10月22日文本: the text's version date, else its last amendment's, else its
    adoption's; 文本版本日期不详 when none is known."""
    meta = ordinance.meta
    amended = cite.work(meta).amended
    date = meta.get("version_date") or (amended and datetime.date.fromisoformat(amended)) \
        or (meta.get("enacted") or {}).get("date")
    return site.labels("text_of", date=site.labels.date(date)) if date else site.labels("version_unknown")


def search_tags(site: Site, ordinance: model.Ordinance, article: model.Article, mentions) -> list[str]:
    """Words the search weighs most for this article (front matter `tags`, indexed
    whole, not shown): the ordinance's short name, the article's label in the ways
    people type it (第二十八条, 第28条, 28条, 28; 第二十条之一, 第20条之一, 20条之一),
    and the departments it names as actors."""
    number, short = article.number, site.lang.short_title(ordinance)
    if site.lang.official and number.inserted:
        suffix = f"条之{from_int(number.inserted)}"
        tags = [short, article.label, number.zh, f"第{number.base}{suffix}", f"{number.base}{suffix}"]
    elif site.lang.official:
        tags = [short, article.label, number.zh, f"第{number}条", f"{number}条", str(number)]
    else:
        tags = [short, site.lang.article_label(article)]
    if site.vocabulary:
        tags += [department_pages.name(site, site.vocabulary.actor(slug))
                 for slug in department_pages.actors_of(mentions)]
    return list(dict.fromkeys(tags))           # once each: 第21条 is both the label and 第21条


def side_by_side(site: Site, ordinance: model.Ordinance, article: model.Article) -> list[str]:
    """On a translated page, the official Chinese beside the translation, 款 by 款."""
    if site.lang.official:
        return []
    rows = []
    for _, element in article.elements():
        translated, lang = site.lang.text(ordinance, element.eid, element.text)
        if lang != site.lang.html_lang:
            continue
        label = getattr(element, "label", "")
        rows.append({"official": label + element.text, "translated": label + translated})
    if not rows:
        return []
    return [templates.render("side_by_side.html", rows=rows, lang=site.lang.html_lang,
                             summary=site.labels("side_by_side"),
                             official_head=site.labels("official_text"),
                             translation_head=site.labels("translation"))]


def citation_box(site: Site, ordinance: model.Ordinance, article: model.Article) -> str:
    """The article's citation in each form, each with a copy button. Plain HTML
    (no Markdown inside), escaped here; excluded from search."""
    labels, work = site.labels, cite.work(ordinance.meta, ordinance.old_version)
    url = site.url(urls.article_path(ordinance.slug, article.number))
    count = len(article.paragraphs)
    chinese = (labels("cite_zh"), cite.zh(work, article.eid, count))
    english = (labels("cite_en"), english_citation(site, ordinance, work, article.eid, count))
    if site.lang.official:
        rows = [chinese, english, (labels("cite_gbt"), cite.gbt7714(work, url)), (labels("cite_url"), url)]
    else:       # a translation cites the official Chinese page, and says it read a translation
        official = site.base_url + urls.url(urls.article_path(ordinance.slug, article.number))
        rows = [english, chinese,
                (labels("cite_gbt"), cite.gbt7714_translation(work, official, translation_date(site, ordinance))),
                (labels("cite_url"), url), (labels("official_text"), official)]
    return templates.render(
        "citation_box.html", title=labels("cite"), copy=labels("copy"),
        rows=[{"name": name, "text": text, "shown": text.replace(cite.ACCESSED, labels("accessed")),
               "copy_label": labels("copy_what", what=name)} for name, text in rows])


def prev_next(site: Site, ordinance: model.Ordinance, article: model.Article, path: str) -> str:
    links, position = [], ordinance.position(article.number)
    for index, key, cls in ((position - 1, "previous_article", "ls-prev"),
                            (position + 1, "next_article", "ls-next")):
        if 0 <= index < len(ordinance.articles):
            other = ordinance.articles[index]
            text = (f'<span class="ls-dir">{html.escape(site.labels(key))}</span> '
                    f'{markup.escape(site.lang.article_label(other))}')
            target = urls.relative(path, site.path(urls.article_path(ordinance.slug, other.number)))
            links.append(f'<span class="{cls}">{markup.link(text, target)}</span>')
    return markup.element("nav", " ".join(links), cls="ls-prevnext", data_search_exclude=True,
                          aria_label=f"{site.labels('previous_article')} / {site.labels('next_article')}")


# -- chapter, ordinance and full-text pages --------------------------------------------------

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
        lang = ' lang="zh-CN"' if fallback else ""
        items.append(f"- {markup.link(markup.escape(site.lang.article_label(article)), target)}"
                     f'<span class="ls-preview"{lang}>{markup.escape(preview(site, ordinance, article))}'
                     f'{untranslated_mark(site) if fallback else ""}</span>')
    return ['<div class="ls-articles" markdown>\n\n' + "\n".join(items) + "\n\n</div>"]


def ordinance_page(site: Site, ordinance: model.Ordinance) -> Page:
    lang, labels, slug = site.lang, site.labels, ordinance.slug
    path = site.path(urls.ordinance_path(slug))
    title = lang.title(ordinance)
    body = [markup.heading(1, title_markup(site, ordinance), "ordinance"),
            *version_pages.banner(site, ordinance, path)]
    if not lang.official and lang.title_lang(ordinance) == lang.html_lang:
        body.append(markup.element("p", markup.escape(ordinance.title), cls="ls-original", lang="zh-CN"))
    if ordinance.history:
        body.append(history_line(ordinance))
    body += unverified_notice(site, ordinance)
    body.append(metadata_table(site, ordinance))
    body += amendment_list(site, ordinance) + version_pages.timeline(site, ordinance, path)
    if not lang.official:
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
    body.append(markup.element("p", markup.escape(("" if lang.official else " ").join(
        provenance.account(labels, ordinance))), cls="ls-note ls-account"))
    description = labels("article_count", n=len(ordinance.articles))
    description = f"《{title}》{description}" if lang.official else f"{title}: {description}"
    if ordinance.paragraphs:                        # no articles to count: its opening words
        description = f"《{title}》{ordinance.paragraphs[0].text[:PREVIEW]}" if lang.official else title
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
        pinpoint = cite.pinpoint_zh if site.lang.official else cite.pinpoint_en
        where = pinpoint(paragraphs=len(ordinance.article(parts["article"]).paragraphs), **parts)
        items.append(f"- **{markup.escape(definition.term)}**："
                     f'<span lang="zh-CN">{markup.escape(definition.text)}</span>'
                     f"（{markup.link(markup.escape(site.labels('defined_in', where=where)), target, anchor)}）")
    return [markup.heading(2, markup.escape(site.labels("glossary")), "glossary"),
            '<div class="ls-glossary" markdown>\n\n' + "\n".join(items) + "\n\n</div>"]


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
        items.append(f'- <cite class="ls-extref">{markup.escape(f"《{title}》")}</cite>：' + "、".join(places))
    return [markup.heading(2, markup.escape(site.labels("external_laws")), "external-laws"),
            '<div class="ls-external" markdown>\n\n' + "\n".join(items) + "\n\n</div>"]


def coverage_line(site: Site, ordinance: model.Ordinance) -> str:
    translation = site.lang.translations.get(ordinance.slug, i18n.Translation())
    covered = i18n.coverage(ordinance, translation)
    text = site.labels("coverage_summary", articles=covered.articles, total=covered.total_articles,
                       percent=covered.percent)
    return markup.element("p", f"**{markup.escape(site.labels('translation_coverage'))}**: {markup.escape(text)}",
                          cls="ls-coverage")


def metadata_table(site: Site, ordinance: model.Ordinance) -> str:
    """Bodies and dates, the status, the version; what is not known says so (不详)."""
    labels, meta = site.labels, ordinance.meta
    body = "body" if site.lang.official else f"body_{site.lang.code}"

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
             [labels("status"), status_line(site, meta)]]
    if meta.get("version_date"):
        rows.append([labels("version_date"), labels.date(meta["version_date"])])
    cells = [[markup.escape(cell) for cell in row] for row in rows]
    url = meta.get("official_url")
    cells.append([markup.escape(labels("official_url")),
                  f'<a class="ls-official" href="{markup.attribute(url)}">{markup.escape(url)}</a>' if url
                  else markup.escape(labels("unknown"))])
    return '<div class="ls-meta" markdown>\n\n' + markup.table(["", ""], cells) + "\n\n</div>"


def status_line(site: Site, meta: dict) -> str:
    """现行有效（2026年12月1日核实）: the status, and when it was last verified (or that
    the date is not known)."""
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
        lines.append(f"- {markup.escape(head)}" + (
            "　" + markup.element("span", markup.escape(written), span=False, lang="zh-CN") if written else ""))
    return [markup.heading(2, markup.escape(labels("amendments")), "amendments"), "\n".join(lines)]


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
    if not site.lang.official and f"title_{site.lang.code}" not in meta:
        what.append(labels("no_title_en"))
    if not what:
        return []
    separator = "、" if site.lang.official else "; "
    return [notice(labels("unverified_notice", what=separator.join(what)), "ls-notice ls-notice--unverified")]


def contents(site: Site, ordinance: model.Ordinance, path: str) -> str:
    lang, lines = site.lang, []
    if not ordinance.chapters:
        for article in ordinance.articles:
            target = urls.relative(path, site.path(urls.article_path(ordinance.slug, article.number)))
            lines.append(f"- {markup.link(markup.escape(lang.article_label(article)), target)}")
        return "\n".join(lines)
    for chapter in ordinance.chapters:
        target = urls.relative(path, site.path(urls.chapter_path(ordinance.slug, chapter.number)))
        numbers = chapter.articles + [n for s in chapter.sections for n in s.articles]
        first, last = (lang.article_label(ordinance.article(n)) for n in (min(numbers), max(numbers)))
        # a chapter of one article is that article, not 第六十二条至第六十二条
        span = first if first == last else site.labels("articles_range", first=first, last=last)
        lines.append(f"- {markup.link(markup.escape(lang.heading(ordinance, chapter)[0]), target)}"
                     f'<span class="ls-range">{html.escape(span)}</span>')
        for section in chapter.sections:
            lines.append("    - " + markup.link(markup.escape(lang.heading(ordinance, section)[0]),
                                                target, section.eid))
    return "\n".join(lines)


def full_text_page(site: Site, ordinance: model.Ordinance) -> Page:
    lang, slug = site.lang, ordinance.slug
    path = site.path(urls.full_text_path(slug))
    title = lang.title(ordinance)
    body = [breadcrumb(site, path, [(title, site.path(urls.ordinance_path(slug)))]),
            markup.heading(1, title_markup(site, ordinance), "ordinance"),
            *version_pages.banner(site, ordinance, path)]
    if ordinance.history:
        body.append(history_line(ordinance))
    if not lang.official:
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
            body.append(f'<section class="ls-article" id="{part.eid}" markdown="block">\n\n' +
                        "\n\n".join(article_text(site, ordinance, part, target)) + "\n\n</section>")
    body.append(print_source(site, ordinance, site.url(urls.full_text_path(slug))))
    meta = page_meta(site, site.labels("full_text_title", title=markup.isolate(title)),
                     f"{title} {site.labels('full_text')}", search={"exclude": True})
    return Page(path, meta, body)


def print_source(site: Site, ordinance: model.Ordinance, url: str) -> str:
    """Printed under the full text (hidden on screen): how to cite it, and where it is."""
    work = cite.work(ordinance.meta)
    text = f"《{work.title}》{cite.version_zh(work)}" if site.lang.official else \
        f"{work.title_en}{cite.version_en(work)}{cite.unofficial(translation_date(site, ordinance))}"
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
        lines.append(f"- **{markup.link(title_markup(site, ordinance), target)}**  \n"
                     f'    <span class="ls-facts">{html.escape(facts)}</span>')
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
