"""Rate limits: per IP for anonymous clients, per key for keyed ones.

Rates come from ``settings.API_THROTTLE_RATES`` (read on every request, so tests and deployments
can change them), e.g. ``{"anon": "60/min", "key": "1200/min"}``. Counts live in the default cache:
per process with the local-memory cache, shared across processes with Redis or Memcached.

Counting is a sliding window estimated from two fixed windows (the current one, and the previous one
weighted by how much of it still lies within the last ``duration`` seconds), so each request costs
two small cache reads and one write whatever the rate. DRF's own throttle keeps every request's time
in one cached list, pickled on every request: at 1,000 requests a minute that is a 1,000-item list.
"""

import math

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from .models import ApiKey

DEFAULT_RATES = {"anon": "60/min", "key": "1200/min"}


class LibraryThrottle(SimpleRateThrottle):
    def get_rate(self):
        rates = {**DEFAULT_RATES, **getattr(settings, "API_THROTTLE_RATES", {})}
        return rates[self.scope]

    def __init__(self):
        # The rate is read per request in allow_request, not once at start-up.
        pass

    def allow_request(self, request, view):
        self.rate = self.get_rate()
        if self.rate is None:  # a rate of None (API_ANON_RATE=off) means no limit, as in DRF
            return True
        self.num_requests, self.duration = self.parse_rate(self.rate)
        key = self.get_cache_key(request, view)
        if key is None:
            return True
        self.now = self.timer()
        window, into = divmod(self.now, self.duration)
        current, previous = f"{key}:{int(window)}", f"{key}:{int(window) - 1}"
        counts = self.cache.get_many([current, previous])
        earlier = counts.get(previous, 0) * (1 - into / self.duration)
        self.remaining = self.duration - into
        if earlier + counts.get(current, 0) >= self.num_requests:
            return False
        self.cache.set(current, counts.get(current, 0) + 1, math.ceil(2 * self.duration))
        return True

    def wait(self):
        return self.remaining


class AnonThrottle(LibraryThrottle):
    scope = "anon"

    def get_cache_key(self, request, view):
        if isinstance(request.auth, ApiKey) or request.user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class KeyThrottle(LibraryThrottle):
    scope = "key"

    def get_cache_key(self, request, view):
        if isinstance(request.auth, ApiKey):
            ident = f"key-{request.auth.pk}"
        elif request.user.is_authenticated:
            ident = f"user-{request.user.pk}"
        else:
            return None
        return self.cache_format % {"scope": self.scope, "ident": ident}
