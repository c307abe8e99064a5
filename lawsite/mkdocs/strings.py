"""Material's interface strings (its `lang.t(key)`, a macro of each language's file that
builds the whole table of its strings on every call), each looked up once per build
for each language and key: a page asks for some thirty of them, in every language the
same (overrides/partials/language.html, which falls back to English, then the key).

>>> asked = []
>>> def zh(key):
...     asked.append(key)
...     return {"search": "搜索"}.get(key, "")
>>> strings = Strings()
>>> [strings("zh", key, zh, lambda key: {"top": "Back to top"}.get(key, "")) for key in ("search", "top", "x", "search")]
['搜索', 'Back to top', 'x', '搜索']
>>> asked
['search', 'top', 'x']
"""


class Strings:
    def __init__(self):
        self.known: dict[tuple[str, str], object] = {}

    def __call__(self, code: str, key: str, t, fallback):
        """`t(key) or fallback(key) or key` (Material's macros of the language `code`
        and of English), once for each language and key."""
        found = self.known.get((code, key))
        if found is None:
            found = self.known[(code, key)] = t(key) or fallback(key) or key
        return found
