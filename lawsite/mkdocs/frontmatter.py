"""The generated pages' front matter read as the JSON it is written as
(lawsite/site/page.py: one line of JSON, which is YAML), not by PyYAML, whose
constructor is pure Python: over the 10,851 pages of 北京 and the launch corpus,
1.3 s instead of 21.7 s, the same values for every page. A page whose front matter is
not one line of JSON (a hand-written page's YAML) is left to MkDocs.

The same for the data build_corpus.py writes for the hook as JSON (docs/.nav.yml,
.redirects.yml, .languages.yml): `generated` reads them as JSON, and as YAML only if
they are not (北京's navigation and redirects: 4.2 s by PyYAML, 0.02 s as JSON, in
every shard's build).

The hook reads the page's source (on_page_read_source), keeps the front matter and
gives MkDocs the page with an empty one; it puts the front matter back as the page's
meta before any other plugin's on_page_markdown sees it.

>>> split('---\\n{"title": "第一条", "hide": ["toc"]}\\n---\\n\\n# 第一条\\n')
('---\\n{}\\n---\\n\\n# 第一条\\n', {'title': '第一条', 'hide': ['toc']})
>>> split("---\\ntitle: 关于\\n---\\n# 关于\\n") is None
True
"""

import json
from pathlib import Path

import yaml

EMPTY = "---\n{}\n---\n"


def split(source: str) -> tuple[str, dict] | None:
    """(the page with an empty front matter, its front matter), or None when the front
    matter is not one line of JSON giving a mapping."""
    if not source.startswith("---\n{"):
        return None
    end = source.find("\n", 4)
    if end < 0 or not source.startswith("\n---\n", end):
        return None
    try:
        meta = json.loads(source[4:end])
    except ValueError:
        return None
    if not isinstance(meta, dict):
        return None
    return EMPTY + source[end + 5:], meta


def generated(path: Path):
    """A data file of docs/ that build_corpus.py writes as JSON (which is YAML)."""
    text = Path(path).read_text(encoding="utf-8")
    try:
        return json.loads(text)
    except ValueError:
        return yaml.safe_load(text)
