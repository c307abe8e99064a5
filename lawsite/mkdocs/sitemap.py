"""Material's bundle without its sitemap fetch: for every <link rel="alternate"> in a
page's head (the hook writes one per language, with the hosted site's absolute URL),
Material fetches sitemap.xml beside it to map pages between languages. The site's own
language switch (overrides/partials/alternate.html) links each page to its counterpart
already, so the fetch only fails offline (console errors) and sends a local preview's
requests to the hosted site. The patch makes that selector match no link.

>>> patch_bundle('e.pipe(b(()=>M("link[rel=alternate]")),m(r=>new URL(r.href)))')
'e.pipe(b(()=>M("link[rel=alternate][data-lawsite-sitemap]")),m(r=>new URL(r.href)))'
"""

import re

from lawsite.mkdocs import vendor

SELECTOR = re.compile(r'(?P<call>\b\w+\()"link\[rel=alternate\]"\)')
PATCHED = re.compile(r'"link\[rel=alternate\]\[data-lawsite-sitemap\]"')


def patch_bundle(source: str) -> str:
    """Material's bundle with the sitemap fetch of alternate links disabled (a bundle
    already patched is returned as it is)."""
    return vendor.patch_once(source, PATCHED, [
        (SELECTOR, r'\g<call>"link[rel=alternate][data-lawsite-sitemap]")'),
    ], "the sitemap patch (lawsite/mkdocs/sitemap.py: Material fetches sitemap.xml for "
       "each alternate link): check what upstream does now, and update or remove the patch")
