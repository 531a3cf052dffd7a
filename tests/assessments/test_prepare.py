import csv
import io

import pytest

from tests import factories


@pytest.fixture
def blue_badge_pattern(pattern_page, govuk, service):
    """A pattern that claims GOV.UK points 1 and 5."""
    pattern_page.services.add(service)
    pattern_page.standards = [
        (
            "standard_point",
            {
                "standard": govuk,
                "point": 1,
                "how": "Built on research with 40 applicants.",
                "evidence": "https://example.org/research",
            },
        ),
        ("standard_point", {"standard": govuk, "point": 5, "how": "Tested with screen reader users.", "evidence": ""}),
    ]
    pattern_page.save_revision().publish()
    return pattern_page


def prepare_query(pattern, service, standard, **extra):
    return {"pattern": pattern.slug, "service": service.lgsl_code, "standard": standard.slug, **extra}


def test_checklist_marks_what_the_pattern_covers(client, blue_badge_pattern, service, govuk):
    """The HTML checklist lists all 14 points, marking 1 and 5 as covered by the pattern."""
    response = client.get("/assessments/prepare/", prepare_query(blue_badge_pattern, service, govuk))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('data-covered="yes"') == 2 and html.count('data-covered="no"') == 12
    assert "Tested with screen reader users." in html
    assert "The pattern helps with 2 of 14 points" in html


def test_checklist_as_csv(client, blue_badge_pattern, service, govuk):
    """The CSV has a header and one row per point, with the pattern's claims."""
    response = client.get("/assessments/prepare/", prepare_query(blue_badge_pattern, service, govuk, format="csv"))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["Standard", "Point", "Title"]
    assert len(rows) == 15
    point5 = next(row for row in rows[1:] if row[1] == "5")
    assert point5[4] == "Covered by the pattern" and point5[5] == "Tested with screen reader users."
    point2 = next(row for row in rows[1:] if row[1] == "2")
    assert point2[4] == "The council must show this"


def test_printable_checklist_stands_alone(client, blue_badge_pattern, service, govuk):
    """The printable version has the service, pattern and standard, and a print stylesheet."""
    response = client.get("/assessments/prepare/", prepare_query(blue_badge_pattern, service, govuk, format="print"))
    html = response.content.decode()
    assert "checklist-print.css" in html
    assert f"{service.name} (LGSL {service.lgsl_code})" in html
    assert blue_badge_pattern.title in html


def test_unknown_choices_are_a_clear_error(client, blue_badge_pattern, govuk):
    """An unknown service is refused with a message naming the field, and the other answers are kept."""
    response = client.get(
        "/assessments/prepare/", {"pattern": blue_badge_pattern.slug, "service": "999999", "standard": govuk.slug}
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in html and "Service:" in html
    assert f'value="{blue_badge_pattern.slug}" selected' in html


def test_a_draft_pattern_cannot_be_chosen(client, pattern_index, service, govuk):
    """Only live patterns are offered: a draft's slug is refused."""
    draft = factories.ServicePatternPageFactory(parent=pattern_index, live=False)
    response = client.get("/assessments/prepare/", prepare_query(draft, service, govuk))
    assert response.status_code == 400


def test_checklist_csv_neutralises_formulas(client, blue_badge_pattern, service, govuk):
    """An editor's claim and a publisher's standard point title cannot start a formula in the checklist CSV."""
    from tests.spreadsheets import HOSTILE, assert_inert, csv_cells

    point = govuk.points.get(number=2)
    point.title = HOSTILE["at"]
    point.save()
    blue_badge_pattern.standards = [
        ("standard_point", {"standard": govuk, "point": 1, "how": HOSTILE["minus"], "evidence": ""})
    ]
    blue_badge_pattern.save()
    response = client.get("/assessments/prepare/", prepare_query(blue_badge_pattern, service, govuk, format="csv"))
    assert_inert(csv_cells(response), HOSTILE["at"], HOSTILE["minus"])
