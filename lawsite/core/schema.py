"""Curated YAML checked against a JSON Schema, each error reported at its `file:line`.

The schema says what a file must hold; its `description`s are the messages an
editor reads: a value that fails a rule is reported with the description of the
rule's property (`"`en` must be one line of text"`), at the line of its key. An
unknown key is reported at its own line, naming the keys the schema allows.
A date (which YAML reads as a date, not a string) is `"format": "yaml-date"`.
`{key}` in a description is the key whose value failed (`the translation of {key} …`).

>>> from lawsite.core import yamlfile
>>> schema = {"type": "object", "additionalProperties": False, "required": ["title"],
...           "properties": {"title": {"type": "string", "description": "`title` must be text"},
...                          "tags": {"type": "array", "description": "`tags` must be a list"}}}
>>> data = yamlfile.loads("title: 条例\\ntags: none\\n", "m.yml")
>>> check(data, schema, "m.yml")
Traceback (most recent call last):
lawsite.core.errors.SourceError: m.yml:2: `tags` must be a list
>>> check(yamlfile.loads("title: 条例\\ntag: [a]\\n", "m.yml"), schema, "m.yml")
Traceback (most recent call last):
lawsite.core.errors.SourceError: m.yml:2: unknown key 'tag' (expected title, tags)
>>> check(yamlfile.loads("tags: []\\n", "m.yml"), schema, "m.yml")
Traceback (most recent call last):
lawsite.core.errors.SourceError: m.yml:1: `title` must be text
"""

import datetime
import json
from functools import cache
from pathlib import Path

import jsonschema

from lawsite.core import yamlfile
from lawsite.core.errors import SourceError
from lawsite.core.errors import shown as quoted

FORMATS = jsonschema.FormatChecker(formats=())


@FORMATS.checks("yaml-date")
def _is_date(value) -> bool:
    """A date as YAML reads it (2024-10-22), not a text nor a time."""
    return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)


@cache
def load(path: Path) -> dict:
    """A schema file (JSON), checked to be a valid schema."""
    schema = json.loads(Path(path).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


def check(data, schema: dict, shown: str, values: bool = False) -> None:
    """Raise a SourceError for the first error (in file order) of `data` against `schema`;
    with `values`, a message about a wrong value quotes it (`…, not '2025-01-01'`)."""
    errors = list(jsonschema.Draft202012Validator(schema, format_checker=FORMATS).iter_errors(data))
    if not errors:
        return
    located = [_located(error, data, shown, values) for error in errors]
    # an unknown key first: where a required key is missing too, it is most often its misspelling
    raise min(located, key=lambda e: (e.line or 0, not e.message.startswith("unknown key"), e.message))


def _located(error: jsonschema.ValidationError, data, shown: str, values: bool = False) -> SourceError:
    container, line = data, _line(data, None)
    for step in error.absolute_path:                    # down to the value that failed
        line = _line(container, step)
        container = container[step]
    if error.validator == "additionalProperties" and isinstance(container, yamlfile.Mapping):
        allowed = list(error.schema.get("properties", {}))
        extra = [key for key in container if key not in allowed][0]
        return SourceError(shown, container.key_line(extra),
                           f"unknown key {str(extra)[:40]!r} (expected {', '.join(allowed)})")
    if error.validator == "required":
        missing = next(name for name in error.validator_value if name not in container)
        described = error.schema.get("properties", {}).get(missing, {}).get("description")
        return SourceError(shown, _line(container, None), described or f"`{missing}` is missing")
    message = error.schema.get("description") or error.message
    if "{key}" in message and error.absolute_path:       # the key whose value failed
        message = message.replace("{key}", str(error.absolute_path[-1])[:40])
    if values and error.validator not in ("minProperties", "dependentRequired"):
        message += f", not {quoted(error.instance)}"
    return SourceError(shown, line, message)


def _line(container, step) -> int:
    """The line of `container[step]` (of the container itself when `step` is None)."""
    if isinstance(container, yamlfile.Mapping):
        return container.key_line(step) if step is not None else container.line
    if isinstance(container, list) and step is not None and isinstance(container[step], yamlfile.Mapping):
        return container[step].line
    if isinstance(container, yamlfile.Sequence):
        return container.item_line(step) if step is not None else container.line
    return getattr(container, "line", 1)
