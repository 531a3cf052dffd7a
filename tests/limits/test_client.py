"""Who a request comes from: X-Forwarded-For only from trusted proxies, and the same answer for every limit."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from limits.client import client_ip

LOAD_BALANCER = "10.0.0.5"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def ip(remote_addr, forwarded=None):
    meta = {"REMOTE_ADDR": remote_addr}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_ip(RequestFactory().get("/", **meta))


def test_without_trusted_proxies_the_header_is_ignored(settings):
    """By default the connecting address is the client, whatever X-Forwarded-For says."""
    settings.TRUSTED_PROXIES = []
    assert ip("198.51.100.7", "203.0.113.1") == "198.51.100.7"


def test_a_header_from_an_untrusted_peer_is_ignored(settings):
    """A client connecting directly cannot name another address, even with proxies configured."""
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert ip("198.51.100.7", "203.0.113.1") == "198.51.100.7"


@pytest.mark.parametrize(
    ("forwarded", "client"),
    [
        ("203.0.113.1", "203.0.113.1"),  # what the load balancer saw
        ("1.2.3.4, 203.0.113.1", "203.0.113.1"),  # the client's own header, then the balancer's hop
        ("1.2.3.4,203.0.113.1, 10.0.0.9", "203.0.113.1"),  # two trusted proxies in the chain
        ("not-an-address, 203.0.113.1", "203.0.113.1"),
        ("203.0.113.1:51234", "203.0.113.1"),  # some balancers add the port
        ("[2001:db8:1:2:aaaa::1]:443", "2001:db8:1:2::"),
        ("::ffff:203.0.113.1", "203.0.113.1"),
        ("", LOAD_BALANCER),  # no header: the proxy itself
        ("10.0.0.9, rubbish", LOAD_BALANCER),  # a trusted proxy passed on nonsense: stop at that proxy
    ],
)
def test_behind_a_trusted_proxy_the_right_most_untrusted_hop_is_the_client(settings, forwarded, client):
    """Each proxy appends what it saw, so the header is read from the right, past the trusted proxies."""
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert ip(LOAD_BALANCER, forwarded) == client


def test_ipv6_clients_are_counted_by_their_64(settings):
    """Every address in one /64 (what one subscriber is usually given) is one client."""
    settings.TRUSTED_PROXIES = []
    assert ip("2001:db8:1:2::1") == ip("2001:db8:1:2:ffff:ffff:ffff:ffff") == "2001:db8:1:2::"
    assert ip("2001:db8:1:3::1") != ip("2001:db8:1:2::1")


def test_no_address_is_unknown():
    """A request without REMOTE_ADDR (or with nonsense in it) is one 'unknown' client, not an error."""
    assert ip("") == ip("nonsense") == "unknown"


def test_trusted_proxies_come_from_the_environment(monkeypatch):
    """TRUSTED_PROXIES=10.0.0.0/8,192.0.2.7 in the environment configures the setting."""
    import importlib

    from cms.settings import base

    monkeypatch.setenv("TRUSTED_PROXIES", "10.0.0.0/8, 192.0.2.7")
    try:
        assert importlib.reload(base).TRUSTED_PROXIES == ["10.0.0.0/8", "192.0.2.7"]
    finally:
        monkeypatch.delenv("TRUSTED_PROXIES")
        importlib.reload(base)


# The same identity in every limit: rotating X-Forwarded-For escapes none of them, and behind a trusted proxy
# each client behind it has its own allowance. The contribute form's is in tests/contributions/test_contribute.py,
# the login lockout's in tests/cms/test_login_paths.py.


def rotating(number):
    return {"HTTP_X_FORWARDED_FOR": f"203.0.113.{number % 250}, 198.18.{number // 250}.{number % 250}"}


@pytest.mark.django_db
def test_api_limit_holds_when_the_header_rotates(client, settings):
    """65 anonymous API requests from one address with a new X-Forwarded-For each: the 61st on are refused."""
    settings.API_THROTTLE_RATES = {"anon": "60/min", "key": "1200/min"}
    statuses = [
        client.get("/api/v1/services/", REMOTE_ADDR="198.51.100.7", **rotating(n)).status_code for n in range(65)
    ]
    assert statuses == [200] * 60 + [429] * 5


@pytest.mark.django_db
def test_api_limit_behind_a_trusted_proxy_is_per_client(client, settings):
    """Behind the load balancer, each client it names has its own allowance; the header cannot add more."""
    settings.API_THROTTLE_RATES = {"anon": "3/min", "key": "1200/min"}
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]

    def get(forwarded):
        return client.get("/api/v1/services/", REMOTE_ADDR=LOAD_BALANCER, HTTP_X_FORWARDED_FOR=forwarded).status_code

    assert [get(f"{n}.{n}.{n}.{n}, 203.0.113.1") for n in range(1, 5)] == [200, 200, 200, 429]
    assert get("203.0.113.2") == 200


@pytest.mark.django_db
def test_feedback_limit_holds_when_the_header_rotates(client, pattern_page, settings):
    """Feedback counts the connecting address, not the header the client sent."""
    from contributions.models import Feedback

    settings.CONTRIBUTIONS_RATE_LIMITS = {**settings.CONTRIBUTIONS_RATE_LIMITS, "feedback_per_ip": (3, 3600)}
    statuses = [
        client.post(
            "/feedback/", {"page": pattern_page.pk, "useful": "yes"}, REMOTE_ADDR="198.51.100.7", **rotating(n)
        ).status_code
        for n in range(5)
    ]
    assert statuses == [302, 302, 302, 429, 429]
    assert Feedback.objects.count() == 3
