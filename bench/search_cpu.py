"""CPU per search request on a cache miss, in-process (issue 17, target 1; not part of ``make bench``).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_10000 .venv/bin/python -m bench.search_cpu [-n 3]

Asks the search API (``/api/v1/search/?q=…``) for each judged query of ``bench/relevance/queries.tsv`` and
the common words "apply", "planning", "council" and "service", emptying the response caches before every
request, so each one is a miss. Per request: this process's CPU (``time.process_time``), the PostgreSQL
backend's CPU (:func:`backend_cpu`: the scheduler's nanoseconds, or 10 ms ticks where the kernel keeps no
schedstat) and the wall time. Prints
p50/p95 of each and the slowest queries; the last line is JSON.

``--kept-counts`` empties only the API's responses and the search's kept answers (``search.answers``), so that
from the second round the search's kept counts (totals and facet counts of unfiltered queries, under the
library version and the index's generation) answer: what a repeated common word costs.

``--tantivy`` also indexes the same documents in Tantivy (:mod:`bench.tantivy_anchor`, the same analysis,
synonyms and facets; ``pip install -e '.[bench]'``), asks it the same queries the same number of times,
and reports ours ÷ Tantivy by CPU per query class (judged queries, common words).
"""

import argparse
import gc
import json
import os
import time
from pathlib import Path
from urllib.parse import quote

from .measure import judged_queries, percentile, setup

COMMON_WORDS = ["apply", "planning", "council", "service"]
TICK = 1 / os.sysconf("SC_CLK_TCK")


def backend_cpu(pid):
    """Seconds of CPU the PostgreSQL backend ``pid`` has used, or 0 when not readable: the scheduler's own
    count in nanoseconds (``/proc/<pid>/schedstat``), else user + system time in clock ticks (10 ms, so a
    request's share is exact only in sum)."""
    try:
        return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0]) / 1e9
    except (OSError, ValueError, IndexError):
        pass
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) * TICK


def backend_cpu_unit():
    """How :func:`backend_cpu` counts on this machine, for the report: ``"ns"`` or ``"10 ms ticks"``."""
    return "ns" if Path("/proc/self/schedstat").exists() else "10 ms ticks"


def backend_pid():
    """This process's PostgreSQL backend (for :func:`backend_cpu`), or None on another database."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--rounds", type=int, default=3, help="times through the query list (default 3)")
    parser.add_argument("--tantivy", action="store_true", help="run the Tantivy anchor on the same queries")
    parser.add_argument(
        "--kept-counts",
        action="store_true",
        help="empty only the API's responses and the search's kept answers, so that from the second round the "
        "search's kept counts "
        "(totals and facet counts of unfiltered queries) answer",
    )
    parser.add_argument(
        "--page",
        action="store_true",
        help="ask the public search page (/search/?q=…, its HTML) instead of the search API",
    )
    args = parser.parse_args(argv)
    setup()
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client

    queries = [*judged_queries()[0], *COMMON_WORDS]
    address = "/search/?q=" if args.page else "/api/v1/search/?q="
    client = Client()
    client.get(address + "warm")
    gc.freeze()  # as cms/wsgi.py does in a server once the application is loaded
    pid = backend_pid()

    samples = []
    for _ in range(args.rounds):
        for text in queries:
            # The page keeps its navigation links in the "pages" cache until the library changes, as a server does.
            for alias in ["api", "search"] if args.kept_counts or args.page else caches:
                caches[alias].clear()
            cpu, db, wall = time.process_time(), backend_cpu(pid), time.perf_counter()
            response = client.get(address + quote(text))
            cpu, db, wall = time.process_time() - cpu, backend_cpu(pid) - db, time.perf_counter() - wall
            assert response.status_code == 200, (text, response.status_code)
            samples.append({"q": text, "app": cpu * 1000, "db": db * 1000, "wall": wall * 1000})

    def summary(key, subset=samples):
        values = [sample[key] for sample in subset]
        return {
            "p50": round(percentile(values, 0.5), 1),
            "p95": round(percentile(values, 0.95), 1),
            "mean": round(sum(values) / len(values), 1),
        }

    for sample in samples:
        sample["total"] = sample["app"] + sample["db"]
    common = [sample for sample in samples if sample["q"] in COMMON_WORDS]
    result = {
        "requests": len(samples),
        "database": connection.vendor,
        "cpu_app_ms": summary("app"),
        "cpu_db_unit": backend_cpu_unit(),
        "cpu_db_ms_mean": round(sum(s["db"] for s in samples) / len(samples), 1),
        "cpu_total_ms": summary("total"),
        "cpu_total_ms_mean": round(sum(s["total"] for s in samples) / len(samples), 1),
        "wall_ms": summary("wall"),
        "common_words": {"cpu_total_ms": summary("total", common), "wall_ms": summary("wall", common)},
        # Per query class: CPU (app + database) and wall per request, for bench.report's verdicts.
        "classes": {
            name: {
                "requests": len(subset),
                "cpu_total_ms": summary("total", subset),
                "cpu_app_ms": summary("app", subset),
                "wall_ms": summary("wall", subset),
            }
            for name, subset in [
                ("all", samples),
                ("judged", [sample for sample in samples if sample["q"] not in COMMON_WORDS]),
                ("common_words", common),
            ]
        },
        "common_word_list": COMMON_WORDS,
        "rounds": args.rounds,
        "address": address,
    }
    result["facet_sets"] = facet_sets_load(pid)
    if args.tantivy:
        result["tantivy"] = tantivy_side_by_side(queries, args.rounds, samples)
    for sample in sorted(samples, key=lambda s: -s["total"])[:8]:
        print(f"  {sample['q']!r}: app {sample['app']:.1f} ms, db {sample['db']:.0f} ms, wall {sample['wall']:.1f} ms")
    print(json.dumps(result))
    return 0


def facet_sets_load(pid, times=3):
    """What reading the English facet sets costs (``search.engines.facet_sets.load``): once per worker after
    each write to the index, so not in a request above, which all ran at one generation. The median of
    ``times`` of app and database CPU and wall, in ms, and the sets' size."""
    from search.engines import facet_sets

    runs = []
    for _ in range(times):
        cpu, db, wall = time.process_time(), backend_cpu(pid), time.perf_counter()
        sets = facet_sets.load("en")
        cpu, db, wall = time.process_time() - cpu, backend_cpu(pid) - db, time.perf_counter() - wall
        runs.append((cpu * 1000, db * 1000, wall * 1000))
    middle = sorted(runs, key=lambda run: run[2])[times // 2]
    values = sum(len(found) for found in sets.values.values())
    return {
        "app_ms": round(middle[0], 1),
        "db_ms": round(middle[1], 1),
        "wall_ms": round(middle[2], 1),
        "documents": len(sets.ids),
        "values": values,
    }


def tantivy_side_by_side(queries, rounds, ours):
    """Tantivy's CPU per query (all in this process) and ours ÷ Tantivy per query class."""
    from .tantivy_anchor import build

    started = time.perf_counter()
    anchor = build()
    built = time.perf_counter() - started
    anchor.search("warm")
    timings = []
    for _ in range(rounds):
        for text in queries:
            cpu = time.process_time()
            total, _, _ = anchor.search(text)
            timings.append({"q": text, "cpu": (time.process_time() - cpu) * 1000, "total": total})
    classes = {
        "judged": lambda q: q not in COMMON_WORDS,
        "common_words": lambda q: q in COMMON_WORDS,
        "all": lambda q: True,
    }
    report = {"index_build_s": round(built, 2), "documents": anchor.searcher.num_docs}
    for name, wanted in classes.items():
        theirs = [t["cpu"] for t in timings if wanted(t["q"])]
        mine = [s["total"] for s in ours if wanted(s["q"])]
        report[name] = {
            "tantivy_cpu_ms": {"p50": round(percentile(theirs, 0.5), 2), "p95": round(percentile(theirs, 0.95), 2)},
            "ours_cpu_ms": {"p50": round(percentile(mine, 0.5), 1), "p95": round(percentile(mine, 0.95), 1)},
            "ratio_p50": round(percentile(mine, 0.5) / max(percentile(theirs, 0.5), 0.01), 1),
            "ratio_p95": round(percentile(mine, 0.95) / max(percentile(theirs, 0.95), 0.01), 1),
        }
    report["totals"] = {t["q"]: t["total"] for t in timings if t["q"] in COMMON_WORDS}
    return report


if __name__ == "__main__":
    raise SystemExit(main())
