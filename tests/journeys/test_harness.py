"""The journey harness itself: the server runs production's settings and the browser reports what it refuses."""

import pytest

from tests.journeys.conftest import assert_no_sideways_scroll


def test_server_sends_production_headers(journey, home_page):
    """Pages come with production's CSP and framing rules, secure cookies, and DEBUG is off."""
    page = journey.new_page()
    response = page.goto("/")
    headers = response.headers
    assert "frame-ancestors" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
    # HSTS goes out over HTTPS only; the server knows it runs production's value.
    from django.conf import settings

    assert settings.SECURE_HSTS_SECONDS > 0 and settings.SESSION_COOKIE_SECURE
    missing = page.goto("/no-such-page/")
    assert missing.status == 404
    assert "Traceback" not in page.content()
    assert_no_sideways_scroll(page)


def test_refused_frame_is_reported(journey, home_page):
    """A page that another origin frames is refused, and the journey records the refusal."""
    page = journey.new_page()
    page.goto("/")
    # A page of another origin (about:blank with a srcdoc counts as opaque) trying to frame the site.
    page.set_content(f'<iframe src="{journey.url}/"></iframe>')
    page.wait_for_timeout(1000)
    assert journey.problems, "Chromium framed a page whose rules forbid it"
    journey.problems.clear()


@pytest.mark.parametrize("width", [390])
def test_screenshot_and_width(journey, home_page, width):
    """The home page fits a phone."""
    page = journey.new_page(width=width)
    page.goto("/")
    assert journey.screenshot(page, "home").exists()
    assert_no_sideways_scroll(page)
