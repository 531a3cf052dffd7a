"""The adoptions resource: approved adoptions of live pages only, filters, constant query count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from contributions.models import Adoption
from tests import factories


@pytest.fixture
def register(pattern_page, process_page, pattern_index, essex, kent, school_service, bins_service):
    """Essex uses the pattern (in-house forms); Kent plans the process; two adoptions stay hidden."""
    essex_adoption = Adoption.objects.create(
        council=essex, pattern=pattern_page, status="live", platform="In-house forms", is_approved=True
    )
    essex_adoption.services.add(school_service)
    kent_adoption = Adoption.objects.create(
        council=kent, process=process_page, status="planned", platform="Case Co", is_approved=True
    )
    kent_adoption.services.add(bins_service)
    unapproved = Adoption.objects.create(council=kent, pattern=pattern_page, is_approved=False)
    draft = factories.ServicePatternPageFactory(parent=pattern_index, live=False)
    of_draft = Adoption.objects.create(council=essex, pattern=draft, is_approved=True)
    return {"essex": essex_adoption, "kent": kent_adoption, "unapproved": unapproved, "of_draft": of_draft}


def ids(response):
    assert response.status_code == 200, response.content
    return sorted(item["id"] for item in response.json()["results"])


def test_only_approved_adoptions_of_live_pages_are_listed(api, register):
    """Unapproved adoptions and adoptions of drafts never appear, in the list or by id."""
    assert ids(api.get("/api/v1/adoptions/")) == sorted([register["essex"].pk, register["kent"].pk])
    for hidden in ("unapproved", "of_draft"):
        assert api.get(f"/api/v1/adoptions/{register[hidden].pk}/").status_code == 404
    detail = api.get(f"/api/v1/adoptions/{register['essex'].pk}/").json()
    assert detail["council"] == {"gss_code": "E10000012", "name": "Essex"}
    assert detail["services"] == [{"lgsl_code": 13, "name": "School admissions"}]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("council=E10000016", ["kent"]),
        ("service=13", ["essex"]),
        ("status=planned", ["kent"]),
        ("supplier=in-house", ["essex"]),
    ],
)
def test_adoption_filters(api, register, query, expected):
    """Each filter narrows the register."""
    assert ids(api.get(f"/api/v1/adoptions/?{query}")) == sorted(register[name].pk for name in expected)


def test_pattern_and_process_filters(api, register, pattern_page, process_page):
    """Filtering by the adopted page's slug."""
    assert ids(api.get(f"/api/v1/adoptions/?pattern={pattern_page.slug}")) == [register["essex"].pk]
    assert ids(api.get(f"/api/v1/adoptions/?process={process_page.slug}")) == [register["kent"].pk]


@pytest.mark.parametrize(
    ("query", "parameter"), [("status=adopted", "status"), ("service=x", "service"), ("size=1", "size")]
)
def test_bad_parameters_are_a_400_naming_them(api, register, query, parameter):
    """Unknown or malformed parameters are refused, naming them."""
    response = api.get(f"/api/v1/adoptions/?{query}")
    assert response.status_code == 400
    assert response.json()["error"]["field"] == parameter


def test_adoption_list_query_count_does_not_grow(api, pattern_index, school_service, django_assert_num_queries):
    """Listing 2 or 12 adoptions takes the same number of queries."""

    def add(count):
        for council in factories.CouncilFactory.create_batch(count):
            page = factories.ServicePatternPageFactory(parent=pattern_index)
            Adoption.objects.create(council=council, pattern=page, is_approved=True).services.add(school_service)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert api.get("/api/v1/adoptions/").status_code == 200
        return len(queries)

    add(2)
    few = count()
    add(10)
    assert count() == few
