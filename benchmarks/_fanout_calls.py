"""Fan-out helpers shared by fanout.py and the side-by-side comparison: the same calls on either gazu."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor


def thread_pool_map(function, items, workers):
    """The sync fan-out: gazu.concurrency.map_calls if this gazu has it (upstream has not), else a thread pool."""
    try:
        from gazu.concurrency import map_calls
    except ImportError:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            return list(pool.map(function, items))
    return map_calls(function, items, max_workers=workers)


async def bounded(calls, concurrency):
    """Await the coroutines made by ``calls`` (functions of no argument), at most ``concurrency`` at once."""
    limit = asyncio.Semaphore(concurrency)

    async def one(call):
        async with limit:
            return await call()

    return await asyncio.gather(*(one(call) for call in calls))
