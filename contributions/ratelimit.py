"""Fixed-window rate limits counted in Django's cache, configured in settings.CONTRIBUTIONS_RATE_LIMITS.

e.g. ``CONTRIBUTIONS_RATE_LIMITS = {"contribution_per_ip": (10, 3600)}`` allows ten contributions an hour
from one address. The cache must be shared between processes in production (Redis, Memcached or the
database cache); the default local-memory cache only counts within one process.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache


def client_ip(request):
    # REMOTE_ADDR is the proxy in front of the app when there is one; the deployment's proxy is expected to
    # set it correctly (e.g. gunicorn's --forwarded-allow-ips), so X-Forwarded-For is not trusted here.
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _key(limit_name, value):
    digest = hashlib.sha256(str(value).strip().lower().encode()).hexdigest()[:32]
    return f"ratelimit:{limit_name}:{digest}"


def is_limited(limit_name, value):
    """True when ``value`` (an IP address, an email) has used up its allowance for ``limit_name``."""
    allowed, _period = settings.CONTRIBUTIONS_RATE_LIMITS[limit_name]
    return (cache.get(_key(limit_name, value)) or 0) >= allowed


def count(limit_name, value):
    """Record one use of the allowance."""
    _allowed, period = settings.CONTRIBUTIONS_RATE_LIMITS[limit_name]
    key = _key(limit_name, value)
    if cache.add(key, 1, timeout=period):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=period)
