"""Check a limit and record one use of it in one atomic step.

``take("feedback", client_ip(request), allowed=30, period=3600)`` answers whether this use is within the
allowance and, if it is, has already counted it: there is no gap between checking and recording in which
twenty simultaneous requests could all see "nineteen left". A use that is refused is not counted.

Counting is a sliding window estimated from two fixed windows (the current one, and the previous one weighted
by how much of it still lies within the last ``period`` seconds), as the API's throttle always did: two
counters per limit and client, whatever the allowance.

Where the counts live is chosen once, by ``LIMITS_COUNTER``: ``limits.counting.CacheCounter`` (the default
cache: atomic ``add`` and ``incr`` in local memory, Redis or Memcached) or ``limits.counting.DatabaseCounter``
(rows updated in place, for deployments whose shared cache is the database: Django's database cache
reads and writes separately, so its ``incr`` is not atomic).
"""

import hashlib
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Decision:
    allowed: bool
    retry_after: int  # seconds until the current window ends (a client may try again by then)

    def __bool__(self):
        return self.allowed


def _windows(scope, ident, period, now):
    digest = hashlib.sha256(str(ident).strip().lower().encode()).hexdigest()[:32]
    window, into = divmod(now, period)
    base = f"limits:{scope}:{digest}"
    return f"{base}:{int(window)}", f"{base}:{int(window) - 1}", 1 - into / period, math.ceil(period - into)


class CacheCounter:
    """Counts in the default cache, whose ``add`` and ``incr`` must be atomic (local memory, Redis, Memcached)."""

    @property
    def cache(self):
        return caches["default"]

    def take(self, current, previous, weight, allowed, period):
        cache = self.cache
        for _attempt in range(3):
            # A window's counter lives for two periods (it is the "previous" one in the next), so it cannot
            # expire between add() and incr(); a full cache may still evict it, hence the retries.
            cache.add(current, 0, timeout=math.ceil(2 * period))
            try:
                count = cache.incr(current)
                break
            except ValueError:
                continue
        else:
            return True  # the cache keeps nothing: no limit can be counted (never fail closed on a cache)
        if (cache.get(previous) or 0) * weight + count > allowed:
            self.give_back(current)
            return False
        return True

    def give_back(self, current):
        try:
            self.cache.decr(current)
        except ValueError:
            pass


class DatabaseCounter:
    """Counts in ``limits.Usage`` rows, incremented in place by the database (``count = count + 1``)."""

    def take(self, current, previous, weight, allowed, period):
        from .models import Usage

        with transaction.atomic():
            # The UPDATE locks the row until commit: simultaneous requests wait and each sees its own count.
            if not Usage.objects.filter(key=current).update(count=F("count") + 1):
                expires = timezone.now() + timezone.timedelta(seconds=math.ceil(2 * period))
                try:
                    with transaction.atomic():
                        Usage.objects.create(key=current, count=1, expires=expires)
                except IntegrityError:  # another request created it first
                    Usage.objects.filter(key=current).update(count=F("count") + 1)
                else:
                    Usage.objects.filter(expires__lt=timezone.now()).delete()
            count = Usage.objects.filter(key=current).values_list("count", flat=True).get()
            earlier = Usage.objects.filter(key=previous).values_list("count", flat=True).first() or 0
            if earlier * weight + count > allowed:
                Usage.objects.filter(key=current).update(count=F("count") - 1)
                return False
        return True

    def give_back(self, current):
        from .models import Usage

        Usage.objects.filter(key=current, count__gt=0).update(count=F("count") - 1)


def counter():
    return import_string(getattr(settings, "LIMITS_COUNTER", "limits.counting.CacheCounter"))()


def take(scope, ident, allowed, period, now=None):
    """Use one of ``allowed`` uses per ``period`` seconds for ``ident`` (an address, an email) in ``scope``.

    Returns a ``Decision``, true when the use is allowed (and then already counted)."""
    current, previous, weight, retry_after = _windows(scope, ident, period, time.time() if now is None else now)
    return Decision(counter().take(current, previous, weight, allowed, period), retry_after)


def give_back(scope, ident, period, now=None):
    """Undo one ``take`` that was allowed, e.g. when a later limit refused the same request."""
    current, _previous, _weight, _retry = _windows(scope, ident, period, time.time() if now is None else now)
    counter().give_back(current)
