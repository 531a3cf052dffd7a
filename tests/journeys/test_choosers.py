"""Choosing services and life events in the pattern editor, in Chromium under production's settings and the
admin's CSP: search by name or LGSL code, several at once, the chosen ones listed."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from pattern_pages.site_setup import ensure_home_page
from tests import factories

from .conftest import BOTH_WIDTHS, admin_login

PASSWORD = "a-long-test-password"  # noqa: S105


@pytest.fixture
def pattern(production_server):
    home = ensure_home_page()
    index = factories.PatternIndexPageFactory(parent=home)
    for number in range(40):  # more than one page of the chooser, as the 1,520 services are
        factories.ServiceFactory(name=f"Collect bulky waste {number}", lgsl_code=3000 + number)
    factories.ServiceFactory(name="Report a pothole", lgsl_code=1234)
    factories.ServiceFactory(name="Apply for a blue badge", lgsl_code=524)
    factories.LifeEventFactory(name="Moving home")
    get_user_model().objects.create_superuser("admin", "admin@example.gov.uk", PASSWORD)
    return factories.ServicePatternPageFactory(parent=index, title="Report a problem on a road")


@pytest.mark.parametrize("width", BOTH_WIDTHS)
def test_services_are_chosen_by_name_and_code_several_at_once(journey, pattern, width):
    """Search "pothole", then "524": tick both, confirm; both are listed, the rest are not; one is removed."""
    tab = journey.new_page(width=width)
    admin_login(tab, "admin", PASSWORD)
    tab.goto(f"/admin/pages/{pattern.pk}/edit/")
    services = tab.locator("[data-library-multiple-chooser][data-name='services']")
    assert "No services chosen yet." in services.inner_text()
    for query, expected in (("pothole", "Report a pothole (LGSL 1234)"), ("524", "Apply for a blue badge (LGSL 524)")):
        services.get_by_role("button", name="Choose services").click()
        modal = tab.locator(".modal-content")
        modal.get_by_role("textbox", name="Search term").fill(query)
        expect(modal.locator("tbody tr")).to_have_count(1)  # the search, not the first page of 42
        row = modal.locator("tr", has_text=expected)
        if query == "pothole":
            journey.screenshot(tab, "service-chooser")
        row.get_by_role("checkbox").check()
        modal.get_by_role("button", name="Confirm selection").click()
        services.locator("li", has_text=expected).wait_for()
    expect(tab.locator(".modal-content")).to_have_count(0)
    journey.screenshot(tab, "services-chosen")
    assert services.locator("li").count() == 2
    services.get_by_role("button", name="Remove Report a pothole (LGSL 1234)").click()
    assert services.locator("li").count() == 1

    tab.get_by_role("button", name="Save draft").click()
    tab.wait_for_load_state()
    draft = type(pattern).objects.get(pk=pattern.pk).get_latest_revision_as_object()
    assert [service.lgsl_code for service in draft.services.all()] == [524]
    assert not journey.problems
