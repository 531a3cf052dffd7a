"""Benchmarks only: the server times each search request and says whether what the search keeps answered.

What the search keeps, its counts and its answers (``search.answers``: a whole page or API answer, looked up
as a kept count), is all looked up through ``KeptCounts.get_or_count``, which the probe wraps.

``cms.settings.bench`` puts :class:`SearchProbe` first in the middleware; it is inert (``MiddlewareNotUsed``)
unless the harness starts gunicorn with one of:

- ``BENCH_SEARCH_LOG=<folder>``: each worker appends a line per search request to ``<folder>/<pid>.tsv``:
  wall ms, this process's CPU ms, counts asked of the search's kept counts, counts made (not kept), status, path;
- ``BENCH_SEARCH_CACHE=off``: the kept counts and answers are never looked up, so every search counts and
  renders, as the first asking of a query after a change does (a cache miss on every request).

A request whose counts were all made is a miss, all kept a hit, some of each a partial hit: a kept answer
is one count asked and none made, a hit.
"""

import contextvars
import os
import time
from pathlib import Path

from django.core.exceptions import MiddlewareNotUsed

LOG_VARIABLE = "BENCH_SEARCH_LOG"
CACHE_VARIABLE = "BENCH_SEARCH_CACHE"
SEARCH_PATHS = ("/search/", "/cy/search/", "/api/v1/search/")
_probe = contextvars.ContextVar("bench_search_probe", default=None)
_installed = False


def install(cache_off):
    """Wrap the kept counts' lookup so a request's probe counts what was asked and what was counted."""
    global _installed
    if _installed:
        return
    from search.engines.database import KeptCounts

    original = KeptCounts.get_or_count

    def get_or_count(self, what, count):
        probe = _probe.get()
        if probe is None:
            return original(self, what, count)
        probe["asked"] += 1

        def counting():
            probe["counted"] += 1
            return count()

        return counting() if cache_off else original(self, what, counting)

    KeptCounts.get_or_count = get_or_count
    _installed = True


class SearchProbe:
    def __init__(self, get_response):
        self.folder = os.environ.get(LOG_VARIABLE)
        cache_off = os.environ.get(CACHE_VARIABLE) == "off"
        if not self.folder and not cache_off:
            raise MiddlewareNotUsed
        install(cache_off)
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(SEARCH_PATHS) or request.path_info.startswith("/search/suggest"):
            return self.get_response(request)
        probe = {"asked": 0, "counted": 0}
        token = _probe.set(probe)
        cpu, wall = time.process_time(), time.perf_counter()
        try:
            response = self.get_response(request)
        finally:
            _probe.reset(token)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        if self.folder:
            line = (
                f"{wall * 1000:.2f}\t{cpu * 1000:.2f}\t{probe['asked']}\t{probe['counted']}\t"
                f"{response.status_code}\t{request.get_full_path()}\n"
            )
            with open(Path(self.folder) / f"{os.getpid()}.tsv", "a", encoding="utf-8") as log:
                log.write(line)
        return response


def classify(asked, counted):
    """``"miss"`` (every count made), ``"hit"`` (every count kept), ``"partial"``, or ``"none"`` (no count asked)."""
    if asked == 0:
        return "none"
    if counted == asked:
        return "miss"
    return "hit" if counted == 0 else "partial"


def read_log(folder):
    """The requests the workers logged in ``folder``: ``[{"wall": ms, "cpu": ms, "kind": "miss", …}]``."""
    rows = []
    for file in sorted(Path(folder).glob("*.tsv")):
        for line in file.read_text(encoding="utf-8").splitlines():
            wall, cpu, asked, counted, status, path = line.split("\t", 5)
            rows.append(
                {
                    "wall": float(wall),
                    "cpu": float(cpu),
                    "kind": classify(int(asked), int(counted)),
                    "status": int(status),
                    "path": path,
                }
            )
    return rows


def clear_log(folder):
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for file in folder.glob("*.tsv"):
        file.unlink()
