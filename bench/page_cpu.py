"""CPU per public page on a cache miss, in-process (issue 17, target 5; not part of ``make bench``).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_10000 .venv/bin/python -m bench.page_cpu [-n 2]
    DATABASE_URL=… .venv/bin/python -m bench.page_cpu --pyinstrument     # bench/out/profiles/page_cpu.txt/.html

Asks for the benchmark's sample of English pattern pages (``bench.measure.sample_patterns``: about 200, each
about 40 top-level blocks), emptying the cache of rendered pages before each request so each one renders
(Wagtail's own caches and the navigation links stay warm, as in a running process). ``--kept`` says what of
the shared table of kept renderings (``library.kept``) stays: ``nothing`` (the default: the whole page
renders), ``bodies`` (each page's HTML, rendered once per published revision, as after a change to what is
put in per request, e.g. an adoption; a first pass keeps them) or ``pages`` (the whole pages, as after a
publish of another page: this process's cache misses, the table answers; a first pass keeps them).
Per request: this process's CPU (``time.process_time``), the PostgreSQL backend's CPU
(:func:`bench.search_cpu.backend_cpu`: nanoseconds, or 10 ms ticks exact only in sum where schedstat is
missing) and the SQL query count. Prints p50/p95; the last line is JSON.
"""

import argparse
import gc
import json
import time
from pathlib import Path

from .measure import percentile, request_lines, sample_patterns, setup
from .search_cpu import backend_cpu, backend_pid

PROFILES = Path(__file__).resolve().parent / "out" / "profiles"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--rounds", type=int, default=1, help="times through the sample (default 1)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages of the sample")
    parser.add_argument(
        "--kept", choices=("nothing", "bodies", "pages"), default="nothing", help="what stays kept (default nothing)"
    )
    parser.add_argument("--pyinstrument", action="store_true", help="write bench/out/profiles/page_cpu.txt/.html")
    args = parser.parse_args(argv)
    setup()
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client, RequestFactory
    from django.test.utils import CaptureQueriesContext

    from library.version import PAGES_CACHE
    from pattern_pages.templatetags.library_tags import _kept_navigation_links

    try:
        from library import kept
        from library.models import KeptRender
    except ImportError:  # a commit before the table of kept renderings (issue 17's "before")
        kept = None

    def forget():
        caches[PAGES_CACHE].clear()
        _kept_navigation_links(RequestFactory().get("/"))  # kept for as long as the library does not change
        if kept is None or args.kept == "pages":
            return
        if args.kept == "bodies":
            KeptRender.objects.filter(kind="page").delete()
        else:
            kept.forget_all()

    client = Client()
    paths = request_lines("site_pattern", sample_patterns(), client)
    if args.limit:
        paths = paths[: args.limit]
    for path in paths[:3]:  # warm the process (imports, templates, translations)
        client.get(path)
    if args.kept in ("bodies", "pages"):
        for path in paths:
            client.get(path)
    gc.freeze()  # as cms/wsgi.py does in a server once the application is loaded
    pid = backend_pid()

    profiler = None
    if args.pyinstrument:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
    samples = []
    for _ in range(args.rounds):
        for path in paths:
            forget()
            if profiler:
                profiler.start()
            with CaptureQueriesContext(connection) as captured:
                cpu, db, wall = time.process_time(), backend_cpu(pid), time.perf_counter()
                response = client.get(path)
                cpu, db, wall = time.process_time() - cpu, backend_cpu(pid) - db, time.perf_counter() - wall
            if profiler:
                profiler.stop()
            assert response.status_code == 200, (path, response.status_code)
            samples.append(
                {"path": path, "app": cpu * 1000, "db": db * 1000, "wall": wall * 1000, "queries": len(captured)}
            )
    if profiler:
        PROFILES.mkdir(parents=True, exist_ok=True)
        (PROFILES / "page_cpu.txt").write_text(profiler.output_text(unicode=False, color=False, show_all=False))
        (PROFILES / "page_cpu.html").write_text(profiler.output_html())

    def summary(key):
        values = [sample[key] for sample in samples]
        return {
            "p50": round(percentile(values, 0.5), 1),
            "p95": round(percentile(values, 0.95), 1),
            "mean": round(sum(values) / len(values), 1),
        }

    for sample in samples:
        sample["total"] = sample["app"] + sample["db"]
    result = {
        "requests": len(samples),
        "database": connection.vendor,
        "kept": args.kept,
        "cpu_total_ms": summary("total"),
        "cpu_app_ms": summary("app"),
        "cpu_db_ms": summary("db"),
        "wall_ms": summary("wall"),
        "queries": summary("queries"),
    }
    for sample in sorted(samples, key=lambda s: -s["total"])[:5]:
        print(f"  {sample['path']}: app {sample['app']:.1f} ms, db {sample['db']:.0f} ms, {sample['queries']} queries")  # noqa: T201
    print(json.dumps(result))  # noqa: T201
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
