"""Emails to contributors: the confirmation link, and the outcome of their contribution."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _


def send_confirmation(contribution, confirm_url):
    """Email the link that moves ``contribution`` into the editors' queue."""
    context = {
        "contribution": contribution,
        "confirm_url": confirm_url,
        "hours": settings.CONTRIBUTIONS_CONFIRMATION_HOURS,
    }
    # Sent at once, not through a background task: the raw token must not be stored anywhere.
    send_mail(
        _("Confirm your contribution to the LocalGov Pattern Library"),
        render_to_string("contributions/email/confirm.txt", context),
        settings.DEFAULT_FROM_EMAIL,
        [contribution.email],
    )


def send_outcome(contribution, page_url=""):
    """Tell the contributor what the editors did with their contribution (merged or declined), in the language
    they contributed in, whatever the language of the editor's admin."""
    context = {"contribution": contribution, "page_url": page_url}
    with translation.override(contribution.language):
        subject = _("Your contribution to the LocalGov Pattern Library: %(service)s") % {
            "service": contribution.service_label
        }
        body = render_to_string("contributions/email/outcome.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [contribution.email])
    contribution.outcome_emailed_at = timezone.now()
    contribution.save(update_fields=["outcome_emailed_at"])
