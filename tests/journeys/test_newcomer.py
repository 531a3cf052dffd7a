"""The newcomer's journey (issue 14): on a fresh SQLite or PostgreSQL database, run what `make run` runs
(migrate, load_demo, ensure_admin), then, in Chromium under production's settings, see every feature with
data: the home page's latest changes, "Used by N councils", the reuse dashboard, an assessment, a Welsh page
at /cy/, the admin with the printed password and the API with the printed demo key."""

import io
import re

from django.core.management import call_command
from playwright.sync_api import expect

from tests.journeys.conftest import admin_login


def run_what_make_run_runs(address):
    """migrate, load_demo and ensure_admin as the Makefile's ``demo`` target does; returns what they print."""
    out = io.StringIO()
    call_command("migrate", "--no-input", verbosity=0, stdout=out)
    # The reference lists (../shared/data) are optional for a newcomer; the demo stands on its own.
    call_command("load_demo", "--no-reference-data", stdout=out)
    call_command("ensure_admin", "--address", "http://127.0.0.1:8000", stdout=out)
    return out.getvalue()


def printed(output, label):
    match = re.search(rf"^\s*{re.escape(label)}:\s+(\S+)\s*$", output, re.MULTILINE)
    assert match, f"'{label}' is not in what make run prints:\n{output}"
    return match[1]


def test_a_newcomer_sees_every_feature_with_data(journey):
    """After `make run`'s steps, each feature shows demo data in the browser, and the printed logins work."""
    output = run_what_make_run_runs(journey.url)
    for label in ("Site", "Admin", "API docs"):
        assert printed(output, label).startswith("http://127.0.0.1:8000/")
    username, password = printed(output, "Admin username"), printed(output, "Admin password")
    api_key = printed(output, "Demo supplier's API key")

    page = journey.new_page()
    page.goto("/")
    changes = page.locator("main li a", has_text="Apply for a school place")
    expect(changes.first).to_be_visible()
    expect(page.get_by_role("heading", name="Latest changes")).to_be_visible()
    journey.screenshot(page, "home")

    page.goto("/patterns/apply-for-a-school-place/")
    expect(page.locator(".library-adoption-count").first).to_have_text("Used by 4 councils")
    expect(page.get_by_test_id("assessment-summary")).to_contain_text("met in")

    page.goto("/reuse/")
    expect(page.locator("main")).to_contain_text("Primary school places")
    expect(page.locator("main")).to_contain_text("Household waste collection")

    page.goto("/cy/")
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(page.locator("main h1")).to_contain_text("Llyfrgell Patrymau Llywodraeth Leol")
    page.locator("main a", has_text="Gwneud cais am Fathodyn Glas").first.click()
    expect(page.locator("main h1")).to_have_text("Gwneud cais am Fathodyn Glas")
    assert page.url.endswith("/cy/patterns/apply-for-a-blue-badge/")
    journey.screenshot(page, "welsh-pattern")

    answer = page.request.get("/api/v1/patterns/?limit=1", headers={"Authorization": f"Bearer {api_key}"})
    assert answer.status == 200 and answer.json()["count"] >= 12
    refused = page.request.get("/api/v1/patterns/?limit=1", headers={"Authorization": "Bearer lgpl_not-a-key"})
    assert refused.status == 401

    admin = journey.new_page()
    admin_login(admin, username, password)
    expect(admin.locator("body")).to_contain_text("LocalGov")
