"""HTML fragments come from templates with autoescape: whatever a value holds is shown,
never run, escaped exactly as html.escape escapes it."""

import html

import jinja2
import pytest

from lawsite.site import templates

HOSTILE = "\"'><script>alert(1)</script>&amp;"


def test_every_value_is_escaped_as_html_escape_does():
    out = templates.render("notice.html", text=HOSTILE, cls="ls-notice")
    assert out == f'<p class="ls-notice" data-search-exclude>{html.escape(HOSTILE)}</p>'
    assert "<script>" not in out


def test_the_citation_box_escapes_text_and_attributes():
    out = templates.render("citation_box.html", title="引用", copy="复制",
                           rows=[{"name": HOSTILE, "text": HOSTILE, "shown": HOSTILE, "copy_label": HOSTILE}])
    assert "<script>" not in out and out.count(html.escape(HOSTILE)) == 4
    assert f'data-copy="{html.escape(HOSTILE)}"' in out


def test_a_missing_value_is_an_error_not_an_empty_string():
    with pytest.raises(jinja2.UndefinedError):
        templates.render("notice.html", text="x")
