"""How fast a pattern page with 20 screens renders, and how fast its Prototype Kit export builds.

    DJANGO_SETTINGS_MODULE=cms.settings.test .venv/bin/python -m bench.screens [--write]

Builds a fresh test database (SQLite unless DATABASE_URL says otherwise), publishes a pattern with 20 of the
demo's screens, then measures: the publish (which renders the screens in Node, once), the pattern page
uncached (CPU time of the request, page cache emptied before each), the page from the cache, and the
export build (.tgz and .zip). Medians of several runs. ``--write`` puts the figures in bench/RESULTS.md.
"""

import os
import statistics
import sys
import time
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
django.setup()

from django.core.cache import caches  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

RUNS = 15
RESULTS = Path(__file__).with_name("RESULTS.md")
BEGIN = "<!-- bench-screens:begin (written by python -m bench.screens --write) -->"
END = "<!-- bench-screens:end -->"


def build_pattern():
    from pattern_pages.demo.screens import SCREENS
    from pattern_pages.models import PatternIndexPage, PatternType, ServicePatternPage
    from pattern_pages.site_setup import ensure_home_page

    home = ensure_home_page()
    index = home.add_child(instance=PatternIndexPage(title="Service patterns", slug="patterns"))
    pattern_type = PatternType.objects.create(slug="apply", name="Apply", locale=home.locale)
    screens = [screen for pattern in SCREENS.values() for step in pattern for screen in step][:20]
    steps = [
        {
            "type": "step",
            "value": {
                "title": f"Step {number}",
                "user_action": "Answers the questions.",
                "components": [],
                "content_guidance": "",
                "example_screen": None,
                "process_steps": [],
                "screens": screens[2 * (number - 1) : 2 * number],
            },
        }
        for number in range(1, 11)
    ]
    page = ServicePatternPage(
        title="Twenty screens",
        slug="twenty-screens",
        summary="A pattern with 20 screens.",
        pattern_type=pattern_type,
        steps=steps,
    )
    started = time.perf_counter()
    index.add_child(instance=page)
    page.save_revision().publish()
    return page, time.perf_counter() - started


def median_ms(samples):
    return round(statistics.median(samples) * 1000, 1)


def measure():
    from pattern_pages.screens.prototype_kit import build_archive

    page, publish_seconds = build_pattern()
    page.refresh_from_db()
    assert len(page.screens()) == 20
    client = Client()
    url = page.url
    pages = caches["pages"]
    uncached_cpu, uncached_wall = [], []
    client.get(url)  # warm imports and templates
    for _ in range(RUNS):
        pages.clear()
        cpu, wall = time.process_time(), time.perf_counter()
        response = client.get(url)
        uncached_cpu.append(time.process_time() - cpu)
        uncached_wall.append(time.perf_counter() - wall)
        assert response.status_code == 200 and response.content.count(b"library-example__frame") == 20
    cached = []
    for _ in range(RUNS):
        wall = time.perf_counter()
        client.get(url)
        cached.append(time.perf_counter() - wall)
    exports = {}
    for kind in ("tgz", "zip"):
        samples = []
        for _ in range(RUNS):
            page = type(page).objects.get(pk=page.pk)  # nothing kept from the last build
            wall = time.perf_counter()
            build_archive(page, kind)
            samples.append(time.perf_counter() - wall)
        exports[kind] = samples
    return {
        "database": connection.vendor,
        "publish_ms": round(publish_seconds * 1000, 1),
        "uncached_cpu_ms": median_ms(uncached_cpu),
        "uncached_wall_ms": median_ms(uncached_wall),
        "cached_wall_ms": median_ms(cached),
        "export_tgz_ms": median_ms(exports["tgz"]),
        "export_zip_ms": median_ms(exports["zip"]),
    }


def report(figures):
    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    return "\n".join(
        [
            BEGIN,
            f"## Screens: a pattern page with 20 screens ({figures['database']}, {when})",
            "",
            f"Medians of {RUNS} runs on the shared 2-core machine; targets from issue 18 item 8.",
            "",
            "| what | figure | target |",
            "| --- | --- | --- |",
            f"| pattern page, uncached (CPU of the request) | {figures['uncached_cpu_ms']} ms | ≤ 100 ms |",
            f"| pattern page, uncached (wall) | {figures['uncached_wall_ms']} ms | |",
            f"| pattern page, from the page cache (wall) | {figures['cached_wall_ms']} ms | |",
            f"| Prototype Kit export, .tgz build | {figures['export_tgz_ms']} ms | < 1 s |",
            f"| Prototype Kit export, .zip build | {figures['export_zip_ms']} ms | < 1 s |",
            f"| publish with 20 new screens (Node renders them once) | {figures['publish_ms']} ms | |",
            "",
            "Run: `DJANGO_SETTINGS_MODULE=cms.settings.test .venv/bin/python -m bench.screens --write`.",
            END,
        ]
    )


def main():
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        figures = measure()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    text = report(figures)
    print(text)  # noqa: T201
    if "--write" in sys.argv:
        current = RESULTS.read_text()
        if BEGIN in current:
            before, rest = current.split(BEGIN, 1)
            current = before + text + rest.split(END, 1)[1]
        else:
            current = current.rstrip() + "\n\n" + text + "\n"
        RESULTS.write_text(current)


if __name__ == "__main__":
    main()
