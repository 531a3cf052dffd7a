"""The public forms' limits hold when requests arrive together: parallel requests to a live server.

Before, the contribute and feedback views checked the limit, saved, then counted: 20 simultaneous
contributions from one address all passed the check (20 saved, 20 confirmation emails carrying the sender's
text), and 60 simultaneous feedback posts made 36 rows against a limit of 30. Each place counts can live is
tried: the test suite's local memory, Redis (as in production with REDIS_URL) and database rows (production
without it).
"""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from django.core import mail
from django.test import override_settings

from contributions.models import Contribution, Feedback
from tests.limits.test_counting import LOCAL, REDIS, REDIS_URL, redis_reachable

COUNTERS = [
    pytest.param(("limits.counting.CacheCounter", LOCAL), id="local-memory"),
    pytest.param(
        ("limits.counting.CacheCounter", REDIS),
        id="redis",
        marks=pytest.mark.skipif(not redis_reachable(), reason=f"no Redis at {REDIS_URL} (set TEST_REDIS_URL)"),
    ),
    pytest.param(("limits.counting.DatabaseCounter", LOCAL), id="database"),
]


@pytest.fixture(params=COUNTERS)
def counted_in(request, transactional_db, settings):
    name, default_cache = request.param
    with override_settings(LIMITS_COUNTER=name, CACHES={**settings.CACHES, "default": default_cache}):
        from django.core.cache import cache

        cache.clear()
        yield name
        cache.clear()


@pytest.fixture
def live_server(transactional_db, monkeypatch):
    """A live server whose socket queues every simultaneous connection (Python's default backlog is 5, past
    which Linux may reset a connection instead of waiting)."""
    from django.core.servers.basehttp import ThreadedWSGIServer
    from pytest_django.live_server_helper import LiveServer

    monkeypatch.setattr(ThreadedWSGIServer, "request_queue_size", 128)
    server = LiveServer("127.0.0.1:0")
    try:
        yield server
    finally:
        server.stop()


def all_at_once(count, send):
    """Call ``send(number)`` from ``count`` threads released together; return the answers' status codes."""
    start = threading.Barrier(count)

    def go(number):
        start.wait()
        return send(number)

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(go, range(count)))


def test_simultaneous_contributions_from_one_address(live_server, counted_in, answers, settings):
    """20 submissions at once from one address, allowed 3 an hour: 3 saved and 3 emails; the rest are 429."""
    settings.CONTRIBUTIONS_RATE_LIMITS = {**settings.CONTRIBUTIONS_RATE_LIMITS, "contribution_per_ip": (3, 3600)}
    sessions = []
    for number in range(20):
        session = requests.Session()
        for slug, data in answers:
            if slug == "your-details":
                data = {**data, "email": f"person{number}@essex.gov.uk"}
            session.get(f"{live_server.url}/contribute/{slug}/", timeout=60)
            token = session.cookies["csrftoken"]
            response = session.post(
                f"{live_server.url}/contribute/{slug}/",
                {**data, "csrfmiddlewaretoken": token},
                allow_redirects=False,
                timeout=60,
            )
            assert response.status_code == 302, (slug, response.text[:500])
        sessions.append(session)
    mail.outbox.clear()

    def send(number):
        session = sessions[number]
        url = f"{live_server.url}/contribute/check-answers/"
        token = session.cookies["csrftoken"]
        return session.post(url, {"csrfmiddlewaretoken": token}, allow_redirects=False, timeout=60).status_code

    statuses = all_at_once(20, send)
    assert sorted(statuses) == [302] * 3 + [429] * 17
    assert Contribution.objects.count() == 3
    assert len(mail.outbox) == 3


def test_simultaneous_feedback_from_one_address(live_server, counted_in, pattern_page, settings):
    """60 feedback answers at once from one address, allowed 30 an hour: exactly 30 rows; the rest are 429."""
    settings.CONTRIBUTIONS_RATE_LIMITS = {**settings.CONTRIBUTIONS_RATE_LIMITS, "feedback_per_ip": (30, 3600)}
    pattern_page.save_revision().publish()

    def send(number):
        data = {"page": pattern_page.pk, "useful": "yes" if number % 2 else "no"}
        return requests.post(f"{live_server.url}/feedback/", data, allow_redirects=False, timeout=60).status_code

    statuses = all_at_once(60, send)
    assert sorted(statuses) == [302] * 30 + [429] * 30
    assert Feedback.objects.count() == 30


def test_simultaneous_api_requests_from_one_address(live_server, counted_in, settings):
    """40 anonymous API requests at once, allowed 10 a minute: exactly 10 answered."""
    settings.API_THROTTLE_RATES = {"anon": "10/min", "key": "1200/min"}

    def send(number):
        headers = {"X-Forwarded-For": f"192.0.2.{number}"}  # rotating it changes nothing
        return requests.get(f"{live_server.url}/api/v1/services/", headers=headers, timeout=60).status_code

    statuses = all_at_once(40, send)
    assert sorted(statuses) == [200] * 10 + [429] * 30
