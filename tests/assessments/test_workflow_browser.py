"""In Chromium: a council's contributor records an assessment in the admin, a publisher signs it off, and
the pattern page's per-point counts change."""

import re

import pytest

from assessments.models import Assessment
from editorial.roles import CONTRIBUTOR, PUBLISHER
from tests import factories
from tests.assessments.fixtures import PASSWORD
from tests.browser import assert_accessible, save_screenshot


@pytest.fixture
def assessed_pattern(pattern_page, service, make_assessment):
    """A published pattern with one earlier published assessment, by another council: point 5 met in 1 of 1."""
    pattern_page.services.add(service)
    pattern_page.save_revision().publish()
    other_council = factories.CouncilFactory(name="Another council", official_name="Another Council")
    make_assessment(other_council, service, pattern_page, {5: "met"})
    return pattern_page


def sign_in(page, username):
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")


def choose(page, field_id, search):
    """Pick an item in a Wagtail chooser modal by searching for it."""
    page.locator(f"#{field_id}-chooser .unchosen [data-chooser-action-choose]").click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("textbox", name=re.compile("Search")).fill(search)
    try:
        modal.get_by_role("link", name=re.compile(re.escape(search))).first.click(timeout=5000)
    except Exception:
        save_screenshot(page, "chooser-" + field_id)
        raise
    modal.wait_for(state="hidden")
    assert page.locator(f"#{field_id}-title").inner_text().strip()


def test_contributor_records_publisher_publishes_pattern_counts_change(
    browser_page, people, govuk, council, service, assessed_pattern
):
    page = browser_page
    page.goto(assessed_pattern.url)
    point_5 = govuk.points.get(number=5)
    assert "met in 1 of 1 assessed service" in page.inner_text("main")

    sign_in(page, CONTRIBUTOR.lower())
    page.goto("/admin/snippets/assessments/assessment/add/")
    assert_accessible(page)
    choose(page, "id_council", council.name)
    choose(page, "id_service", service.name)
    choose(page, "id_pattern", assessed_pattern.title)
    page.locator("#id_standard").select_option(label=govuk.name)
    page.locator("#id_phase").select_option("beta")
    page.locator("#id_date").fill("2026-05-01")
    page.locator("#id_panel_roles").fill("Lead assessor, user researcher")
    page.get_by_role("button", name="Add point").click()
    page.locator("#id_outcomes-0-point").select_option(label=str(point_5))
    page.locator("#id_outcomes-0-result").select_option("not-met")
    page.locator("#id_outcomes-0-reason").fill("Not tested with screen reader users.")
    page.locator("#id_result").select_option("not-met")
    page.locator("[data-w-dropdown-target='toggle']").last.click()
    page.get_by_role("button", name="Submit to Assessment publication").click()
    page.wait_for_url("**/admin/snippets/assessments/assessment/**")
    save_screenshot(page, "assessment-submitted")
    assessment = Assessment.objects.get(council=council)
    assert assessment.workflow_in_progress and not assessment.live

    # Submitted but not signed off: the pattern page is unchanged.
    page.goto(assessed_pattern.url)
    assert "met in 1 of 1 assessed service" in page.inner_text("main")

    page.context.clear_cookies()
    sign_in(page, PUBLISHER.lower())
    page.goto(f"/admin/snippets/assessments/assessment/edit/{assessment.pk}/")
    assert_accessible(page)
    page.locator("[data-w-dropdown-target='toggle']").last.click()
    page.get_by_role("button", name="Approve and Publish", exact=True).click()
    page.wait_for_url("**/admin/snippets/assessments/assessment/")
    assessment.refresh_from_db()
    assert assessment.live

    page.goto(assessed_pattern.url)
    text = page.inner_text("main")
    assert "met in 1 of 2 assessed services" in text
    assert_accessible(page)
