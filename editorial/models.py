"""Who contributes for which council, the standards sign-off step, and the review reminders sent."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import AbstractGroupApprovalTask, Page

from .checks import failed_checks
from .forms import StandardsSignOffForm


class ContributorProfile(models.Model):
    """The council a contributor works for; the pages they create record it as their owner council."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contributor_profile")
    council = models.ForeignKey(
        "pattern_pages.Council", null=True, blank=True, on_delete=models.SET_NULL, related_name="contributors"
    )

    panels = [FieldPanel("user"), FieldPanel("council")]

    class Meta:
        verbose_name = _("contributor's council")
        verbose_name_plural = _("contributors' councils")

    def __str__(self):
        return f"{self.user.get_username()} ({self.council or _('no council')})"


class StandardsSignOffTask(AbstractGroupApprovalTask):
    """The last step: a publisher confirms the standards checklist; pages failing a computable check are refused.

    The computable checks are in ``editorial.checks``; the modal form in ``editorial.forms``.
    """

    def get_actions(self, obj, user):
        # The object is kept so that the approval form (built before the object is known) can check it.
        self.object_under_review = obj
        if user.is_superuser or self._user_in_groups(user):
            return [
                ("reject", _("Request changes"), True),
                ("approve", _("Sign off and publish"), True),
            ]
        return []

    def locked_for_user(self, obj, user):
        # Reviewers keep editing through the last step: they fix what a publisher asks for.
        in_reviewers = user.groups.filter(name="Reviewer").exists()
        return super().locked_for_user(obj, user) and not in_reviewers

    def get_form_for_action(self, action):
        if action != "approve":
            return super().get_form_for_action(action)
        task = self

        class BoundStandardsSignOffForm(StandardsSignOffForm):
            def object_to_check(self):
                obj = getattr(task, "object_under_review", None)
                return latest_content(obj)

        return BoundStandardsSignOffForm

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            # What finishing the workflow publishes: the latest draft (wagtail.workflows.publish_workflow_state),
            # which the form checked too, not the revision first submitted (a refused draft, since fixed).
            reasons = failed_checks(latest_content(task_state.workflow_state.content_object))
            if reasons:
                # The form refuses first; this guards the other routes to approval (the API, the shell).
                from django.core.exceptions import PermissionDenied

                raise PermissionDenied("; ".join(str(reason) for reason in reasons))
            kwargs.pop("checklist_confirmed", None)
            for name in StandardsSignOffForm.CHECKLIST:
                kwargs.pop(name, None)
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _(
            "Publishers confirm the standards and accessibility checklist; "
            "pages that fail a check that can be computed are refused with the reasons."
        )

    class Meta:
        verbose_name = _("standards and accessibility sign-off")
        verbose_name_plural = _("standards and accessibility sign-offs")


def latest_content(obj):
    """The latest draft of a page (what is under review), or None."""
    if obj is None:
        return None
    if isinstance(obj, Page):
        return obj.specific.get_latest_revision_as_object()
    return obj


class ReviewReminder(models.Model):
    """A review reminder sent about a page on a day, so that a second run that day sends nothing."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="review_reminders")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_on = models.DateField()
    review_by = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "recipient", "sent_on"], name="one_review_reminder_a_day")
        ]

    def __str__(self):
        return f"{self.page} → {self.recipient} on {self.sent_on}"
