"""/api/v1/processes/: list, detail, filters, query counts."""

import pytest

from tests import factories


def titles(response):
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["results"]]


def test_list_and_detail(api, school_process):
    """A published process is listed and fetched by id or slug with its typed step blocks."""
    assert titles(api.get("/api/v1/processes/")) == ["Decide a school place application"]
    by_id = api.get(f"/api/v1/processes/{school_process.pk}/").json()
    assert api.get(f"/api/v1/processes/{school_process.slug}/").json() == by_id
    assert [step["value"]["ref"] for step in by_id["steps"]] == ["submit", "decide"]
    assert by_id["roles"][1] == {
        "type": "role",
        "id": by_id["roles"][1]["id"],
        "value": {"name": "Caseworker", "kind": "council-officer", "description": ""},
    }


def test_supported_patterns_expand(api, process_index, school_pattern):
    """A process's supported patterns expand to {id, slug, title, url}."""
    page = factories.ProcessPageFactory(parent=process_index, supported_patterns=[("pattern", school_pattern)])
    page.save_revision().publish()
    reference = api.get(f"/api/v1/processes/{page.pk}/").json()["supported_patterns"][0]["value"]
    assert reference["slug"] == "apply-for-a-school-place" and reference["id"] == school_pattern.pk


def test_draft_process_is_404(api, process_index):
    """A process that was never published is not found."""
    page = factories.ProcessPageFactory(parent=process_index, live=False)
    assert api.get(f"/api/v1/processes/{page.pk}/").status_code == 404
    assert titles(api.get("/api/v1/processes/")) == []


@pytest.mark.parametrize(
    ("query", "count"),
    [
        ("service=13", 1),
        ("service=524", 0),
        ("council=E10000012", 1),
        ("council=E10000016", 0),
        ("locale=cy", 0),
        ("q=school", 1),
        ("q=bins", 0),
        ("updated_since=2999-01-01", 0),
    ],
)
def test_filters(api, school_process, query, count):
    """Each process filter narrows the list."""
    assert len(titles(api.get(f"/api/v1/processes/?{query}"))) == count


def test_life_event_filter_goes_through_services(api, school_process, school_service, starting_school):
    """life_event matches processes whose services are linked to it."""
    assert titles(api.get("/api/v1/processes/?life_event=starting-school")) == []
    school_service.life_events.add(starting_school)
    assert titles(api.get("/api/v1/processes/?life_event=starting-school")) == ["Decide a school place application"]


def test_processes_carry_maturity_version_and_research(api, school_process):
    """Like patterns, a process has a maturity and a version in the list and detail, and research in the detail;
    maturity filters the list, and an unknown maturity is refused naming the field."""
    school_process.maturity = "beta"
    school_process.version = "1.2.0"
    school_process.research = [
        (
            "research",
            {
                "method": "interviews",
                "date": "2026-03-01",
                "participants": 6,
                "findings": "<p>Caseworkers check the address first.</p>",
                "rating": 2,
            },
        )
    ]
    school_process.save_revision().publish()
    listed = api.get("/api/v1/processes/").json()["results"][0]
    assert (listed["maturity"], listed["version"]) == ("beta", "1.2.0")
    detail = api.get(f"/api/v1/processes/{school_process.pk}/").json()
    assert detail["research"][0]["value"]["method"] == "interviews" and detail["research"][0]["value"]["rating"] == 2
    assert titles(api.get("/api/v1/processes/?maturity=beta")) == ["Decide a school place application"]
    assert titles(api.get("/api/v1/processes/?maturity=stable")) == []
    response = api.get("/api/v1/processes/?maturity=proven")
    assert response.status_code == 400 and response.json()["error"]["field"] == "maturity"


def test_list_query_count_does_not_grow(api, process_index, django_assert_num_queries):
    """Listing 2 or 20 processes takes the same number of queries."""
    service = factories.ServiceFactory()
    council = factories.CouncilFactory()

    def make(count):
        for _ in range(count):
            page = factories.ProcessPageFactory(parent=process_index, owner_council=council)
            page.services.add(service)

    make(2)
    api.get("/api/v1/processes/")
    with django_assert_num_queries(7):  # with the library version (library.version)
        assert len(titles(api.get("/api/v1/processes/?limit=100"))) == 2
    make(18)
    with django_assert_num_queries(7):
        assert len(titles(api.get("/api/v1/processes/?limit=100"))) == 20
