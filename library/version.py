"""The library version: a counter that goes up whenever anything the site or the API shows may have changed.

The API derives its ETags from it (with the request's path, query and media type), so a conditional
GET is answered 304 before any content is read; rendered API responses and public pages are cached under
the same key (``cms.page_cache``).

It goes up inside the writer's transaction, as the last consumer of :func:`library.changes.library_changed`
(so readers see the new counter and the new content together, and a rolled-back savepoint takes its move
with it). Each process remembers the counter for ``API_LIBRARY_VERSION_TTL`` seconds (1 by default; 0
reads it on every request), so another process's change is seen at most that long afterwards; a change
made in this process is seen at once. Responses say ``max-age=60`` anyway.
"""

import contextlib
import hashlib
import time
from contextvars import ContextVar

from django.conf import settings
from django.db import connection
from django.db.models import F
from django.utils import timezone

from .changes import Consumer
from .models import LibraryVersion

# The cache (``settings.CACHES``) of what is kept until the library changes: rendered public pages, the
# navigation links.
PAGES_CACHE = "pages"

_remembered = {"counter": None, "until": 0.0}
# The version a public page is being rendered under (``serving``) and what was read under it (``remembered``).
_serving = ContextVar("library_version_serving", default=None)
_read_under = {"version": None, "kinds": {}}


def current():
    """The library version, e.g. ``"1042@2026-11-22 13:51:07.123456+00:00"`` (read at most once per TTL).

    The time of the last change is part of it, so a database restored to an earlier state and changed
    again does not reuse a version (and so cached responses) it had before.
    """
    now = time.monotonic()
    if _remembered["counter"] is not None and now < _remembered["until"]:
        return _remembered["counter"]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT counter, changed_at FROM {LibraryVersion._meta.db_table} ORDER BY id LIMIT 1")  # noqa: S608 (a table name, not input)
        row = cursor.fetchone()
    counter = f"{row[0]}@{row[1]}" if row else "0"
    _remembered.update(counter=counter, until=now + getattr(settings, "API_LIBRARY_VERSION_TTL", 1.0))
    return counter


def bump():
    if not LibraryVersion.objects.update(counter=F("counter") + 1, changed_at=timezone.now()):
        LibraryVersion.objects.create(counter=1)
    forget()


def forget():
    _remembered.update(counter=None, until=0.0)


class Version(Consumer):
    """The last consumer: the counter goes up with the change, and this process forgets it after the commit
    (other threads of this process may have read the old counter before the commit)."""

    def record(self, change):
        bump()

    def committed(self, changes):
        forget()


def cache_key(kind, *parts):
    """A cache key that changes with the library version: ``cache_key("page", "https", "example.org", …)``."""
    return f"{kind}:" + hashlib.sha256("\n".join((current(), *parts)).encode()).hexdigest()


@contextlib.contextmanager
def serving(library_version):
    """``with serving(version):`` render a page under ``version``, as read from the database when the request
    started (the page cache does: ``cms.page_cache``), so that rows every page shows are read once for it
    (:func:`remembered`)."""
    token = _serving.set(library_version)
    try:
        yield
    finally:
        _serving.reset(token)


def remembered(kind):
    """A dict of ``kind`` kept for the version the page being rendered is served under (:func:`serving`), or None
    outside one (or before the library's first change, which has no version to key it on).

    Any change to what the site shows moves the version, so what is read under it stays right for it; a new
    version starts empty. What is kept is shared by every request under that version, read-only."""
    library_version = _serving.get()
    if not library_version or library_version == "0":
        return None
    if _read_under["version"] != library_version:
        _read_under.update(version=library_version, kinds={})
    return _read_under["kinds"].setdefault(kind, {})
