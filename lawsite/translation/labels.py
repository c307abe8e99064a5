"""The site's own interface labels, per language, from translations/labels/<lang>.yml.

>>> labels = Labels("zh", {"articles_range": "{first}至{last}"}, "labels/zh.yml")
>>> labels("articles_range", first="第一条", last="第七条")
'第一条至第七条'

Labels are curated text: each is a string on one line whose placeholders are plain
names ({n}, {month:02d}); the pages escape them where they are written.

>>> Labels.check("en", {"article": "Article {n.__class__}"}, "en.yml")
Traceback (most recent call last):
...
lawsite.core.errors.SourceError: en.yml:1: label 'article': placeholder {n.__class__} must be a plain name, as in {n}
"""

import re
import string
from pathlib import Path

from lawsite.core import yamlfile
from lawsite.core.errors import SourceError, shown

NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class Labels:
    def __init__(self, lang: str, table: dict, path: str):
        self.lang, self.table, self.path = lang, table, path

    @classmethod
    def load(cls, lang: str, directory: Path) -> "Labels":
        """`directory`: the project's labels (translations/labels/)."""
        path = Path(directory) / f"{lang}.yml"
        table = yamlfile.load(path)
        if not isinstance(table, dict):
            raise SourceError(str(path), 1, "labels must be a mapping of key to text")
        cls.check(lang, table, str(path))
        return cls(lang, table, str(path))

    @staticmethod
    def check(lang: str, table: dict, path: str) -> None:
        """Each label a string on one line, with plain placeholders."""
        for key, value in table.items():
            line = table.key_line(key) if hasattr(table, "key_line") else 1
            if not isinstance(value, str) or "\n" in value or "\r" in value:
                raise SourceError(path, line, f"label {shown(key)} must be text on one line, "
                                              f"not {shown(value)}")
            try:
                fields = [field for _, field, spec, _ in string.Formatter().parse(value) if field is not None]
            except ValueError as error:
                raise SourceError(path, line, f"label {shown(key)}: {error} (write a brace as {{{{ or }}}})") \
                    from None
            for field in fields:
                if not NAME.fullmatch(field):
                    raise SourceError(path, line, f"label {shown(key)}: placeholder {{{shown(field, 30)[1:-1]}}} "
                                                  "must be a plain name, as in {n}")

    def __call__(self, key: str, **values) -> str:
        if key not in self.table:
            raise SourceError(self.path, None, f"no label {shown(key)}")
        try:
            return str(self.table[key]).format(**values)
        except (KeyError, IndexError, ValueError) as error:
            line = self.table.key_line(key) if hasattr(self.table, "key_line") else None
            raise SourceError(self.path, line, f"label {key!r} cannot be filled in with "
                              f"{', '.join('{' + name + '}' for name in values) or 'nothing'}: "
                              f"{type(error).__name__} {shown(str(error), 40)}") from None

    def date(self, value) -> str:
        return self("date", year=value.year, month=value.month, day=value.day)
