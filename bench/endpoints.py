"""What is measured over HTTP, and the issue's targets.

Each endpoint is a list of requests wrk cycles through (one path, or 200 pages' paths so the detail
endpoints are not answered from one hot row). ``{slug}`` and ``{id}`` are the same 200 English patterns
for every endpoint, so the library's API and Wagtail's APIs serve the same pages.
"""

PATTERN_TYPE = "pattern_pages.ServicePatternPage"

ENDPOINTS = {
    "floor": {
        "label": "trivial Django JSON view (the framework's floor)",
        "path": "/bench/floor/",
    },
    "v1_list": {
        "label": "library API: pattern list, 50 a page",
        "path": "/api/v1/patterns/?limit=50",
    },
    "v2_list": {
        "label": "Wagtail API v2: pattern list, all fields, 50 a page",
        "path": f"/api/v2/pages/?type={PATTERN_TYPE}&fields=*&limit=50",
    },
    "v3_list": {
        "label": "Wagtail API v3 (django-ninja): pattern list, 50 a page (v3 lists id, title and meta only)",
        "path": f"/api/v3/pages/?type={PATTERN_TYPE}&limit=50",
    },
    "v1_detail": {
        "label": "library API: one pattern",
        "path": "/api/v1/patterns/{slug}/",
    },
    "v2_detail": {
        "label": "Wagtail API v2: one pattern",
        "path": "/api/v2/pages/{id}/",
    },
    "v3_detail": {
        "label": "Wagtail API v3: one pattern",
        "path": "/api/v3/pages/{id}/",
    },
    "v1_detail_304": {
        "label": "library API: one pattern, conditional GET answered 304",
        "path": "/api/v1/patterns/{slug}/",
        "conditional": True,
    },
    "site_pattern": {
        "label": "public site: a pattern page",
        "path": "{url}",
        # Every page asked once before the rounds, as the worker renders what a publish changed (bench.run).
        "rendered_ahead": True,
    },
    # The search runs in servers of its own (bench.run.search_runs), not in the alternating rounds.
    "search": {
        "label": "public site search (database engine), the judged query set, cache misses (nothing kept looked up)",
        "path": "/search/?q={query}",
        "search_run": "misses",
    },
    "search_hits": {
        "label": "public site search, the judged query set, cache hits (kept answers and counts answer)",
        "path": "/search/?q={query}",
        "search_run": "hits",
    },
}

# (name, endpoint, compared with, kind, target): kind "ratio" compares req/s, "p95_ms" a latency ceiling.
TARGETS = [
    ("list vs API v2", "v1_list", "v2_list", "ratio", 1.5),
    ("list vs API v3", "v1_list", "v3_list", "ratio", 1.5),
    ("list p95 at concurrency 16", "v1_list", None, "p95_ms", 100),
    ("list vs the framework's floor", "v1_list", "floor", "ratio", 0.4),
    ("detail vs API v2 detail", "v1_detail", "v2_detail", "ratio", 1.5),
    ("304 vs the framework's floor", "v1_detail_304", "floor", "ratio", 0.8),
    ("public pattern page vs the framework's floor", "site_pattern", "floor", "ratio", 0.3),
    ("search p95 over HTTP, cache misses", "search", None, "p95_ms", 50),
    ("search p95 over HTTP, cache hits", "search_hits", None, "p95_ms", 50),
]

# Issue 17's targets measured in process (bench.report.evaluate judges them at JUDGED_PAGES).
JUDGED_PAGES = 10_000  # the size every target is judged at; larger sizes record search figures only
SEARCH_CPU_MS = 20  # CPU per search request on a miss (app + database), p95, all queries and common words
SEARCH_API_P95_MS = {10_000: 30, 100_000: 100}  # the search API's wall p95 on a miss, in process
TANTIVY_RATIO = 5  # ours ÷ Tantivy, CPU per request, per query class
REBUILD_PAGES_PER_SECOND = 2_000
PAGE_CPU_MS = 20  # an uncached 40-block pattern page, nothing kept: CPU per request (app + database), mean

# Used when the search helper's judged query set is not in the tree: everyday council searches.
FALLBACK_QUERIES = [
    "apply for a school place",
    "missed bin collection",
    "blue badge",
    "council tax",
    "report a pothole",
    "register a birth",
    "book a tip slot",
    "pay a parking fine",
    "housing benefit",
    "planning permission",
    "free school meals",
    "report fly tipping",
    "bulky waste collection",
    "apply for a parking permit",
    "register to vote",
    "noise complaint",
    "adult social care",
    "book a marriage",
    "change of address",
    "garden waste",
]
