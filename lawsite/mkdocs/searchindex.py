"""Material's lunr search, per language and with a snippet for the best hit.

Material writes one search index for the whole site, so a query on /en/ ranked
Chinese pages first and the Chinese tree listed English ones. The build splits it:
`search/search_index.json` holds the official tree, `en/search/search_index.json`
the English one (and, offline, `en/search/search_index.js` beside it, as Material's
offline plugin writes for the first); each page names its index's prefix in
<meta name="lawsite:search"> (overrides/main.html), which Material's bundle is
patched to read (`patch_bundle`, checked like every patch: lawsite/mkdocs/vendor.py).

An article page is indexed as a page entry with an empty text (its title), the
article's section with the text, and an empty section repeating the title. Material
shows the page entry first, without a snippet, and folds the section that holds the
words into "在该页上还有 N 个…". `with_snippets` gives the page entry the text of its
only section that has one, and drops the empty sections that repeat the title.
"""

import json
import re
from pathlib import Path

from lawsite.mkdocs import vendor
from lawsite.translation import i18n


def prefix(code: str) -> str:
    """Where a language tree's search index is, below the site's root.

    >>> prefix("zh"), prefix("en")
    ('', 'en/')
    """
    return "" if code == i18n.OFFICIAL else f"{code}/"


def split(data: dict) -> dict[str, dict]:
    """The index of each language tree, by its prefix: the entries whose page is in it.

    >>> data = {"config": {}, "docs": [{"location": "a/"}, {"location": "en/a/#x"}, {"location": ""}]}
    >>> split(data)
    {'': {'config': {}, 'docs': [{'location': 'a/'}, {'location': ''}]}, 'en/': {'config': {}, 'docs': [{'location': 'en/a/#x'}]}}
    """
    trees: dict[str, dict] = {}
    for doc in data["docs"]:
        tree = prefix(i18n.language_of(doc["location"].split("#")[0]))
        trees.setdefault(tree, {**data, "docs": []})["docs"].append(doc)
    return trees


def with_snippets(docs: list[dict]) -> list[dict]:
    """Each page entry without text takes the text of its only section that has one
    (that section goes: the page is the place to land); an empty section with the
    page's title goes. Other pages are left as they are.

    >>> docs = [{"location": "a/", "title": "烟台 第五条", "text": ""},
    ...         {"location": "a/#art_5", "title": "第五条", "text": "<p>乙</p>"},
    ...         {"location": "a/#_1", "title": "烟台 第五条", "text": ""},
    ...         {"location": "b/", "title": "B", "text": ""},
    ...         {"location": "b/#c1", "title": "一", "text": "<p>甲</p>"},
    ...         {"location": "b/#c2", "title": "二", "text": "<p>丙</p>"}]
    >>> [(d["location"], d["text"]) for d in with_snippets(docs)]
    [('a/', '<p>乙</p>'), ('b/', ''), ('b/#c1', '<p>甲</p>'), ('b/#c2', '<p>丙</p>')]
    """
    pages: dict[str, list[dict]] = {}
    for doc in docs:
        pages.setdefault(doc["location"].split("#")[0], []).append(doc)
    out = []
    for location, entries in pages.items():
        page = next((d for d in entries if d["location"] == location), None)
        if page is None or page["text"]:
            out += entries
            continue
        sections = [d for d in entries if d is not page
                    and not (not d["text"] and d["title"] == page["title"])]
        with_text = [d for d in sections if d["text"]]
        if len(with_text) == 1:
            page = {**page, "text": with_text[0]["text"]}
            sections.remove(with_text[0])
        out += [page] + sections
    return out


def write(index: Path, site: Path, offline: bool) -> list[Path]:
    """Split the site's index (`index`, search/search_index.json) into one per language
    tree, each with snippets; offline, each other tree's index also as a script
    (Material's offline plugin makes the first one's after this). The files written."""
    data = json.loads(index.read_text(encoding="utf-8"))
    written = []
    for tree, part in split(data).items():
        part["docs"] = with_snippets(part["docs"])
        text = json.dumps(part, ensure_ascii=False, separators=(",", ":"))
        path = site / tree / "search" / "search_index.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
        if offline and tree:
            script = path.with_suffix(".js")
            script.write_text(f"var __index = {text}", encoding="utf-8")
            written.append(script)
    return written


# Where Material's bundle loads the index: new URL("search/search_index.json",Or.base)
# (and search_index.js from file://). The page's tree prefix goes in front.
INDEX_URL = {ext: re.compile(rf'new URL\("search/search_index\.{ext}",') for ext in ("json", "js")}
TREE = """new URL(((document.querySelector('meta[name="lawsite:search"]')||{}).content||"")+"""
PATCHED = re.compile(re.escape('meta[name="lawsite:search"]'))


# Offline, the bundle reads the index as a script from file:// (search_index.js, which
# Material's offline plugin writes) and as JSON over http(s) (search_index.json): the
# same index twice in each tree (6.6 MB each for 北京). The bundles ship the script
# alone (lawsite/publish/bundles.py), which this patch has the bundle load however the
# folder is opened, from a disk or served by a web server.
SCRIPT_ONLY = re.compile(r'location\.protocol==="file:"\?(?=[\w$]+\(`\$\{new URL\()')
SCRIPT_ALWAYS = '(location.protocol==="file:"||"lawsite:script")?'


def patch_script_loader(source: str) -> str:
    """Let an offline bundle load its index as a script, served or not.

    >>> code = 'function ks(){return location.protocol==="file:"?_t(`${new URL("search/search_index.js",b)}`):ze(1)}'
    >>> patched = patch_script_loader(code)
    >>> patched.count(SCRIPT_ALWAYS), patch_script_loader(patched) == patched
    (1, True)
    """
    return vendor.patch_once(source, re.compile(re.escape(SCRIPT_ALWAYS)), [(SCRIPT_ONLY, SCRIPT_ALWAYS)],
                             "the offline index read as a script (lawsite/mkdocs/searchindex.py)")


def patch_bundle(source: str) -> str:
    """Let each page load its own tree's index.

    >>> patched = patch_bundle('a=new URL("search/search_index.js",b);c=new URL("search/search_index.json",b)')
    >>> patched.count(TREE + '"search/search_index.'), patch_bundle(patched) == patched
    (2, True)
    """
    substitutions: list[tuple[re.Pattern, vendor.Replacement]] = [
        (INDEX_URL[ext], f'{TREE}"search/search_index.{ext}",') for ext in ("json", "js")]
    return vendor.patch_once(source, PATCHED, substitutions,
                             "the search index per language (lawsite/mkdocs/searchindex.py)")
