"""Benchmarks only (``make bench``): production's settings, relaxed just enough to run on 127.0.0.1.

DEBUG stays off and the database is PostgreSQL, so what is measured is what production does. The URLconf
adds the comparison endpoints (Wagtail API v2 and v3, and a trivial JSON view: the framework's floor);
they exist in this settings module only and are never deployed.
"""

import dj_database_url

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, LOGGING, MIDDLEWARE, STORAGES, env_rate, os

DEBUG = False
SECRET_KEY = "bench-only-secret-never-used-outside-127-0-0-1-benchmarks"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]

# Each library size gets its own database (bench.run sets DATABASE_URL); never the development one.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench"),
        conn_max_age=600,
        conn_health_checks=True,
    )
}

INSTALLED_APPS = INSTALLED_APPS + ["wagtail.api.v2", "wagtail.api.v3"]
ROOT_URLCONF = "bench.urls"
# Inert unless the harness asks (BENCH_SEARCH_LOG, BENCH_SEARCH_CACHE=off): see bench.probe.
MIDDLEWARE = ["bench.probe.SearchProbe", *MIDDLEWARE]

STATIC_ROOT = BASE_DIR / "bench" / "out" / "static"  # noqa: F405
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# No collectstatic before a run: serve templates' {% static %} without the manifest.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILAPI_BASE_URL = "http://127.0.0.1"
LOGGING = {**LOGGING, "root": {**LOGGING["root"], "level": "WARNING"}}

# The API's per-client rate limits would refuse a load test from one address: raise them far above what
# wrk can reach, so the throttle still runs on every request (and is measured) but never says no.
# The reliability load test turns them off (API_ANON_RATE=off).
API_THROTTLE_RATES = {"anon": env_rate("API_ANON_RATE", "1000000/min"), "key": env_rate("API_KEY_RATE", "1000000/min")}
