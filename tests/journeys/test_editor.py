"""Editors' journey, in Chromium under production's settings and the admin's CSP: from a new pattern to the
public site, the API, site search and the change feed."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect
from wagtail.models import Page

from editorial.models import ContributorProfile
from editorial.roles import CONTRIBUTOR, PUBLISHER, REVIEWER, SIGN_OFF_TASK_NAME, ensure_editorial_setup
from pattern_pages.models import ServicePatternPage
from pattern_pages.site_setup import ensure_home_page
from tests import factories

from .conftest import WIDTHS, admin_login, open_preview_panel

PASSWORD = "a-long-test-password"  # noqa: S105
TITLE = "Request a dropped kerb"
SUMMARY = "How a resident asks the council to lower a kerb so they can park on their own drive."
CHECKLIST = ("Every step names", "The accessibility section says", "Every process step with a statutory")


@pytest.fixture
def newsroom(production_server):
    """The tree, the roles and workflow, one user per role, and taxonomy to choose from (no demo content)."""
    home = ensure_home_page()
    ensure_editorial_setup()
    council = factories.CouncilFactory(official_name="Essex County Council", name="Essex")
    index = factories.PatternIndexPageFactory(parent=home)
    pattern_type = factories.PatternTypeFactory(name="Apply", slug="apply")
    for number in range(30):  # more than one page of each chooser, so only a search finds the ones wanted
        factories.ServiceFactory(name=f"Collect bulky waste {number}", lgsl_code=3000 + number)
        factories.DesignSystemComponentFactory(slug=f"component-{number}", name=f"Component {number}")
    factories.ServiceFactory(name="Apply for a dropped kerb", lgsl_code=1104)
    factories.ServiceFactory(name="Apply for a blue badge", lgsl_code=524)
    factories.DesignSystemComponentFactory(slug="address-input", name="Address input")
    for role in (CONTRIBUTOR, REVIEWER, PUBLISHER):
        user = get_user_model().objects.create_user(
            username=role.lower(), email=f"{role.lower()}@example.gov.uk", password=PASSWORD
        )
        user.groups.add(Group.objects.get(name=role))
        ContributorProfile.objects.create(user=user, council=council)
    return {"index": index, "pattern_type": pattern_type}


def choose_services(tab, query, expected):
    services = tab.locator("[data-library-multiple-chooser][data-name='services']")
    services.get_by_role("button", name="Choose services").click()
    modal = tab.locator(".modal-content")
    modal.get_by_role("textbox", name="Search term").fill(query)
    expect(modal.locator("tbody tr")).to_have_count(1)
    modal.locator("tr", has_text=expected).get_by_role("checkbox").check()
    modal.get_by_role("button", name="Confirm selection").click()
    services.locator("li", has_text=expected).wait_for()
    expect(tab.locator(".modal-content")).to_have_count(0)


def sign_off_from_dashboard(tab, title):
    tab.goto("/admin/")
    row = tab.locator("tr", has_text=title)
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Sign off and publish", exact=True).click()
    modal = tab.locator(".modal-content")
    for label in CHECKLIST:
        modal.get_by_label(re.compile(label)).check()
    modal.get_by_role("button", name="Sign off and publish").click()
    return modal


def test_a_pattern_goes_from_the_editor_to_the_site_api_search_and_change_feed(journey, newsroom):
    """A Contributor writes a pattern (services and a component chosen by search, seen in the preview panel)
    and submits it; a Reviewer approves; the Publisher's sign-off is refused for the empty accessibility
    section, with the reason shown; the draft is fixed and the Publisher signs off in the editor, which
    publishes it; the page is then on the site, in the API, in site search and in the change feed.

    Every step is driven in Chromium: the publisher adds the missing accessibility paragraph in the editor
    (a new block, typed into Draftail), saves the draft, and signs off from the editor's action menu, which
    posts the editor's form as a person does."""
    # The contributor writes the pattern.
    tab = journey.new_page(width=WIDTHS["desktop"])
    admin_login(tab, "contributor", PASSWORD)
    tab.goto(f"/admin/pages/add/pattern_pages/servicepatternpage/{newsroom['index'].pk}/")
    tab.fill("#id_title", TITLE)
    tab.fill("#id_summary", SUMMARY)
    tab.locator("[data-contentpath='pattern_type']").get_by_role("button", name=re.compile("Choose")).click()
    tab.locator(".modal-content").get_by_role("link", name="Apply", exact=True).click()
    expect(tab.locator(".modal-content")).to_have_count(0)
    choose_services(tab, "dropped kerb", "Apply for a dropped kerb (LGSL 1104)")
    choose_services(tab, "524", "Apply for a blue badge (LGSL 524)")

    steps = tab.locator("[data-contentpath='steps']")
    steps.get_by_role("button", name="Insert a block").first.click()
    tab.fill("#steps-0-value-title", "Your address")
    tab.fill("#steps-0-value-user_action", "Finds their address by postcode")
    step_components = steps.locator("[data-contentpath='components']")
    # A new step comes with one empty component to choose.
    step_components.get_by_role("button", name=re.compile("Choose")).first.click()
    modal = tab.locator(".modal-content")
    modal.get_by_role("textbox", name="Search term").fill("address")
    expect(modal.locator("tbody tr")).to_have_count(1)  # the search answers, not the first page of 31
    journey.screenshot(tab, "component-chooser")
    modal.get_by_role("link", name="Address input").click()
    expect(tab.locator(".modal-content")).to_have_count(0)
    expect(step_components).to_contain_text("Address input")

    tab.get_by_role("button", name="Save draft").click()
    tab.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    page_id = int(re.search(r"/admin/pages/(\d+)/edit/", tab.url).group(1))
    frame = open_preview_panel(tab)
    frame.get_by_role("heading", name=TITLE).wait_for()
    preview = frame.locator("body").inner_text()
    assert SUMMARY in preview and "Address input" in preview
    journey.screenshot(tab, "preview")

    tab.get_by_role("button", name="More actions").click()
    tab.get_by_role("button", name=re.compile("Submit to Pattern library review")).click()
    expect(tab.get_by_text("has been submitted for moderation")).to_be_visible()
    draft = ServicePatternPage.objects.get(pk=page_id).get_latest_revision_as_object()
    assert sorted(service.lgsl_code for service in draft.services.all()) == [524, 1104]

    # The reviewer approves.
    tab = journey.new_page(width=WIDTHS["desktop"])
    admin_login(tab, "reviewer", PASSWORD)
    tab.goto("/admin/")
    row = tab.locator("tr", has_text=TITLE)
    row.get_by_role("button", name="Actions").click()
    with tab.expect_navigation():
        row.get_by_role("button", name="Approve", exact=True).click()
    assert Page.objects.get(pk=page_id).current_workflow_task.name == SIGN_OFF_TASK_NAME

    # The publisher's sign-off is refused: the accessibility section is empty.
    tab = journey.new_page(width=WIDTHS["desktop"])
    admin_login(tab, "publisher", PASSWORD)
    modal = sign_off_from_dashboard(tab, TITLE)
    expect(modal.get_by_text("This page cannot be signed off yet")).to_be_visible()
    expect(modal.get_by_text("The accessibility section is empty.")).to_be_visible()
    modal.get_by_role("button", name="Close").click()
    assert not Page.objects.get(pk=page_id).live

    # The publisher fixes the draft in the editor, then signs off there.
    tab.goto(f"/admin/pages/{page_id}/edit/")
    accessibility = tab.locator("[data-contentpath='accessibility']")
    accessibility.get_by_role("button", name="Insert a block").first.click()
    tab.get_by_role("option", name=re.compile("Paragraph")).first.click()
    accessibility.locator("[contenteditable=true]").first.click()
    tab.keyboard.type("Tested with screen readers and voice control; meets WCAG 2.2 AA.")
    # Draftail writes the editor's state into the form every 250 ms (stateSaveInterval): as a person would,
    # save once what was typed is in it.
    expect(tab.locator("input[name='accessibility-0-value']")).to_have_value(re.compile("WCAG 2.2 AA"))
    tab.get_by_role("button", name="Save draft").click()
    expect(tab.locator(".messages")).to_contain_text("has been updated")
    draft = ServicePatternPage.objects.get(pk=page_id).get_latest_revision_as_object()
    assert "WCAG 2.2 AA" in str(draft.accessibility) and not ServicePatternPage.objects.get(pk=page_id).live
    expect(tab.locator("[data-contentpath='accessibility']")).to_contain_text("meets WCAG 2.2 AA")
    tab.get_by_role("button", name="More actions").click()
    tab.get_by_role("button", name="Sign off and publish").click()
    modal = tab.locator(".modal-content")
    for label in CHECKLIST:
        modal.get_by_label(re.compile(label)).check()
    with tab.expect_navigation():
        modal.get_by_role("button", name="Sign off and publish").click()
    message = tab.locator(".messages").inner_text()
    assert "published" in message and "has been updated" not in message, message
    live = ServicePatternPage.objects.get(pk=page_id)
    assert live.live and "WCAG 2.2 AA" in str(live.accessibility)

    # On the public site.
    tab = journey.new_page(width=WIDTHS["desktop"])
    tab.goto(live.url)
    expect(tab.get_by_role("heading", name=TITLE, level=1)).to_be_visible()
    for text in (SUMMARY, "Address input", "meets WCAG 2.2 AA", "Apply for a dropped kerb"):
        expect(tab.get_by_text(text).first).to_be_visible()
    journey.screenshot(tab, "published")

    # In the API, by search (its q parameter) and by id.
    response = tab.request.get("/api/v1/patterns/?q=dropped+kerb")
    assert response.ok, (response.status, response.text())
    found = response.json()
    assert page_id in [item["id"] for item in found["results"]], found
    detail = tab.request.get(f"/api/v1/patterns/{page_id}/").json()
    assert detail["title"] == TITLE
    assert "1104" in str(detail["services"])

    # In site search.
    tab.goto("/search/?q=dropped+kerb")
    expect(tab.get_by_role("link", name=TITLE)).to_be_visible()

    # In the change feed, read as a supplier does: page after page from the start, following next_cursor.
    events, cursor = [], "0"
    while True:
        batch = tab.request.get(f"/api/v1/changes/?since={cursor}").json()
        if not batch["results"]:
            break
        events += batch["results"]
        cursor = batch["next_cursor"]
    assert any(
        event["event"] == "published"
        and event["resource"] == "pattern"
        and event["object_id"] == page_id
        and event["title"] == TITLE
        for event in events
    ), [event for event in events if event["object_id"] == page_id]
    assert not journey.problems
