from wagtail.test.utils.form_data import inline_formset, nested_form_data

from assessments.models import Assessment, ServiceStandard

ADD_URL = "/admin/snippets/assessments/assessment/add/"


def assessment_form(council, service, standard, outcomes, pattern=None, **extra):
    return nested_form_data(
        {
            "council": council.pk,
            "service": service.pk,
            "pattern": pattern.pk if pattern else "",
            "adoption": "",
            "standard": standard.pk,
            "phase": "beta",
            "date": "2026-03-01",
            "panel_roles": "Lead assessor, user researcher",
            "result": "met",
            "report_url": "",
            "outcomes": inline_formset(outcomes),
            **extra,
        }
    )


def test_recording_an_assessment_saves_a_private_draft(admin_client, govuk, council, service, pattern_page):
    """Saving an assessment in the admin keeps it as a draft until it is published."""
    point = govuk.points.get(number=5)
    outcomes = [{"point": point.pk, "result": "met", "reason": "Audited."}]
    response = admin_client.post(ADD_URL, assessment_form(council, service, govuk, outcomes, pattern=pattern_page))
    assert response.status_code == 302, response.content.decode()[:3000]
    assessment = Assessment.objects.get()
    assert assessment.live is False
    assert assessment.outcomes.get().point == point


def test_an_outcome_for_another_standards_point_is_refused_on_that_field(
    admin_client, standards, council, service, pattern_page
):
    """An outcome naming an LGDSS point on a GOV.UK assessment is refused, and nothing is saved."""
    govuk = standards["govuk-service-standard"]
    lgdss_point = ServiceStandard.objects.get(slug="local-government-digital-service-standard").points.get(number=15)
    response = admin_client.post(
        ADD_URL,
        assessment_form(
            council,
            service,
            govuk,
            [{"point": lgdss_point.pk, "result": "met", "reason": "Seen."}],
            pattern=pattern_page,
        ),
    )
    assert response.status_code == 200
    assert "is not part of GOV.UK Service Standard" in response.content.decode()
    assert not Assessment.objects.exists()


def test_the_same_point_twice_is_refused(admin_client, govuk, council, service, pattern_page):
    """Two outcomes for point 5 are refused."""
    point = govuk.points.get(number=5)
    outcome = {"point": point.pk, "result": "met", "reason": "Seen."}
    response = admin_client.post(
        ADD_URL, assessment_form(council, service, govuk, [outcome, outcome], pattern=pattern_page)
    )
    assert response.status_code == 200
    assert "Please correct the duplicate data for assessment and point" in response.content.decode()
    assert not Assessment.objects.exists()
