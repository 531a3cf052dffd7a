"""Benchmark databases: one per library size, cloned from a migrated template so a run migrates once.

Every name starts with ``bench_`` (or BENCH_PREFIX, e.g. ``mine_`` for a session sharing the server); nothing
here touches any other database on the server.
"""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

PROJECT = Path(__file__).resolve().parent.parent
SERVER_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
# A private template (BENCH_TEMPLATE=bench_template_mine) keeps one session's migrations from another's.
TEMPLATE = os.environ.get("BENCH_TEMPLATE", "bench_template")
# Every database the harness creates or drops starts with this (BENCH_PREFIX=mine_ gives mine_10000).
PREFIX = os.environ.get("BENCH_PREFIX", "bench_")


def name_for(pages):
    """The database of a ``pages``-page library: ``bench_10000``."""
    return f"{PREFIX}{pages}"


def database_url(name):
    """``postgres://…/bench_10000`` for ``name`` on the benchmark server."""
    parts = urlsplit(SERVER_URL)
    return urlunsplit(parts._replace(path=f"/{name}"))


def _admin():
    return psycopg.connect(SERVER_URL, autocommit=True)


def exists(name):
    with _admin() as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None


def drop(name):
    assert name.startswith(PREFIX) or name == TEMPLATE, name
    with _admin() as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def migrate(name):
    env = {**os.environ, "DATABASE_URL": database_url(name), "DJANGO_SETTINGS_MODULE": "cms.settings.bench"}
    return subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", "-v0"], cwd=PROJECT, env=env, check=False
    ).returncode


def ensure_template():
    """Create (or bring up to date) the migrated, empty template database."""
    if not exists(TEMPLATE):
        with _admin() as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(TEMPLATE)))
    if migrate(TEMPLATE) != 0:
        # A branch rewrote a migration the template already has: start the template again.
        drop(TEMPLATE)
        with _admin() as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(TEMPLATE)))
        if migrate(TEMPLATE) != 0:
            raise RuntimeError("manage.py migrate failed on the benchmark template database")


def create_from_template(name):
    """Drop ``name`` and create it as an empty, migrated copy of the template; return its URL."""
    assert name.startswith(PREFIX) and name != TEMPLATE, name
    ensure_template()
    drop(name)
    with _admin() as conn:
        conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(name), sql.Identifier(TEMPLATE)))
    return database_url(name)
