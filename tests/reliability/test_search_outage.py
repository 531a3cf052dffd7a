"""The search engine unreachable: Elasticsearch configured at an address that refuses connections, with the
real client, engine, views and publishing code; only the network is stood in for (nothing listens on
port 9, then ``FakeElasticsearch`` plays the returning node). Search says it is down (503, no 500),
publishing goes on, the dashboard says the index is behind, and the index catches up when the engine
is back."""

import pytest
from django.test import Client
from django.urls import reverse

from search.documents import page_key
from search.models import PendingIndexUpdate
from tests import factories
from tests.editorial.conftest import pattern_form_data

from .fake_elasticsearch import FakeElasticsearch

# Committed for real, so that publishing's on-commit index task runs (ImmediateBackend in the test settings).
pytestmark = pytest.mark.django_db(transaction=True)
REFUSING = "http://127.0.0.1:9"  # the discard port: nothing listens there, so connections are refused


@pytest.fixture
def engine_at(settings):
    """Point the library at an Elasticsearch URL, as ELASTICSEARCH_URL does at start-up."""

    def point(url):
        settings.SEARCH_ENGINE = {"ENGINE": "search.engines.elasticsearch.ElasticsearchEngine", "OPTIONS": {"url": url}}

    return point


def publish_in_admin(admin_client, page):
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), pattern_form_data(page, **{"action-publish": "1"})
    )
    assert response.status_code == 302, "publishing failed"
    page.refresh_from_db()
    assert page.live


def test_search_down_then_back(pattern_index, admin_client, engine_at, record_figures):
    """Down: clear 503s, publishing works, the index is behind. Back: the next update brings it all in."""
    engine_at(REFUSING)
    client = Client()

    page = client.get("/search/", {"q": "pothole"})
    assert page.status_code == 503
    assert "Search is not working at the moment" in page.content.decode()
    api = client.get("/api/v1/search/", {"q": "pothole"})
    assert api.status_code == 503
    assert api.json()["error"]["code"] == "search_unavailable"
    assert "cannot be reached" in api.json()["error"]["message"]

    pothole = factories.ServicePatternPageFactory(
        parent=pattern_index, title="Report a pothole", slug="report-a-pothole", live=False
    )
    publish_in_admin(admin_client, pothole)
    assert client.get("/patterns/report-a-pothole/").status_code == 200
    pending = PendingIndexUpdate.objects.get(key=page_key(pothole.pk))
    assert pending.attempts >= 1 and pending.last_error
    assert "The search index is behind" in admin_client.get(reverse("wagtailadmin_home")).content.decode()

    node = FakeElasticsearch()
    try:
        engine_at(node.url)
        streetlight = factories.ServicePatternPageFactory(
            parent=pattern_index, title="Report a broken streetlight", slug="report-a-streetlight", live=False
        )
        publish_in_admin(admin_client, streetlight)  # its index update also clears the backlog

        assert not PendingIndexUpdate.objects.exists()
        indexed = {source["key"] for source in node.documents("patterns-en").values()}
        assert {page_key(pothole.pk), page_key(streetlight.pk)} <= indexed
        found = client.get("/search/", {"q": "pothole"})
        assert found.status_code == 200 and "Report a pothole" in found.content.decode()
        assert client.get("/api/v1/search/", {"q": "pothole"}).json()["total"] == 1
        assert "The search index is behind" not in admin_client.get(reverse("wagtailadmin_home")).content.decode()
    finally:
        node.stop()
    record_figures("search_outage", {"faults": 1, "publishes_while_down": 1, "pages_left_unindexed": 0})
