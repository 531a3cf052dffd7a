"""Imported reference data reaches the library's search index as publishing does (issue 14), through
``library_changed``: no ``rebuild_search_index`` needed."""

import io
import re

from django.core.management import call_command
from rest_framework.test import APIClient

from search.engines.database import DatabaseEngine
from search.indexing import rebuild_index
from search.models import PendingIndexUpdate
from tests import factories
from tests.search.test_views import page_text

LGSL_HEADER = "Identifier,Label,Description,Created,Modified,History notes,Type,\n"


def import_services(tmp_path, rows, django_capture_on_commit_callbacks):
    path = tmp_path / "esd-lgsl-services-2015.csv"
    path.write_text(LGSL_HEADER + "".join(f"{code},{name},{about},,,,,\n" for code, name, about in rows))
    # The import commits its own transaction; the test's transaction stands in for it here.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_services", str(path), stdout=io.StringIO(), stderr=io.StringIO())


def site_text(client, query):
    """The search page's text, without the highlighting's tags."""
    return re.sub(r"<[^>]+>", "", page_text(client.get("/search/", {"q": query})))


def api_titles(query):
    results = APIClient().get("/api/v1/search/", {"q": query, "type": "service"}).json()["results"]
    return [re.sub(r"<[^>]+>", "", hit["title_html"]) for hit in results]


def test_an_imported_service_is_found_by_name_and_code_at_once(
    db, client, tmp_path, django_capture_on_commit_callbacks
):
    """A service import_services creates, or renames, is found by its name and its LGSL code by site and API search."""
    factories.ServiceFactory(lgsl_code=4417, name="Allotment plot rental")
    rebuild_index(DatabaseEngine())
    import_services(
        tmp_path,
        [
            (4418, "Beach hut licence", "Renting a council beach hut for the season"),
            (4417, "Community orchard plot rental", "Renting a plot in a council orchard"),
        ],
        django_capture_on_commit_callbacks,
    )
    assert not PendingIndexUpdate.objects.exists()
    for query, title in [
        ("beach hut", "Beach hut licence"),
        ("4418", "Beach hut licence"),
        ("community orchard", "Community orchard plot rental"),
        ("4417", "Community orchard plot rental"),
    ]:
        assert title in site_text(client, query), query
        assert title in api_titles(query), query
    assert "Allotment plot rental" not in api_titles("allotment")
