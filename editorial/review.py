"""The review cycle: when a page is due for review, and which pages are due."""

import datetime

from django.utils import timezone

REVIEW_INTERVAL_MONTHS = 12
SOON_DAYS = 30


def add_months(date, months):
    """The same day ``months`` later, or the month's last day, e.g. 2024-02-29 + 12 months = 2025-02-28."""
    month_index = date.month - 1 + months
    year, month = date.year + month_index // 12, month_index % 12 + 1
    for day in range(date.day, 27, -1):
        try:
            return datetime.date(year, month, day)
        except ValueError:
            continue
    return datetime.date(year, month, min(date.day, 28))


def default_review_by(published_at=None):
    published_on = timezone.localdate(published_at) if published_at else timezone.localdate()
    return add_months(published_on, REVIEW_INTERVAL_MONTHS)


def pages_due_for_review(today=None, soon_days=SOON_DAYS):
    """Live patterns and processes whose review-by date has passed or falls within ``soon_days``."""
    from pattern_pages.models import ProcessPage, ServicePatternPage

    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=soon_days)
    pages = []
    for model in (ServicePatternPage, ProcessPage):
        pages += list(
            model.objects.live()
            .filter(review_by__isnull=False, review_by__lte=horizon)
            .select_related("owner_council", "locale")
        )
    return sorted(pages, key=lambda page: (page.review_by, page.title))
