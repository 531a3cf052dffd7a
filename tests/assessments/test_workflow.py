"""A council's contributor records an assessment; it stays private until a publisher signs it off."""

from django.template import Context, Template
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from assessments.models import Assessment
from editorial.roles import CONTRIBUTOR, PUBLISHER

ADD_URL = "/admin/snippets/assessments/assessment/add/"


def summary(pattern):
    return Template("{% load assessment_tags %}{% pattern_assessment_summary page %}").render(
        Context({"page": pattern})
    )


def test_submitted_assessment_is_published_by_a_publishers_sign_off(
    client, people, govuk, council, service, pattern_page
):
    """Submitted by a contributor it stays off the pattern page; approved by a publisher it counts."""
    client.force_login(people[CONTRIBUTOR])
    form = nested_form_data(
        {
            "council": council.pk,
            "service": service.pk,
            "pattern": pattern_page.pk,
            "adoption": "",
            "standard": govuk.pk,
            "phase": "beta",
            "date": "2026-04-01",
            "panel_roles": "Lead assessor, user researcher",
            "result": "met",
            "report_url": "",
            "outcomes": inline_formset(
                [{"point": govuk.points.get(number=5).pk, "result": "met", "reason": "Tested with disabled users."}]
            ),
            "action-submit": "Submit for sign-off",
        }
    )
    response = client.post(ADD_URL, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    assessment = Assessment.objects.get()
    assert assessment.live is False
    assert assessment.workflow_in_progress
    assert "met in" not in summary(pattern_page)

    # A contributor may not sign it off.
    task_state = assessment.current_workflow_task_state
    approve_url = f"/admin/snippets/assessments/assessment/workflow/action/{assessment.pk}/approve/{task_state.pk}/"
    client.post(approve_url, {"comment": ""})
    assessment.refresh_from_db()
    assert assessment.live is False

    client.force_login(people[PUBLISHER])
    response = client.post(approve_url, {"comment": "Checked against the report."})
    assert response.status_code in (200, 302)
    assessment.refresh_from_db()
    assert assessment.live is True
    assert "met in 1 of 1 assessed service" in summary(pattern_page)


def test_contributors_cannot_publish_directly(client, people, govuk, council, service, pattern_page):
    """The publish button is refused to a contributor: the assessment is saved as a draft only."""
    client.force_login(people[CONTRIBUTOR])
    form = nested_form_data(
        {
            "council": council.pk,
            "service": service.pk,
            "pattern": pattern_page.pk,
            "adoption": "",
            "standard": govuk.pk,
            "phase": "alpha",
            "date": "2026-04-01",
            "panel_roles": "",
            "result": "not-met",
            "report_url": "",
            "outcomes": inline_formset([]),
            "action-publish": "Publish",
        }
    )
    client.post(ADD_URL, form)
    assert not Assessment.objects.filter(live=True).exists()
