"""The taxonomies: services by LGSL code, councils by GSS code, life events, pattern types, components."""

import pytest

from tests import factories


def body(response):
    assert response.status_code == 200, response.content
    return response.json()


@pytest.fixture
def library(db, welsh):
    """One of each taxonomy item in English, and a Welsh copy of the service."""
    life_event = factories.LifeEventFactory(slug="moving-home", name="Moving home")
    service = factories.ServiceFactory(lgsl_code=524, name="Missed bin collection")
    service.life_events.add(life_event)
    factories.ServiceFactory(lgsl_code=524, name="Casgliad bin a fethwyd", locale=welsh)
    factories.ServiceFactory(lgsl_code=13, name="School admissions")
    essex = factories.CouncilFactory(gss_code="E10000012", name="Essex")
    factories.CouncilFactory(gss_code="W06000015", name="Cardiff", nation="wales", council_type="welsh-principal-area")
    factories.CouncilFactory(gss_code="E07000066", name="Basildon", council_type="district", parent_county=essex)
    factories.PatternTypeFactory(slug="pay", name="Pay")
    factories.DesignSystemComponentFactory(slug="date-input", name="Date input")
    factories.DesignSystemComponentFactory(slug="check-answers", name="Check answers", kind="pattern")
    return service


def test_services_list_and_detail_by_lgsl_code(api, library):
    """Services are listed and fetched by LGSL code, in English unless locale=cy."""
    names = [s["name"] for s in body(api.get("/api/v1/services/?locale=en"))["results"]]
    assert names == ["Missed bin collection", "School admissions"]
    service = body(api.get("/api/v1/services/524/"))
    assert service["name"] == "Missed bin collection"
    assert service["life_events"] == [{"slug": "moving-home", "name": "Moving home"}]
    assert body(api.get("/api/v1/services/524/?locale=cy"))["name"] == "Casgliad bin a fethwyd"
    assert api.get("/api/v1/services/9999/").status_code == 404


def test_service_filters(api, library):
    """Services filter by life event, text and locale."""
    assert [s["lgsl_code"] for s in body(api.get("/api/v1/services/?life_event=moving-home"))["results"]] == [524]
    assert [s["lgsl_code"] for s in body(api.get("/api/v1/services/?q=school"))["results"]] == [13]
    assert [s["locale"] for s in body(api.get("/api/v1/services/?locale=cy"))["results"]] == ["cy"]


def test_service_jsonld(api, library):
    """A service renders as a schema.org GovernmentService with its LGSL code."""
    data = body(api.get("/api/v1/services/524/", HTTP_ACCEPT="application/ld+json"))
    assert data["@type"] == "GovernmentService"
    assert data["identifier"] == {"@type": "PropertyValue", "propertyID": "LGSL", "value": "524"}


def test_councils_by_gss_code_and_filters(api, library):
    """Councils are fetched by GSS code and filtered by nation and type."""
    basildon = body(api.get("/api/v1/councils/E07000066/"))
    assert basildon["parent_county"] == {"gss_code": "E10000012", "name": "Essex"}
    welsh = body(api.get("/api/v1/councils/?nation=wales"))["results"]
    assert [c["gss_code"] for c in welsh] == ["W06000015"]
    districts = body(api.get("/api/v1/councils/?council_type=district"))["results"]
    assert [c["name"] for c in districts] == ["Basildon"]
    assert api.get("/api/v1/councils/?nation=mars").json()["error"]["field"] == "nation"


def test_life_events_pattern_types_components(api, library):
    """Life events, pattern types and components are listed and fetched by slug."""
    assert body(api.get("/api/v1/life-events/moving-home/"))["name"] == "Moving home"
    assert body(api.get("/api/v1/pattern-types/pay/"))["name"] == "Pay"
    assert body(api.get("/api/v1/components/date-input/"))["url"].endswith("/date-input/")
    patterns = body(api.get("/api/v1/components/?kind=pattern"))["results"]
    assert [c["slug"] for c in patterns] == ["check-answers"]
    assert [e["slug"] for e in body(api.get("/api/v1/life-events/?q=moving"))["results"]] == ["moving-home"]
    assert body(api.get("/api/v1/pattern-types/"))["count"] == 1


@pytest.mark.parametrize(
    "url",
    ["/api/v1/services/", "/api/v1/councils/", "/api/v1/life-events/", "/api/v1/pattern-types/", "/api/v1/components/"],
)
def test_taxonomy_list_query_count_does_not_grow(api, db, url, django_assert_num_queries):
    """Each taxonomy list takes the same number of queries for 2 items as for 12."""

    def make(count):
        for _ in range(count):
            factories.ServiceFactory().life_events.add(factories.LifeEventFactory())
            factories.CouncilFactory()
            factories.DesignSystemComponentFactory()
            factories.PatternTypeFactory(slug=f"type-{factories.LifeEventFactory().pk}")

    make(2)
    with CountingClient(api, url) as first:
        pass
    make(10)
    with django_assert_num_queries(first.queries):
        assert api.get(url + "?limit=100").status_code == 200
    assert first.queries <= 5  # with the library version (library.version)


class CountingClient:
    """Counts the queries of one GET."""

    def __init__(self, api, url):
        self.api, self.url = api, url

    def __enter__(self):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert self.api.get(self.url + "?limit=100").status_code == 200
        self.queries = len(captured)
        return self

    def __exit__(self, *exc):
        return False
