"""Machine-readable metadata for a page's <head>: citation_* (Highwire Press, read
by Zotero and Google Scholar), Dublin Core, Open Graph, and JSON-LD of schema.org
`Legislation`. Computed here; the template only places it.
"""

from lawsite.model import document as model
from lawsite.model import frbr
from lawsite.site import cite

LEGAL_FORCE = {"in_force": "https://schema.org/InForce",
               "not_yet_in_force": "https://schema.org/NotInForce",
               "repealed": "https://schema.org/NotInForce"}


LOCALES = {"zh": "zh_CN", "en": "en_US"}


def _tags(title: str, url: str, description: str, meta: dict, lang) -> list[dict]:
    work = cite.work(meta)
    author = meta["enacted"]["body"]
    tags = [
        {"name": "citation_title", "content": title},
        {"name": "citation_author", "content": author},
        {"name": "citation_publication_date", "content": work.date.replace("-", "/")},
        {"name": "citation_date", "content": work.date.replace("-", "/")},
        {"name": "citation_publisher", "content": author},
        {"name": "citation_language", "content": lang.code},
        {"name": "citation_public_url", "content": url},
        {"name": "DC.title", "content": title},
        {"name": "DC.creator", "content": author},
        {"name": "DC.publisher", "content": author},
        {"name": "DC.date", "content": work.date},
        {"name": "DC.identifier", "content": url},
        {"name": "DC.type", "content": "Legislation"},
        {"name": "DC.language", "content": lang.html_lang},
        {"property": "og:type", "content": "article"},
        {"property": "og:title", "content": title},
        {"property": "og:description", "content": description},
        {"property": "og:url", "content": url},
        {"property": "og:locale", "content": LOCALES.get(lang.code, lang.code)},
    ]
    return tags


def _work_ld(ordinance: model.Ordinance, ordinance_url: str, lang) -> dict:
    meta = ordinance.meta
    jurisdiction = f"{meta['jurisdiction']['province']}{meta['jurisdiction']['city']}"
    return {
        "@type": "Legislation",
        "name": lang.title(ordinance),
        "alternateName": ordinance.title if not lang.official else meta["title_en"],
        "legislationIdentifier": frbr.work_uri(ordinance.slug, meta),
        "legislationType": "地方性法规",
        "legislationDate": meta["enacted"]["date"].isoformat(),
        "legislationJurisdiction": jurisdiction,
        "legislationLegalForce": {"@id": LEGAL_FORCE[meta["status"]]},
        "legislationPassedBy": {"@type": "Organization", "name": meta["enacted"]["body"]},
        "inLanguage": lang.html_lang,
        "url": ordinance_url,
    }


def ordinance_head(ordinance: model.Ordinance, ordinance_url: str, description: str,
                   lang) -> dict:
    json_ld = {"@context": "https://schema.org", **_work_ld(ordinance, ordinance_url, lang)}
    json_ld["datePublished"] = cite.work(ordinance.meta).date
    return {"meta": _tags(lang.title(ordinance), ordinance_url, description, ordinance.meta, lang),
            "json_ld": json_ld}


def article_head(ordinance: model.Ordinance, article: model.Article, url: str,
                 ordinance_url: str, description: str, lang, label: str) -> dict:
    """`lang` is the i18n.Language of the page; `label` its name for the article."""
    title = f"{ordinance.title}{label}" if lang.official else f"{lang.title(ordinance)}, {label}"
    work = _work_ld(ordinance, ordinance_url, lang)
    json_ld = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": title,
        "alternateName": (cite.en if lang.official else cite.zh)(
            cite.work(ordinance.meta), article.eid, len(article.paragraphs)),
        "legislationIdentifier": frbr.portion_uri(work["legislationIdentifier"], article.eid),
        "legislationType": "地方性法规条款",
        "legislationDate": work["legislationDate"],
        "legislationJurisdiction": work["legislationJurisdiction"],
        "legislationLegalForce": work["legislationLegalForce"],
        "inLanguage": lang.html_lang,
        "url": url,
        "isPartOf": work,
    }
    return {"meta": _tags(title, url, description, ordinance.meta, lang), "json_ld": json_ld}
