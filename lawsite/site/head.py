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
    """A tag whose value is not known (no enacting body, no date) is left out."""
    work = cite.work(meta)
    author, date = work.publisher, work.date
    tags = [
        {"name": "citation_title", "content": title},
        {"name": "citation_author", "content": author},
        {"name": "citation_publication_date", "content": date.replace("-", "/")},
        {"name": "citation_date", "content": date.replace("-", "/")},
        {"name": "citation_publisher", "content": author},
        {"name": "citation_language", "content": lang.code},
        {"name": "citation_public_url", "content": url},
        {"name": "DC.title", "content": title},
        {"name": "DC.creator", "content": author},
        {"name": "DC.publisher", "content": author},
        {"name": "DC.date", "content": date},
        {"name": "DC.identifier", "content": url},
        {"name": "DC.type", "content": "Legislation"},
        {"name": "DC.language", "content": lang.html_lang},
        {"property": "og:type", "content": "article"},
        {"property": "og:title", "content": title},
        {"property": "og:description", "content": description},
        {"property": "og:url", "content": url},
        {"property": "og:locale", "content": LOCALES.get(lang.code, lang.code)},
    ]
    return [tag for tag in tags if tag["content"]]


def jurisdiction(meta: dict) -> str:
    """山东省烟台市; a provincial text (or 北京市, 上海市): the province alone.

    >>> jurisdiction({"jurisdiction": {"province": "山东省", "city": "烟台市"}})
    '山东省烟台市'
    >>> jurisdiction({"jurisdiction": {"province": "浙江省"}})
    '浙江省'
    """
    place = meta["jurisdiction"]
    return place["province"] + place.get("city", "")


def _work_ld(ordinance: model.Ordinance, ordinance_url: str, lang) -> dict:
    """What is not known is left out: the date of a text without an adoption date,
    the enacting body, the legal force of a text whose status is not verified, an
    English name that does not exist."""
    meta = ordinance.meta
    enacted = meta.get("enacted") or {}
    ld = {
        "@type": "Legislation",
        "name": lang.title(ordinance),
        "alternateName": lang.alternate_title(ordinance),
        "legislationIdentifier": frbr.work_uri(ordinance.work_slug, meta),
        "legislationType": "地方性法规",
        "legislationDate": enacted["date"].isoformat() if enacted.get("date") else None,
        "legislationJurisdiction": jurisdiction(meta),
        "legislationLegalForce": {"@id": LEGAL_FORCE[meta["status"]]} if meta["status"] in LEGAL_FORCE else None,
        "legislationPassedBy": {"@type": "Organization", "name": enacted["body"]} if enacted.get("body") else None,
        "inLanguage": lang.html_lang,
        "url": ordinance_url,
    }
    if meta.get("amendments"):
        ld["version"] = cite.work(meta).amended or None      # the date of the last amendment
    return {key: value for key, value in ld.items() if value is not None and value != ""}


def ordinance_head(ordinance: model.Ordinance, ordinance_url: str, description: str,
                   lang) -> dict:
    json_ld = {"@context": "https://schema.org", **_work_ld(ordinance, ordinance_url, lang)}
    if cite.work(ordinance.meta, ordinance.old_version).date:
        json_ld["datePublished"] = cite.work(ordinance.meta, ordinance.old_version).date
    return {"meta": _tags(lang.title(ordinance), ordinance_url, description, ordinance.meta, lang),
            "json_ld": json_ld}


def article_head(ordinance: model.Ordinance, article: model.Article, url: str,
                 ordinance_url: str, description: str, lang, label: str) -> dict:
    """`lang` is the i18n.Language of the page; `label` its name for the article."""
    title = lang.labels("article_name", title=lang.title(ordinance), article=label)
    work = _work_ld(ordinance, ordinance_url, lang)
    json_ld = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": title,
        "alternateName": cite.ALTERNATE[lang.code](        # the citation in the other language
            cite.work(ordinance.meta, ordinance.old_version), article.eid, len(article.paragraphs)),
        "legislationIdentifier": frbr.portion_uri(work["legislationIdentifier"], article.eid),
        "legislationType": "地方性法规条款",
        "legislationDate": work.get("legislationDate"),
        "legislationJurisdiction": work["legislationJurisdiction"],
        "legislationLegalForce": work.get("legislationLegalForce"),
        "inLanguage": lang.html_lang,
        "url": url,
        "isPartOf": work,
    }
    json_ld = {key: value for key, value in json_ld.items() if value is not None}
    return {"meta": _tags(title, url, description, ordinance.meta, lang), "json_ld": json_ld}
