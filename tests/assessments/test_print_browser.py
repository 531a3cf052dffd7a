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
