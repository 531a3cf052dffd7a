"""One entry point for "the library changed": :func:`library_changed`.

Publishing, unpublishing, deleting and moving a page, saving a taxonomy row, an editorial default, an
importer's bulk write: every writer says what changed by calling ``library_changed`` (page and model
signals do it for ordinary saves, see ``library.signals``), and nothing else. It calls the library's
consumers in this order, each in two steps::

    library_changed(PUBLISHED, page)
      1. now, in the writer's transaction (so it commits or rolls back with the change, savepoints too):
         change feed      api.changes      an event row, under the feed's lock          (gapless cursor)
         webhook outbox   api.webhooks     a delivery row per subscription for the event
         search queue     search.indexing  a pending update per affected document key
         kept renders     library.kept     delete the kept renderings the change touches
         version          library.version  the counter goes up (ETags and page cache move)
      2. once per transaction, after it commits (``transaction.on_commit``), in the same order:
         change feed      -
         webhook outbox   enqueue the delivery task
         search queue     enqueue one index task for the transaction's keys
         kept renders     delete them again; the worker renders the pages deleted (cms.page_cache)
         version          this process forgets the counter it remembered

The first step is per call, so a savepoint that rolls back takes its rows (and the counter's move) with
it. The second runs once: every call registers a callback for the current *batch*, and the first of them
to run at commit finishes the batch and starts a new one; the rest find their batch finished. Callbacks
of a transaction (or savepoint) that rolled back never run; its changes stay in the batch and are
finished with the next commit, which is harmless because the second steps only enqueue work that reads
the database as it is then. Without a transaction (autocommit) ``on_commit`` runs at once, so each call
finishes its own batch.

Consumers above this app register themselves in their ``AppConfig.ready`` (``register``), so this app
imports nothing above it; the order is ``CONSUMERS`` below, whoever registers first.
"""

import threading
from dataclasses import dataclass, field
from functools import partial

from django.db import transaction

# What happened (the change feed's event kinds, plus SAVED for a row or draft saved).
PUBLISHED = "published"
UNPUBLISHED = "unpublished"
DELETED = "deleted"
MOVED = "moved"
SAVED = "saved"
ACTIONS = (PUBLISHED, UNPUBLISHED, DELETED, MOVED, SAVED)

# The consumers, in the order they are called.
CHANGE_FEED = "change_feed"
WEBHOOK_OUTBOX = "webhook_outbox"
SEARCH_QUEUE = "search_queue"
KEPT_RENDERS = "kept_renders"
VERSION = "version"
CONSUMERS = (CHANGE_FEED, WEBHOOK_OUTBOX, SEARCH_QUEUE, KEPT_RENDERS, VERSION)


@dataclass
class Change:
    """One change to the library.

    ``objects`` are the pages or rows that changed (none: "something the library shows changed", e.g.
    an ``update()`` of a setting). ``details`` carry what a consumer cannot find out afterwards, e.g.
    ``descendants`` (the ids below a deleted page) or ``url_changed`` (a move). ``recorded`` holds what
    each consumer's first step produced, by consumer, for the ones after it (the feed's events for the
    outbox, the search keys for the commit step).
    """

    action: str
    objects: list
    details: dict = field(default_factory=dict)
    recorded: dict = field(default_factory=dict)


class Consumer:
    """What a consumer implements; both steps do nothing by default."""

    def record(self, change):
        """In the writer's transaction: write what this change needs, rolled back with it."""

    def committed(self, changes):
        """Once per transaction, after the commit, with the batch's changes."""


_consumers: dict[str, Consumer] = {}


def register(name, consumer):
    if name not in CONSUMERS:
        raise ValueError(f"Unknown consumer {name!r}: use one of {', '.join(CONSUMERS)}")
    _consumers[name] = consumer


def consumers():
    return [_consumers[name] for name in CONSUMERS if name in _consumers]


class _Batch(threading.local):
    """The changes since the last commit step, per thread (a thread has its own connection)."""

    def __init__(self):
        self.number = 0
        self.changes = []


_batch = _Batch()


def library_changed(action, *objects, **details):
    """Say that the library changed; return the :class:`Change` as the consumers recorded it.

    ``library_changed(PUBLISHED, page)``, ``library_changed(SAVED, *imported_services, bulk=True)``,
    ``library_changed(DELETED, page, descendants=[12, 13])``.
    """
    if action not in ACTIONS:
        raise ValueError(f"Unknown action {action!r}: use one of {', '.join(ACTIONS)}")
    change = Change(action, list(objects), details)
    if not transaction.get_connection().in_atomic_block:
        _batch.changes = []  # left by a transaction that rolled back: its commit step will never come
    for consumer in consumers():
        consumer.record(change)
    _batch.changes.append(change)
    transaction.on_commit(partial(_commit, _batch.number))
    return change


def _commit(number):
    if number != _batch.number:
        return  # this batch was finished by an earlier callback of the same commit
    changes = _batch.changes
    _batch.number += 1
    _batch.changes = []
    for consumer in consumers():
        consumer.committed(changes)
