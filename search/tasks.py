"""Background tasks (Django Tasks): index updates run in the worker, never in the editor's request."""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django_tasks import default_task_backend, task

from .engines import SearchEngineUnavailable
from .indexing import apply_updates, retry_delay
from .models import PendingIndexUpdate

logger = logging.getLogger(__name__)


def lease():
    """How long an index update may take before a check assumes its worker died (SEARCH_INDEX_LEASE_SECONDS)."""
    return timedelta(seconds=getattr(settings, "SEARCH_INDEX_LEASE_SECONDS", 120))


@task()
def update_search_index(keys=None):
    """Apply the pending updates for ``keys`` (every pending update when None), then any backlog.

    When the engine is down the updates stay pending and the task re-enqueues itself with a growing
    delay (on a backend that can defer; otherwise the next update or ``manage.py
    retry_search_updates`` picks them up). A worker killed mid-run leaves its task "running" for good and
    its updates pending: a check enqueued for when the lease ends pushes whatever is still pending then.
    """
    if keys is not None and default_task_backend.supports_defer:
        taken_at = timezone.now()
        resume_search_updates.using(run_after=taken_at + lease()).enqueue(list(keys), taken_at.isoformat())
    return apply_or_retry(keys)


@task()
def resume_search_updates(keys, taken_at):
    """Push the updates for ``keys`` that the run taken at ``taken_at`` left pending with no attempt recorded.

    A run that reached the engine and failed recorded its attempt and enqueued its own retry; one whose
    worker was killed recorded nothing. Usually there is nothing to do: one query.
    """
    taken = datetime.fromisoformat(taken_at)
    stranded = PendingIndexUpdate.objects.filter(key__in=keys, requested_at__lte=taken).filter(
        Q(last_attempt_at__isnull=True) | Q(last_attempt_at__lt=taken)
    )
    stranded_keys = list(stranded.values_list("key", flat=True))
    return apply_or_retry(stranded_keys) if stranded_keys else 0


def apply_or_retry(keys):
    try:
        landed = apply_updates(keys)
        if keys is not None and PendingIndexUpdate.objects.exists():
            landed += apply_updates()  # the engine is back: clear the backlog too
        return landed
    except SearchEngineUnavailable as error:
        attempts = max(PendingIndexUpdate.objects.values_list("attempts", flat=True), default=1)
        logger.warning("Search engine unavailable, %s update(s) pending: %s", len(keys or []), error)
        if default_task_backend.supports_defer:
            update_search_index.using(run_after=timezone.now() + retry_delay(attempts)).enqueue(keys)
        return 0
