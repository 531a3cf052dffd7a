"""Standards and assessments in the admin."""

from django.utils.translation import gettext_lazy as _
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as views
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Assessment, ServiceStandard, StandardPoint
from .permissions import AssessmentPermissionPolicy, CouncilCheckedView

register_permission_policy(Assessment, AssessmentPermissionPolicy(Assessment))


def council_checked(view_class, action="change"):
    """``view_class`` acting only on assessments the user may ``action`` (their council's, for contributors)."""
    return type(f"CouncilChecked{view_class.__name__}", (CouncilCheckedView, view_class), {"council_action": action})


class ServiceStandardViewSet(SnippetViewSet):
    model = ServiceStandard
    icon = "doc-full"
    list_display = ["name", "short_name", "url"]


class StandardPointViewSet(SnippetViewSet):
    model = StandardPoint
    icon = "tick"
    list_display = ["__str__", "standard", "number"]
    list_filter = ["standard"]
    search_fields = ["title", "summary"]


class AssessmentViewSet(SnippetViewSet):
    model = Assessment
    icon = "clipboard-list"
    list_display = ["__str__", "council", "service", "phase", "result", "live"]
    list_filter = ["phase", "result", "standard", "live"]
    # Every view that changes one assessment checks its council (revert is built from the edit view).
    edit_view_class = council_checked(views.EditView)
    delete_view_class = council_checked(views.DeleteView, "delete")
    unpublish_view_class = council_checked(views.UnpublishView, "publish")
    revisions_unschedule_view_class = council_checked(views.RevisionsUnscheduleView, "publish")
    lock_view_class = council_checked(views.LockView, "lock")
    unlock_view_class = council_checked(views.UnlockView, "unlock")
    workflow_action_view_class = council_checked(views.WorkflowActionView)
    collect_workflow_action_data_view_class = council_checked(views.CollectWorkflowActionDataView)
    confirm_workflow_cancellation_view_class = council_checked(views.ConfirmWorkflowCancellationView)
    preview_on_edit_view_class = council_checked(views.PreviewOnEditView)

    def get_queryset(self, request):
        return Assessment.objects.select_related("council", "service", "standard")


class AssessmentGroup(SnippetViewSetGroup):
    menu_label = _("Assessments")
    menu_icon = "clipboard-list"
    menu_order = 210
    items = (AssessmentViewSet, ServiceStandardViewSet, StandardPointViewSet)


register_snippet(AssessmentGroup)
