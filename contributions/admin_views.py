"""The editors' admin views: reviewing a contribution, the actions that turn it into an adoption or a draft,
the feedback listing and its counts as CSV. The viewsets that use them are in ``contributions.viewsets``."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.views import generic
from wagtail.admin.widgets import HeaderButton

from pattern_pages.spreadsheets import csv_response

from . import admin_forms, outcomes
from .emails import send_outcome
from .models import Contribution, ContributionStatus, Feedback

CHANGE_CONTRIBUTION = "contributions.change_contribution"


# ----- Contributions queue ---------------------------------------------------------------------


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


def action_urls():
    """The actions on one contribution, under ``contribution_actions:``."""
    actions = [
        path("adoption/", turn_into_adoption, name="adoption"),
        path("draft-pattern/", turn_into_draft_pattern, name="draft_pattern"),
        path("draft-process/", turn_into_draft_process, name="draft_process"),
        path("attach/", attach, name="attach"),
    ]
    return include((actions, "contribution_actions"))


# ----- Page feedback ---------------------------------------------------------------------------


class FeedbackIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("page")

    @property
    def header_buttons(self):
        return [
            HeaderButton(_("Download counts per page (CSV)"), url=reverse("feedback_counts_csv"), icon_name="download")
        ]


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
    response, writer = csv_response("page-feedback-counts.csv")
    writer.writerow(["page_id", "page", "useful", "not_useful", "comments"])
    for row in feedback_counts():
        writer.writerow(
            [row["page_id"], row["page__title"], row["useful_count"], row["not_useful_count"], row["comments"]]
        )
    return response
