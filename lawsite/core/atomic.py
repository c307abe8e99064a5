"""Switch a whole output tree in one step: a store of versions and one link.

A store is a directory beside the output that holds versions, each a complete
tree, and `current`, a symbolic link to one of them. The outputs that people and
tools open (docs/'s generated entries, site/, dist/) are links through
`current`. A run writes a new version beside the current one and then replaces
`current` with os.replace, which is atomic: whenever a run fails or is killed,
every output shows the old version or the new one, never a mixture.

    .site.published/
        lock                 who is writing: pid, host, start time
        current -> v-…       the published version
        v-…/site/            the hosted site
        v-…/dist/            the offline bundle
    site -> .site.published/current/site
    dist -> .site.published/current/dist

Whatever else is in the store is a leftover of an interrupted run; the next run
removes it, under the lock. Only the current version is kept.

A process forked while a run holds a lock (a build's or a publish's workers) does not
hold it: the descriptor it inherited is closed in the child at once (a flock lasts
while any descriptor of it is open, so a worker that outlived a killed run kept every
next run out).
"""

import contextlib
import datetime
import fcntl
import os
import shutil
import socket
import time
from pathlib import Path

from lawsite.core.errors import SourceError, display_path

CURRENT = "current"
LOCK = "lock"

_held: set[int] = set()          # the descriptors of the locks this process holds


def _let_go_in_child() -> None:
    """In a forked child: the parent's locks are not the child's."""
    for fd in _held:
        with contextlib.suppress(OSError):
            os.close(fd)
    _held.clear()


os.register_at_fork(after_in_child=_let_go_in_child)


class Store:
    """The versions of one output, and the link to the current one."""

    def __init__(self, path):
        self.path = Path(path)
        self.current = self.path / CURRENT

    def current_version(self) -> Path | None:
        """The version `current` points at, if there is one."""
        if not self.current.is_symlink():
            return None
        version = self.path / os.readlink(self.current)
        return version if version.is_dir() else None

    @contextlib.contextmanager
    def locked(self, what: str):
        """Hold the store's lock for the duration: a second run stops with a message
        naming the run that holds it. The lock is the kernel's (flock), so a killed
        run never leaves a stale one; the file only says who held it last."""
        self.path.mkdir(parents=True, exist_ok=True)
        lock = self.path / LOCK
        fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        _held.add(fd)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.pread(fd, 500, 0).decode("utf-8", "replace").strip() or "another run"
                raise SourceError(display_path(lock), None, f"{what} cannot start: {holder} is "
                                  "running; try again when it has finished") from None
            started = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{what} (pid {os.getpid()} on {socket.gethostname()}, started {started})\n"
                      .encode(), 0)
            yield fd
        finally:
            if fd in _held:              # (a forked child that got here closed it already)
                _held.discard(fd)
                os.close(fd)

    def new_version(self) -> Path:
        """An empty directory for the next version (a leftover until `switch`)."""
        version = self.path / f"v-{time.time_ns()}-{os.getpid()}"
        version.mkdir(parents=True)
        return version

    def switch(self, version: Path) -> None:
        """Make `version` the current one: one os.replace of the `current` link."""
        link = self.path / f".{CURRENT}-{os.getpid()}"
        with contextlib.suppress(FileNotFoundError):
            link.unlink()
        os.symlink(version.name, link)
        os.replace(link, self.current)

    def clean(self) -> None:
        """Remove everything but the lock, `current` and the version it points at:
        the leftovers of runs that failed or were killed. Call it holding the lock."""
        keep = {LOCK, CURRENT}
        version = self.current_version()
        if version is not None:
            keep.add(version.name)
        for entry in sorted(self.path.iterdir()):
            if entry.name in keep:
                continue
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)


def link(path: Path, target: Path) -> None:
    """Make `path` a relative symbolic link to `target` (which need not exist yet),
    replacing a link or a file there in one step. A real directory there (an
    output written before outputs were links) is removed first."""
    path = Path(path)
    wanted = os.path.relpath(target, path.parent)
    if path.is_symlink() and os.readlink(path) == wanted:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.link-{os.getpid()}")
    with contextlib.suppress(FileNotFoundError):
        temporary.unlink()
    os.symlink(wanted, temporary)
    if path.is_dir() and not path.is_symlink():
        # once, on the first run after the switch to links: the old real directory
        # goes, then the link takes its place (two steps, this one time)
        shutil.rmtree(path)
    os.replace(temporary, path)
