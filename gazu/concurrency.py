"""Run many sync calls at once on one client, with the sync API's error semantics.

A :class:`~gazu.client.KitsuClient` is safe to share between threads (one
pooled :class:`requests.Session`, a single token refresh however many
threads hit a 401), so fanning reads out over a thread pool is the simple way
to fetch many independent objects::

    from gazu.concurrency import map_calls

    shots = map_calls(gazu.shot.get_shot, shot_ids)
    tasks = map_calls(lambda shot: gazu.task.all_tasks_for_shot(shot, client=staging), shots)

Results come back in the order of the inputs. The first call that raises
makes :func:`map_calls` raise that same exception (a
:class:`~gazu.exception.GazuException` stays one) once the calls already
running have finished; the calls not yet started are cancelled.
"""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from typing import Any, Callable

DEFAULT_WORKERS = 8


def map_calls(function: Callable[..., Any], items: Iterable[Any], max_workers: int = DEFAULT_WORKERS) -> list:
    """Call ``function(item)`` for every item on a pool of threads; return the results in order."""
    items = list(items)
    if not items:
        return []
    if max_workers < 1:
        raise ValueError("max_workers: expected at least 1, got %r" % (max_workers,))
    with ThreadPoolExecutor(max_workers=min(max_workers, len(items)), thread_name_prefix="gazu") as pool:
        futures = [pool.submit(function, item) for item in items]
        done, pending = wait(futures, return_when=FIRST_EXCEPTION)
        for future in pending:
            future.cancel()
        for future in futures:  # the first failure in input order, as a loop would meet it
            error = future.exception() if future in done and not future.cancelled() else None
            if error is not None:
                raise error
        return [future.result() for future in futures]
