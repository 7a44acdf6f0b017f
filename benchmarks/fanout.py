"""Fan-out benchmark: fetch N independent objects one by one, then concurrently, and print the ratios.

Against a sandbox Kitsu started by this script, or an existing server given
by KITSU_HOST, KITSU_LOGIN and KITSU_PASSWORD::

    .venv/bin/python benchmarks/fanout.py [--count 200] [--concurrency 16] [--repeat 3] [--latency MS]

It creates ``count`` task types (removed at the end), then times reading
each of them (``GET data/task-types/{id}``):

- sequentially with the sync client (the yardstick);
- sequentially with :class:`gazu.aio.AsyncKitsuClient` (the async overhead alone);
- with ``asyncio.gather`` on one AsyncKitsuClient, at most ``concurrency`` at once;
- with the sync client on a pool of ``concurrency`` threads
  (:func:`gazu.concurrency.map_calls` when present, else a ThreadPoolExecutor).

Each figure is the best of ``repeat`` runs. Not a test: nothing is asserted.
On a loopback sandbox the server's CPU bounds the gain (the client and
every Zou worker share the machine's cores: the header prints how many and
the load); against a remote server, where each request waits on the
network, concurrency pays much more: ``--latency 20`` puts a local relay
adding 20 ms of round trip between the clients and the server to show it.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import statistics
import sys
import threading
import time
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from _fanout_calls import bounded, thread_pool_map  # noqa: E402  (beside this script)

import gazu  # noqa: E402
from gazu import aio  # noqa: E402


@contextlib.contextmanager
def kitsu_server():
    """Yield (host, login, password): the server of the environment, or a sandbox started here."""
    if all(os.environ.get(name) for name in ("KITSU_HOST", "KITSU_LOGIN", "KITSU_PASSWORD")):
        yield os.environ["KITSU_HOST"], os.environ["KITSU_LOGIN"], os.environ["KITSU_PASSWORD"]
        return
    from gazu.sandbox import KitsuSandbox

    print("starting a sandbox Kitsu…", flush=True)
    with KitsuSandbox() as sandbox:
        yield sandbox.host, sandbox.admin_email, sandbox.admin_password


@contextlib.contextmanager
def delaying_relay(host_url, latency):
    """Yield the URL of a local TCP relay to ``host_url`` that delays each direction by ``latency / 2`` seconds.

    It stands for a server across a network (a round trip costs ``latency``) without touching the server.
    """
    scheme, address = host_url.split("://", 1)
    target_host, _, target_port = address.split("/", 1)[0].partition(":")
    loop = asyncio.new_event_loop()

    async def pump(reader, writer):
        queue: asyncio.Queue = asyncio.Queue()

        async def deliver():
            while (item := await queue.get()) is not None:
                due, data = item
                await asyncio.sleep(max(0.0, due - loop.time()))
                writer.write(data)
                await writer.drain()
            writer.close()

        delivering = asyncio.ensure_future(deliver())
        while data := await reader.read(65536):
            queue.put_nowait((loop.time() + latency / 2, data))
        queue.put_nowait(None)
        await delivering

    async def relay(client_reader, client_writer):
        try:
            server_reader, server_writer = await asyncio.open_connection(target_host, int(target_port or 80))
            await asyncio.gather(pump(client_reader, server_writer), pump(server_reader, client_writer))
        except (OSError, asyncio.CancelledError):  # a dropped connection, or the relay stopping: end quietly
            client_writer.close()

    server = loop.run_until_complete(asyncio.start_server(relay, "127.0.0.1", 0))
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    try:
        yield "%s://127.0.0.1:%d" % (scheme, server.sockets[0].getsockname()[1])
    finally:
        async def shutdown():
            server.close()
            tasks = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        asyncio.run_coroutine_threadsafe(shutdown(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)
        loop.close()


def best_of(repeat, measure):
    times = [measure() for _ in range(repeat)]
    return min(times), statistics.median(times)


def timed(function, *args):
    started = time.perf_counter()
    function(*args)
    return time.perf_counter() - started


async def gather_reads(client, ids, concurrency):
    return await bounded([lambda item_id=item_id: aio.fetch_one("task-types", item_id, client=client)
                          for item_id in ids], concurrency)


async def sequential_reads(client, ids, _concurrency):
    return [await aio.fetch_one("task-types", item_id, client=client) for item_id in ids]


async def timed_reads(server, reads, ids, concurrency):
    """Log in, warm the connection, then time ``reads`` of every id; check what came back."""
    async with await aio.create_session(*server) as client:
        await aio.fetch_one("task-types", ids[0], client=client)
        started = time.perf_counter()
        results = await reads(client, ids, concurrency)
        elapsed = time.perf_counter() - started
    assert [item["id"] for item in results] == ids
    return elapsed


async def create_task_types(server, count, concurrency):
    prefix = "fanout-%s" % uuid.uuid4().hex[:6]
    async with await aio.create_session(*server) as client:
        created = await bounded([lambda index=index: aio.create("task-types", {"name": "%s-%03d" % (prefix, index)},
                                                                client=client) for index in range(count)],
                                concurrency)
    return [item["id"] for item in created]


async def remove_task_types(server, ids, concurrency):
    async with await aio.create_session(*server) as client:
        await bounded([lambda item_id=item_id: aio.delete("data/task-types/%s" % item_id, client=client)
                       for item_id in ids], concurrency)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--latency", type=float, default=0.0,
                        help="milliseconds of round-trip time added by a local relay, as across a network")
    options = parser.parse_args(argv)
    count, concurrency, repeat = options.count, options.concurrency, options.repeat

    with contextlib.ExitStack() as stack:
        server = stack.enter_context(kitsu_server())
        if options.latency:
            server = (stack.enter_context(delaying_relay(server[0], options.latency / 1000)),) + tuple(server[1:])
        sync_client = gazu.client.create_client(server[0])
        gazu.log_in(server[1], server[2], client=sync_client)
        ids = asyncio.run(create_task_types(server, count, concurrency))
        try:
            def fetch_sync(item_id):
                return gazu.client.fetch_one("task-types", item_id, client=sync_client)

            fetch_sync(ids[0])  # warm the connection
            figures = {
                "sync, sequential (yardstick)": best_of(repeat, lambda: timed(
                    lambda: [fetch_sync(item_id) for item_id in ids])),
                "async, sequential awaits": best_of(repeat, lambda: asyncio.run(
                    timed_reads(server, sequential_reads, ids, concurrency))),
                "async, asyncio.gather (%d at once)" % concurrency: best_of(repeat, lambda: asyncio.run(
                    timed_reads(server, gather_reads, ids, concurrency))),
                "sync, thread pool of %d" % concurrency: best_of(repeat, lambda: timed(
                    thread_pool_map, fetch_sync, ids, concurrency)),
            }
        finally:
            asyncio.run(remove_task_types(server, ids, concurrency))

    names = list(figures)
    yardstick = figures[names[0]][0]
    print("\n%d independent reads (GET data/task-types/{id}) on %s%s, best of %d (median); %d CPUs, load %.2f:"
          % (count, server[0], " (+%g ms round trip)" % options.latency if options.latency else "", repeat,
             os.cpu_count() or 0, os.getloadavg()[0]))
    for name, (best, median) in figures.items():
        print("  %-36s %7.3f s (%7.3f s)   %5.1f%% of the yardstick, x%.1f"
              % (name, best, median, 100 * best / yardstick, yardstick / best))
    print("\nasync fan-out ratio (gather / sequential): %.2f   sync thread-pool fan-out ratio: %.2f"
          % (figures[names[2]][0] / yardstick, figures[names[3]][0] / yardstick))


if __name__ == "__main__":
    main()
