"""The test suite: fast hashing, in-memory email, tasks run at once inside the request."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
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
