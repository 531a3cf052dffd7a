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
    },
    "search": {
        "label": "public site search (database engine), the judged query set",
        "path": "/search/?q={query}",
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
    ("search p95 (10,000 pages)", "search", None, "p95_ms", 50),
]

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
