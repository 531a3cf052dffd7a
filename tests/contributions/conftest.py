import pytest
from django.core.cache import cache
from django.utils import translation

from tests import factories


@pytest.fixture(autouse=True)
def english():
    """Templates rendered outside a request use English, whatever an earlier request activated."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate-limit counters live in the cache: every test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def council(db):
    return factories.CouncilFactory(
        official_name="Essex County Council", name="Essex", website="https://www.essex.gov.uk"
    )


@pytest.fixture
def service(db):
    return factories.ServiceFactory(name="Report a missed bin collection", lgsl_code=524)


@pytest.fixture
def life_event(db):
    return factories.LifeEventFactory(name="Moving home", slug="moving-home")


@pytest.fixture
def answers(council, service, life_event):
    """Valid answers for every page of the contribute form, in order."""
    return [
        ("council", {"council": str(council.pk)}),
        (
            "your-details",
            {"contributor_name": "Jo Bloggs", "contributor_role": "Service designer", "email": "jo@essex.gov.uk"},
        ),
        ("service", {"service": str(service.pk), "service_name": ""}),
        ("steps", {"step_1": "Tell us the address", "step_2": "Choose the bin", "action": "continue"}),
        ("life-events", {"life_events": [str(life_event.pk)]}),
        ("systems", {"systems": "Firmstep forms, Whitespace", "live_url": "https://www.essex.gov.uk/missed-bin"}),
        ("share", {"would_share_process": "yes"}),
    ]


@pytest.fixture
def fill_in(client, answers):
    """Answer every page of the form with ``client``; returns a function taking overrides per page."""

    def fill(**overrides):
        for slug, data in answers:
            data = {**data, **overrides.get(slug.replace("-", "_"), {})}
            response = client.post(f"/contribute/{slug}/", data)
            assert response.status_code == 302, (slug, response.content.decode()[:2000])
        return client

    return fill
