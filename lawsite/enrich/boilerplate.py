"""Standard clauses: the purpose, scope, generic liability, interpretation and entry into
force articles that nearly every regulation has, worded alike whatever its subject. They
are recognised by their wording and position (the vocabulary is `boilerplate.yml`, beside
this module), grouped by kind, and never suggested as parallel provisions: two 施行
clauses are alike in every ordinance, and say nothing about the matter regulated.

>>> from lawsite.model.document import ArticleNumber
>>> kind("本条例自2021年1月1日起施行。", 47, 47)
'entry_into_force'
>>> kind("本条例自2021年1月1日起施行。", 3, 47) is None      # not at the end: something else
True
>>> kind("为了加强电梯安全工作，根据有关法律，结合本市实际，制定本条例。", 1, 57)
'purpose'
"""

import re
from pathlib import Path

import yaml

from lawsite.model.document import ArticleNumber, Ordinance

VOCABULARY = Path(__file__).with_name("boilerplate.yml")
THIS = "本(?:条例|规定|办法|细则|决定)"        # what 本法规 stands for in the patterns


def _load() -> list[tuple[str, str, int, list[re.Pattern]]]:
    data = yaml.safe_load(VOCABULARY.read_text(encoding="utf-8"))
    return [(name, kind["where"], kind.get("within", 0),
             [re.compile(pattern.replace("本法规", THIS)) for pattern in kind["patterns"]])
            for name, kind in data["kinds"].items()]


KINDS = _load()


def kind(text: str, position: int, count: int) -> str | None:
    """The kind of standard clause an article is (its text, its 1-based position among
    the ordinance's `count` articles), or None."""
    for name, where, within, patterns in KINDS:
        if where == "first" and position > within or where == "last" and position <= count - within:
            continue
        if any(pattern.search(text) for pattern in patterns):
            return name
    return None


def article_text(article) -> str:
    """The article's words: its 款 with their 项 and 目, one after another."""
    return "".join(element.text for paragraph in article.paragraphs for element in paragraph.elements())


def find(ordinances: list[Ordinance]) -> dict[tuple[str, ArticleNumber], str]:
    """{(slug, article): kind} for every standard clause of the corpus."""
    found = {}
    for ordinance in ordinances:
        count = len(ordinance.articles)
        for position, article in enumerate(ordinance.articles, 1):
            name = kind(article_text(article), position, count)
            if name:
                found[ordinance.slug, article.number] = name
    return found
