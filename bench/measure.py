"""Measurements taken inside Django rather than over HTTP (each run by bench.run in its own process).

    python -m bench.measure prepare --out bench/out/10000     # request lists for wrk + SQL queries per request
    python -m bench.measure rebuild                            # rebuild_search_index twice, pages/s
    python -m bench.measure publish --repeat 30                # publishing a 40-block pattern, p95
    python -m bench.measure profile --endpoint v1_list --out profile.txt

Each prints one JSON object on its last line. DATABASE_URL names the library to use; the settings are
cms.settings.bench.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

from .endpoints import ENDPOINTS, FALLBACK_QUERIES

SAMPLE = 200


def setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.bench")
    import django

    django.setup()


def percentile(values, fraction):
    """The value below which ``fraction`` of ``values`` lie (nearest rank), e.g. percentile(v, 0.95)."""
    ordered = sorted(values)
    if not ordered:
        return None
    rank = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[rank]


def judged_queries():
    """The search relevance bench's judged queries (bench/relevance/queries.tsv, first column) when they
    are in the tree, else everyday council searches; and where they came from."""
    project = Path(__file__).resolve().parent.parent
    judged = project / "bench" / "relevance" / "queries.tsv"
    if judged.exists():
        queries = [
            line.split("\t", 1)[0].strip()
            for line in judged.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        ]
        if queries:
            return queries, "bench/relevance/queries.tsv (the judged query set)"
    return FALLBACK_QUERIES, "built-in list (no judged query set in the tree)"


def sample_patterns():
    from wagtail.models import Locale

    from pattern_pages.models import ServicePatternPage

    english = Locale.objects.get(language_code="en")
    pages = ServicePatternPage.objects.live().filter(locale=english).order_by("pk")
    total = pages.count()
    step = max(1, total // SAMPLE)
    chosen = list(pages.values_list("pk", "slug", "url_path")[::step][:SAMPLE])
    return chosen


def request_lines(name, patterns, client):
    """The lines of the wrk request file for endpoint ``name``, or raise Unavailable with the reason."""
    from urllib.parse import quote_plus

    from wagtail.models import Site

    spec = ENDPOINTS[name]
    template = spec["path"]
    if "{query}" in template:
        queries, _source = judged_queries()
        return [template.format(query=quote_plus(q)) for q in queries]
    if "{url}" in template:
        site = Site.objects.get(is_default_site=True)
        root = site.root_page.url_path
        return ["/" + url_path.removeprefix(root) for _pk, _slug, url_path in patterns]
    if "{" not in template:
        return [template]
    lines = [template.format(slug=slug, id=pk) for pk, slug, _url in patterns]
    if spec.get("conditional"):
        tagged = []
        for path in lines:
            etag = client.get(path).headers.get("ETag")
            if not etag:
                raise Unavailable("the response carries no ETag, so there is nothing to revalidate")
            tagged.append(f"{path}\tIf-None-Match\t{etag}")
        return tagged
    return lines


class Unavailable(Exception):
    pass


def header_kwargs(line):
    parts = line.split("\t")
    headers = {}
    for key, value in zip(parts[1::2], parts[2::2], strict=True):
        headers["HTTP_" + key.upper().replace("-", "_")] = value
    return parts[0], headers


def prepare(out):
    """Write one request file per endpoint that exists; count each endpoint's SQL queries per request."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    patterns = sample_patterns()
    out.mkdir(parents=True, exist_ok=True)
    result = {"endpoints": {}, "sample_size": len(patterns), "queries_source": judged_queries()[1]}
    for name, spec in ENDPOINTS.items():
        entry = {"label": spec["label"]}
        try:
            lines = request_lines(name, patterns, client)
        except Unavailable as reason:
            entry.update(available=False, reason=str(reason))
            result["endpoints"][name] = entry
            continue
        path, headers = header_kwargs(lines[0])
        client.get(path, **headers)  # warm the per-process caches (content types, sites, locales)
        if spec.get("search_run") == "misses":  # count a miss's queries: the search's kept counts and answers gone
            from django.core.cache import caches

            from library.version import PAGES_CACHE
            from search.answers import CACHE_ALIAS

            caches[PAGES_CACHE].clear()
            caches[CACHE_ALIAS].clear()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(path, **headers)
            single_request_ms = (time.perf_counter() - started) * 1000
        expected = 304 if spec.get("conditional") else 200
        if response.status_code != expected:
            entry.update(
                available=False,
                reason=f"GET {path} answered {response.status_code}"
                + (" (not on main yet)" if response.status_code == 404 else ""),
            )
        else:
            file = out / f"{name}.txt"
            file.write_text("\n".join(lines) + "\n")
            entry.update(
                available=True,
                requests_file=str(file),
                example=path,
                queries=len(captured.captured_queries),
                single_request_ms=round(single_request_ms, 1),
                response_bytes=len(response.content),
                distinct_requests=len(lines),
            )
        result["endpoints"][name] = entry
    return result


def rebuild():
    """Time the search index rebuild with the project's command (Wagtail's update_index before it exists),
    twice: the bench's library has no index yet, so the first run is a first build (every document's text
    analysed); the second rebuilds the index that run made, as ``rebuild_search_index`` does on a running
    site, and is the figure judged (``pages_per_second``). The first is kept beside it (``first_build``)."""
    from django.core.management import call_command, get_commands
    from wagtail.models import Page

    command = "rebuild_search_index" if "rebuild_search_index" in get_commands() else "update_index"
    pages = Page.objects.filter(depth__gt=1).count()

    def timed():
        with open(os.devnull, "w") as quiet:
            started = time.perf_counter()
            call_command(command, stdout=quiet, stderr=quiet)
            return time.perf_counter() - started

    documents_before = indexed_documents()
    first = timed()
    seconds = timed()
    return {
        "command": command,
        "pages": pages,
        "seconds": round(seconds, 2),
        "pages_per_second": round(pages / seconds),
        "judged": "rebuild",
        "first_build": {
            "documents_before": documents_before,
            "seconds": round(first, 2),
            "pages_per_second": round(pages / first),
        },
    }


def indexed_documents():
    """The documents in the project's search index (``None`` without the search app)."""
    from django.apps import apps

    try:
        return apps.get_model("library_search", "SearchDocument").objects.count()
    except LookupError:
        return None


def publish(repeat):
    """Publish a 40-block pattern ``repeat`` times through Wagtail's revision workflow, as an editor does."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Locale

    from bench.content import count_blocks
    from pattern_pages.models import ServicePatternPage

    english = Locale.objects.get(language_code="en")
    page = ServicePatternPage.objects.filter(locale=english).order_by("pk").first()
    streams = [
        "when_to_use",
        "when_not_to_use",
        "how_it_works",
        "user_needs",
        "steps",
        "variants",
        "accessibility",
        "research",
        "related",
    ]
    blocks = count_blocks({name: list(getattr(page, name)) for name in streams})
    webhooks = ensure_webhook_subscriptions()
    deliveries_before = count_model("api", "WebhookDelivery")
    timings, queries = [], []
    for n in range(repeat + 2):
        page = ServicePatternPage.objects.get(pk=page.pk)
        page.summary = f"How a resident applies, revised ({n})."
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            page.save_revision().publish()
            elapsed = time.perf_counter() - started
        if n >= 2:  # the first two warm the process's caches
            timings.append(elapsed * 1000)
            queries.append(len(captured.captured_queries))
    from django_tasks_db.models import DBTaskResult

    return {
        "page_id": page.pk,
        "blocks": blocks,
        "repeat": repeat,
        "p50_ms": round(statistics.median(timings), 1),
        "p95_ms": round(percentile(timings, 0.95), 1),
        "max_ms": round(max(timings), 1),
        "queries": round(statistics.median(queries)),
        "tasks_queued": DBTaskResult.objects.count(),
        "webhooks": webhooks,
        "webhook_deliveries_queued": (count_model("api", "WebhookDelivery") or 0) - (deliveries_before or 0),
    }


def count_model(app_label, model_name):
    from django.apps import apps

    try:
        return apps.get_model(app_label, model_name).objects.count()
    except LookupError:
        return None


def ensure_webhook_subscriptions(count=3):
    """Three suppliers subscribed to webhooks, so that publishing queues deliveries as it will in use."""
    from django.apps import apps
    from django.contrib.auth import get_user_model

    try:
        subscription_model = apps.get_model("api", "WebhookSubscription")
        key_model = apps.get_model("api", "ApiKey")
    except LookupError:
        return "no webhook model on main yet"
    existing = subscription_model.objects.filter(target_url__contains="bench-supplier").count()
    user, _created = get_user_model().objects.get_or_create(username="bench-supplier")
    for n in range(existing, count):
        key, _raw = key_model.create_for(user, f"Bench supplier {n + 1}")
        subscription_model.objects.create(api_key=key, target_url=f"https://bench-supplier-{n + 1}.example.com/hooks")
    return f"{count} subscriptions"


def profile(endpoint, requests_file, out, count):
    """Profile ``count`` requests to ``endpoint`` with pyinstrument; write the call tree to ``out``."""
    from django.test import Client
    from pyinstrument import Profiler

    client = Client()
    lines = [line for line in Path(requests_file).read_text().splitlines() if line]
    for line in lines[:3]:
        path, headers = header_kwargs(line)
        client.get(path, **headers)
    profiler = Profiler(interval=0.0005)
    started = time.perf_counter()
    with profiler:
        for n in range(count):
            path, headers = header_kwargs(lines[n % len(lines)])
            client.get(path, **headers)
    seconds = time.perf_counter() - started
    text = profiler.output_text(unicode=False, color=False, show_all=False, short_mode=False)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text)
    return {
        "endpoint": endpoint,
        "requests": count,
        "ms_per_request": round(seconds * 1000 / count, 1),
        "hot_spots": hot_spots(profiler.last_session.root_frame(), seconds),
        "profile_file": str(out),
    }


def hot_spots(root, seconds, limit=10):
    """The functions with the most self time, e.g. ``[{"function": "to_python", "where": "…", "percent": 12.5}]``."""
    totals = {}
    stack = [root]
    while stack:
        frame = stack.pop()
        stack.extend(frame.children)
        if frame.is_synthetic:
            continue
        key = (frame.function, frame.file_path_short, frame.line_no)
        totals[key] = totals.get(key, 0.0) + frame.total_self_time
    ranked = sorted(totals.items(), key=lambda item: item[1], reverse=True)[:limit]
    return [
        {"function": function, "where": f"{path}:{line}", "percent": round(spent / seconds * 100, 1)}
        for (function, path, line), spent in ranked
    ]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("prepare").add_argument("--out", type=Path, required=True)
    sub.add_parser("rebuild")
    sub.add_parser("publish").add_argument("--repeat", type=int, default=30)
    prof = sub.add_parser("profile")
    prof.add_argument("--endpoint", required=True)
    prof.add_argument("--requests-file", required=True)
    prof.add_argument("--out", type=Path, required=True)
    prof.add_argument("--count", type=int, default=40)
    args = parser.parse_args(argv)
    setup()
    if args.command == "prepare":
        result = prepare(args.out)
    elif args.command == "rebuild":
        result = rebuild()
    elif args.command == "publish":
        result = publish(args.repeat)
    else:
        result = profile(args.endpoint, args.requests_file, args.out, args.count)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
