"""Compare this gazu with upstream gazu 1.3.1, side by side, in one run, and print a markdown table.

Every figure is measured for both packages in turn (this gazu first in even
rounds, upstream first in odd ones), each measurement in a fresh process of
the package's own interpreter (benchmarks/_measure.py), and the table gives
the median over the rounds and the ratio *this gazu / upstream*:

- ``import gazu`` (fresh interpreters);
- a small GET (``gazu.client.fetch_all``) on a loopback server: CPU and wall
  time per call, next to requests and urllib3 sending the same request;
- a 50,000-row answer (tasks as Zou lists them): ``fetch_all``'s time, the
  decoding step alone and the peak memory, with and without orjson;
- the peak memory of uploading and downloading files of two sizes (constant
  memory: the same peak for both);
- fan-out: reads from 32 threads on one client and 32 at once with asyncio
  on one async client, against a server answering each after 5 ms: time,
  connections opened, urllib3's "Connection pool is full" warnings;
- a real workload on a sandbox Kitsu started here (log in, set a project up,
  100 shots, 200 tasks, 20 comments with status changes, through the public
  API): wall time, client CPU and requests sent.

Upstream is installed from PyPI into a virtual environment in the user's cache,
the one the upstream-parity tests call (tests/upstream_oracle.py); the header
gives both sides' versions of requests, urllib3 and aiohttp, which should be
the same. Run from the project root (``tox -e bench`` does the same)::

    .venv/bin/python benchmarks/compare_upstream.py [--quick] [--rounds N] [--no-sandbox] [--upload-mib N]
                                                    [--markdown FILE] [--only FIGURE ...]

A full run takes a few minutes; ``--quick`` is a smoke run of every figure
(smaller sizes, fewer rounds), ``--only import`` (or calls, decode, transfer,
fanout, workload; repeatable) measures those figures alone. Run it on a
quiet machine: the header says the load average before and after.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
MEASURE = os.path.join(HERE, "_measure.py")
# Both sides must run these at the same versions for the figures to compare the packages alone.
SHARED_DEPENDENCIES = ("requests", "urllib3", "aiohttp")
MIB = 1 << 20
FIGURES = ("import", "calls", "decode", "transfer", "fanout", "workload")
VERSIONS_SNIPPET = "import importlib.metadata as m; print(', '.join(n + ' ' + m.version(n) for n in %r))"

sys.path[:0] = [HERE, ROOT]
from _loopback import serve, task_rows_body  # noqa: E402  (beside this script)

from tests.upstream_oracle import UPSTREAM_VERSION, cache_dir, upstream_python  # noqa: E402  (the parity tests' yardstick)

CACHE = cache_dir()


@dataclass(eq=False)  # hashed by identity
class Side:
    name: str
    python: str
    env: dict
    versions: str = ""


def sides() -> list[Side]:
    """This gazu (the checkout, through PYTHONPATH) and upstream's, each checked to import the right package."""
    base = {key: value for key, value in os.environ.items()
            if key not in ("PYTHONPATH", "PYTHONDONTWRITEBYTECODE") and not key.startswith("KITSU_")}
    ours = Side("this gazu", sys.executable, {**base, "PYTHONPATH": ROOT})
    upstream = Side("upstream %s" % UPSTREAM_VERSION, upstream_python(), base)
    # Both import from byte-code caches, as an installed package does.
    subprocess.run([sys.executable, "-m", "compileall", "-q", os.path.join(ROOT, "gazu")], check=True, env=ours.env)
    for side in (ours, upstream):
        where = run(side, "-c", "import gazu; print(gazu.__file__)")
        assert where.startswith(ROOT) == (side is ours), (side.name, where)
        side.versions = run(side, "-c", VERSIONS_SNIPPET % (SHARED_DEPENDENCIES,))
    if ours.versions != upstream.versions:
        print("warning: the two environments differ: %s / %s" % (ours.versions, upstream.versions), file=sys.stderr)
    return [ours, upstream]


def run(side: Side, *arguments: str) -> str:
    """Run the side's interpreter (outside the project folder, so upstream never imports ours); return its last line."""
    os.makedirs(CACHE, exist_ok=True)
    done = subprocess.run([side.python, *arguments], capture_output=True, text=True, env=side.env, cwd=CACHE,
                          timeout=900)
    if done.returncode:
        raise RuntimeError("%s: %s failed:\n%s" % (side.name, " ".join(arguments[:2]), done.stderr[-3000:]))
    return done.stdout.strip().splitlines()[-1]


def measure(side: Side, figure: str, **arguments) -> dict:
    return json.loads(run(side, MEASURE, figure, json.dumps(arguments)))


def alternating(rounds: int, contenders: list, one) -> dict:
    """Return ``{contender: [one(contender) per round]}``, the order of the contenders turned every round."""
    results: dict = {contender: [] for contender in contenders}
    for index in range(rounds):
        for contender in (contenders if index % 2 == 0 else contenders[::-1]):
            results[contender].append(one(contender))
    return results


def median(results: list, *keys: str) -> float:
    """The median over rounds of ``result[key][key]…``."""
    values = []
    for result in results:
        for key in keys:
            result = result[key]
        values.append(result)
    return statistics.median(values)


def seconds(value: float) -> str:
    if value < 1e-3:
        return "%.0f µs" % (value * 1e6)
    if value < 1:
        return "%.1f ms" % (value * 1e3)
    return "%.2f s" % value


def mebibytes(value: float) -> str:
    return "%.1f MiB" % (value / MIB)


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple] = []

    def add(self, figure: str, ours: float, upstream: float, spell=seconds, note: str = "") -> None:
        ratio = "%.2f×" % (ours / upstream) if upstream else "–"
        self.rows.append((figure, spell(ours), spell(upstream), ratio, note))

    def markdown(self, names: list[str]) -> str:
        lines = ["| figure | %s | %s | ratio | |" % tuple(names), "| --- | ---: | ---: | ---: | --- |"]
        lines += ["| %s | %s | %s | %s | %s |" % row for row in self.rows]
        return "\n".join(lines)


def progress(message: str) -> None:
    print("[%s] %s" % (time.strftime("%H:%M:%S"), message), file=sys.stderr, flush=True)


def import_figures(table: Table, ours: Side, upstream: Side, rounds: int) -> None:
    progress("import gazu, %d fresh interpreters each" % rounds)
    snippet = "import time; t = time.perf_counter(); import %s; print(time.perf_counter() - t)"
    times = alternating(rounds, [ours, upstream], lambda side: float(run(side, "-c", snippet % "gazu")))
    table.add("`import gazu`", statistics.median(times[ours]), statistics.median(times[upstream]))


def call_figures(table: Table, ours: Side, upstream: Side, host: str, rounds: int, calls: int) -> None:
    progress("small GETs, %d rounds of %d calls" % (rounds, calls))
    results = alternating(rounds, [ours, upstream], lambda side: measure(side, "calls", host=host, calls=calls,
                                                                       repeat=3))
    for kind, label in (("cpu", "CPU"), ("wall", "wall")):
        gazu = {side: median(results[side], "gazu", kind) for side in (ours, upstream)}
        bare = {side: median(results[side], "requests", kind) for side in (ours, upstream)}
        table.add("small GET (`fetch_all`), %s per call" % label, gazu[ours], gazu[upstream],
                  note="vs `requests.Session().get`: %.2f× / %.2f×" % (gazu[ours] / bare[ours],
                                                                      gazu[upstream] / bare[upstream]))
        for yardstick in ("requests", "requests, trust_env off", "urllib3"):
            values = {side: median(results[side], yardstick, kind) for side in (ours, upstream)}
            table.add("&nbsp;&nbsp;yardstick: %s, %s per call" % (yardstick, label), values[ours], values[upstream],
                      note="%.2f× requests (same code both sides: the ratio is the noise)"
                      % (values[ours] / bare[ours]))


def decode_figures(table: Table, ours: Side, upstream: Side, host: str, rounds: int, rows: int) -> None:
    progress("%d-row answer, %d rounds" % (rows, rounds))
    variants = [("orjson", ours, False), ("no orjson", ours, True), ("upstream", upstream, False)]
    results = alternating(rounds, variants, lambda variant: measure(
        variant[1], "decode", host=host, rows=rows, repeat=3, without_orjson=variant[2]))
    upstream_results = results[variants[2]]
    assert all(result["orjson"] for result in results[variants[0]]), "orjson is not installed: pip install .[fast]"
    for variant in variants[:2]:
        label = "%d-row answer, %s" % (rows, variant[0])
        for figure, keys, spell in (("`fetch_all` wall", ("call", "wall"), seconds),
                                    ("`fetch_all` CPU", ("call", "cpu"), seconds),
                                    ("decoding alone, CPU", ("decode", "cpu"), seconds),
                                    ("first call's peak memory", ("peak",), mebibytes)):
            table.add("%s: %s" % (label, figure), median(results[variant], *keys), median(upstream_results, *keys),
                      spell)


def transfer_figures(table: Table, ours: Side, upstream: Side, host: str, rounds: int, sizes: list) -> None:
    progress("uploads and downloads of %s MiB" % " and ".join(str(size) for size in sizes))
    with tempfile.TemporaryDirectory(dir=CACHE) as folder:
        for size in sizes:
            path = os.path.join(folder, "movie-%d.mov" % size)
            with open(path, "wb") as handle:
                block = os.urandom(MIB)
                for _ in range(size):
                    handle.write(block)
            uploads = alternating(rounds, [ours, upstream], lambda side, path=path: measure(
                side, "upload", host=host, file=path))
            os.remove(path)
            downloads = alternating(rounds, [ours, upstream], lambda side, size=size: measure(
                side, "download", host=host, size=size * MIB, file=os.path.join(folder, "received.mov")))
            for kind, results in (("upload", uploads), ("download", downloads)):
                table.add("%s of %d MiB: peak memory" % (kind, size), median(results[ours], "peak"),
                          median(results[upstream], "peak"), mebibytes)


def fanout_figures(table: Table, ours: Side, upstream: Side, server, rounds: int, workers: int, count: int) -> None:
    progress("fan-out: %d reads, %d workers, %d rounds" % (count, workers, rounds))

    def one(figure):
        def counted(side):
            before = server.connections
            result = measure(side, figure, host=server.url, workers=workers, count=count)
            return {**result, "connections": server.connections - before}
        return counted

    for figure, label in (("fanout_threads", "%d threads on one client" % workers),
                          ("fanout_async", "asyncio, %d at once on one async client" % workers)):
        results = alternating(rounds, [ours, upstream], one(figure))
        title = "fan-out, %d reads from %s" % (count, label)
        table.add(title + ": wall", median(results[ours], "wall"), median(results[upstream], "wall"))
        table.add(title + ": client CPU", median(results[ours], "cpu"), median(results[upstream], "cpu"))
        table.add(title + ": connections opened", median(results[ours], "connections"),
                  median(results[upstream], "connections"), "%.0f".__mod__)
        table.add(title + ": \"pool is full\" warnings", median(results[ours], "pool_full_warnings"),
                  median(results[upstream], "pool_full_warnings"), "%.0f".__mod__)


def workload_figures(table: Table, ours: Side, upstream: Side, rounds: int, shots: int, comments: int) -> None:
    from gazu.sandbox import KitsuSandbox

    progress("starting a sandbox Kitsu…")
    with KitsuSandbox() as sandbox:
        progress("workload on %s: %d shots, %d tasks, %d comments; %d rounds after a warm-up"
                 % (sandbox.host, shots, 2 * shots, comments, rounds))

        def day(side, shots=shots, comments=comments):
            return measure(side, "workload", host=sandbox.host, email=sandbox.admin_email,
                           password=sandbox.admin_password, name="bench-%s" % uuid.uuid4().hex[:8], shots=shots,
                           comments=comments)

        alternating(1, [ours, upstream], lambda side: day(side, shots=5, comments=2))  # the server's workers warm up
        results = alternating(rounds, [ours, upstream], day)
    title = "real Kitsu workload (%d shots, %d tasks, %d comments)" % (shots, 2 * shots, comments)
    table.add(title + ": wall", median(results[ours], "wall"), median(results[upstream], "wall"))
    table.add(title + ": client CPU", median(results[ours], "cpu"), median(results[upstream], "cpu"))
    table.add(title + ": requests", median(results[ours], "requests"), median(results[upstream], "requests"),
              "%.0f".__mod__)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smoke run: every figure, small and once or twice")
    parser.add_argument("--rounds", type=int, help="rounds of each figure (default 5, quick 1)")
    parser.add_argument("--no-sandbox", action="store_true", help="leave out the real Kitsu workload")
    parser.add_argument("--upload-mib", type=int, help="the larger file uploaded and downloaded, in MiB "
                        "(default 256, quick 64); the smaller is a quarter of it")
    parser.add_argument("--markdown", help="also write the table to this file")
    parser.add_argument("--only", action="append", choices=FIGURES, help="measure these figures alone (repeatable)")
    args = parser.parse_args()
    wanted = set(args.only or FIGURES)
    quick = args.quick
    rounds = args.rounds or (1 if quick else 5)
    rows = 5_000 if quick else 50_000

    started, load_before = time.monotonic(), os.getloadavg()[0]
    ours, upstream = sides()
    table = Table()
    server = serve(task_rows_body(rows), delay=0.005)
    try:
        if "import" in wanted:
            import_figures(table, ours, upstream, max(3, 3 * rounds))
        if "calls" in wanted:
            call_figures(table, ours, upstream, server.url, rounds, 200 if quick else 500)
        if "decode" in wanted:
            decode_figures(table, ours, upstream, server.url, rounds, rows)
        if "transfer" in wanted:
            largest = args.upload_mib or (64 if quick else 256)
            transfer_figures(table, ours, upstream, server.url, 1 if quick else 2, [max(1, largest // 4), largest])
        if "fanout" in wanted:
            fanout_figures(table, ours, upstream, server, rounds, 32, 320 if quick else 1280)
    finally:
        server.shutdown()
    if not args.no_sandbox and "workload" in wanted:
        workload_figures(table, ours, upstream, max(1, rounds // 2 + 1) if not quick else 1,
                         10 if quick else 100, 4 if quick else 20)

    header = ("%s: Python %s; %s (this gazu) / %s (upstream); %d CPUs, load average %.2f before, %.2f after; "
              "median of %d rounds, alternating; %.0f s%s" % (
                  time.strftime("%Y-%m-%d"), platform.python_version(), ours.versions, upstream.versions,
                  os.cpu_count() or 0, load_before, os.getloadavg()[0], rounds, time.monotonic() - started,
                  " (--quick)" if quick else ""))
    report = header + "\n\n" + table.markdown([ours.name, upstream.name]) + "\n"
    print(report)
    if args.markdown:
        with open(args.markdown, "w") as handle:
            handle.write(report)


if __name__ == "__main__":
    main()
