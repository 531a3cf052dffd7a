"""Site-wide request bounds: JSON nesting for every JSON endpoint, and the length of every admin search."""

import pytest
from django.urls import reverse

from cms.middleware import ADMIN_SEARCH_MAX_WORDS
from pattern_pages.text import json_too_deep
from tests import factories

DEEP = "[" * 100_000 + "]" * 100_000


def test_nesting_is_measured_outside_strings():
    """Brackets inside strings do not count; 64 levels pass, 65 do not."""
    assert not json_too_deep("[" * 64 + "]" * 64)
    assert json_too_deep("[" * 65 + "]" * 65)
    assert not json_too_deep('{"a": "' + "[" * 500 + '"}')
    assert not json_too_deep('["\\"' + "[" * 500 + '"]')


def test_the_admins_json_endpoint_refuses_a_deep_body(admin_client):
    """Wagtail's own JSON endpoint (dismissibles) answers 400 to a deep body instead of a server error."""
    url = reverse("wagtailadmin_dismissibles")
    response = admin_client.patch(url, DEEP, content_type="application/json")
    assert response.status_code == 400
    assert "nested more than 64 levels" in response.content.decode()
    assert admin_client.patch(url, '{"tip": true}', content_type="application/json").status_code == 200


SEARCHES = [
    ("wagtailadmin_pages:search", {}),
    ("wagtailsnippets_pattern_pages_council:list", {}),
    ("wagtailsnippets_pattern_pages_service:list", {}),
    ("wagtailimages:index", {}),
    ("wagtaildocs:index", {}),
    ("wagtailusers_users:index", {}),
    ("contribution:index", {}),
    ("adoption:index", {}),
    ("feedback:index", {}),
    ("wagtailadmin_choose_page", {}),
    ("wagtailredirects:index", {}),
    ("wagtailadmin_reports:site_history", {}),
]


@pytest.mark.parametrize("name", [name for name, _kwargs in SEARCHES])
def test_every_admin_search_box_refuses_a_search_longer_than_it_can_take(admin_client, home_page, name):
    """150 words (the "a OR b OR …" search that overflowed PostgreSQL's backend) get a 400 saying what to do."""
    url = reverse(name)
    words = " OR ".join(f"term{number}" for number in range(75))
    response = admin_client.get(url, {"q": words})
    assert response.status_code == 400
    html = response.content.decode()
    assert f"Search for at most {ADMIN_SEARCH_MAX_WORDS} words" in html and "this search has 149 words" in html
    ordinary = " ".join(["bins"] * ADMIN_SEARCH_MAX_WORDS)
    assert admin_client.get(url, {"q": ordinary}).status_code == 200


def test_a_long_search_is_refused_on_every_backend_before_it_runs(admin_client, db):
    """Also 256 characters in a few words: the search never reaches the backend."""
    factories.CouncilFactory(name="Essex")
    response = admin_client.get(reverse("wagtailadmin_pages:search"), {"q": "x" * 256})
    assert response.status_code == 400
