"""Worker processes that never outlive the run that started them.

On Linux a worker asks the kernel (prctl(2) `PR_SET_PDEATHSIG`) to kill it with SIGKILL
when its parent ends, so that no worker outlives a build or a publish that was killed,
even by SIGKILL (a worker left running once held the build's lock, or the pipes of
whoever waited for the build). `prctl` is looked up here, when the module is imported,
in the parent: a child forked from a process with threads (a process pool's) must not
load a library (dlopen) or import a module, which could wait forever on a lock another
thread held at the fork. The worker only calls the function found.

Two rules of the kernel's: the signal comes when the *thread* that forked the worker
ends (a pool's workers are forked by the thread that submits the work, the run's own);
and a parent that ended before the call is not seen, so the worker compares its parent
with the pid the run recorded before forking, and ends if they differ.
"""

import ctypes
import os
import signal
import sys

PR_SET_PDEATHSIG = 1                    # prctl(2)


def _prctl():
    """libc's prctl, resolved once in this process (None where there is none)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    function.argtypes = (ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong)
    function.restype = ctypes.c_int
    return function


PRCTL = _prctl()


def die_with_parent(parent: int | None = None) -> None:
    """A worker's start (a pool's initializer): the kernel kills this process when its
    parent ends. `parent`: the pid of the process that forks the workers, recorded
    before it forks (`os.getpid()` as the pool's initargs); a worker whose parent is
    already another one (the run died before this call) ends here. Without it (a
    forkserver's worker, whose parent the run does not know), the parent seen at the
    start. Never raises: a pool whose initializer fails starts workers forever."""
    if PRCTL is None:
        return
    try:
        expected = os.getppid() if parent is None else parent
        PRCTL(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != expected:
            os._exit(1)
    except Exception:                   # noqa: BLE001 - a worker without the guard still works
        pass
