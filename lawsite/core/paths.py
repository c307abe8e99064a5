"""Paths that come from curated data stay inside their directory.

A file name in ordinance metadata (`text:`), a redirect of registry/redirects.yml,
a slug that becomes a directory of docs/ and site/: each is checked here before
anything is read or written through it.

>>> problem("yantai-digital-economy/article-28.md") is None
True
>>> problem("../../../../tmp/x/index.md")
"has a '..' part, which would leave its directory"
>>> problem("/etc/passwd"), problem("a//b"), problem("a\\\\b"), problem("a\\nb")
("is absolute (starts with '/')", 'has an empty part (//)', 'has a backslash', 'has a control character')
"""

import re
from pathlib import Path

CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def problem(relative: str) -> str | None:
    """What keeps `relative` (a '/'-separated path) from naming a place inside
    its directory, or None."""
    if not isinstance(relative, str) or relative == "":
        return "is empty"
    if CONTROL.search(relative):
        return "has a control character"
    if "\\" in relative:
        return "has a backslash"
    if relative.startswith("/"):
        return "is absolute (starts with '/')"
    for part in relative.split("/"):
        if part == "":
            return "has an empty part (//)"
        if part == "..":
            return "has a '..' part, which would leave its directory"
        if part == ".":
            return "has a '.' part, which names the directory itself"
    return None


def inside(directory, path) -> bool:
    """Does `path`, with every symbolic link followed, lie inside `directory`?

    >>> inside("/srv/sources", "/srv/sources/ordinances/x.txt"), inside("/srv/sources", "/srv/x")
    (True, False)
    """
    return Path(path).resolve().is_relative_to(Path(directory).resolve())
