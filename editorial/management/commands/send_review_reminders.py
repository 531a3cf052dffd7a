"""Queue the daily review reminders (run once a day from cron; see README, "Scheduled jobs")."""

from django.core.management.base import BaseCommand

from editorial.tasks import send_review_reminders


class Command(BaseCommand):
    help = "Queue the review reminder emails for pages overdue or due soon. Safe to run twice a day."

    def handle(self, *args, **options):
        result = send_review_reminders.enqueue()
        self.stdout.write(f"Queued review reminders (task {result.id}).")
