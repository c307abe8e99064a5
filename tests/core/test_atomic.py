"""The store's lock: one run at a time, never held by a process forked from the run."""

import os

from lawsite.core import atomic
from lawsite.core.errors import SourceError


def _try_in_another_process(path) -> int:
    """Take the store's lock in a forked process: 0 if it could, 3 if it was refused."""
    child = os.fork()
    if child == 0:
        try:
            with atomic.Store(path).locked("another build"):
                os._exit(0)
        except SourceError:
            os._exit(3)
        os._exit(4)
    _, status = os.waitpid(child, 0)
    return os.WEXITSTATUS(status)


def test_a_second_run_is_kept_out_while_the_first_holds_the_lock(tmp_path):
    store = atomic.Store(tmp_path / "store")
    with store.locked("a build"):
        assert _try_in_another_process(tmp_path / "store") == 3
    assert _try_in_another_process(tmp_path / "store") == 0


def test_a_forked_worker_does_not_keep_its_parents_lock(tmp_path):
    # A build's pool forks its workers while the build holds the lock; a worker that
    # outlived a killed build kept the next one out as long as it lived.
    store = atomic.Store(tmp_path / "store")
    release, wait = os.pipe()          # the worker reads `release` until the test closes `wait`
    ready, started = os.pipe()
    with store.locked("a build"):
        worker = os.fork()
        if worker == 0:                                    # says it runs, then waits until the test is done
            os.close(wait)
            os.write(started, b"!")
            os.read(release, 1)
            os._exit(0)
        assert os.read(ready, 1) == b"!"
    try:
        assert _try_in_another_process(tmp_path / "store") == 0    # the worker still runs
    finally:
        os.close(wait)
        os.waitpid(worker, 0)
