"""Background tasks (Django Tasks): index updates run in the worker, never in the editor's request."""

import logging

from django.utils import timezone
from django_tasks import default_task_backend, task

from .engines import SearchEngineUnavailable
from .indexing import apply_updates, retry_delay
from .models import PendingIndexUpdate

logger = logging.getLogger(__name__)


@task()
def update_search_index(keys=None):
    """Apply the pending updates for ``keys`` (every pending update when None), then any backlog.

    When the engine is down the updates stay pending and the task re-enqueues itself with a growing
    delay (on a backend that can defer; otherwise the next update or ``manage.py
    retry_search_updates`` picks them up).
    """
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
