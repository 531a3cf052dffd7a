"""The whole review in a real Chromium: contributor submits, reviewer approves, publisher signs off."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import Page

from editorial.roles import SIGN_OFF_TASK_NAME, ensure_editorial_setup
from pattern_pages.site_setup import ensure_home_page
from tests import factories

from .conftest import failing_pattern_content, passing_pattern_content

PASSWORD = "a-long-test-password"


def log_in(page, username):
    page.context.clear_cookies()
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/admin/$"))


def row_action(page, title, action, navigates=False):
    """Open the dashboard's action menu on the row for ``title`` and click ``action``."""
    page.goto("/admin/")
    row = page.locator("tr", has_text=title)
    row.get_by_role("button", name="Actions").click()
    button = row.get_by_role("button", name=action, exact=True)
    if navigates:
        with page.expect_navigation():
            button.click()
    else:
        button.click()


@pytest.fixture
def review_setup(transactional_db, make_user):
    """The tree, the roles and two drafts by the contributor: one passes sign-off, one fails it."""
    # A transactional test starts from a flushed database: locales and home page first.
    home = ensure_home_page()
    ensure_editorial_setup()
    council = factories.CouncilFactory()
    component = factories.DesignSystemComponentFactory(slug="date-input", name="Date input")
    index = factories.PatternIndexPageFactory(parent=home)
    users = {role: make_user(role, council=council) for role in ("Contributor", "Reviewer", "Publisher")}

    pages = {}
    for title, content in [
        ("Apply for a school place", passing_pattern_content(component)),
        ("Report a flood", failing_pattern_content()),
    ]:
        draft = factories.ServicePatternPageFactory(parent=index, title=title, live=False, owner=users["Contributor"])
        for name, value in content.items():
            setattr(draft, name, value)
        draft.save_revision(user=users["Contributor"])
        pages[title] = draft
    return users, pages


def test_contributor_submits_reviewer_approves_publisher_signs_off(browser_page, review_setup):
    """A failing page is refused at sign-off with the reasons shown; a passing one goes live."""
    users, pages = review_setup
    passing, failing = pages["Apply for a school place"], pages["Report a flood"]
    page = browser_page

    # The failing pattern reaches sign-off without the browser, to keep the test short.
    workflow = failing.get_workflow()
    workflow.start(failing, users["Contributor"])
    failing = Page.objects.get(pk=failing.pk).specific
    failing.current_workflow_task.on_action(failing.current_workflow_task_state, users["Reviewer"], "approve")

    log_in(page, "contributor")
    page.goto(f"/admin/pages/{passing.pk}/edit/")
    page.fill("#id_summary", "How a parent applies for a primary or secondary school place.")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name=re.compile("Submit to Pattern library review")).click()
    expect(page.get_by_text("has been submitted for moderation")).to_be_visible()

    log_in(page, "reviewer")
    row_action(page, "Apply for a school place", "Approve", navigates=True)
    assert Page.objects.get(pk=passing.pk).current_workflow_task.name == SIGN_OFF_TASK_NAME

    log_in(page, "publisher")
    row_action(page, "Report a flood", "Sign off and publish")
    modal = page.locator(".modal-content")
    for label in ("Every step names", "The accessibility section says", "Every process step with a statutory"):
        modal.get_by_label(re.compile(label)).check()
    modal.get_by_role("button", name="Sign off and publish").click()
    expect(modal.get_by_text("This page cannot be signed off yet")).to_be_visible()
    expect(modal.get_by_text("names no GOV.UK Design System component")).to_be_visible()
    expect(modal.get_by_text("The accessibility section is empty.")).to_be_visible()
    modal.get_by_role("button", name="Close").click()
    assert not Page.objects.get(pk=failing.pk).live

    row_action(page, "Apply for a school place", "Sign off and publish")
    modal = page.locator(".modal-content")
    for label in ("Every step names", "The accessibility section says", "Every process step with a statutory"):
        modal.get_by_label(re.compile(label)).check()
    with page.expect_navigation():
        modal.get_by_role("button", name="Sign off and publish").click()
    live = Page.objects.get(pk=passing.pk)
    assert live.live
    page.goto(live.url)
    expect(page.get_by_role("heading", name="Apply for a school place")).to_be_visible()
    expect(page.get_by_text("How a parent applies for a primary or secondary school place.")).to_be_visible()
