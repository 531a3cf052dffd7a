"""Background work: daily review reminders, and keeping Welsh drafts in step with their English source."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import task

from .review import pages_due_for_review
from .roles import CONTRIBUTOR

logger = logging.getLogger(__name__)


def council_contributors(council):
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            contributor_profile__council=council,
            groups__name=CONTRIBUTOR,
        )
        .exclude(email="")
        .distinct()
    )


@task()
def send_review_reminders():
    """Email each owning council's contributors about their pages that are overdue or due soon.

    Safe to run more than once a day: a reminder already recorded for a page, person and day is not sent
    again. Returns the number of emails sent.
    """
    from .models import ReviewReminder

    today = timezone.localdate()
    sent = 0
    for page in pages_due_for_review(today):
        if page.owner_council is None:
            continue
        for user in council_contributors(page.owner_council):
            try:
                with transaction.atomic():
                    ReviewReminder.objects.create(page=page, recipient=user, sent_on=today, review_by=page.review_by)
            except IntegrityError:
                continue  # already reminded today
            context = {
                "page": page,
                "user": user,
                "overdue": page.review_by < today,
                "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + f"/admin/pages/{page.pk}/edit/",
            }
            send_mail(
                render_to_string("editorial/email/review_reminder_subject.txt", context).strip(),
                render_to_string("editorial/email/review_reminder.txt", context),
                None,
                [user.email],
            )
            sent += 1
    logger.info("Sent %s review reminders", sent)
    return sent


@task()
def sync_translations(page_id):
    """Bring the Welsh drafts of an English page up to date with it, keeping the strings already translated.

    The synced Welsh page is saved as a draft, not published: it goes through review like any change.
    """
    from wagtail.models import Page
    from wagtail_localize.models import Translation, TranslationSource

    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return 0
    source = TranslationSource.objects.get_for_instance_or_none(page.specific)
    if source is None:
        return 0
    source.update_from_db()
    synced = 0
    for translation in Translation.objects.filter(source=source, enabled=True):
        translation.save_target(publish=False)
        synced += 1
    return synced
