"""The change feed: one event per published, unpublished, deleted or moved pattern or process and per saved
or deleted taxonomy row, written by :class:`ChangeFeed` (the first consumer of
``library.changes.library_changed``) in the same transaction as the change.

Gapless under concurrent publishing
-----------------------------------
A reader asks for events with ``id > since``. With a plain auto-increment id, transaction A could
take id 10, transaction B id 11, B commit first, and a reader see 11, move its cursor past 10 and
never see 10 when A commits. To rule that out, an event's id is allocated while holding a lock
that is only released when the writing transaction ends:

* on PostgreSQL, ``pg_advisory_xact_lock`` taken just before the insert and held to commit;
* on SQLite, the database's single writer lock does the same.

So ids become visible in id order, and a cursor never skips one. The cost is that the short tail
of two publishing transactions (from the event insert to commit) is serialised, which is cheap for
an editorial system. A transaction that rolls back leaves a hole in the ids, which is harmless:
the cursor is ``id > since``, not "the next id".

The webhook outbox rows for the events are written next, in the same transaction (``api.webhooks``).
"""

import logging

from django.db import connection, transaction
from django.utils import timezone

from library import changes as library_changes
from library.site_url import page_url
from pattern_pages import models as library

from .models import ChangeEvent

logger = logging.getLogger(__name__)

# An arbitrary constant identifying the change feed's lock among PostgreSQL advisory locks.
CHANGE_FEED_LOCK = 7_402_311

PAGE_RESOURCES = {library.ServicePatternPage: "pattern", library.ProcessPage: "process"}
TAXONOMY_RESOURCES = {
    library.Service: ("service", "lgsl_code"),
    library.LifeEvent: ("life_event", "slug"),
    library.PatternType: ("pattern_type", "slug"),
    library.Council: ("council", "gss_code"),
    library.DesignSystemComponent: ("component", "slug"),
}
RESOURCES = [*PAGE_RESOURCES.values(), *(resource for resource, _key in TAXONOMY_RESOURCES.values())]


def record_event(event, resource, object_id, key, locale="", title="", url=""):
    """Append an event to the feed in the caller's transaction."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHANGE_FEED_LOCK])
        return ChangeEvent.objects.create(
            event=event,
            resource=resource,
            object_id=object_id,
            key=str(key),
            locale=locale,
            title=title[:255],
            url=url[:500],
            occurred_at=timezone.now(),
        )


def record_page_event(event, page):
    resource = PAGE_RESOURCES.get(type(page))
    if resource is None:
        return None
    # A private page (password, login or group) is not public: the feed must not name it.
    if page.get_view_restrictions().exists():
        return None
    return record_event(
        event,
        resource,
        page.pk,
        page.slug,
        locale=page.locale.language_code if page.locale_id else "",
        title=page.title,
        url=page_url(page) if event != ChangeEvent.Kind.DELETED else "",
    )


def record_taxonomy_event(event, instance):
    resource, key_field = TAXONOMY_RESOURCES[type(instance)]
    title = getattr(instance, "name", "") or str(instance)
    return record_event(
        event,
        resource,
        instance.pk,
        getattr(instance, key_field),
        locale=instance.locale.language_code if instance.locale_id else "",
        title=title,
    )


class ChangeFeed(library_changes.Consumer):
    """Records the change's events; ``change.recorded["change_feed"]`` lists them for the outbox."""

    def record(self, change):
        events = []
        if not change.details.get("raw"):
            for instance in change.objects:
                event = self.event_for(change, instance)
                if event is not None:
                    events.append(event)
        change.recorded[library_changes.CHANGE_FEED] = events

    def event_for(self, change, instance):
        action = change.action
        if type(instance) in TAXONOMY_RESOURCES:
            if action == library_changes.SAVED and "relation" not in change.details:
                return record_taxonomy_event(ChangeEvent.Kind.PUBLISHED, instance)
            if action == library_changes.DELETED:
                return record_taxonomy_event(ChangeEvent.Kind.DELETED, instance)
            return None
        if action in (library_changes.PUBLISHED, library_changes.UNPUBLISHED):
            return record_page_event(action, instance)
        if action == library_changes.DELETED:
            # A page that was never published is unknown to suppliers: saying it was deleted would leak it.
            if type(instance) in PAGE_RESOURCES and instance.first_published_at is not None:
                return record_page_event(ChangeEvent.Kind.DELETED, instance)
            return None
        if action == library_changes.MOVED:
            # Wagtail sends the move with a plain Page: its URL is what changed.
            if change.details.get("url_changed") and instance.live:
                return record_page_event(ChangeEvent.Kind.MOVED, instance.specific)
        return None
