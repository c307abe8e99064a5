"""The build's work of each ordinance on every core: a process pool of the standard
library (concurrent.futures), its results in the order of the jobs.

The workers are forked from the build, so they see what it has made so far (the
corpus, the language trees) without its being sent to them: the caller puts what the
jobs read in `shared` before asking, and each job names its item by a small value
(an index). Only the results travel back, pickled. At most `AHEAD` jobs a worker are
under way at once, so the results waiting to be written stay few. With one worker
(or one job) everything runs in this process, in the same order: the same output.

>>> list(ordered(abs, [-2, 1, -3], workers=1))
[2, 1, 3]
"""

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from lawsite.core import processes

AHEAD = 4            # jobs under way per worker
shared: dict[str, Any] = {}       # what the jobs read, set before `ordered` forks the workers


def available() -> int:
    """The cores this process may run on: the default number of workers."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:                        # not on Linux
        return max(1, os.cpu_count() or 1)


def ordered(function: Callable, items: Iterable, workers: int) -> Iterator:
    """function(item) for each item, in the items' order, in `workers` processes forked
    from this one (`function` is a module's function; what it reads besides its item is
    in `shared`)."""
    items = list(items)
    if workers <= 1 or len(items) <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(function, items)
        return
    # each worker dies with this process, even killed (lawsite/core/processes.py); it holds
    # none of the locks this process holds (lawsite/core/atomic.py closes them in a child)
    pool = ProcessPoolExecutor(min(workers, len(items)), mp_context=multiprocessing.get_context("fork"),
                               initializer=processes.die_with_parent, initargs=(os.getpid(),))
    try:
        pending: deque = deque()
        for item in items:
            pending.append(pool.submit(function, item))
            if len(pending) >= workers * AHEAD:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
