"""`make site` (or one half of it) in a child process, watched or killed: the
kill tests of tests/test_reliability.py and the confinement tests of
tests/test_paths.py.

    python -m tests.child build|publish|site ARGS...

`build` runs build_corpus.py, `publish` lawsite.publish.publish, `site` both, as
`make site` does (ARGS: --sources S --docs D --translations T --site X --dist Y,
and a build's --jobs N).
The environment says what else happens:

    LAWSITE_TEST_WATCH=DIR       count the changes the run makes under DIR: mkdir,
                                 rename, replace, link, symlink, unlink, rmdir, write
    LAWSITE_TEST_KILL=N:when     SIGKILL this process at the N-th change, `before` or
                                 `after` it is made; or `stop` it before (SIGSTOP)
    LAWSITE_TEST_EVENTS=FILE     list the changes, one per line, in FILE
    LAWSITE_TEST_OUTSIDE=DIR     list in LAWSITE_TEST_EVENTS every file or directory
                                 under DIR that the run (or its children) opens,
                                 lists, creates, renames or removes (an audit hook)
    LAWSITE_TEST_REGISTRY=FILE   the URL registry (registry/urls.txt); without one, a
                                 publish does not check the URLs
    LAWSITE_TEST_REDIRECTS=FILE  the curated redirects (registry/redirects.yml)

Only the process itself counts changes (not the offline bundle's worker), so a
kill lands where it is asked to.
"""

import os
import pathlib
import signal
import sys
from pathlib import Path

MAIN = os.getpid()
WATCH = os.environ.get("LAWSITE_TEST_WATCH")
KILL = os.environ.get("LAWSITE_TEST_KILL")
OUTSIDE = os.environ.get("LAWSITE_TEST_OUTSIDE")
LOG = os.open(os.environ["LAWSITE_TEST_EVENTS"], os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644) \
    if os.environ.get("LAWSITE_TEST_EVENTS") else None
count = 0


def _log(line: str) -> None:
    if LOG is not None:
        os.write(LOG, (line.replace("\n", "\\n") + "\n").encode("utf-8", "replace"))


def _place(path, dir_fd=None, follow=False) -> str:
    """The absolute path a call names (a name relative to a directory descriptor
    too, as shutil.rmtree makes them); the last part followed only if `follow`."""
    path = os.fsdecode(path)
    if dir_fd is not None and not os.path.isabs(path):
        path = os.path.join(os.readlink(f"/proc/self/fd/{dir_fd}"), path)
    path = os.path.abspath(path)
    if follow:
        return os.path.realpath(path)
    return os.path.join(os.path.realpath(os.path.dirname(path)), os.path.basename(path))


def _under(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip("/") + "/")


# for each watched call: the positions of the paths it changes, and of their dir_fd
CHANGES = {"mkdir": ((0, "dir_fd"),), "unlink": ((0, "dir_fd"),), "remove": ((0, "dir_fd"),),
           "rmdir": ((0, "dir_fd"),), "rename": ((0, "src_dir_fd"), (1, "dst_dir_fd")),
           "replace": ((0, "src_dir_fd"), (1, "dst_dir_fd")), "link": ((1, "dst_dir_fd"),),
           "symlink": ((1, "dir_fd"),), "write_bytes": ((0, None),), "write_text": ((0, None),)}


def _watched(name, function):
    """`function`, counting (and maybe killing at) each call that changes WATCH."""
    root = os.path.realpath(WATCH)
    number, when = (int(KILL.split(":")[0]), KILL.split(":")[1]) if KILL else (0, "")

    def watched(*args, **kwargs):
        global count
        if os.getpid() != MAIN:
            return function(*args, **kwargs)
        places = [_place(args[i], kwargs.get(fd) if fd else None) for i, fd in CHANGES[name]]
        if not any(_under(place, root) for place in places):
            return function(*args, **kwargs)
        count += 1
        _log(f"{count} {name} {' '.join(places)}")
        if count == number and when in ("before", "stop"):
            os.kill(os.getpid(), signal.SIGSTOP if when == "stop" else signal.SIGKILL)
        result = function(*args, **kwargs)
        if count == number and when == "after":
            os.kill(os.getpid(), signal.SIGKILL)
        return result
    return watched


def watch() -> None:
    for name in ("mkdir", "rename", "replace", "link", "symlink", "unlink", "remove", "rmdir"):
        setattr(os, name, _watched(name, getattr(os, name)))
    for name in ("write_bytes", "write_text"):
        setattr(pathlib.Path, name, _watched(name, getattr(pathlib.Path, name)))


def audit() -> None:
    """Record every file under OUTSIDE that is touched in any way."""
    root = os.path.realpath(OUTSIDE)

    def hook(event, args):
        if event in ("open", "os.listdir", "os.scandir", "os.mkdir", "os.rename", "os.remove",
                     "os.rmdir", "os.symlink", "os.link", "os.chmod", "shutil.rmtree",
                     "shutil.copyfile", "os.truncate", "os.utime") and args:
            for path in args[:2]:
                if isinstance(path, (str, bytes, os.PathLike)) and \
                        _under(_place(path, follow=True), root):
                    _log(f"outside {event} {os.fsdecode(path)}")
    sys.addaudithook(hook)


def main(argv: list[str]) -> int:
    if OUTSIDE:
        audit()
    if WATCH:
        watch()
    what, args = argv[0], argv[1:]
    options = dict(zip(args[::2], args[1::2]))
    # the registry: the directory of LAWSITE_TEST_REDIRECTS (its redirects.yml) or of
    # LAWSITE_TEST_REGISTRY (its urls.txt), else one beside the sources
    for setting in ("LAWSITE_TEST_REDIRECTS", "LAWSITE_TEST_REGISTRY"):
        if os.environ.get(setting):
            options.setdefault("--registry", str(Path(os.environ[setting]).parent))
    options.setdefault("--registry", str(Path(options.get("--sources", "sources")).parent / "registry"))
    options.setdefault("--labels", str(Path(__file__).resolve().parent.parent / "translations" / "labels"))
    import build_corpus
    if what in ("build", "site"):
        status = build_corpus.main([a for key in ("--sources", "--docs", "--translations", "--labels", "--registry",
                                                  "--jobs")
                                    if key in options for a in (key, options[key])])
        if status or what == "build":
            return status
    return _publish(options)


def _publish(options: dict) -> int:
    """lawsite.publish's command, with the URL registry checked only if
    LAWSITE_TEST_REGISTRY names one (a fixture corpus is not the published one)."""
    from mkdocs.exceptions import MkDocsException

    from lawsite.core.errors import SourceError
    from lawsite.project import Project
    from lawsite.publish import publish
    try:
        publish.publish(Project.of(options.get("--sources", "sources"), docs=options["--docs"],
                                   site=options["--site"], dist=options["--dist"],
                                   registry=options["--registry"], mkdocs_config="mkdocs.yml"),
                        check_urls=bool(os.environ.get("LAWSITE_TEST_REGISTRY")))
    except (MkDocsException, SourceError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
