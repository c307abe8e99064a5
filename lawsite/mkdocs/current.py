"""The current page marked in the sidebar for assistive technology: Material's
navigation shows the page's own link with the class md-nav__link--active only, so
the hook adds aria-current="page" to that link (the one link to the page itself,
`<a href="./" class="md-nav__link md-nav__link--active">`, as Material's
partials/nav-item.html writes it; a label of that class is not a link).

>>> mark('<label class="md-nav__link md-nav__link--active" for="__toc">x</label>'
...      '<a href="./" class="md-nav__link md-nav__link--active">第一条</a>').split("</label>")[1]
'<a href="./" class="md-nav__link md-nav__link--active" aria-current="page">第一条</a>'
>>> mark('<a href="../a/" class="md-nav__link">第二条</a>')
'<a href="../a/" class="md-nav__link">第二条</a>'
"""

import re

ACTIVE = re.compile(r'(<a href="[^"<>]*" class="md-nav__link md-nav__link--active")>')


def mark(page: str) -> str:
    return ACTIVE.sub(r'\1 aria-current="page">', page)
