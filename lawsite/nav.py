"""The site navigation: ordinance › chapter › (section ›) articles.

Written by the build as docs/.nav.yml and loaded by the MkDocs hook, so adding
an ordinance changes the navigation without touching mkdocs.yml. Material
renders only the open branch of it on each page (navigation.prune), so a page
does not carry the whole tree.
"""

from . import model, urls
from .labels import Labels


def ordinance_nav(ordinance: model.Ordinance, labels: Labels, prefix: str = "") -> dict:
    slug = ordinance.slug
    children = [prefix + urls.ordinance_path(slug)]
    for chapter in ordinance.chapters:
        entries = [prefix + urls.chapter_path(slug, chapter.number)]
        entries += [_article(slug, number, ordinance, prefix) for number in chapter.articles]
        for section in chapter.sections:
            entries.append({f"{section.label}　{section.title}":
                            [_article(slug, n, ordinance, prefix) for n in section.articles]})
        children.append({f"{chapter.label}　{chapter.title}": entries})
    if not ordinance.chapters:
        children += [_article(slug, a.number, ordinance, prefix) for a in ordinance.articles]
    children.append({labels("full_text"): prefix + urls.full_text_path(slug)})
    return {ordinance.title: children}


def _article(slug: str, number: int, ordinance: model.Ordinance, prefix: str) -> dict:
    return {ordinance.article(number).label: prefix + urls.article_path(slug, number)}


def site_nav(ordinances: list[model.Ordinance], labels: Labels) -> list:
    nav = [{labels("home"): "index.md"}]
    nav += [ordinance_nav(ordinance, labels) for ordinance in ordinances]
    nav += [{labels("about"): "about.md"}, {labels("data"): "data.md"}]
    return nav
