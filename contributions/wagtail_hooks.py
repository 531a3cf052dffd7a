"""Registers the editors' side of contributions with Wagtail (views in ``admin_views``, viewsets in
``viewsets``)."""

from django.db.models import Count, Q
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from .admin_views import action_urls, feedback_counts_csv
from .models import Feedback
from .viewsets import ContributionsGroup


@hooks.register("register_admin_viewset")
def register_viewsets():
    return ContributionsGroup()


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("contributions/<int:pk>/actions/", action_urls()),
        path("feedback-counts.csv", feedback_counts_csv, name="feedback_counts_csv"),
    ]


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
