"""'Is this page useful?' on every pattern and process page.

The form is exempt from CSRF and the comment step is carried by a signed, short-lived reference rather than
the session: a pattern page must not set a cookie just to show a yes/no question, and anonymous feedback has
no logged-in state for a forged request to abuse. Abuse is held back by the honeypot and the rate limit.
"""

from django.core import signing
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Page

from pattern_pages.models import ProcessPage, ServicePatternPage

from . import ratelimit
from .forms import FeedbackCommentForm, FeedbackForm
from .models import Feedback

SIGNING_SALT = "contributions.feedback-comment"
COMMENT_WINDOW_SECONDS = 60 * 60


def feedback_pages():
    return Page.objects.live().public().type(ServicePatternPage, ProcessPage)


def too_many(request):
    return render(
        request,
        "contributions/feedback_thanks.html",
        {"page_title": _("Too many responses"), "rate_limited": True},
        status=429,
    )


@csrf_exempt
@require_POST
def send_feedback(request):
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "contributions/feedback_thanks.html",
            {"page_title": _("There is a problem"), "invalid": True},
            status=400,
        )
    page = feedback_pages().filter(pk=form.cleaned_data["page"]).specific().first()
    if page is None:
        raise Http404
    if form.caught_bot:
        return render(request, "contributions/feedback_thanks.html", {"page_title": _("Thank you"), "page": page})
    # Checked and counted in one step: simultaneous posts cannot all pass the check before any is counted.
    if not ratelimit.take("feedback_per_ip", ratelimit.client_ip(request)):
        return too_many(request)
    feedback = Feedback.objects.create(page=page, useful=form.cleaned_data["useful"])
    reference = signing.dumps(feedback.pk, salt=SIGNING_SALT)
    return redirect(reverse("contributions:feedback_comment", args=[reference]))


@csrf_exempt
@require_http_methods(["GET", "POST"])
def comment(request, reference):
    """The optional comment after yes or no: 'How could we improve this page?'"""
    try:
        feedback_id = signing.loads(reference, salt=SIGNING_SALT, max_age=COMMENT_WINDOW_SECONDS)
    except signing.BadSignature as error:
        raise Http404 from error
    feedback = Feedback.objects.select_related("page").filter(pk=feedback_id).first()
    if feedback is None:
        raise Http404
    page = feedback.page.specific
    if request.method == "POST":
        form = FeedbackCommentForm(request.POST)
        if form.is_valid():
            # A comment is added once; sending again does not overwrite it.
            if not form.caught_bot and not feedback.comment and form.cleaned_data["comment"]:
                Feedback.objects.filter(pk=feedback.pk, comment="").update(comment=form.cleaned_data["comment"])
            return render(
                request,
                "contributions/feedback_thanks.html",
                {"page_title": _("Thank you"), "page": page, "done": True},
            )
    else:
        form = FeedbackCommentForm()
    return render(
        request,
        "contributions/feedback_comment.html",
        {"form": form, "feedback": feedback, "page": page, "page_title": _("Thank you for your feedback")},
    )
