"""/api/v1/patterns/: list, detail, filters, fields, ordering, JSON-LD, query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories

from .conftest import pattern_step


def results(response):
    assert response.status_code == 200, response.content
    return response.json()["results"]


def titles(response):
    return [item["title"] for item in results(response)]


def test_list_shows_live_patterns_only(api, school_pattern, bins_pattern, draft_pattern):
    """The list holds published patterns and never a draft."""
    assert titles(api.get("/api/v1/patterns/")) == ["Apply for a school place", "Report a missed bin"]


def test_unpublished_pattern_disappears(api, school_pattern, bins_pattern):
    """Unpublishing a pattern removes it from the list and its detail answers 404."""
    bins_pattern.unpublish()
    assert titles(api.get("/api/v1/patterns/")) == ["Apply for a school place"]
    assert api.get(f"/api/v1/patterns/{bins_pattern.pk}/").status_code == 404


def test_private_pattern_is_hidden(api, school_pattern, bins_pattern):
    """A page behind a view restriction is not public, so the API does not show it."""
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=bins_pattern, restriction_type="login")
    assert titles(api.get("/api/v1/patterns/")) == ["Apply for a school place"]


def test_detail_by_id_and_by_slug(api, school_pattern):
    """A pattern is fetched by its id or by its slug, with the same content."""
    by_id = api.get(f"/api/v1/patterns/{school_pattern.pk}/").json()
    by_slug = api.get("/api/v1/patterns/apply-for-a-school-place/").json()
    assert by_id == by_slug
    assert by_id["title"] == "Apply for a school place"
    assert by_id["owner_council"] == {"gss_code": "E10000012", "name": "Essex"}
    assert by_id["services"] == [{"lgsl_code": 13, "name": "School admissions"}]


def test_detail_expands_block_references(api, school_pattern, date_input):
    """Steps are typed blocks; components expand to {id, slug, title, url}; rich text is HTML."""
    data = api.get(f"/api/v1/patterns/{school_pattern.pk}/").json()
    step = data["steps"][0]
    assert step["type"] == "step" and step["id"]
    assert step["value"]["components"] == [
        {
            "id": date_input.pk,
            "slug": "date-input",
            "title": "Date input",
            "url": "https://design-system.service.gov.uk/components/date-input/",
        }
    ]
    assert step["value"]["content_guidance"] == "<p>Ask for it <b>once</b>.</p>"
    assert data["components"] == step["value"]["components"]


def test_rich_text_links_resolve_to_public_urls(api, pattern_index, bins_pattern):
    """An internal link in rich text becomes the linked page's public URL."""
    page = factories.ServicePatternPageFactory(
        parent=pattern_index,
        steps=[pattern_step("Tell us", guidance=f'<p>See <a linktype="page" id="{bins_pattern.pk}">bins</a></p>')],
    )
    page.save_revision().publish()
    guidance = api.get(f"/api/v1/patterns/{page.pk}/").json()["steps"][0]["value"]["content_guidance"]
    assert 'href="http://localhost/patterns/report-a-missed-bin/"' in guidance


def test_related_page_references_expand_and_hide_drafts(api, pattern_index, bins_pattern, draft_pattern):
    """A related page is {id, slug, title, url}; a related draft is null, so it does not leak."""
    page = factories.ServicePatternPageFactory(
        parent=pattern_index, related=[("pattern", bins_pattern), ("pattern", draft_pattern)]
    )
    page.save_revision().publish()
    related = api.get(f"/api/v1/patterns/{page.pk}/").json()["related"]
    assert related[0]["value"] == {
        "id": bins_pattern.pk,
        "slug": "report-a-missed-bin",
        "title": "Report a missed bin",
        "url": "http://localhost/patterns/report-a-missed-bin/",
    }
    assert related[1]["value"] is None


def test_unknown_pattern_is_404_in_error_shape(api, db):
    """A pattern that does not exist is a 404 in the API's error shape."""
    response = api.get("/api/v1/patterns/no-such-pattern/")
    assert response.status_code == 404
    assert response.json() == {"error": {"code": "not_found", "message": "Not found.", "field": None}}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("service=13", ["Apply for a school place"]),
        ("service=13&service=524", ["Apply for a school place", "Report a missed bin"]),
        ("service=999", []),
        ("life_event=starting-school", ["Apply for a school place"]),
        ("pattern_type=tell", ["Report a missed bin"]),
        ("component=date-input", ["Apply for a school place"]),
        ("council=E10000016", ["Report a missed bin"]),
        ("maturity=beta", ["Report a missed bin"]),
        ("locale=en", ["Apply for a school place", "Report a missed bin"]),
        ("locale=cy", []),
        ("updated_since=2000-01-01", ["Apply for a school place", "Report a missed bin"]),
        ("updated_since=2999-01-01T00:00:00Z", []),
        ("q=BIN", ["Report a missed bin"]),
        ("q=parent", ["Apply for a school place"]),
    ],
)
def test_filters(api, school_pattern, bins_pattern, query, expected):
    """Each filter narrows the list to the patterns it names."""
    assert titles(api.get(f"/api/v1/patterns/?{query}")) == expected


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("service=abc", "service"),
        ("maturity=ancient", "maturity"),
        ("locale=fr", "locale"),
        ("updated_since=yesterday", "updated_since"),
        ("colour=red", "colour"),
        ("ordering=colour", "ordering"),
        ("fields=title,colour", "fields"),
        ("limit=101", "limit"),
        ("limit=ten", "limit"),
        ("offset=-1", "offset"),
        ("cursor=nonsense", "cursor"),
    ],
)
def test_bad_parameters_are_400_naming_the_parameter(api, school_pattern, query, field):
    """A malformed value or an unknown parameter is a 400 whose error names the parameter."""
    response = api.get(f"/api/v1/patterns/?{query}")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["field"] == field
    assert error["code"] in ("invalid_parameter", "unknown_parameter", "limit_too_high")
    assert error["message"]


def test_fields_selects_fields(api, school_pattern):
    """fields= returns only the named fields, and the id that tells the items apart, on list and detail."""
    listed = results(api.get("/api/v1/patterns/?fields=title,summary"))
    assert listed == [
        {
            "id": school_pattern.pk,
            "title": "Apply for a school place",
            "summary": "How a parent applies for a school place.",
        }
    ]
    detail = api.get(f"/api/v1/patterns/{school_pattern.pk}/?fields=title,summary,steps").json()
    assert set(detail) == {"id", "title", "summary", "steps"}


def test_ordering(api, school_pattern, bins_pattern):
    """ordering= sorts the list, descending with a leading minus."""
    assert titles(api.get("/api/v1/patterns/?ordering=-title")) == ["Report a missed bin", "Apply for a school place"]
    assert titles(api.get("/api/v1/patterns/?ordering=title")) == ["Apply for a school place", "Report a missed bin"]


def test_limit_offset_pagination(api, school_pattern, bins_pattern):
    """limit and offset page through the list, with a count and next/previous links."""
    first = api.get("/api/v1/patterns/?limit=1").json()
    assert first["count"] == 2 and len(first["results"]) == 1 and first["previous"] is None
    second = api.get(first["next"]).json()
    assert second["results"][0]["title"] == "Report a missed bin" and second["next"] is None


def test_cursor_pagination_walks_everything_once(api, pattern_index):
    """Cursor mode returns every pattern exactly once, in id order, following next links."""
    pages = [factories.ServicePatternPageFactory(parent=pattern_index) for _ in range(5)]
    url, seen = "/api/v1/patterns/?cursor=&limit=2", []
    while url:
        body = api.get(url).json()
        assert body["count"] is None
        seen += [item["id"] for item in body["results"]]
        url = body["next"]
    assert seen == [page.pk for page in pages]


def test_jsonld_by_accept_header_and_format(api, school_pattern):
    """A pattern renders as a schema.org GovernmentService by Accept header or ?format=jsonld."""
    by_header = api.get(f"/api/v1/patterns/{school_pattern.pk}/", HTTP_ACCEPT="application/ld+json")
    by_format = api.get(f"/api/v1/patterns/{school_pattern.pk}/?format=jsonld")
    assert by_header["Content-Type"] == "application/ld+json"
    data = by_format.json()
    assert by_header.json() == data
    assert data["@context"] == "https://schema.org" and data["@type"] == "GovernmentService"
    assert data["name"] == "Apply for a school place"
    assert data["identifier"] == [{"@type": "PropertyValue", "propertyID": "LGSL", "value": "13"}]
    assert data["provider"]["identifier"]["value"] == "E10000012"


def test_jsonld_list_is_an_item_list(api, school_pattern, bins_pattern):
    """The pattern list in JSON-LD is an ItemList of GovernmentServices."""
    data = api.get("/api/v1/patterns/?format=jsonld").json()
    assert data["@type"] == "ItemList"
    assert [item["item"]["@type"] for item in data["itemListElement"]] == ["GovernmentService"] * 2


def list_queries(api, url):
    with CaptureQueriesContext(connection) as queries:
        assert api.get(url).status_code == 200
    return len(queries)


def make_patterns(pattern_index, count):
    service = factories.ServiceFactory()
    life_event = factories.LifeEventFactory()
    council = factories.CouncilFactory()
    for _ in range(count):
        page = factories.ServicePatternPageFactory(parent=pattern_index, owner_council=council)
        page.services.add(service)
        page.life_events.add(life_event)
        page.save_revision().publish()


def test_list_query_count_does_not_grow_with_page_size(api, pattern_index, django_assert_num_queries):
    """Listing 3 or 30 patterns takes the same, fixed number of queries."""
    make_patterns(pattern_index, 3)
    api.get("/api/v1/patterns/")  # warm the site root paths cache, as a running server has it
    # 8: the library version (library.version), view restrictions, Last-Modified (2), count, the pages,
    # their services, their life events. A repeat of the same request reads only the library version.
    with django_assert_num_queries(8):
        assert len(results(api.get("/api/v1/patterns/?limit=100"))) == 3
    make_patterns(pattern_index, 27)
    with django_assert_num_queries(8):
        assert len(results(api.get("/api/v1/patterns/?limit=100"))) == 30


def test_a_listing_says_what_drf_says_of_each_item(rf, school_pattern, bins_pattern, school_process):
    """``many=True`` on a page serializer is ``PageListing``, which reads a plan instead of DRF's fields: each
    item is what the serializer's own ``to_representation`` gives, narrowed by ``fields=`` the same way."""
    from rest_framework.request import Request

    from api.serializers.pages import PatternListSerializer, ProcessListSerializer
    from pattern_pages.models import ProcessPage, ServicePatternPage

    request = Request(rf.get("/api/v1/patterns/"))
    for serializer, model in [(PatternListSerializer, ServicePatternPage), (ProcessListSerializer, ProcessPage)]:
        pages = list(model.objects.live().order_by("pk"))
        assert pages
        for context in [{"request": request}, {"request": request, "fields": ["title", "services", "detail_url"]}]:
            listing = serializer(pages, many=True, context=context).data
            assert listing == [serializer(page, context=context).data for page in pages]
