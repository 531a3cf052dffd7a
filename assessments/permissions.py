"""A council's assessments are changed by that council's contributors, or by the library's editors.

Every role has ``change_assessment`` (councils record their own assessments), and Wagtail checks model
permissions only, so a Contributor could edit any council's assessment. A user whose only editorial role
is Contributor acts only on the assessments of the council in their profile (*Snippets → Contributors'
councils*), and can only choose that council for a new one; Reviewers, Publishers and Administrators act
on every council's.
"""

from django.core.exceptions import PermissionDenied
from wagtail.permission_policies import ModelPermissionPolicy

from editorial.models import ContributorProfile
from editorial.roles import ADMINISTRATOR, PUBLISHER, REVIEWER

# Actions on one assessment that only its council's contributors (or the library's editors) may take.
COUNCIL_ACTIONS = {"change", "delete", "publish", "lock", "unlock"}
ALL_COUNCILS = object()


def councils_of(user):
    """``ALL_COUNCILS`` for the library's editors, else the pk of the user's council (None without one)."""
    if user.is_superuser or user.groups.filter(name__in=[REVIEWER, PUBLISHER, ADMINISTRATOR]).exists():
        return ALL_COUNCILS
    return ContributorProfile.objects.filter(user=user).values_list("council_id", flat=True).first()


class AssessmentPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission_for_instance(self, user, action, instance):
        if not super().user_has_permission_for_instance(user, action, instance):
            return False
        if action not in COUNCIL_ACTIONS:
            return True
        council = councils_of(user)
        return council is ALL_COUNCILS or (council is not None and instance.council_id == council)

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        if not set(actions) <= COUNCIL_ACTIONS:
            return instances
        council = councils_of(user)
        if council is ALL_COUNCILS:
            return instances
        return instances.filter(council_id=council) if council is not None else instances.none()


class CouncilCheckedView:
    """A view mixin: the object must be one the user may act on (``council_action``), or PermissionDenied."""

    council_action = "change"

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        policy = AssessmentPermissionPolicy(type(instance))
        if not policy.user_has_permission_for_instance(self.request.user, self.council_action, instance):
            raise PermissionDenied
        return instance
