"""Chinese search: the user dictionary for jieba, the checks that segmentation is
on, and the repair of Material's query segmenter.

Material's search plugin segments Chinese with jieba at build time (words joined
by U+200B in the index) — but only if jieba is importable, and only as well as
jieba's dictionary knows our words; in the browser it segments a query greedily
into the index's own words. So the build makes sure of three things:

- jieba is there and the separator keeps U+200B (otherwise the build fails);
- jieba knows the field's words: a user dictionary made from the corpus
  (department names and terms, defined terms, article labels, short titles)
  and the curated list sources/search-terms.yml;
- the browser's segmenter considers the whole query. Material 9.8.1's loop
  stops one character short (`j < query.length`), so the last word of a query
  is dropped or cut: 数据交易 is searched as 数据. The built worker is patched;
  the build fails if the code it patches is no longer there.
"""

import json
import re
from pathlib import Path

from lawsite.core import schema, yamlfile
from lawsite.core.errors import display_path
from lawsite.mkdocs import vendor

USER_DICTIONARY = ".search/userdict.txt"   # generated, under docs/ (not published)
SCHEMA = Path(__file__).with_name("search-terms.schema.json")

# Material's query segmenter, minified: for(let o=s+1;o<t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)
SEGMENT_LOOP = re.compile(
    r"""
    for\(let\ (?P<j>\w+)=(?P<i>\w+)\+1;   # for (let j = i + 1;
    (?P=j)<(?P<q>\w+)\.length;             #      j < query.length;    ← one short
    (?P=j)\+\+\)(?P=q)\.slice\((?P=i),(?P=j)\)in\ \w+&&   # j++) query.slice(i, j) in index &&
    """,
    re.VERBOSE,
)
# …and where it continues after a word: n[a]&&a<t.length-1&&(i[s++]=a)
CONTINUE = re.compile(r"(?P<head>&&(?P<a>\w+)<(?P<q>\w+)\.length)-1(?P<tail>&&\(\w+\[\w+\+\+\]=(?P=a)\))")


def terms(path: Path) -> list[str]:
    """The words of sources/search-terms.yml (none when there is no such file),
    checked by search-terms.schema.json."""
    if not path.exists():
        return []
    data = yamlfile.load(path)
    schema.check(data, schema.load(SCHEMA), display_path(path))
    return [t.strip() for t in data["terms"]]


def user_dictionary(words) -> str:
    """jieba's user dictionary: one word per line; jieba gives each the frequency
    that keeps it whole. Sorted, without duplicates, for a byte-identical build.

    >>> user_dictionary(["数据交易", "算力", "数据交易", "x y"])
    '数据交易\\n算力\\n'
    """
    words = {w for w in words if w and not re.search(r"\s", w)}
    return "".join(f"{word}\n" for word in sorted(words))


def corpus_words(corpus) -> list[str]:
    """The corpus' own words for the dictionary."""
    words = []
    for ordinance in corpus.ordinances:
        words.append(ordinance.meta.get("short_title", ordinance.title))
        words += [article.label for article in ordinance.articles]
        words += [chapter.title for chapter in ordinance.chapters]
    if corpus.vocabulary:
        for actor in corpus.vocabulary.actors:
            words.append(actor.name)
            words += actor.terms
    return words


PATCHED = re.compile(r"for\(let (\w+)=\w+\+1;\1<=\w+\.length;")


def patch_worker(source: str) -> str:
    """Let Material's query segmenter consider the whole query (a worker already
    patched, as in a live preview's rebuild, is returned as it is).

    >>> patch_worker("for(let o=s+1;o<t.length;o++)t.slice(s,o)in e&&(n[s]=o-s);"
    ...              "let a=o+n[o];n[a]&&a<t.length-1&&(i[s++]=a)")
    'for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e&&(n[s]=o-s);let a=o+n[o];n[a]&&a<t.length&&(i[s++]=a)'
    """
    return vendor.patch_once(source, PATCHED, [
        (SEGMENT_LOOP, lambda m: m.group(0).replace(f"{m['j']}<{m['q']}.length", f"{m['j']}<={m['q']}.length")),
        (CONTINUE, r"\g<head>\g<tail>"),
    ], "the repair of the query segmenter (lawsite/mkdocs/search.py): check whether the upstream bug "
       "is fixed, and update or remove the patch")


# Material's search results insert each document's title, text and tags as HTML
# (innerHTML). Its indexer writes text HTML-escaped, with only the bare tags it keeps
# (<p>, <li>, <code> …); anything else in the index would be markup from our data.
KEPT_TAG = re.compile(r"</?(?:p|code|pre|li|ol|ul|sub|sup)>")


def markup_in_index(data: dict) -> list[str]:
    """Where the search index holds markup that did not come from Material's indexer:
    any < in a tag, or in a title or text other than a bare tag Material keeps.

    >>> markup_in_index({"docs": [{"location": "a/", "title": "甲 &lt;b&gt;", "text": "<p>乙</p>",
    ...                            "tags": ["烟台", "<img src=x onerror=alert(1)>"]}]})
    ["a/: tag '<img src=x onerror=alert(1)>'"]
    """
    found = []
    for doc in data.get("docs", []):
        for name in ("title", "text"):
            if "<" in KEPT_TAG.sub("", doc.get(name, "")):
                found.append(f"{doc.get('location')}: {name} {_shown(doc[name])}")
        found += [f"{doc.get('location')}: tag {_shown(tag)}" for tag in doc.get("tags", [])
                  if "<" in tag]
    return found


def _shown(value: str, width: int = 60) -> str:
    return repr(value if len(value) <= width else value[:width] + "…")


def reencode_index(path) -> None:
    """Material writes the search index ASCII-escaped: six bytes for each Chinese
    character and each U+200B between words. Written as UTF-8 it is about half.
    An index that holds markup (markup_in_index) is refused: search would run it."""
    data = json.loads(path.read_text(encoding="utf-8"))
    found = markup_in_index(data)
    if found:
        raise ValueError("the search index holds markup, which search results would run: "
                         + "; ".join(found[:5]) + (f" and {len(found) - 5} more" if len(found) > 5 else ""))
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
