"""An editor who keeps publishing while PostgreSQL restarts, and the check of what it left behind.

    python -m tests.reliability.publisher --stop-file /tmp/stop   # publish until the file exists
    python -m tests.reliability.publisher --check                 # what the database holds, as JSON

Run with the benchmark settings and DATABASE_URL set (tests/reliability/test_postgres_restart.py does).
Each round creates a pattern as a draft, then publishes it (two steps, as in the admin); every other round
also edits and republishes the previous round's pattern. Each attempt prints one JSON line:
``{"round": 3, "slug": "restart-writer-3", "action": "publish", "ok": true, "started": …, "ended": …}``.
Between rounds it does what Django does between requests: drop a connection that is no longer usable.
"""

import argparse
import json
import os
import sys
import time

import django

PREFIX = "restart-writer-"


def publish_round(number, index, pattern_type, emit):
    from pattern_pages.models import ServicePatternPage

    def attempt(action, slug, title, work):
        started = time.time()
        record = {"round": number, "slug": slug, "action": action, "title": title, "started": started}
        try:
            work()
            emit({**record, "ok": True, "ended": time.time()})
        except Exception as error:  # noqa: BLE001  an outage raises OperationalError, InterfaceError and others
            emit({**record, "ok": False, "error": f"{type(error).__name__}: {error}"[:300], "ended": time.time()})

    slug = f"{PREFIX}{number}"
    title = f"Restart writer {number}"

    def create_and_publish():
        page = ServicePatternPage(
            title=title,
            slug=slug,
            summary=f"Published by the restart writer in round {number}.",
            pattern_type=pattern_type,
            live=False,
        )
        index.add_child(instance=page)
        page.save_revision().publish()

    attempt("publish", slug, title, create_and_publish)
    if number % 2 == 0 and number > 0:
        previous = f"{PREFIX}{number - 1}"
        edited = f"Restart writer {number - 1}, edited in round {number}"

        def edit_and_republish():
            page = ServicePatternPage.objects.get(slug=previous).get_latest_revision_as_object()
            page.title = edited
            page.summary = f"Edited by the restart writer in round {number}."
            page.save_revision().publish()

        attempt("republish", previous, edited, edit_and_republish)


def run(stop_file):
    from django.db import close_old_connections

    from pattern_pages.models import PatternIndexPage, PatternType

    index = PatternIndexPage.objects.filter(locale__language_code="en").first()
    pattern_type = PatternType.objects.first()

    def emit(record):
        sys.stdout.write(json.dumps(record) + "\n")
        sys.stdout.flush()

    number = 0
    while not os.path.exists(stop_file):
        close_old_connections()
        try:
            index.refresh_from_db()
        except Exception:  # noqa: BLE001, S110  the database is down: the round records its own failure
            pass
        publish_round(number, index, pattern_type, emit)
        number += 1
        time.sleep(0.05)


def check():
    """Every writer page, as the database has it: is it live, and do page, revisions, log and feed agree?"""
    from wagtail.models import PageLogEntry

    from api.models import ChangeEvent
    from pattern_pages.models import ServicePatternPage

    pages = []
    for page in ServicePatternPage.objects.filter(slug__startswith=PREFIX).select_related("live_revision"):
        live_revision = page.live_revision
        pages.append(
            {
                "slug": page.slug,
                "live": page.live,
                "title": page.title,
                "has_unpublished_changes": page.has_unpublished_changes,
                "live_revision_title": live_revision.content["title"] if live_revision else None,
                "live_revision_summary": live_revision.content["summary"] if live_revision else None,
                "summary": page.summary,
                "latest_is_live": page.latest_revision_id == page.live_revision_id,
                "publish_log_entries": PageLogEntry.objects.filter(page=page, action="wagtail.publish").count(),
                "published_events": ChangeEvent.objects.filter(
                    event="published", resource="pattern", object_id=page.pk
                ).count(),
            }
        )
    sys.stdout.write(json.dumps(pages) + "\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--stop-file")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.bench")
    django.setup()
    if args.check:
        check()
    else:
        run(args.stop_file)


if __name__ == "__main__":
    main()
