"""A synthetic corpus for the benchmark: the real ordinances, copied to many cities.

Each copy is one of the sources with every mention of its city (烟台/济南) replaced
by another city's name, a distinct slug and title, and a jurisdiction in one of a
few provinces, so that the build meets what a national collection would hold:
many ordinances, each of the real size and shape.

    python -m tools.synthetic 100 /tmp/synthetic-sources
"""

import re
import shutil
import sys
from pathlib import Path

import yaml

from lawsite.parse import sources

PROVINCES = ["山东省", "江苏省", "浙江省", "广东省", "河南省", "四川省", "湖北省", "湖南省", "河北省", "福建省"]
CITIES = "甲乙丙丁戊己庚辛壬癸"
SYLLABLES = "东南西北中安宁平和新"


def city(number: int) -> str:
    """A made-up two-character city name, distinct for every number below 100.

    >>> city(0), city(1), city(10)
    ('甲东', '甲南', '乙东')
    """
    return CITIES[number // 10 % 10] + SYLLABLES[number % 10]


def generate(real_sources, target, copies: int) -> Path:
    """Write `copies` ordinances, made from those of `real_sources`, into `target`."""
    target = Path(target)
    shutil.rmtree(target, ignore_errors=True)
    (target / "ordinances").mkdir(parents=True)
    for name in ("departments.yml", "search-terms.yml"):
        if (Path(real_sources) / name).exists():
            shutil.copy(Path(real_sources) / name, target / name)
    originals = sources.read_all(real_sources)
    for number in range(copies):
        original = originals[number % len(originals)]
        old = original.meta["jurisdiction"]["city"].removesuffix("市")
        new = city(number)
        slug = f"city{number:03d}-{original.slug.split('-', 1)[1]}"
        text = "\n".join(original.lines).replace(old, new)
        meta = _plain(original.meta)
        meta.update(slug=slug, title=meta["title"].replace(old, new), text=f"{slug}.txt",
                    short_title=new, short_title_en=f"City {number:03d}",
                    title_en=re.sub(r"of \w+ Municipality", f"of City {number:03d}", meta["title_en"]))
        meta["jurisdiction"] = {"city": f"{new}市", "city_en": f"City {number:03d}",
                                "province": PROVINCES[number % len(PROVINCES)],
                                "province_en": f"Province {number % len(PROVINCES)}"}
        for act in ("enacted", "approved"):
            meta[act]["body"] = meta[act]["body"].replace(old, new)
        meta["source"] = {"received_as": original.meta["source"]["received_as"],
                          "format": original.meta["source"]["format"],
                          "note": f"Synthetic: {original.slug} with {old} replaced by {new}."}
        (target / "ordinances" / f"{slug}.txt").write_text(text, encoding="utf-8")
        (target / "ordinances" / f"{slug}.yml").write_text(
            yaml.safe_dump(meta, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def _plain(value):
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


if __name__ == "__main__":
    copies, target = int(sys.argv[1]), sys.argv[2]
    generate(Path(__file__).resolve().parent.parent / "sources", target, copies)
    print(f"{copies} ordinances in {target}")
