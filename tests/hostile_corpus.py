"""A fixture corpus whose every curated field is hostile: the ordinance's metadata,
its text, the vocabulary of departments, the English translation and the interface
labels each carry markup that would run script if it were ever read as HTML
(`<img src=x onerror=alert(N)>`, `"><script>alert(N)</script>`, `</title>…`).
N numbers the field, so that a dialog names the field that leaked (`FIELDS[N]`).

Used by tests/test_hostile_input.py (the generated files) and
tests/e2e/test_hostile_search.py (searched and clicked in Chromium)."""

import contextlib
import io
from pathlib import Path

import yaml

from .conftest import ROOT, SourcesTree, build_site_into, dump_metadata, metadata

FIELDS: dict[int, str] = {}          # N → the curated field whose text carries alert(N)


def bad(field: str, spaces: bool = True) -> str:
    """Markup that runs alert(N) in every HTML context it could be read in: element
    content, a double-quoted attribute, the <title>; numbered after `field`. Without
    `spaces`, for the text's title line (whose spaces the build repairs away) and
    vocabulary terms (which cannot hold spaces)."""
    number = len(FIELDS) + 1
    FIELDS[number] = field
    markup = (f'<img/src="x"/onerror=alert({number})>"><script>alert({number})</script>'
              f"</title><svg/onload=alert({number})>")
    return markup if not spaces else f"<img src=x onerror=alert({number})>" + markup


# -- the corpus ----------------------------------------------------------------------------

SLUG, SECOND = "test-ordinance", "second-ordinance"
ACTOR_TERM = bad("departments.yml terms", spaces=False)


def _text(title: str, which: str) -> str:
    """The text: hostile in its title, a chapter heading, an article, a definition (shown
    as the tooltip of each use of the term) and the title of an external law; articles 2
    and 3 name the actors; the two ordinances' articles are alike, so that they are
    compared as parallels."""
    return f"""# {title}

第一章 总则{bad(f"the text ({which}): a chapter heading")}

第一条 {bad(f"the text ({which}): an article")}任何组织应当遵守本条例。

第二条 大数据部门应当推动数据开发利用，促进数据依法有序流动。

第三条 {ACTOR_TERM}单位应当依法处理数据，保障数据安全。

第四条 本条例所称<b>数据</b>，是指{bad(f"the text ({which}): a definition")}以电子方式记录的信息。

第五条 <b>数据</b>处理者应当遵守《{bad(f"the text ({which}): an external law", spaces=False)}法》。

第二章 附则

第六条 本条例自2025年1月1日起施行。
"""


def _meta(slug: str, which: str) -> dict:
    title = f"{which}市" + bad(f"title ({which}; and the text's title line)", spaces=False) + "条例"
    return metadata(
        slug, title,
        title_en="Test Regulations " + bad(f"title_en ({which})"),
        short_title=which + bad(f"short_title ({which})"),
        short_title_en="Test " + bad(f"short_title_en ({which})"),
        jurisdiction={"city": f"{which}市" + bad(f"jurisdiction.city ({which})"),
                      "city_en": "Test City " + bad(f"jurisdiction.city_en ({which})"),
                      "province": "山东省" + bad(f"jurisdiction.province ({which})"),
                      "province_en": "Shandong " + bad(f"jurisdiction.province_en ({which})")},
        enacted={"body": f"{which}市人大常委会" + bad(f"enacted.body ({which})"),
                 "body_en": "Standing Committee " + bad(f"enacted.body_en ({which})"),
                 "date": metadata()["enacted"]["date"]},
        approved={"body": "山东省人大常委会" + bad(f"approved.body ({which})"),
                  "body_en": "Provincial Standing Committee " + bad(f"approved.body_en ({which})"),
                  "date": metadata()["approved"]["date"]},
        source={"received_as": "x.txt" + bad(f"source.received_as ({which})"),
                "format": "markdown" + bad(f"source.format ({which})"),
                "note": "a hostile fixture" + bad(f"source.note ({which})")})


def _ordinance(slug: str, which: str) -> tuple[dict, str]:
    meta = _meta(slug, which)
    return meta, _text(meta["title"], which)


ORDINANCES = {SLUG: _ordinance(SLUG, "测试"), SECOND: _ordinance(SECOND, "第二")}   # slug → (metadata, text)


VOCABULARY = {
    # how names are written around terms: the repository's own (data, not hostile)
    "names": yaml.safe_load((ROOT / "sources" / "departments.yml").read_text(encoding="utf-8"))["names"],
    "generic": ["有关部门" + bad("departments.yml generic", spaces=False)],
    "actors": [
        {"slug": "big-data", "name": "大数据部门" + bad("departments.yml name"),
         "name_en": "Big Data Bureau " + bad("departments.yml name_en"),
         "kind": "department", "terms": ["大数据"]},
        {"slug": "hostile-unit", "name": "单位" + bad("departments.yml name (other)"),
         "name_en": "Unit " + bad("departments.yml name_en (other)"),
         "kind": "other", "terms": [ACTOR_TERM + "单位"]},
    ],
}

TRANSLATION = {
    "status": "unofficial",
    "translator": "translator " + bad("translation translator"),
    "note": "note " + bad("translation note"),
    "text": {"chp_1": "General " + bad("translation: a chapter title"),
             "art_1__para_1": "Everyone " + bad("translation: a paragraph"),
             "art_2__para_1": "The big data bureau " + bad("translation: another paragraph")},
}


def hostile_labels(lang: str) -> dict:
    """The real interface labels, each with hostile markup appended (placeholders kept)."""
    table = yaml.safe_load((ROOT / "translations" / "labels" / f"{lang}.yml").read_text(encoding="utf-8"))
    return {key: f"{value}{bad(f'label {lang}.{key}')}" for key, value in table.items()}


LABELS = {lang: hostile_labels(lang) for lang in ("zh", "en")}

# every hostile string of the corpus, for the tests that look for them in the output
STRINGS = [s for s in FIELDS.values()]


def write(root: Path) -> tuple[Path, Path, Path]:
    """Write the hostile sources/, translations/ (with labels/) under `root`."""
    tree = SourcesTree(root / "sources")
    for slug, (meta, text) in ORDINANCES.items():
        (tree.root / "ordinances" / f"{slug}.yml").write_text(dump_metadata(meta), encoding="utf-8")
        (tree.root / "ordinances" / f"{slug}.txt").write_text(text, encoding="utf-8")
    (tree.root / "departments.yml").write_text(
        yaml.safe_dump(VOCABULARY, allow_unicode=True, sort_keys=False), encoding="utf-8")
    translations = root / "translations"
    (translations / "en").mkdir(parents=True)
    (translations / "en" / f"{SLUG}.yml").write_text(
        yaml.safe_dump(TRANSLATION, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (translations / "labels").mkdir()
    for lang, table in LABELS.items():
        (translations / "labels" / f"{lang}.yml").write_text(
            yaml.safe_dump(table, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return tree.root, translations, translations / "labels"


@contextlib.contextmanager
def hostile_labels_in_use(directory: Path):
    """The interface labels are the project's, `directory` (translations/labels, which
    the build is given and writes into docs/ for MkDocs' hooks): nothing to patch."""
    yield


def build(root: Path) -> dict:
    """Build the hosted site and the offline bundle of the hostile corpus under `root`:
    {"docs", "site", "bundle" (the zip), "warnings"}."""
    from lawsite.publish import publish
    sources, translations, labels = write(root)
    err = io.StringIO()
    with hostile_labels_in_use(labels), contextlib.redirect_stderr(err):
        docs, site = build_site_into(root, sources, translations)
        bundle = publish.build_bundle(root / "lawsite-offline.zip", ROOT / "mkdocs.offline.yml", docs, root / "offline")
    return {"docs": docs, "site": site, "bundle": bundle, "warnings": err.getvalue(),
            "offline": root / "offline" / publish.BUNDLE}
