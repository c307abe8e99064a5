"""Errors and warnings that name the file, the line and the problem.

>>> str(SourceError("sources/ordinances/x.txt", 12, "第五条 is missing"))
'sources/ordinances/x.txt:12: 第五条 is missing'
>>> str(SourceError("sources/ordinances/x.yml", None, "no such file"))
'sources/ordinances/x.yml: no such file'

A message quotes a curated value with `shown`: on one line, and short, however
long the value (a message must never be bigger than the mistake it reports).
"""

import reprlib
from dataclasses import dataclass
from pathlib import Path

_REPR = reprlib.Repr()
_REPR.maxstring = _REPR.maxother = 200          # bounded work on a huge value
_REPR.maxlist = _REPR.maxdict = _REPR.maxtuple = _REPR.maxset = 6
_REPR.maxlevel = 3


def shown(value, width: int = 60) -> str:
    """`value` for a message: its repr, one line, at most `width` characters and "…".

    >>> print(shown("第一行\\n第二行"))
    '第一行\\n第二行'
    >>> print(shown("x" * 100))
    'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…
    >>> print(shown([["ha"] * 10] * 10))
    [['ha', 'ha', 'ha', 'ha', 'ha', 'ha', ...], ['ha', 'ha', 'h…
    """
    text = _REPR.repr(value).replace("\n", "\\n")
    return text if len(text) <= width else text[: width - 1] + "…"


def _where(path, line) -> str:
    return f"{path}:{line}" if line else f"{path}"


class SourceError(Exception):
    """Bad input: the build stops and writes nothing."""

    def __init__(self, path, line: int | None, message: str):
        self.path, self.line, self.message = str(path), line, message
        super().__init__(f"{_where(path, line)}: {message}")


@dataclass(frozen=True)
class Notice:
    """Something an editor should know about, that does not stop the build."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"{_where(self.path, self.line)}: {self.message}"


def display_path(path) -> str:
    """A path relative to the working directory when it lies under it."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
