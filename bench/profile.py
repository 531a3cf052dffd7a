"""Targeted, in-process measurements for working on one endpoint (not part of ``make bench``).

    DATABASE_URL=postgres://…/perf_1000 .venv/bin/python -m bench.profile v1_list v1_detail_304 -n 50
    DATABASE_URL=… .venv/bin/python -m bench.profile v1_list --pyinstrument     # bench/out/profiles/v1_list.html
    DATABASE_URL=… .venv/bin/python -m bench.profile site_pattern -n 200 --warm  # every page requested once first

For each endpoint: CPU ms per request in this process (``time.process_time``, so the machine's load does not
inflate it), wall ms per request, SQL queries per request and the status. The database's own CPU is not in
the figure; the query count stands in for it. Endpoints and their request lists are the benchmark's
(``bench.endpoints``, ``bench.measure.request_lines``).
"""

import argparse
import sys
import time
from pathlib import Path

from .measure import ENDPOINTS, header_kwargs, request_lines, sample_patterns, setup

PROFILES = Path(__file__).resolve().parent / "out" / "profiles"  # not committed: bench/profiles is the run's


def measure(name, count, pyinstrument=False, warm=False):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    lines = request_lines(name, sample_patterns(), client)
    # Three requests warm the process; --warm requests every line once, so a cache (the public pages') is full,
    # as it is for wrk, which cycles through the same lines.
    for line in lines if warm else lines[:3]:
        path, headers = header_kwargs(line)
        client.get(path, **headers)
    profiler = None
    if pyinstrument:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
        profiler.start()
    statuses = set()
    with CaptureQueriesContext(connection) as captured:
        cpu, wall = time.process_time(), time.perf_counter()
        for n in range(count):
            path, headers = header_kwargs(lines[n % len(lines)])
            statuses.add(client.get(path, **headers).status_code)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    if profiler:
        profiler.stop()
        PROFILES.mkdir(parents=True, exist_ok=True)
        (PROFILES / f"{name}.txt").write_text(profiler.output_text(unicode=False, color=False, show_all=False))
        (PROFILES / f"{name}.html").write_text(profiler.output_html())
    return {
        "endpoint": name,
        "cpu_ms": round(cpu * 1000 / count, 2),
        "wall_ms": round(wall * 1000 / count, 2),
        "queries": round(len(captured.captured_queries) / count, 1),
        "status": sorted(statuses),
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("endpoints", nargs="*", default=["floor", "v1_list", "v1_detail", "v1_detail_304"])
    parser.add_argument("-n", "--count", type=int, default=30)
    parser.add_argument("--pyinstrument", action="store_true", help="write bench/out/profiles/<endpoint>.txt/.html")
    parser.add_argument("--warm", action="store_true", help="request every line once before measuring")
    args = parser.parse_args(argv)
    setup()
    for name in args.endpoints:
        if name not in ENDPOINTS:
            parser.error(f"unknown endpoint {name}; one of {', '.join(ENDPOINTS)}")
        print(measure(name, args.count, args.pyinstrument, args.warm))  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
