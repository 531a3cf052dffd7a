"""Who may work the Contributions menu: every role × every action, through the admin's own views.

Contributors do not see the queue (it holds other people's names and emails); reviewers and publishers
triage it, record and approve adoptions and read feedback; only publishers and administrators delete.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from contributions.models import Adoption, Contribution, ContributionStatus, Feedback
from editorial.roles import CONTRIBUTOR, REVIEWER, ensure_editorial_setup
from tests import factories
from tests.roles import ALLOW, DENY, matrix_cases

# role: Contributor, Reviewer, Publisher, Administrator
MATRIX = {
    "see the queue": (DENY, ALLOW, ALLOW, ALLOW),
    "triage a contribution": (DENY, ALLOW, ALLOW, ALLOW),
    "turn a contribution into an adoption": (DENY, ALLOW, ALLOW, ALLOW),
    "approve an adoption": (DENY, ALLOW, ALLOW, ALLOW),
    "read feedback": (DENY, ALLOW, ALLOW, ALLOW),
    "download feedback counts": (DENY, ALLOW, ALLOW, ALLOW),
    "delete an adoption": (DENY, DENY, ALLOW, ALLOW),
    "delete a contribution": (DENY, DENY, ALLOW, ALLOW),
}


@pytest.fixture
def user_for(django_user_model, db):
    ensure_editorial_setup()

    def make(role):
        user = django_user_model.objects.create_user(role.lower(), f"{role.lower()}@example.gov.uk", "long-password")
        user.groups.add(Group.objects.get(name=role))
        return user

    return make


def try_action(client, action, contribution, adoption, pattern_page):
    """Perform ``action``; return True when it took effect."""
    if action == "see the queue":
        response = client.get(reverse("contribution:index"))
        return response.status_code == 200 and contribution.service_label in response.content.decode()
    if action == "triage a contribution":
        client.post(
            reverse("contribution:edit", args=[contribution.pk]),
            {"status": ContributionStatus.IN_TRIAGE, "decline_reason": "", "editor_notes": "Looking at it"},
        )
        contribution.refresh_from_db()
        return contribution.status == ContributionStatus.IN_TRIAGE
    if action == "turn a contribution into an adoption":
        client.post(
            reverse("contribution_actions:adoption", args=[contribution.pk]),
            {"adoption-pattern": pattern_page.pk, "adoption-status": "live"},
        )
        return Adoption.objects.filter(council=contribution.council, pattern=pattern_page).exists()
    if action == "approve an adoption":
        client.post(
            reverse("adoption:edit", args=[adoption.pk]),
            {
                "council": adoption.council_id,
                "pattern": adoption.pattern_id,
                "process": "",
                "status": "live",
                "adopted_on": "2026-05-01",
                "live_url": "",
                "platform": "Acme Forms",
                "local_variations": "",
                "is_approved": "on",
            },
        )
        adoption.refresh_from_db()
        return adoption.is_approved
    if action == "read feedback":
        response = client.get(reverse("feedback:index"))
        return response.status_code == 200 and "Too slow to find" in response.content.decode()
    if action == "download feedback counts":
        response = client.get(reverse("feedback_counts_csv"))
        return response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    if action == "delete an adoption":
        client.post(reverse("adoption:delete", args=[adoption.pk]))
        return not Adoption.objects.filter(pk=adoption.pk).exists()
    if action == "delete a contribution":
        client.post(reverse("contribution:delete", args=[contribution.pk]))
        return not Contribution.objects.filter(pk=contribution.pk).exists()
    raise AssertionError(action)


@pytest.mark.parametrize(("role", "action", "allowed"), matrix_cases(MATRIX))
def test_contributions_permission_matrix(client, user_for, pattern_page, role, action, allowed):
    """Each role may do exactly what the matrix says; a refused action changes nothing."""
    contribution = factories.ContributionFactory()
    other_page = factories.ServicePatternPageFactory(parent=pattern_page.get_parent())
    adoption = factories.AdoptionFactory(pattern=other_page, is_approved=False, platform="Acme Forms")
    Feedback.objects.create(page=pattern_page, useful=False, comment="Too slow to find")
    client.force_login(user_for(role))
    assert try_action(client, action, contribution, adoption, pattern_page) is allowed


def test_contributions_menu_shows_only_to_roles_that_may_use_it(client, user_for):
    """The admin menu offers "Contributions" to reviewers, not to contributors."""
    for role, expected in ((CONTRIBUTOR, False), (REVIEWER, True)):
        client.force_login(user_for(role))
        html = client.get(reverse("wagtailadmin_home")).content.decode()
        assert ("Contributions" in html) is expected, role
