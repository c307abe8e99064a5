"""HTML fragments of the pages, rendered from the Jinja templates beside this module
(`templates/`) with autoescape: a value is escaped where the template places it,
never by hand. Logic stays in Python; a template receives plain data.

Escaping is the standard library's `html.escape` (quotes as `&quot;` and `&#x27;`),
the one the pages have always used, so that a fragment is the same byte for byte.

>>> render("notice.html", text="<b>非正式</b> & \\"译文\\"", cls="ls-notice")
'<p class="ls-notice" data-search-exclude>&lt;b&gt;非正式&lt;/b&gt; &amp; &quot;译文&quot;</p>'
"""

import html
from functools import cache
from pathlib import Path

import jinja2
from markupsafe import Markup

DIRECTORY = Path(__file__).with_name("templates")


def _escaped(value) -> Markup:
    """Every value a template prints, escaped as html.escape does (Markup is left as it is)."""
    return value if isinstance(value, Markup) else Markup(html.escape(str(value)))


ENVIRONMENT = jinja2.Environment(loader=jinja2.FileSystemLoader(DIRECTORY), autoescape=True,
                                 finalize=_escaped, undefined=jinja2.StrictUndefined,
                                 keep_trailing_newline=False)


def render(name: str, **values) -> str:
    return ENVIRONMENT.get_template(name).render(**values)


@cache
def _fragments():
    return ENVIRONMENT.get_template("fragments.html").module


def fragment(name: str, *args, **values) -> str:
    """One of the small fragments of `templates/fragments.html` (a macro), as a plain
    string: text in it is escaped; what the caller passes as `Markup` (Markdown that
    markup.escape escaped, another fragment) is placed as it is.

    >>> fragment("extref", "《<中华人民共和国>》")
    '<cite class="ls-extref">《&lt;中华人民共和国&gt;》</cite>'
    >>> fragment("extref", Markup("《<i>x</i>》"))
    '<cite class="ls-extref">《<i>x</i>》</cite>'
    """
    return str(getattr(_fragments(), name)(*args, **values))


def safe(text: str) -> Markup:
    """Text already escaped (Markdown from markup.escape, a fragment), to be placed as it is."""
    return Markup(text)
