"""The worst an anonymous search can ask, timed in process (issue 17: bad input stays handled; record the worst).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_10000 .venv/bin/python -m bench.bad_input

Asks the public search page (``/search/``) and the search API (``/api/v1/search/``) as an anonymous reader,
every cache emptied before each request, for: a 10,000-character query; syntax characters of every query
language a reader might try; 1,000 words joined by OR (real words from the index's vocabulary, so each
one matches); the most distinct words that fit in the 200 characters a query keeps (refused: more words than
a query may have) and the most words a query may have (``MAX_QUERY_WORDS``); 1,000 values of a
facet filter; the last page a query can ask for; a NUL character. Each is asked three times; per case the
slowest wall and CPU (this process + the PostgreSQL backend, :func:`bench.search_cpu.backend_cpu`) and the status.
The last line is JSON.
"""

import argparse
import json
import time
from urllib.parse import urlencode

from .measure import setup
from .search_cpu import backend_cpu, backend_pid

REPEAT = 3
SYNTAX = '"apply" AND (council OR tax) NOT -planning +bin* ~2 ^3 \\ : [ ] { } ! & | < > \' ; -- /* */ % _ @@ :* !!'


def cases():
    from search.models import SearchWord
    from search.params import MAX_QUERY_LENGTH, MAX_QUERY_WORDS
    from search.query import PAGE_SIZE, last_page
    from search.synonyms import STOPWORDS

    vocabulary = SearchWord.objects.filter(locale="en", word__regex=r"^[a-z]{3,8}$").order_by("word")
    words = list(vocabulary.values_list("word", flat=True))
    if len(words) < 1000:  # an index not yet built: made-up words, which match nothing
        words += [f"word{n}" for n in range(1000 - len(words))]
    step = max(1, len(words) // 1000)
    thousand = (words[::step] + words)[:1000]
    fitting, length = [], 0
    for word in sorted(words, key=len):
        if length + len(word) + 1 > MAX_QUERY_LENGTH:
            break
        fitting.append(word)
        length += len(word) + 1
    councils = [f"council-{n}" for n in range(1000)]
    return {
        "10,000 characters": {"q": ("council tax planning " * 500)[:10_000]},
        "syntax characters": {"q": SYNTAX},
        "1,000 words joined by OR": {"q": " OR ".join(thousand)},
        f"{len(fitting)} distinct words (the most that fit in {MAX_QUERY_LENGTH} characters)": {"q": " ".join(fitting)},
        f"{MAX_QUERY_WORDS} distinct words (the most a query may have)": {
            "q": " ".join([word for word in words if word not in STOPWORDS][:MAX_QUERY_WORDS])
        },
        "1,000 values of a facet filter": {"q": "council", "council": councils},
        "the last page": {"q": "council", "page": str(last_page(PAGE_SIZE))},
        "a NUL character": {"q": "council\x00tax"},
    }


def main(argv=None):
    argparse.ArgumentParser(description=__doc__.split("\n\n")[0]).parse_args(argv)
    setup()
    from django.core.cache import caches
    from django.test import Client

    client = Client()
    client.get("/search/?q=warm")
    client.get("/api/v1/search/?q=warm")
    pid = backend_pid()
    results = []
    for name, params in cases().items():
        query = urlencode(params, doseq=True)
        for where, path in [("search page", "/search/"), ("search API", "/api/v1/search/")]:
            worst = {"case": name, "where": where, "query_string_bytes": len(query), "wall_ms": 0, "cpu_ms": 0}
            for _ in range(REPEAT):
                for alias in caches:
                    caches[alias].clear()
                cpu, db, wall = time.process_time(), backend_cpu(pid), time.perf_counter()
                response = client.get(f"{path}?{query}")
                cpu = (time.process_time() - cpu + backend_cpu(pid) - db) * 1000
                wall = (time.perf_counter() - wall) * 1000
                worst.update(
                    status=response.status_code,
                    wall_ms=round(max(worst["wall_ms"], wall), 1),
                    cpu_ms=round(max(worst["cpu_ms"], cpu), 1),
                    response_bytes=len(response.content),
                )
            results.append(worst)
            print(f"  {name}, {where}: {worst['status']}, {worst['wall_ms']} ms wall, {worst['cpu_ms']} ms CPU")  # noqa: T201
    slowest = max(results, key=lambda r: r["wall_ms"])
    print(json.dumps({"cases": results, "slowest": slowest, "repeat": REPEAT}))  # noqa: T201
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
