"""Council staff's journey on the public site, in Chromium under production settings: from the home page,
search for "flooding", narrow the results on a phone, read a pattern and follow one of its steps into the
process it starts. Every page fits a 320 px, 390 px and 1280 px window and passes axe (WCAG 2.2 AA)."""

import io
import re

import pytest
from django.core.management import call_command

from tests.journeys.conftest import assert_accessible, assert_no_sideways_scroll

pytestmark = pytest.mark.browser

PATTERN = "/patterns/report-a-missed-bin-collection/"
PROCESS = "/processes/resolve-a-missed-collection/"
STEP_ANCHOR = "step-check-round-record"
WIDTHS = (320, 390, 1280)


@pytest.fixture
def demo_library(production_server):
    """The demo library (our own content), indexed for search, on the production server's database."""
    call_command("load_demo", "--no-reference-data", stdout=io.StringIO())
    call_command("rebuild_search_index", stdout=io.StringIO())


def result_titles(page):
    return [text.strip() for text in page.locator(".library-search__result h2").all_inner_texts()]


def test_council_staff_journey(journey, demo_library):
    """Home → search "flooding" → filters on a phone → a pattern → its step's process step → back."""
    # The home page's search box.
    page = journey.new_page(width=1280)
    page.goto("/")
    page.fill("#home-search", "flooding")
    page.locator("#home-search").press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=flooding"))
    titles = result_titles(page)
    assert "Civil emergencies - flooding" in titles[:3], titles
    assert "Flood prevention" in titles, titles
    assert page.locator(".library-search__did-you-mean").count() == 0, "no 'did you mean' for a query that matches"
    # The snippet is one passage: here the first service's own description, whole.
    assert page.locator(".library-search__result p.govuk-body").first.inner_text() == (
        "Work to lower the chance of water getting into homes in places that have flooded before."
    )
    # On a wide screen the filters are an open column beside the results.
    assert page.locator(".library-search__filters .govuk-checkboxes__input").first.is_visible()
    journey.screenshot(page, "search")
    assert_accessible(page)

    # On a phone the results come first; the filters wait behind a disclosure, which still works.
    phone = journey.new_page(width=390)
    phone.goto("/search/?q=flood")
    filters = phone.locator("details.library-search__filters")
    assert not filters.evaluate("details => details.open")
    assert not phone.locator(".library-search__filters .govuk-checkboxes__input").first.is_visible()
    first_result = phone.locator(".library-search__result").first.bounding_box()
    assert first_result["y"] < 900, "the first result is on the phone's first screen"
    journey.screenshot(phone, "search-filters-closed")
    assert_accessible(phone)
    filters.locator("summary").click()
    phone.locator("label", has_text=re.compile(r"^\s*Service\b")).first.click()
    phone.get_by_role("button", name="Apply filters").click()
    phone.wait_for_url(re.compile(r"type=service"))
    kinds = set(phone.locator(".library-search__result .govuk-tag").all_inner_texts())
    assert kinds == {"Service"}, kinds
    assert "(1 selected)" in phone.locator("details.library-search__filters summary").inner_text()
    journey.screenshot(phone, "search-filtered")
    assert_no_sideways_scroll(phone)

    # A pattern: a contents list, and a step linking to the process step it starts, by its title.
    page.goto(PATTERN)
    contents = page.get_by_role("navigation", name="Contents")
    assert contents.get_by_role("link", name="Steps").count() == 1
    contents.get_by_role("link", name="Steps").click()
    assert page.url.endswith("#steps")
    step_link = page.locator(f'a[href$="#{STEP_ANCHOR}"]')
    assert step_link.inner_text() == "Check the crew's record for that address"
    assert "(check-round-record)" not in page.inner_text("main")
    journey.screenshot(page, "pattern")
    assert_accessible(page)
    step_link.click()
    page.wait_for_url(re.compile(f"{PROCESS}#{STEP_ANCHOR}$"))

    # The process step lists the pattern step that leads into it, linking back to that step.
    row = page.locator(f"#{STEP_ANCHOR}")
    assert row.is_visible()
    back = row.get_by_role("link", name=re.compile(r"Report a missed bin collection, step \d+: What the crew recorded"))
    assert back.count() == 1
    assert page.get_by_role("navigation", name="Contents").count() == 1
    journey.screenshot(page, "process")
    assert_accessible(page)
    back.click()
    page.wait_for_url(re.compile(r"#pattern-step-\d+$"))
    assert page.locator(":target").inner_text().startswith("What the crew recorded")

    # No page scrolls sideways on a small phone, a phone or a desktop; the phones pass axe too.
    for width in WIDTHS:
        for path, label in (
            ("/", "home"),
            ("/search/?q=flooding", "search"),
            (PATTERN, "pattern"),
            (PROCESS, "process"),
        ):
            tab = journey.new_page(width=width)
            tab.goto(path)
            assert_no_sideways_scroll(tab)
            if width != 1280 and label != "home":
                journey.screenshot(tab, label)
                assert_accessible(tab)
    # The other public pages with tables or long words fit a phone too.
    for width in WIDTHS[:2]:
        tab = journey.new_page(width=width)
        for path in ("/councils/", "/services/", "/reuse/", "/processes/allocate-school-places/", "/cookies/"):
            tab.goto(path)
            assert_no_sideways_scroll(tab)
