"""The shards' builds on a Dask distributed scheduler (`python -m lawsite.publish --dask
tcp://host:8786`): the same task function as the local process pool, submitted to
the scheduler's workers, which must see the same docs/ and cache paths (one machine,
or a shared file system). Dask is an optional extra (`pip install .[distributed]`):
this module is imported only when a scheduler is asked for (lawsite/publish/shards.py).
"""

from dask.distributed import Client


def run(function, tasks: list, scheduler) -> list:
    """`function` over `tasks` on `scheduler` (an address, or a Client), in order."""
    client = scheduler if isinstance(scheduler, Client) else Client(scheduler)
    try:
        futures = client.map(function, tasks, key=[f"shard-{task.shard}" for task in tasks], pure=False)
        return client.gather(futures)
    finally:
        if client is not scheduler:
            client.close()
