"""The two-step review: the sign-off checklist, rejection and resubmission, emails, locking and the audit log."""

import datetime

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, WorkflowState

from editorial.checks import failed_checks
from editorial.roles import SIGN_OFF_TASK_NAME
from tests import factories

from .conftest import pattern_form_data
from .test_permission_matrix import CHECKLIST, in_review, workflow_action_url

XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


def reload(page):
    return Page.objects.get(pk=page.pk).specific


def test_sign_off_refuses_a_failing_pattern_and_lists_the_reasons(client, users, editorial, failing_pattern):
    """A publisher cannot sign off a pattern with a step naming no component and no accessibility section."""
    page = in_review(failing_pattern, users["Contributor"], editorial, at_step=2, approver=users["Reviewer"])
    client.force_login(users["Publisher"])
    response = client.post(workflow_action_url(page), CHECKLIST, **XHR)
    html = response.json()["html"]
    assert "Step 1, &#x27;Check your answers&#x27;, names no GOV.UK Design System component." in html
    assert "The accessibility section is empty." in html
    page = reload(page)
    assert not page.live
    assert page.current_workflow_task.name == SIGN_OFF_TASK_NAME


def test_sign_off_requires_the_checklist_to_be_confirmed(client, users, editorial, passing_pattern):
    """Approval without ticking the checklist is refused, naming the unticked item."""
    page = in_review(passing_pattern, users["Contributor"], editorial, at_step=2, approver=users["Reviewer"])
    client.force_login(users["Publisher"])
    response = client.post(workflow_action_url(page), {"components_named": "on"}, **XHR)
    assert "This field is required" in response.json()["html"]
    assert not reload(page).live


def test_sign_off_of_a_passing_pattern_publishes_it(client, users, editorial, passing_pattern):
    """With the checklist confirmed and the checks passing, sign-off publishes the page."""
    page = in_review(passing_pattern, users["Contributor"], editorial, at_step=2, approver=users["Reviewer"])
    client.force_login(users["Publisher"])
    response = client.post(workflow_action_url(page), {**CHECKLIST, "comment": "Meets the standard"}, **XHR)
    assert response.json()["step"] == "success"
    page = reload(page)
    assert page.live
    assert page.current_workflow_state is None
    assert client.get(page.url).status_code == 200


def test_process_steps_with_a_statutory_basis_must_link_legislation(process_index):
    """A statutory step without legislation, and a duty no step carries out, are both reasons to refuse."""
    law = {
        "title": "Education Act 1996",
        "section": "s.437",
        "url": "https://www.legislation.gov.uk/ukpga/1996/56/section/437",
        "duty_or_power": "duty",
    }
    page = factories.ProcessPageFactory(
        parent=process_index,
        legislation=[("legislation", law)],
        steps=[
            ("step", factories.process_step("submit", "Submit", "Resident")),
            ("step", factories.process_step("decide", "Decide", "Caseworker", statutory=True)),
        ],
    )
    assert failed_checks(page) == [
        "Step 2, 'Decide', has a statutory basis but links no legislation entry.",
        "The duty 'Education Act 1996' is not linked from any step.",
    ]
    page.steps = [
        ("step", factories.process_step("submit", "Submit", "Resident")),
        ("step", factories.process_step("decide", "Decide", "Caseworker", statutory=True, legislation=law["title"])),
    ]
    assert failed_checks(page) == []


def test_rejection_returns_with_comment_and_resubmission_restarts_at_the_rejecting_step(
    client, users, editorial, passing_pattern
):
    """A publisher's request for changes emails the comment; resubmitting goes back to sign-off, not review."""
    contributor = users["Contributor"]
    page = in_review(passing_pattern, contributor, editorial, at_step=2, approver=users["Reviewer"])
    mail.outbox.clear()
    client.force_login(users["Publisher"])
    client.post(workflow_action_url(page, "reject"), {"comment": "Name the component on step 1"}, **XHR)
    page = reload(page)
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    rejection = [m for m in mail.outbox if contributor.email in m.to]
    assert rejection and "Name the component on step 1" in rejection[0].body

    client.force_login(contributor)
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), pattern_form_data(page, **{"action-submit": "1"}))
    page = reload(page)
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert page.current_workflow_task.name == SIGN_OFF_TASK_NAME


def test_each_transition_emails_the_submitter_and_the_next_group(client, users, editorial, passing_pattern):
    """Submission tells reviewers; step one passing tells publishers and the submitter; sign-off the submitter."""
    contributor, reviewer, publisher = users["Contributor"], users["Reviewer"], users["Publisher"]
    mail.outbox.clear()
    editorial.start(passing_pattern, contributor)
    assert reviewer.email in {address for m in mail.outbox for address in m.to}
    assert publisher.email not in {address for m in mail.outbox for address in m.to}

    mail.outbox.clear()
    client.force_login(reviewer)
    client.post(workflow_action_url(reload(passing_pattern)), {"comment": "Reads well"})
    recipients = {address for m in mail.outbox for address in m.to}
    assert publisher.email in recipients
    to_submitter = [m for m in mail.outbox if contributor.email in m.to]
    assert to_submitter and SIGN_OFF_TASK_NAME in to_submitter[0].body

    mail.outbox.clear()
    client.force_login(publisher)
    client.post(workflow_action_url(reload(passing_pattern)), CHECKLIST)
    assert [m for m in mail.outbox if contributor.email in m.to]


def test_pages_in_review_are_locked_except_for_reviewers(client, users, editorial, passing_pattern):
    """While in review, the contributor's own page is locked for them, and stays editable by reviewers."""
    page = in_review(passing_pattern, users["Contributor"], editorial)
    client.force_login(users["Contributor"])
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), pattern_form_data(page, title="Contributor"))
    assert reload(page).get_latest_revision_as_object().title != "Contributor"
    client.force_login(users["Reviewer"])
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), pattern_form_data(page, title="Reviewer"))
    assert reload(page).get_latest_revision_as_object().title == "Reviewer"


def test_every_transition_is_in_the_audit_log(client, users, editorial, passing_pattern):
    """Submission, both approvals, rejection, resubmission and publication are recorded in the page history."""
    page = in_review(passing_pattern, users["Contributor"], editorial)
    client.force_login(users["Reviewer"])
    client.post(workflow_action_url(reload(page), "reject"), {"comment": "Add a variant"})
    client.force_login(users["Contributor"])
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), pattern_form_data(page, **{"action-submit": "1"}))
    client.force_login(users["Reviewer"])
    client.post(workflow_action_url(reload(page)), {"comment": ""})
    page = reload(page)
    assert page.current_workflow_task.name == SIGN_OFF_TASK_NAME
    actions = list(PageLogEntry.objects.filter(page=page).order_by("timestamp", "pk").values_list("action", flat=True))
    for action in [
        "wagtail.workflow.start",
        "wagtail.workflow.reject",
        "wagtail.workflow.resume",
        "wagtail.workflow.approve",
    ]:
        assert action in actions, f"{action} missing from {actions}"


def test_publishing_sets_review_by_twelve_months_later_when_empty(users, passing_pattern):
    """A page published with no review-by date is due for review a year after publication."""
    passing_pattern.get_latest_revision().publish()
    page = reload(passing_pattern)
    today = timezone.localdate()
    assert page.review_by is not None
    assert (page.review_by - today).days in range(365, 367)
    assert page.get_latest_revision_as_object().review_by == page.review_by


def test_publishing_keeps_a_review_by_date_the_editor_set(passing_pattern):
    """An editor's own review-by date is kept."""
    passing_pattern.review_by = datetime.date(2031, 1, 31)
    passing_pattern.save_revision().publish()
    assert reload(passing_pattern).review_by == datetime.date(2031, 1, 31)


def test_scheduled_publishing_happens_when_publish_scheduled_runs(users, editorial, passing_pattern):
    """A signed-off page with a go-live time goes live when `publish_scheduled` next runs after that time."""
    passing_pattern.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = passing_pattern.save_revision(user=users["Publisher"], approved_go_live_at=passing_pattern.go_live_at)
    revision.publish()
    assert not reload(passing_pattern).live
    call_command("publish_scheduled")
    assert not reload(passing_pattern).live
    # An hour passes: move the scheduled time into the past rather than wait.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.refresh_from_db()
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save()
    Page.objects.filter(pk=passing_pattern.pk).update(go_live_at=past)
    call_command("publish_scheduled")
    assert reload(passing_pattern).live


def fixed_pattern_data(page, component):
    """The editor's form for ``page`` with a component on its step and an accessibility section."""
    from wagtail.test.utils.form_data import streamfield

    from tests.pattern_pages.admin_forms import html, pattern_step
    from tests.pattern_pages.admin_forms import pattern_form_data as editor_form_data

    return editor_form_data(
        page.pattern_type,
        title=page.title,
        slug=page.slug,
        steps=streamfield([("step", pattern_step("Check your answers", [component]))]),
        accessibility=streamfield([("paragraph", html("<p>Tested with screen readers; meets WCAG 2.2 AA.</p>"))]),
    )


def test_sign_off_after_a_refusal_publishes_the_fixed_draft(client, users, editorial, failing_pattern, component):
    """Refused for an empty accessibility section, the publisher fixes and saves the draft, signs off: it is live."""
    page = in_review(failing_pattern, users["Contributor"], editorial, at_step=2, approver=users["Reviewer"])
    client.force_login(users["Publisher"])
    refused = client.post(workflow_action_url(page), CHECKLIST, **XHR)
    assert "The accessibility section is empty." in refused.json()["html"]

    saved = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), fixed_pattern_data(page, component))
    assert saved.status_code == 302
    page = reload(page)
    response = client.post(workflow_action_url(page), CHECKLIST, **XHR)
    assert response.status_code == 200, "sign-off of the fixed draft was refused"
    assert response.json()["step"] == "success"
    page = reload(page)
    assert page.live and page.current_workflow_state is None
    assert "WCAG 2.2 AA" in str(page.accessibility)


def test_sign_off_from_the_editor_says_published_in_plain_words(client, users, editorial, failing_pattern, component):
    """The editor's menu says "Sign off and publish" once; fixing and signing off there says "published"."""
    import json

    page = in_review(failing_pattern, users["Contributor"], editorial, at_step=2, approver=users["Reviewer"])
    client.force_login(users["Publisher"])
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "Sign off and publish" in editor
    assert "and Publish" not in editor

    data = fixed_pattern_data(page, component)
    data.update(
        {
            "action-workflow-action": "true",
            "workflow-action-name": "approve",
            "workflow-action-extra-data": json.dumps({"comment": "", **dict.fromkeys(CHECKLIST, True)}),
        }
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data, follow=True)
    assert response.status_code == 200
    said = [str(message) for message in response.context["messages"]]
    assert any("published" in message for message in said), said
    assert not any("has been updated" in message for message in said), said
    page = reload(page)
    assert page.live and "WCAG 2.2 AA" in str(page.accessibility)
