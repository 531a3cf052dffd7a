"""The search rounds of ``make bench`` on their own: wrk (c=16) against 2 sync gunicorn workers (not part of it).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/NAME_10000 .venv/bin/python -m bench.search_http [-s 8] [-r 2]

The same rounds as :func:`bench.run.search_runs` over the judged queries of ``bench/relevance/queries.tsv``
(``/search/?q=…``; ``--api`` asks ``/api/v1/search/?q=…`` instead): misses in a server started with
``BENCH_SEARCH_CACHE=off`` (nothing the search keeps is looked up), hits in a server where every worker was
asked every query twice first. The database must hold a built search index (a copy of ``bench_10000``).
Prints per round wrk's req/s and p95, the CPU per request of the workers and their PostgreSQL backends,
the machine's load, and what the workers logged (:mod:`bench.probe`: wall and CPU p50/p95, hit or miss);
the last line is JSON.
"""

import argparse
import json
import os
import tempfile
from pathlib import Path
from urllib.parse import quote_plus

from .measure import judged_queries
from .run import say, search_round


def run(database_url, seconds, rounds, prefix):
    queries, _source = judged_queries()
    paths = [f"{prefix}?q={quote_plus(query)}" for query in queries]
    out = Path(tempfile.mkdtemp(prefix="search-http-"))
    requests_file = out / "requests.txt"
    requests_file.write_text("\n".join(paths) + "\n")
    folder = out / "search-log"
    results = {"misses": [], "hits": []}
    for round_number in range(rounds):
        for kind in ("misses", "hits"):
            figures, _rows = search_round(database_url, kind, paths, requests_file, seconds, folder)
            results[kind].append(figures)
            say(
                f"round {round_number + 1}: {kind} {figures['rps']} req/s, p95 {figures['p95_ms']} ms, "
                f"errors {figures['errors']}, app {figures['app_cpu_ms']} + db {figures['db_cpu_ms']} ms CPU/request, "
                f"load {figures['load_average']}; workers logged {figures['server']}"
            )
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-s", "--seconds", type=int, default=8, help="wrk seconds per round (make bench: 8)")
    parser.add_argument("-r", "--rounds", type=int, default=2)
    parser.add_argument("--api", action="store_true", help="the search API rather than the search page")
    args = parser.parse_args()
    database_url = os.environ["DATABASE_URL"]
    results = run(database_url, args.seconds, args.rounds, "/api/v1/search/" if args.api else "/search/")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
