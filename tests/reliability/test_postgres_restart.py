"""PostgreSQL stopped and started again under load, with an editor publishing all the while.

A private PostgreSQL cluster (never the machine's shared one) holds the demo library; gunicorn serves it
and keeps running throughout. wrk drives the mixed read workload in three phases (before, across the
outage, after) while a probe records every answer with its time and a writer process publishes pages.
Errors are allowed only inside the outage (from the stop until 5 s after PostgreSQL is back); the site
must answer again within 5 s of PostgreSQL being back, with no restart of the application; and every page
the writer touched is either fully published (page row, live revision, log entry and change-feed event
all agree) or not published at all.

``make reliability`` only (RELIABILITY_FULL=1): it needs initdb and about two minutes.
"""

import json
import subprocess
import sys
import threading
import time
from collections import Counter
from os import environ

import pytest

from bench.load import Server, wrk

from .live import (
    PROJECT,
    SERVER_ENV,
    PrivatePostgres,
    fetch,
    full_run_only,
    manage,
    mixed_workload,
    postgres_bin,
)

CONCURRENCY = int(environ.get("LOAD_CONCURRENCY", "32"))
PHASE_SECONDS = int(environ.get("RESTART_PHASE_SECONDS", "15"))
DOWN_SECONDS = float(environ.get("RESTART_DOWN_SECONDS", "3"))
RECOVERY_LIMIT = 5.0  # the bound: seconds from PostgreSQL being back to the site answering

pytestmark = [
    full_run_only,
    pytest.mark.skipif(postgres_bin() is None, reason="PostgreSQL's initdb and pg_ctl are not installed"),
]


@pytest.fixture
def private_library(monkeypatch):
    """The demo library, published and indexed, on a private PostgreSQL, served by gunicorn."""
    postgres = PrivatePostgres()
    server = None
    try:
        postgres.start()
        postgres.create_database("library")
        url = postgres.url("library")
        manage(url, "migrate", "--no-input", "-v", "0")
        manage(url, "load_demo")
        manage(url, "rebuild_search_index")
        for name, value in SERVER_ENV.items():
            monkeypatch.setenv(name, value)
        (PROJECT / "bench" / "out").mkdir(exist_ok=True)
        server = Server(url)
        yield postgres, server, url
    finally:
        if server:
            server.stop()
        postgres.destroy()


class Probe(threading.Thread):
    """Asks for a few pages in turn, recording ``(started, ended, path, status)``; status 0 is a socket error."""

    def __init__(self, base, paths):
        super().__init__(daemon=True)
        self.base, self.paths = base, paths
        self.records = []
        self.stopping = threading.Event()

    def run(self):
        while not self.stopping.is_set():
            for path in self.paths:
                started = time.time()
                try:
                    status = fetch(self.base, path, timeout=10)[0]
                except OSError:
                    status = 0
                self.records.append((started, time.time(), path, status))
            time.sleep(0.05)


def start_writer(url, stop_file, log):
    env = {**environ, **SERVER_ENV, "DATABASE_URL": url}
    return subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "tests.reliability.publisher", "--stop-file", str(stop_file)],
        cwd=PROJECT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def page_problems(page):
    """What is half-written about one of the writer's pages, as the database holds it (empty: nothing)."""
    problems = []
    if page["live"]:
        if (page["live_revision_title"], page["live_revision_summary"]) != (page["title"], page["summary"]):
            problems.append("the live page's row does not match its live revision")
        if page["publish_log_entries"] < 1:
            problems.append("live without a publish entry in its history")
        if not page["latest_is_live"] and not page["has_unpublished_changes"]:
            problems.append("a newer draft that is not flagged as unpublished changes")
    elif page["live_revision_title"] is not None or page["publish_log_entries"]:
        problems.append("not live, yet it has a live revision or a publish entry")
    if page["published_events"] != page["publish_log_entries"]:
        problems.append(f"{page['publish_log_entries']} publishes but {page['published_events']} change-feed events")
    return problems


def test_site_recovers_from_a_postgres_restart_and_half_writes_nothing(private_library, tmp_path, record_figures):
    """Errors only during the outage, answers again within 5 s of PostgreSQL's return, nothing half-written."""
    postgres, server, url = private_library
    requests_file = tmp_path / "requests.txt"
    mix = mixed_workload(server.base, requests_file)
    first_detail = next(line for line in requests_file.read_text().splitlines() if "/api/v1/patterns/" in line[:20])
    probe = Probe(server.base, ["/api/v1/patterns/", "/patterns/", "/api/v1/search/?q=blue+badge", first_detail])
    stop_file, writer_log = tmp_path / "stop-writer", tmp_path / "writer.jsonl"
    with writer_log.open("w") as log:
        writer = start_writer(url, stop_file, log)
    probe.start()
    try:
        before = wrk(server.base, requests_file, PHASE_SECONDS, concurrency=CONCURRENCY)
        during = {}
        across = threading.Thread(
            target=lambda: during.update(
                wrk(server.base, requests_file, int(2 + DOWN_SECONDS + RECOVERY_LIMIT + 2), concurrency=CONCURRENCY)
            )
        )
        across.start()
        time.sleep(2)
        stopped_at = time.time()
        postgres.stop()
        was_down = not postgres.accepts_connections()
        time.sleep(DOWN_SECONDS)
        postgres.start()
        back_at = time.time()
        across.join()
        after = wrk(server.base, requests_file, PHASE_SECONDS, concurrency=CONCURRENCY)
    finally:
        probe.stopping.set()
        stop_file.touch()
        writer.wait(120)
    probe.join(30)
    window_end = back_at + RECOVERY_LIMIT

    failures = [r for r in probe.records if r[3] != 200]
    outside = [r for r in failures if r[1] < stopped_at or r[0] > window_end]
    last_failure_end = max((r[1] for r in failures), default=stopped_at)
    recovered_at = min((r[1] for r in probe.records if r[3] == 200 and r[0] >= last_failure_end), default=None)
    recovery = round(recovered_at - back_at, 2) if recovered_at else None

    attempts = [json.loads(line) for line in writer_log.read_text().splitlines() if line.startswith("{")]
    failed_writes = [a for a in attempts if not a["ok"]]
    writes_outside = [a for a in failed_writes if a["ended"] < stopped_at or a["started"] > window_end]
    last_attempt = {a["slug"]: a for a in attempts}
    check = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "tests.reliability.publisher", "--check"],
        cwd=PROJECT,
        env={**environ, **SERVER_ENV, "DATABASE_URL": url},
        capture_output=True,
        text=True,
        check=True,
    )
    pages = json.loads(check.stdout.strip().splitlines()[-1])
    half_written = {page["slug"]: page_problems(page) for page in pages if page_problems(page)}
    # What a supplier sees: each live page with its live title, nothing else.
    served_wrongly = []
    for page in pages:
        status, _headers, body = fetch(server.base, f"/api/v1/patterns/{page['slug']}/")
        title = json.loads(body).get("title") if status == 200 else None
        if (page["live"] and title != page["title"]) or (not page["live"] and status != 404):
            served_wrongly.append((page["slug"], page["live"], status, title))
    lost = [
        slug
        for slug, attempt in last_attempt.items()
        if attempt["ok"] and not any(p["slug"] == slug and p["live"] and p["title"] == attempt["title"] for p in pages)
    ]

    figures = {
        "concurrency": CONCURRENCY,
        "down_seconds": round(back_at - stopped_at, 2),
        "recovery_seconds_after_postgres_back": recovery,
        "wrk_before": before,
        "wrk_across_restart": during,
        "wrk_after": after,
        "probe_requests": len(probe.records),
        "probe_failures_in_window": len(failures),
        "probe_failures_outside_window": len(outside),
        "writer_attempts": dict(Counter("ok" if a["ok"] else "failed" for a in attempts)),
        "writer_failures_outside_window": len(writes_outside),
        "writer_pages": len(pages),
        "writer_pages_live": sum(page["live"] for page in pages),
        "half_written_pages": len(half_written),
        "lost_publishes": len(lost),
        "served_wrongly": len(served_wrongly),
        "mix": mix,
    }
    print(f"\npostgres restart: {json.dumps(figures)}")  # noqa: T201  the figures the issue asks for
    record_figures("postgres_restart", figures)

    assert was_down, "PostgreSQL still accepted connections after being stopped: no fault was injected"
    assert failures or during["errors"], "no client saw the outage: the fault did not reach the site"
    assert before["errors"] == 0 and before["status_other"] == 0, f"errors before the restart: {before}"
    assert after["errors"] == 0 and after["status_other"] == 0, f"errors after recovery: {after}"
    assert not outside, f"probe errors outside the outage: {outside[:5]}"
    assert recovery is not None and recovery <= RECOVERY_LIMIT, f"answered again {recovery}s after PostgreSQL was back"
    assert not writes_outside, f"publishing failed outside the outage: {writes_outside[:3]}"
    assert any(a["ok"] and a["started"] > back_at for a in attempts), "publishing did not resume after the restart"
    assert not half_written, f"half-written pages: {half_written}"
    assert not lost, f"publishes reported done but not live: {lost}"
    assert not served_wrongly, f"the API disagrees with the database: {served_wrongly[:5]}"
