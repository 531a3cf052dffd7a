"""What the load and fault tests share: a private PostgreSQL they may stop, the library served by gunicorn
(``bench.load.Server``), and the mixed read workload wrk replays against it."""

import json
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings

from bench.load import free_port

PROJECT = Path(settings.BASE_DIR)
FULL_RUN = os.environ.get("RELIABILITY_FULL") == "1"
full_run_only = pytest.mark.skipif(not FULL_RUN, reason="make reliability only (RELIABILITY_FULL=1): too slow for CI")
# Load and fault tests are off the rate limits: a 429 would stand in for the answer being measured.
SERVER_ENV = {"API_ANON_RATE": "off", "API_KEY_RATE": "off", "DJANGO_SETTINGS_MODULE": "cms.settings.bench"}


def postgres_bin():
    """The folder holding initdb and pg_ctl (PG_BIN, else the newest /usr/lib/postgresql/*/bin), or None."""
    if os.environ.get("PG_BIN"):
        return Path(os.environ["PG_BIN"])
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name))
    return found[-1].parent if found else None


class PrivatePostgres:
    """A throw-away PostgreSQL cluster in a temporary folder, on its own port, that a test may stop and start.

    Never the machine's shared cluster. PostgreSQL refuses to run as root, so as root it runs as ``nobody``.
    """

    def __init__(self):
        self.bin = postgres_bin()
        self.dir = Path(tempfile.mkdtemp(prefix="reliability-pg-"))
        self.data = self.dir / "data"
        self.port = free_port()
        self.as_user = []
        if os.geteuid() == 0:
            nobody = pwd.getpwnam("nobody")
            os.chown(self.dir, nobody.pw_uid, nobody.pw_gid)
            self.as_user = ["runuser", "-u", "nobody", "--"]
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "--no-sync")

    def _run(self, program, *args):
        subprocess.run(  # noqa: S603
            [*self.as_user, str(self.bin / program), *args], check=True, capture_output=True, cwd=self.dir
        )

    def ctl(self, *args):
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.dir / "log"), "-w", *args)

    def start(self):
        self.ctl("start")

    def stop(self):
        """Stop at once: "fast" shutdown ends every open connection, as a crash or a restart does."""
        self.ctl("stop", "-m", "fast")

    def url(self, database):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name):
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')

    def accepts_connections(self):
        import psycopg

        try:
            with psycopg.connect(self.url("postgres"), connect_timeout=2):
                return True
        except psycopg.OperationalError:
            return False

    def destroy(self):
        try:
            self.stop()
        except subprocess.CalledProcessError:
            pass  # already stopped
        shutil.rmtree(self.dir, ignore_errors=True)


def manage(database_url, *args, timeout=600):
    """Run ``manage.py`` with the benchmark settings against ``database_url``; returns its output."""
    env = {**os.environ, **SERVER_ENV, "DATABASE_URL": database_url}
    completed = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=PROJECT, env=env, capture_output=True, text=True, timeout=timeout
    )
    if completed.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{completed.stdout}\n{completed.stderr}")
    return completed.stdout


def fetch(base, path, headers=None, timeout=30):
    """``(status, headers, body)`` of a GET; HTTP errors are answers too."""
    request = urllib.request.Request(base + path, headers=headers or {})  # noqa: S310  (127.0.0.1 only)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def path_of(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


API_LISTS = [
    "/api/v1/patterns/",
    "/api/v1/processes/",
    "/api/v1/services/?limit=20",
    "/api/v1/councils/",
    "/api/v1/life-events/",
    "/api/v1/pattern-types/",
    "/api/v1/components/",
    "/api/v1/patterns/?ordering=-id&limit=5",
]
API_SEARCHES = ["/api/v1/search/?q=blue+badge", "/api/v1/search/?q=council+tax", "/api/v1/search/?q=bins"]
PUBLIC_PAGES = ["/", "/patterns/", "/processes/", "/search/?q=blue+badge", "/search/?q=waste"]


def mixed_workload(base, requests_file):
    """Write wrk's request list (bench/wrk/rotate.lua's format) for a mixed read workload; return its make-up.

    API lists and details, API and public search, public pages, and conditional GETs that send the ETag the
    API gave for a list or detail (answered 304). Every line is tried once first and must answer 200 (304
    for the conditional ones), so the workload is what it says it is.
    """
    groups = {"api_lists": list(API_LISTS), "api_details": [], "search": list(API_SEARCHES), "public_pages": []}
    groups["public_pages"] = list(PUBLIC_PAGES)
    for listing in ["/api/v1/patterns/", "/api/v1/processes/"]:
        status, _headers, body = fetch(base, listing + "?limit=100")
        assert status == 200, f"{listing} answered {status}"
        for item in json.loads(body)["results"]:
            groups["api_details"].append(path_of(item["detail_url"]))
            groups["public_pages"].append(path_of(item["url"]))
    conditional = []
    for path in groups["api_lists"] + groups["api_details"]:
        status, headers, _body = fetch(base, path)
        assert status == 200 and headers.get("ETag"), f"{path} answered {status} with ETag {headers.get('ETag')}"
        conditional.append((path, headers["ETag"]))
    lines = []
    for name, paths in groups.items():
        for path in paths:
            status, _headers, _body = fetch(base, path)
            assert status == 200, f"{path} ({name}) answered {status}"
            lines.append(path)
    for path, etag in conditional:
        status, _headers, _body = fetch(base, path, {"If-None-Match": etag})
        assert status == 304, f"{path} with If-None-Match {etag} answered {status}"
        lines.append(f"{path}\tIf-None-Match\t{etag}")
    Path(requests_file).write_text("\n".join(lines) + "\n")
    return {**{name: len(paths) for name, paths in groups.items()}, "conditional_304": len(conditional)}


def wait_until(condition, timeout, every=0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(every)
    return False
