import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories


def served(client, url, **headers):
    """(html, queries) of a 200 answer to ``url``."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    assert response.status_code == 200, response.status_code
    return response.content.decode(), len(queries)


def nonces(response):
    """The nonce in the CSP header and the nonces on the page's script tags."""
    header = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    return header, set(re.findall(r'<script[^>]*nonce="([^"]+)"', response.content.decode()))


def test_a_page_read_again_is_answered_from_the_cache(client, pattern_page):
    """The second anonymous reader of a pattern page gets the same page for one query (the library version)."""
    first, rendering = served(client, pattern_page.url)
    again, queries = served(client, pattern_page.url)
    assert queries == 1 < rendering
    strip = re.compile(r'nonce="[^"]+"')
    assert strip.sub("", again) == strip.sub("", first)


def test_a_kept_page_carries_the_nonce_of_its_own_request(client, pattern_page):
    """Two answers from the cache carry different nonces, each the one in their CSP header."""
    responses = [client.get(pattern_page.url) for _ in range(3)]
    found = [nonces(response) for response in responses]
    for header, on_page in found:
        assert on_page == {header}
    assert len({header for header, _on_page in found}) == 3


@pytest.mark.parametrize(
    "url",
    ["/services/", "/councils/", "/life-events/", "/pattern-types/", "/cookies/", "/"],
)
def test_public_views_are_kept(client, home_page, url):
    """The service, council, life event and pattern type lists, the cookies page and Wagtail's pages are kept."""
    served(client, url)
    assert served(client, url)[1] == 1


def test_search_is_never_kept(client, home_page):
    """Search results (any query) are rendered for each request."""
    served(client, "/search/?q=bins")
    assert served(client, "/search/?q=bins")[1] > 1


def test_readers_with_a_session_are_not_answered_from_the_cache(client, admin_user, pattern_page):
    """A signed-in editor's pages are rendered for them, never kept nor answered from what others were shown."""
    served(client, pattern_page.url)
    client.force_login(admin_user)
    assert served(client, pattern_page.url)[1] > 1
    client.logout()
    client.cookies.clear()
    assert served(client, pattern_page.url)[1] == 1


def test_addresses_languages_and_queries_are_kept_apart(client, pattern_index, pattern_page):
    """The query string and the language are part of the key."""
    english, _queries = served(client, pattern_index.url)
    filtered, queries = served(client, pattern_index.url + "?type=none")
    assert queries > 1
    welsh, queries = served(client, "/cy" + pattern_index.url)
    assert queries > 1 and 'lang="cy"' in welsh and 'lang="en"' in english


def test_the_contribute_form_is_not_kept(client, home_page):
    """A form for this reader (it sets a cookie) is rendered for each request."""
    assert client.get("/contribute/").cookies
    client.cookies.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/contribute/").status_code == 200
    assert len(queries) > 1


def test_a_page_holding_a_csrf_token_or_setting_a_cookie_is_not_kept(rf):
    """Whatever view it comes from, a page with this reader's CSRF token or a cookie of theirs is not kept."""
    from django.http import HttpResponse

    from cms.page_cache import storable

    request = rf.get("/")
    request._page_cache_view = True
    assert storable(request, HttpResponse("<p>page</p>"))
    with_cookie = HttpResponse("<p>page</p>")
    with_cookie.set_cookie("messages", "x")
    assert not storable(request, with_cookie)
    private = HttpResponse("<p>page</p>", headers={"Cache-Control": "private"})
    assert not storable(request, private)
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    assert not storable(request, HttpResponse("<p>page</p>"))


# Changes show at once: each goes up the library version, so the next reader asks under a new key.


def test_publishing_shows_at_once(client, pattern_page):
    """A new revision published is on the next answer."""
    served(client, pattern_page.url)
    pattern_page.title = "Report a pothole"
    pattern_page.save_revision().publish()
    assert "Report a pothole" in served(client, pattern_page.url)[0]


def test_unpublishing_shows_at_once(client, pattern_page):
    """An unpublished page is gone from the next answer."""
    served(client, pattern_page.url)
    pattern_page.unpublish()
    assert client.get(pattern_page.url).status_code == 404


def test_a_taxonomy_edit_shows_at_once(client, pattern_page):
    """A pattern type renamed is renamed on the pattern pages of that type."""
    served(client, pattern_page.url)
    pattern_type = pattern_page.pattern_type
    pattern_type.name = "Request something"
    pattern_type.save()
    assert "Service pattern: Request something" in served(client, pattern_page.url)[0]


def test_an_adoption_approved_shows_at_once(client, pattern_page):
    """An adoption approved by an editor is listed on the pattern page next time it is read."""
    adoption = factories.AdoptionFactory(
        pattern=pattern_page, is_approved=False, council__official_name="Essex County Council"
    )
    assert "Essex County Council" not in served(client, pattern_page.url)[0]
    adoption.is_approved = True
    adoption.save()
    assert "Essex County Council" in served(client, pattern_page.url)[0]


def test_an_assessment_published_shows_at_once(client, council, service, pattern_page, make_assessment):
    """An assessment published through the workflow is on the council's page next time it is read."""
    assessment = make_assessment(council, service, pattern_page, {}, live=False)
    url = f"/councils/{council.gss_code}/"
    assert "Service assessments" not in served(client, url)[0]
    assessment.save_revision().publish()
    assert "Service assessments" in served(client, url)[0]
