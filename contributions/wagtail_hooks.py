"""The editors' side: the Contributions queue, the adoption register and page feedback, under one menu item."""

import csv

import django_filters
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets import Button, HeaderButton

from . import admin_forms, outcomes
from .emails import send_outcome
from .models import Adoption, Contribution, ContributionStatus, Feedback

CHANGE_CONTRIBUTION = "contributions.change_contribution"


# ----- Contributions queue ---------------------------------------------------------------------


class ContributionFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        choices=[choice for choice in ContributionStatus.choices if choice[0] != ContributionStatus.UNCONFIRMED]
    )

    class Meta:
        model = Contribution
        fields = ["status", "needs_manual_review"]


class ContributionIndexView(generic.IndexView):
    def get_base_queryset(self):
        # Unconfirmed contributions are not in the queue: their email address may not even be real.
        return (
            super()
            .get_base_queryset()
            .exclude(status=ContributionStatus.UNCONFIRMED)
            .select_related("council", "service")
        )


class ContributionReviewView(generic.EditView):
    """One contribution: what the council said, what to turn it into, and its status."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        contribution = self.object
        context.update(
            contribution=contribution,
            adoption_form=admin_forms.AdoptionActionForm(prefix="adoption"),
            draft_pattern_form=admin_forms.DraftPatternForm(prefix="draft"),
            attach_form=admin_forms.AttachForm(prefix="attach"),
            action_urls={
                name: reverse(f"contribution_actions:{name}", args=[contribution.pk])
                for name in ("adoption", "draft_pattern", "draft_process", "attach")
            },
            can_act=contribution.status in (ContributionStatus.NEW, ContributionStatus.IN_TRIAGE),
        )
        return context

    def save_instance(self):
        before = Contribution.objects.get(pk=self.object.pk).status
        instance = super().save_instance()
        finished = (ContributionStatus.DECLINED, ContributionStatus.MERGED)
        if instance.status in finished and before != instance.status:
            send_outcome(instance)
        return instance


class ContributionViewSet(ModelViewSet):
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

    def get_urlpatterns(self):
        # Contributions only come from the public form: no "add" in the admin.
        return [pattern for pattern in super().get_urlpatterns() if pattern.name != "add"]

    def get_common_view_kwargs(self, **kwargs):
        kwargs = super().get_common_view_kwargs(**kwargs)
        kwargs["add_url_name"] = None
        return kwargs


def _actionable(pk):
    return get_object_or_404(Contribution, pk=pk, status__in=[ContributionStatus.NEW, ContributionStatus.IN_TRIAGE])


def _back(pk):
    return redirect(reverse("contribution:edit", args=[pk]))


def _form_error(request, form):
    errors = [str(error) for errors in form.errors.values() for error in errors]
    messages.error(request, " ".join(errors) or _("Check the form."))


def _apply_outcome(request, pk, form_class, prefix, make_outcome, success, destination):
    """Run one of the editor's actions on a contribution.

    Checks the action's form (if any), calls ``make_outcome(contribution, cleaned_data)`` and reports
    the result; an invalid form or a refused outcome goes back to the contribution with the reason.
    """
    contribution = _actionable(pk)
    data = {}
    if form_class is not None:
        form = form_class(request.POST, prefix=prefix)
        if not form.is_valid():
            _form_error(request, form)
            return _back(pk)
        data = form.cleaned_data
    try:
        result = make_outcome(contribution, data)
    except outcomes.OutcomeError as error:
        messages.error(request, str(error))
        return _back(pk)
    messages.success(request, success(result))
    return destination(result)


def _page_editor(page):
    return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))


@require_POST
@permission_required(CHANGE_CONTRIBUTION, raise_exception=True)
def turn_into_adoption(request, pk):
    return _apply_outcome(
        request,
        pk,
        admin_forms.AdoptionActionForm,
        "adoption",
        lambda contribution, data: outcomes.make_adoption(contribution, **data),
        lambda adoption: (
            _("Adoption recorded: %(adoption)s. The contributor has been emailed.") % {"adoption": adoption}
        ),
        lambda adoption: redirect(reverse("adoption:edit", args=[adoption.pk])),
    )


@require_POST
@permission_required(CHANGE_CONTRIBUTION, raise_exception=True)
def turn_into_draft_pattern(request, pk):
    return _apply_outcome(
        request,
        pk,
        admin_forms.DraftPatternForm,
        "draft",
        lambda contribution, data: outcomes.make_draft_pattern(
            contribution, pattern_type=data["pattern_type"], user=request.user
        ),
        lambda page: _("Draft pattern created. The contributor has been emailed."),
        _page_editor,
    )


@require_POST
@permission_required(CHANGE_CONTRIBUTION, raise_exception=True)
def turn_into_draft_process(request, pk):
    return _apply_outcome(
        request,
        pk,
        None,
        None,
        lambda contribution, data: outcomes.make_draft_process(contribution, user=request.user),
        lambda page: _("Draft process created. The contributor has been emailed."),
        _page_editor,
    )


@require_POST
@permission_required(CHANGE_CONTRIBUTION, raise_exception=True)
def attach(request, pk):
    return _apply_outcome(
        request,
        pk,
        admin_forms.AttachForm,
        "attach",
        lambda contribution, data: outcomes.attach_to_page(contribution, data["page"]),
        lambda result: _("Contribution attached to the page. The contributor has been emailed."),
        lambda result: _back(pk),
    )


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
            FieldPanel("services"),
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


class FeedbackIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("page")

    @property
    def header_buttons(self):
        return [
            HeaderButton(_("Download counts per page (CSV)"), url=reverse("feedback_counts_csv"), icon_name="download")
        ]


class FeedbackViewSet(ModelViewSet):
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

    def get_urlpatterns(self):
        return [pattern for pattern in super().get_urlpatterns() if pattern.name != "add"]

    def get_common_view_kwargs(self, **kwargs):
        kwargs = super().get_common_view_kwargs(**kwargs)
        kwargs["add_url_name"] = None
        return kwargs


def feedback_counts(queryset=None):
    """Per page: how many said it was useful, how many said not, and how many left a comment."""
    queryset = Feedback.objects.all() if queryset is None else queryset
    return (
        queryset.values("page_id", "page__title", "page__url_path")
        .annotate(
            useful_count=Count("pk", filter=Q(useful=True)),
            not_useful_count=Count("pk", filter=Q(useful=False)),
            comments=Count("pk", filter=~Q(comment="")),
        )
        .order_by("page__title")
    )


@permission_required("contributions.view_feedback", raise_exception=True)
def feedback_counts_csv(request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="page-feedback-counts.csv"'
    writer = csv.writer(response)
    writer.writerow(["page_id", "page", "useful", "not_useful", "comments"])
    for row in feedback_counts():
        writer.writerow(
            [row["page_id"], row["page__title"], row["useful_count"], row["not_useful_count"], row["comments"]]
        )
    return response


class ContributionsGroup(ModelViewSetGroup):
    menu_label = _("Contributions")
    menu_icon = "mail"
    menu_order = 250
    items = (ContributionViewSet, AdoptionViewSet, FeedbackViewSet)


@hooks.register("register_admin_viewset")
def register_viewsets():
    return ContributionsGroup()


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path(
            "contributions/<int:pk>/actions/",
            include_actions(),
        ),
        path("feedback-counts.csv", feedback_counts_csv, name="feedback_counts_csv"),
    ]


def include_actions():
    actions = [
        path("adoption/", turn_into_adoption, name="adoption"),
        path("draft-pattern/", turn_into_draft_pattern, name="draft_pattern"),
        path("draft-process/", turn_into_draft_process, name="draft_process"),
        path("attach/", attach, name="attach"),
    ]
    return include((actions, "contribution_actions"))


@hooks.register("register_page_header_buttons")
def feedback_button(page, user, view_name, next_url=None):
    """On a pattern or process in the admin: its feedback counts, linking to the comments."""
    if page.specific_class is None or page.specific_class.__name__ not in ("ServicePatternPage", "ProcessPage"):
        return
    if not user.has_perm("contributions.view_feedback"):
        return
    counts = Feedback.objects.filter(page=page).aggregate(
        useful_count=Count("pk", filter=Q(useful=True)), not_useful_count=Count("pk", filter=Q(useful=False))
    )
    label = _("Feedback: %(useful_count)s useful, %(not_useful_count)s not useful") % counts
    yield Button(label, reverse("feedback:index") + f"?page={page.pk}", icon_name="help", priority=90)
