"""The permission matrix: every role × every editorial action, performed through the admin views."""

import pytest
from django.urls import reverse
from wagtail.models import Page, TaskState

from tests import factories
from tests.roles import ALLOW, DENY, matrix_cases

from .conftest import passing_pattern_content, pattern_form_data

# role: Contributor, Reviewer, Publisher, Administrator
MATRIX = {
    "create": (ALLOW, ALLOW, ALLOW, ALLOW),
    "edit own": (ALLOW, ALLOW, ALLOW, ALLOW),
    "edit others'": (DENY, ALLOW, ALLOW, ALLOW),
    "submit": (ALLOW, ALLOW, ALLOW, ALLOW),
    "approve step 1": (DENY, ALLOW, DENY, ALLOW),
    "approve step 2": (DENY, DENY, ALLOW, ALLOW),
    "publish": (DENY, DENY, ALLOW, ALLOW),
    "unpublish": (DENY, DENY, ALLOW, ALLOW),
    "delete": (DENY, DENY, ALLOW, ALLOW),
    "manage users": (DENY, DENY, DENY, ALLOW),
}

CHECKLIST = {"components_named": "on", "accessibility_described": "on", "legislation_linked": "on"}


def make_pattern(parent, owner, component, live=False):
    page = factories.ServicePatternPageFactory(parent=parent, owner=owner, live=live)
    for name, value in passing_pattern_content(component).items():
        setattr(page, name, value)
    revision = page.save_revision(user=owner)
    if live:
        revision.publish()
    return Page.objects.get(pk=page.pk).specific


def in_review(page, submitter, workflow, at_step=1, approver=None):
    workflow.start(page, submitter)
    if at_step == 2:
        page.current_workflow_task.on_action(page.current_workflow_task_state, approver, "approve")
    return Page.objects.get(pk=page.pk).specific


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def workflow_action_url(page, action="approve"):
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, page.current_workflow_task_state.pk])


@pytest.mark.parametrize(("role", "action", "allowed"), matrix_cases(MATRIX))
def test_permission_matrix(client, users, pattern_index, component, editorial, role, action, allowed):
    """Each role may do exactly what the matrix says, through the admin's own views."""
    user = users[role]
    someone_else = users["Contributor"] if role != "Contributor" else users["Administrator"]
    client.force_login(user)

    if action == "create":
        url = reverse("wagtailadmin_pages:add", args=["pattern_pages", "servicepatternpage", pattern_index.pk])
        client.post(url, pattern_form_data(pattern_type=factories.PatternTypeFactory().pk, slug="made-by-role"))
        done = Page.objects.filter(slug="made-by-role").exists()
    elif action in ("edit own", "edit others'"):
        page = make_pattern(pattern_index, user if action == "edit own" else someone_else, component)
        client.post(edit_url(page), pattern_form_data(page, title="Retitled"))
        done = Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object().title == "Retitled"
    elif action == "submit":
        page = make_pattern(pattern_index, user, component)
        client.post(edit_url(page), pattern_form_data(page, **{"action-submit": "Submit"}))
        done = Page.objects.get(pk=page.pk).workflow_in_progress
    elif action == "approve step 1":
        page = in_review(make_pattern(pattern_index, someone_else, component), someone_else, editorial)
        task_state = page.current_workflow_task_state
        client.post(workflow_action_url(page), {"comment": ""})
        done = TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_APPROVED
    elif action == "approve step 2":
        page = make_pattern(pattern_index, someone_else, component)
        page = in_review(page, someone_else, editorial, at_step=2, approver=users["Reviewer"])
        client.post(workflow_action_url(page), CHECKLIST)
        done = Page.objects.get(pk=page.pk).live
    elif action == "publish":
        page = make_pattern(pattern_index, user, component)
        client.post(edit_url(page), pattern_form_data(page, **{"action-publish": "Publish"}))
        done = Page.objects.get(pk=page.pk).live
    elif action == "unpublish":
        page = make_pattern(pattern_index, someone_else, component, live=True)
        client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
        done = not Page.objects.get(pk=page.pk).live
    elif action == "delete":
        page = make_pattern(pattern_index, someone_else, component, live=True)
        client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
        done = not Page.objects.filter(pk=page.pk).exists()
    elif action == "manage users":
        response = client.get(reverse("wagtailusers_users:index"))
        done = response.status_code == 200
    assert done is allowed, f"{role} {'should' if allowed else 'should not'} be able to {action}"
