"""The real worker (`manage.py db_worker`) killed with SIGKILL in the middle of indexing, then started again:
every page ends up in the index, once. (Webhook delivery under the same fault: tests/api/test_worker.py.)

The engine is Elasticsearch's, talking HTTP to a stand-in node (``FakeElasticsearch``) that writes the
documents of the first bulk request and never answers it, so the worker is killed while it waits: the
index holds the pages, the library still has them as pending. PostgreSQL only, as the worker must see
the test's committed rows.
"""

import os
import signal

import pytest
from django.db import connection, transaction
from django.test import Client

from search.documents import page_key
from search.models import PendingIndexUpdate
from tests import factories
from tests.api.test_worker import start_worker, wait_for

from .fake_elasticsearch import FakeElasticsearch

PAGES = int(os.environ.get("WORKER_KILL_PAGES", "20"))
LEASE_SECONDS = 3

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the worker subprocess needs PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def fake_elasticsearch(settings):
    node = FakeElasticsearch(hang_on_bulk=1)
    settings.SEARCH_ENGINE = {
        "ENGINE": "search.engines.elasticsearch.ElasticsearchEngine",
        "OPTIONS": {"url": node.url},
    }
    yield node
    node.stop()


def test_worker_killed_mid_indexing_indexes_every_page_once(
    pattern_index, settings, fake_elasticsearch, record_figures
):
    """Kill the worker mid bulk request; restarted, it indexes all N pages, each as one document."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    pages = [
        factories.ServicePatternPageFactory(
            parent=pattern_index, title=f"Indexed pattern {number}", slug=f"indexed-{number}", live=False
        )
        for number in range(PAGES)
    ]
    with transaction.atomic():  # published together, as an import does: one index task holds every page
        for page in pages:
            page.save_revision().publish()
    keys = {page_key(page.pk) for page in pages}
    assert set(PendingIndexUpdate.objects.values_list("key", flat=True)) == keys

    environment = {"ELASTICSEARCH_URL": fake_elasticsearch.url, "SEARCH_INDEX_LEASE_SECONDS": str(LEASE_SECONDS)}
    first = start_worker(**environment)
    workers = [first]
    try:
        assert fake_elasticsearch.hung.wait(60), "the worker never sent the pages to the engine"
        first.send_signal(signal.SIGKILL)
        first.wait(10)
        # The node wrote them; the library, whose worker died before hearing so, still has them pending.
        assert PendingIndexUpdate.objects.count() == PAGES
        fake_elasticsearch.release.set()

        workers.append(start_worker(**environment))
        assert wait_for(lambda: not PendingIndexUpdate.objects.exists(), timeout=90), "pages left pending"
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.terminate()
                worker.wait(10)

    documents = fake_elasticsearch.documents("patterns-en")
    by_key = {}
    for source in documents.values():
        by_key.setdefault(source["key"], []).append(source)
    assert set(by_key) == keys, f"missing from the index: {sorted(keys - set(by_key))[:5]}"
    assert all(len(copies) == 1 for copies in by_key.values()), "a page is in the index more than once"
    assert {copies[0]["title"] for copies in by_key.values()} == {page.title for page in pages}
    # What a supplier sees through the API, from the same index.
    found = Client().get("/api/v1/search/", {"q": "indexed"}).json()
    assert found["total"] == PAGES

    resent = sum(fake_elasticsearch.writes[key] - 1 for key in keys)
    print(f"\nworker killed mid-indexing: {PAGES} pages, each indexed once; {resent} re-sent after the kill")  # noqa: T201
    record_figures(
        "worker_killed_mid_indexing",
        {"pages": PAGES, "kills": 1, "documents_per_page": 1, "resent_after_kill": resent, "lost": 0},
    )
