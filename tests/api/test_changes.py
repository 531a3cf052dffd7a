"""/api/v1/changes/: published, unpublished, deleted and moved events, read with a gapless cursor."""

import threading

import pytest
from django.db import connection, transaction

from api.changes import record_event
from api.models import ChangeEvent
from tests import factories


def read_feed(api, since="0", **params):
    """Read the whole feed from a cursor, page by page; return (events, last cursor)."""
    events, cursor = [], since
    while True:
        query = "&".join([f"since={cursor}", "limit=2", *(f"{k}={v}" for k, v in params.items())])
        body = api.get(f"/api/v1/changes/?{query}").json()
        events += body["results"]
        if body["next_cursor"] == cursor:
            return events, cursor
        cursor = body["next_cursor"]


def fresh(page):
    """The page as stored now (publishing through a revision does not update the instance in hand)."""
    return type(page).objects.get(pk=page.pk)


def summary(events, resources=("pattern", "process")):
    return [(e["event"], e["resource"], e["key"]) for e in events if e["resource"] in resources]


def test_page_lifecycle_events(api, pattern_index, home_page):
    """Publishing, moving, unpublishing and deleting a pattern each add one event, in order."""
    page = factories.ServicePatternPageFactory(parent=pattern_index, slug="report-a-flood", live=False)
    page.save_revision().publish()
    archive = factories.PatternIndexPageFactory(parent=home_page, slug="archive", title="Archive")
    page.move(archive, pos="last-child")
    page.refresh_from_db()
    page.unpublish()
    page.delete()
    events, _cursor = read_feed(api)
    assert summary(events) == [
        ("published", "pattern", "report-a-flood"),
        ("moved", "pattern", "report-a-flood"),
        ("unpublished", "pattern", "report-a-flood"),
        ("deleted", "pattern", "report-a-flood"),
    ]
    moved = [e for e in events if e["event"] == "moved"][0]
    assert moved["url"] == "http://localhost/archive/report-a-flood/"


def test_never_published_page_leaves_no_trace(api, pattern_index):
    """Saving and deleting a draft adds no event, so the feed never reveals drafts."""
    page = factories.ServicePatternPageFactory(parent=pattern_index, live=False)
    page.save_revision()
    page.delete()
    assert summary(read_feed(api)[0]) == []


def test_taxonomy_events(api, db):
    """Saving and deleting taxonomy items adds published and deleted events keyed by natural key."""
    service = factories.ServiceFactory(lgsl_code=524)
    council = factories.CouncilFactory(gss_code="E10000012")
    service.name = "Missed bins"
    service.save()
    council.delete()
    events = summary(read_feed(api)[0], resources=("service", "council"))
    assert events == [
        ("published", "service", "524"),
        ("published", "council", "E10000012"),
        ("published", "service", "524"),
        ("deleted", "council", "E10000012"),
    ]


def test_interleaved_publishes_and_deletes_are_each_seen_once(api, pattern_index, process_index):
    """A mirror reading between changes sees every event exactly once, in the order they happened."""
    seen, cursor = [], "0"
    patterns = [factories.ServicePatternPageFactory(parent=pattern_index, slug=f"p{i}", live=False) for i in range(3)]
    process = factories.ProcessPageFactory(parent=process_index, slug="proc", live=False)
    steps = [
        lambda: patterns[0].save_revision().publish(),
        lambda: process.save_revision().publish(),
        lambda: patterns[1].save_revision().publish(),
        lambda: fresh(patterns[0]).delete(),
        lambda: patterns[2].save_revision().publish(),
        lambda: fresh(patterns[1]).unpublish(),
        lambda: fresh(process).delete(),
        lambda: patterns[2].save_revision().publish(),
    ]
    for step in steps:
        step()
        events, cursor = read_feed(api, since=cursor)
        seen += events
    assert summary(seen) == [
        ("published", "pattern", "p0"),
        ("published", "process", "proc"),
        ("published", "pattern", "p1"),
        ("unpublished", "pattern", "p0"),  # Wagtail unpublishes a live page before deleting it
        ("deleted", "pattern", "p0"),
        ("published", "pattern", "p2"),
        ("unpublished", "pattern", "p1"),
        ("unpublished", "process", "proc"),
        ("deleted", "process", "proc"),
        ("published", "pattern", "p2"),
    ]
    ids = [e["id"] for e in seen]
    assert ids == sorted(set(ids))
    assert summary(read_feed(api)[0]) == summary(seen), "re-reading from the start gives the same feed"


def test_resource_filter_and_bad_cursor(api, school_pattern):
    """resource= narrows the feed; a cursor that is not a number is a 400 naming since."""
    events, _cursor = read_feed(api, resource="pattern")
    assert {e["resource"] for e in events} == {"pattern"}
    response = api.get("/api/v1/changes/?since=yesterday")
    assert response.status_code == 400 and response.json()["error"]["field"] == "since"
    assert api.get("/api/v1/changes/?resource=page").json()["error"]["field"] == "resource"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent transactions need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_event_ids_become_visible_in_order_under_concurrent_publishing(api):
    """While an earlier publish is still uncommitted, a later one waits, so a reader cannot skip an id."""
    first_inserted, release_first, second_done = threading.Event(), threading.Event(), threading.Event()

    def slow_publisher():
        with transaction.atomic():
            record_event("published", "pattern", 1, "slow")
            first_inserted.set()
            release_first.wait(10)
        connection.close()

    def fast_publisher():
        first_inserted.wait(10)
        record_event("published", "pattern", 2, "fast")
        second_done.set()
        connection.close()

    threads = [threading.Thread(target=slow_publisher), threading.Thread(target=fast_publisher)]
    for thread in threads:
        thread.start()
    first_inserted.wait(10)
    # The fast publisher is blocked behind the slow one's lock: nothing is visible yet.
    assert not second_done.wait(1)
    assert api.get("/api/v1/changes/").json()["results"] == []
    release_first.set()
    for thread in threads:
        thread.join(10)
    keys = [e["key"] for e in api.get("/api/v1/changes/").json()["results"]]
    assert keys == ["slow", "fast"]
    assert list(ChangeEvent.objects.values_list("key", flat=True)) == ["slow", "fast"]
