"""Model → Markdown pages with front matter, one per ordinance, chapter, article
and full text. Pages read the model; they never decide legal structure.

Pages link to each other by relative .md paths with #eId anchors, which MkDocs
rewrites for pretty URLs (hosted) and for .html files (offline) alike.
"""

from dataclasses import dataclass, field

import yaml

import html

from . import cite, head, markup, model, urls
from .labels import Labels

PREVIEW = 40            # characters of an article shown in a chapter's list


@dataclass
class Page:
    path: str                                  # under docs/
    meta: dict                                 # YAML front matter
    body: list[str] = field(default_factory=list)   # Markdown blocks

    def render(self) -> str:
        front = yaml.safe_dump(self.meta, allow_unicode=True, sort_keys=False, width=1000)
        return f"---\n{front}---\n\n" + "\n\n".join(self.body) + "\n"


# -- text of an article: the same elements and eIds on the article page and the full text --

@dataclass(frozen=True)
class Site:
    """What every page needs: the interface labels and the public address."""

    labels: Labels
    base_url: str                 # https://…/ — canonical URLs in citations and metadata

    def url(self, path: str, anchor: str = "") -> str:
        return self.base_url + urls.url(path) + (f"#{anchor}" if anchor else "")


def article_text(site: Site, ordinance: model.Ordinance, article: model.Article,
                 label_link: str = "") -> list[str]:
    """One HTML element per 款, 项 and 目, each with its eId as id and a pilcrow
    that links to it and copies its pinpoint citation with its permanent URL.
    With `label_link`, the first 款 starts with the article's label, as in
    printed texts, linking to the article page."""
    blocks = []
    count = len(article.paragraphs)
    work = cite.work(ordinance.meta)
    page = urls.article_path(ordinance.slug, article.number)
    for element in article.elements():
        numbers = cite.parts_of(element.eid)
        pinpoint = cite.pinpoint_zh(paragraphs=count, **numbers)
        citation = cite.zh(work, element.eid, count)
        content = markup.escape(element.text)
        if isinstance(element, model.Paragraph):
            kind = "ls-para"
            if label_link and element.number == 1:
                label = markup.link(markup.escape(article.label), label_link)
                content = f'<strong class="ls-label">{label}</strong>\u3000{content}'
        else:
            kind = "ls-item" if isinstance(element, model.Item) else "ls-subitem"
            content = f'<span class="ls-num">{markup.escape(element.label)}</span>{content}'
        label = site.labels("copy_pin", what=pinpoint)
        pin = (f'<a class="ls-pin" href="#{element.eid}" aria-label="{markup.attribute(label)}"'
               f' title="{markup.attribute(label)}" data-cite="{markup.attribute(citation)}"'
               f' data-url="{markup.attribute(site.url(page, element.eid))}"'
               f' data-search-exclude>¶</a>')
        blocks.append(markup.element("p", content + pin, id=element.eid, cls=kind))
    return blocks


def preview(article: model.Article) -> str:
    text = article.text()
    return text if len(text) <= PREVIEW else text[:PREVIEW] + "……"


# -- pages --------------------------------------------------------------------------------

def breadcrumb(labels: Labels, here: str, trail: list[tuple[str, str]]) -> str:
    """Links from the page at `here` to each (text, docs path) of `trail`."""
    links = [markup.link(markup.escape(text), urls.relative(here, path)) for text, path in trail]
    return markup.element("nav", " › ".join(links), cls="ls-crumbs",
                          aria_label=labels("breadcrumb"))


def chapter_heading(chapter: model.Chapter | model.Section) -> str:
    return f"{chapter.label}\u3000{chapter.title}"


def article_page(site: Site, ordinance: model.Ordinance, article: model.Article) -> Page:
    labels = site.labels
    slug = ordinance.slug
    path = urls.article_path(slug, article.number)
    trail = [(ordinance.title, urls.ordinance_path(slug))]
    if article.chapter:
        chapter = ordinance.chapter(article.chapter)
        trail.append((chapter_heading(chapter), urls.chapter_path(slug, chapter.number)))
        if article.section:
            trail.append((chapter_heading(chapter.sections[article.section - 1]),
                          urls.chapter_path(slug, chapter.number)))
    body = [breadcrumb(labels, path, trail),
            markup.heading(1, markup.escape(article.label), article.eid),
            *article_text(site, ordinance, article),
            citation_box(site, ordinance, article),
            _prev_next(ordinance, article, labels, path),
            markup.element("p", markup.link(labels("view_in_full_text"),
                                            urls.relative(path, urls.full_text_path(slug)),
                                            article.eid), cls="ls-fulltext-link")]
    description = f"《{ordinance.title}》{article.label}　{preview(article)}"
    meta = {"title": f"{article.label}｜{ordinance.title}",
            "description": description,
            "hide": ["toc"],
            "head": head.article_head(ordinance, article, site.url(path),
                                      site.url(urls.ordinance_path(slug)), description)}
    return Page(path, meta, body)


def citation_box(site: Site, ordinance: model.Ordinance, article: model.Article) -> str:
    """The article's citation in each form, each with a copy button. Plain HTML
    (no Markdown inside), escaped here; excluded from search."""
    labels, work = site.labels, cite.work(ordinance.meta)
    url = site.url(urls.article_path(ordinance.slug, article.number))
    count = len(article.paragraphs)
    rows = [(labels("cite_zh"), cite.zh(work, article.eid, count)),
            (labels("cite_en"), cite.en(work, article.eid, count)),
            (labels("cite_gbt"), cite.gbt7714(work, url)),
            (labels("cite_url"), url)]
    lines = [f'<section class="ls-cite" aria-labelledby="cite-{article.eid}" data-search-exclude>',
             f'<h2 class="ls-cite__title" id="cite-{article.eid}">{html.escape(labels("cite"))}</h2>',
             "<dl>"]
    for name, text in rows:
        shown = text.replace(cite.ACCESSED, labels("accessed"))
        lines.append(
            f'<div class="ls-cite__row"><dt>{html.escape(name)}</dt><dd>'
            f'<span class="ls-cite__text">{html.escape(shown)}</span>'
            f'<button type="button" class="ls-copy md-button" data-copy="{markup.attribute(text)}"'
            f' aria-label="{markup.attribute(labels("copy_what", what=name))}">'
            f'{html.escape(labels("copy"))}</button></dd></div>')
    lines += ["</dl>", "</section>"]
    return "\n".join(lines)


def _prev_next(ordinance: model.Ordinance, article: model.Article, labels: Labels,
               path: str) -> str:
    links = []
    for number, key, cls in ((article.number - 1, "previous_article", "ls-prev"),
                             (article.number + 1, "next_article", "ls-next")):
        if 1 <= number <= len(ordinance.articles):
            other = ordinance.article(number)
            text = f'<span class="ls-dir">{labels(key)}</span> {markup.escape(other.label)}'
            target = urls.relative(path, urls.article_path(ordinance.slug, number))
            links.append(f'<span class="{cls}">{markup.link(text, target)}</span>')
    return markup.element("nav", " ".join(links), cls="ls-prevnext",
                          aria_label=f"{labels('previous_article')}/{labels('next_article')}")


def chapter_page(site: Site, ordinance: model.Ordinance, chapter: model.Chapter) -> Page:
    labels = site.labels
    slug = ordinance.slug
    path = urls.chapter_path(slug, chapter.number)
    body = [breadcrumb(labels, path, [(ordinance.title, urls.ordinance_path(slug))]),
            markup.heading(1, markup.escape(chapter_heading(chapter)), chapter.eid)]
    body += _article_list(ordinance, chapter.articles, path)
    for section in chapter.sections:
        body.append(markup.heading(2, markup.escape(chapter_heading(section)), section.eid))
        body += _article_list(ordinance, section.articles, path)
    meta = {"title": f"{chapter.label}　{chapter.title}｜{ordinance.title}",
            "description": f"《{ordinance.title}》{chapter_heading(chapter)}"}
    return Page(path, meta, body)


def _article_list(ordinance: model.Ordinance, numbers: list[int], path: str) -> list[str]:
    if not numbers:
        return []
    items = []
    for number in numbers:
        article = ordinance.article(number)
        target = urls.relative(path, urls.article_path(ordinance.slug, number))
        items.append(f"- {markup.link(markup.escape(article.label), target)}"
                     f'<span class="ls-preview">{markup.escape(preview(article))}</span>')
    return ['<div class="ls-articles" markdown>\n\n' + "\n".join(items) + "\n\n</div>"]


def ordinance_page(site: Site, ordinance: model.Ordinance) -> Page:
    labels = site.labels
    slug = ordinance.slug
    path = urls.ordinance_path(slug)
    body = [markup.heading(1, markup.escape(ordinance.title), "ordinance")]
    if ordinance.history:
        body.append(markup.element("p", markup.escape("（" + "　".join(ordinance.history) + "）"),
                                   cls="ls-history"))
    body.append(metadata_table(ordinance, labels))
    body.append(markup.heading(2, labels("contents"), "contents"))
    body.append(_contents(ordinance, labels, path))
    full_text = markup.link(labels("print_full_text"), urls.relative(path, urls.full_text_path(slug)))
    data = markup.link(labels("download_data"), urls.relative(path, "data/corpus.json"))
    body.append(markup.element("p", f"{full_text}　·　{data}", cls="ls-actions"))
    body.append(markup.heading(2, labels("repairs"), "repairs"))
    repairs = len(ordinance.repairs)
    body.append(markup.element("p", labels("repairs_summary", n=repairs) if repairs
                               else labels("repairs_none"), cls="ls-note"))
    description = f"《{ordinance.title}》{labels('article_count', n=len(ordinance.articles))}"
    page_meta = {"title": ordinance.title, "description": description, "hide": ["toc"],
                 "head": head.ordinance_head(ordinance, site.url(path), description)}
    return Page(path, page_meta, body)


def metadata_table(ordinance: model.Ordinance, labels: Labels) -> str:
    meta = ordinance.meta
    rows = [[labels("enacting_body"), markup.escape(meta["enacted"]["body"])],
            [labels("adopted_on"), labels.date(meta["enacted"]["date"])]]
    if meta.get("approved"):
        rows += [[labels("approving_body"), markup.escape(meta["approved"]["body"])],
                 [labels("approved_on"), labels.date(meta["approved"]["date"])]]
    rows += [[labels("effective_date"), labels.date(meta["effective"])],
             [labels("status"), labels(meta["status"])]]
    return '<div class="ls-meta" markdown>\n\n' + markup.table(["", ""], rows) + "\n\n</div>"


def _contents(ordinance: model.Ordinance, labels: Labels, path: str) -> str:
    lines = []
    if not ordinance.chapters:
        for article in ordinance.articles:
            target = urls.relative(path, urls.article_path(ordinance.slug, article.number))
            lines.append(f"- {markup.link(markup.escape(article.label), target)}")
        return "\n".join(lines)
    for chapter in ordinance.chapters:
        target = urls.relative(path, urls.chapter_path(ordinance.slug, chapter.number))
        numbers = chapter.articles + [n for s in chapter.sections for n in s.articles]
        span = labels("articles_range", first=ordinance.article(min(numbers)).label,
                      last=ordinance.article(max(numbers)).label)
        lines.append(f"- {markup.link(markup.escape(chapter_heading(chapter)), target)}"
                     f'<span class="ls-range">{span}</span>')
        for section in chapter.sections:
            lines.append(f"    - {markup.link(markup.escape(chapter_heading(section)), target, section.eid)}")
    return "\n".join(lines)


def full_text_page(site: Site, ordinance: model.Ordinance) -> Page:
    labels = site.labels
    slug = ordinance.slug
    path = urls.full_text_path(slug)
    body = [breadcrumb(labels, path, [(ordinance.title, urls.ordinance_path(slug))]),
            markup.heading(1, markup.escape(ordinance.title), "ordinance")]
    if ordinance.history:
        body.append(markup.element("p", markup.escape("（" + "　".join(ordinance.history) + "）"),
                                   cls="ls-history"))
    for part in ordinance.outline():
        if isinstance(part, model.Chapter):
            body.append(markup.heading(2, markup.escape(chapter_heading(part)), part.eid, "ls-chapter"))
        elif isinstance(part, model.Section):
            body.append(markup.heading(3, markup.escape(chapter_heading(part)), part.eid, "ls-section"))
        else:
            target = urls.relative(path, urls.article_path(slug, part.number))
            body.append(f'<section class="ls-article" id="{part.eid}" markdown="block">\n\n' +
                        "\n\n".join(article_text(site, ordinance, part, target)) + "\n\n</section>")
    meta = {"title": labels("full_text_title", title=ordinance.title),
            "description": f"《{ordinance.title}》{labels('full_text')}",
            "search": {"exclude": True}}
    return Page(path, meta, body)


def ordinance_list(ordinances: list[model.Ordinance], labels: Labels, here: str) -> str:
    """The home page's list of ordinances (included into the hand-written page)."""
    lines = []
    for ordinance in ordinances:
        meta = ordinance.meta
        target = urls.relative(here, urls.ordinance_path(ordinance.slug))
        facts = "　".join([labels(meta["status"]),
                          f'{labels("effective_date")} {labels.date(meta["effective"])}',
                          labels("article_count", n=len(ordinance.articles))])
        lines.append(f"- **{markup.link(markup.escape(ordinance.title), target)}**  \n"
                     f'    <span class="ls-facts">{facts}</span>')
    return "\n".join(lines) + "\n"


def site_pages(site: Site, ordinances: list[model.Ordinance]) -> list[Page]:
    pages = []
    for ordinance in ordinances:
        pages.append(ordinance_page(site, ordinance))
        pages += [chapter_page(site, ordinance, chapter) for chapter in ordinance.chapters]
        pages += [article_page(site, ordinance, article) for article in ordinance.articles]
        pages.append(full_text_page(site, ordinance))
    return pages
