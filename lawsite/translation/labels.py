"""The site's own interface labels, per language, from translations/labels/<lang>.yml.

>>> labels = Labels("zh", {"articles_range": "{first}至{last}"}, "labels/zh.yml")
>>> labels("articles_range", first="第一条", last="第七条")
'第一条至第七条'
"""

from pathlib import Path

from lawsite.core import schema, yamlfile
from lawsite.core.errors import SourceError

SCHEMA = Path(__file__).with_name("labels.schema.json")


class Labels:
    def __init__(self, lang: str, table: dict, path: str):
        self.lang, self.table, self.path = lang, table, path

    @classmethod
    def load(cls, lang: str, directory: Path) -> "Labels":
        """`directory`: the project's labels (translations/labels/)."""
        path = Path(directory) / f"{lang}.yml"
        table = yamlfile.load(path)
        schema.check(table, schema.load(SCHEMA), str(path))
        return cls(lang, table, str(path))

    def __call__(self, key: str, **values) -> str:
        if key not in self.table:
            raise SourceError(self.path, None, f"no label {key!r}")
        return str(self.table[key]).format(**values)

    def date(self, value) -> str:
        return self("date", year=value.year, month=value.month, day=value.day)
