"""Smaller HTML: drop the indentation and the blank lines of the theme's templates.

Material's templates are deeply indented and leave runs of blank lines (a page is a
third larger for them). A newline followed by any whitespace, blank lines included,
renders exactly as the newline alone, outside the blocks where whitespace counts
(pre, textarea) and the scripts and styles, which are left as they are. (A full
minifier costs forty times as long per page.)

>>> compact("<div>\\n    <p>甲</p>\\n\\n\\n  <p>乙</p>\\n  <pre>  keep\\n\\n    this</pre>\\n</div>")
'<div>\\n<p>甲</p>\\n<p>乙</p>\\n<pre>  keep\\n\\n    this</pre>\\n</div>'
"""

import re

KEEP = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2>)", re.DOTALL | re.IGNORECASE)
INDENT = re.compile(r"\n[ \t\r\n]+")


def compact(page: str) -> str:
    parts = KEEP.split(page)
    # split() returns text, then (block, tag name) for each kept block
    out = []
    for index, part in enumerate(parts):
        position = index % 3
        if position == 0:
            out.append(INDENT.sub("\n", part))
        elif position == 1:
            out.append(part)
    return "".join(out)
