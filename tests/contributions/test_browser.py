"""The whole journey in Chromium: a council officer contributes, confirms by email, an editor records the
adoption, and it shows on the pattern page. axe-core checks every form page and the dashboard."""

import re

import pytest
from django.core import mail

from contributions.models import Adoption, Contribution, ContributionStatus
from tests.browser import assert_accessible, save_screenshot


def continue_(page):
    page.get_by_role("button", name=re.compile(r"^(Continue|Save and return)")).click()


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.com", "correct horse battery")


def test_officer_contributes_and_editor_records_the_adoption(
    home_page, browser_page, council, service, life_event, pattern_page, editor
):
    """An officer completes the form, fixes an error, confirms by email; the editor's adoption shows on the pattern."""
    page = browser_page
    page.goto("/contribute/")
    assert_accessible(page)
    page.get_by_role("button", name="Start now").click()

    page.wait_for_url("**/contribute/council/")
    assert_accessible(page)
    page.get_by_label("Which council do you work for?").select_option(label=council.official_name)
    continue_(page)

    page.wait_for_url("**/contribute/your-details/")
    page.get_by_label("Full name").fill("Jo Bloggs")
    page.get_by_label("Job title or role").fill("Service designer")
    page.get_by_label("Work email address").fill("jo at essex")
    continue_(page)
    # The mistake: the error summary links to the field, the answers typed are still there.
    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible()
    assert "Enter an email address in the correct format" in summary.inner_text()
    assert page.get_by_label("Full name").input_value() == "Jo Bloggs"
    assert page.title().startswith("Error:")
    assert_accessible(page)
    summary.get_by_role("link").click()
    assert page.evaluate("document.activeElement.id") == "id_email"
    page.get_by_label("Work email address").fill("jo@essex.gov.uk")
    continue_(page)

    page.wait_for_url("**/contribute/service/")
    assert_accessible(page)
    page.get_by_label("Service", exact=True).select_option(label=f"{service.name} (LGSL {service.lgsl_code})")
    continue_(page)

    page.wait_for_url("**/contribute/steps/")
    assert_accessible(page)
    page.get_by_label("Step 1").fill("Tell us the address")
    page.get_by_role("button", name="Add another step").click()
    page.get_by_label("Step 2").fill("Choose the bin that was missed")
    continue_(page)

    page.wait_for_url("**/contribute/life-events/")
    assert_accessible(page)
    page.get_by_label(life_event.name).check()
    continue_(page)

    page.wait_for_url("**/contribute/systems/")
    assert_accessible(page)
    page.get_by_label("Which systems or suppliers does the service use?").fill("Firmstep forms")
    page.get_by_label("Web address of the live service (optional)").fill("https://www.essex.gov.uk/missed-bin")
    continue_(page)

    page.wait_for_url("**/contribute/share/")
    assert_accessible(page)
    page.get_by_label("Yes").check()
    continue_(page)

    page.wait_for_url("**/contribute/check-answers/")
    assert_accessible(page)
    assert "Choose the bin that was missed" in page.inner_text("main")
    page.get_by_role("button", name="Send contribution").click()

    page.wait_for_url("**/contribute/check-your-email/")
    assert_accessible(page)
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+(/contribute/confirm/\S+/)", mail.outbox[0].body).group(1)
    # The email's address starts with SITE_URL (the deployed site); the page opens its path on this server.
    page.goto(link)
    assert_accessible(page)
    page.get_by_role("button", name="Confirm and send to the editors").click()
    assert page.get_by_role("heading", name="Contribution sent").is_visible()
    assert_accessible(page)
    contribution = Contribution.objects.get()
    assert contribution.status == ContributionStatus.NEW

    # The editor signs in and records the adoption from the queue.
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")
    page.goto(f"/admin/contribution/edit/{contribution.pk}/")
    page.locator("#id_adoption-pattern").select_option(label=pattern_page.title)
    page.get_by_role("button", name="Record adoption").click()
    page.wait_for_url("**/admin/adoption/edit/**")
    save_screenshot(page, "contributions-adoption-recorded")
    adoption = Adoption.objects.get()
    assert adoption.council == council and adoption.is_approved
    assert len(mail.outbox) == 2  # the contributor is told

    page.goto(pattern_page.url)
    assert "Used by 1 council" in page.inner_text("main")
    assert page.get_by_role("link", name=council.official_name).is_visible()

    # Suppliers see it in the API, found by the pattern and by the council.
    for query in (f"pattern={pattern_page.slug}", f"council={council.gss_code}"):
        response = page.request.get(f"/api/v1/adoptions/?{query}")
        assert response.ok
        [listed] = response.json()["results"]
        assert listed["id"] == adoption.pk
        assert listed["council"]["gss_code"] == council.gss_code and listed["pattern"]["slug"] == pattern_page.slug

    page.goto("/reuse/")
    assert_accessible(page)
    save_screenshot(page, "contributions-reuse-dashboard")
