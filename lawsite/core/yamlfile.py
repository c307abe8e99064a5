"""Read curated YAML files, keeping the line of every mapping and key.

Errors in curated data must name the line, so a mapping read here is a
`Mapping` (a dict) that also knows where it and each of its keys start:

>>> data = loads("title: 条例\\ndates:\\n  adopted: 2024-10-22\\n", "m.yml")
>>> data["dates"].line, data.key_line("dates"), data["dates"].key_line("adopted")
(3, 2, 3)
"""

from typing import Any

import yaml

from lawsite.core.errors import SourceError


class Mapping(dict):
    """A dict that remembers the source line of itself and of each key."""

    line: int = 1
    key_lines: dict

    def key_line(self, key) -> int:
        return self.key_lines.get(key, self.line)


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
                                  f"key {key!r} appears twice (first on line {seen[key]})")
            seen[key] = key_node.start_mark.line + 1
        mapping = Mapping(super().construct_mapping(node, deep=True))
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = seen
        return mapping


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _Loader.construct_mapping)


def loads(text: str, path) -> Any:
    """Parse YAML text; a syntax error becomes a SourceError naming the line."""
    loader = _Loader(text)
    loader.name = str(path)
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise SourceError(path, mark.line + 1 if mark else None,
                          f"not valid YAML: {error.problem or error}") from None
    finally:
        loader.dispose()


def load(path) -> Any:
    """Read and parse a UTF-8 YAML file."""
    try:
        text = open(path, encoding="utf-8").read()
    except FileNotFoundError:
        raise SourceError(path, None, "file not found") from None
    except UnicodeDecodeError as error:
        raise SourceError(path, None, f"not UTF-8 ({error.reason} at byte {error.start})") from None
    return loads(text, path)
