"""The test suite: fast hashing, in-memory email, tasks run at once inside the request."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
# The address the test suite's absolute URLs are built on (tests that need another override it).
SITE_URL = WAGTAILADMIN_BASE_URL = "http://localhost"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
# The API tests run webhook receivers on 127.0.0.1.
WEBHOOKS_ALLOW_PRIVATE_TARGETS = True
# tests/api/test_worker.py runs `manage.py db_worker` against the test database, with a short lease.
if os.environ.get("TEST_TASKS_BACKEND") == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
WEBHOOK_LEASE_SECONDS = int(os.environ.get("WEBHOOK_LEASE_SECONDS", "60"))
SEARCH_INDEX_LEASE_SECONDS = int(os.environ.get("SEARCH_INDEX_LEASE_SECONDS", "120"))
# The test database rolls back between tests, the library version with it: never remember it.
API_LIBRARY_VERSION_TTL = 0
# SQLite (the default without DATABASE_URL): the test database is a file in WAL mode, not memory, so that the
# live-server tests' parallel requests each get their own connection (an in-memory database is one connection
# shared by every thread). Each transaction takes the write lock at its start and waits up to 30 s for it,
# so simultaneous writers queue instead of failing with "database is locked".
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / ".test-db.sqlite3")}  # noqa: F405
    DATABASES["default"]["OPTIONS"] = {  # noqa: F405
        "transaction_mode": "IMMEDIATE",
        "timeout": 30,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;",
    }
# The demo's printed credentials (pattern_pages.demo.credentials): one file per test process, never the
# checkout's own .demo-credentials.json.
DEMO_CREDENTIALS_FILE = MEDIA_ROOT / f"demo-credentials-{os.getpid()}.json"
