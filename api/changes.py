"""The change feed: events recorded from Wagtail's signals, in the same transaction as the change.

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

The webhook outbox rows for the event are written in the same transaction (``api.webhooks``).
"""

import logging

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from wagtail.signals import page_published, page_unpublished, post_page_move

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
    """Append an event to the feed (and the webhook outbox) in the caller's transaction."""
    from .webhooks import enqueue_deliveries, write_outbox

    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHANGE_FEED_LOCK])
        change = ChangeEvent.objects.create(
            event=event,
            resource=resource,
            object_id=object_id,
            key=str(key),
            locale=locale,
            title=title[:255],
            url=url[:500],
            occurred_at=timezone.now(),
        )
        if write_outbox(change):
            transaction.on_commit(enqueue_deliveries)
    return change


def page_url(page):
    try:
        return page.get_full_url() or ""
    except Exception:  # a page outside any site has no public URL
        return ""


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


def on_page_published(sender, instance, **kwargs):
    record_page_event(ChangeEvent.Kind.PUBLISHED, instance)


def on_page_unpublished(sender, instance, **kwargs):
    record_page_event(ChangeEvent.Kind.UNPUBLISHED, instance)


def on_page_deleted(sender, instance, **kwargs):
    # A page that was never published is unknown to suppliers: saying it was deleted would leak it.
    if instance.first_published_at is None:
        return
    record_page_event(ChangeEvent.Kind.DELETED, instance)


def on_page_moved(sender, instance, url_path_before=None, url_path_after=None, **kwargs):
    # Wagtail sends this after the move's transaction, with a plain Page: its URL is what changed.
    if url_path_before == url_path_after or not instance.live:
        return
    record_page_event(ChangeEvent.Kind.MOVED, instance.specific)


def record_taxonomy_event(event, instance):
    resource, key_field = TAXONOMY_RESOURCES[type(instance)]
    title = getattr(instance, "name", "") or str(instance)
    record_event(
        event,
        resource,
        instance.pk,
        getattr(instance, key_field),
        locale=instance.locale.language_code if instance.locale_id else "",
        title=title,
    )


def on_taxonomy_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        record_taxonomy_event(ChangeEvent.Kind.PUBLISHED, instance)


def on_taxonomy_deleted(sender, instance, **kwargs):
    record_taxonomy_event(ChangeEvent.Kind.DELETED, instance)


def connect_signals():
    for model in PAGE_RESOURCES:
        page_published.connect(on_page_published, sender=model, dispatch_uid=f"api-published-{model.__name__}")
        page_unpublished.connect(on_page_unpublished, sender=model, dispatch_uid=f"api-unpublished-{model.__name__}")
        post_page_move.connect(on_page_moved, sender=model, dispatch_uid=f"api-moved-{model.__name__}")
        post_delete.connect(on_page_deleted, sender=model, dispatch_uid=f"api-deleted-{model.__name__}")
    for model in TAXONOMY_RESOURCES:
        post_save.connect(on_taxonomy_saved, sender=model, dispatch_uid=f"api-saved-{model.__name__}")
        post_delete.connect(on_taxonomy_deleted, sender=model, dispatch_uid=f"api-tdeleted-{model.__name__}")
