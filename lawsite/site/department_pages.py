"""The department index on the site: a page per department listing, ordinance by
ordinance, each provision that names it as an actor with its sentence and
modality; an overview matrix of departments × ordinances; and the chips on each
article page. Reads what lawsite.departments extracted; decides nothing legal.
"""

from lawsite.enrich.departments import MODALITIES, Mention, wording
from lawsite.enrich.vocabulary import Actor, Vocabulary
from lawsite.model import document as model
from lawsite.model.eid import EId
from lawsite.site import cite, markup, urls
from lawsite.site.page import Page, breadcrumb, page_meta
from lawsite.site.templates import fragment, safe

KINDS = ("government", "department", "other")


def name(site, actor: Actor) -> str:
    return site.lang.name(actor)


def actors_of(mentions: list[Mention]) -> list[str]:
    """The actors of an article, in the order they first appear."""
    seen = []
    for mention in mentions:
        if mention.role == "actor" and mention.actor not in seen:
            seen.append(mention.actor)
    return seen


FEW = 5          # chips shown on an article page before the rest are folded away


def chips(site, vocabulary: Vocabulary, mentions: list[Mention], here: str) -> str:
    """Links from an article page to the pages of the departments it names as actors,
    each as this article writes it (departments.wording); beyond FEW folded into a
    <details>; with a note that they are extracted automatically, linking to how."""
    slugs = actors_of(mentions)
    if not slugs:
        return ""
    links = []
    for slug in slugs:
        actor = vocabulary.actor(slug)
        modalities = sorted({m.modality for m in mentions if m.actor == slug and m.role == "actor"},
                            key=MODALITIES.index)
        title = site.labels("modality_separator").join(site.labels(f"modality_{m}") for m in modalities)
        target = urls.relative(here, site.path(urls.department_path(slug)))
        # in the language of the text (Chinese), the actor as the article writes it
        shown = site.lang.name(actor) if site.lang.foreign("zh-CN") else wording(actor, mentions, vocabulary.names)
        # a link to the .md page, which the hook rewrites for pretty URLs and for file://
        links.append(markup.link(markup.escape(shown), target, title=title, cls="ls-chip"))
    label = site.labels("actors")
    how = markup.link(markup.escape(site.labels("actors_extracted")),
                      urls.relative(here, site.path(urls.about_path())), "departments", cls="ls-chips__how-link")
    more = site.labels("actors_more", n=len(links) - FEW) if len(links) > FEW else ""
    return fragment("chips", label, [safe(link) for link in links[:FEW]], [safe(link) for link in links[FEW:]],
                    more, safe(how))


def by_actor(mentions: dict[str, dict[model.ArticleNumber, list[Mention]]]) -> dict[str, dict[str, dict]]:
    """The mentions by actor, then ordinance and article, in their order: read once per
    build, so that a department's page costs its own mentions, not the whole corpus.

    >>> a, b = Mention("a", "actor", "duty", "art_1__para_1", "句。"), Mention("b", "mentioned", None, "art_1__para_1", "句。")
    >>> index = by_actor({"x": {1: [a, b], 2: [a]}, "y": {}})
    >>> sorted(index), index["a"]["x"] == {1: [a], 2: [a]}, index["b"] == {"x": {1: [b]}}
    (['a', 'b'], True, True)
    """
    index: dict[str, dict[str, dict]] = {}
    for slug, articles in mentions.items():
        for number, found in articles.items():
            for mention in found:
                index.setdefault(mention.actor, {}).setdefault(slug, {}).setdefault(number, []).append(mention)
    return index


def department_page(site, vocabulary: Vocabulary, actor: Actor, ordinances: list[model.Ordinance],
                    mentions: dict[str, dict[model.ArticleNumber, list[Mention]]], index: dict | None = None):
    """`index`: `by_actor(mentions)`, if the caller has it already."""
    own = (by_actor(mentions) if index is None else index).get(actor.slug, {})
    path = site.path(urls.department_path(actor.slug))
    shown = name(site, actor)
    other = site.lang.alternate_name(actor)
    body = [breadcrumb(site, path, [(site.labels("departments"), site.path(urls.overview_path()))]),
            markup.heading(1, markup.escape(shown), "department"),
            markup.element("p", markup.escape(other) + "　·　" + markup.escape(site.labels(f"kind_{actor.kind}")),
                           cls="ls-original", lang=site.lang.foreign("zh-CN")),
            markup.element("p", markup.escape(site.labels("department_intro", name=shown)), cls="ls-note")]
    for ordinance in ordinances:
        if ordinance.slug not in own:
            continue
        acting, mentioned = _provisions(actor.slug, own[ordinance.slug])
        if not acting and not mentioned:
            continue
        body.append(markup.heading(2, markup.escape(site.lang.title(ordinance)), ordinance.slug))
        body += _list(site, ordinance, acting, path, with_modality=True)
        if mentioned:
            body.append(markup.heading(3, markup.escape(site.labels("mentioned_only")),
                                       f"{ordinance.slug}-mentioned"))
            body += _list(site, ordinance, mentioned, path, with_modality=False)
    title = site.labels("page_title", page=markup.isolate(shown), whole=site.labels("departments"))
    # left out of search: its sentences are the articles' own, which are indexed (and
    # tagged with the department's name)
    return Page(path, page_meta(site, title, site.labels("department_intro", name=shown),
                                search={"exclude": True}), body)


def _provisions(slug: str, by_article: dict[model.ArticleNumber, list[Mention]]):
    """(article, [mentions of this actor]) where it acts, and where it is only mentioned."""
    acting, mentioned = [], []
    for number in sorted(by_article):
        own = [m for m in by_article[number] if m.actor == slug]
        if any(m.role == "actor" for m in own):
            acting.append((number, [m for m in own if m.role == "actor"]))
        elif own:
            mentioned.append((number, own))
    return acting, mentioned


def _list(site, ordinance: model.Ordinance, provisions, here: str, with_modality: bool) -> list[str]:
    items = []
    for number, own in provisions:
        article = ordinance.article(number)
        seen = set()
        for mention in own:
            if (mention.eid, mention.sentence) in seen:
                continue
            seen.add((mention.eid, mention.sentence))
            target = urls.relative(here, site.path(urls.article_path(ordinance.slug, number)))
            label = markup.link(markup.escape(pinpoint(site, article, mention.eid)), target, mention.eid)
            modalities = sorted({m.modality for m in own if (m.eid, m.sentence) == (mention.eid, mention.sentence)},
                                key=MODALITIES.index) if with_modality else []
            badges = [{"key": m, "name": site.labels(f"modality_{m}")} for m in modalities]
            # the sentence is the official Chinese: marked so on a page in another language
            mark = safe(markup.escape(site.labels("untranslated_quote"))) if site.lang.foreign("zh-CN") else None
            items.append(fragment("provision_item", safe(label), badges, safe(markup.escape(mention.sentence)), mark))
    return [fragment("block", "ls-provisions", safe(markup.bullets(items)), exclude=True)]


def pinpoint(site, article: model.Article, eid: str) -> str:
    """The provision a mention stands in, as cited: 第二十七条第一款, Article 27(1)."""
    at = EId.parse(eid)
    return cite.PINPOINT[site.lang.code](article.number, at.paragraph, at.item, at.subitem, paragraphs=len(article.paragraphs))


def overview_page(site, vocabulary: Vocabulary, ordinances: list[model.Ordinance],
                  counts: dict[str, dict[str, int]]):
    path = site.path(urls.overview_path())
    body = [markup.heading(1, markup.escape(site.labels("departments")), "departments"),
            markup.element("p", markup.escape(site.labels("departments_intro")), cls="ls-note")]
    header = [""] + [markup.escape(site.lang.short_title(o)) for o in ordinances] + [markup.escape(site.labels("total"))]
    for kind in KINDS:
        actors = [a for a in vocabulary.actors if a.kind == kind and sum(counts.get(a.slug, {}).values()) > 0]
        if not actors:
            continue
        body.append(markup.heading(2, markup.escape(site.labels(f"kind_{kind}")), f"kind-{kind}"))
        rows = []
        for actor in sorted(actors, key=lambda a: -sum(counts[a.slug].values())):
            target = urls.relative(path, site.path(urls.department_path(actor.slug)))
            row = [markup.link(markup.escape(name(site, actor)), target)]
            for ordinance in ordinances:
                count = counts[actor.slug].get(ordinance.slug, 0)
                row.append(markup.link(str(count), target, ordinance.slug) if count else "—")
            row.append(str(sum(counts[actor.slug].values())))
            rows.append(row)
        body.append(fragment("block", "ls-matrix", safe(markup.table(header, rows))))
    return Page(path, page_meta(site, site.labels("departments"), site.labels("departments_intro"),
                                hide=["toc"], search={"exclude": True}), body)


def department_pages(site, vocabulary: Vocabulary, ordinances, mentions, counts, actors) -> list:
    """The overview and a page for each of `actors` (those the texts name)."""
    pages = [overview_page(site, vocabulary, ordinances, counts)]
    index = by_actor(mentions)
    pages += [department_page(site, vocabulary, actor, ordinances, mentions, index) for actor in actors]
    return pages
