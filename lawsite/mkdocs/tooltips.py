"""Material's tooltips, made to show text as text.

With `content.tooltips`, Material 9.8.1 replaces the browser's tooltip of an
element with a `title` (a defined term's definition, the site name in the
header, a navigation title too long for its line) by its own — and inserts the
title into it as HTML (`innerHTML`). A title attribute is text: a definition or
a site name quoting `<img src=x onerror=…>` would run. The built bundle is
patched to insert the title as a text node; the build fails if the code it
patches is no longer there (then check whether upstream fixed it).

>>> patch_bundle('function Xe(e,{viewport$:t},r=document.body){return Vt(e,{content$:new F(o=>{'
...              'let n=e.title,i=Cn(n);return o.next(i)})})}'
...              'function ii(e){let t=e.title;if(!t.length)return y;let r=`__tooltip_${ps++}`,'
...              'o=Dt(r,"inline"),n=j(".md-typeset",o);return n.innerHTML=t,H(()=>{})}')
... # doctest: +NORMALIZE_WHITESPACE
'function Xe(e,{viewport$:t},r=document.body){return Vt(e,{content$:new F(o=>{let n=e.title,i=Cn(document.createTextNode(n));return o.next(i)})})}function ii(e){let t=e.title;if(!t.length)return y;let r=`__tooltip_${ps++}`,o=Dt(r,"inline"),n=j(".md-typeset",o);return n.textContent=t,H(()=>{})}'
"""

import re

from lawsite.mkdocs import vendor

# the tooltip of an element: let n=e.title,i=Cn(n)   (Cn inserts a string as HTML)
TOOLTIP = re.compile(r"let (?P<n>\w+)=(?P<e>\w+)\.title,(?P<i>\w+)=(?P<cn>\w+)\((?P=n)\)")
# the inline tooltip of the header: n=j(".md-typeset",o);return n.innerHTML=t,
INLINE = re.compile(r'(?P<head>(?P<n>\w+)=\w+\("\.md-typeset",\w+\);return (?P=n))\.innerHTML=(?P<t>\w+),')
PATCHED = re.compile(r'let (\w+)=\w+\.title,\w+=\w+\(document\.createTextNode\(\1\)\)'
                     r'.*"\.md-typeset",\w+\);return \w+\.textContent=\w+,', re.DOTALL)


def patch_bundle(source: str) -> str:
    """Material's bundle with its tooltips showing titles as text (a bundle already
    patched, as in a live preview's rebuild, is returned as it is)."""
    return vendor.patch_once(source, PATCHED, [
        (TOOLTIP, lambda m: f"let {m['n']}={m['e']}.title,{m['i']}={m['cn']}(document.createTextNode({m['n']}))"),
        (INLINE, r"\g<head>.textContent=\g<t>,"),
    ], "the tooltip patch (lawsite/mkdocs/tooltips.py: a title inserted as HTML): check whether "
       "upstream inserts it as text now, and update or remove the patch")
