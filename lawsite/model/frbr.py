"""The Akoma Ntoso FRBR work URI of an ordinance: the identifier that lasts
whatever the site's URLs become (the JSON-LD `legislationIdentifier`, corpus.json's
`frbr_uri`).

    /akn/cn-<jurisdiction>/act/<date>/<slug>

- `cn-<jurisdiction>`: the country (ISO 3166-1 `cn`) and, after a hyphen as the
  naming convention has it for a local jurisdiction, the city whose people's
  congress made the ordinance, or the province for a provincial text (北京, 上海:
  province-level): its English name, lowercased ASCII letters and digits.
- `act`: the document type (a 地方性法规 is an act of a legislature).
- `<date>`: the date the ordinance was adopted (`enacted.date`), in full. A text
  whose adoption date is not known (no header, or one that does not say) uses
  the date of its version (`version_date`, from the file name), then of its
  promulgation, so that the URI still names one work: this date is then the
  version's, not the adoption's, and the page says that the adoption date is
  unknown (with no date at all: `undated`).
- `<slug>`: the ordinance's slug, which is already unique and stable.

A part of the work adds its eId as a portion: `…/~art_28__para_2`.

Each version of the work (an expression: the text as amended on a date) adds its
language and version date, `…/zho@<version date>`; the versions of one work share
the work URI (they share its slug and its adoption date).

>>> expression_uri(work_uri("beijing-shenji-tiaoli", {"jurisdiction": {"province_en": "Beijing"},
...     "enacted": {"date": datetime.date(1996, 3, 29)}}), {"version_date": datetime.date(2017, 9, 22)})
'/akn/cn-beijing/act/1996-03-29/beijing-shenji-tiaoli/zho@2017-09-22'

>>> meta = {"jurisdiction": {"city_en": "Yantai"}, "enacted": {"date": datetime.date(2022, 6, 30)}}
>>> work_uri("yantai-digital-economy", meta)
'/akn/cn-yantai/act/2022-06-30/yantai-digital-economy'
>>> portion_uri(work_uri("yantai-digital-economy", meta), "art_28")
'/akn/cn-yantai/act/2022-06-30/yantai-digital-economy/~art_28'
>>> work_uri("zhejiang-shui-tiaoli", {"jurisdiction": {"province_en": "Zhejiang"},
...                                  "version_date": datetime.date(2020, 9, 24)})
'/akn/cn-zhejiang/act/2020-09-24/zhejiang-shui-tiaoli'
"""

import datetime
import re


def jurisdiction_code(meta: dict) -> str:
    place = meta["jurisdiction"].get("city_en") or meta["jurisdiction"]["province_en"]
    return "cn-" + re.sub(r"[^a-z0-9]", "", place.lower())


def work_date(meta: dict) -> datetime.date | None:
    """The adoption date; without one, the version's, then the promulgation's."""
    return ((meta.get("enacted") or {}).get("date") or meta.get("version_date")
            or (meta.get("promulgated") or {}).get("date"))


def work_uri(slug: str, meta: dict) -> str:
    date = work_date(meta)
    return f"/akn/{jurisdiction_code(meta)}/act/{date.isoformat() if date else 'undated'}/{slug}"


def portion_uri(work: str, eid: str) -> str:
    return f"{work}/~{eid}"


def expression_uri(work: str, meta: dict) -> str:
    """The expression of one version: the work, its language (Chinese, `zho`) and the
    version date (`zho` alone for a text without one)."""
    date = meta.get("version_date")
    return f"{work}/zho@{date.isoformat()}" if date else f"{work}/zho"
