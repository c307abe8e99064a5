"""Patches to Material's built JavaScript: each substitution must match exactly once.

Material's bundles are minified, so a patch names what it changes by regular
expressions. If upstream changes that code, a substitution matches zero times
(or twice) and the build fails, naming the patch, rather than shipping a bundle
half patched. A file already patched (a live preview's rebuild) is left alone.

>>> import re
>>> patch_once("a<b;", re.compile("a<=b"), [(re.compile("a<b"), "a<=b")], "test")
'a<=b;'
>>> patch_once("a<=b;", re.compile("a<=b"), [(re.compile("a<b"), "a<=b")], "test")
'a<=b;'
>>> patch_once("c;", re.compile("a<=b"), [(re.compile("a<b"), "a<=b")], "the test patch")
Traceback (most recent call last):
...
ValueError: Material's code no longer has what the test patch changes (a<b matched 0 times)
"""

import re
from collections.abc import Callable

Replacement = str | Callable[[re.Match], str]


def patch_once(source: str, done: re.Pattern, substitutions: list[tuple[re.Pattern, Replacement]],
               what: str) -> str:
    """`source` with each substitution applied, each matching exactly once; `done`
    recognises a source already patched. `what` names the patch in the error."""
    if done.search(source):
        return source
    for pattern, replacement in substitutions:
        source, count = pattern.subn(replacement, source)
        if count != 1:
            raise ValueError(f"Material's code no longer has what {what} changes "
                             f"({pattern.pattern[:60]} matched {count} times)")
    return source
