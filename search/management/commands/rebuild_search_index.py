"""Rebuild the whole search index from the published library, safely while the site serves."""

import time
from collections import Counter

from django.core.management.base import BaseCommand, CommandError

from search.documents import all_keys
from search.engines import SearchEngineUnavailable, get_search_engine
from search.indexing import rebuild_index


class Command(BaseCommand):
    help = (
        "Rebuild the search index: a new index is filled and then swapped in, so search keeps working "
        "throughout. Run after editing search/synonyms.txt or changing what is indexed."
    )

    def handle(self, *args, **options):
        engine = get_search_engine()
        try:
            engine.ping()
        except SearchEngineUnavailable as error:
            raise CommandError(f"The {engine.name} search engine cannot be reached: {error}") from error
        expected = len(all_keys())
        seen = Counter()
        started = time.monotonic()
        self.stdout.write(f"Rebuilding the {engine.name} search index from up to {expected} documents…")

        def progress(entry):
            seen[(entry.locale, entry.kind)] += 1
            done = sum(seen.values())
            if done == expected or done % 25 == 0:
                self._bar(done, expected)

        count = rebuild_index(engine, progress=progress)
        self.stdout.write("")
        for (locale, kind), n in sorted(seen.items()):
            self.stdout.write(f"  {locale:4} {kind:10} {n:6}")
        skipped = expected - count
        self.stdout.write(
            self.style.SUCCESS(
                f"Indexed {count} documents in {time.monotonic() - started:.1f}s"
                + (f" ({skipped} not searchable: drafts, private or unpublished)" if skipped else "")
                + "."
            )
        )

    def _bar(self, done, total, width=40):
        filled = int(width * done / max(total, 1))
        self.stdout.write(f"\r  [{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending="")
        self.stdout.flush()
