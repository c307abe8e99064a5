"""A shard's view of docs/: a tree of symbolic links to exactly the files the shard
renders (its pages, the hand-written pages and assets, the dot-files the hooks read),
which MkDocs is given as its `docs_dir`, so that it walks those files and not the
whole corpus (130,000 files, 10–36 s a shard, paid by every shard).

MkDocs must still know every file of docs/, because each link to another shard's page
becomes that page's URL (the relative URL of a single build) and a link to a file
that exists nowhere must still fail the build: `Files`, given to MkDocs by the
plugin `Known` (in place of the walked collection), answers a lookup of a file
outside the view from docs/ itself, as a file the build excludes (MkDocs then
reports a link to it at INFO, as before). Iterating the collection gives only the
view's files: what MkDocs renders, copies and lists.

A directory holding none of the excluded names is one link (MkDocs follows links as
it walks); a directory holding some is made and its entries linked one by one. The
view's `.redirects.yml` holds the redirects to the shard's own pages alone (`REDIRECTS`:
the hook would drop the others, one by one, and checks those it keeps; on the whole
corpus it would go through 220,000 for each shard, about 2 s).
"""

import json
import os
import posixpath
import shutil
from pathlib import Path

from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from lawsite.mkdocs import frontmatter

REDIRECTS = ".redirects.yml"       # the generated redirects (build_corpus.py writes them as JSON)


def make(docs: Path, view: Path, excluded: frozenset[str]) -> Path:
    """The tree of links `view` (made anew) to every file of `docs` but the `excluded`
    ones (paths relative to docs/, of files or of directories: an excluded directory
    is left out whole).

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> for name in ("a/x.md", "b/y.md", "en/a/x.md", "en/b/y.md", ".nav.yml", "about.md"):
    ...     (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
    ...     _ = (root / "docs" / name).write_text(name)
    >>> _ = (root / "docs" / REDIRECTS).write_text('{"a/1.md": "a/x.md#p", "b/1.md": "b/y.md", "en/b/1.md": "en/b/y.md"}')
    >>> view = make(root / "docs", root / "view", frozenset({"b", "en/b"}))
    >>> sorted(Path(place, name).relative_to(view).as_posix()
    ...        for place, _, names in os.walk(view, followlinks=True) for name in names)
    ['.nav.yml', '.redirects.yml', 'a/x.md', 'about.md', 'en/a/x.md']
    >>> json.loads((view / REDIRECTS).read_text())       # the redirects to its own pages
    {'a/1.md': 'a/x.md#p'}
    >>> (view / "a").is_symlink(), (view / "en").is_symlink(), (view / "en" / "a").is_symlink()
    (True, False, True)
    """
    docs, view = Path(docs).absolute(), Path(view)
    if view.is_symlink() or view.is_file():
        view.unlink()
    elif view.exists():
        shutil.rmtree(view)
    holding = {posixpath.dirname(name) for name in excluded}      # the directories above an excluded name
    holding |= {parent for name in list(holding) for parent in _parents(name)}
    holding.discard("")

    def link(source: Path, target: Path, prefix: str) -> None:
        target.mkdir(parents=True)
        for entry in sorted(os.listdir(source)):
            relative = prefix + entry
            if relative in excluded:
                continue
            if relative in holding and (source / entry).is_dir():
                link(source / entry, target / entry, relative + "/")
            else:
                os.symlink(source / entry, target / entry)

    link(docs, view, "")
    if (view / REDIRECTS).is_symlink():
        redirects = frontmatter.generated(docs / REDIRECTS)
        (view / REDIRECTS).unlink()
        out = Outside(excluded)
        (view / REDIRECTS).write_text(json.dumps(
            {source: target for source, target in redirects.items() if not out(target.partition("#")[0])},
            ensure_ascii=False, indent=0), encoding="utf-8")
    return view


class Outside:
    """Is this path of docs/, or a directory above it, one of the excluded? Each
    directory looked up once (the whole corpus has 220,000 redirects, into a few
    thousand directories).

    >>> out = Outside(frozenset({"b", "en/b"}))
    >>> [out(p) for p in ("b/article-1.md", "en/b/x/y.md", "a/article-1.md", "en/a.md", "b", "bb/x.md", "ab/x.md")]
    [True, True, False, False, True, False, False]
    """

    def __init__(self, excluded: frozenset[str]):
        self.excluded = excluded
        self.folders: dict[str, bool] = {"": False}

    def __call__(self, path: str) -> bool:
        if path in self.excluded:
            return True
        folder = posixpath.dirname(path)
        found = self.folders.get(folder)
        if found is None:
            found = self.folders[folder] = self(folder)
        return found


def _parents(name: str) -> list[str]:
    """
    >>> _parents("en/a/b")
    ['en/a', 'en']
    """
    found = []
    while "/" in name:
        name = name.rpartition("/")[0]
        found.append(name)
    return found


def remove(view: Path) -> None:
    """The view, its links only (never what they point to)."""
    if Path(view).exists():
        shutil.rmtree(view)


class Known(Files):
    """The view's files, and a lookup of any other file of `docs` (created on demand,
    excluded from the build, never iterated)."""

    def __init__(self, files, docs: Path, site_dir: str, use_directory_urls: bool):
        super().__init__(files)
        self.docs = Path(docs)
        self.site_dir = site_dir
        self.use_directory_urls = use_directory_urls
        self.outside: dict[str, File | None] = {}
        self.listed: dict[str, frozenset[str]] = {}     # the files of each directory of docs/ looked in

    def get_file_from_path(self, path: str) -> File | None:
        found = self.src_uris.get(path)               # a path as MkDocs writes it (no PurePath)
        if found is not None:
            return found
        found = super().get_file_from_path(path)
        if found is not None:
            return found
        path = posixpath.normpath(Path(path).as_posix())
        if path not in self.outside:
            self.outside[path] = None
            if not path.startswith(("../", "/")) and path != ".." and self._is_file(path):
                file = File(path, str(self.docs), self.site_dir, self.use_directory_urls)
                file.inclusion = InclusionLevel.EXCLUDED
                self.outside[path] = file
        return self.outside[path]

    def __contains__(self, path: str) -> bool:
        return self.get_file_from_path(path) is not None

    def _is_file(self, path: str) -> bool:
        """Is docs/`path` a file? Each directory of docs/ listed once (the hub links to
        hundreds of thousands of other shards' files: a stat each was a third of its build).

        >>> import tempfile
        >>> docs = Path(tempfile.mkdtemp())
        >>> (docs / "a" / "b").mkdir(parents=True)
        >>> _ = (docs / "a" / "x.md").write_text("x")
        >>> os.symlink(docs / "a" / "x.md", docs / "a" / "y.md")
        >>> known = Known([], docs, "site", True)
        >>> [known._is_file(p) for p in ("a/x.md", "a/y.md", "a/b", "a/z.md", "b/x.md", "a", ".")]
        [True, True, False, False, False, False, False]
        """
        folder, _, name = path.rpartition("/")
        names = self.listed.get(folder)
        if names is None:
            try:
                with os.scandir(self.docs / folder) as entries:
                    names = frozenset(entry.name for entry in entries if entry.is_file())
            except OSError:                              # no such directory (or not one)
                names = frozenset()
            self.listed[folder] = names
        return name in names


class Plugin(BasePlugin):
    """Gives MkDocs the view's files as `Known` (first of the `files` event, so that every
    hook and plugin sees the same collection)."""

    def __init__(self, docs: Path):
        super().__init__()
        self.docs = Path(docs)

    @event_priority(100)
    def on_files(self, files, config):
        return Known(list(files), self.docs, config.site_dir, config.use_directory_urls)
