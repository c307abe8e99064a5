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

English pinpoints use one compact style everywhere: the paragraph in Arabic
numerals, the item in lower-case Roman numerals, the subitem in Arabic, each in
brackets; the paragraph is left out when the article has only one, as in Chinese.

>>> pinpoint_en(28, 3, paragraphs=4)
'Article 28(3)'
>>> pinpoint_en(12, 2, 3, paragraphs=2), pinpoint_en(12, 1, 3, paragraphs=1)
('Article 12(2)(iii)', 'Article 12(iii)')
>>> pinpoint_en(12, 2, 3, 1, paragraphs=2)
'Article 12(2)(iii)(1)'

An inserted article is cited as the text numbers it, 第二十条之一, and in English as
Article 20A (之一 → A, 之二 → B, as in the NPC's official English translations):

>>> from lawsite.model.document import ArticleNumber
>>> pinpoint_zh(ArticleNumber(20, 1), 2, 3, paragraphs=2), pinpoint_en(ArticleNumber(20, 1), 2, 3, paragraphs=2)
('第二十条之一第二款第（三）项', 'Article 20A(2)(iii)')
"""

import datetime  # noqa: F401  (its doctests)
from dataclasses import dataclass

from lawsite.core.numerals import from_int, to_roman
from lawsite.model import frbr
from lawsite.model.eid import ArticleNumber, EId

ACCESSED = "{accessed}"          # filled in with the reader's date by the browser


def pinpoint_zh(article: ArticleNumber | int, paragraph: int | None = None, item: int | None = None,
                subitem: int | None = None, *, paragraphs: int) -> str:
    """第X条[第X款][第（X）项][第X目]; `paragraphs` is how many 款 the article has."""
    text = ArticleNumber.of(article).zh
    if paragraph and paragraphs > 1:
        text += f"第{from_int(paragraph)}款"
    if item:
        text += f"第（{from_int(item)}）项"
    if subitem:
        text += f"第{subitem}目"
    return text


def pinpoint_en(article: ArticleNumber | int, paragraph: int | None = None, item: int | None = None,
                subitem: int | None = None, *, paragraphs: int) -> str:
    text = f"Article {ArticleNumber.of(article).en}"
    if paragraph and paragraphs > 1:
        text += f"({paragraph})"
    if item:
        text += f"({to_roman(item).lower()})"
    if subitem:
        text += f"({subitem})"
    return text


@dataclass(frozen=True)
class Work:
    """What a citation needs to know about an ordinance."""

    title: str
    title_en: str             # the Chinese title where there is no English one
    publisher: str            # the body that promulgated it, else the enacting body ("" when not known)
    date: str                 # ISO date of its promulgation (公布) ("" when not known)
    amended: str = ""         # ISO date of the last amendment (its approval, else its decision)
    amended_kind: str = ""    # 修正 or 修订
    version: str = ""         # ISO date of an earlier version (not the current text): cited by it


def work(meta: dict, old_version: str = "") -> Work:
    """A text is dated by its promulgation (公布): a 设区的市's regulation is promulgated
    by the city's standing committee, by its own 公告, after the province approved it,
    so the approval date is not its date. A promulgation not known leaves the date
    unknown, never guessed from the adoption or the approval.

    >>> meta = {"title": "烟台市某条例", "enacted": {"body": "烟台市人民代表大会常务委员会",
    ...         "date": datetime.date(2024, 10, 22)}, "approved": {"date": datetime.date(2024, 11, 20)}}
    >>> work(meta).date
    ''
    >>> work(meta | {"promulgated": {"date": datetime.date(2024, 12, 2)}}).date
    '2024-12-02'

    An amended text is cited with its promulgation and its last amendment; an earlier
    version of a work (`old_version`, its version date) names that version:

    >>> meta = {"title": "青岛市某条例", "enacted": {"body": "青岛市人民代表大会常务委员会",
    ...         "date": datetime.date(1988, 9, 8)}, "approved": {"date": datetime.date(1988, 9, 24)},
    ...         "promulgated": {"date": datetime.date(1988, 10, 5)},
    ...         "amendments": [{"kind": "修正", "date": datetime.date(2020, 1, 14),
    ...                         "approved": {"date": datetime.date(2020, 3, 26)}}]}
    >>> work(meta)
    Work(title='青岛市某条例', title_en='青岛市某条例', publisher='青岛市人民代表大会常务委员会', date='1988-10-05', amended='2020-03-26', amended_kind='修正', version='')
    """
    enacted, approved = meta.get("enacted") or {}, meta.get("approved") or {}
    promulgated = meta.get("promulgated") or {}
    published = promulgated.get("date")
    amendments = [a for a in meta.get("amendments") or [] if (a.get("approved") or {}).get("date") or a.get("date")]
    last = amendments[-1] if amendments else {}
    amended = (last.get("approved") or {}).get("date") or last.get("date")
    return Work(meta["title"], meta.get("title_en") or meta["title"],
                promulgated.get("body") or enacted.get("body") or approved.get("body") or "",
                published.isoformat() if published else "",
                amended.isoformat() if amended else "", last.get("kind", "") if amended else "",
                old_version)


def version_zh(work_: Work) -> str:
    """（2020年修正）: what a Chinese citation of an amended text adds after its title.

    >>> version_zh(Work("", "", "", "", "2020-03-26", "修正")), version_zh(Work("", "", "", ""))
    ('（2020年修正）', '')

    An earlier version, not the current text, is named by its version date:

    >>> version_zh(Work("", "", "", "", "2016-11-25", "修正", version="2016-11-25"))
    '（2016年11月25日版本）'
    """
    if work_.version:
        year, month, day = (int(part) for part in work_.version.split("-"))
        return f"（{year}年{month}月{day}日版本）"
    return f"（{work_.amended[:4]}年{work_.amended_kind}）" if work_.amended else ""


def version_en(work_: Work) -> str:
    """ (as amended 2020-03-26): what an English citation of an amended text adds.

    >>> version_en(Work("", "", "", "", "2011-04-12", "修订"))
    ' (as revised 2011-04-12)'
    >>> version_en(Work("", "", "", "", version="2020-03-27"))
    ' (version of 2020-03-27, superseded)'
    """
    if work_.version:
        return f" (version of {work_.version}, superseded)"
    if not work_.amended:
        return ""
    return f" (as {'revised' if work_.amended_kind == '修订' else 'amended'} {work_.amended})"


def zh(work_: Work, eid: str, paragraphs: int) -> str:
    """The Chinese citation of an article or a part of it.

    >>> zh(Work("烟台市数字经济促进条例", "", "", ""), "art_28__para_3", 4)
    '《烟台市数字经济促进条例》第二十八条第三款'
    >>> zh(Work("烟台市数字经济促进条例", "", "", ""), "art_20-1", 1)
    '《烟台市数字经济促进条例》第二十条之一'
    >>> zh(Work("青岛市环境噪声管理规定", "", "", "1988-09-24", "2020-03-26", "修正"), "art_5", 1)
    '《青岛市环境噪声管理规定》（2020年修正）第五条'
    """
    return f"《{work_.title}》{version_zh(work_)}{pinpoint_zh(paragraphs=paragraphs, **EId.parse(eid).numbers())}"


def en(work_: Work, eid: str, paragraphs: int) -> str:
    """The English citation of an article or a part of it.

    >>> en(Work("", "Regulations of Yantai Municipality", "", ""), "art_28__para_3", 4)
    'Regulations of Yantai Municipality, Article 28(3)'
    >>> en(Work("", "Regulations of Yantai Municipality", "", ""), "art_20-1__para_2", 2)
    'Regulations of Yantai Municipality, Article 20A(2)'
    >>> en(Work("", "Qingdao Provisions", "", "1988-09-24", "2020-03-26", "修正"), "art_5", 1)
    'Qingdao Provisions (as amended 2020-03-26), Article 5'
    """
    return f"{work_.title_en}{version_en(work_)}, {pinpoint_en(paragraphs=paragraphs, **EId.parse(eid).numbers())}"


def unofficial(translated=None) -> str:
    """What an English citation adds: it cites an unofficial translation, of its date.

    >>> unofficial(), unofficial(datetime.date(2026, 12, 1))
    (' (unofficial translation)', ' (unofficial translation of 2026-12-01)')
    """
    return f" (unofficial translation of {translated.isoformat()})" if translated \
        else " (unofficial translation)"


def gbt7714(work_: Work, url: str) -> str:
    """A bibliography entry in GB/T 7714-2015 form for an online text; the access
    date is left as {accessed} for the browser to fill in.

    >>> gbt7714(Work("烟台市数字经济促进条例", "", "烟台市人民代表大会常务委员会", "2024-11-20"), "https://x.org/a/")
    '烟台市人民代表大会常务委员会. 烟台市数字经济促进条例[EB/OL]. (2024-11-20)[{accessed}]. https://x.org/a/.'

    An amended text keeps its first date and names its version; an unknown
    publisher or date is left out, never guessed:

    >>> gbt7714(Work("青岛市环境噪声管理规定", "", "", "1988-09-24", "2020-03-26", "修正"), "https://x.org/q/")
    '青岛市环境噪声管理规定（2020年修正）[EB/OL]. (1988-09-24)[{accessed}]. https://x.org/q/.'
    >>> gbt7714(Work("烟台市数字经济促进条例", "", "烟台市人民代表大会常务委员会", ""), "https://x.org/a/")
    '烟台市人民代表大会常务委员会. 烟台市数字经济促进条例[EB/OL]. [{accessed}]. https://x.org/a/.'
    """
    publisher = f"{work_.publisher}. " if work_.publisher else ""
    date = f"({work_.date})" if work_.date else ""
    return f"{publisher}{work_.title}{version_zh(work_)}[EB/OL]. {date}[{ACCESSED}]. {url}."


def gbt7714_translation(work_: Work, official_url: str, translated=None) -> str:
    """On an English page: the entry cites the official Chinese text (its page), and
    says that the page read was an unofficial translation.

    >>> gbt7714_translation(Work("烟台市数字经济促进条例", "", "", "2024-12-02"), "https://x.org/a/", datetime.date(2026, 12, 1))
    '烟台市数字经济促进条例[EB/OL]. (2024-12-02)[{accessed}]. https://x.org/a/. (unofficial translation of 2026-12-01)'
    """
    return gbt7714(work_, official_url) + unofficial(translated)


def translation(work_: Work, eid: str, paragraphs: int, translated=None) -> str:
    """The English citation of a page read in translation: it says so, dated when the
    translation gives its date.

    >>> translation(Work("", "Regulations of Yantai Municipality", "", ""), "art_2", 1)
    'Regulations of Yantai Municipality, Article 2 (unofficial translation)'
    """
    return en(work_, eid, paragraphs) + unofficial(translated)


def source(work_: Work, translated=None) -> str:
    """The English name of a whole text read in translation (what a printed English full
    text says it is). (The Chinese one: `《title》` and `version_zh`.)"""
    return f"{work_.title_en}{version_en(work_)}{unofficial(translated)}"


# Each language tree's forms, by its code (i18n.Language.code): how a pilcrow names a
# provision, what it copies as its citation (given the translation's date, which the
# official text ignores), the citation of the same provision in the other language
# (JSON-LD alternateName), and how a printed full text names its source.
PINPOINT = {"zh": pinpoint_zh, "en": pinpoint_en}
CITATION = {"zh": lambda work_, eid, paragraphs, translated=None: zh(work_, eid, paragraphs),
            "en": translation}
ALTERNATE = {"zh": en, "en": zh}
SOURCE = {"zh": lambda work_, translated=None: f"《{work_.title}》{version_zh(work_)}", "en": source}
