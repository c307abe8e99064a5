"""Parallel provisions on the site: the related provisions of other ordinances on
each article page, a side-by-side comparison page per pair marking shared and
differing wording, and each ordinance compared article by article with the others
(its chapters are the only topics it claims); likeness is said in words, not numbers.

The pairs come from lawsite.enrich.parallels; only a strong pair (`Parallel.strong`)
has a comparison page, one per pair whichever side it is opened from, and there is
one by-topic page per ordinance: the number of pages grows with the corpus (each
article lists at most parallels.ORDINANCES), not with its square. A pair's page
compares the official Chinese texts, so it exists in the official tree only;
other languages link to it.
"""

from markupsafe import Markup

from lawsite.enrich.parallels import Parallel, compare_articles, likeness
from lawsite.model import document as model
from lawsite.model.eid import EId
from lawsite.site import cite, markup, templates, urls
from lawsite.site.page import Page, breadcrumb, page_meta
from lawsite.site.templates import fragment, safe


def score(site, value: float) -> str:
    """A similarity in words (相同, 高度相似, 部分相似): a number would claim a precision
    that a comparison of wording does not have."""
    return site.labels(f"likeness_{likeness(value)}")


def standard_note(site, ordinance: model.Ordinance, article: model.Article) -> str | None:
    """What a standard clause (enrich.boilerplate) shows instead of related provisions."""
    kind = site.corpus.boilerplate.get((ordinance.slug, article.number)) if site.corpus else None
    return site.labels("standard_clause", kind=site.labels(f"standard_{kind}")) if kind else None


def parallels_section(site, ordinance: model.Ordinance, article: model.Article, here: str) -> list[str]:
    note = standard_note(site, ordinance, article)
    if note:
        return [templates.render("parallels.html", title=site.labels("parallel_provisions"), items=[],
                                 note=note)]
    found = site.corpus.parallels.get((ordinance.slug, article.number), []) if site.corpus else []
    if not found:
        return []
    by_slug = site.corpus.by_slug()
    items = []
    for parallel in found:
        other = by_slug[parallel.other_slug]
        name = f"{site.lang.short_title(other)} {site.lang.article_label(other.article(parallel.other_article))}"
        target = urls.relative(here, site.path(urls.article_path(other.slug, parallel.other_article)))
        compare = urls.relative(here, urls.pair_path(ordinance.slug, article.number,
                                                other.slug, parallel.other_article))
        # the links are Markdown, already escaped (markup.escape): placed as they are
        items.append({"link": Markup(markup.link(markup.escape(name), target)),
                      "score": score(site, parallel.score),
                      "compare": Markup(markup.link(markup.escape(site.labels("compare")), compare, cls="ls-compare"))
                      if parallel.strong else None})
    return [templates.render("parallels.html", title=site.labels("parallel_provisions"), items=items, note=None)]


def pair_page(site, parallel: Parallel, a: model.Ordinance, b: model.Ordinance):
    (a, article_a), (b, article_b) = sorted([(a, a.article(parallel.article)),
                                             (b, b.article(parallel.other_article))],
                                            key=lambda pair: (pair[0].slug, pair[1].number))
    oriented = parallel if parallel.slug == a.slug else parallel.mirrored()
    path = site.path(urls.pair_path(a.slug, article_a.number, b.slug, article_b.number))
    names = [f"{markup.isolate(site.lang.short_title(o))} {site.lang.article_label(x)}"
             for o, x in ((a, article_a), (b, article_b))]
    title = site.labels("compare_title", a=names[0], b=names[1])
    heads = [markup.link(markup.escape(f"{site.lang.title(o)} {site.lang.article_label(x)}"),
                         urls.relative(path, site.path(urls.article_path(o.slug, x.number))))
             for o, x in ((a, article_a), (b, article_b))]
    rows = []
    sides = (("a", a, article_a), ("b", b, article_b))
    for row in compare_articles(article_a, article_b, oriented):
        alone = not (row.eid_a and row.eid_b)
        rows.append([cell(site, row.segments, side, o, x, eid, alone) if eid else None
                     for (side, o, x), eid in zip(sides, (row.eid_a, row.eid_b))])
    body = [breadcrumb(site, path, [(site.lang.title(a), site.path(urls.ordinance_path(a.slug))),
                                    (site.lang.article_label(article_a),
                                     site.path(urls.article_path(a.slug, article_a.number)))]),
            markup.heading(1, markup.escape(title), "compare"),
            markup.element("p", markup.escape(site.labels("compare_intro")) + " " +
                           markup.attribute(site.labels("similarity", score=score(site, parallel.score))),
                           cls="ls-note"),
            fragment("compare_head", [safe(h) for h in heads]),
            comparison(rows)]
    return Page(path, page_meta(site, title, title, hide=["toc"], search={"exclude": True}), body)


def cell(site, segments, side: str, ordinance: model.Ordinance, article: model.Article,
         eid: str, alone: bool) -> Markup:
    """One 款 of a comparison row (side "a" or "b" of the segments), labelled (济南
    第三十八条第二款: the columns stack on a phone). Within a pair of 款, the differing
    words are marked; a 款 with no partner, or sharing too little with it to mark words
    (compare's MIN_SHARED), is marked as a whole. The comparison pages and the
    what-changed pages (version_pages) render their 款 with it, into `comparison`."""
    pinpoint = cite.pinpoint_zh(article.number, EId.parse(eid).paragraph,
                                paragraphs=len(article.paragraphs))
    label = f"{site.lang.short_title(ordinance)} {pinpoint}"
    whole = alone or len(segments) == 1 and segments[0].kind == "diff"
    note = site.labels("compare_alone" if alone else "compare_whole") if whole else ""
    if whole:
        parts = [("".join(getattr(segment, side) for segment in segments), False)]
    else:
        parts = [(getattr(segment, side), segment.kind == "diff" and bool(getattr(segment, side)))
                 for segment in segments]
    return safe(fragment("compare_cell", label, note, whole, parts))


def comparison(rows: list[list[Markup | None]], cls: str = "ls-compare") -> str:
    """The rows of a comparison, each two cells (`cell`), None where a side has no 款."""
    return fragment("comparison", cls, rows)


def topic_page(site, ordinance: model.Ordinance):
    """This ordinance article by article, in the order of its chapters, each with the
    provisions of other ordinances on the same matter."""
    path = site.path(urls.topic_path(ordinance.slug))
    lang = site.lang
    by_slug = site.corpus.by_slug()
    body = [breadcrumb(site, path, [(lang.title(ordinance), site.path(urls.ordinance_path(ordinance.slug)))]),
            markup.heading(1, markup.escape(site.labels("compare_ordinance")), "compare"),
            markup.element("p", markup.escape(site.labels("compare_ordinance_intro")), cls="ls-note")]
    header = [site.labels("compare_ordinance_this"), site.labels("compare_ordinance_others")]
    current = None
    rows: list[list[str]] = []
    for article in ordinance.articles:
        chapter = ordinance.chapter(article.chapter) if article.chapter else None
        if chapter is not current and chapter is not None:
            body += _table(rows, header)
            rows, current = [], chapter
            body.append(markup.heading(2, markup.escape(lang.heading(ordinance, chapter)[0]), chapter.eid))
        target = urls.relative(path, site.path(urls.article_path(ordinance.slug, article.number)))
        found = []
        for parallel in site.corpus.parallels.get((ordinance.slug, article.number), []):
            other = by_slug[parallel.other_slug]
            name = f"{lang.short_title(other)} {lang.article_label(other.article(parallel.other_article))}"
            if parallel.strong:
                target_ = urls.pair_path(ordinance.slug, article.number, other.slug, parallel.other_article)
            else:
                target_ = site.path(urls.article_path(other.slug, parallel.other_article))
            found.append(fragment("scored", safe(markup.link(markup.escape(name), urls.relative(path, target_))),
                                  safe(markup.escape(score(site, parallel.score)))))
        opening, opening_lang = _opening(site, ordinance, article)
        rows.append([fragment("opening", safe(markup.link(markup.escape(lang.article_label(article)), target)),
                              opening_lang, safe(markup.escape(opening))),
                     fragment("lines", [safe(item) for item in found]) or markup.escape(standard_note(site, ordinance, article)
                                                         or site.labels("no_parallel"))])
    body += _table(rows, header)
    title = site.labels("page_title", page=site.labels("compare_ordinance"),
                        whole=markup.isolate(lang.title(ordinance)))
    return Page(path, page_meta(site, title, site.labels("compare_ordinance_intro"), hide=["toc"],
                                search={"exclude": True}), body)


def _opening(site, ordinance: model.Ordinance, article: model.Article) -> tuple[str, str]:
    """The first words of an article (what it is about: Chinese articles have no
    headings), in this language where translated: (text, its HTML language)."""
    first = article.paragraphs[0] if article.paragraphs else None
    if first is None:
        return "", site.lang.html_lang
    text, lang = site.lang.text(ordinance, first.eid, first.text)
    if lang == "zh-CN":
        return (text[:OPENING] + "…" if len(text) > OPENING + 1 else text), lang
    words = text.split()
    return (" ".join(words[:OPENING_WORDS]) + " …" if len(words) > OPENING_WORDS else text), lang


OPENING, OPENING_WORDS = 24, 12   # how much of an article the by-article comparison shows


def _table(rows, header: list[str]) -> list[str]:
    if not rows:
        return []
    header = [markup.escape(h) for h in header]
    return [fragment("block", "ls-topics", safe(markup.table(header, rows)))]


def compare_pages(site) -> list:
    """Every strong pair's comparison page (once per pair) and every ordinance's by-topic page."""
    return [pair_page(site, *pair) for pair in strong_pairs(site)] + \
        [topic_page(site, ordinance) for ordinance in topic_ordinances(site)]


def strong_pairs(site) -> list[tuple[Parallel, model.Ordinance, model.Ordinance]]:
    """Every strong pair once, in order, with its two ordinances: each a page of `pair_page`."""
    corpus = site.corpus
    by_slug = corpus.by_slug()
    found, seen = [], set()
    # a pair's page compares the official texts: it is in the official tree alone
    pairs = sorted(corpus.parallels.items()) if site.lang.has_pair_pages else []
    for (slug, number), parallels in pairs:
        for parallel in parallels:
            path = urls.pair_path(slug, number, parallel.other_slug, parallel.other_article)
            if parallel.strong and path not in seen:
                seen.add(path)
                found.append((parallel, by_slug[slug], by_slug[parallel.other_slug]))
    return found


def topic_ordinances(site) -> list[model.Ordinance]:
    """The ordinances that have a by-topic page in the tree (`topic_page`)."""
    if not site.corpus.parallels:
        return []
    return [ordinance for ordinance in site.corpus.current if site.lang.has_pages(ordinance.slug)]
