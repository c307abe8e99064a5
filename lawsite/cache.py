"""The results of one ordinance's work (its parse, its actors) kept between builds,
each under the digest of everything it depends on: the bytes of its metadata and text,
their paths, the build's code (every file of this package) and whatever else the caller
names (the vocabulary's bytes). An edited ordinance, a changed vocabulary or changed code
gives another key, so a kept result is only ever used where the work would give it
again; an edit re-parses only its ordinance.

The cache is a directory beside docs/ (`.docs.cache/`, as `.docs.pdfs/` and
`.docs.generated/`), one pickle a result, written atomically (a killed build leaves no
half file). A build removes the results it did not use, so the directory holds one
build's worth. It is the build's own file, never curated input: delete it at will.

>>> import tempfile
>>> kept = Cache(Path(tempfile.mkdtemp()) / "c")
>>> key = digest("parse", b"text")
>>> kept.get(key) is None
True
>>> kept.put(key, {"a": 1}); Cache(kept.directory).get(key)
{'a': 1}
"""

import hashlib
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).parent


def digest(*parts: str | bytes) -> str:
    """The SHA-256 of the parts, each length-prefixed (no two lists of parts collide)."""
    hashed = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hashed.update(f"{len(data)}:".encode())
        hashed.update(data)
    return hashed.hexdigest()


@cache
def code() -> str:
    """The digest of the build's code and data: every file of the package, by path."""
    files = sorted(path for path in PACKAGE.rglob("*") if path.is_file() and "__pycache__" not in path.parts)
    return digest(*[part for path in files for part in (path.relative_to(PACKAGE).as_posix(), path.read_bytes())])


def tree_digest(*directories) -> str:
    """The digest of every file under the directories, by its path inside its directory
    (where the directories are does not count: the same files give the same digest)."""
    parts = []
    for number, directory in enumerate(directories):
        directory = Path(directory)
        files = sorted(path for path in directory.rglob("*") if path.is_file()) if directory.is_dir() else []
        parts += [str(number)] + [part for path in files
                                  for part in (path.relative_to(directory).as_posix(), path.read_bytes())]
    return digest(*parts)


def file_digest(path) -> str:
    """The digest of a file's bytes ("" when there is none)."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return ""


class Cache:
    """A directory of results by key; `directory` None keeps nothing."""

    def __init__(self, directory: Path | None):
        self.directory = directory
        self.used: set[str] = set()

    def has(self, key: str) -> bool:
        return self.directory is not None and (self.directory / f"{key}.pickle").is_file()

    def get(self, key: str):
        """The result kept under `key`, or None."""
        if self.directory is None:
            return None
        try:
            data = (self.directory / f"{key}.pickle").read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            return None
        try:
            value = pickle.loads(data)
        except Exception:                     # a file damaged outside the build: made again
            return None
        self.used.add(key)
        return value

    def put(self, key: str, value) -> None:
        if self.directory is None:
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.directory, prefix=".tmp-")
        try:
            with os.fdopen(handle, "wb") as file:
                pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.directory / f"{key}.pickle")
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        self.used.add(key)

    def prune(self) -> None:
        """Remove every result this build did not use, and what a killed build left."""
        if self.directory is None or not self.directory.is_dir():
            return
        for path in self.directory.iterdir():
            if path.name.startswith(".tmp-") or (path.suffix == ".pickle" and path.stem not in self.used):
                path.unlink(missing_ok=True)
