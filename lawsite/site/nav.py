"""The site navigation: ordinance › chapter › (section ›) articles, per language.

Written by the build as docs/.nav.yml and loaded by the MkDocs hook, so adding
an ordinance changes the navigation without touching mkdocs.yml. The Chinese
tree is the navigation's top level; each other language is one section of it,
which the hook shows as the whole navigation on that language's pages. Material
renders only the open branch of it on each page (navigation.prune).
"""

import html

from lawsite.model import document as model
from lawsite.site import markup, urls
from lawsite.translation import i18n


def ordinance_nav(ordinance: model.Ordinance, lang: i18n.Language, compared: bool = False) -> dict:
    slug = ordinance.slug
    if not lang.has_pages(slug):             # its one page: the Chinese pages are not in this tree
        return {lang.title(ordinance): lang.path(urls.ordinance_path(slug))}
    children: list = [lang.path(urls.ordinance_path(slug))]
    for chapter in ordinance.chapters:
        entries: list = [lang.path(urls.chapter_path(slug, chapter.number))]
        entries += [_article(ordinance, number, lang) for number in chapter.articles]
        for section in chapter.sections:
            entries.append({lang.heading(ordinance, section)[0]:
                            [_article(ordinance, n, lang) for n in section.articles]})
        heading, heading_lang = lang.heading(ordinance, chapter)
        children.append({heading + _mark(lang, heading_lang): entries})
    if not ordinance.chapters:
        children += [_article(ordinance, a.number, lang) for a in ordinance.articles]
    children.append({lang.labels("full_text"): lang.path(urls.full_text_path(slug))})
    if compared:
        children.append({lang.labels("compare_ordinance"): lang.path(urls.topic_path(slug))})
    return {lang.title(ordinance) + _mark(lang, lang.title_lang(ordinance)): children}


def _mark(lang: i18n.Language, shown: str) -> str:
    """" (untranslated)" after an entry shown in the official Chinese for want of a
    translation (a title, a chapter heading, an article's text)."""
    return f" ({lang.labels('untranslated')})" if lang.foreign(shown) else ""


def _article(ordinance: model.Ordinance, number: model.ArticleNumber, lang: i18n.Language) -> dict:
    article = ordinance.article(number)
    shown = next((lang.text(ordinance, e.eid, e.text)[1] for _, e in article.elements()
                  if lang.text(ordinance, e.eid, e.text)[1] != lang.html_lang), lang.html_lang)
    return {lang.article_label(article) + _mark(lang, shown):
            lang.path(urls.article_path(ordinance.slug, number))}


def departments_nav(lang: i18n.Language, actors) -> dict:
    pages: list = [lang.path(urls.overview_path())]
    pages += [{lang.name(actor):
               lang.path(urls.department_path(actor.slug))} for actor in actors]
    return {lang.labels("departments"): pages}


GROUP_ABOVE = 12     # more ordinances than this: the navigation groups them by province


def ordinances_nav(ordinances: list[model.Ordinance], lang: i18n.Language, compared: bool) -> list:
    """The ordinances, grouped by province when there are many, so that a page carries
    only its own branch of the navigation (each level a few dozen items at most)."""
    if len(ordinances) <= GROUP_ABOVE:
        return [ordinance_nav(ordinance, lang, compared) for ordinance in ordinances]
    key = f"province{lang.suffix}"
    provinces: dict[str, list] = {}
    for ordinance in ordinances:
        provinces.setdefault(ordinance.meta["jurisdiction"][key], []).append(
            ordinance_nav(ordinance, lang, compared))
    return [{province: items} for province, items in provinces.items()]


def tree(ordinances: list[model.Ordinance], lang: i18n.Language, actors=None, compared=False) -> list:
    labels = lang.labels
    items = [{labels("home"): lang.path("index.md")}]
    items += ordinances_nav(ordinances, lang, compared)
    if actors is not None:                 # a vocabulary: the index, even with no department named
        items.append(departments_nav(lang, actors))
    items += [{labels("about"): lang.path("about.md")}, {labels("downloads"): lang.path("downloads/index.md")},
              {labels("data"): lang.path("data.md")}]
    return items


def escaped(nav):
    """Navigation titles, HTML-escaped: Material prints them unescaped (in the sidebar,
    and as the page title in the header), and a chapter title is legal text. A title
    with bidi controls is isolated (markup.isolate)."""
    if isinstance(nav, list):
        return [escaped(item) for item in nav]
    if isinstance(nav, dict):
        return {html.escape(markup.isolate(title)): escaped(value) for title, value in nav.items()}
    return nav


def site_nav(ordinances: list[model.Ordinance], languages: list[i18n.Language], actors=None,
             compared: bool = False) -> list:
    """`actors` are those with a department page, in the order of the vocabulary (None
    without a vocabulary, and so without a department index);
    `compared`: the ordinances have by-topic comparison pages. (The comparison page
    of each pair of articles is reached from the articles, not the navigation.)"""
    official, *others = languages
    nav = tree(ordinances, official, actors, compared)
    for lang in others:
        nav.append({lang.labels("language_name"): tree(ordinances, lang, actors, compared)})
    return escaped(nav)
