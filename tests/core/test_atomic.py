"""The store's lock: one run at a time, held on within a run, never by a forked worker."""

import os

from lawsite.core import atomic
from lawsite.core.errors import SourceError


def test_a_second_run_is_kept_out_and_a_run_holds_its_own_lock_on(tmp_path):
    store = atomic.Store(tmp_path / "store")
    with store.locked("a build"):
        with store.locked("the same build, writing"):      # re-entrant within the run
            pass
        read, write = os.pipe()
        child = os.fork()
        if child == 0:                                     # another run: its own descriptor
            os.close(write)
            try:
                with atomic.Store(tmp_path / "store").locked("another build"):
                    os._exit(0)
            except SourceError:
                os._exit(3)
        os.close(read)
        os.close(write)
        _, status = os.waitpid(child, 0)
        assert os.WEXITSTATUS(status) == 3


def test_a_forked_worker_does_not_keep_its_parents_lock(tmp_path):
    # A build's pool forks its workers while the build holds the lock; a worker that
    # outlived a killed build kept the next one out as long as it lived.
    store = atomic.Store(tmp_path / "store")
    read, write = os.pipe()
    started, ready = os.pipe()
    with store.locked("a build"):
        worker = os.fork()
        if worker == 0:                                    # says it runs, then waits until the test is done
            os.close(write)
            os.write(ready, b"!")
            os.read(read, 1)
            os._exit(0)
        assert os.read(started, 1) == b"!"
    os.close(read)
    try:
        with store.locked("the next build"):
            pass
    finally:
        os.close(write)
        os.waitpid(worker, 0)
