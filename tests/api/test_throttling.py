"""Rate limits: anonymous per IP, keyed per key, 429 with Retry-After."""

import pytest
from django.contrib.auth import get_user_model

from .conftest import key_for


@pytest.fixture
def low_rates(settings):
    settings.API_THROTTLE_RATES = {"anon": "3/min", "key": "5/min"}


def test_anonymous_limit_per_ip(api, db, low_rates):
    """The fourth anonymous request in a minute from one IP is a 429 with Retry-After."""
    for _ in range(3):
        assert api.get("/api/v1/services/").status_code == 200
    response = api.get("/api/v1/services/")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert response.json()["error"]["code"] == "throttled"
    # Another IP has its own allowance.
    assert api.get("/api/v1/services/", REMOTE_ADDR="10.0.0.9").status_code == 200


def test_key_has_its_own_higher_limit(api, db, low_rates):
    """A keyed client is counted per key, at the keyed rate, apart from anonymous traffic."""
    user = get_user_model().objects.create_user(username="acme", password="x")
    _key, raw_key = key_for(user)
    for _ in range(3):
        api.get("/api/v1/services/")
    assert api.get("/api/v1/services/").status_code == 429
    auth = {"HTTP_AUTHORIZATION": f"Bearer {raw_key}"}
    for _ in range(5):
        assert api.get("/api/v1/services/", **auth).status_code == 200
    assert api.get("/api/v1/services/", **auth).status_code == 429


def test_default_rates(settings):
    """By default anonymous clients get 60 requests a minute and keys 1,200."""
    from api.throttling import AnonThrottle, KeyThrottle

    assert AnonThrottle().get_rate() == "60/min"
    assert KeyThrottle().get_rate() == "1200/min"


def test_a_rate_of_none_means_no_limit(api, db, settings):
    """A deployment (or a load test) may switch a limit off with None."""
    settings.API_THROTTLE_RATES = {"anon": None, "key": None}
    statuses = {api.get("/api/v1/services/").status_code for _ in range(70)}
    assert statuses == {200}
