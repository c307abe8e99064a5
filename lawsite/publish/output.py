"""Write generated files into docs/ beside the hand-written ones.

All files are produced in memory before this runs, so a bad source never leaves
docs/ half-written. Only files whose bytes change are rewritten (unchanged ones
keep their modification time, so a live preview rebuilds only what changed).
A manifest lists what the build generated; files it generated before and no
longer does are removed; a hand-written file is never overwritten.
"""

import os
from dataclasses import dataclass, field
from pathlib import Path

from lawsite.core.errors import SourceError

MANIFEST = ".generated"


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)


def previous_manifest(root) -> list[str]:
    """The files that the last build generated under `root`."""
    manifest = Path(root) / MANIFEST
    return [line for line in manifest.read_text(encoding="utf-8").split("\n") if line] \
        if manifest.exists() else []


def write_tree(root, files: dict[str, str | bytes]) -> WriteReport:
    root = Path(root)
    manifest = root / MANIFEST
    previous = set(previous_manifest(root))
    for path in sorted(files):
        target = root / path
        if target.exists() and path not in previous:
            raise SourceError(str(target), None, "a hand-written file is in the way of a "
                              "generated page; rename one of them")
    report = WriteReport()
    for path in sorted(files):
        data = files[path].encode("utf-8") if isinstance(files[path], str) else files[path]
        target = root / path
        if target.exists() and target.read_bytes() == data:
            report.unchanged += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(target.name + ".tmp")
        temporary.write_bytes(data)
        os.replace(temporary, target)
        report.written.append(path)
    for path in sorted(previous - set(files)):
        target = root / path
        if target.exists():
            target.unlink()
            report.removed.append(path)
        _prune_empty(target.parent, root)
    manifest.write_text("".join(f"{path}\n" for path in sorted(files)), encoding="utf-8")
    return report


def _prune_empty(directory: Path, root: Path) -> None:
    while directory != root and directory.is_dir() and not any(directory.iterdir()):
        directory.rmdir()
        directory = directory.parent


def hand_written_only(docs):
    """For shutil.copytree: leave out what the last build generated under `docs`, so
    that a copy holds the hand-written pages only."""
    docs = Path(docs)
    generated = set(previous_manifest(docs))

    def ignore(directory, names):
        relative = Path(directory).relative_to(docs)
        return {name for name in names if (relative / name).as_posix() in generated or name == MANIFEST}
    return ignore
