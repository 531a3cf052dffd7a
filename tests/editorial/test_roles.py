"""The roles the migration creates, and what each may do, tried through the admin views."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page, WorkflowPage

from editorial.roles import REVIEW_TASK_NAME, SIGN_OFF_TASK_NAME
from tests import factories

from .conftest import ROLES, pattern_form_data


@pytest.mark.django_db
def test_migration_creates_the_four_roles_and_the_workflow():
    """Every install has the four groups and the two-step workflow, before any data is loaded."""
    from wagtail.models import Workflow

    assert set(ROLES) <= set(Group.objects.values_list("name", flat=True))
    workflow = Workflow.objects.get(name="Pattern library review")
    assert [task.name for task in workflow.tasks] == [REVIEW_TASK_NAME, SIGN_OFF_TASK_NAME]
    assert [group.name for group in workflow.tasks[1].specific.groups.order_by("name")] == [
        "Administrator",
        "Publisher",
    ]


def test_index_pages_get_the_workflow_and_permissions_when_created(editorial, home_page):
    """A pattern or process index page created after the migration gets the workflow and the roles' rights."""
    index = factories.ProcessIndexPageFactory(parent=home_page)
    assert WorkflowPage.objects.get(page=index).workflow == editorial
    granted = {
        (p.group.name, p.permission.codename) for p in GroupPagePermission.objects.filter(page=index).select_related()
    }
    assert ("Contributor", "add_page") in granted
    assert ("Contributor", "change_page") not in granted
    assert ("Publisher", "publish_page") in granted
    assert ("Reviewer", "publish_page") not in granted


def test_a_new_pattern_in_the_tree_uses_the_review_workflow(editorial, pattern_page):
    """Pages under the pattern index are reviewed by the library's workflow, not Wagtail's default one."""
    assert pattern_page.get_workflow() == editorial


def test_a_contributors_new_page_records_their_council(client, users, pattern_index, council):
    """A pattern created by a contributor is owned by the contributor's council."""
    client.force_login(users["Contributor"])
    url = reverse("wagtailadmin_pages:add", args=["pattern_pages", "servicepatternpage", pattern_index.pk])
    response = client.post(url, pattern_form_data(pattern_type=factories.PatternTypeFactory().pk))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = Page.objects.get(slug="a-new-pattern").specific
    assert page.owner_council == council
    assert page.owner == users["Contributor"]
    assert page.get_latest_revision_as_object().owner_council == council
