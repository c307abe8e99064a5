"""Citation strings for articles, paragraphs (款), items (项) and subitems (目).

Chinese pinpoints follow the usual practice: the 款 is named only when the
article has more than one; 项 keep their bracketed numeral.

>>> pinpoint_zh(28, 3, paragraphs=4)
'第二十八条第三款'
>>> pinpoint_zh(12, 2, 3, paragraphs=2)
'第十二条第二款第（三）项'
>>> pinpoint_zh(12, 1, 3, paragraphs=1)
'第十二条第（三）项'
>>> pinpoint_zh(12, 1, 3, 2, paragraphs=1)
'第十二条第（三）项第2目'
>>> pinpoint_zh(5, 1, paragraphs=1)
'第五条'
"""

from .numerals import from_int


def pinpoint_zh(article: int, paragraph: int | None = None, item: int | None = None,
                subitem: int | None = None, *, paragraphs: int) -> str:
    """第X条[第X款][第（X）项][第X目]; `paragraphs` is how many 款 the article has."""
    text = f"第{from_int(article)}条"
    if paragraph and paragraphs > 1:
        text += f"第{from_int(paragraph)}款"
    if item:
        text += f"第（{from_int(item)}）项"
    if subitem:
        text += f"第{subitem}目"
    return text


def parts_of(eid: str) -> dict:
    """The numbers in an eId.

    >>> parts_of("art_12__para_2__point_3__item_1")
    {'article': 12, 'paragraph': 2, 'item': 3, 'subitem': 1}
    """
    names = {"art": "article", "para": "paragraph", "point": "item", "item": "subitem"}
    return {names[kind]: int(number)
            for kind, number in (part.rsplit("_", 1) for part in eid.split("__"))}
