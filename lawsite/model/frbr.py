"""The Akoma Ntoso FRBR work URI of an ordinance: the identifier that lasts
whatever the site's URLs become (the JSON-LD `legislationIdentifier`, corpus.json's
`frbr_uri`).

    /akn/cn-<jurisdiction>/act/<date>/<slug>

- `cn-<jurisdiction>`: the country (ISO 3166-1 `cn`) and, after a hyphen as the
  naming convention has it for a local jurisdiction, the city whose people's
  congress made the ordinance: its English name, lowercased ASCII letters and digits.
- `act`: the document type (a 地方性法规 is an act of a legislature).
- `<date>`: the date the ordinance was adopted (`enacted.date`), in full.
- `<slug>`: the ordinance's slug, which is already unique and stable.

A part of the work adds its eId as a portion: `…/~art_28__para_2`.

>>> meta = {"jurisdiction": {"city_en": "Yantai"}, "enacted": {"date": datetime.date(2022, 6, 30)}}
>>> work_uri("yantai-digital-economy", meta)
'/akn/cn-yantai/act/2022-06-30/yantai-digital-economy'
>>> portion_uri(work_uri("yantai-digital-economy", meta), "art_28")
'/akn/cn-yantai/act/2022-06-30/yantai-digital-economy/~art_28'
"""

import datetime  # noqa: F401  (the doctest's dates)
import re


def jurisdiction_code(meta: dict) -> str:
    return "cn-" + re.sub(r"[^a-z0-9]", "", meta["jurisdiction"]["city_en"].lower())


def work_uri(slug: str, meta: dict) -> str:
    return f"/akn/{jurisdiction_code(meta)}/act/{meta['enacted']['date'].isoformat()}/{slug}"


def portion_uri(work: str, eid: str) -> str:
    return f"{work}/~{eid}"
