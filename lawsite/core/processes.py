"""Worker processes that never outlive the run that started them."""

import ctypes
import os
import signal
import sys

PR_SET_PDEATHSIG = 1                    # prctl(2)


def die_with_parent() -> None:
    """A worker's start: on Linux, the kernel kills this process (SIGKILL) when its
    parent ends — a pool's worker's parent is the process that forked it (or the
    forkserver, which ends with the process that started the pool) — so that no
    worker outlives a build or a publish that was killed, even by SIGKILL. (A parent
    that ended before this call: the worker ends.)"""
    if not sys.platform.startswith("linux"):
        return
    parent = os.getppid()
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)
