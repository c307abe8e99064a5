"""Material's bundle without its closing of search at startup on a page opened at an
anchor.

Material closes the search (and the drawer) 125 ms after the location or its hash
changes: `merge(location$, hash$).pipe(debounceTime(125))`. Its `hash$` starts with the
hash the page was opened with, so on a page opened at an anchor — every citation of a
paragraph, `…/article-14/#art_14__para_1` — the search a reader opens in the page's first
moments closes by itself: the results are computed but hidden, and the focus is lost.
The patch closes on the changes only: a `hashchange` event instead of `hash$`, whose
first value is the page's own anchor.

>>> bundle = ('function Zr(e){return L(h(window,"hashchange"),e).pipe(m(vn))}'
...           'L(Kt,Ht).pipe(nt(125)).subscribe(()=>{at("drawer",!1),at("search",!1)});')
>>> patch_bundle(bundle)[len('function Zr(e){return L(h(window,"hashchange"),e).pipe(m(vn))}'):]
'L(Kt,h(window,"hashchange")).pipe(nt(125)).subscribe(()=>{at("drawer",!1),at("search",!1)});'
"""

import re

from lawsite.mkdocs import vendor

# Material's hash$: merge(fromEvent(window, "hashchange"), location$) — gives fromEvent's name
FROM_EVENT = re.compile(r'\b\w+\((?P<from_event>\w+)\(window,"hashchange"\),\w+\)\.pipe\(')
# merge(location$, hash$).pipe(debounceTime(125)).subscribe(() => { close drawer, close search })
CLOSE = re.compile(r'(?P<merge>\b\w+)\((?P<location>\w+),\w+\)(?P<rest>\.pipe\(\w+\(125\)\)\.subscribe\(\(\)=>'
                   r'\{\w+\("drawer",!1\),\w+\("search",!1\)\}\))')
PATCHED = re.compile(r'\b\w+\(\w+,\w+\(window,"hashchange"\)\)\.pipe\(\w+\(125\)\)\.subscribe\(\(\)=>'
                     r'\{\w+\("drawer",!1\)')


def patch_bundle(source: str) -> str:
    """Material's bundle that closes the search on a change of the location or its hash,
    not on the anchor the page was opened at (a bundle already patched is returned as
    it is)."""
    found = list(FROM_EVENT.finditer(source))
    from_event = found[0]["from_event"] if len(found) == 1 else None

    def close_on_changes(match: re.Match) -> str:
        return f'{match["merge"]}({match["location"]},{from_event}(window,"hashchange")){match["rest"]}'

    return vendor.patch_once(source, PATCHED, [
        (FROM_EVENT, lambda match: match.group()),       # (must be there once: it names fromEvent)
        (CLOSE, close_on_changes),
    ], "the anchor patch (lawsite/mkdocs/anchorclose.py: Material closes the search at startup "
       "on a page opened at an anchor): check what upstream does now, and update or remove the patch")
