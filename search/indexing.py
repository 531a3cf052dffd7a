"""Keep the search index in step with the library, outside the editor's request.

Every change to the library (publish, unpublish, delete, move, a translation published, privacy changed, a
service edited or imported) reaches :class:`search.queue.SearchQueue` through
``library.changes.library_changed``, which records a :class:`~search.models.PendingIndexUpdate` for each
affected document key and, once the transaction commits, enqueues :func:`search.tasks.update_search_index`.
The task rebuilds each entry from the database as it is then, so the order in which events arrive does not matter.
If the engine cannot be reached the pending rows stay, the task is retried later, and the admin dashboard says
the index is behind.
"""

import gc
import logging
from contextlib import contextmanager
from datetime import timedelta

from django.db.models import F
from django.utils import timezone

from pattern_pages.models import ProcessPage, ServicePatternPage

from .documents import LibraryEntries, all_keys, build_entry, page_key, service_key
from .engines import SearchEngineUnavailable, get_search_engine
from .models import PendingIndexUpdate

logger = logging.getLogger(__name__)

# Wait before retrying: 30 s, 1, 2, 4 … minutes, at most an hour.
RETRY_BASE = timedelta(seconds=30)
RETRY_MAX = timedelta(hours=1)


def request_update(keys):
    """Record, in the caller's transaction, that ``keys`` need re-indexing (the task is enqueued on commit,
    once per transaction, by :class:`search.queue.SearchQueue`). Returns the keys recorded."""
    keys = list(dict.fromkeys(keys))
    if not keys:
        return keys
    now = timezone.now()
    waiting = set(PendingIndexUpdate.objects.filter(key__in=keys).values_list("key", flat=True))
    if waiting:
        PendingIndexUpdate.objects.filter(key__in=waiting).update(requested_at=now)
    PendingIndexUpdate.objects.bulk_create(
        [PendingIndexUpdate(key=key, requested_at=now) for key in keys if key not in waiting], ignore_conflicts=True
    )
    return keys


def page_keys(page, include_descendants=False):
    keys = [page_key(page.pk)]
    if include_descendants:
        keys += [page_key(pk) for pk in page.get_descendants().values_list("pk", flat=True)]
    return keys


def service_keys(services):
    """Each service's own entry, and every page that names one (their service names and codes change)."""
    ids = [service.pk for service in services]
    if not ids:
        return []
    patterns = ServicePatternPage.services.through.objects.filter(service_id__in=ids)
    processes = ProcessPage.services.through.objects.filter(service_id__in=ids)
    return [
        *(service_key(pk) for pk in ids),
        *(page_key(pk) for pk in patterns.values_list("servicepatternpage_id", flat=True).order_by("pk")),
        *(page_key(pk) for pk in processes.values_list("processpage_id", flat=True).order_by("pk")),
    ]


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


@contextmanager
def no_cycle_collection():
    """Python's cycle collector paused: a rebuild makes millions of short-lived dicts and lists (the decoded
    StreamFields), which set it off thousands of times, each time walking every live object (a fifth of
    building the entries of a 10,000-page library). What a rebuild throws away is freed as usual by
    reference counting; anything cyclic is collected once it is done."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def retry_delay(attempts):
    return min(RETRY_BASE * (2 ** max(attempts - 1, 0)), RETRY_MAX)


def index_status():
    """``(pending count, oldest pending, last error)`` for the admin notice."""
    pending = PendingIndexUpdate.objects.order_by("requested_at")
    oldest = pending.first()
    failing = pending.exclude(last_error="").order_by("-last_attempt_at").first()
    return pending.count(), oldest, failing.last_error if failing else ""


def searchable_entries():
    """Every entry that belongs in the index, built fresh from the database as it is iterated (for a full
    rebuild)."""
    return LibraryEntries(all_keys())


def rebuild_index(engine=None, progress=None, recompute_vectors=False):
    """Rebuild the whole index (new index, then swap) and clear the updates it has made redundant."""
    engine = engine or get_search_engine()
    started = timezone.now()
    with no_cycle_collection():
        count = engine.rebuild(searchable_entries(), progress=progress, recompute_vectors=recompute_vectors)
    PendingIndexUpdate.objects.filter(requested_at__lt=started).delete()
    return count
