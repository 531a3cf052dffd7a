"""library_changed(): the consumers in their stated order, in the writer's transaction and once after it."""

import pytest
from django.db import transaction

from api.models import ChangeEvent
from library import changes
from library.changes import PUBLISHED, SAVED, library_changed
from search.models import PendingIndexUpdate
from tests import factories


class Recorder(changes.Consumer):
    def __init__(self, name, log):
        self.name, self.log = name, log

    def record(self, change):
        self.log.append(("record", self.name, change.action))

    def committed(self, batch):
        self.log.append(("committed", self.name, len(batch)))


@pytest.fixture
def log(monkeypatch):
    """Recording consumers in place of the real ones."""
    entries = []
    monkeypatch.setattr(changes, "_consumers", {name: Recorder(name, entries) for name in changes.CONSUMERS})
    return entries


def test_consumers_run_in_the_stated_order_and_commit_once(db, log, django_capture_on_commit_callbacks):
    """Each call records with every consumer in order; after the commit each consumer hears once, with the batch."""
    with django_capture_on_commit_callbacks(execute=True):
        library_changed(PUBLISHED)
        library_changed(SAVED)
    order = list(changes.CONSUMERS)
    assert order == ["change_feed", "webhook_outbox", "search_queue", "kept_renders", "version"]
    assert log == [
        *(("record", name, "published") for name in order),
        *(("record", name, "saved") for name in order),
        *(("committed", name, 2) for name in order),
    ]


def test_a_rolled_back_savepoint_takes_its_records_and_its_commit_step(db, django_capture_on_commit_callbacks):
    """A change inside a savepoint that rolls back leaves no event, no pending index update, no callback."""
    service = factories.ServiceFactory(lgsl_code=4417)
    events, pending = ChangeEvent.objects.count(), PendingIndexUpdate.objects.count()
    with django_capture_on_commit_callbacks() as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            library_changed(SAVED, service)
            raise RuntimeError("the import failed")
    assert ChangeEvent.objects.count() == events and PendingIndexUpdate.objects.count() == pending
    assert callbacks == []


def test_unknown_actions_are_refused(db):
    """A typo in an action is an error, not a change nobody hears of."""
    with pytest.raises(ValueError, match="publish"):
        library_changed("publish")
