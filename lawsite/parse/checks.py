"""Checks of a body against itself: the 目录 against the headings, and the numbering of
the articles (a gap is a missing article, published with a note)."""

from lawsite.core.errors import SourceError
from lawsite.model import document as model
from lawsite.parse.lexer import Line
from lawsite.parse.repair import repair_characters


def toc(toc: list[Line], ordinance: model.Ordinance, path: str) -> list[str]:
    """Each 目录 line must be a heading that the body has, in the same order."""
    if not toc:
        return []
    body = [(chapter.label, chapter.title, [(s.label, s.title) for s in chapter.sections])
            for chapter in ordinance.chapters]
    printed = []
    expected = [(label, title) for label, title, sections in body
                for label, title in [(label, title)] + sections]
    entries = [line for line in toc[1 if toc[0].kind == "toc" else 0:] if line.kind not in ("blank", "comment")]
    for index, line in enumerate(entries):
        if line.kind != "heading":
            raise SourceError(path, line.line, f"unexpected line in 目录: {line.content[:30]!r}")
        title = repair_characters(line.content, line.line)[0]
        if index >= len(expected) or (line.label, title) != expected[index]:
            found = expected[index] if index < len(expected) else ("nothing", "")
            raise SourceError(path, line.line, f"目录 lists {line.label} {title} but the body "
                              f"has {' '.join(found).strip()} here")
        printed.append(f"{line.label} {title}")
    if len(entries) < len(expected):
        missing = expected[len(entries)]
        raise SourceError(path, toc[0].line, f"目录 does not list {missing[0]} {missing[1]}")
    return printed


def numbering(body: list[Line], path: str) -> dict[int, str]:
    """Articles are numbered 1, 2, 3 … through the ordinance: none duplicated or out
    of order, the first one 第一条. An inserted article follows the article it is
    inserted after, or the one inserted before it: 第二十条, 第二十条之一,
    第二十条之二, 第二十一条. An article number missing upstream (第十四条 after
    第十二条) is the source's defect, published as it is: returns the line of each
    article after a gap, with what is missing before it (第十三条, 第十三条至第十五条)."""
    articles = [line for line in body if line.kind == "article"]
    numbers = [model.ArticleNumber(line.number, line.inserted) for line in articles]
    first_seen: dict[model.ArticleNumber, int] = {}
    for line, number in zip(articles, numbers):
        if number in first_seen:
            raise SourceError(path, line.line, f"{line.label} appears twice "
                              f"(first on line {first_seen[number]})")
        first_seen[number] = line.line
    for index in range(1, len(articles)):
        if numbers[index] < numbers[index - 1]:
            previous = articles[index - 1]
            raise SourceError(path, articles[index].line, f"{articles[index].label} is out of "
                              f"order: it follows {previous.label} (line {previous.line})")
    gaps = {}
    for index, (line, number) in enumerate(zip(articles, numbers)):
        missing = _missing_before(number, numbers[index - 1] if index else None)
        if missing and index and not number.inserted and missing.base < number.base:
            gaps[line.line] = missing.zh + (f"至{model.ArticleNumber(number.base - 1).zh}"
                                            if number.base - 1 > missing.base else "")
        elif missing:
            after = f"follows {articles[index - 1].label}" if index else "is the first"
            raise SourceError(path, line.line, f"{missing.zh} is missing: {line.label} {after}")
    return gaps


def _missing_before(number: model.ArticleNumber, previous: model.ArticleNumber | None):
    """The article that should stand between `previous` and `number`, or None.

    >>> N = model.ArticleNumber
    >>> _missing_before(N(20, 1), N(20)), _missing_before(N(21), N(20, 1)), _missing_before(N(1), None)
    (None, None, None)
    >>> _missing_before(N(20, 2), N(20)), _missing_before(N(20, 1), N(19)), _missing_before(N(2), None)
    (ArticleNumber(20, 1), ArticleNumber(20), ArticleNumber(1))
    """
    if previous is None:
        return None if number == model.ArticleNumber(1) else model.ArticleNumber(1)
    if number in (model.ArticleNumber(previous.base + 1),
                  model.ArticleNumber(previous.base, previous.inserted + 1)):
        return None
    if number.base == previous.base:                  # 之二 after 第二十条: 之一 is missing
        return model.ArticleNumber(previous.base, previous.inserted + 1)
    return model.ArticleNumber(previous.base + 1)
