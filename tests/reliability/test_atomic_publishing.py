"""Publishing is all or nothing: if anything fails after the page is saved as live (the database going away,
as in test_postgres_restart.py, or a handler failing), the page is not live and nothing announces it."""

import pytest
from django.db import OperationalError
from wagtail.models import PageLogEntry
from wagtail.signals import page_published, page_unpublished

from api.models import ChangeEvent
from search.models import PendingIndexUpdate
from tests import factories


@pytest.fixture
def failing_after(request):
    """Make the last handler of a signal fail, as a database lost mid-publish does."""

    def connect(signal):
        def lose_the_database(**kwargs):
            raise OperationalError("server closed the connection unexpectedly")

        signal.connect(lose_the_database, weak=False, dispatch_uid="reliability-lose-the-database")
        request.addfinalizer(lambda: signal.disconnect(dispatch_uid="reliability-lose-the-database"))

    return connect


def test_a_publish_interrupted_after_the_page_is_saved_leaves_it_unpublished(pattern_index, failing_after):
    """The page stays a draft: not live, no live revision, no log entry, no change-feed event, no index update."""
    page = factories.ServicePatternPageFactory(parent=pattern_index, title="Report a pothole", live=False)
    revision = page.save_revision()
    failing_after(page_published)
    with pytest.raises(OperationalError):
        revision.publish()
    page.refresh_from_db()
    assert not page.live and page.live_revision is None
    assert not PageLogEntry.objects.filter(page=page, action="wagtail.publish").exists()
    assert not ChangeEvent.objects.filter(object_id=page.pk).exists()
    assert not PendingIndexUpdate.objects.exists()


def test_an_unpublish_interrupted_after_the_page_is_saved_leaves_it_live(pattern_index, failing_after):
    """The page stays live, and the change feed still says published: suppliers and the site agree."""
    page = factories.ServicePatternPageFactory(parent=pattern_index, title="Report a pothole", live=False)
    page.save_revision().publish()
    page.refresh_from_db()
    failing_after(page_unpublished)
    with pytest.raises(OperationalError):
        page.unpublish()
    page.refresh_from_db()
    assert page.live
    assert list(ChangeEvent.objects.filter(object_id=page.pk).values_list("event", flat=True)) == ["published"]
