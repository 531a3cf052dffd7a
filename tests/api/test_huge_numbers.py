"""A number too large for any database row, in any path segment or query parameter of the API, is a 400
or a 404 in the API's error shape, never a 500 (issue 14: ``OverflowError: Python int too large to convert
to SQLite INTEGER`` on ``/api/v1/patterns/<40 digits>/`` and on list filters).

The operations and their parameters are read from the schema and the routes from the URL conf, so a new
route or parameter is covered without anyone remembering to add it here."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import IntConverter

from contributions.models import AdoptionStatus
from pattern_pages.numbers import MAX_STORED_INTEGER, NumberConverter
from tests import factories

# 40 digits (what the fuzz test found), one past the largest 64-bit integer, and more digits than Python reads.
HUGE_NUMBERS = ["9" * 40, str(MAX_STORED_INTEGER + 1), "1" * 5000]
PROJECT_APPS = ("api", "assessments", "cms", "contributions", "editorial", "pattern_pages", "search")


@pytest.fixture
def library(school_pattern, bins_pattern, school_process, school_service, essex, kent, make_assessment):
    """Something behind every list, so that filters, offsets and cursors reach the database."""
    make_assessment(essex, school_service, school_pattern, {5: "met"})
    adoption = factories.AdoptionFactory(council=kent, pattern=school_pattern, status=AdoptionStatus.LIVE)
    adoption.services.set([school_service])


@pytest.fixture(autouse=True)
def no_rate_limit(settings):
    """Each test sends a few hundred requests from one address."""
    settings.API_THROTTLE_RATES = {"anon": None, "key": None}


@pytest.fixture
def schema(api, db):
    return api.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()


def get_operations(schema):
    for template, operations in schema["paths"].items():
        if "get" in operations:
            yield template, operations["get"].get("parameters", [])


def assert_refused(response, field=None, numeric=True):
    assert response.status_code in (400, 404), (response.status_code, response.content[:300])
    error = response.json()["error"]
    assert set(error) == {"code", "message", "field"}
    if response.status_code == 400 and field:
        assert error["field"] == field, error
    if numeric:
        assert "9999999999999999999999999" not in error["message"], "the message repeats the whole number"


def is_numeric(parameter):
    schema = parameter.get("schema", {})
    return schema.get("type") == "integer" or schema.get("items", {}).get("type") == "integer"


def test_a_huge_number_in_any_path_segment_is_a_404(api, library, schema):
    """/api/v1/patterns/<40 digits>/ and every other detail route: the API's JSON 404, not a 500."""
    tried = []
    for template, parameters in get_operations(schema):
        for parameter in parameters:
            if parameter["in"] == "path":
                for number in HUGE_NUMBERS:
                    url = template.replace("{" + parameter["name"] + "}", number)
                    assert_refused(api.get(url))
                tried.append(template)
    assert {"/api/v1/patterns/{id}/", "/api/v1/processes/{id}/", "/api/v1/adoptions/{id}/"} <= set(tried)
    assert len(tried) >= 12


@pytest.mark.parametrize("number", HUGE_NUMBERS[:2], ids=["40-digits", "2**63"])
def test_a_huge_number_in_any_query_parameter_is_never_a_server_error(api, library, schema, number):
    """Every query parameter of every operation, given a huge number: an integer parameter is a 400 naming
    it; any other answers as for any text (200, or a 400/404 in the error shape), never a 500."""
    numeric = 0
    for template, parameters in get_operations(schema):
        path = template
        for parameter in parameters:
            if parameter["in"] == "path":
                path = path.replace("{" + parameter["name"] + "}", "1")
        for parameter in parameters:
            if parameter["in"] != "query":
                continue
            name = parameter["name"]
            response = api.get(path, {name: number})
            assert response.status_code < 500, (path, name, response.status_code)
            if is_numeric(parameter):
                numeric += 1
                if "{" not in template:  # a detail route may 404 before reading its parameters
                    assert response.status_code == 400, (path, name, response.status_code)
                assert_refused(response, field=name)
            elif response.status_code != 200:
                assert_refused(response, field=name, numeric=False)
    assert numeric >= 25  # limit, offset, service (LGSL codes), page and page_size at least


@pytest.mark.parametrize(
    "url, field",
    [
        ("/api/v1/processes/?council={n}", None),
        ("/api/v1/patterns/?service={n}", "service"),
        ("/api/v1/patterns/?service=524,{n}", "service"),
        ("/api/v1/assessments/?service={n}", "service"),
        ("/api/v1/adoptions/?service={n}", "service"),
        ("/api/v1/assessments/?point=govuk-service-standard:{n}", "point"),
        ("/api/v1/patterns/?offset={n}", "offset"),
        ("/api/v1/changes/?since={n}", "since"),
        ("/api/v1/search/?page={n}", "page"),
        ("/api/v1/search/?page_size={n}", "page_size"),
    ],
)
def test_the_parameters_the_fuzz_test_found_are_refused_by_name(api, library, url, field):
    """The cases from the issue and the first fuzz runs: a 400 naming the parameter (a GSS code is text, so a
    council that has none of these is an empty list)."""
    response = api.get(url.format(n="9" * 40))
    if field is None:
        assert response.status_code == 200 and response.json()["results"] == []
    else:
        assert_refused(response, field=field)
        assert response.status_code == 400


def test_the_largest_stored_integer_is_still_a_number(api, library):
    """The range check refuses only what no row can hold: 2**63 - 1 is a plain 'not found' or empty list."""
    largest = str(MAX_STORED_INTEGER)
    assert api.get(f"/api/v1/patterns/{largest}/").status_code == 404
    assert api.get(f"/api/v1/patterns/?service={largest}").json()["results"] == []
    assert api.get(f"/api/v1/changes/?since={largest}").json()["results"] == []
    assert api.get(f"/api/v1/patterns/?offset={largest}").json()["results"] == []


def test_a_huge_lgsl_code_in_the_site_address_is_the_not_found_page(client, home_page):
    """The public service pages read the LGSL code with the same converter: /services/<40 digits>/ is a 404."""
    assert client.get(f"/services/{'9' * 40}/").status_code == 404
    assert client.get(f"/services/{'9' * 40}/some-slug/").status_code == 404


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_huge_number_in_a_password_form_address_is_the_not_found_page(client, home_page, method):
    """The private page's and private collection's password forms read their ids with the same converter."""
    huge = "9" * 40
    for url in (
        f"/_util/authenticate_with_password/{huge}/{home_page.pk}/",
        f"/documents/authenticate_with_password/{huge}/",
    ):
        assert getattr(client, method)(url, {"password": "x"}).status_code == 404, url


def test_a_huge_number_in_an_adoption_sent_by_a_supplier_is_a_400(api, library, essex):
    """A supplier's body naming a 40-digit LGSL code is a 400 naming ``services``."""
    from django.contrib.auth import get_user_model

    from api.models import ApiKey

    key, raw = ApiKey.create_for(get_user_model().objects.create_user("supplier"), "Supplier")
    key.councils.add(essex)
    response = api.post(
        "/api/v1/adoptions/",
        {"council": essex.gss_code, "pattern": "apply-for-a-school-place", "services": [int("9" * 40)]},
        format="json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert response.status_code == 400
    assert response.json()["error"]["field"].startswith("services")


def walk(resolver, prefix=""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from walk(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry


def test_no_public_route_reads_a_number_without_the_range_check():
    """Every number in a path of the API and the public site goes through the ``number`` converter, which
    refuses what no row can hold; Django's ``int`` converter does not. (The admin's routes are Wagtail's,
    behind a login, and look ids up with plain ``pk=`` lookups, which Django range-checks itself.)"""
    ours, unchecked = [], []
    for route, entry in walk(get_resolver()):
        module = getattr(entry.callback, "__module__", "") or ""
        if not module.startswith(PROJECT_APPS) or route.startswith(("admin/", "django-admin/")):
            continue
        converters = entry.pattern.converters.values()
        if any(isinstance(converter, NumberConverter) for converter in converters):
            ours.append(route)
        if any(isinstance(converter, IntConverter) for converter in converters):
            unchecked.append(route)
    assert not unchecked, f"routes reading a number with Django's int converter: {unchecked}"
    assert any("v1/patterns/" in route for route in ours) and any("services/" in route for route in ours)
