"""limits.counting: one contract for every place counts can live, and no overshoot under concurrency."""

import os
import threading
import uuid

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings

from limits import counting
from limits.models import Usage

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
LOCAL = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "limits-tests"}
REDIS = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}


def redis_reachable():
    try:
        import redis

        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except Exception:
        return False


no_redis = pytest.mark.skipif(not redis_reachable(), reason=f"no Redis at {REDIS_URL} (set TEST_REDIS_URL)")
COUNTERS = [
    pytest.param(("limits.counting.CacheCounter", LOCAL), id="local-memory"),
    pytest.param(("limits.counting.CacheCounter", REDIS), id="redis", marks=no_redis),
    pytest.param(("limits.counting.DatabaseCounter", LOCAL), id="database"),
]


@pytest.fixture(params=COUNTERS)
def counter(request):
    """Each place counts can live, chosen as a deployment chooses it (LIMITS_COUNTER, CACHES)."""
    name, default_cache = request.param
    with override_settings(LIMITS_COUNTER=name, CACHES={**settings.CACHES, "default": default_cache}):
        from django.core.cache import cache

        cache.clear()
        yield name
        cache.clear()


def scope():
    return f"test-{uuid.uuid4().hex[:8]}"  # every test its own counters, even in a shared Redis


NOW = 1_800_000_000.0  # the start of a 60-second window


@pytest.mark.django_db
def test_allowed_uses_then_refused(counter):
    """Three uses of three are allowed; the fourth is refused, with the seconds until the window ends."""
    name = scope()
    results = [counting.take(name, "198.51.100.7", 3, 60, now=NOW + 10) for _ in range(4)]
    assert [bool(result) for result in results] == [True, True, True, False]
    assert results[-1].retry_after == 50


@pytest.mark.django_db
def test_counts_are_per_client_and_per_scope(counter):
    """Another client, or another limit, has its own allowance."""
    name = scope()
    assert counting.take(name, "198.51.100.7", 1, 60, now=NOW)
    assert not counting.take(name, "198.51.100.7", 1, 60, now=NOW)
    assert counting.take(name, "198.51.100.8", 1, 60, now=NOW)
    assert counting.take(scope(), "198.51.100.7", 1, 60, now=NOW)


@pytest.mark.django_db
def test_a_refused_use_is_not_counted_and_a_use_can_be_given_back(counter):
    """Refusals use nothing up; give_back returns a use."""
    name = scope()
    assert counting.take(name, "jo@essex.gov.uk", 2, 60, now=NOW)
    for _ in range(3):
        counting.take(name, "jo@essex.gov.uk", 1, 60, now=NOW)  # refused at a lower allowance
    assert counting.take(name, "jo@essex.gov.uk", 2, 60, now=NOW)
    assert not counting.take(name, "jo@essex.gov.uk", 2, 60, now=NOW)
    counting.give_back(name, "jo@essex.gov.uk", 60, now=NOW)
    assert counting.take(name, "jo@essex.gov.uk", 2, 60, now=NOW)


@pytest.mark.django_db
def test_the_previous_window_counts_in_proportion(counter):
    """Ten uses late in one window still count for most of the next: a window boundary is no reset."""
    name = scope()
    for _ in range(10):
        assert counting.take(name, "198.51.100.7", 10, 60, now=NOW + 59)
    # 15 s into the next window, three quarters of the previous ten still count: 7.5 + 2 fit in 10, 7.5 + 3 do not.
    assert counting.take(name, "198.51.100.7", 10, 60, now=NOW + 75)
    assert counting.take(name, "198.51.100.7", 10, 60, now=NOW + 75)
    assert not counting.take(name, "198.51.100.7", 10, 60, now=NOW + 75)
    assert counting.take(name, "198.51.100.7", 10, 60, now=NOW + 119)  # by the end, hardly any


@pytest.mark.django_db(transaction=True)
def test_simultaneous_uses_never_exceed_the_allowance(counter):
    """40 threads taking at once from an allowance of 10: exactly 10 allowed, whatever the interleaving."""
    name = scope()
    start = threading.Barrier(40)
    results = []

    def use():
        try:
            start.wait()
            results.append(bool(counting.take(name, "198.51.100.7", 10, 3600)))
        finally:
            connection.close()

    threads = [threading.Thread(target=use) for _ in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 40
    assert results.count(True) == 10


@pytest.mark.django_db
def test_database_counter_forgets_expired_windows():
    """Rows of windows that can no longer count are deleted when a new window's row is made."""
    with override_settings(LIMITS_COUNTER="limits.counting.DatabaseCounter"):
        counting.take("old", "198.51.100.7", 5, 60, now=NOW)
        Usage.objects.update(expires="2000-01-01T00:00:00Z")
        counting.take("new", "198.51.100.7", 5, 60, now=NOW)
        assert list(Usage.objects.values_list("count", flat=True)) == [1]


def test_production_counts_in_the_database_without_redis_and_in_redis_with_it():
    """The database cache's incr() is not atomic, so production without Redis counts in rows instead."""
    from tests.cms.test_shared_cache import PRODUCTION, run_django

    code = "import json; from django.conf import settings; print(json.dumps(settings.LIMITS_COUNTER))"
    assert run_django(code, **PRODUCTION, REDIS_URL="") == "limits.counting.DatabaseCounter"
    assert run_django(code, **PRODUCTION, REDIS_URL="redis://cache:6379/0") == "limits.counting.CacheCounter"
