"""Legal text with its cross-links: references to other provisions become links to
them, external laws are marked, and each use of a defined term links to its
definition, which shows on hover and focus.

Spans come from lawsite.references and lawsite.definitions as character offsets
in an element's text; this module turns the text and its spans into escaped
HTML. Links go to the .md pages, which the hook rewrites for pretty URLs and for
file:// alike (lawsite/mkdocs/ready.py).

>>> text = "依照第十条规定。"
>>> spans = [Span(2, 5, "link", "article-10.md", "art_10", "")]
>>> marked_up(text, spans)
'依照<a class="ls-ref" href="article-10.md#art_10">第十条</a>规定。'
"""

from dataclasses import dataclass

from lawsite.site import markup
from lawsite.site.templates import fragment, safe


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str            # link | external | term
    target: str = ""     # the .md path linked to ("" for this page)
    anchor: str = ""     # the eId linked to
    title: str = ""      # a term's definition, shown as its tooltip


def marked_up(text: str, spans: list[Span]) -> str:
    """The text as HTML, each span (non-overlapping, in order) marked up."""
    out, last = [], 0
    for span in sorted(spans, key=lambda s: s.start):
        if span.start < last:
            continue                                  # overlaps the one before: keep the first
        out.append(markup.escape(text[last:span.start]))
        shown = markup.escape(text[span.start:span.end])
        if span.kind == "external":
            out.append(fragment("extref", safe(shown)))
        else:
            cls = "ls-term" if span.kind == "term" else "ls-ref"
            out.append(markup.link(shown, span.target, span.anchor, title=span.title, cls=cls))
        last = span.end
    out.append(markup.escape(text[last:]))
    return "".join(out)

