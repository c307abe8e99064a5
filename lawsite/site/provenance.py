"""What a text is and where it comes from, as the ordinance page states it: its kind,
its rank (效力位阶), its official source, its status and when that was verified, and
its own account of how the text was obtained and repaired (from the source's format
and the repairs the build recorded, never one fixed label for every text).

A 设区的市's regulation (a city in the jurisdiction) ranks below the province's; a
text of a province or a municipality directly under the central government (北京市
is a province here) is a provincial regulation; an autonomous county's is an
autonomous or separate regulation:

>>> level({"jurisdiction": {"province": "山东省", "city": "烟台市"}})
'level_city'
>>> level({"jurisdiction": {"province": "北京市"}})
'level_province'
>>> level({"jurisdiction": {"province": "湖南省", "city": "通道侗族自治县"}})
'level_autonomous'

The kind is the metadata's, else the last word of the title when it is one of the
kinds of the corpus, else not known:

>>> kind({"title": "烟台市数字经济促进条例"}), kind({"title": "某某", "kind": "决定"}), kind({"title": "某某"})
('条例', '决定', '')
"""

from collections import Counter

from lawsite.model import document as model

KINDS = ("条例", "规定", "办法", "决定", "决议", "细则", "规则", "守则")


def level(meta: dict) -> str:
    """The label key of the text's rank, derived from its jurisdiction."""
    city = (meta.get("jurisdiction") or {}).get("city") or ""
    if city.endswith("自治县"):
        return "level_autonomous"
    return "level_city" if city else "level_province"


def kind(meta: dict) -> str:
    if meta.get("kind"):
        return meta["kind"]
    return next((k for k in KINDS if meta["title"].endswith(k)), "")


def repair_counts(ordinance: model.Ordinance) -> list[tuple[str, int]]:
    """(kind, how many) of the recorded repairs, most frequent first (then by kind)."""
    counts = Counter(repair.kind for repair in ordinance.repairs)
    return sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))


KNOWN_REPAIRS = ("remove-space", "full-width-punctuation", "join-line", "drop-heading-marks",
                 "drop-zero-width-space", "declared-correction")
KNOWN_FORMATS = ("markdown", "pdf-text")


def account(labels, ordinance: model.Ordinance) -> list[str]:
    """The text's own account of how it was obtained and repaired, in sentences."""
    source = ordinance.meta["source"]
    fmt = source.get("format", "")
    key = f"format_{fmt}" if fmt in KNOWN_FORMATS else "format_other"
    sentences = [labels(key, file=source.get("received_as", ""), format=fmt)]
    if source.get("sha256"):
        sentences.append(labels("source_hash", sha256=source["sha256"]))
    counts = repair_counts(ordinance)
    if counts:
        what = [labels(f"repair_{k}", n=n) if k in KNOWN_REPAIRS else labels("repair_other", n=n, kind=k)
                for k, n in counts]
        sentences.append(labels("repairs_made", n=len(ordinance.repairs),
                                what=labels("list_separator").join(what)))
    else:
        sentences.append(labels("repairs_made_none"))
    return sentences
