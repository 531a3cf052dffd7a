"""Rate limits hold across web processes: the cache they count in is shared in production."""

import json
import os
import subprocess
import sys
import uuid

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test import override_settings

from cms.apps import create_cache_table

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def run_django(code, **env):
    """Run ``code`` in a fresh Python process with Django set up; return what it prints, parsed as JSON."""
    script = f"import django; django.setup()\n{code}"
    environment = {**os.environ, **env}
    result = subprocess.run(  # noqa: S603  (our own interpreter and code)
        [sys.executable, "-c", script], env=environment, cwd=settings.BASE_DIR, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


PRINT_BACKEND = "import json; from django.conf import settings; print(json.dumps(settings.CACHES['default']))"
PRODUCTION = {"DJANGO_SETTINGS_MODULE": "cms.settings.production", "SECRET_KEY": "x" * 60}


def test_production_counts_in_the_database_without_redis():
    environment = {**PRODUCTION, "REDIS_URL": ""}
    assert run_django(PRINT_BACKEND, **environment)["BACKEND"].endswith("DatabaseCache")


def test_production_counts_in_redis_when_it_is_set():
    cache = run_django(PRINT_BACKEND, **PRODUCTION, REDIS_URL="redis://cache:6379/0")
    assert cache == {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://cache:6379/0"}


@pytest.mark.django_db
def test_the_database_cache_table_is_created_by_migrate():
    database_cache = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "t_cache"}}
    with override_settings(CACHES=database_cache):
        create_cache_table()
        assert "t_cache" in connection.introspection.table_names()
        caches["default"].set("ratelimit:probe", 3)
        assert caches["default"].get("ratelimit:probe") == 3


def redis_reachable():
    try:
        import redis

        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except Exception:
        return False


@pytest.mark.skipif(not redis_reachable(), reason=f"no Redis at {REDIS_URL} (set TEST_REDIS_URL)")
def test_a_limit_reached_in_one_process_holds_in_another():
    """Contributions counted by this process are refused by a second process sharing Redis."""
    email = f"{uuid.uuid4().hex}@essex.gov.uk"
    redis_cache = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
    # override_settings rebuilds Django's cache handlers (django.test.signals), so the count goes to Redis.
    with override_settings(CACHES=redis_cache):
        from contributions import ratelimit

        allowed, _period = settings.CONTRIBUTIONS_RATE_LIMITS["contribution_per_email"]
        for _ in range(allowed):
            assert ratelimit.take("contribution_per_email", email)

    def limited_elsewhere(address):
        check = (
            "import json; from contributions import ratelimit; "
            f"print(json.dumps(not ratelimit.take('contribution_per_email', {address!r})))"
        )
        return run_django(check, DJANGO_SETTINGS_MODULE="cms.settings.test", REDIS_URL=REDIS_URL)

    assert limited_elsewhere(email) is True
    assert limited_elsewhere(f"other-{email}") is False
