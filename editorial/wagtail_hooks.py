"""Admin wiring: owner council on new pages, the reports, contributors' councils, translation review."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from library.pages import set_page_fields

from .models import ContributorProfile
from .reports import DueForReviewView, TranslationStatusView
from .views import submit_translation_for_review, translation_for
from .workflow_admin import keep_the_tasks_own_approve_label, say_published_after_sign_off

hooks.register("construct_page_action_menu", keep_the_tasks_own_approve_label)
hooks.register("after_edit_page", say_published_after_sign_off)


@hooks.register("after_create_page")
def record_owner_council(request, page):
    """A page a contributor creates is owned by their council, unless they chose another."""
    page = page.specific
    if not hasattr(page, "owner_council_id") or page.owner_council_id:
        return
    profile = ContributorProfile.objects.filter(user=request.user).select_related("council").first()
    if profile is None or profile.council is None:
        return
    set_page_fields(page, owner_council=profile.council)


@hooks.register("register_admin_urls")
def editorial_admin_urls():
    return [
        path("reports/due-for-review/", DueForReviewView.as_view(), name="editorial_due_for_review"),
        path(
            "reports/due-for-review/results/",
            DueForReviewView.as_view(results_only=True),
            name="editorial_due_for_review_results",
        ),
        path("reports/translation-status/", TranslationStatusView.as_view(), name="editorial_translation_status"),
        path(
            "reports/translation-status/results/",
            TranslationStatusView.as_view(results_only=True),
            name="editorial_translation_status_results",
        ),
        path(
            "editorial/translations/<int:page_id>/submit/",
            submit_translation_for_review,
            name="editorial_submit_translation",
        ),
    ]


class PageEditorMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        return user.is_superuser or user.groups.exists()


@hooks.register("register_reports_menu_item")
def due_for_review_menu_item():
    return PageEditorMenuItem(
        _("Due for review"), reverse("editorial_due_for_review"), name="due-for-review", icon_name="time", order=1050
    )


@hooks.register("register_reports_menu_item")
def translation_status_menu_item():
    return PageEditorMenuItem(
        _("Translation status"),
        reverse("editorial_translation_status"),
        name="translation-status",
        icon_name="globe",
        order=1060,
    )


@hooks.register("register_page_listing_more_buttons")
def submit_translation_button(page, user, next_url=None):
    if page.locale.language_code == "en" or page.workflow_in_progress:
        return
    if translation_for(page) is None or not page.permissions_for_user(user).can_edit():
        return
    yield ListingButton(
        _("Submit translation for review"),
        reverse("editorial_submit_translation", args=[page.pk]),
        icon_name="resubmit",
        priority=25,
    )


class ContributorProfileViewSet(SnippetViewSet):
    model = ContributorProfile
    icon = "group"
    menu_label = _("Contributors' councils")
    list_display = ["user", "council"]
    search_fields = []
    add_to_admin_menu = False


register_snippet(ContributorProfileViewSet)
