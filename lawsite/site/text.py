"""The text of an ordinance on its pages: each 款, 项 and 目 with its eId and pilcrow
(the same elements on the article page and the full text), a document without
articles, a preamble, the editor's notes beside the text, and the parts every page of
an ordinance shares (its title, its 题注, the notices of a translation).

The per-款 HTML (`article_text`) is the hottest path of a build: one paragraph
element per 款, 项 and 目, twice (article page and full text). Its paragraph is
`markup.element`, the one small escaping helper (a Jinja macro costs some 25 µs a
call against 3 µs); the pilcrow and labels inside it are fragments of
`templates/fragments.html`.
"""

from lawsite.model import document as model
from lawsite.model.eid import EId
from lawsite.site import annotate, cite, markup, templates, urls
from lawsite.site.page import Site
from lawsite.site.templates import fragment, safe
from lawsite.translation import i18n

PREVIEW = 40            # characters of an article shown in a chapter's list


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
    citation_of = cite.CITATION[site.lang.code]
    pinpoint_of = cite.PINPOINT[site.lang.code]
    translated = translation_date(site, ordinance)
    blocks += editorial_notes(site, [note for note in article.notes if note.eid in ("", article.eid)])
    for _, element in article.elements():
        numbers = EId.parse(element.eid).numbers()
        text, lang = site.lang.text(ordinance, element.eid, element.text)
        content = annotate.marked_up(text, spans(site, ordinance, element.eid, here)) \
            if lang == "zh-CN" else markup.escape(text)
        if isinstance(element, model.Paragraph):
            kind = "ls-para"
            if label_link and element.number == 1:
                label = markup.link(markup.escape(site.lang.article_label(article)), label_link)
                content = fragment("labelled", safe(label), safe(content))
        elif isinstance(element, model.ItemParagraph):     # a 项's own next paragraph
            kind = "ls-item ls-item-para"
        else:
            kind = "ls-item" if isinstance(element, model.Item) else "ls-subitem"
            if element.label:             # a 项 whose marker the source lost has none (a note says so)
                content = fragment("numbered", safe(markup.escape(element.label)), safe(content))
        label = site.labels("copy_pin", what=pinpoint_of(paragraphs=count, **numbers))
        pin = fragment("pin", element.eid, label, citation_of(work, element.eid, count, translated),
                       site.url(page, element.eid))
        fallback = site.lang.foreign(lang)
        blocks.append(markup.element("p", content + pin, id=element.eid,
                                     cls=kind + (" ls-fallback" if fallback else ""),
                                     lang=fallback, data_search_exclude=bool(fallback)))
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
        fallback = site.lang.foreign(lang)
        blocks.append(markup.element("p", markup.escape(text), id=paragraph.eid,
                                     cls=cls + (" ls-fallback" if fallback else ""), lang=fallback))
    return blocks


def preamble_text(site: Site, ordinance: model.Ordinance) -> list[str]:
    """The preamble, before 第一条 (empty for most ordinances)."""
    if not ordinance.preamble:
        return []
    paragraphs = document_text(site, ordinance, ordinance.preamble, "ls-para ls-preamble-para")
    return [fragment("block", "ls-preamble", safe("\n\n".join(paragraphs)))]


def editorial_notes(site: Site, notes: list[model.Note]) -> list[str]:
    """Where the source is defective, or the editor corrected it: one note each, beside
    the text, never part of it (left out of search)."""
    return [notice(site.labels("labelled", label=site.labels("note"),
                               text=site.labels("note_" + note.kind, what=note.what)), "ls-note ls-editorial")
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
    full text it is in; a chapter or section on its chapter page; "" the ordinance, and
    a paragraph of a document without articles (a 决定's para_3) its ordinance page."""
    parsed = EId.parse(eid) if eid else None
    if parsed is not None and parsed.in_article:
        path = site.path(urls.article_path(slug, parsed.article_number()))
        if here == site.path(urls.full_text_path(slug)):
            path = here
    elif parsed is not None and parsed.chapter is not None:
        path = site.path(urls.chapter_path(slug, parsed.chapter))
    else:
        path = site.path(urls.ordinance_path(slug))
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
    (a chapter's preview, a title, a quoted sentence). Only such text is marked: the
    official tree has none."""
    return fragment("untranslated", safe(markup.escape(site.labels("untranslated"))))


def notice(text: str, cls: str = "ls-notice") -> str:
    return templates.render("notice.html", text=text, cls=cls)


def translation_notices(site: Site, ordinance: model.Ordinance, article: model.Article) -> list[str]:
    """On a page of a translation: that it is unofficial, or that it falls back to the
    Chinese. (The official text has no such notice.)"""
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


def translation_date(site: Site, ordinance: model.Ordinance):
    """The date of the ordinance's English translation (None when it gives none)."""
    translations = [lang.translations.get(ordinance.slug) for lang in
                    (site.corpus.languages or [site.lang]) if lang.code == "en"]
    return translations[0].date if translations and translations[0] else None


def title_markup(site: Site, ordinance: model.Ordinance, escape=markup.escape) -> str:
    """The title in the page's language, escaped (as HTML, or by `escape`: the home
    page's Markdown list); the Chinese title that stands in for a missing English one
    is marked lang="zh-CN"."""
    title = escape(site.lang.title(ordinance))
    if site.lang.title_lang(ordinance) != site.lang.html_lang:
        return markup.element("span", title, span=False, lang=site.lang.title_lang(ordinance)) \
            + untranslated_mark(site)
    return title


def history_line(ordinance: model.Ordinance) -> str:
    """The 题注, as printed under the title (always the official Chinese)."""
    text = markup.escape("（" + "　".join(ordinance.history) + "）")
    return markup.element("p", text, cls="ls-history", lang="zh-CN")
