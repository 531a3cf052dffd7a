"""The benchmark harness builds a correct library and writes complete results (no timings asserted here)."""

import copy

import pytest
from django.test import override_settings
from wagtail.models import Locale, Page

from bench import content, generate, report
from contributions.models import Adoption
from pattern_pages.models import ProcessPage, ServicePatternPage

PATTERN_STREAMS = sorted(generate.STREAMS)
PROCESS_STREAMS = ["roles", "systems", "steps", "legislation", "data_held", "performance_measures"]


@pytest.fixture
def library(db, tmp_path):
    """A 20-page library built from generated taxonomies (an empty data folder stands in for shared/data)."""
    return generate.build_library(20, data_dir=tmp_path)


def test_generator_builds_the_requested_pages_in_both_languages(library):
    """N=20 gives 10 patterns, 7 processes and 3 Welsh translations, on a consistent page tree."""
    assert generate.split(20) == {"patterns": 10, "processes": 7, "welsh": 3}
    welsh = Locale.objects.get(language_code="cy")
    english_patterns = ServicePatternPage.objects.exclude(locale=welsh)
    assert english_patterns.count() == 10
    assert ProcessPage.objects.exclude(locale=welsh).count() == 7
    assert library["pages"]["welsh"] == 3
    assert library["pages"]["total"] == 20
    assert Page.find_problems() == ([], [], [], [], [])
    assert library["adoptions"]["built"]
    assert Adoption.objects.filter(pattern__isnull=False).count() == library["adoptions"]["count"] - 2
    for translated in Page.objects.filter(locale=welsh, depth=4):
        original = Page.objects.get(translation_key=translated.translation_key, locale__language_code="en")
        assert translated.title != original.title


def test_generated_pages_are_valid_content_an_editor_could_have_saved(library):
    """Every generated page passes model and StreamField validation, with the issue's step and block counts."""
    for page in ServicePatternPage.objects.all():
        page.full_clean()
        for name in PATTERN_STREAMS:
            ServicePatternPage._meta.get_field(name).stream_block.clean(getattr(page, name))
        assert 6 <= len(page.steps) <= 12
        assert 36 <= content.count_blocks({name: list(getattr(page, name)) for name in PATTERN_STREAMS}) <= 44
    for page in ProcessPage.objects.all():
        page.full_clean()
        for name in PROCESS_STREAMS:
            ProcessPage._meta.get_field(name).stream_block.clean(getattr(page, name))
        assert 8 <= len(page.steps) <= 20


@override_settings(ROOT_URLCONF="bench.urls", WAGTAILAPI_LIMIT_MAX=100)
def test_pages_are_served_by_the_site_and_by_the_comparison_apis(library, client):
    """A generated pattern is served by the public site, Wagtail API v2 and v3, beside the floor view."""
    page = ServicePatternPage.objects.filter(locale__language_code="en").order_by("pk").last()
    assert client.get(page.url).status_code == 200
    assert client.get(f"/api/v2/pages/{page.pk}/").json()["title"] == page.title
    assert client.get(f"/api/v3/pages/{page.pk}/").json()["title"] == page.title
    listing = client.get("/api/v2/pages/?type=pattern_pages.ServicePatternPage&fields=*&limit=50").json()
    assert listing["meta"]["total_count"] == ServicePatternPage.objects.count()
    assert client.get("/bench/floor/").json()["status"] == "ok"


def results_fixture():
    """A two-size results document with one target met and one missed."""

    def endpoint(rps, p95, queries=3):
        figures = {"rps": rps, "p50_ms": p95 / 2, "p95_ms": p95, "p99_ms": p95 * 1.2, "max_ms": p95 * 2}
        figures.update(
            requests=1000, errors=0, status_2xx=100, status_304=0, status_other=0, app_cpu_ms=2.0, db_cpu_ms=1.0
        )
        return {"label": "x", "available": True, "queries": queries, "response_bytes": 1000, "http": figures}

    size = {
        "pages": 10000,
        "generate": {
            "pages": {
                "patterns": 5000,
                "processes": 3333,
                "welsh": 1667,
                "total": 10000,
                "services": 1519,
                "councils": 397,
            },
            "blocks_per_pattern": 40.0,
            "seconds": {"total": 60.0, "create_database": 2.0},
            "import": {"measured": True, "seconds": 3.0, "services_seconds": 2.0, "councils_seconds": 1.0},
            "adoptions": {"built": False, "reason": "no model"},
        },
        "rebuild": {"command": "rebuild_search_index", "pages": 10000, "seconds": 10.0, "pages_per_second": 1000},
        "endpoints": {
            "floor": endpoint(1000, 20),
            "v1_list": endpoint(300, 150),
            "v2_list": endpoint(100, 900, queries=409),
            "search": {"label": "search", "available": False, "reason": "GET /search/ answered 404"},
        },
        "publish": {"blocks": 40, "repeat": 30, "p50_ms": 100.0, "p95_ms": 120.0, "queries": 60, "tasks_queued": 90},
        "memory": {
            "seconds": 300,
            "load": {"rps": 50.0, "errors": 0},
            "baseline_at_s": 60.0,
            "rss_mb_at_baseline": {"1": 150.0},
            "rss_mb_after": {"1": 151.0},
            "growth_percent": {"1": 0.7},
        },
        "worker_rss_mb_after_run": {"1": 151.0},
        "profile": {
            "endpoint": "v1_list",
            "requests": 20,
            "ms_per_request": 50.0,
            "profile_file": "bench/profiles/v1_list.txt",
            "hot_spots": [{"function": "to_python", "where": "wagtail/blocks.py:1", "percent": 20.0}],
        },
    }
    small = copy.deepcopy(size)
    small["pages"] = 1000
    return {
        "mode": "quick",
        "settings": {"workers": 2, "concurrency": 16, "rounds": 2, "seconds": 8, "warm": 2},
        "started_at": "2026-11-22T12:00:00+00:00",
        "commit": "abc1234",
        "total_seconds": 600,
        "machine": {
            "cores": 2,
            "cpu": "test",
            "memory_gb": 24.0,
            "kernel": "6",
            "load_average_at_start": (1.0, 1.0, 1.0),
            "load_average_at_end": (1.0, 1.0, 1.0),
        },
        "versions": {"wagtail": "8.0.1"},
        "endpoint_labels": {"floor": "floor", "v1_list": "list", "v2_list": "v2 list", "search": "search"},
        "sizes": {"1000": small, "10000": size},
    }


def test_results_writer_judges_targets_and_says_by_how_much_a_target_is_missed():
    """The list's p95 of 150 ms misses the 100 ms ceiling by 50 ms; 3× API v2's throughput meets 1.5×."""
    verdicts = {v["name"]: v for v in report.evaluate(results_fixture())}
    assert verdicts["list vs API v2"]["status"] == report.MET
    assert verdicts["list p95 at concurrency 16"]["status"] == report.MISSED
    assert "50 ms (50%) over" in verdicts["list p95 at concurrency 16"]["detail"]
    assert verdicts["search p95 (10,000 pages)"]["status"] == report.NOT_MEASURED
    assert verdicts["import of the LGSL list and all councils"]["status"] == report.MET


def test_results_writer_produces_every_section_and_keeps_other_tools_sections(tmp_path):
    """RESULTS.md gets every section; a relevance section written by another tool survives a rewrite."""
    results = results_fixture()
    results["targets"] = report.evaluate(results)
    path = tmp_path / "RESULTS.md"
    path.write_text("# Benchmark results\n\n## Search relevance\n\nnDCG@10 0.9\n")
    report.write(results, path)
    report.write(results, path)
    text = path.read_text()
    for heading in [
        "### Targets",
        "### Machine and versions",
        "### Data",
        "### Endpoints at 1,000 pages",
        "### Endpoints at 10,000 pages",
        "### From 1,000 to 10,000 pages",
        "### Publishing, indexing and import",
        "### Memory",
        "### Where targets are missed, and what limits them",
    ]:
        assert text.count(heading) == 1, heading
    assert "## Search relevance\n\nnDCG@10 0.9" in text
    assert text.count(report.BEGIN) == 1
    assert "bench/profiles/v1_list.txt" in text
