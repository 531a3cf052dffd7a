"""Load the demo library (idempotent). The full demo content is written in pattern_pages/demo/."""

from django.core.management.base import BaseCommand
from django.db import transaction

from pattern_pages.models import PatternIndexPage, ProcessIndexPage
from pattern_pages.site_setup import ensure_home_page


class Command(BaseCommand):
    help = "Build the demo pattern library: taxonomies, patterns and processes. Safe to run twice."

    @transaction.atomic
    def handle(self, *args, **options):
        home = ensure_home_page()
        for model, title, slug in [
            (PatternIndexPage, "Service patterns", "patterns"),
            (ProcessIndexPage, "Processes", "processes"),
        ]:
            if not model.objects.child_of(home).exists():
                home.add_child(instance=model(title=title, slug=slug, locale=home.locale))
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
