"""Standards and assessments in the admin."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Assessment, ServiceStandard, StandardPoint


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

    def get_queryset(self, request):
        return Assessment.objects.select_related("council", "service", "standard")


class AssessmentGroup(SnippetViewSetGroup):
    menu_label = _("Assessments")
    menu_icon = "clipboard-list"
    menu_order = 210
    items = (AssessmentViewSet, ServiceStandardViewSet, StandardPointViewSet)


register_snippet(AssessmentGroup)
