"""The site's "API" links lead suppliers to a page about the API, and /api/v1/ lists the resources (issue 14)."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def api_links(html):
    """The hrefs of the header's "API" link and the footer's "API for suppliers" link."""
    header = re.findall(r'<a class="govuk-service-navigation__link" href="([^"]+)"[^>]*>(?:<strong[^>]*>)?API<', html)
    footer = re.findall(r'<a class="govuk-footer__link" href="([^"]+)">API for suppliers</a>', html)
    return header + footer


def test_header_and_footer_api_links_lead_to_the_landing_page(client, home_page):
    response = client.get("/")
    links = api_links(response.content.decode())
    assert len(links) == 2, links
    for href in links:
        page = client.get(href)
        assert page.status_code == 200, href
        assert page["Content-Type"].startswith("text/html")
        assert "<h1" in page.content.decode()


def test_landing_page_says_what_the_api_offers(client, home_page):
    response = client.get("/api/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en"' in html
    for href in [
        reverse("api:docs"),
        reverse("api:docs-swagger"),
        reverse("api:schema"),
        reverse("api:index"),
        reverse("api:changes"),
    ]:
        assert f'href="{href}' in html, href
    # Getting a key, webhooks and the generated client are explained in words.
    for words in ["API key", "Authorization: Bearer", "Webhooks", "openapi-python-client", "X-Webhook-Signature"]:
        assert words in html, words
    # Every link on the page to the site itself answers.
    for href in set(re.findall(r'href="(/api/[^"#]*)"', html)):
        assert client.get(href).status_code == 200, href


def test_landing_page_is_the_public_sites_html_not_the_api_404(client, home_page):
    """Before: /api/v1/ and /api/ were the API's JSON 404."""
    assert client.get("/api/")["Content-Type"].startswith("text/html")
    # An unknown address under /api/ is still the API's JSON 404.
    missing = client.get("/api/v1/no-such-thing/")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


def test_v1_index_lists_every_resource_with_its_absolute_address(client, home_page, settings):
    settings.SITE_URL = "https://patterns.example.org"
    response = client.get("/api/v1/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    resources = body["resources"]
    expected = {
        "patterns",
        "processes",
        "services",
        "life-events",
        "pattern-types",
        "councils",
        "components",
        "standards",
        "assessments",
        "adoptions",
        "search",
        "changes",
    }
    assert set(resources) == expected
    for url in resources.values():
        assert url.startswith("https://patterns.example.org/api/v1/"), url
        path = url.removeprefix("https://patterns.example.org")
        assert client.get(path).status_code in (200, 400), path  # search without q= is a 400 naming q
    assert body["schema"] == "https://patterns.example.org/api/v1/schema/"
    assert body["docs"] == "https://patterns.example.org/api/v1/docs/"


def test_v1_index_refuses_an_unknown_parameter(client, db):
    response = client.get("/api/v1/?colour=blue")
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "colour"
