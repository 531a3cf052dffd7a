"""Rate limits: per IP for anonymous clients, per key for keyed ones.

Rates come from ``settings.API_THROTTLE_RATES`` (read on every request, so tests and deployments
can change them), e.g. ``{"anon": "60/min", "key": "1200/min"}``. Counts live in the default cache:
per process with the local-memory cache, shared across processes with Redis or Memcached.
"""

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
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)


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
