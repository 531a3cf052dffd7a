"""The editors' side as Wagtail viewsets: the Contributions queue, the adoption register and page feedback,
grouped under one menu item (``ContributionsGroup``)."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from pattern_pages.widgets import MultipleSnippetChooser

from . import admin_forms
from .admin_views import ContributionIndexView, ContributionReviewView, FeedbackIndexView
from .models import Adoption, Contribution, ContributionStatus, Feedback


class FromThePublicOnly(ModelViewSet):
    """Rows that only the public site creates (contributions, feedback): no "add" view or button."""

    def get_urlpatterns(self):
        return [pattern for pattern in super().get_urlpatterns() if pattern.name != "add"]

    def get_common_view_kwargs(self, **kwargs):
        kwargs = super().get_common_view_kwargs(**kwargs)
        kwargs["add_url_name"] = None
        return kwargs


class ContributionFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        choices=[choice for choice in ContributionStatus.choices if choice[0] != ContributionStatus.UNCONFIRMED]
    )

    class Meta:
        model = Contribution
        fields = ["status", "needs_manual_review"]


class ContributionViewSet(FromThePublicOnly):
    model = Contribution
    icon = "mail"
    menu_label = _("Contributions")
    add_to_admin_menu = False
    index_view_class = ContributionIndexView
    edit_view_class = ContributionReviewView
    edit_template_name = "contributions/admin/review.html"
    copy_view_enabled = False
    list_display = [
        TitleColumn("title", label=_("Service"), accessor="service_label", url_name="contribution:edit"),
        Column("council", label=_("Council")),
        Column("status", label=_("Status"), accessor="get_status_display"),
        BooleanColumn("needs_manual_review", label=_("Check sender")),
        DateColumn("submitted_at", label=_("Sent")),
    ]
    filterset_class = ContributionFilterSet
    search_fields = ["contributor_name", "email", "service_name", "service__name", "council__name"]
    panels = [
        FieldPanel("status"),
        FieldPanel("decline_reason"),
        FieldPanel("editor_notes"),
    ]
    name = "contribution"


# ----- Adoption register -----------------------------------------------------------------------


class AdoptionFilterSet(WagtailFilterSet):
    class Meta:
        model = Adoption
        fields = ["status", "is_approved", "source"]


class AdoptionViewSet(ModelViewSet):
    model = Adoption
    icon = "tick-inverse"
    menu_label = _("Adoptions")
    add_to_admin_menu = False
    copy_view_enabled = False
    filterset_class = AdoptionFilterSet
    list_display = [
        TitleColumn("title", label=_("Council"), accessor="council", url_name="adoption:edit"),
        Column("adopted_page", label=_("Pattern or process")),
        Column("status", label=_("Status"), accessor="get_status_display"),
        Column("platform", label=_("Platform or supplier")),
        BooleanColumn("is_approved", label=_("Approved")),
        DateColumn("adopted_on", label=_("Date")),
    ]
    list_export = ["council", "adopted_page", "status", "live_url", "platform", "adopted_on", "source", "is_approved"]
    search_fields = ["council__name", "council__official_name", "platform", "pattern__title", "process__title"]
    edit_handler = ObjectList(
        [
            FieldPanel("council"),
            MultiFieldPanel(
                [FieldPanel("pattern"), FieldPanel("process")],
                heading=_("What the council uses (a service pattern, a process, or both)"),
            ),
            FieldPanel("services", widget=MultipleSnippetChooser("pattern_pages.Service")),
            FieldRowPanel([FieldPanel("status"), FieldPanel("adopted_on")]),
            FieldPanel("live_url"),
            FieldPanel("platform"),
            FieldPanel("local_variations"),
            FieldPanel("is_approved"),
            FieldPanel("source", read_only=True),
            FieldPanel("supplier_name", read_only=True),
        ],
        base_form_class=admin_forms.AdoptionAdminForm,
    )
    name = "adoption"

    def get_queryset(self, request):
        return Adoption.objects.select_related("council", "pattern", "process")


# ----- Page feedback ---------------------------------------------------------------------------


class FeedbackFilterSet(WagtailFilterSet):
    page = django_filters.NumberFilter(field_name="page_id", label=_("Page ID"))

    class Meta:
        model = Feedback
        fields = ["useful", "page"]


class FeedbackViewSet(FromThePublicOnly):
    model = Feedback
    icon = "help"
    menu_label = _("Page feedback")
    add_to_admin_menu = False
    copy_view_enabled = False
    index_view_class = FeedbackIndexView
    filterset_class = FeedbackFilterSet
    list_display = [
        Column("page", label=_("Page")),
        BooleanColumn("useful", label=_("Useful")),
        Column("comment", label=_("Comment")),
        DateColumn("created_at", label=_("Sent")),
    ]
    list_export = ["page", "useful", "comment", "created_at"]
    search_fields = ["comment", "page__title"]
    form_fields = ["comment"]
    name = "feedback"


class ContributionsGroup(ModelViewSetGroup):
    menu_label = _("Contributions")
    menu_icon = "mail"
    menu_order = 250
    items = (ContributionViewSet, AdoptionViewSet, FeedbackViewSet)
