"""Model → Markdown pages with front matter, one per ordinance, chapter, article
and full text. Pages read the model; they never decide legal structure.

Pages link to each other by relative .md paths with #eId anchors, which MkDocs
rewrites for pretty URLs (hosted) and for .html files (offline) alike.
"""

from dataclasses import dataclass, field

import yaml

from . import cite, markup, model, urls
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

def article_text(article: model.Article, label_link: str = "") -> list[str]:
    """One HTML element per 款, 项 and 目, each with its eId as id and a pilcrow
    link. With `label_link`, the first 款 starts with the article's label, as
    in printed texts, linking to the article page."""
    blocks = []
    count = len(article.paragraphs)
    for element in article.elements():
        numbers = cite.parts_of(element.eid)
        pinpoint = cite.pinpoint_zh(paragraphs=count, **numbers)
        content = markup.escape(element.text)
        if isinstance(element, model.Paragraph):
            kind = "ls-para"
            if label_link and element.number == 1:
                label = markup.link(markup.escape(article.label), label_link)
                content = f'<strong class="ls-label">{label}</strong>\u3000{content}'
        else:
            kind = "ls-item" if isinstance(element, model.Item) else "ls-subitem"
            content = f'<span class="ls-num">{markup.escape(element.label)}</span>{content}'
        pin = (f'<a class="ls-pin" href="#{element.eid}" aria-label="{markup.attribute(pinpoint)}"'
               f' data-pinpoint="{markup.attribute(pinpoint)}">¶</a>')
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


def article_page(ordinance: model.Ordinance, article: model.Article, labels: Labels) -> Page:
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
            *article_text(article),
            _prev_next(ordinance, article, labels, path),
            markup.element("p", markup.link(labels("view_in_full_text"),
                                            urls.relative(path, urls.full_text_path(slug)),
                                            article.eid), cls="ls-fulltext-link")]
    meta = {"title": f"{article.label}｜{ordinance.title}",
            "description": f"《{ordinance.title}》{article.label}　{preview(article)}",
            "hide": ["toc"]}
    return Page(path, meta, body)


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


def chapter_page(ordinance: model.Ordinance, chapter: model.Chapter, labels: Labels) -> Page:
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


def ordinance_page(ordinance: model.Ordinance, labels: Labels) -> Page:
    slug, meta = ordinance.slug, ordinance.meta
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
    page_meta = {"title": ordinance.title,
                 "description": f"《{ordinance.title}》{labels('article_count', n=len(ordinance.articles))}",
                 "hide": ["toc"]}
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


def full_text_page(ordinance: model.Ordinance, labels: Labels) -> Page:
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
                        "\n\n".join(article_text(part, target)) + "\n\n</section>")
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


def site_pages(ordinances: list[model.Ordinance], labels: Labels) -> list[Page]:
    pages = []
    for ordinance in ordinances:
        pages.append(ordinance_page(ordinance, labels))
        pages += [chapter_page(ordinance, chapter, labels) for chapter in ordinance.chapters]
        pages += [article_page(ordinance, article, labels) for article in ordinance.articles]
        pages.append(full_text_page(ordinance, labels))
    return pages
