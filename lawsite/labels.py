"""The site's own interface labels, per language, from translations/labels/<lang>.yml.

>>> labels = Labels.load("zh")
>>> labels("articles_range", first="第一条", last="第七条")
'第一条至第七条'
"""

from pathlib import Path

from . import yamlfile
from .errors import SourceError

DIRECTORY = Path(__file__).resolve().parent.parent / "translations" / "labels"


class Labels:
    def __init__(self, lang: str, table: dict, path: str):
        self.lang, self.table, self.path = lang, table, path

    @classmethod
    def load(cls, lang: str, directory: Path | None = None) -> "Labels":
        path = Path(directory or DIRECTORY) / f"{lang}.yml"
        table = yamlfile.load(path)
        if not isinstance(table, dict):
            raise SourceError(str(path), 1, "labels must be a mapping of key to text")
        return cls(lang, table, str(path))

    def __call__(self, key: str, **values) -> str:
        if key not in self.table:
            raise SourceError(self.path, None, f"no label {key!r}")
        return str(self.table[key]).format(**values)

    def date(self, value) -> str:
        return self("date", year=value.year, month=value.month, day=value.day)
