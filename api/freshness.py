"""The library version: a counter that goes up whenever anything the API shows may have changed.

The API derives its ETags from it (with the request's path, query and media type), so a conditional
GET is answered 304 before any content is read, and rendered responses are cached under the same key.

It goes up, once per transaction and inside it (so readers see the new counter and the new content
together), on a save or delete of any page, of anything in
``pattern_pages`` and ``assessments`` (taxonomies, standards, assessments and their approval), of an
adoption, a change event, a site, a locale, a view restriction or an image, and on a change to a
page's or a taxonomy's many-to-many references. Code that writes those rows without signals
(``QuerySet.update``, ``bulk_create``) calls ``changed()`` itself.

Each process remembers the counter for ``API_LIBRARY_VERSION_TTL`` seconds (1 by default; 0 reads it
on every request), so another process's change is seen at most that long afterwards; a change made
in this process is seen at once. Responses say ``max-age=60`` anyway.
"""

import time

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

WATCHED_APPS = {"pattern_pages", "assessments"}
WATCHED_MODELS = {
    "contributions.adoption",
    "api.changeevent",
    "wagtailcore.site",
    "wagtailcore.locale",
    "wagtailcore.pageviewrestriction",
    "wagtailimages.image",
}

_remembered = {"counter": None, "until": 0.0}


def current():
    """The library version, e.g. ``"1042@2026-11-22 13:51:07.123456+00:00"`` (read at most once per TTL).

    The time of the last change is part of it, so a database restored to an earlier state and changed
    again does not reuse a version (and so cached responses) it had before.
    """
    now = time.monotonic()
    if _remembered["counter"] is not None and now < _remembered["until"]:
        return _remembered["counter"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT counter, changed_at FROM api_libraryversion ORDER BY id LIMIT 1")
        row = cursor.fetchone()
    counter = f"{row[0]}@{row[1]}" if row else "0"
    _remembered.update(counter=counter, until=now + getattr(settings, "API_LIBRARY_VERSION_TTL", 1.0))
    return counter


def _bump():
    from .models import LibraryVersion

    if not LibraryVersion.objects.update(counter=F("counter") + 1, changed_at=timezone.now()):
        LibraryVersion.objects.create(counter=1)
    _forget()


def _forget():
    _remembered.update(counter=None, until=0.0)


class _Counted:
    """An on-commit callback marking the transaction (or savepoint) whose change has been counted.

    Django drops it when that transaction or savepoint rolls back (and the counter's update with it),
    so a later change in the same transaction is counted again.
    """

    def __init__(self, scope):
        self.scope = scope

    def __call__(self):
        _forget()  # other threads of this process may have read the old counter before the commit


def changed():
    """Say that the library changed: the counter goes up once per transaction, inside it."""
    blocks = connection.atomic_blocks
    # A test case's own atomic blocks stand for autocommit: each change there is its own transaction.
    own = next((n for n, block in enumerate(blocks) if not block._from_testcase), None)
    if own is None:
        _bump()
        return
    scope = "transaction" if own == 0 else connection.savepoint_ids[own - 1]
    if scope is not None and any(
        getattr(callback, "scope", None) == scope for _sids, callback, _robust in connection.run_on_commit
    ):
        return
    _bump()
    transaction.on_commit(_Counted(scope))


def watched(model):
    if model.__module__ == "__fake__":
        # A migration's historical model: a fresh database's data migrations (Wagtail's first Site) run
        # before the counter's table exists, and nothing is cached for a database being migrated.
        return _counter_table_exists()
    if issubclass(model, Page):
        return True
    meta = model._meta
    return meta.app_label in WATCHED_APPS or meta.label_lower in WATCHED_MODELS


def _counter_table_exists():
    from .models import LibraryVersion

    return LibraryVersion._meta.db_table in connection.introspection.table_names()


def _on_save_or_delete(sender, **kwargs):
    # A migration's historical models (module "__fake__") may save before this app's table exists, as
    # Wagtail's first migration does when it creates the default Site; nothing has been served yet then.
    if sender.__module__ != "__fake__" and watched(sender):
        changed()


def _on_m2m_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and watched(type(instance)):
        changed()


def _on_page_signal(sender, **kwargs):
    changed()


def connect_signals():
    post_save.connect(_on_save_or_delete, dispatch_uid="api.freshness.save")
    post_delete.connect(_on_save_or_delete, dispatch_uid="api.freshness.delete")
    m2m_changed.connect(_on_m2m_changed, dispatch_uid="api.freshness.m2m")
    page_published.connect(_on_page_signal, dispatch_uid="api.freshness.published")
    page_unpublished.connect(_on_page_signal, dispatch_uid="api.freshness.unpublished")
    post_page_move.connect(_on_page_signal, dispatch_uid="api.freshness.moved")
