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


def search_cpu_fixture(judged, common, ratio=(4.0, 4.5)):
    """bench.search_cpu's figures: (CPU p50, CPU p95, wall p50, wall p95) for judged queries and common words."""

    def of(figures, requests):
        cpu_p50, cpu_p95, wall_p50, wall_p95 = figures
        return {
            "requests": requests,
            "cpu_total_ms": {"p50": cpu_p50, "p95": cpu_p95, "mean": cpu_p50},
            "cpu_app_ms": {"p50": cpu_p50, "p95": cpu_p95, "mean": cpu_p50},
            "wall_ms": {"p50": wall_p50, "p95": wall_p95, "mean": wall_p50},
        }

    def anchor(figures):
        return {
            "tantivy_cpu_ms": {"p50": 1.0, "p95": 2.0},
            "ours_cpu_ms": {"p50": figures[0], "p95": figures[1]},
            "ratio_p50": ratio[0],
            "ratio_p95": ratio[1],
        }

    return {
        "classes": {"all": of(judged, 59), "judged": of(judged, 51), "common_words": of(common, 8)},
        "tantivy": {
            "documents": 9853,
            "index_build_s": 12.0,
            "judged": anchor(judged),
            "common_words": {**anchor(common), "ratio_p50": 9.0},
            "all": anchor(judged),
        },
    }


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
    size["search_cpu"] = search_cpu_fixture(judged=(12.0, 18.5, 14.0, 22.0), common=(19.0, 35.0, 25.0, 41.0))
    size["page_cpu"] = {
        kept: {
            "requests": 80,
            "cpu_total_ms": {"p50": mean, "p95": mean * 1.5, "mean": mean},
            "cpu_app_ms": {"p50": mean, "p95": mean, "mean": mean * 0.8},
            "wall_ms": {"p50": mean * 2, "p95": mean * 3},
            "queries": {"p50": 20.0, "p95": 20.0, "mean": 20.0},
        }
        for kept, mean in (("nothing", 24.0), ("bodies", 15.0), ("pages", 1.9))
    }
    size["bad_input"] = {
        "repeat": 3,
        "cases": [
            {"case": "10,000 characters", "where": "search API", "status": 400, "wall_ms": 3.0, "cpu_ms": 3.0},
            {
                "case": "1,000 words joined by OR",
                "where": "search page",
                "status": 200,
                "wall_ms": 90.0,
                "cpu_ms": 80.0,
            },
        ],
        "slowest": {
            "case": "1,000 words joined by OR",
            "where": "search page",
            "status": 200,
            "wall_ms": 90.0,
            "cpu_ms": 80.0,
        },
    }
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
    assert verdicts["search p95 over HTTP, cache misses"]["status"] == report.NOT_MEASURED
    assert verdicts["import of the LGSL list and all councils"]["status"] == report.MET
    # 1,000 pages/s falls short of the 2,000 pages/s issue 17 asks of the rebuild.
    assert verdicts["rebuild_search_index (database engine)"]["status"] == report.MISSED
    assert "50% short" in verdicts["rebuild_search_index (database engine)"]["detail"]


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


def test_issue_17_search_verdicts_judge_each_query_class_at_10000_pages_and_wait_for_100000():
    """CPU per request p95 18.5 ms meets ≤ 20 ms for all queries; common words' 35 ms misses; the API p95 of
    22 ms meets ≤ 30 ms, common words' 41 ms misses; Tantivy 4–4.5× is within 5×, 9× is not; the 100,000-page
    rows wait for bench-full."""
    verdicts = {v["name"]: v for v in report.evaluate(results_fixture())}
    assert verdicts["search CPU per request on a miss, all queries"]["status"] == report.MET
    assert verdicts["search CPU per request on a miss, common words"]["status"] == report.MISSED
    assert verdicts["search API p95 on a miss, judged queries, 10,000 pages"]["status"] == report.MET
    missed = verdicts["search API p95 on a miss, common words, 10,000 pages"]
    assert missed["status"] == report.MISSED and "11 ms over" in missed["detail"]
    assert verdicts["ours ÷ Tantivy, judged queries, 10,000 pages"]["status"] == report.MET
    assert "not within 5×" in verdicts["ours ÷ Tantivy, common words, 10,000 pages"]["detail"]
    for name in [
        "search API p95 on a miss, judged queries, 100,000 pages",
        "ours ÷ Tantivy, common words, 100,000 pages",
    ]:
        assert verdicts[name]["status"] == report.NOT_MEASURED
        assert "bench-full" in verdicts[name]["detail"]


def test_the_rebuild_is_judged_on_rebuilding_an_existing_index_with_the_first_build_beside_it():
    """bench.measure rebuild runs the command twice: the target is judged on the second run (the index the
    first made, rebuilt), and the first build, slower as every document's text is analysed, is reported too."""
    results = results_fixture()
    results["sizes"]["10000"]["rebuild"] = {
        "command": "rebuild_search_index",
        "pages": 10000,
        "seconds": 4.0,
        "pages_per_second": 2500,
        "judged": "rebuild",
        "first_build": {"documents_before": 0, "seconds": 11.6, "pages_per_second": 862},
    }
    verdict = {v["name"]: v for v in report.evaluate(results)}["rebuild_search_index (database engine)"]
    assert verdict["status"] == report.MET
    assert verdict["value"] == 2500
    assert "2,500 pages/s with `rebuild_search_index` rebuilding an existing index" in verdict["detail"]
    assert "a first build (no index before): 862 pages/s (11.6 s)" in verdict["detail"]
    results["sizes"]["10000"]["rebuild"]["pages_per_second"] = 1500
    verdict = {v["name"]: v for v in report.evaluate(results)}["rebuild_search_index (database engine)"]
    assert verdict["status"] == report.MISSED
    assert "25% short; a first build" in verdict["detail"]


def test_issue_17_judges_at_10000_pages_and_records_100000_pages_search_figures(tmp_path):
    """With a 100,000-page size the targets are still judged at 10,000 pages; the larger size's API p95 and
    Tantivy ratio are judged against its own ceiling (≤ 100 ms) and rendered, its endpoints said to be skipped."""
    results = results_fixture()
    big = {
        "pages": 100000,
        "role": "scale",
        "generate": copy.deepcopy(results["sizes"]["10000"]["generate"]),
        "rebuild": {"command": "rebuild_search_index", "pages": 100000, "seconds": 40.0, "pages_per_second": 2500},
        "search_cpu": search_cpu_fixture(judged=(30.0, 60.0, 40.0, 80.0), common=(90.0, 150.0, 120.0, 190.0)),
    }
    results["sizes"]["100000"] = big
    results["judged_pages"] = 10000
    verdicts = {v["name"]: v for v in report.evaluate(results)}
    assert verdicts["rebuild_search_index (database engine)"]["value"] == 1000  # the 10,000-page rebuild
    assert verdicts["search API p95 on a miss, judged queries, 100,000 pages"]["status"] == report.MET
    assert verdicts["search API p95 on a miss, common words, 100,000 pages"]["status"] == report.MISSED
    results["targets"] = list(verdicts.values())
    path = tmp_path / "RESULTS.md"
    report.write(results, path)
    text = path.read_text()
    assert "Not measured over HTTP at 100,000 pages" in text
    assert "| 100,000 | common words | 8 | 90.0 / 150.0 / 90.0 | 120.0 / 190.0 |" in text
    assert "### Endpoints at 100,000 pages" not in text


def test_issue_17_page_bad_input_and_http_search_verdicts():
    """The uncached page is judged on nothing kept (24 ms > 20 ms) and shows the other two; bad input is
    judged on answering without a server error; the HTTP search runs say what the workers logged."""
    results = results_fixture()
    size = results["sizes"]["10000"]
    figures = {"rps": 100.0, "p50_ms": 20.0, "p95_ms": 40.0, "p99_ms": 50.0, "max_ms": 60.0, "requests": 1000}
    figures.update(errors=0, status_2xx=1000, status_304=0, status_other=0, app_cpu_ms=9.0, db_cpu_ms=6.0)
    server = {
        "requests": 1016,
        "kinds": {"miss": 1016},
        "wall_ms": {"p50": 18.0, "p95": 30.0},
        "cpu_ms": {"p50": 9.0, "p95": 14.0},
    }
    size["endpoints"]["search"] = {"label": "misses", "available": True, "http": {**figures, "server": server}}
    size["endpoints"]["search_hits"] = {
        "label": "hits",
        "available": True,
        "http": {**figures, "p95_ms": 55.0, "server": {**server, "kinds": {"hit": 1016}}},
    }
    verdicts = {v["name"]: v for v in report.evaluate(results)}
    page = verdicts["an uncached 40-block pattern page, nothing kept"]
    assert (
        page["status"] == report.MISSED and "4.0 ms over" in page["detail"] and "the page kept 1.9 ms" in page["detail"]
    )
    bad = verdicts["the worst anonymous search (long, syntax, 1,000 OR terms …)"]
    assert bad["status"] == report.MET and "1,000 words joined by OR" in bad["detail"]
    size["bad_input"]["cases"][1]["status"] = 500
    assert report.bad_input_verdict(size)["status"] == report.MISSED
    misses = verdicts["search p95 over HTTP, cache misses"]
    assert misses["status"] == report.MET and "1,016 misses" in misses["detail"]
    assert verdicts["search p95 over HTTP, cache hits"]["status"] == report.MISSED
    results["targets"] = list(verdicts.values())
    text = report.render(results)
    for heading in [
        "### Search over HTTP: cache misses and hits apart",
        "### Search in process on a cache miss, beside Tantivy",
        "### A pattern page in process",
        "### The worst anonymous queries",
    ]:
        assert text.count(heading) == 1, heading
    assert "| 10,000 | hits | 100.0 | 20.0 | 55.0 |" in text


def test_bench_full_measures_100000_pages_in_process_only(tmp_path, monkeypatch):
    """bench-full's sizes are 1,000, 10,000 and 100,000 with targets judged at 10,000; at 100,000 pages the run
    builds the library, times the rebuild and measures search in process (beside Tantivy), and starts no server."""
    import json
    import subprocess

    from bench import run

    assert run.MODES["full"]["sizes"] == "1000,10000,100000"
    assert run.judged_size([1000, 10000, 100000]) == 10000
    assert run.judged_size([1000]) == 1000
    monkeypatch.setattr(run, "OUT", tmp_path)
    steps = []

    def generate(command, **kwargs):
        steps.append("generate")
        report_file = command[command.index("--report") + 1]
        (tmp_path / "100000" / "generate.json").write_text(json.dumps({"database": "bench_100000"}))
        assert report_file.endswith("100000/generate.json")
        return subprocess.CompletedProcess(command, 0, "", "")

    def python_step(args, url, timeout=None):
        steps.append(" ".join(args))
        return {"classes": {}}

    def no_server(*args, **kwargs):
        raise AssertionError("no server at 100,000 pages")

    monkeypatch.setattr(run.subprocess, "run", generate)
    monkeypatch.setattr(run, "rebuild", lambda url, pages, budget, rate: {"pages_per_second": 2500, "pages": pages})
    monkeypatch.setattr(run, "vacuum", lambda database: steps.append("vacuum"))
    monkeypatch.setattr(run, "tantivy_available", lambda: True)
    monkeypatch.setattr(run, "python_step", python_step)
    monkeypatch.setattr(run.load, "Server", no_server)
    measured = run.measure_size(100000, "full", judged=False)
    assert measured["role"] == "scale"
    assert steps == ["generate", "vacuum", "bench.search_cpu -n 1 --tantivy"]
    assert "endpoints" not in measured and "memory" not in measured


def test_each_run_times_fixed_reference_workloads_so_runs_on_other_machines_can_be_compared(db, tmp_path):
    """The machine section gives the reference workloads' times at the start and the end; a results.json from
    before bench/calibrate.py says it has none instead of failing."""
    from django.conf import settings

    from bench import calibrate

    assert calibrate.python_workload() == calibrate.python_workload() > 0
    speed = calibrate.measure(calibrate_url(settings))
    assert speed["python_ms"] > 0
    if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        assert speed["postgres_ms"] > 0

    results = results_fixture()
    results["machine"]["speed"] = {"python_ms": 61.2, "postgres_ms": 48.0}
    results["machine"]["speed_at_end"] = {"python_ms": 70.4, "postgres_ms": None}
    results["targets"] = report.evaluate(results)
    path = tmp_path / "RESULTS.md"
    report.write(results, path)
    assert (
        "Reference workloads (bench/calibrate.py; lower is faster): Python 61.2 ms, PostgreSQL 48.0 ms at the "
        "start, Python 70.4 ms, PostgreSQL – at the end." in path.read_text()
    )

    earlier = results_fixture()
    earlier["targets"] = report.evaluate(earlier)
    report.write(earlier, path)
    assert "This run timed no reference workloads" in path.read_text()


def calibrate_url(settings):
    """The test database (the ``db`` fixture has made it) as a libpq address, or one that refuses (SQLite)."""
    database = settings.DATABASES["default"]
    if not database["ENGINE"].endswith("postgresql"):
        return "postgresql://nobody@127.0.0.1:1/none?connect_timeout=1"
    host, port = database.get("HOST") or "127.0.0.1", database.get("PORT") or 5432
    return f"postgresql://{database.get('USER') or 'postgres'}@{host}:{port}/{database['NAME']}"


def test_pattern_pages_are_rendered_ahead_of_the_rounds_as_the_worker_would(tmp_path, monkeypatch):
    """Every pattern-page path (not only the first) is asked of each worker before the rounds; the other
    endpoints are not."""
    from bench import load, run

    requests = {}
    for name in ("site_pattern", "v1_list"):
        requests[name] = tmp_path / f"{name}.txt"
        requests[name].write_text("".join(f"/{name}/{n}/\tAccept\ttext/html\n" for n in range(5)))
    asked = []
    monkeypatch.setattr(load, "ask_every_worker", lambda base, paths, times: asked.append((base, paths, times)))

    class Server:
        base = "http://127.0.0.1:1"

        def drain(self):
            pass

    entries = {name: {"requests_file": str(path)} for name, path in requests.items()}
    run.render_ahead(Server(), entries, ["v1_list", "site_pattern"])
    assert asked == [("http://127.0.0.1:1", [f"/site_pattern/{n}/" for n in range(5)], 1)]
