"""The API's own error messages in Welsh when the client asks for Welsh (Accept-Language: cy), in English
otherwise; the error's code and field stay the same in every language (issue 20)."""

import pytest


@pytest.mark.parametrize(
    ("path", "field", "english", "welsh"),
    [
        ("/api/v1/patterns/?colour=blue", "colour", "is not a parameter of this endpoint", "yn baramedr"),
        ("/api/v1/patterns/?limit=abc", "limit", "is not a limit", "yn derfyn"),
        ("/api/v1/patterns/?ordering=colour", "ordering", "is not an ordering", "yn drefn"),
        ("/api/v1/patterns/?fields=colour", "fields", "Unknown fields", "Meysydd anhysbys"),
        ("/api/v1/changes/?since=abc", "since", "is not a cursor from this feed", "yn gyrchwr"),
        ("/api/v1/patterns/?limit=1&limit=2", "limit", "give it once", "rhowch ef unwaith"),
        ("/api/v1/patterns/?service=abc", "service", "is not an LGSL code", "yn god LGSL"),
        ("/api/v1/assessments/?point=nonsense", "point", "is not a standard point", "yn bwynt safon"),
        ("/api/v1/patterns/?updated_since=yesterday", "updated_since", "is not an ISO 8601", "yn ddyddiad"),
    ],
)
def test_parameter_errors_follow_the_clients_language(client, home_page, path, field, english, welsh):
    in_english = client.get(path, HTTP_ACCEPT_LANGUAGE="en")
    in_welsh = client.get(path, HTTP_ACCEPT_LANGUAGE="cy")
    assert in_english.status_code == in_welsh.status_code == 400
    english_error, welsh_error = in_english.json()["error"], in_welsh.json()["error"]
    assert english in english_error["message"] and welsh not in english_error["message"]
    assert welsh in welsh_error["message"] and english not in welsh_error["message"]
    assert english_error["code"] == welsh_error["code"] and english_error["field"] == welsh_error["field"] == field


def test_the_api_404_is_welsh_too(client, db):
    assert (
        client.get("/api/v1/no-such-thing/", HTTP_ACCEPT_LANGUAGE="cy").json()["error"]["message"] == "Heb ei ganfod."
    )
    assert client.get("/api/v1/no-such-thing/").json()["error"]["message"] == "Not found."
