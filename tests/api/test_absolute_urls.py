"""Every absolute URL the site gives out is on SITE_URL, whatever host a request arrived on (issue 14).

Before: API responses said ``http://localhost/…`` (Wagtail's Site record) or the request's own host (behind a
proxy, an internal address), while ``make run`` served 127.0.0.1:8000: every URL a supplier got was dead.
Each test asks through another host (``internal:8080``, as a proxy would forward) and expects SITE_URL.
"""

import re

import pytest
from wagtail.models import Site

from tests import factories

from .conftest import pattern_step

SITE = "https://patterns.example.org"
OTHER_HOST = {"HTTP_HOST": "internal:8080"}


@pytest.fixture
def site_url(settings, home_page):
    settings.SITE_URL = SITE
    return SITE


def absolute_urls(value):
    """Every string in a JSON value that looks like an absolute http(s) URL."""
    if isinstance(value, dict):
        return [url for item in value.values() for url in absolute_urls(item)]
    if isinstance(value, list):
        return [url for item in value for url in absolute_urls(item)]
    if isinstance(value, str):
        return re.findall(r"https?://[^\s\"'<>]+", value)
    return []


def assert_on_site(urls, *, outside=("https://design-system.service.gov.uk", "https://schema.org")):
    ours = [url for url in urls if not url.startswith(outside)]
    assert ours, "no absolute URL to check"
    wrong = [url for url in ours if not url.startswith(SITE + "/")]
    assert not wrong, f"not on SITE_URL: {wrong}"


def test_wagtail_site_record_follows_site_url(site_url):
    """After migrate (post_migrate) and load_demo (ensure_home_page), Wagtail's Site is on SITE_URL."""
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("patterns.example.org", 443, SITE)


def test_pattern_list_and_detail(api, site_url, school_pattern, bins_pattern):
    listing = api.get("/api/v1/patterns/?limit=1", **OTHER_HOST).json()
    assert listing["next"].startswith(f"{SITE}/api/v1/patterns/?")
    assert listing["results"][0]["url"] == f"{SITE}/patterns/apply-for-a-school-place/"
    assert listing["results"][0]["detail_url"] == f"{SITE}/api/v1/patterns/{school_pattern.pk}/"
    assert_on_site(absolute_urls(listing))
    cursor = api.get("/api/v1/patterns/?cursor=&limit=1", **OTHER_HOST).json()
    assert cursor["next"].startswith(f"{SITE}/api/v1/patterns/?")
    detail = api.get(f"/api/v1/patterns/{school_pattern.pk}/", **OTHER_HOST).json()
    assert_on_site(absolute_urls(detail))


def test_rich_text_and_related_page_links(api, site_url, pattern_index, bins_pattern):
    page = factories.ServicePatternPageFactory(
        parent=pattern_index,
        steps=[pattern_step("Tell us", guidance=f'<p>See <a linktype="page" id="{bins_pattern.pk}">bins</a></p>')],
        related=[("pattern", bins_pattern)],
    )
    page.save_revision().publish()
    data = api.get(f"/api/v1/patterns/{page.pk}/", **OTHER_HOST).json()
    assert f'href="{SITE}/patterns/report-a-missed-bin/"' in data["steps"][0]["value"]["content_guidance"]
    assert data["related"][0]["value"]["url"] == f"{SITE}/patterns/report-a-missed-bin/"


def test_jsonld_ids(api, site_url, school_pattern, school_service):
    pattern = api.get(f"/api/v1/patterns/{school_pattern.pk}/?format=jsonld", **OTHER_HOST).json()
    assert pattern["@id"] == pattern["url"] == f"{SITE}/patterns/apply-for-a-school-place/"
    service = api.get("/api/v1/services/13/?format=jsonld", **OTHER_HOST).json()
    assert service["@id"].startswith(f"{SITE}/api/v1/services/13/")


def test_change_feed(api, site_url, school_pattern):
    feed = api.get("/api/v1/changes/", **OTHER_HOST).json()
    assert feed["next"].startswith(f"{SITE}/api/v1/changes/?since=")
    published = [event for event in feed["results"] if event["resource"] == "pattern"]
    assert published and published[0]["url"] == f"{SITE}/patterns/apply-for-a-school-place/"


def test_search_results(api, site_url, school_pattern):
    from search.engines.database import DatabaseEngine
    from search.indexing import rebuild_index

    rebuild_index(DatabaseEngine())
    results = api.get("/api/v1/search/?q=school", **OTHER_HOST).json()
    assert f"{SITE}/patterns/apply-for-a-school-place/" in [hit["url"] for hit in results["results"]]
    assert_on_site(absolute_urls(results))


def test_sitemap_and_robots(client, site_url, school_pattern):
    xml = client.get("/sitemap.xml", **OTHER_HOST).content
    locations = re.findall(r"<loc>([^<]+)</loc>", xml.decode())
    assert f"{SITE}/patterns/apply-for-a-school-place/" in locations
    assert_on_site(locations)
    robots = client.get("/robots.txt", **OTHER_HOST).content.decode()
    assert f"Sitemap: {SITE}/sitemap.xml" in robots


def test_atom_feed(client, site_url, school_pattern):
    xml = client.get("/feed/", **OTHER_HOST).content.decode()
    urls = re.findall(r'href="([^"]+)"', xml) + re.findall(r"<id>([^<]+)</id>", xml)
    assert f"{SITE}/patterns/apply-for-a-school-place/" in " ".join(urls)
    assert_on_site(urls)


def test_hreflang_links(client, site_url, school_pattern):
    html = client.get("/patterns/apply-for-a-school-place/", **OTHER_HOST).content.decode()
    links = re.findall(r'<link rel="alternate" hreflang="[^"]+" href="([^"]+)"', html)
    assert f"{SITE}/patterns/apply-for-a-school-place/" in links
    assert_on_site(links)
