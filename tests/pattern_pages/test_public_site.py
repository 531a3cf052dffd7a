import re
from xml.etree import ElementTree as ET

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from library import kept
from tests import factories
from tests.pattern_pages.conftest import pattern_steps

ATOM = {"atom": "http://www.w3.org/2005/Atom"}


def page_text(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def forget_rendered_pages(client):
    """Empty the rendered pages' cache (cms.page_cache) and the shared table of kept renderings (library.kept),
    so the next request of a page renders it, with the navigation already kept (another page, rendered, kept it
    for this version of the library)."""
    caches["pages"].clear()
    kept.forget_all()
    count_queries(client, "/cookies/")


def test_every_page_has_the_govuk_template(client, pattern_page):
    """Skip link, navigation, phase banner, cookie statement and data attributions are on every page."""
    html = page_text(client.get("/"))
    assert 'href="#main-content"' in html and "Skip to main content" in html
    for item in ("Patterns", "Processes", "Services", "Life events", "Councils", "Search", "API"):
        assert f">{item}</a>" in html or f">{item}</strong>" in html
    assert "govuk-phase-banner" in html
    assert "Reading and searching the site set no cookies" in html and 'href="/cookies/"' in html
    assert "LG Inform Plus" in html and "mySociety" in html and "CC BY 4.0" in html
    assert "Open Government Licence v3.0" in html
    assert '<script type="module" nonce=' in html and "initAll" in html


def test_inline_scripts_carry_the_content_security_policy_nonce(client, home_page):
    """Both inline scripts (the js-enabled class and GOV.UK Frontend's initAll) run under the strict CSP."""
    response = client.get("/")
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    scripts = re.findall(r"<script[^>]*>", response.content.decode())
    assert len(scripts) == 2
    assert all(f'nonce="{nonce}"' in script for script in scripts)


def test_home_page_has_search_browse_and_latest_changes(client, build_pattern):
    """The home page offers search, browsing by pattern type and life event, A–Z and the latest published pattern."""
    pattern = build_pattern()
    html = page_text(client.get("/"))
    assert 'action="/search/"' in html and 'name="q"' in html
    assert "Browse by pattern type" in html and f'href="/pattern-types/{pattern.pattern_type.slug}/"' in html
    life_event = pattern.life_events.first()
    assert f'href="/life-events/{life_event.slug}/"' in html
    assert 'href="/services/"' in html
    assert "Latest changes" in html and pattern.title in html


def test_pattern_page_shows_the_design_system_anatomy(client, build_pattern):
    """A pattern page shows its summary, maturity, steps with components, research rating, review date and JSON link."""
    pattern = build_pattern(steps=2, related=1)
    html = page_text(client.get(pattern.url))
    assert pattern.summary in html
    assert "Beta" in html and "Version 1.0.0" in html
    assert "Question 1" in html and "Question 2" in html
    assert 'href="https://design-system.service.gov.uk/components/' in html
    assert "As a parent, I need to apply for a school place, so that my child can learn." in html
    assert "2 – tested with users" in html and "12 participants" in html
    assert "31 January 2027" in html
    assert f'href="/api/v1/patterns/{pattern.slug}/"' in html and "Download as JSON" in html
    assert "Councils using it" in html
    assert "Related patterns and processes" in html


def test_pattern_history_lists_each_published_version_with_its_date(client, build_pattern):
    """Publishing a new version adds a row to the pattern's history; the first version keeps its date."""
    pattern = build_pattern()
    pattern.version = "1.1.0"
    pattern.save_revision().publish()
    html = page_text(client.get(pattern.url))
    history = html[html.index('id="history"') :]
    assert history.index("1.0.0") < history.index("1.1.0")


def test_pattern_page_query_count_does_not_grow_with_steps_or_links(client, build_pattern, django_assert_num_queries):
    """The pattern page runs the same number of queries with 1 step or 8, and 1 related item or 5."""
    small = build_pattern(steps=1, services=1, related=1, life_events=1)
    large = build_pattern(steps=8, services=5, related=5, life_events=4)
    for _ in range(3):
        factories.AdoptionFactory(pattern=large)
    count_queries(client, small.url)  # warm caches (site root paths, content types)
    count_queries(client, large.url)  # its components, read once for this version of the library
    forget_rendered_pages(client)
    with django_assert_num_queries(PATTERN_PAGE_QUERIES):
        client.get(small.url)
    with django_assert_num_queries(PATTERN_PAGE_QUERIES):
        client.get(large.url)
    with django_assert_num_queries(CACHED_PAGE_QUERIES):
        client.get(large.url)
    factories.AdoptionFactory(pattern=large)  # empties the kept page, not its body
    count_queries(client, "/cookies/")  # the navigation, kept again for the new library version
    with django_assert_num_queries(PATTERN_PAGE_WITH_BODY_KEPT_QUERIES):
        assert "Used by 4 councils" in page_text(client.get(large.url))


def test_a_pattern_page_builds_no_statement_a_page_like_it_built(client, build_pattern, sql_built):
    """Rendered from nothing, a pattern page runs the statements an earlier page of the same shape had built
    (library.fixed): its route, translations, breadcrumbs, services, life events, chosen rows, history, assessments
    and adoptions."""
    first, second = build_pattern(steps=3, services=2, related=2), build_pattern(steps=3, services=2, related=2)
    factories.AdoptionFactory(pattern=second)
    count_queries(client, first.url)
    forget_rendered_pages(client)
    built = sql_built["count"]
    with CaptureQueriesContext(connection) as queries:
        assert "Used by 1 council" in page_text(client.get(second.url))
    assert len(queries) == PATTERN_PAGE_QUERIES + NEW_COMPONENTS_QUERIES  # its components were never read
    assert sql_built["count"] - built == PATTERN_PAGE_STATEMENTS_BUILT


def test_breadcrumbs_read_their_index_page_once_per_library_version(client, build_pattern, pattern_index):
    """Pattern pages under one index read it for their breadcrumbs once per library version; renamed, it shows at
    once on the next page rendered, and a kept page that shows it goes with the change."""
    first, second = build_pattern(), build_pattern()
    assert f">{pattern_index.title}</a>" in page_text(client.get(first.url))
    forget_rendered_pages(client)
    with CaptureQueriesContext(connection) as queries:
        page_text(client.get(second.url))
    assert not [query for query in queries if '"wagtailcore_page"."path" IN (' in query["sql"]]  # the ancestors
    pattern_index.title = "Every pattern"
    pattern_index.save_revision().publish()
    assert ">Every pattern</a>" in page_text(client.get(second.url))
    assert ">Every pattern</a>" in page_text(client.get(first.url))


def test_chosen_components_are_read_once_per_library_version(client, build_pattern):
    """A pattern page naming components another page read under this library version reads none; renamed, a
    component shows at once, on a page rendered from nothing and on the kept one."""
    first = build_pattern(steps=2)
    components = list(first.steps[0].value["components"])
    second = build_pattern(steps=0)
    second.steps = pattern_steps(2, components)
    second.save_revision().publish()
    assert ">Date input 0</a>" in page_text(client.get(first.url))
    forget_rendered_pages(client)
    client.get(first.url)
    with CaptureQueriesContext(connection) as queries:
        assert ">Date input 1</a>" in page_text(client.get(second.url))
    assert not [query for query in queries if "pattern_pages_designsystemcomponent" in query["sql"]]
    components[0].name = "Date input, renamed"
    components[0].save()
    assert ">Date input, renamed</a>" in page_text(client.get(second.url))
    assert ">Date input, renamed</a>" in page_text(client.get(first.url))


def test_pages_are_found_by_their_address_through_an_index(db):
    """Wagtail's page table has an index on ``url_path``, by which a public page is routed (``page_at``)."""
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "wagtailcore_page")
    assert any(c["index"] and c["columns"] == ["url_path"] for c in constraints.values())


def test_process_page_shows_steps_legislation_data_and_bpmn_link(client, admission_process):
    """A process page shows the steps table, legislation with its link, data held and the BPMN download."""
    html = page_text(client.get(admission_process.url))
    assert "Steps by role, in order" in html
    assert "Is the child eligible?" in html
    assert 'Eligible: <a class="govuk-link" href="#step-offer">Offer a place</a>' in html
    # The offer goes on to tell the parent, not into the refusal; the last step ends the process.
    offer_row = html[html.index('id="step-offer"') : html.index('id="step-refuse"')]
    assert 'href="#step-notify">Tell the parent the outcome</a>' in offer_row
    assert "The process ends</td>" in html[html.index('id="step-notify"') :]
    assert 'href="https://www.legislation.gov.uk/ukpga/1998/31/section/86"' in html
    assert "Child&#x27;s date of birth" in html and "7 years" in html
    assert f'href="/bpmn/{admission_process.slug}.bpmn"' in html


def test_process_page_query_count_does_not_grow_with_steps(client, process_index, django_assert_num_queries):
    """The process page runs the same number of queries with 2 steps or 12, and 1 service or 6."""
    from tests.factories import process_step

    small = factories.ProcessPageFactory(parent=process_index)
    small.services.set([factories.ServiceFactory()])
    small.save()
    steps = [("step", process_step(f"s{n}", f"Step {n}", "Caseworker" if n % 2 else "Resident")) for n in range(12)]
    large = factories.ProcessPageFactory(parent=process_index, steps=steps)
    large.services.set([factories.ServiceFactory() for _ in range(6)])
    large.save()
    count_queries(client, small.url)
    forget_rendered_pages(client)
    with django_assert_num_queries(PROCESS_PAGE_QUERIES):
        client.get(small.url)
    with django_assert_num_queries(PROCESS_PAGE_QUERIES):
        client.get(large.url)
    with django_assert_num_queries(CACHED_PAGE_QUERIES):
        client.get(large.url)


def test_service_page_shows_the_service_and_its_patterns(client, build_pattern):
    """A service page shows its LGSL code, tier, life events and the patterns for it."""
    pattern = build_pattern()
    service = pattern.services.first()
    html = page_text(client.get(f"/services/{service.lgsl_code}/{service.slug}/"))
    assert service.name in html and f"LGSL {service.lgsl_code}" in html
    assert "All councils" in html
    assert pattern.title in html


def test_pages_show_the_councils_using_a_pattern(client, build_pattern):
    """Pattern, service and council pages show the adoption register: who uses what."""
    pattern = build_pattern()
    adoption = factories.AdoptionFactory(pattern=pattern, council__official_name="Essex County Council")
    service = pattern.services.first()
    assert "Used by 1 council" in page_text(client.get(pattern.url))
    assert "Essex County Council" in page_text(client.get(f"/services/{service.lgsl_code}/{service.slug}/"))
    council_html = page_text(client.get(f"/councils/{adoption.council.gss_code}/"))
    assert pattern.title in council_html


def test_service_with_the_wrong_slug_redirects_to_its_address(client, db):
    """/services/<code>/<wrong-slug>/ and /services/<code>/ redirect permanently to the canonical address."""
    service = factories.ServiceFactory(lgsl_code=524, name="Missed bin collection")
    for url in ("/services/524/old-name/", "/services/524/"):
        response = client.get(url)
        assert response.status_code == 301
        assert response["Location"] == "/services/524/missed-bin-collection/"
    assert client.get("/services/999999/anything/").status_code == 404
    assert service.slug == "missed-bin-collection"


def test_service_page_query_count_does_not_grow_with_patterns(client, build_pattern, django_assert_num_queries):
    """The service page runs the same number of queries with 1 pattern or 4 for the service."""
    first = build_pattern()
    service = first.services.first()
    url = f"/services/{service.lgsl_code}/{service.slug}/"
    count_queries(client, url)
    forget_rendered_pages(client)
    with django_assert_num_queries(SERVICE_PAGE_QUERIES):
        client.get(url)
    for _ in range(3):
        pattern = build_pattern(services=0)
        pattern.services.add(service)
        pattern.save()
        factories.AdoptionFactory(pattern=pattern)
    forget_rendered_pages(client)  # the library changed: the page and the navigation are rendered again
    with django_assert_num_queries(SERVICE_PAGE_QUERIES):
        assert page_text(client.get(url)).count("govuk-tag ") == 1 + 4  # the phase banner and each pattern
    with django_assert_num_queries(CACHED_PAGE_QUERIES):
        assert page_text(client.get(url)).count("govuk-tag ") == 1 + 4


def test_services_a_to_z_pages_through_1500_services(client, db):
    """The A–Z list shows 50 services a page, links letters that have services, and filters by letter."""
    from pattern_pages.models import Service

    factories.ServiceFactory(name="Zebra crossings", lgsl_code=1)
    locale = factories.LocalisedFactory._meta.declarations["locale"].function()
    Service.objects.bulk_create(
        [Service(lgsl_code=10 + n, name=f"Abandoned thing {n:04d}", locale=locale) for n in range(1499)]
    )
    html = page_text(client.get("/services/"))
    assert "1500 services" in html
    assert 'href="?letter=Z"' in html and 'href="?letter=Q"' not in html
    assert "Abandoned thing 0049" in html and "Abandoned thing 0050" not in html
    assert 'href="?page=30"' in html
    last = page_text(client.get("/services/?page=30"))
    assert "Zebra crossings" in last
    only_z = page_text(client.get("/services/?letter=z"))
    assert "1 service starting with Z" in only_z and "Abandoned" not in only_z


def test_life_event_page_lists_its_services_and_patterns(client, build_pattern):
    """A life event page lists the patterns and services a person meets at that moment."""
    pattern = build_pattern()
    life_event = pattern.life_events.first()
    service = factories.ServiceFactory(name="Register a birth")
    service.life_events.add(life_event)
    html = page_text(client.get(f"/life-events/{life_event.slug}/"))
    assert life_event.name in html and pattern.title in html and "Register a birth" in html
    assert life_event.name in page_text(client.get("/life-events/"))


def test_council_page_shows_type_region_and_contributions(client, build_pattern):
    """A council page, found by GSS code, shows its type, region and the patterns it contributed."""
    pattern = build_pattern()
    council = pattern.owner_council
    html = page_text(client.get(f"/councils/{council.gss_code}/"))
    assert council.official_name in html and "County council" in html and "East of England" in html
    assert pattern.title in html
    index = page_text(client.get("/councils/?nation=england"))
    assert council.official_name in index
    assert council.official_name not in page_text(client.get("/councils/?nation=wales"))


def test_pattern_type_pages_list_patterns(client, build_pattern):
    """The pattern type page lists its patterns; the index counts them."""
    pattern = build_pattern()
    assert pattern.title in page_text(client.get(f"/pattern-types/{pattern.pattern_type.slug}/"))
    assert "1 pattern" in page_text(client.get("/pattern-types/"))


def test_pattern_index_filters_by_type_and_maturity(client, build_pattern):
    """The pattern index filters by pattern type and maturity, without JavaScript (a GET form)."""
    apply = build_pattern(title="Apply for a school place")
    pay = build_pattern(title="Pay a parking fine", pattern_type=factories.PatternTypeFactory(slug="pay"))
    index_url = apply.get_parent().url
    html = page_text(client.get(index_url))
    assert apply.title in html and pay.title in html
    html = page_text(client.get(index_url + "?pattern_type=pay"))
    assert pay.title in html and apply.title not in html
    assert "No service patterns match" in page_text(client.get(index_url + "?maturity=stable"))


def test_process_index_filters_by_service(client, admission_process, process_page):
    """The process index lists processes and filters them by service."""
    service = factories.ServiceFactory(name="School admissions")
    admission_process.services.add(service)
    admission_process.save()
    index_url = admission_process.get_parent().url
    html = page_text(client.get(index_url))
    assert admission_process.title in html and process_page.title in html
    html = page_text(client.get(f"{index_url}?service={service.lgsl_code}"))
    assert admission_process.title in html and process_page.title not in html


def test_welsh_addresses_serve_the_same_views(client, build_pattern):
    """Views outside the page tree answer at /cy/ too, in Welsh-language HTML."""
    pattern = build_pattern()
    service = pattern.services.first()
    html = page_text(client.get(f"/cy/services/{service.lgsl_code}/{service.slug}/"))
    assert '<html lang="cy"' in html
    assert f'href="/services/{service.lgsl_code}/{service.slug}/"' in html  # the switcher back to English


def test_atom_feed_lists_published_changes(client, build_pattern):
    """The Atom feed has an entry for each publication, newest first, linking to the page."""
    pattern = build_pattern()
    pattern.version = "2.0.0"
    pattern.save_revision().publish()
    response = client.get("/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314  (our own feed)
    titles = [entry.find("atom:title", ATOM).text for entry in feed.findall("atom:entry", ATOM)]
    assert titles[:2] == [f"{pattern.title}, version 2.0.0", f"{pattern.title}, version 1.0.0"]
    link = feed.find("atom:entry/atom:link", ATOM).get("href")
    assert link.endswith(pattern.url)


def test_latest_changes_include_pages_published_without_revisions(client, pattern_index):
    """A pattern published by an importer (no revision log) still shows in the latest changes."""
    import datetime

    from django.utils import timezone

    pattern = factories.ServicePatternPageFactory(
        parent=pattern_index, last_published_at=timezone.now() - datetime.timedelta(days=1)
    )
    html = page_text(client.get("/"))
    assert pattern.title in html[html.index("Latest changes") :]


def test_sitemap_and_robots(client, build_pattern):
    """sitemap.xml lists pages and taxonomy pages in both languages; robots.txt points at it."""
    pattern = build_pattern()
    service = pattern.services.first()
    xml = client.get("/sitemap.xml").content.decode()
    assert pattern.url in xml
    assert f"/services/{service.lgsl_code}/{service.slug}/" in xml
    assert f"/cy/services/{service.lgsl_code}/{service.slug}/" in xml
    robots = client.get("/robots.txt")
    assert robots["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://localhost/sitemap.xml" in robots.content.decode()  # SITE_URL, not the request's host


def test_not_found_page_is_in_the_govuk_style(client, home_page):
    """An unknown address gives a 404 with the GOV.UK 'Page not found' page."""
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html and "govuk-template" in html


def test_server_error_page_renders_without_a_request(db):
    """The 500 page renders with no request context and no database (Django renders it bare)."""
    from django.template import loader

    html = loader.get_template("500.html").render({})
    assert "Sorry, there is a problem with the service" in html


@pytest.mark.parametrize("url", ["/", "/services/", "/councils/", "/cookies/"])
def test_pages_set_no_cookies(client, home_page, url):
    """Reading the site sets no cookie, so no cookie banner is needed."""
    response = client.get(url)
    assert response.status_code == 200
    assert not response.cookies


# Rendering a page, its navigation kept: each count includes reading the library version, which keys the pages'
# cache (the tests read it on every request: API_LIBRARY_VERSION_TTL = 0). A page from the cache costs that one.
# Every page the cache does not answer also looks for the page in the shared table of kept renderings and reads
# the version from the database before rendering (library.kept: +2); Wagtail's site and its root page, the locales
# and whether any page has a view restriction are then known for that version (cms.page_cache.remember_site: +3 the
# first time, so Wagtail's check of the page's view restrictions and ``.public()`` read none).
# A pattern or process page is then kept in that table with its HTML per revision (``{% kept_body %}``: +1 to
# look for it), both in one write (KEPT_WRITE_QUERIES, then +1 the version that keys this process's copy of the
# HTML); rendered again with that kept (after an adoption, say), only Wagtail's routing, the adoptions and the
# assessments are read. The pattern's type and council are read with the page when it is routed
# (HomePage.route_by_url_path). The breadcrumbs' ancestors are read once per library version for each place in the
# tree (library_tags._remembered_ancestors): the page rendered first to warm the caches read them.
# The write: on PostgreSQL one statement for the rows and their dependencies, then the version read again; on
# SQLite a savepoint, the rows, their dependencies, the release and the version.
KEPT_WRITE_QUERIES = 2 if connection.vendor == "postgresql" else 5
PATTERN_PAGE_QUERIES = 16 + KEPT_WRITE_QUERIES
# Its design system components are read once per library version (SnippetChooserBlock): +1 for a page whose
# components no page read before under this version.
NEW_COMPONENTS_QUERIES = 1
# The process page: +1 for the pattern steps that lead into its steps.
PROCESS_PAGE_QUERIES = 13 + KEPT_WRITE_QUERIES
SERVICE_PAGE_QUERIES = 13
# The adoption moved the version: the site, locales and restrictions again; the page alone is written.
PATTERN_PAGE_WITH_BODY_KEPT_QUERIES = 11 + KEPT_WRITE_QUERIES
CACHED_PAGE_QUERIES = 1
# SELECTs the ORM builds for a pattern page rendered from nothing once a page of its shape was (library.fixed).
PATTERN_PAGE_STATEMENTS_BUILT = 0
