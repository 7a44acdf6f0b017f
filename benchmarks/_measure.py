"""One measurement, run inside one package's interpreter (this gazu's or upstream's), in a process of its own.

    python benchmarks/_measure.py FIGURE '{"argument": value, …}'

prints one line of JSON. Each figure uses gazu's public API only (and
requests, urllib3 and aiohttp themselves for the yardsticks), so the same
code measures both packages; compare_upstream.py runs it for each side in
turn. Times are seconds: ``wall`` from :func:`time.perf_counter`, ``cpu``
from :func:`time.process_time` (every thread of the process); memory is
the process's peak resident size above what it held just before.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import statistics
import sys
import time


def _status(key: str) -> int:
    with open("/proc/self/status") as status:
        return int(status.read().split(key + ":")[1].split()[0]) * 1024


def _reset_peak() -> int:
    """Start a new peak of resident memory here (Linux); return the resident size now."""
    with open("/proc/self/clear_refs", "w") as refs:
        refs.write("5")
    return _status("VmRSS")


def _timed(call):
    """Return ``(wall, cpu, result)`` of ``call()``."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = call()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def _median_times(call, repeat: int) -> dict:
    times = [_timed(call)[:2] for _ in range(repeat)]
    return {"wall": statistics.median(t[0] for t in times), "cpu": statistics.median(t[1] for t in times)}


def _count_pool_full_warnings() -> list:
    """Collect urllib3's "Connection pool is full, discarding connection" warnings into the returned list."""
    caught: list = []

    class Counter(logging.Handler):
        def emit(self, record):
            if "pool is full" in record.getMessage():
                caught.append(record)

    logging.getLogger("urllib3.connectionpool").addHandler(Counter(logging.WARNING))
    return caught


def calls(host: str, calls: int, repeat: int) -> dict:
    """Per call: gazu.client.fetch_all of a one-row answer, next to requests and urllib3 sending the same GET."""
    import requests
    import urllib3

    import gazu

    gazu.client.set_host(host + "/api")
    url = host + "/api/data/assets"
    session = requests.Session()
    session_without_environment = requests.Session()
    session_without_environment.trust_env = False
    pool = urllib3.PoolManager()
    contenders = {
        "requests": lambda: session.get(url).json(),
        "requests, trust_env off": lambda: session_without_environment.get(url).json(),
        "urllib3": lambda: json.loads(pool.request("GET", url).data),
        "gazu": lambda: gazu.client.fetch_all("assets"),
    }

    def loop(call):
        for _ in range(calls):
            call()

    for call in contenders.values():
        assert call() == [{"id": "1", "name": "a"}]
        for _ in range(100):  # warm
            call()
    samples: dict = {name: [] for name in contenders}
    for _ in range(repeat):  # interleaved, so that a busy moment hits every contender alike
        for name, call in contenders.items():
            samples[name].append(_timed(lambda call=call: loop(call))[:2])
    return {name: {"wall": statistics.median(s[0] for s in runs) / calls,
                   "cpu": statistics.median(s[1] for s in runs) / calls} for name, runs in samples.items()}


def decode(host: str, rows: int, repeat: int, without_orjson: bool = False) -> dict:
    """A large answer: fetch_all's time and peak memory, and the decoding step alone on a fetched response."""
    if without_orjson:
        sys.modules["orjson"] = None  # as on a Python where it is not installed
    import requests

    import gazu

    gazu.client.set_host(host + "/api")
    gazu.client.fetch_all("assets")  # imports done, connection open
    before = _reset_peak()
    wall, cpu, result = _timed(lambda: gazu.client.fetch_all("tasks"))
    peak = _status("VmHWM") - before
    assert len(result) == rows
    del result
    call = _median_times(lambda: gazu.client.fetch_all("tasks"), repeat)
    try:  # this gazu's decoding step; upstream's is requests' own
        from gazu._json import response_json as decoder
    except ImportError:
        decoder = requests.Response.json
    response = requests.get(host + "/api/data/tasks")
    alone = _median_times(lambda: decoder(response), repeat)
    return {"first_call": {"wall": wall, "cpu": cpu}, "peak": peak, "call": call, "decode": alone,
            "orjson": "orjson" in sys.modules and sys.modules["orjson"] is not None}


def upload(host: str, file: str) -> dict:
    """Peak memory of uploading ``file`` (gazu.client.upload)."""
    import gazu

    gazu.client.set_host(host + "/api")
    gazu.client.fetch_all("assets")
    before = _reset_peak()
    wall, cpu, _ = _timed(lambda: gazu.client.upload("pictures/thumbnails/x", file))
    return {"peak": _status("VmHWM") - before, "wall": wall, "cpu": cpu}


def download(host: str, size: int, file: str) -> dict:
    """Peak memory of downloading ``size`` bytes into ``file`` (gazu.client.download)."""
    import gazu

    gazu.client.set_host(host + "/api")
    gazu.client.fetch_all("assets")
    before = _reset_peak()
    wall, cpu, _ = _timed(lambda: gazu.client.download("files/%d" % size, file))
    assert os.path.getsize(file) == size
    os.remove(file)
    return {"peak": _status("VmHWM") - before, "wall": wall, "cpu": cpu}


def fanout_threads(host: str, workers: int, count: int) -> dict:
    """``count`` reads on one sync client from ``workers`` threads (map_calls where the package has it)."""
    from _fanout_calls import thread_pool_map

    import gazu

    warnings = _count_pool_full_warnings()
    client = gazu.client.create_client(host + "/api")
    ids = [str(index) for index in range(count)]

    def read(item_id):
        return gazu.client.fetch_one("task-types", item_id, client=client)

    read("warm")
    wall, cpu, results = _timed(lambda: thread_pool_map(read, ids, workers))
    assert [item["id"] for item in results] == ids
    return {"wall": wall, "cpu": cpu, "pool_full_warnings": len(warnings)}


def fanout_async(host: str, workers: int, count: int) -> dict:
    """``count`` reads with asyncio.gather, ``workers`` at once, on one gazu.aio.AsyncKitsuClient."""
    from _fanout_calls import bounded

    from gazu import aio

    warnings = _count_pool_full_warnings()
    ids = [str(index) for index in range(count)]

    async def reads():
        async with aio.AsyncKitsuClient(host + "/api", access_token="benchmark") as client:
            # Outside the timing, as the threads' warm read: this gazu imports aiohttp on its first request, where
            # upstream's gazu.aio imports it with the module (a tenth of a second or more either way).
            await aio.fetch_one("task-types", "warm", client=client)
            wall, cpu = time.perf_counter(), time.process_time()
            results = await bounded([lambda item_id=item_id: aio.fetch_one("task-types", item_id, client=client)
                                     for item_id in ids], workers)
            return time.perf_counter() - wall, time.process_time() - cpu, results

    wall, cpu, results = asyncio.run(reads())
    assert [item["id"] for item in results] == ids
    return {"wall": wall, "cpu": cpu, "pool_full_warnings": len(warnings)}


def workload(host: str, email: str, password: str, name: str, shots: int, comments: int) -> dict:
    """A pipeline script's day on a real Kitsu: log in, set a project up, make shots and tasks, comment.

    ``shots`` shots in one sequence, a Layout and an Animation task each,
    then ``comments`` comments that change their task's status. Every HTTP
    request the package sends is counted (requests' transport adapter).
    """
    import requests

    import gazu

    sent = []
    send = requests.adapters.HTTPAdapter.send

    def counted(adapter, request, *args, **kwargs):
        sent.append((request.method, request.path_url))
        return send(adapter, request, *args, **kwargs)

    requests.adapters.HTTPAdapter.send = counted

    def day():
        gazu.set_host(host)
        gazu.log_in(email, password)
        project = gazu.project.new_project(name, "short")
        task_types = [gazu.task.get_task_type_by_name(task_type) for task_type in ("Layout", "Animation")]
        for priority, task_type in enumerate(task_types, 1):
            gazu.project.add_task_type(project, task_type, priority)
        statuses = [gazu.task.get_task_status_by_short_name(short_name) for short_name in ("wip", "wfa")]
        sequence = gazu.shot.new_sequence(project, "SQ01")
        made = [gazu.shot.new_shot(project, sequence, "SH%04d" % (10 * index), nb_frames=48)
                for index in range(shots)]
        tasks = [gazu.task.new_task(shot, task_type) for shot in made for task_type in task_types]
        for index, task in enumerate(tasks[:comments]):
            gazu.task.add_comment(task, statuses[index % 2], "take %d" % index)
        assert len(gazu.shot.all_shots_for_project(project)) == shots
        return tasks

    wall, cpu, tasks = _timed(day)
    assert len(tasks) == 2 * shots
    return {"wall": wall, "cpu": cpu, "requests": len(sent)}


# The packages a profile is summed by, found in a code's file path ("gazu" last: upstream's folder in
# site-packages and our checkout both end in gazu/). Other code (built-ins, os.environ, urllib.parse, …)
# counts for the layer of the caller it spent the most time for: environment merging is requests' cost.
_LAYERS = ("requests", "urllib3", "http/client", "email", "json", "logging", "socket", "orjson", "gazu")


def _own_layer(filename: str) -> str | None:
    path = filename.replace(os.sep, "/")
    for layer in _LAYERS:
        if "/%s/" % layer in path or path.endswith("/%s.py" % layer):
            return layer.replace("/", ".")
    return None


def profile_call(host: str, calls: int) -> dict:
    """Profile ``calls`` small GETs (gazu.client.fetch_all): CPU time and Python calls per layer, top functions."""
    import cProfile
    import pstats

    import gazu

    gazu.client.set_host(host + "/api")
    for _ in range(100):
        gazu.client.fetch_all("assets")
    profiler = cProfile.Profile(time.process_time)  # CPU only: waiting for the server is not overhead
    profiler.enable()
    for _ in range(calls):
        gazu.client.fetch_all("assets")
    profiler.disable()
    stats = pstats.Stats(profiler).stats  # {(file, line, name): (primitive calls, calls, own, cumulative, callers)}
    resolved: dict = {}

    def layer_of(function, seen=()):
        if function not in resolved:
            own = _own_layer(function[0])
            callers = stats.get(function, (0, 0, 0, 0, {}))[4]
            if own is None and callers and function not in seen:
                heaviest = max(callers, key=lambda caller: callers[caller][2])
                own = layer_of(heaviest, seen + (function,))
            resolved[function] = own or "other"
        return resolved[function]

    layers: dict = {}
    for function, (_primitive, count, own, _cumulative, _callers) in stats.items():
        layer = layers.setdefault(layer_of(function), {"calls": 0, "cpu": 0.0})
        layer["calls"] += count / calls
        layer["cpu"] += own / calls
    top = sorted(stats.items(), key=lambda item: -item[1][2])[:25]
    return {"layers": layers, "top": [["%s:%d(%s)" % (os.path.basename(key[0]), key[1], key[2]), value[1] / calls,
                                       value[2] / calls, value[3] / calls] for key, value in top]}


FIGURES = {function.__name__: function for function in (calls, decode, upload, download, fanout_threads,
                                                         fanout_async, workload, profile_call)}

if __name__ == "__main__":
    print(json.dumps(FIGURES[sys.argv[1]](**json.loads(sys.argv[2]))))
