"""Push the search updates that could not reach the engine (the admin dashboard lists them)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from search.engines import SearchEngineUnavailable
from search.indexing import apply_updates
from search.models import PendingIndexUpdate


class Command(BaseCommand):
    help = "Apply pending search index updates now, e.g. after the search engine was down."

    def handle(self, *args, **options):
        pending = PendingIndexUpdate.objects.count()
        if not pending:
            self.stdout.write(_("The search index is up to date."))
            return
        try:
            landed = apply_updates()
        except SearchEngineUnavailable as error:
            raise CommandError(
                _("%(count)s updates are still pending; the search engine says: %(error)s")
                % {"count": pending, "error": error}
            ) from error
        self.stdout.write(self.style.SUCCESS(_("Applied %(count)s pending search updates.") % {"count": landed}))
