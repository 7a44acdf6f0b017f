"""Where one small GET's time goes, in this gazu and in upstream 1.3.1: a cProfile of each, side by side.

    .venv/bin/python benchmarks/profile_call.py [--calls 3000]

For each package, against the loopback server of compare_upstream.py: the
Python function calls and the CPU time per call of each layer (gazu,
requests, urllib3, http.client, …; the standard library's helpers count for
the layer that calls them), then the functions with the most own CPU time.
cProfile slows small functions down more than large ones, so read the call
counts as exact and the times as shares, not as the real cost (which
compare_upstream.py measures).
"""

from __future__ import annotations

import argparse

from _loopback import serve
from compare_upstream import measure, sides


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=3000)
    args = parser.parse_args()
    packages = sides()
    server = serve(b"[]", delay=0)
    try:
        profiles = {side.name: measure(side, "profile_call", host=server.url, calls=args.calls) for side in packages}
    finally:
        server.shutdown()
    names = list(profiles)
    empty = {"calls": 0, "cpu": 0}
    layers = sorted({layer for profile in profiles.values() for layer in profile["layers"]},
                    key=lambda layer: -max(profile["layers"].get(layer, empty)["cpu"] for profile in profiles.values()))
    print("per GET          " + "".join("%30s" % name for name in names))
    print("layer            " + "".join("%16s %13s" % ("Python calls", "CPU time") for _ in names))
    for layer in layers:
        cells = [profiles[name]["layers"].get(layer, empty) for name in names]
        print("%-16s " % layer + "".join("%16.1f %10.1f µs" % (cell["calls"], cell["cpu"] * 1e6) for cell in cells))
    totals = [[sum(cell[key] for cell in profiles[name]["layers"].values()) for key in ("calls", "cpu")]
              for name in names]
    print("%-16s " % "total" + "".join("%16.1f %10.1f µs" % (calls, own * 1e6) for calls, own in totals))
    for name in names:
        print("\n%s: functions with the most own time per GET (calls, own CPU µs, cumulative µs)" % name)
        for function, calls, own, cumulative in profiles[name]["top"]:
            print("  %-60s %5.1f %8.1f %8.1f" % (function[:60], calls, own * 1e6, cumulative * 1e6))


if __name__ == "__main__":
    main()
