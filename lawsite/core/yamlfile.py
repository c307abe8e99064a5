"""Read curated YAML files, keeping the line of every mapping and key.

Errors in curated data must name the line, so a mapping read here is a
`Mapping` (a dict) that also knows where it and each of its keys start:

>>> data = loads("title: 条例\\ndates:\\n  adopted: 2024-10-22\\n", "m.yml")
>>> data["dates"].line, data.key_line("dates"), data["dates"].key_line("adopted")
(3, 2, 3)

and a list read here is a `Sequence` that knows the line of each item:

>>> loads("terms:\\n  - 数据\\n  - 算力\\n", "m.yml")["terms"].item_line(1)
3

Curated files are data written out by hand: anchors and aliases (`&a`, `*a`),
which let a few lines expand into gigabytes, are refused, and so is a date that
does not exist, each naming its line:

>>> loads("a: &x [1, 2]\\nb: *x\\n", "m.yml")
Traceback (most recent call last):
...
lawsite.core.errors.SourceError: m.yml:1: YAML anchors and aliases (&x, *x) are not allowed in a curated file: write each value out
>>> loads("effective: 2024-02-30\\n", "m.yml")
Traceback (most recent call last):
...
lawsite.core.errors.SourceError: m.yml:1: 2024-02-30 is not a date (day is out of range for month)
"""

from typing import Any

import yaml

from lawsite.core.errors import SourceError, shown


class Mapping(dict):
    """A dict that remembers the source line of itself and of each key, and its file."""

    line: int = 1
    key_lines: dict
    path: str = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.key_lines = {}

    def key_line(self, key) -> int:
        return self.key_lines.get(key, self.line)


class Sequence(list):
    """A list that remembers the source line of itself and of each item."""

    line: int = 1
    item_lines: list

    def item_line(self, index: int) -> int:
        return self.item_lines[index] if 0 <= index < len(self.item_lines) else self.line


# libyaml's parser when PyYAML has it (several times faster); the constructor that
# records lines is Python either way.
_Base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):
    def construct_mapping(self, node, deep=False):
        # Duplicate keys are silently merged by PyYAML; in curated data they are mistakes.
        seen = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise SourceError(self.name, key_node.start_mark.line + 1,
                                  f"key {shown(key)} appears twice (first on line {seen[key]})")
            seen[key] = key_node.start_mark.line + 1
        mapping = Mapping(super().construct_mapping(node, deep=True))
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = seen
        mapping.path = self.name
        return mapping

    def construct_lines_sequence(self, node):
        items = Sequence(self.construct_sequence(node, deep=True))
        items.line = node.start_mark.line + 1
        items.item_lines = [child.start_mark.line + 1 for child in node.value]
        return items

    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError as error:          # 2024-02-30: the shape of a date, not a date
            raise SourceError(self.name, node.start_mark.line + 1,
                              f"{shown(node.value)[1:-1]} is not a date ({error})") from None


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _Loader.construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _Loader.construct_lines_sequence)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


def _refuse_aliases(text: str, path) -> None:
    """Anchors and aliases, found in the parser's events before anything is built."""
    for event in yaml.parse(text, Loader=_Base):
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            name = shown(anchor, 20).strip("'")
            mark = event.start_mark
            raise SourceError(path, mark.line + 1 if mark else None,
                              f"YAML anchors and aliases (&{name}, *{name}) are not allowed "
                              "in a curated file: write each value out")


def loads(text: str, path) -> Any:
    """Parse YAML text; a syntax error becomes a SourceError naming the line."""
    try:
        _refuse_aliases(text, path)
        loader = _Loader(text)
        loader.name = str(path)
        try:
            return loader.get_single_data()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise SourceError(path, mark.line + 1 if mark else None,
                          f"not valid YAML: {error.problem or error}") from None


def load(path) -> Any:
    """Read and parse a UTF-8 YAML file."""
    try:
        text = open(path, encoding="utf-8").read()
    except FileNotFoundError:
        raise SourceError(path, None, "file not found") from None
    except UnicodeDecodeError as error:
        raise SourceError(path, None, f"not UTF-8 ({error.reason} at byte {error.start})") from None
    return loads(text, path)
