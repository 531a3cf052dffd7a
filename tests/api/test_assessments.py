"""The standards and assessments resources: published assessments only, filters, query counts."""

import pytest

from tests import factories


@pytest.fixture
def assessed(pattern_page, make_assessment, essex, kent, school_service, bins_service):
    """Essex passed point 5 at beta; Kent failed it at alpha; a drafted Essex assessment stays private."""
    return {
        "essex": make_assessment(essex, school_service, pattern_page, {5: "met", 1: "met"}, phase="beta"),
        "kent": make_assessment(kent, bins_service, pattern_page, {5: "not-met"}, phase="alpha"),
        "draft": make_assessment(essex, bins_service, pattern_page, {5: "met"}, live=False, phase="live"),
    }


def ids(response):
    assert response.status_code == 200, response.content
    return sorted(item["id"] for item in response.json()["results"])


def test_standards_list_both_standards_with_their_points(api, standards):
    """The standards resource lists the LGDSS (15 points) and the GOV.UK standard (14)."""
    data = api.get("/api/v1/standards/").json()["results"]
    points = {standard["slug"]: len(standard["points"]) for standard in data}
    assert points == {"local-government-digital-service-standard": 15, "govuk-service-standard": 14}
    govuk_detail = api.get("/api/v1/standards/govuk-service-standard/").json()
    assert govuk_detail["points"][4] == {
        "number": 5,
        "title": "Make sure everyone can use the service",
        "summary": govuk_detail["points"][4]["summary"],
        "url": "https://www.gov.uk/service-manual/service-standard",
    }


def test_drafted_assessments_never_appear(api, assessed):
    """Only published assessments are listed, and a draft's detail is a 404."""
    assert ids(api.get("/api/v1/assessments/")) == sorted([assessed["essex"].pk, assessed["kent"].pk])
    assert api.get(f"/api/v1/assessments/{assessed['draft'].pk}/").status_code == 404
    detail = api.get(f"/api/v1/assessments/{assessed['essex'].pk}/").json()
    assert detail["council"] == {"gss_code": "E10000012", "name": "Essex"}
    assert [o["point"]["number"] for o in detail["outcomes"]] == [1, 5]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("council=E10000016", ["kent"]),
        ("service=13", ["essex"]),
        ("service=13&service=524", ["essex", "kent"]),
        ("phase=alpha", ["kent"]),
        ("outcome=met", ["essex", "kent"]),
        ("point=govuk-service-standard:1", ["essex"]),
        ("standard=govuk-service-standard", ["essex", "kent"]),
    ],
)
def test_assessment_filters(api, assessed, query, expected):
    """Each filter narrows the published assessments."""
    assert ids(api.get(f"/api/v1/assessments/?{query}")) == sorted(assessed[name].pk for name in expected)


def test_pattern_filter(api, assessed, pattern_page, pattern_index):
    """Filtering by pattern slug keeps the assessments of services built on it."""
    other = factories.ServicePatternPageFactory(parent=pattern_index)
    assert ids(api.get(f"/api/v1/assessments/?pattern={other.slug}")) == []
    assert len(ids(api.get(f"/api/v1/assessments/?pattern={pattern_page.slug}"))) == 2


@pytest.mark.parametrize(
    ("query", "parameter"),
    [("point=five", "point"), ("phase=gamma", "phase"), ("service=abc", "service"), ("colour=blue", "colour")],
)
def test_bad_parameters_are_a_400_naming_them(api, assessed, query, parameter):
    """A malformed or unknown parameter is refused, naming it."""
    response = api.get(f"/api/v1/assessments/?{query}")
    assert response.status_code == 400
    assert response.json()["error"]["field"] == parameter


def test_assessment_list_query_count_does_not_grow(
    api, pattern_page, make_assessment, school_service, django_assert_max_num_queries
):
    """Listing 2 or 12 assessments takes the same number of queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert api.get("/api/v1/assessments/").status_code == 200
        return len(queries)

    for council in factories.CouncilFactory.create_batch(2):
        make_assessment(council, school_service, pattern_page, {5: "met", 6: "not-met"})
    few = count()
    for council in factories.CouncilFactory.create_batch(10):
        make_assessment(council, school_service, pattern_page, {5: "met", 7: "met", 8: "not-met"})
    assert count() == few
    with django_assert_max_num_queries(few):
        api.get("/api/v1/assessments/")
