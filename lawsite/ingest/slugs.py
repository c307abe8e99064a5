"""Slugs for imported ordinances: ASCII, readable, deterministic, unique.

    <jurisdiction>-<title words>

- `<jurisdiction>`: the pinyin of the city (`qingdao`), or of the province for a
  provincial text (`zhejiang`; 北京, 上海 are province-level: `beijing`, `shanghai`).
- `<title words>`: the title without its jurisdiction (浙江省…, 青岛市…, 青岛…),
  人民代表大会(常务委员会) abbreviated to 人大(常委会) and 中华人民共和国 left out
  (`…实施《中华人民共和国水法》办法` → `shishi-shuifa-banfa`); its kind (条例,
  规定 …) a word of its own, the rest cut into words (jieba, with a dictionary of
  its own), each word in pinyin without tones, joined by hyphens; Latin letters
  and digits are kept, other characters (《》、（）…) dropped. A long title keeps
  its first words up to 48 characters and its last word (the kind: `tiaoli`,
  `banfa`), so that the slug stays short and still says what the text is.

Clashes are resolved over the whole set imported together, never by file order:
two texts whose titles differ but give the same slug each get 6 hex digits of
the title's SHA-256; versions of one title, each with its version date, share
the slug of their work (the importer names the files of each earlier version
`<slug>.<date>.yml`); a version without a date beside dated ones makes the dated
ones get their version date (`-2024-11-29`); any clash left gets 6 hex digits of the file's path. A slug
that the site reserves for its own pages gets `-text`.

>>> base("浙江省", None, "浙江省无线电管理条例")
'zhejiang-wuxiandian-guanli-tiaoli'
>>> base("浙江省", "景宁畲族自治县", "浙江省景宁畲族自治县自治条例")
'jingning-zizhi-tiaoli'
>>> base("北京市", None, "北京市实施《中华人民共和国水法》办法")
'beijing-shishi-shuifa-banfa'
>>> base("山东省", "青岛市", "青岛市环境噪声管理规定")
'qingdao-huanjingzaosheng-guanli-guiding'
"""

import hashlib
import logging
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

import jieba
from pypinyin import lazy_pinyin

from lawsite.ingest import places

KIND = re.compile(r"(?:条例|规定|办法|决定|决议|细则|规则|守则|章程)$")
ABBREVIATIONS = (("人民代表大会常务委员会", "人大常委会"), ("人民代表大会", "人大"), ("中华人民共和国", ""))
LONGEST = 48                                     # characters of title words before the last word
NAMES = {"景宁畲族自治县": "jingning"}             # a slug's name for a jurisdiction, where not its pinyin


@cache
def _tokenizer() -> jieba.Tokenizer:
    jieba.setLogLevel(logging.WARNING)
    return jieba.Tokenizer()                     # its own dictionary: nothing another module adds to jieba's


def jurisdiction(province: str, city: str | None) -> str:
    name = city or province
    return NAMES.get(name) or re.sub(r"[^a-z0-9]", "", "".join(lazy_pinyin(places.short(name))).lower())


def words(title: str) -> list[str]:
    found = []
    for word in _tokenizer().lcut(title, HMM=False):
        ascii_ = re.sub(r"[^a-z0-9]", "", "".join(lazy_pinyin(word)).lower())
        if ascii_:
            found.append(ascii_)
    return found


def base(province: str, city: str | None, title: str) -> str:
    """The slug before clashes are resolved."""
    rest = title                                 # 浙江省景宁畲族自治县自治条例: both prefixes go
    for prefix in filter(None, (province, places.short(province), city, city and places.short(city))):
        if rest.startswith(prefix) and len(rest) > len(prefix):
            rest = rest[len(prefix):]
    for long, abbreviated in ABBREVIATIONS:
        rest = rest.replace(long, abbreviated)
    kind = KIND.search(rest)
    parts = (words(rest[:kind.start()]) + words(kind.group())) if kind else words(rest)
    parts = parts or ["wenben"]
    kept, length = [], 0
    for part in parts[:-1]:
        if length + len(part) > LONGEST:
            break
        kept.append(part)
        length += len(part) + 1
    return "-".join([jurisdiction(province, city)] + kept + parts[-1:])


@dataclass(frozen=True)
class Candidate:
    key: str                      # the file's path (relative to what was imported): unique
    base: str
    title: str
    version_date: str | None      # ISO date of the file name's version, if any


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:6]


def versions(group: list[Candidate]) -> bool:
    """Whether the files of `group` are versions of one work: one title, each file with
    its own version date. They share the work's slug (parse/sources.versions).

    >>> versions([Candidate("a(2020-03-27).md", "b", "甲条例", "2020-03-27"),
    ...           Candidate("a(2024-11-29).md", "b", "甲条例", "2024-11-29")])
    True
    >>> versions([Candidate("a.md", "b", "甲条例", None), Candidate("a(2024-11-29).md", "b", "甲条例", "2024-11-29")])
    False
    """
    dates = [c.version_date for c in group]
    return len({c.title for c in group}) == 1 and all(dates) and len(set(dates)) == len(dates)


def unique(candidates: list[Candidate], reserved=()) -> dict[str, str]:
    """key → slug: unique over `candidates`, each independent of the others' order."""
    slugs = {c.key: c.base + ("-text" if c.base in reserved else "") for c in candidates}
    for step in (lambda c: _digest(c.title), lambda c: c.version_date, lambda c: _digest(c.key)):
        groups = defaultdict(list)
        for c in candidates:
            groups[slugs[c.key]].append(c)
        for group in groups.values():
            values = [step(c) for c in group]
            if len(group) < 2 or len(set(values)) < 2 or versions(group):
                continue                         # no clash, or this step cannot tell them apart
            for c, value in zip(group, values):
                if value:
                    slugs[c.key] += "-" + value
    return slugs
