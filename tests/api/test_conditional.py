"""Conditional requests, caching headers, CORS and the error shape common to every endpoint."""

import pytest

URLS = [
    "/api/v1/patterns/",
    "/api/v1/patterns/apply-for-a-school-place/",
    "/api/v1/processes/",
    "/api/v1/services/",
    "/api/v1/services/13/",
    "/api/v1/councils/E10000012/",
    "/api/v1/life-events/",
    "/api/v1/pattern-types/",
    "/api/v1/components/date-input/",
    "/api/v1/changes/",
]


@pytest.mark.parametrize("url", URLS)
def test_etag_and_last_modified_answer_304(api, school_pattern, school_process, url):
    """Every list and detail has ETag, Last-Modified and Cache-Control, and honours both validators."""
    response = api.get(url)
    assert response.status_code == 200
    assert response["ETag"] and response["Last-Modified"] and "max-age" in response["Cache-Control"]
    again = api.get(url, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304 and again["ETag"] == response["ETag"]
    assert api.get(url, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]).status_code == 304
    assert api.get(url, HTTP_IF_NONE_MATCH='"stale"').status_code == 200


def test_publishing_changes_etag_and_last_modified(api, school_pattern):
    """After a publish the old ETag no longer matches."""
    first = api.get("/api/v1/patterns/")
    school_pattern.title = "Apply for a primary school place"
    school_pattern.save_revision().publish()
    second = api.get("/api/v1/patterns/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200
    assert second["ETag"] != first["ETag"]


def unpublish(school_pattern, **_):
    school_pattern.unpublish()


def rename_service(school_service, **_):
    school_service.name = "School admissions and appeals"
    school_service.save()


def approve_adoption(pending_adoption, **_):
    pending_adoption.is_approved = True
    pending_adoption.save()


def publish_assessment(draft_assessment, **_):
    draft_assessment.save_revision().publish()


def translate(school_pattern, welsh, **_):
    school_pattern.copy_for_translation(welsh, copy_parents=True).save_revision().publish()


@pytest.fixture
def pending_adoption(school_pattern, kent, school_service):
    from contributions.models import Adoption

    adoption = Adoption.objects.create(council=kent, pattern=school_pattern, is_approved=False)
    adoption.services.add(school_service)
    return adoption


@pytest.fixture
def draft_assessment(school_pattern, kent, school_service, make_assessment):
    return make_assessment(kent, school_service, school_pattern, {5: "met"}, live=False)


@pytest.mark.parametrize(
    ("url", "change"),
    [
        ("/api/v1/patterns/", unpublish),
        ("/api/v1/patterns/apply-for-a-school-place/", rename_service),
        ("/api/v1/services/13/", rename_service),
        ("/api/v1/adoptions/", approve_adoption),
        ("/api/v1/assessments/", publish_assessment),
        ("/api/v1/patterns/?locale=cy", translate),
    ],
)
def test_a_change_after_a_304_gives_a_200_with_a_new_etag(
    api, school_pattern, school_service, pending_adoption, draft_assessment, welsh, url, change
):
    """Whatever changes what a URL shows moves its ETag, so a revalidation after it is answered in full."""
    first = api.get(url)
    assert api.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    change(
        school_pattern=school_pattern,
        school_service=school_service,
        pending_adoption=pending_adoption,
        draft_assessment=draft_assessment,
        welsh=welsh,
    )
    second = api.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200
    assert second["ETag"] != first["ETag"]
    assert second.content != first.content


def test_revalidation_and_repeats_read_no_content(api, school_pattern, django_assert_max_num_queries):
    """A 304, and a repeated request answered from the response cache, read only the library version."""
    first = api.get("/api/v1/patterns/?limit=50")
    with django_assert_max_num_queries(1):
        assert api.get("/api/v1/patterns/?limit=50", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    with django_assert_max_num_queries(1):
        again = api.get("/api/v1/patterns/?limit=50")
    assert again.content == first.content
    assert again["ETag"] == first["ETag"] and again["Last-Modified"] == first["Last-Modified"]
    assert again["Content-Type"] == first["Content-Type"]


def test_deleting_a_pattern_moves_last_modified(api, school_pattern, bins_pattern):
    """A deletion counts as a modification of the list, so If-Modified-Since does not hide it."""
    from django.utils.http import http_date

    first = api.get("/api/v1/patterns/")
    bins_pattern.delete()
    later = api.get("/api/v1/patterns/", HTTP_IF_MODIFIED_SINCE=http_date(0))
    assert later.status_code == 200
    assert len(later.json()["results"]) == 1
    assert api.get("/api/v1/patterns/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_cors_open_for_get(api, school_pattern):
    """Browsers on any origin may GET the API."""
    response = api.get("/api/v1/patterns/", HTTP_ORIGIN="https://forms.example.com")
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = api.options(
        "/api/v1/patterns/", HTTP_ORIGIN="https://forms.example.com", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]


def test_writes_are_refused_in_error_shape(api, school_pattern):
    """The API is read-only: a POST is a 405 in the usual error shape."""
    response = api.post("/api/v1/patterns/", {})
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"


@pytest.mark.django_db
def test_a_migrations_historical_model_saves_before_the_counter_table_exists(monkeypatch):
    """A fresh database's data migrations save (e.g. Wagtail's first Site) before the version's table exists."""
    from django.apps import apps
    from django.db.migrations.state import ProjectState

    from library import signals, version

    historical_site = ProjectState.from_apps(apps).apps.get_model("wagtailcore", "Site")
    assert historical_site.__module__ == "__fake__"
    bumped = []
    monkeypatch.setattr(version, "bump", lambda: bumped.append(1))
    signals.on_save(historical_site, historical_site())
    assert not bumped
