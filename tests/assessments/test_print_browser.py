import io

import pytest
from pypdf import PdfReader

from tests.browser import assert_accessible


@pytest.fixture
def claimed_pattern(pattern_page, govuk, service):
    pattern_page.services.add(service)
    pattern_page.standards = [
        ("standard_point", {"standard": govuk, "point": 5, "how": "Tested with screen reader users.", "evidence": ""})
    ]
    pattern_page.save_revision().publish()
    return pattern_page


def test_printed_checklist_as_rendered_by_chromium(browser_page, claimed_pattern, service, govuk):
    """Chromium's print-to-PDF of the printable checklist holds every point and what the pattern covers."""
    query = f"pattern={claimed_pattern.slug}&service={service.lgsl_code}&standard={govuk.slug}"
    browser_page.goto(f"/assessments/prepare/?{query}&format=print")
    assert_accessible(browser_page)
    pdf = PdfReader(io.BytesIO(browser_page.pdf(format="A4")))
    text = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    assert f"Assessment checklist: {service.name}" in text
    for point in govuk.points.all():
        assert point.title.split()[0] in text
    assert "Tested with screen reader users." in text
    assert "Back to the checklist" not in text  # the print stylesheet hides the screen-only link


def test_prepare_pages_are_accessible_and_the_form_leads_to_the_checklist(
    browser_page, claimed_pattern, service, govuk
):
    """The choice form, its error state and the HTML checklist pass axe-core; choosing leads to the checklist."""
    page = browser_page
    page.goto("/assessments/prepare/")
    assert_accessible(page)
    page.get_by_role("button", name="Show the checklist").click()
    assert page.locator(".govuk-error-summary").is_visible()
    assert_accessible(page)
    page.get_by_label("Service pattern").select_option(label=claimed_pattern.title)
    page.get_by_label("Service", exact=True).select_option(label=f"{service.name} (LGSL {service.lgsl_code})")
    page.get_by_label("Service standard").select_option(label=govuk.name)
    page.get_by_role("button", name="Show the checklist").click()
    assert page.get_by_role("heading", name=f"The pattern helps with 1 of {govuk.points.count()} points").is_visible()
    assert "Tested with screen reader users." in page.inner_text("main")
    assert_accessible(page)
    page.get_by_role("link", name="Printable checklist").click()
    assert page.get_by_role("heading", name=f"Assessment checklist: {service.name}").is_visible()
