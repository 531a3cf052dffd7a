"""Keep the search index in step with the library, outside the editor's request.

Every lifecycle event (publish, unpublish, delete, move, a translation published, privacy changed, a
service edited) records a :class:`~search.models.PendingIndexUpdate` for each affected document key and,
once the transaction commits, enqueues :func:`search.tasks.update_search_index`. The task rebuilds each
entry from the database as it is then, so the order in which events arrive does not matter. If the
engine cannot be reached the pending rows stay, the task is retried later, and the admin dashboard says
the index is behind.
"""

import logging
from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .documents import build_entry, page_key, service_key
from .engines import SearchEngineUnavailable, get_search_engine
from .models import PendingIndexUpdate

logger = logging.getLogger(__name__)

# Wait before retrying: 30 s, 1, 2, 4 … minutes, at most an hour.
RETRY_BASE = timedelta(seconds=30)
RETRY_MAX = timedelta(hours=1)


def request_update(keys):
    """Record that ``keys`` need re-indexing; enqueue one task for the transaction's keys when it commits.

    An import that saves 1,500 services in one transaction enqueues one task, not 1,500.
    """
    keys = list(dict.fromkeys(keys))
    if not keys:
        return
    now = timezone.now()
    for key in keys:
        PendingIndexUpdate.objects.update_or_create(key=key, defaults={"requested_at": now})

    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        enqueue_update(keys)
        return
    batch = getattr(connection, "_search_update_batch", None)
    # A batch whose callback is gone was rolled back with its transaction: start a new one.
    if batch is None or not any(callback == batch.enqueue for _, callback, _ in connection.run_on_commit):
        batch = UpdateBatch(connection)
        connection._search_update_batch = batch
        transaction.on_commit(batch.enqueue)
    batch.keys.extend(keys)


def enqueue_update(keys):
    from .tasks import update_search_index

    update_search_index.enqueue(list(dict.fromkeys(keys)))


class UpdateBatch:
    """The keys requested within one transaction, enqueued together once it commits."""

    def __init__(self, connection):
        self.connection = connection
        self.keys = []
        self.done = False

    def enqueue(self):
        if self.done:
            return
        self.done = True
        if getattr(self.connection, "_search_update_batch", None) is self:
            self.connection._search_update_batch = None
        enqueue_update(self.keys)


def request_page_update(page, include_descendants=False):
    keys = [page_key(page.pk)]
    if include_descendants:
        keys += [page_key(pk) for pk in page.get_descendants().values_list("pk", flat=True)]
    request_update(keys)


def request_service_update(service):
    """A service's own entry, and every page that names it (their service names and codes change)."""
    keys = [service_key(service.pk)]
    keys += [page_key(pk) for pk in service.patterns.values_list("pk", flat=True)]
    keys += [page_key(pk) for pk in service.processes.values_list("pk", flat=True)]
    request_update(keys)


def apply_updates(keys=None, engine=None):
    """Push pending updates (all of them, or just ``keys``) to the engine; returns how many landed.

    Raises :class:`SearchEngineUnavailable` after recording the failure on the pending rows.
    """
    engine = engine or get_search_engine()
    pending = PendingIndexUpdate.objects.all()
    if keys is not None:
        pending = pending.filter(key__in=keys)
    pending = list(pending)
    if not pending:
        return 0
    upserts, deletes = [], []
    for update in pending:
        entry = build_entry(update.key)
        if entry is None:
            deletes.append(update.key)
        else:
            upserts.append(entry)
    try:
        if upserts:
            engine.upsert(upserts)
        if deletes:
            engine.delete(deletes)
    except SearchEngineUnavailable as error:
        PendingIndexUpdate.objects.filter(pk__in=[u.pk for u in pending]).update(
            attempts=F("attempts") + 1, last_error=str(error)[:1000], last_attempt_at=timezone.now()
        )
        raise
    # Only rows not requested again meanwhile are done; a newer request keeps its row for the next run.
    for update in pending:
        PendingIndexUpdate.objects.filter(pk=update.pk, requested_at=update.requested_at).delete()
    return len(pending)


def retry_delay(attempts):
    return min(RETRY_BASE * (2 ** max(attempts - 1, 0)), RETRY_MAX)


def index_status():
    """``(pending count, oldest pending, last error)`` for the admin notice."""
    pending = PendingIndexUpdate.objects.order_by("requested_at")
    oldest = pending.first()
    failing = pending.exclude(last_error="").order_by("-last_attempt_at").first()
    return pending.count(), oldest, failing.last_error if failing else ""


def searchable_entries():
    """Every entry that belongs in the index, built fresh from the database (for a full rebuild)."""
    from .documents import all_keys, build_entries

    return build_entries(all_keys())


def rebuild_index(engine=None, progress=None):
    """Rebuild the whole index (new index, then swap) and clear the updates it has made redundant."""
    engine = engine or get_search_engine()
    started = timezone.now()
    count = engine.rebuild(searchable_entries(), progress=progress)
    PendingIndexUpdate.objects.filter(requested_at__lt=started).delete()
    return count
