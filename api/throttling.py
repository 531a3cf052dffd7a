"""Rate limits: per IP for anonymous clients, per key for keyed ones.

Rates come from ``settings.API_THROTTLE_RATES`` (read on every request, so tests and deployments
can change them), e.g. ``{"anon": "60/min", "key": "1200/min"}``. Counts live in the default cache:
per process with the local-memory cache, shared across processes with Redis or Memcached.

Counting is ``limits.counting`` (a sliding window from two fixed windows, checked and recorded in one atomic
step, so simultaneous requests cannot overshoot), and an anonymous client is ``limits.client.client_ip``:
``X-Forwarded-For`` counts only when a proxy in ``TRUSTED_PROXIES`` sent it. DRF's own ``get_ident`` trusts
the header as the client sent it (with ``NUM_PROXIES`` unset), so rotating it escaped the limit.
"""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from limits import counting
from limits.client import client_ip

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
        decision = counting.take(f"api-{self.scope}", key, self.num_requests, self.duration, now=self.timer())
        self.remaining = decision.retry_after
        return decision.allowed

    def wait(self):
        return self.remaining


class AnonThrottle(LibraryThrottle):
    scope = "anon"

    def get_cache_key(self, request, view):
        if isinstance(request.auth, ApiKey) or request.user.is_authenticated:
            return None
        return client_ip(request)

    def get_ident(self, request):
        return client_ip(request)


class KeyThrottle(LibraryThrottle):
    scope = "key"

    def get_cache_key(self, request, view):
        if isinstance(request.auth, ApiKey):
            ident = f"key-{request.auth.pk}"
        elif request.user.is_authenticated:
            ident = f"user-{request.user.pk}"
        else:
            return None
        return ident
