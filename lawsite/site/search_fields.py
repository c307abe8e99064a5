"""What the hosted site's search (Pagefind) indexes of an article page, decided here
and placed by the template (overrides/main.html) as data-pagefind-* attributes:

- `title`: the result's title, the article's label and its ordinance
  (第二十八条 · 烟台市数字经济促进条例; Article 28 · Yantai Municipal …);
- `filters`: the jurisdiction and the ordinance, offered as filters beside the results;
- `forms`: the ordinance's short name, the ways people type the article's label
  (第28条, 28条, full-width 第２８条) and the departments it names, indexed as hidden
  text so that Pagefind finds the article without the citation resolver.

Only pages that carry these fields are indexed (data-pagefind-body): the articles.
Navigation, chips, breadcrumbs, similarity lists and the other parts marked
data-search-exclude are left out by the indexer (lawsite/publish/pagefind.py).
"""

from lawsite.core.numerals import from_int
from lawsite.model import document as model
from lawsite.model.eid import ArticleNumber
from lawsite.site import markup
from lawsite.site.page import Site

FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def label_forms(number: ArticleNumber) -> list[str]:
    """The label of article `number` as people type it.

    >>> label_forms(ArticleNumber(28))
    ['第二十八条', '第28条', '28条', '第２８条', '２８条']
    >>> label_forms(ArticleNumber(20, 1))
    ['第二十条之一', '第20条之一', '20条之一', '第２０条之一', '２０条之一']
    """
    suffix = number.zh.partition("条")[2]            # 之一, or nothing
    arabic = f"{number.base}条{suffix}"
    full = arabic.translate(FULL_WIDTH)
    return [number.zh, f"第{arabic}", arabic, f"第{full}", full]


def _tags_zh(lang, article: model.Article) -> list[str]:
    """第二十八条, 第28条, 28条, 28; 第二十条之一, 第20条之一, 20条之一 (no bare number)."""
    number = article.number
    if number.inserted:
        suffix = f"条之{from_int(number.inserted)}"
        return [article.label, number.zh, f"第{number.base}{suffix}", f"{number.base}{suffix}"]
    return [article.label, number.zh, f"第{number}条", f"{number}条", str(number)]


# By language tree (i18n.Language.code): the article's label as people type it, among
# the words Material's search weighs most (article_page.search_tags), and among the
# hidden text Pagefind indexes (`forms`).
TAG_FORMS = {"zh": _tags_zh, "en": lambda lang, article: [lang.article_label(article)]}
FORMS = {"zh": lambda lang, article: label_forms(article.number),
         "en": lambda lang, article: [lang.article_label(article), f"Art. {article.number.en}"]}


def jurisdiction(site: Site, ordinance: model.Ordinance) -> str:
    """The city, or the province of a provincial text, in the site's language."""
    place = ordinance.meta["jurisdiction"]
    suffix = site.lang.suffix
    return place.get(f"city{suffix}") or place.get(f"province{suffix}") or place["province"]


def article(site: Site, ordinance: model.Ordinance, article: model.Article, tags: list[str]) -> dict:
    """The fields of an article page (front matter `pagefind`); `tags` are the words
    Material's search weighs most (article_page.search_tags: the short name, the label as
    typed, the departments named as actors), indexed here as hidden text too."""
    lang = site.lang
    label = lang.article_label(article)
    forms = FORMS[lang.code](lang, article)
    forms = [*tags[:1], *forms, *tags[1:]]
    # plain text (the results set it as text); a title with bidi controls is isolated
    return {"title": f"{label} · {markup.isolate(lang.title(ordinance))}",
            "filters": {"jurisdiction": jurisdiction(site, ordinance), "ordinance": lang.title(ordinance)},
            "forms": " ".join(dict.fromkeys(forms))}
