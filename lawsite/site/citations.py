"""The citation table: what the search box needs to resolve a typed citation
(《烟台市数字经济促进条例》第二十八条第三款, 烟台 28, Article 28 …) to its provision.

The browser's resolver (overrides/assets/resolver.js) parses what the reader typed;
every decision about names, URLs and eIds is made here. The table is JavaScript,
not JSON, so that it loads by a <script> tag from file:// too (the offline bundle
cannot fetch JSON), and it is sharded so that it stays small at the corpus' scale:

- `data/citations.js`: one small index, loaded on the first search: each ordinance's
  slug, the names a reader types for it, and the language trees;
- `data/citations/<slug>.js`: one file per ordinance, loaded when a citation names
  it: its citation prefixes, each article's docs/ path and the eId and pinpoint of
  the article, its 款 and 项.

Paths are docs/ paths (urls.py); the browser turns them into the URL of the build it
runs in (`x/y.md` → `x/y/` hosted, `x/y.html` offline), as MkDocs does.

A name is what a reader types for an ordinance: its full title, its short title, the
title without the jurisdiction's prefix (数字经济促进条例), the jurisdiction's names
(烟台市, 烟台) and their English forms. A name several ordinances share maps to all
of them; the resolver takes the one whose page the reader is on, else none.

>>> meta = {"slug": "yt", "title": "烟台市数字经济促进条例", "short_title": "烟台",
...         "jurisdiction": {"city": "烟台市", "city_en": "Yantai", "province": "山东省"}}
>>> names(meta)
['烟台市数字经济促进条例', '烟台', '数字经济促进条例', '烟台市', 'yantai']
"""

import json

from lawsite.model import document as model
from lawsite.site import cite, urls

INDEX = urls.citations_index_path()          # data/citations.js
# Each file calls the resolver's loader with its data: a script tag can run it offline.
CALL = "lawsiteCitations({kind},{data});\n"
# Suffixes of a jurisdiction's name that readers drop: 烟台市 → 烟台, 延边朝鲜族自治州 → 延边朝鲜族
DROPPED = ("自治州", "自治县", "特别行政区", "地区", "盟", "市", "州", "县", "区", "省")


def _short(place: str) -> str:
    """烟台市 → 烟台; a name that would be one character long is kept whole.

    >>> _short("烟台市"), _short("山东省"), _short("沙市"), _short("北京市")
    ('烟台', '山东', '沙市', '北京')
    """
    for suffix in DROPPED:
        if place.endswith(suffix) and len(place) - len(suffix) >= 2:
            return place[: -len(suffix)]
    return place


def names(meta: dict) -> list[str]:
    """The names a reader may type for the ordinance of `meta`, without duplicates,
    in this order: title, short titles, title without the jurisdiction, jurisdiction.
    English names (short ones only) are lower case (the resolver compares them so)."""
    place = meta.get("jurisdiction") or {}
    title = meta["title"]
    found = [title, meta.get("short_title", "")]
    # the title without its jurisdiction's prefix: 烟台市数字经济促进条例 → 数字经济促进条例
    prefixes = [p for p in (place.get("province", "") + place.get("city", ""), place.get("city", ""),
                            place.get("province", "")) if p]
    for prefix in prefixes:
        if title.startswith(prefix) and len(title) > len(prefix) + 1:
            found.append(title[len(prefix):])
            break
    own = place.get("city") or place.get("province", "")
    found += [own, _short(own)] if own else []
    # English: the short names (a full English title would double the index's size)
    for english in (meta.get("short_title_en"), place.get("city_en") or place.get("province_en")):
        found.append((english or "").lower())
    return list(dict.fromkeys(n.strip() for n in found if n and n.strip()))


def index(metas: list[dict], languages) -> dict:
    """The small index, loaded whole by every search: for each ordinance (by its
    metadata) its slug, and the names that lead to it. `languages` are the trees
    (i18n.Language): their code, the prefix of their paths, the label of the "go to"
    result, and the ordinances whose articles a tree does not copy (untranslated: the
    official tree's pages are theirs, `official`). Where the shard of a slug is, and
    how a page's path names its ordinance, come once, as patterns (urls.py).

    >>> from types import SimpleNamespace as Tree
    >>> found = index([{"slug": "yt", "title": "烟台市甲条例", "jurisdiction": {"city": "烟台市"}},
    ...                {"slug": "jn", "title": "济南市甲条例", "jurisdiction": {"city": "济南市"}}],
    ...               [Tree(code="zh", prefix="", official=True, has_pages=lambda slug: True,
    ...                     labels={"go_to_provision": "转到条文"}.get),
    ...                Tree(code="en", prefix="en/", official=False, has_pages=lambda slug: slug == "yt",
    ...                     labels={"go_to_provision": "Go to provision"}.get)])
    >>> found["trees"], found["official"], found["elsewhere"]
    ({'zh': '', 'en': 'en/'}, 'zh', {'zh': [], 'en': [1]})
    >>> found["go_to"], found["shard"], found["slugs"]
    ({'zh': '转到条文', 'en': 'Go to provision'}, 'data/citations/{slug}.js', ['yt', 'jn'])
    >>> found["names"]
    {'济南': [1], '济南市': [1], '济南市甲条例': [1], '烟台': [0], '烟台市': [0], '烟台市甲条例': [0], '甲条例': [0, 1]}
    """
    by_name: dict[str, list[int]] = {}
    for i, meta in enumerate(metas):
        for name in names(meta):
            by_name.setdefault(name, []).append(i)
    return {
        "trees": {language.code: language.prefix for language in languages},
        "official": next((language.code for language in languages if language.official), ""),
        "elsewhere": {language.code: [i for i, meta in enumerate(metas) if not language.has_pages(meta["slug"])]
                      for language in languages},
        "go_to": {language.code: language.labels("go_to_provision") for language in languages},
        "shard": urls.citations_shard_path("{slug}"),
        "ordinance": urls.ordinance_pattern(),
        "slugs": [meta["slug"] for meta in metas],
        "names": dict(sorted(by_name.items())),
    }


def shard(ordinance: model.Ordinance) -> dict:
    """One ordinance's articles, by the key the resolver computes from what was typed
    (str(ArticleNumber): "28", "20-1"): the page and the eId and pinpoints
    (cite.pinpoint_zh / pinpoint_en) of the article, each 款 and each of its 项.
    A 款 is [eId, zh, en, [its 项 as [eId, zh, en]]]."""
    articles = {}
    for article in ordinance.articles:
        count = len(article.paragraphs)
        n = article.number

        def entry(eid, paragraph=None, item=None):
            return [eid, cite.pinpoint_zh(n, paragraph, item, paragraphs=count),
                    cite.pinpoint_en(n, paragraph, item, paragraphs=count)]

        articles[str(n)] = {
            "path": urls.article_path(ordinance.slug, n),
            "article": entry(article.eid),
            "paragraphs": [entry(p.eid, p.number) + [[entry(i.eid, p.number, i.number) for i in p.items]]
                           for p in article.paragraphs],
        }
    work = cite.work(ordinance.meta)
    return {
        "slug": ordinance.slug,
        # what comes before the pinpoint in the site's own citations (cite.zh, cite.en)
        "cite": {"zh": f"《{work.title}》{cite.version_zh(work)}",
                 "en": f"{work.title_en}{cite.version_en(work)}, "},
        "articles": articles,
    }


def _script(kind: str, data: dict) -> str:
    # JSON is JavaScript; </ is escaped so that nothing in a title can close a script tag
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return CALL.format(kind=json.dumps(kind), data=text)


def files(ordinances: list[model.Ordinance], languages) -> dict[str, str]:
    """The table's files under docs/, by path."""
    out = {INDEX: _script("index", index([o.meta for o in ordinances], languages))}
    for ordinance in ordinances:
        out[urls.citations_shard_path(ordinance.slug)] = _script("shard", shard(ordinance))
    return out
