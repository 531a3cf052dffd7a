"""A supplier's key sends adoptions for the councils it serves; they wait for an editor before they are public."""

import threading

import pytest
from django.db import connection
from django.urls import reverse

from contributions.models import Adoption, AdoptionSource
from tests import factories

from .conftest import key_for

URL = "/api/v1/adoptions/"


@pytest.fixture
def supplier(django_user_model, essex, pattern_page, process_page, school_service):
    """Acme Forms serves Essex (not Kent)."""
    user = django_user_model.objects.create_user("acme", "api@acme.example", "long-password")
    key, raw_key = key_for(user, "Acme Forms (production)")
    key.supplier_name = "Acme Forms"
    key.save()
    key.councils.add(essex)
    return key, raw_key


@pytest.fixture
def acme(api, supplier):
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {supplier[1]}")
    return api


def submission(pattern_page, **changes):
    return {
        "council": "E10000012",
        "pattern": pattern_page.slug,
        "services": [13],
        "status": "live",
        "live_url": "https://www.essex.gov.uk/school-places",
        "local_variations": "We ask for <b>two</b> proofs of address.",
        "adopted_on": "2026-04-01",
        **changes,
    }


def test_supplier_sends_an_adoption_that_stays_private_until_approved(acme, api, pattern_page, essex, supplier):
    """201 with the adoption, marked unapproved; the public list shows it only after an editor approves."""
    response = acme.post(URL, submission(pattern_page), format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["approved"] is False and body["supplier"] == "Acme Forms"
    assert body["council"] == {"gss_code": "E10000012", "name": "Essex"}
    assert body["pattern"]["slug"] == pattern_page.slug
    assert body["services"] == [{"lgsl_code": 13, "name": "School admissions"}]
    assert body["platform"] == "Acme Forms"  # the key's supplier, when the body names none
    assert body["local_variations"] == "We ask for two proofs of address."  # markup stripped
    adoption = Adoption.objects.get(pk=body["id"])
    assert adoption.source == AdoptionSource.API and not adoption.is_approved
    assert str(adoption.adopted_on) == "2026-04-01"

    api.credentials()
    assert api.get(URL).json()["results"] == []
    assert api.get(f"{URL}{adoption.pk}/").status_code == 404
    adoption.is_approved = True
    adoption.save()
    assert [item["id"] for item in api.get(URL).json()["results"]] == [adoption.pk]


def test_supplier_cannot_send_for_a_council_it_does_not_serve(acme, pattern_page, kent):
    """403 naming the council; nothing is recorded."""
    response = acme.post(URL, submission(pattern_page, council="E10000016"), format="json")
    assert response.status_code == 403
    error = response.json()["error"]
    assert error["field"] == "council" and error["code"] == "not_your_council"
    assert "Kent County Council (E10000016)" in error["message"]
    assert not Adoption.objects.exists()


def test_every_problem_in_the_body_is_reported_by_field(acme, pattern_page):
    """Unknown council, unpublished pattern, unknown services and a bad status: all named at once."""
    response = acme.post(
        URL,
        submission(pattern_page, council="E99999999", pattern="no-such-pattern", services=[13, 99999]),
        format="json",
    )
    assert response.status_code == 400
    errors = {error["field"]: error["message"] for error in response.json()["errors"]}
    assert errors == {
        "council": "No council has the GSS code 'E99999999'.",
        "pattern": "No published service pattern has the slug 'no-such-pattern'.",
        "services": "No service has the LGSL code(s) 99999.",
    }
    response = acme.post(URL, submission(pattern_page, status="abandoned", live_url="not a url"), format="json")
    assert response.status_code == 400
    assert {error["field"] for error in response.json()["errors"]} == {"status", "live_url"}
    assert response.json()["error"] == response.json()["errors"][0]
    assert not Adoption.objects.exists()


def test_unknown_fields_are_refused_not_ignored(acme, pattern_page):
    """A misspelt field would otherwise be lost without a word: it is a 400 naming it, and nothing is kept."""
    response = acme.post(URL, submission(pattern_page, platfrom="Acme"), format="json")
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "platfrom"
    assert "'platfrom' is not a field of an adoption" in response.json()["error"]["message"]
    assert not Adoption.objects.exists()
    response = acme.post(URL, [submission(pattern_page)], format="json")
    assert response.status_code == 400 and response.json()["error"]["message"] == "Send the adoption as a JSON object."


def test_a_pattern_or_a_process_is_needed(acme, pattern_page):
    response = acme.post(URL, submission(pattern_page, pattern=None), format="json")
    assert response.status_code == 400
    assert "Name the service pattern (pattern) or the process (process)" in response.json()["error"]["message"]


def test_draft_pages_cannot_be_adopted(acme, pattern_index, pattern_page):
    from tests import factories

    draft = factories.ServicePatternPageFactory(parent=pattern_index, live=False)
    response = acme.post(URL, submission(pattern_page, pattern=draft.slug), format="json")
    assert response.status_code == 400 and response.json()["error"]["field"] == "pattern"


def test_a_second_adoption_of_the_same_pattern_is_a_conflict(acme, pattern_page):
    """Sending the same adoption twice (a retry) records it once; the second answer names the first."""
    first = acme.post(URL, submission(pattern_page), format="json").json()
    response = acme.post(URL, submission(pattern_page), format="json")
    assert response.status_code == 409
    assert f"(adoption {first['id']})" in response.json()["error"]["message"]
    assert Adoption.objects.count() == 1


@pytest.mark.parametrize(
    ("credentials", "status"),
    [(None, 401), ("Bearer lgpl_not-a-real-key", 401)],
)
def test_sending_needs_a_valid_key(api, pattern_page, essex, credentials, status):
    if credentials:
        api.credentials(HTTP_AUTHORIZATION=credentials)
    response = api.post(URL, submission(pattern_page), format="json")
    assert response.status_code == status
    assert not Adoption.objects.exists()


def test_a_signed_in_editor_without_a_key_cannot_send(client, django_user_model, pattern_page, essex):
    """The admin session is for previews: a browser post without a key (or CSRF token) is refused."""
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.com", "long-password"))
    response = client.post(URL, submission(pattern_page), content_type="application/json")
    assert response.status_code in (401, 403)
    assert not Adoption.objects.exists()


def test_a_body_that_is_not_json_gets_a_clear_error(acme):
    """A body that is not JSON is a 415 or a 400 naming the parse error, in the documented error shape."""
    response = acme.post(URL, "council=E10000012", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 415
    response = acme.post(URL, "{not json", content_type="application/json")
    assert response.status_code == 400 and response.json()["error"]["code"] == "parse_error"
    assert response.json()["errors"] == [response.json()["error"]]  # as the schema says every 400 here has


def test_the_schema_documents_sending_an_adoption(api):
    schema = api.get(reverse("api:schema"), {"format": "json"}).json()
    operation = schema["paths"]["/api/v1/adoptions/"]["post"]
    assert operation["operationId"] == "adoptions_create"
    assert {"201", "400", "401", "403", "409"} <= set(operation["responses"])
    assert schema["components"]["schemas"]["AdoptionSubmissionRequest"]["additionalProperties"] is False
    assert "get" in schema["paths"]["/api/v1/adoptions/"]


def test_a_suppliers_platform_cannot_start_a_formula_in_the_adoption_downloads(acme, admin_client, pattern_index):
    """A key holder's hostile ``platform`` reaches the editors' CSV and XLSX downloads as inert text."""
    from tests.spreadsheets import HOSTILE, assert_inert, csv_cells, xlsx_cells

    sent = []
    for value in HOSTILE.values():
        page = factories.ServicePatternPageFactory(parent=pattern_index)
        response = acme.post(URL, submission(page, platform=value), format="json")
        assert response.status_code == 201, response.content
        sent.append(response.json()["platform"])
    index = reverse("adoption:index")
    assert_inert(csv_cells(admin_client.get(index, {"export": "csv"})), *sent)
    assert_inert(xlsx_cells(admin_client.get(index, {"export": "xlsx"})), *sent)


def test_control_characters_are_stripped_from_a_sent_adoption(acme, pattern_page):
    """Text fields of the JSON body lose their control characters (escaped or not) before they are stored."""
    body = submission(pattern_page, platform="Acme\x01 Forms", local_variations="Two\x0b proofs\nof address")
    response = acme.post(URL, body, format="json")
    assert response.status_code == 201, response.content
    adoption = Adoption.objects.get()
    assert (adoption.platform, adoption.local_variations) == ("Acme Forms", "Two proofs\nof address")
    assert response.json()["platform"] == "Acme Forms"


def test_a_duplicate_that_slips_past_the_check_is_a_conflict_not_a_server_error(acme, pattern_page, monkeypatch):
    """When another request inserts the same adoption between the check and the insert, the answer is the 409."""
    from contributions.models import AdoptionQuerySet

    first = acme.post(URL, submission(pattern_page), format="json").json()
    real_clash, calls = AdoptionQuerySet.clash, []

    def clash_not_yet_visible(self, *args, **kwargs):
        calls.append(args)
        return None if len(calls) == 1 else real_clash(self, *args, **kwargs)

    monkeypatch.setattr(AdoptionQuerySet, "clash", clash_not_yet_visible)
    response = acme.post(URL, submission(pattern_page), format="json")
    assert response.status_code == 409, response.content
    assert response.json()["error"] == {
        "code": "already_recorded",
        "message": f"Essex already has an adoption of '{pattern_page.title}' (adoption {first['id']}).",
        "field": "pattern",
    }
    assert Adoption.objects.count() == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent transactions need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_concurrent_duplicate_adoptions_make_one_201_and_409s(supplier, pattern_page):
    """Eight simultaneous POSTs of one adoption: one is recorded, every other answer is a 409, none a 500."""
    from rest_framework.test import APIClient

    start, statuses = threading.Barrier(8), []

    def send():
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {supplier[1]}")
        start.wait(10)
        statuses.append(client.post(URL, submission(pattern_page), format="json").status_code)
        connection.close()

    threads = [threading.Thread(target=send) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(statuses) == [201] + [409] * 7
    assert Adoption.objects.count() == 1


def test_a_deeply_nested_body_is_a_400_in_the_apis_shape(acme):
    """A body nested 100,000 deep is refused with the parse error and its errors list, not a server error."""
    response = acme.post(URL, "[" * 100_000 + "]" * 100_000, content_type="application/json")
    assert response.status_code == 400
    body = response.json()
    assert body["error"]["code"] == "parse_error" and "nested more than 64 levels" in body["error"]["message"]
    assert body["errors"] == [body["error"]]
    response = acme.post(URL, {"council": [[[[["E10000012"]]]]]}, format="json")  # shallow: the usual 400
    assert response.status_code == 400 and response.json()["errors"]


def test_the_parser_refuses_what_recursion_cannot_parse(monkeypatch):
    """Should a deep body reach DRF's parser, the recursion error becomes a parse error (a 400), not a 500."""
    import io
    import json

    from rest_framework.exceptions import ParseError

    from api.parsers import JSONParser

    def recursion(*args, **kwargs):
        raise RecursionError

    monkeypatch.setattr(json, "load", recursion)
    with pytest.raises(ParseError):
        JSONParser().parse(io.BytesIO(b"[[]]"), parser_context={})
