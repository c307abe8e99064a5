"""What a shard's build depends on: its input hash, kept beside its output in the cache
(`.<site>.shards/`), so that a shard whose input has not changed is not built again
(lawsite/publish/shards.py).

A shard's input is its own files, the names of all files, the generated navigation,
redirects and dictionaries, the configuration, the templates, the hooks and the
versions of MkDocs and its plugins. The files MkDocs copies as they are (`verbatim`:
the dataset, the downloads) count by their names only, and the assembly takes them
from docs/: editing the text of one ordinance rebuilds its shard, and the hub only
where one of its pages changed (a title, a department's or a comparison's). The
digest of each file read is kept (`Digests`) with its inode, size and time.
"""

import hashlib
import importlib.metadata
import json
import os
from pathlib import Path

from lawsite.mkdocs import navview
from lawsite.publish.shardplan import Exclusion, Task

RECIPE = ("mkdocs", "mkdocs-material", "mkdocs-redirects")   # their versions change the output
DIGESTS = ".digests.json"         # in the cache: the digests of docs/' files (Digests)


def input_hash(task: Task, files: list[str] | None = None, known: "Digests | None" = None) -> str:
    """The SHA-256 of all a shard's output depends on (see the module's docstring);
    `files`: every file of docs/, if already listed (`all_files`); `known`: the
    digests of docs/' files kept from the last publish."""
    docs = Path(task.docs)
    digest = hashlib.sha256()
    known = known if known is not None else Digests(None)

    def add(*parts) -> None:
        for part in parts:
            data = part if isinstance(part, bytes) else str(part).encode()
            digest.update(len(data).to_bytes(8, "big") + data)

    add(json.dumps({"exclude": task.exclude, "spec": task.spec}, sort_keys=True))
    for name in RECIPE:
        add(name, importlib.metadata.version(name))
    config = Path(task.config_file)
    recipe = [config, config.with_name("mkdocs.yml"), *sorted((config.parent / "overrides").rglob("*")),
              *sorted(Path(navview.__file__).parent.glob("*.py"))]         # the hooks
    for path in recipe:
        if path.is_file():
            add(path.name, path.read_bytes())
    files = all_files(docs) if files is None else files
    add(hashlib.sha256("\n".join(files).encode()).digest())            # the names of all
    exclude = Exclusion(task.exclude)
    for relative in files:
        if relative.startswith(".") or (not exclude.match_file(relative) and not verbatim(relative)):
            add(relative, known.of(docs, relative))
    return digest.hexdigest()


class Digests:
    """The SHA-256 of each file of docs/ read for a shard's input, kept in the cache
    (`.digests.json`) with the file's device, inode, size and modification time: a
    file the last build left as it was (output.write_tree keeps it, a hard link with
    its time) is not read again. A changed file is a new file: it is read."""

    def __init__(self, path: Path | None):
        self.path = path
        self.old: dict = {}
        if path is not None and path.exists():
            try:
                self.old = json.loads(path.read_text(encoding="utf-8"))
            except ValueError:
                self.old = {}
        self.new: dict = {}

    def of(self, docs: Path, relative: str) -> bytes:
        status = (docs / relative).stat()
        key = f"{status.st_dev}:{status.st_ino}:{status.st_size}:{status.st_mtime_ns}"
        kept = self.old.get(relative)
        if kept and kept[0] == key:
            found = kept[1]
        else:
            found = hashlib.sha256((docs / relative).read_bytes()).hexdigest()
        self.new[relative] = [key, found]
        return found.encode()

    def save(self) -> None:
        """Written whole, then moved into place (two builds of shards may save at once)."""
        if self.path is not None:
            written = self.path.with_name(f"{self.path.name}.{os.getpid()}")
            written.write_text(json.dumps(self.new, sort_keys=True), encoding="utf-8")
            os.replace(written, self.path)


def verbatim(relative: str) -> bool:
    """Is this file of docs/ one that MkDocs copies into the site as it is (not a page, not
    a dot-file read by the hooks)? Its bytes are not part of a shard's input: the assembly
    takes it from docs/ (so the hub is not rebuilt when only data/corpus.json or a
    download changed, as when the text of an article is edited).

    >>> [verbatim(p) for p in ("data/corpus.json", "downloads/x.txt", "x/article-1.md", ".nav.yml")]
    [True, True, False, False]
    """
    return not relative.endswith(".md") and not relative.startswith(".")


def all_files(docs: Path) -> list[str]:
    """Every file of docs/, through its links (as MkDocs walks it), sorted."""
    found = []
    for place, _, names in os.walk(docs, followlinks=True):
        found += [Path(place, name).relative_to(docs).as_posix() for name in names]
    return sorted(found)


def stamp(task: Task) -> Path:
    return Path(f"{task.site_dir}.sha256")


def cache_of(site: Path) -> Path:
    """Where each shard's last output and the hash of its input are kept: .site.shards/."""
    site = Path(site).absolute()
    return site.parent / f".{site.name}.shards"
