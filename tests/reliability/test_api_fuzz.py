"""Schemathesis against the live API: every operation in /api/v1/schema/, generated requests (valid and
invalid), on a real HTTP server with the demo library published. No 5xx, and every response matches the
schema (status code, content type, headers, body) and rejects what the schema says is invalid.

In `make test` the run is reproducible: FUZZ_EXAMPLES cases (default 1,000) from a fixed seed (FUZZ_SEED,
default below), derandomised, with no time budget, so every run sends the same requests and a failure is
found again by running the test again, however loaded the machine is. `make fuzz` and `make reliability`
set FUZZ_RANDOM=1: a new seed on every run (printed, so a failure can be replayed with FUZZ_SEED=<it>),
far more cases, and FUZZ_SECONDS bounding the run (the test then fails if fewer than FUZZ_MINIMUM ran).
"""

import math
import os
import random
import time
from collections import Counter

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, seed, settings
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import (
    negative_data_rejection,
    positive_data_acceptance,
    response_schema_conformance,
)

from api.models import ApiKey
from cms.demo import load_demo
from pattern_pages.models import ProcessPage, ServicePatternPage
from search.query import PAGE_SIZE, last_page

RANDOM = os.environ.get("FUZZ_RANDOM") == "1"
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "1000"))
# Random runs only: a time budget, and the fewest cases that must have run within it.
SECONDS = float(os.environ.get("FUZZ_SECONDS", "1800")) if RANDOM else math.inf
MINIMUM = int(os.environ.get("FUZZ_MINIMUM", str(min(EXAMPLES, 1000)))) if RANDOM else 0
FIXED_SEED = 20261201
SEED = int(os.environ.get("FUZZ_SEED") or (random.SystemRandom().randrange(2**32) if RANDOM else FIXED_SEED))

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo_library(db):
    summary = load_demo()
    assert ServicePatternPage.objects.live().exists() and ProcessPage.objects.live().exists()
    return summary


# Opaque tokens the API gave out: a list's ``cursor`` (which also cannot be combined with ``offset`` or
# ``ordering``) and the change feed's ``since``.
TOKENS = {"cursor", "since"}


def accepts_valid_data_except_cursors(ctx, response, case):
    """Schemathesis's ``positive_data_acceptance``, except for a 400 naming a cursor parameter.

    OpenAPI 3.1 can express neither a token's validity (it is not a pattern) nor a constraint across
    parameters, so a generated cursor is "schema-valid" yet rightly refused with a 400 naming it. Every
    other schema-valid request must be accepted.
    """
    if response.status_code == 400 and _error_field(response) in TOKENS:
        return None
    # PostgreSQL text cannot hold NUL, so every NUL in a query is a 400 naming the parameter
    # (cms.middleware); JSON Schema has no way to say "any string but NUL" short of a pattern on every one.
    values = [item for value in (case.query or {}).values() for item in (value if isinstance(value, list) else [value])]
    if response.status_code == 400 and any("\x00" in str(item) for item in values):
        return None
    # The search shows its first MAX_RESULTS results only: ``page`` past ``last_page(page_size)`` is refused
    # naming ``page``, a limit across two parameters that the schema can only state in words.
    if (
        response.status_code == 400
        and case.path.endswith("/search/")
        and _error_field(response) == "page"
        and past_the_last_page(case.query or {})
    ):
        return None
    # A body may name a council, page or service that does not exist, or neither a pattern nor a process:
    # a schema can say what a GSS code or slug looks like, not that one exists, nor "one of these two".
    codes = _error_codes(response) if response.status_code == 400 and case.method == "POST" else set()
    if codes and codes <= {"not_found", "required"}:
        return None
    return positive_data_acceptance(ctx, response, case)


def past_the_last_page(query):
    """Whether a search's ``page`` is past the last page its ``page_size`` can show (``search.query.last_page``)."""
    try:
        page, page_size = int(query.get("page", 1)), int(query.get("page_size", PAGE_SIZE))
    except (TypeError, ValueError):
        return False
    return page > last_page(page_size)


def conforms_and_holds_the_fields_asked_for(ctx, response, case):
    """The response matches its schema, narrowed ones too; with ``fields=a,b`` each item holds exactly ``id``,
    ``a`` and ``b``.

    The items of an operation taking ``fields`` require only ``id`` in the schema (cms.openapi), so a narrowed
    answer is validated like any other; the check on top is that nothing asked for is missing and nothing
    else is sent (which the schema, whose other properties are optional, would not catch).
    """
    result = response_schema_conformance(ctx, response, case)
    asked = (case.query or {}).get("fields")
    json_ld = "ld+json" in (response.headers.get("content-type") or [""])[0]
    if asked is None or response.status_code != 200 or json_ld:  # JSON-LD is schema.org's shape, whole
        return result
    wanted = {name for value in (asked if isinstance(asked, list) else [asked]) for name in str(value).split(",")}
    body = response.json()
    items = body["results"] if isinstance(body, dict) and "results" in body else [body]
    for item in items:
        assert set(item) == wanted | {"id"}, f"asked for fields {sorted(wanted)}, got {sorted(item)}"
    return result


def rejects_invalid_data_except_empty_values(ctx, response, case):
    """Schemathesis's ``negative_data_rejection``, except when the invalid part is an empty value.

    Across the API an empty parameter (``?locale=``) means the parameter is absent, as in an HTML form
    (django-filter's rule); the schema's enums and formats describe the values that filter.
    """
    # A generated object or list can also go out empty: ``{"page": {}}`` is sent as ``?page=``.
    if 200 <= response.status_code < 300 and any(value in ("", [""], {}, []) for value in (case.query or {}).values()):
        return None
    return negative_data_rejection(ctx, response, case)


def _error_codes(response):
    """The codes of every problem a 400 lists, e.g. ``{"not_found"}`` (empty when it lists none)."""
    try:
        body = response.json()
        return {problem["code"] for problem in body.get("errors", [body["error"]])}
    except (ValueError, KeyError, TypeError, AttributeError):
        return {"unreadable"}


def _error_field(response):
    try:
        return response.json()["error"].get("field")
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def real_keys(base_url, operations):
    """Path parameters that name published items, read from each list's first entry, so that detail
    operations are tried on 200s and not only on 404s: ``{"/api/v1/patterns/{id}/": {"id": 12}, …}``."""
    keys = {}
    for operation in operations:
        names = [parameter.name for parameter in operation.path_parameters]
        if len(names) != 1:
            continue
        listing = operation.path.split("{")[0]
        response = requests.get(f"{base_url}{listing}", timeout=30)
        results = response.json().get("results") if response.ok else None
        if results:
            name = names[0]
            first = results[0]
            value = first.get(name, first.get("slug") if name in {"slug", "key"} else None)
            for field in ["lgsl_code", "gss_code", "slug", "id"]:
                if value is None and name == "key":
                    value = first.get(field)
            if value is not None:
                keys[operation.path] = {name: value}
    return keys


def test_every_operation_answers_within_its_schema(live_server, demo_library, record_figures):
    """Thousands of generated requests to every API operation: no 5xx, every response as the schema says."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(username="fuzz-supplier", password="not-used")
    _key, raw_key = ApiKey.create_for(user, "Fuzz supplier")
    schema = schemathesis.openapi.from_url(f"{live_server.url}/api/v1/schema/")
    schema.config.update(base_url=live_server.url)
    operations = [result.ok() for result in schema.get_all_operations()]
    fixed = real_keys(live_server.url, operations)
    assert len(fixed) >= 8, f"too few published items to try detail operations on: {fixed}"
    # Each operation is tried generated (positive and negative) and, when it has path parameters, also
    # with a real key; the budget is shared out evenly.
    runs = []
    for operation in operations:
        runs.append((operation, GenerationMode.POSITIVE, None))
        # An operation that takes nothing (GET /api/v1/) has no invalid request to generate.
        if any(len(part) for part in (operation.query, operation.path_parameters, operation.headers, operation.body)):
            runs.append((operation, GenerationMode.NEGATIVE, None))
        template = operation.path
        if template in fixed:
            runs.append((operation, GenerationMode.POSITIVE, fixed[template]))
    per_run = math.ceil(EXAMPLES / len(runs))
    session = requests.Session()
    tried = Counter()
    statuses = Counter()
    failures = []
    started = time.monotonic()

    def fuzz(strategy, mode, run_number):
        # Each run has its own seed drawn from SEED, so that adding an operation changes no other's cases.
        @seed(SEED * 1000 + run_number)
        @settings(
            max_examples=per_run,
            deadline=None,
            database=None,
            derandomize=not RANDOM,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=strategy)
        def check(case):
            if time.monotonic() - started > SECONDS:
                tried["skipped_for_time"] += 1
                return
            # A third of the requests carry an API key (a higher limit, the key's own permissions).
            headers = {"Authorization": f"Bearer {raw_key}"} if tried["cases"] % 3 == 2 else None
            response = case.call_and_validate(
                session=session,
                headers=headers,
                excluded_checks=[positive_data_acceptance, negative_data_rejection, response_schema_conformance],
                additional_checks=[
                    accepts_valid_data_except_cursors,
                    rejects_invalid_data_except_empty_values,
                    conforms_and_holds_the_fields_asked_for,
                ],
            )
            tried["cases"] += 1
            tried[mode.value] += 1
            statuses[response.status_code] += 1

        check()

    print(f"\nAPI fuzz: seed {SEED} ({'random' if RANDOM else 'fixed'}; replay with FUZZ_SEED={SEED})")  # noqa: T201
    for run_number, (operation, mode, path_parameters) in enumerate(runs):
        try:
            fuzz(operation.as_strategy(generation_mode=mode, path_parameters=path_parameters), mode, run_number)
        except (Exception, BaseExceptionGroup) as failure:  # every operation is tried; all failures are reported
            failures.append(
                f"{operation.label} ({mode.value}{', real key' if path_parameters else ''}, seed {SEED}): {failure}"
            )

    elapsed = round(time.monotonic() - started, 1)
    assert not failures, f"{len(failures)} operation(s) failed:\n\n" + "\n\n".join(failures)
    print(  # noqa: T201  the figure the issue asks for
        f"\nAPI fuzz: {tried['cases']} cases (seed {SEED}) over {len(operations)} operations in {elapsed}s "
        f"({tried['positive']} valid, {tried['negative']} invalid requests; statuses "
        f"{dict(sorted(statuses.items()))}), 0 server errors, 0 schema violations"
    )
    record_figures(
        "api_fuzz",
        {
            "cases": tried["cases"],
            "operations": len(operations),
            "valid_requests": tried["positive"],
            "invalid_requests": tried["negative"],
            "statuses": {str(k): v for k, v in sorted(statuses.items())},
            "seconds": elapsed,
            "seed": SEED,
            "random": RANDOM,
            "server_errors": 0,
            "schema_violations": 0,
        },
    )
    assert statuses[200] > 0, "no request was answered 200: the fuzz run tested only errors"
    if RANDOM:
        assert tried["cases"] >= MINIMUM, f"only {tried['cases']} cases in {SECONDS}s (at least {MINIMUM} wanted)"
    else:
        # Derandomised, every run tries the same cases; none is skipped for time.
        assert tried["skipped_for_time"] == 0 and tried["cases"] >= EXAMPLES // 2, dict(tried)
