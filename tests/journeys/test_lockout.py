"""A locked-out sign-in, in Chromium under production settings: the page says how long to wait."""

import pytest
from django.contrib.auth import get_user_model

from .conftest import BOTH_WIDTHS, assert_accessible, assert_no_sideways_scroll

pytestmark = pytest.mark.browser


def test_a_locked_out_sign_in_says_how_long_to_wait(journey, home_page):
    """Five wrong passwords at the admin's login: a page saying to wait 5 minutes, readable at both widths."""
    get_user_model().objects.create_user("editor", "editor@example.gov.uk", "correct horse battery", is_staff=True)
    page = journey.new_page()
    for _ in range(5):
        page.goto("/admin/login/")
        page.fill("input[name=username]", "editor")
        page.fill("input[name=password]", "wrong guess")
        page.click("button[type=submit]")
        page.wait_for_load_state()
    assert page.locator("[data-locked-out]").inner_text().strip().endswith("Wait 5 minutes, then try again.")
    for width in BOTH_WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        journey.screenshot(page, "locked-out")
        assert_no_sideways_scroll(page)
    assert_accessible(page)
