"""Run every benchmark and write bench/RESULTS.md and bench/results.json (``make bench``).

    .venv/bin/python -m bench.run --quick             # 1,000 and 10,000 pages, about 20 minutes on 2 cores
    .venv/bin/python -m bench.run                     # full: also 100,000 pages (search only), longer runs
    .venv/bin/python -m bench.run --smoke --sizes 1000  # the harness end to end in a few minutes

For each size it builds the library in its own database (``bench_<pages>``, or BENCH_PREFIX's) and times
the search index rebuild. Up to 10,000 pages it then counts SQL queries per request, starts gunicorn
(2 sync workers) and drives each endpoint with wrk at concurrency 16, alternating endpoints over several
rounds so that a change in the machine's load falls on all of them alike; the search runs in servers of
its own, once with the search's kept counts off (every request a cache miss) and once warmed (hits). At
10,000 pages (the size issue 17's targets are judged at) it also measures in process: CPU per search
request on a miss beside Tantivy (bench.search_cpu), the uncached pattern page three ways
(bench.page_cpu), the worst anonymous queries (bench.bad_input); and times publishing, runs the memory
soak and profiles the slowest of the library's endpoints. Above 10,000 pages (``make bench-full``'s
100,000) only the library, the rebuild and the in-process search figures beside Tantivy are measured: the
wrk runs there would take longer than the whole quick bench.
"""

import argparse
import json
import math
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from . import calibrate, db, load, probe, report
from .endpoints import ENDPOINTS, JUDGED_PAGES

PROJECT = Path(__file__).resolve().parent.parent
OUT = PROJECT / "bench" / "out"
MODES = {
    # seconds per endpoint per round, rounds, warm-up seconds, soak seconds, publishes, rebuild budget
    "quick": {
        "seconds": 8,
        "rounds": 2,
        "warm": 2,
        "soak": 300,  # the 5-minute memory run
        "publishes": 20,
        "rebuild_budget": 240,
        "max_seconds": 40,
        "search_cpu_rounds": 2,
        "page_cpu_limit": 80,
        "sizes": "1000,10000",
    },
    # a check that the harness works end to end, in about two minutes; its figures mean nothing
    "smoke": {
        "seconds": 2,
        "rounds": 1,
        "warm": 1,
        "soak": 12,
        "publishes": 3,
        "rebuild_budget": 20,
        "max_seconds": 10,
        "search_cpu_rounds": 1,
        "page_cpu_limit": 10,
        "sizes": "1000,10000",
    },
    "full": {
        "seconds": 15,
        "rounds": 2,
        "warm": 3,
        "soak": 300,
        "publishes": 30,
        "rebuild_budget": 600,
        "max_seconds": 90,
        "search_cpu_rounds": 3,
        "page_cpu_limit": 0,  # the whole sample, about 200 pages
        "sizes": "1000,10000,100000",
    },
}
# At sizes above JUDGED_PAGES only the library, the rebuild and the in-process search figures are measured.
SCALE_SEARCH_CPU_ROUNDS = 1
SLOW_MS = 300  # an endpoint slower than this in-process gets a fresh server rather than a drain after it
LIBRARY_ENDPOINTS = ["v1_list", "v1_detail", "v1_detail_304", "site_pattern", "search"]


def add_cpu_per_request(figures, before, after, served):
    """Put the servers' CPU per request served (app and database, ms) and the load average in ``figures``;
    ``before`` and ``after`` are ``server.cpu_seconds()`` either side of the run."""
    figures["app_cpu_ms"] = round((after[0] - before[0]) * 1000 / served, 2)
    figures["db_cpu_ms"] = round((after[1] - before[1]) * 1000 / served, 2)
    figures["load_average"] = round(os.getloadavg()[0], 1)


def say(message):
    print(f"[bench {datetime.now(UTC):%H:%M:%S}] {message}", flush=True)


def python_step(args, database_url, timeout=None):
    """Run ``python -m bench.<module> …`` against ``database_url``; return the JSON on its last line."""
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "cms.settings.bench"}
    completed = subprocess.run(
        [sys.executable, "-m", *args],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{completed.stdout[-3000:]}\n{completed.stderr[-3000:]}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def machine():
    memory_kb = next(
        int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")
    )
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor(),
    )
    return {
        "cores": os.cpu_count(),
        "cpu": model,
        "memory_gb": round(memory_kb / 1024 / 1024, 1),
        "kernel": platform.release(),
        "load_average_at_start": os.getloadavg(),
        # Fixed workloads, so that two runs' figures can be compared across machines (bench.calibrate).
        "speed": calibrate.measure(db.SERVER_URL),
    }


def versions():
    from importlib.metadata import version

    found = {"python": platform.python_version()}
    for package in ["Django", "wagtail", "djangorestframework", "django-ninja", "psycopg", "gunicorn"]:
        try:
            found[package] = version(package)
        except Exception:  # noqa: BLE001  (a missing package is reported, not fatal)
            found[package] = "not installed"
    import psycopg

    with psycopg.connect(db.SERVER_URL) as conn:
        found["postgresql"] = conn.execute("SHOW server_version").fetchone()[0]
    wrk = subprocess.run(["wrk", "--version"], capture_output=True, text=True, check=False)
    found["wrk"] = (wrk.stdout or wrk.stderr).split("[")[0].replace("wrk", "").strip()
    return found


def commit():
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=PROJECT, capture_output=True, text=True)
    return head.stdout.strip()


def measure_size(pages, mode, judged, earlier_rate=None, reuse=False):
    """Everything measured at one size; ``judged`` is the size the targets are judged at (10,000 pages)."""
    settings = MODES[mode]
    size_out = OUT / str(pages)
    size_out.mkdir(parents=True, exist_ok=True)
    result = {"pages": pages, "role": "judged" if judged else "scale" if pages > JUDGED_PAGES else "smaller"}
    database = db.name_for(pages)

    report_file = size_out / "generate.json"
    if reuse and report_file.exists() and db.exists(database):
        say(f"{pages:,} pages: reusing {database} (migrating it to this commit)")
        if db.migrate(database) != 0:
            raise RuntimeError(f"migrate failed on {database}")
        result["generate"] = json.loads(report_file.read_text())
        result["generate"]["reused"] = True
    else:
        say(f"{pages:,} pages: building the library")
        started = time.perf_counter()
        generation = subprocess.run(
            [sys.executable, "-m", "bench.generate", "--pages", str(pages), "--report", str(report_file)],
            cwd=PROJECT,
            capture_output=True,
            text=True,
            check=False,
        )
        if generation.returncode != 0:
            raise RuntimeError(f"generation failed:\n{generation.stdout}\n{generation.stderr[-4000:]}")
        result["generate"] = json.loads(report_file.read_text())
        result["generate"]["wall_seconds"] = round(time.perf_counter() - started, 1)
    result["generate"].pop("sample", None)
    url = db.database_url(result["generate"]["database"])

    result["rebuild"] = rebuild(url, pages, settings["rebuild_budget"], earlier_rate)
    vacuum(result["generate"]["database"])

    if result["role"] == "scale":
        say(f"{pages:,} pages: no wrk runs above {JUDGED_PAGES:,} pages (in-process search figures only)")
        result["search_cpu"] = search_cpu(url, pages, SCALE_SEARCH_CPU_ROUNDS, result["rebuild"])
        return result

    say(f"{pages:,} pages: preparing requests and counting SQL queries")
    prepared = python_step(["bench.measure", "prepare", "--out", str(size_out)], url)
    result["endpoints"] = prepared["endpoints"]
    result["search_queries_source"] = prepared["queries_source"]
    available = [name for name, entry in prepared["endpoints"].items() if entry["available"]]
    # The search runs in servers of its own (search_runs); every other endpoint alternates in one.
    alternating = [name for name in available if not ENDPOINTS[name].get("search_run")]

    with load.Server(url) as server:
        say(f"{pages:,} pages: warming {len(alternating)} endpoints")
        render_ahead(server, result["endpoints"], alternating)
        for name in alternating:
            load.wrk(server.base, result["endpoints"][name]["requests_file"], settings["warm"], concurrency=2)
            server.drain()
        rounds = {name: [] for name in alternating}
        # A fresh server is warmed on every endpoint quicker than a second, so that loading code and
        # filling per-process caches is not counted against whichever endpoint comes next.
        warm_paths = [
            request_paths(result["endpoints"][name])[0]
            for name in alternating
            if result["endpoints"][name].get("single_request_ms", 0) < 1000 and not ENDPOINTS[name].get("conditional")
        ]
        for round_number in range(settings["rounds"]):
            for name in alternating:
                entry = result["endpoints"][name]
                entry["seconds_per_round"] = duration(entry, settings)
                app_before, db_before = server.cpu_seconds()
                figures = load.wrk(server.base, entry["requests_file"], entry["seconds_per_round"])
                if entry.get("single_request_ms", 0) > SLOW_MS:
                    app_after, db_after = server.cpu_seconds()
                    # Two requests were part-served when wrk stopped; the queued rest are dropped.
                    served = figures["requests"] + load.WORKERS / 2
                    server.restart(warm_paths)
                else:
                    server.drain()
                    app_after, db_after = server.cpu_seconds()
                    # wrk keeps one request in flight on each connection, so the server also serves the
                    # 16 left when it stops (during the drain, with two floor requests costing next to nothing).
                    served = figures["requests"] + load.CONCURRENCY
                add_cpu_per_request(figures, (app_before, db_before), (app_after, db_after), served)
                rounds[name].append(figures)
                say(
                    f"{pages:,} pages, round {round_number + 1}: {name} {figures['rps']} req/s, "
                    f"p95 {figures['p95_ms']} ms, errors {figures['errors']}"
                )
        for name, measured in rounds.items():
            result["endpoints"][name]["http"] = combine(measured)
        if judged:
            mixed = size_out / "mixed.txt"
            mixed_names = alternating + (["search"] if "search" in available else [])
            mixed.write_text(
                "".join(Path(result["endpoints"][name]["requests_file"]).read_text() for name in mixed_names)
            )
            say(f"{pages:,} pages: memory run, {settings['soak']} s of mixed traffic")
            result["memory"] = load.soak(server, mixed, settings["soak"])
        result["worker_rss_mb_after_run"] = server.worker_rss_mb()

    search_runs(result, url, size_out, settings, pages)

    if judged:
        result["search_cpu"] = search_cpu(url, pages, settings["search_cpu_rounds"], result["rebuild"])
        result["page_cpu"] = page_cpu(url, pages, settings["page_cpu_limit"])
        say(f"{pages:,} pages: the worst anonymous queries")
        result["bad_input"] = python_step(["bench.bad_input"], url, timeout=600)
        say(f"{pages:,} pages: publishing a 40-block pattern {settings['publishes']} times")
        result["publish"] = python_step(["bench.measure", "publish", "--repeat", str(settings["publishes"])], url)
        result["profile"] = profile_slowest(result, url, size_out)
    return result


def render_ahead(server, entries, names):
    """Ask every path of the endpoints marked ``rendered_ahead`` once of each worker, as the worker renders the
    pages a publish changed (issue 17, target 5): a round then measures readers' requests, as on a running
    site, whatever the machine's speed and whether the library was built for this run or reused. Without it a
    new library's first rendering of every page (50 ms each on a slower machine) fell in the rounds, while a
    reused one's pages were already kept, so two runs of one commit disagreed 30-fold."""
    for name in names:
        if ENDPOINTS[name].get("rendered_ahead"):
            load.ask_every_worker(server.base, request_paths(entries[name]), times=1)
            server.drain()


def request_paths(entry):
    """The paths of an endpoint's requests file (one request a line: the path, then any headers, tab-separated)."""
    return [line.split("\t")[0] for line in Path(entry["requests_file"]).read_text().splitlines() if line]


def vacuum(database):
    """``VACUUM ANALYZE`` after the build and the rebuild, as a running site's autovacuum would have."""
    import psycopg

    with psycopg.connect(db.database_url(database), autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")


def search_runs(result, url, size_out, settings, pages):
    """The public search over HTTP, each round in fresh servers: misses, then hits.

    Misses: gunicorn started with ``BENCH_SEARCH_CACHE=off`` (:mod:`bench.probe`), so the search never
    looks up its kept counts or answers and every request counts its matches and facets, as the first
    asking of a query after a change does; the workers are warmed on a few queries first (code, templates,
    stems). Hits: gunicorn with them on, every judged query asked by both workers twice before wrk starts,
    so the kept answers (``search.answers``) answer. In both, each worker logs every search request (its own
    wall and CPU time, and whether what the search keeps answered), so the run shows that it measured what it
    says.
    """
    entries = result["endpoints"]
    if not (entries.get("search") or {}).get("available"):
        return
    folder = size_out / "search-log"
    paths = request_paths(entries["search"])
    measured = {"misses": [], "hits": []}
    logged = {"misses": [], "hits": []}
    names = {"misses": "search", "hits": "search_hits"}
    for round_number in range(settings["rounds"]):
        for kind in ("misses", "hits"):
            entry = entries[names[kind]]
            seconds = duration(entries["search"], settings)
            figures, rows = search_round(url, kind, paths, entry["requests_file"], seconds, folder)
            entry["seconds_per_round"] = seconds
            logged[kind] += rows
            measured[kind].append(figures)
            say(
                f"{pages:,} pages, round {round_number + 1}: search {kind} {figures['rps']} req/s, "
                f"p95 {figures['p95_ms']} ms, errors {figures['errors']}, "
                f"kept counts: {figures['server']['kinds']}"
            )
    for kind, rounds in measured.items():
        entry = entries[names[kind]]
        entry["http"] = combine(rounds)
        entry["http"]["server"] = server_side(logged[kind])
        entry["method"] = kind


def search_round(url, kind, paths, requests_file, seconds, folder):
    """One wrk round of the search in fresh servers: ``kind`` "misses" (the kept counts and answers off, the
    workers warmed on a few queries) or "hits" (every path asked of both workers first). Returns the figures
    (with the workers' own log summed up as ``server``) and the logged rows."""
    env = {probe.LOG_VARIABLE: str(folder)}
    if kind == "misses":
        env[probe.CACHE_VARIABLE] = "off"
    with load.Server(url, env=env) as server:
        load.ask_every_worker(server.base, paths if kind == "hits" else paths[:3])
        server.drain()
        probe.clear_log(folder)
        before = server.cpu_seconds()
        figures = load.wrk(server.base, requests_file, seconds)
        server.drain()
        add_cpu_per_request(figures, before, server.cpu_seconds(), figures["requests"] + load.CONCURRENCY)
    rows = probe.read_log(folder)
    figures["server"] = server_side(rows)
    return figures, rows


def server_side(rows):
    """What the workers logged: how many requests of each kind and their own wall and CPU p50/p95."""
    from .measure import percentile

    kinds = {}
    for row in rows:
        kinds[row["kind"]] = kinds.get(row["kind"], 0) + 1

    def spread(key):
        values = [row[key] for row in rows]
        if not values:
            return None
        return {"p50": round(percentile(values, 0.5), 1), "p95": round(percentile(values, 0.95), 1)}

    return {
        "requests": len(rows),
        "kinds": kinds,
        "wall_ms": spread("wall"),
        "cpu_ms": spread("cpu"),
        "server_errors": sum(row["status"] >= 500 for row in rows),
    }


def tantivy_available():
    return subprocess.run([sys.executable, "-c", "import tantivy"], capture_output=True, check=False).returncode == 0


def search_cpu(url, pages, rounds, rebuilt):
    """bench.search_cpu: CPU and wall per search API request on a miss, beside Tantivy when installed."""
    if rebuilt.get("pages_per_second") is None:
        return {"skipped": True, "reason": "the search index was not rebuilt at this size"}
    args = ["bench.search_cpu", "-n", str(rounds)]
    tantivy = tantivy_available()
    if tantivy:
        args.append("--tantivy")
    say(f"{pages:,} pages: search in process on cache misses{' beside Tantivy' if tantivy else ''}")
    figures = python_step(args, url, timeout=3600)
    if not tantivy:
        figures["tantivy_missing"] = "tantivy is not installed (`pip install -e '.[bench]'`)"
    return figures


def page_cpu(url, pages, limit):
    """bench.page_cpu three ways: nothing kept (the target), the page's HTML kept, the whole page kept."""
    say(f"{pages:,} pages: an uncached pattern page in process (nothing, HTML, page kept)")
    found = {}
    for kept in ("nothing", "bodies", "pages"):
        args = ["bench.page_cpu", "--kept", kept]
        if limit:
            args += ["--limit", str(limit)]
        try:
            found[kept] = python_step(args, url, timeout=1200)
        except RuntimeError as error:
            found[kept] = {"failed": str(error)[-500:]}
    return found


def duration(entry, settings):
    """Seconds to drive an endpoint: the mode's figure, longer for a slow endpoint so that each of the 16
    connections is answered several times (a 1.5 s response queues 8 deep behind 2 workers)."""
    cycle = entry.get("single_request_ms", 0) / 1000 * load.CONCURRENCY / load.WORKERS
    return int(min(settings["max_seconds"], max(settings["seconds"], math.ceil(cycle * 4))))


def rebuild(url, pages, budget, earlier_rate=None):
    """Time a first build of the index and then a rebuild of it (bench.measure rebuild), unless the rate at the
    smaller size says one cannot finish within the budget."""
    if earlier_rate and pages / earlier_rate > budget:
        say(f"{pages:,} pages: skipping the index rebuild ({pages / earlier_rate:.0f} s predicted)")
        return {
            "skipped": True,
            "pages": pages,
            "budget_seconds": budget,
            "reason": f"{earlier_rate} pages/s at the smaller size predicts {pages / earlier_rate:.0f} s, "
            f"over this mode's budget of {budget} s",
        }
    say(f"{pages:,} pages: building the search index, then rebuilding it (budget {budget} s each)")
    try:
        return python_step(["bench.measure", "rebuild"], url, timeout=2 * budget)
    except subprocess.TimeoutExpired:
        return {"finished": False, "budget_seconds": budget, "pages": pages}


def combine(rounds):
    """One figure per endpoint from its rounds: total requests over total time, mean percentiles."""
    requests = sum(r["requests"] for r in rounds)
    seconds = sum(r["seconds"] for r in rounds)

    def mean(key):
        return round(sum(r[key] for r in rounds) / len(rounds), 1)

    return {
        "requests": requests,
        "seconds": round(seconds, 1),
        "rps": round(requests / seconds, 1) if seconds else 0,
        "p50_ms": mean("p50_ms"),
        "p95_ms": mean("p95_ms"),
        "p99_ms": mean("p99_ms"),
        "max_ms": max(r["max_ms"] for r in rounds),
        "errors": sum(r["errors"] for r in rounds),
        "status_2xx": sum(r["status_2xx"] for r in rounds),
        "status_304": sum(r["status_304"] for r in rounds),
        "status_other": sum(r["status_other"] for r in rounds),
        "mb_per_second": mean("mb_per_second"),
        "app_cpu_ms": mean("app_cpu_ms"),
        "db_cpu_ms": mean("db_cpu_ms"),
        "load_average": mean("load_average"),
        "rounds": rounds,
    }


def profile_slowest(result, url, size_out):
    """Profile the slowest of the library's own endpoints (or of all, before the library's exist)."""
    measured = {name: e for name, e in result["endpoints"].items() if e.get("http")}
    candidates = [name for name in LIBRARY_ENDPOINTS if name in measured] or list(measured)
    if not candidates:
        return None
    slowest = max(candidates, key=lambda name: measured[name]["http"]["p50_ms"])
    say(f"profiling {slowest}")
    out = PROJECT / "bench" / "profiles" / f"{slowest}.txt"
    figures = python_step(
        [
            "bench.measure",
            "profile",
            "--endpoint",
            slowest,
            "--requests-file",
            measured[slowest]["requests_file"],
            "--out",
            str(out),
            "--count",
            "20",
        ],
        url,
    )
    figures["profile_file"] = str(out.relative_to(PROJECT))
    return figures


def judged_size(sizes):
    """The size targets are judged at: 10,000 pages, else the largest below it (a smoke run's 1,000)."""
    below = [size for size in sizes if size <= JUDGED_PAGES]
    return max(below) if below else min(sizes)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="shorter runs: the whole bench in about 10 minutes")
    parser.add_argument("--smoke", action="store_true", help="seconds-long runs, to check the harness works")
    parser.add_argument(
        "--sizes",
        help="library sizes, comma-separated (default: quick and smoke 1000,10000; full 1000,10000,100000)",
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep libraries an earlier run built (bench_<size> databases), migrated to this commit",
    )
    parser.add_argument("--rounds", type=int, help="rounds per endpoint (default: the mode's, 2)")
    parser.add_argument("--results", type=Path, default=PROJECT / "bench" / "results.json")
    parser.add_argument("--markdown", type=Path, default=PROJECT / "bench" / "RESULTS.md")
    args = parser.parse_args(argv)
    mode = "smoke" if args.smoke else "quick" if args.quick else "full"
    sizes = sorted(int(size) for size in (args.sizes or MODES[mode]["sizes"]).split(","))
    judged = judged_size(sizes)
    if args.rounds:
        MODES[mode]["rounds"] = args.rounds
    load.ensure_wrk()
    OUT.mkdir(parents=True, exist_ok=True)

    started = time.perf_counter()
    results = {
        "mode": mode,
        "settings": {**MODES[mode], "workers": load.WORKERS, "concurrency": load.CONCURRENCY},
        "judged_pages": judged,
        "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": commit(),
        "machine": machine(),
        "versions": versions(),
        "endpoint_labels": {name: spec["label"] for name, spec in ENDPOINTS.items()},
        "sizes": {},
    }
    rate = None
    for pages in sizes:
        measured = measure_size(pages, mode, judged=pages == judged, earlier_rate=rate, reuse=args.reuse)
        results["sizes"][str(pages)] = measured
        rate = measured["rebuild"].get("pages_per_second") or (
            measured["rebuild"]["pages"] / measured["rebuild"]["budget_seconds"]
            if measured["rebuild"].get("finished") is False
            else rate
        )
    results["machine"]["load_average_at_end"] = os.getloadavg()
    results["machine"]["speed_at_end"] = calibrate.measure(db.SERVER_URL)
    results["total_seconds"] = round(time.perf_counter() - started)
    results["targets"] = report.evaluate(results)
    args.results.write_text(json.dumps(results, indent=2, default=str) + "\n")
    report.write(results, args.markdown)
    say(f"done in {results['total_seconds']} s: {args.markdown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
