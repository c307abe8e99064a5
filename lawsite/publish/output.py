"""Write the generated files of docs/ beside the hand-written ones, all at once.

docs/ holds the hand-written pages (committed: see .gitignore) and, for each
generated entry — a directory such as `yantai-digital-economy/`, a file such as
`.nav.yml` — a symbolic link through the `current` link of a store beside docs/
(lawsite/atomic.py):

    docs/yantai-digital-economy -> ../.docs.generated/current/yantai-digital-economy
    docs/en/yantai-digital-economy -> ../../.docs.generated/current/en/yantai-digital-economy

The files come one by one (a build holds one page at a time, not the site) and
go into a new version in the store, which nobody sees until it is complete: a
bad source, or a problem found only at the end, never touches docs/. A build
writes the whole generated tree anew as such a version and switches `current`
to it in one step: a build that fails or is
killed at any point leaves docs/ entirely old or entirely new, and the next one
removes what it left. Files whose bytes did not change are hard links to the
old ones and keep their modification time (a live preview rebuilds only what
changed). The manifest (docs/.generated) lists what the build generated; a
hand-written file is never overwritten, and never lost. Beside it in each version,
`.generated.digests` records each generated file's SHA-256 and what `stat` said of it
(size, modification time, inode): the next build compares a new file's digest with the
recorded one, and reads the old file back only where it is not as recorded (changed
behind the build's back, or a version written before the digests were kept). A second build of the
same docs/ at the same time stops and names the first (the store's lock, which a
build holds from its start: `locked`).
"""

import contextlib
import filecmp
import hashlib
import json
import os
import shutil
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from lawsite.core import atomic, paths
from lawsite.core.errors import SourceError, display_path

MANIFEST = ".generated"
DIGESTS = ".generated.digests"      # in the version only: each file's digest and stat
# a file's content: its text, its bytes, or its text in pieces (written as they come)
Content = str | bytes | Iterator[str]


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)


def store(root) -> atomic.Store:
    """The store of the generated versions of `root` (docs/ → .docs.generated/)."""
    root = Path(root).absolute()
    return atomic.Store(root.parent / f".{root.name}.generated")


def previous_manifest(root) -> list[str]:
    """The files that the last build generated under `root`."""
    try:
        text = (Path(root) / MANIFEST).read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return []
    return [line for line in text.split("\n") if line]


def write_tree(root, files: Mapping[str, Content] | Iterable[tuple[str, Content]]) -> WriteReport:
    """Make the generated files under `root` exactly `files` (path → content, or the
    (path, content) pairs of a stream, each path once). A content may be an iterator
    of str pieces, written one by one (the dataset, whose whole text is too large to hold).
    Under the lock of `root` (`locked`: taken for the writing, or held on from a build's start)."""
    root = Path(root).absolute()
    if isinstance(files, Mapping):
        files = sorted(files.items())
        for path, _ in files:                          # a bad path of a mapping stops before the lock
            _refuse_path(root, path)
    versions = store(root)
    try:
        with locked(root):
            return _write(root, iter(files), versions)
    except OSError as error:
        raise _cannot_write(root, error) from None


_building: set[Path] = set()       # the roots whose lock this process holds through `locked`
os.register_at_fork(after_in_child=_building.clear)       # (a forked worker holds none: core/atomic.py)


@contextlib.contextmanager
def locked(root) -> Iterator[None]:
    """Hold the lock of the generated files under `root` for the duration: a second build
    of the same docs/ (or a publish, which holds it while it reads docs/) stops with a
    message naming the first. A build holds it from its start, before it reads or writes
    the caches beside docs/ (.docs.cache/, .docs.pdfs/); within it, write_tree holds it on
    (re-entrant in this process; released when the outermost ends, however it ends)."""
    root = Path(root).absolute()
    if root in _building:
        yield
        return
    with contextlib.ExitStack() as holding:
        try:
            holding.enter_context(store(root).locked(f"a build of {display_path(root)}"))
        except OSError as error:
            raise _cannot_write(root, error) from None
        _building.add(root)
        try:
            yield
        finally:
            _building.discard(root)


def _cannot_write(root: Path, error: OSError) -> SourceError:
    where = display_path(error.filename) if error.filename else display_path(root)
    return SourceError(where, None, f"cannot write the generated pages: {error.strerror}")


def _refuse_path(root: Path, path: str) -> None:
    problem = paths.problem(path)
    if problem:
        raise SourceError(display_path(root), None, f"a generated file's path {path[:100]!r} "
                          f"{problem}: nothing is written outside {display_path(root)}")


def _write(root: Path, files: Iterator[tuple[str, Content]], versions: atomic.Store) -> WriteReport:
    root.mkdir(parents=True, exist_ok=True)
    versions.clean()
    _unlink_dangling(root, versions)
    previous = set(previous_manifest(root))
    hand = _hand_written(root, versions, previous)
    current = versions.current_version()
    version = versions.new_version()
    try:
        report, written, digests = _write_version(root, files, version, current, _digests(current, previous))
        entries = _entries(written, hand)
        _refuse_hand_written_in_the_way(root, written, entries, hand)
        manifest = "".join(f"{path}\n" for path in sorted(written)).encode("utf-8")
        (version / MANIFEST).write_bytes(manifest)
        (version / DIGESTS).write_text(json.dumps(digests, sort_keys=True, indent=0), encoding="utf-8")
        links = {entry: versions.current / entry for entry in entries | {MANIFEST}}
        report.written.sort()
        report.removed = [path for path in sorted(previous - written) if (root / path).exists()]
        if not report.written and not report.removed and _holds(root / MANIFEST, manifest) \
                and all(_links_to(root / entry, target) for entry, target in links.items()):
            shutil.rmtree(version)                 # nothing changed: docs/ stays as it is
            return report
        for entry, target in sorted(links.items()):     # a new entry's link resolves once switched
            atomic.link(root / entry, target)
    except BaseException:
        shutil.rmtree(version, ignore_errors=True)
        raise
    versions.switch(version)                       # the one step from the old pages to the new
    for link in _our_links(root, versions):
        if link.relative_to(root).as_posix() not in links:
            link.unlink()                          # an entry that the new tree no longer has
    for path in report.removed:                    # files of the layout before links, if any
        if _is_real(root / path):
            (root / path).unlink()
            _prune_empty((root / path).parent, root)
    versions.clean()
    return report


def _write_version(root: Path, files: Iterator[tuple[str, Content]], version: Path,
                   current: Path | None, known: dict[str, list]) -> tuple[WriteReport, set[str], dict]:
    """The generated tree in `version`, as the files come: unchanged files linked, the
    others written. An old file is unchanged where its recorded digest (`known`, of the
    `current` version's files) is the new content's and it is still as recorded, else
    where it holds the same bytes. (The report, every path written, their digests.)"""
    report, written, digests = WriteReport(), set(), {}
    for path, content in files:
        _refuse_path(root, path)
        if path in written:
            raise SourceError(display_path(root / path), None, "two generated files have this path")
        written.add(path)
        # a file generated last time is in the current version (docs/ links to it)
        old = current / path if current is not None and path in known else root / path
        new = version / path
        new.parent.mkdir(parents=True, exist_ok=True)
        if not isinstance(content, str | bytes):          # pieces: written as they come
            hashed = hashlib.sha256()
            with open(new, "w", encoding="utf-8", newline="") as streamed:
                for piece in content:
                    streamed.write(piece)
                    hashed.update(piece.encode("utf-8"))
            digest = hashed.hexdigest()
            if _as_recorded(old, known.get(path), digest) or _same_file(old, new):
                new.unlink()
                _keep(old, new)
                report.unchanged += 1
            else:
                report.written.append(path)
        else:
            data = content.encode("utf-8") if isinstance(content, str) else content
            digest = hashlib.sha256(data).hexdigest()
            if _as_recorded(old, known.get(path), digest) or _holds(old, data):
                _keep(old, new)
                report.unchanged += 1
            else:
                new.write_bytes(data)
                report.written.append(path)
        digests[path] = [digest, *_stat(new)]
    return report, written, digests


def _digests(current: Path | None, previous: set[str]) -> dict[str, list]:
    """What the current version recorded of its files: path → [digest, size, mtime, inode]
    (nothing where it recorded nothing, or where the record is not the build's own)."""
    try:
        known = json.loads((current / DIGESTS).read_text(encoding="utf-8")) if current is not None else {}
    except (OSError, ValueError):
        return {}
    if not isinstance(known, dict):
        return {}
    return {path: entry for path, entry in known.items() if path in previous
            and isinstance(entry, list) and len(entry) == 4}


def _stat(path: Path) -> tuple[int, int, int]:
    found = path.stat()
    return found.st_size, found.st_mtime_ns, found.st_ino


def _as_recorded(path: Path, entry: list | None, digest: str) -> bool:
    """Does `path` hold the content of `digest`, by the record of the build that wrote it
    (`entry`), the file being still as recorded (its size, modification time and inode)?"""
    if entry is None or entry[0] != digest:
        return False
    try:
        return list(_stat(path)) == entry[1:]
    except (FileNotFoundError, NotADirectoryError):
        return False


def _entries(files, hand: set[str]) -> set[str]:
    """The paths under docs/ that become links: for each generated file, its first
    directory (or itself) that holds no hand-written file.

    >>> sorted(_entries({"en/x/a.md": "", "en/x/b.md": "", ".nav.yml": "", "y/z/c.md": ""},
    ...                 {"index.md", "en/index.md"}))
    ['.nav.yml', 'en/x', 'y']
    """
    holding = {""} | {"/".join(p.split("/")[:i]) for p in hand for i in range(1, p.count("/") + 1)}
    entries = set()
    for path in files:
        parts = path.split("/")
        entries.add(next(("/".join(parts[:i]) for i in range(1, len(parts) + 1)
                          if "/".join(parts[:i]) not in holding), path))
    return entries


def _refuse_hand_written_in_the_way(root: Path, files, entries: set[str], hand: set[str]) -> None:
    """A generated file where a hand-written file or directory is, or a generated
    directory where a hand-written file is, stops the build."""
    holding = {"/".join(p.split("/")[:i]) for p in hand for i in range(1, p.count("/") + 1)}
    for path in sorted(set(files) | entries):
        if path in hand or (path in files and path in holding):
            raise SourceError(display_path(root / path), None, "a hand-written file is in the way "
                              "of a generated page; rename one of them")


def _hand_written(root: Path, versions: atomic.Store, previous: set[str]) -> set[str]:
    """Files under `root` that no build generated (not following our links)."""
    hand = set()
    for directory, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = Path(directory, name)
            relative = path.relative_to(root).as_posix()
            if path.is_symlink():
                if not _ours(path, versions):
                    hand.add(relative)            # a link someone made: theirs
            elif name in filenames and relative not in previous and relative != MANIFEST:
                hand.add(relative)
    stray = [p for p in _version_files(versions) if p not in previous and p not in (MANIFEST, DIGESTS)]
    if stray:
        raise SourceError(display_path(root / stray[0]), None, "is not a generated file, but lies in "
                          "a generated directory, which the next build replaces: move it out of "
                          f"{display_path(root)}'s generated directories (the manifest "
                          f"{MANIFEST} lists their files)")
    return hand


def _version_files(versions: atomic.Store) -> list[str]:
    current = versions.current_version()
    if current is None:
        return []
    return sorted(Path(directory, name).relative_to(current).as_posix()
                  for directory, _, filenames in os.walk(current) for name in filenames)


def _ours(path: Path, versions: atomic.Store) -> bool:
    """Is `path` a link through the store's `current` link (a generated entry)?"""
    if not path.is_symlink():
        return False
    target = os.path.normpath(os.path.join(path.parent, os.readlink(path)))
    return (target + os.sep).startswith(str(versions.current) + os.sep)


def _our_links(root: Path, versions: atomic.Store) -> list[Path]:
    return [Path(directory, name) for directory, dirnames, filenames in os.walk(root)
            for name in dirnames + filenames if _ours(Path(directory, name), versions)]


def _unlink_dangling(root: Path, versions: atomic.Store) -> None:
    """Links left by a build killed before or after its switch: they lead nowhere."""
    for link in _our_links(root, versions):
        if not link.exists():
            link.unlink()


def _links_to(path: Path, target: Path) -> bool:
    return path.is_symlink() and os.readlink(path) == os.path.relpath(target, path.parent)


def _is_real(path: Path) -> bool:
    return path.exists() and not path.is_symlink()


def _holds(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except (FileNotFoundError, NotADirectoryError):
        return False


def _same_file(old: Path, new: Path) -> bool:
    try:
        return old.stat().st_size == new.stat().st_size and filecmp.cmp(old, new, shallow=False)
    except (FileNotFoundError, NotADirectoryError):
        return False


def _keep(old: Path, new: Path) -> None:
    """The unchanged file in the new version: a hard link, so its modification time stays."""
    if old.is_symlink():                # link() would link a symbolic link itself, not its file
        old = old.resolve()
    try:
        os.link(old, new)
    except OSError:
        shutil.copy2(old, new)


def _prune_empty(directory: Path, root: Path) -> None:
    while directory != root and directory.is_dir() and not any(directory.iterdir()):
        directory.rmdir()
        directory = directory.parent


def all_files(root) -> list[str]:
    """Every file under `root`, hand-written and generated (through the links), as
    sorted relative paths; the store's manifest left out."""
    root = Path(root)
    return sorted(Path(directory, name).relative_to(root).as_posix()
                  for directory, _, names in os.walk(root, followlinks=True) for name in names
                  if not (directory == str(root) and name == MANIFEST))


def hand_written(root) -> tuple[str, ...]:
    """The hand-written files under `root` (docs/), as sorted relative paths."""
    root = Path(root).absolute()
    if not root.exists():
        return ()
    return tuple(sorted(_hand_written(root, store(root), set(previous_manifest(root)))))


def hand_written_only(docs):
    """For shutil.copytree: leave out what the last build generated under `docs`, so
    that a copy holds the hand-written pages only."""
    docs = Path(docs).absolute()
    generated = set(previous_manifest(docs))
    versions = store(docs)

    def ignore(directory, names):
        relative = Path(directory).absolute().relative_to(docs)
        return {name for name in names if (relative / name).as_posix() in generated
                or name == MANIFEST or _ours(Path(directory, name), versions)}
    return ignore
