"""HTTP load: gunicorn on 127.0.0.1 against a benchmark database, driven by wrk at fixed concurrency.

Everything here talks to 127.0.0.1 only, and every wrk run is bounded in time.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
LUA = PROJECT / "bench" / "wrk" / "rotate.lua"
WORKERS = 2  # one per core on the 2-core machine the issue names
CONCURRENCY = 16
WRK_THREADS = 2


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def process_cpu_seconds(pid):
    """User + system CPU seconds of process ``pid`` (0 when it has gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Server:
    """gunicorn with sync workers, started and stopped by pid (never by name)."""

    def __init__(self, database_url, workers=WORKERS, env=None):
        self.database_url = database_url
        self.env = env or {}
        self.database = database_url.rsplit("/", 1)[-1]
        self.workers = workers
        self.log = open(PROJECT / "bench" / "out" / "gunicorn.log", "a")  # noqa: SIM115
        self.start()

    def start(self):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.bench",
            "DATABASE_URL": self.database_url,
            "PYTHONUNBUFFERED": "1",
            **self.env,
        }
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.process = subprocess.Popen(
            [
                str(gunicorn),
                "cms.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.workers),
                "--worker-class",
                "sync",
                "--backlog",
                "256",
                "--timeout",
                "120",
                "--log-level",
                "warning",
            ],
            cwd=PROJECT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self.wait_ready()

    def restart(self, warm_paths=()):
        """A new server in place of this one, warmed on ``warm_paths``.

        After a slow endpoint, 16 requests wrk left queued would take a minute or more to serve; dropping
        them with the old server is quicker, and the next measurement still starts on warm workers.
        """
        self.kill()
        self.start()
        for path in warm_paths:
            for _ in range(self.workers):
                try:
                    with urllib.request.urlopen(self.base + path, timeout=300) as response:
                        response.read()
                except OSError:
                    pass

    def wait_ready(self, timeout=180):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("gunicorn exited; see bench/out/gunicorn.log")
            try:
                with urllib.request.urlopen(self.base + "/bench/floor/", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"gunicorn did not answer within {timeout} s")

    def worker_pids(self):
        """The gunicorn workers: the processes whose parent is the master this object started."""
        pids = []
        for status in Path("/proc").glob("[0-9]*/status"):
            try:
                fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line)
            except OSError:
                continue
            if fields.get("PPid", "").strip() == str(self.process.pid):
                pids.append(int(status.parent.name))
        return sorted(pids)

    def worker_rss_mb(self):
        """Resident memory of each worker in MB, e.g. ``{1234: 142.5, 1235: 139.9}``."""
        sizes = {}
        for pid in self.worker_pids():
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        sizes[pid] = round(int(line.split()[1]) / 1024, 1)
            except FileNotFoundError:
                continue
        return sizes

    def cpu_seconds(self):
        """CPU time used so far by the workers and by their PostgreSQL backends, e.g. ``(12.5, 3.2)``.

        On a machine shared with other work, requests per second fall with the machine's load, but the
        CPU each request costs does not: it is the load-independent figure beside the throughput.
        """
        import psycopg

        from .db import SERVER_URL

        with psycopg.connect(SERVER_URL, autocommit=True) as conn:
            backends = [
                row[0] for row in conn.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s", [self.database])
            ]
        return (
            round(sum(process_cpu_seconds(pid) for pid in self.worker_pids()), 2),
            round(sum(process_cpu_seconds(pid) for pid in backends), 2),
        )

    def drain(self, timeout=300):
        """Wait until requests a finished wrk left queued have been served.

        Sync workers finish a request even when wrk has hung up; a floor request queues behind them,
        so its answer means the backlog is gone and the next measurement starts on an idle server.
        """
        for _ in range(2):
            with urllib.request.urlopen(self.base + "/bench/floor/", timeout=timeout) as response:
                response.read()

    def kill(self):
        """Stop at once, dropping whatever is queued (the workers first, then the master)."""
        for pid in self.worker_pids():
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def ensure_wrk():
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: `apt-get install wrk` (make bench does this)")


def wrk(base, requests_file, seconds, concurrency=CONCURRENCY):
    """Run wrk for ``seconds`` over the requests in ``requests_file``; return its figures."""
    ensure_wrk()
    command = [
        "wrk",
        f"-t{WRK_THREADS}",
        f"-c{concurrency}",
        f"-d{seconds}s",
        "--timeout",
        "60s",
        "-s",
        str(LUA),
        base,
        "--",
        str(requests_file),
    ]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60, check=False)
    for line in completed.stdout.splitlines():
        if line.startswith("WRKJSON "):
            raw = json.loads(line.removeprefix("WRKJSON "))
            break
    else:
        raise RuntimeError(f"wrk printed no result: {completed.stdout}\n{completed.stderr}")
    seconds_run = raw["duration_us"] / 1e6
    errors = sum(raw[k] for k in ["connect_errors", "read_errors", "write_errors", "status_errors", "timeouts"])
    return {
        "requests": raw["requests"],
        "seconds": round(seconds_run, 1),
        "rps": round(raw["requests"] / seconds_run, 1),
        "p50_ms": round(raw["p50_us"] / 1000, 1),
        "p95_ms": round(raw["p95_us"] / 1000, 1),
        "p99_ms": round(raw["p99_us"] / 1000, 1),
        "max_ms": round(raw["max_us"] / 1000, 1),
        "errors": errors,
        "status_2xx": raw["status_2xx"],
        "status_304": raw["status_304"],
        "status_other": raw["status_other"],
        "mb_per_second": round(raw["bytes"] / seconds_run / 1e6, 2),
    }


def soak(server, requests_file, seconds, sample_every=5):
    """Drive a mix of endpoints for ``seconds`` and sample each worker's RSS; report growth.

    Growth is measured from the start of the second minute (when caches are warm) to the end of the
    run, as the issue asks (< 10% over a 5-minute run).
    """
    samples = []
    result = {}

    def load():
        result.update(wrk(server.base, requests_file, seconds))

    thread = threading.Thread(target=load)
    started = time.monotonic()
    thread.start()
    while thread.is_alive():
        samples.append({"t": round(time.monotonic() - started, 1), "rss_mb": server.worker_rss_mb()})
        thread.join(timeout=sample_every)
    final = server.worker_rss_mb()
    second_minute = min(60.0, seconds * 0.4)
    baseline = next((s for s in samples if s["t"] >= second_minute), samples[0])
    growth = {}
    for pid, rss in final.items():
        before = baseline["rss_mb"].get(pid)
        growth[pid] = round((rss - before) / before * 100, 1) if before else None
    return {
        "seconds": seconds,
        "load": result,
        "baseline_at_s": baseline["t"],
        "rss_mb_at_baseline": baseline["rss_mb"],
        "rss_mb_after": final,
        "growth_percent": growth,
        "samples": samples,
    }


def fetch(url, timeout=300):
    """GET ``url``; its status (errors count as answered: warming only needs the worker to have run)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return None


def ask_every_worker(base, paths, times=2):
    """Ask each path ``WORKERS`` at a time, ``times`` over: sync workers take one request each, so every
    worker answers every path (what fills each worker's own caches)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(WORKERS) as pool:
        for path in paths:
            for _ in range(times):
                list(pool.map(fetch, [base + path] * WORKERS))
