"""An article's page: which law it is (the header above its heading), its text, the
official Chinese beside a translation, its citation in every form, its history,
related provisions, the previous and next articles, and what search knows of it."""

import datetime

from lawsite.model import document as model
from lawsite.site import (cite, compare_pages, department_pages, head, markup, search_fields, templates, urls,
                          version_pages)
from lawsite.site.page import Page, Site, breadcrumb, page_meta
from lawsite.site.templates import fragment, safe
from lawsite.site.text import article_text, preview, title_markup, translation_date, translation_notices


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
    description = site.labels("article_description", title=title, article=label,
                              text=preview(site, ordinance, article))
    # in the titles (plain text, no markup), a title with bidi controls is isolated
    shown = markup.isolate(title)
    tags = search_tags(site, ordinance, article, mentions)
    meta = page_meta(site, lang.labels("page_title", page=label, whole=shown),
                     description, search_title=f"{markup.isolate(lang.short_title(ordinance))} {label}",
                     hide=["toc"], tags=tags,
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
    return fragment("law_header", safe(title), [safe(markup.escape(fact)) for fact in facts])


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
    people type it (search_fields.TAG_FORMS: 第二十八条, 第28条, 28条, 28; 第二十条之一,
    第20条之一, 20条之一), and the departments it names as actors."""
    tags = [site.lang.short_title(ordinance), *search_fields.TAG_FORMS[site.lang.code](site.lang, article)]
    if site.vocabulary:
        tags += [site.lang.name(site.vocabulary.actor(slug)) for slug in department_pages.actors_of(mentions)]
    return list(dict.fromkeys(tags))           # once each: 第21条 is both the label and 第21条


def side_by_side(site: Site, ordinance: model.Ordinance, article: model.Article) -> list[str]:
    """On a translated page, the official Chinese beside the translation, 款 by 款."""
    if site.lang.official:                     # the official text: nothing beside it
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
    (no Markdown inside), escaped by its template; excluded from search."""
    labels, work = site.labels, cite.work(ordinance.meta, ordinance.old_version)
    url = site.url(urls.article_path(ordinance.slug, article.number))
    count = len(article.paragraphs)
    chinese = (labels("cite_zh"), cite.zh(work, article.eid, count))
    english = (labels("cite_en"), cite.translation(work, article.eid, count, translation_date(site, ordinance)))
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
            links.append({"cls": cls, "direction": site.labels(key),
                          "label": safe(markup.escape(site.lang.article_label(other))),
                          "target": urls.relative(path, site.path(urls.article_path(ordinance.slug, other.number)))})
    return fragment("prev_next", f"{site.labels('previous_article')} / {site.labels('next_article')}", links)
