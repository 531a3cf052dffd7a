"""Rebuild the whole search index from the published library, safely while the site serves."""

import time
from collections import Counter

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from search.documents import all_keys
from search.engines import SearchEngineUnavailable, get_search_engine
from search.indexing import rebuild_index


class Command(BaseCommand):
    help = (
        "Rebuild the search index: a new index is filled and then swapped in, so search keeps working "
        "throughout. Run after editing search/synonyms.txt or changing what is indexed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--recompute-vectors",
            action="store_true",
            help=(
                "Analyse every document's text again (PostgreSQL). By default a document whose text has not "
                "changed keeps its stored full-text vectors; use this after PostgreSQL's text search "
                "dictionaries or configuration change."
            ),
        )

    def handle(self, *args, **options):
        engine = get_search_engine()
        try:
            engine.ping()
        except SearchEngineUnavailable as error:
            raise CommandError(
                _("The %(engine)s search engine cannot be reached: %(error)s") % {"engine": engine.name, "error": error}
            ) from error
        expected = len(all_keys())
        seen = Counter()
        started = time.monotonic()
        self.stdout.write(
            _("Rebuilding the %(engine)s search index from up to %(count)s documents…")
            % {"engine": engine.name, "count": expected}
        )

        def progress(entry):
            seen[(entry.locale, entry.kind)] += 1
            done = sum(seen.values())
            if done == expected or done % 25 == 0:
                self._bar(done, expected)

        count = rebuild_index(engine, progress=progress, recompute_vectors=options["recompute_vectors"])
        self.stdout.write("")
        for (locale, kind), n in sorted(seen.items()):
            self.stdout.write(f"  {locale:4} {kind:10} {n:6}")
        skipped = expected - count
        figures = {"count": count, "seconds": f"{time.monotonic() - started:.1f}", "skipped": skipped}
        if skipped:
            done = _(
                "Indexed %(count)s documents in %(seconds)ss (%(skipped)s not searchable: drafts, private or "
                "unpublished)."
            )
        else:
            done = _("Indexed %(count)s documents in %(seconds)ss.")
        self.stdout.write(self.style.SUCCESS(done % figures))

    def _bar(self, done, total, width=40):
        filled = int(width * done / max(total, 1))
        self.stdout.write(f"\r  [{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending="")
        self.stdout.flush()
