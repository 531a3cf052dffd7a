"""The results writer: judges the issue's targets and renders bench/RESULTS.md from results.json.

RESULTS.md may hold sections written by other tools (the search relevance report); this writer only
replaces the text between its own markers and leaves everything else as it was.
"""

from pathlib import Path

from .endpoints import TARGETS

BEGIN = "<!-- bench:begin (written by `make bench`; edit bench/report.py, not this block) -->"
END = "<!-- bench:end -->"
MET, MISSED, NOT_MEASURED = "met", "missed", "not measured"
PLACEHOLDER = "No run recorded yet: `make bench` writes the figures here.\n"


def largest(results):
    return results["sizes"][max(results["sizes"], key=int)]


def http(size, name):
    entry = size.get("endpoints", {}).get(name) or {}
    return entry.get("http")


def unavailable_reason(size, name):
    entry = size.get("endpoints", {}).get(name) or {}
    return entry.get("reason", "not measured in this run")


def evaluate(results):
    """Each target with its measured value and verdict, e.g. ``{"name": …, "status": "met", "detail": …}``."""
    size = largest(results)
    pages = size["pages"]
    verdicts = []
    for name, endpoint, compared, kind, target in TARGETS:
        measured = http(size, endpoint)
        other = http(size, compared) if compared else None
        verdict = {"name": name, "endpoint": endpoint, "compared_with": compared, "target": target, "kind": kind}
        if measured is None or (compared and other is None):
            missing = endpoint if measured is None else compared
            verdict.update(status=NOT_MEASURED, detail=f"`{missing}`: {unavailable_reason(size, missing)}")
        elif kind == "ratio":
            ratio = measured["rps"] / other["rps"] if other["rps"] else 0
            verdict.update(value=round(ratio, 2), status=MET if ratio >= target else MISSED)
            verdict["detail"] = f"{ratio:.2f}× ({measured['rps']:,} vs {other['rps']:,} req/s), target ≥ {target}×"
            if ratio < target:
                verdict["detail"] += f": {(1 - ratio / target) * 100:.0f}% short"
            cost, other_cost = cpu_cost(measured), cpu_cost(other)
            if cost and other_cost:
                verdict["cpu_ratio"] = round(other_cost / cost, 2)
                verdict["detail"] += (
                    f" (by CPU per request, app + database: {other_cost / cost:.2f}×, "
                    f"{cost:.1f} vs {other_cost:.1f} ms)"
                )
        else:
            p95 = measured["p95_ms"]
            verdict.update(value=p95, status=MET if p95 < target else MISSED)
            verdict["detail"] = f"p95 {p95} ms at {pages:,} pages, target < {target} ms"
            if p95 >= target:
                verdict["detail"] += f": {p95 - target:.0f} ms ({(p95 / target - 1) * 100:.0f}%) over"
        rebuilt = (size.get("rebuild") or {}).get("pages_per_second") is not None
        if endpoint == "search" and measured is not None and not rebuilt:
            # Searching an index that was never filled answers fast and proves nothing.
            verdict.update(
                status=NOT_MEASURED,
                detail=f"p95 {measured['p95_ms']} ms, but against an index that was not rebuilt at {pages:,} pages "
                "(see the rebuild row), so the figure does not count",
            )
        verdicts.append(verdict)

    rebuild = size.get("rebuild") or {}
    verdict = {"name": "rebuild_search_index (database engine)", "target": 500, "kind": "pages_per_second"}
    if rebuild.get("pages_per_second") is not None:
        rate = rebuild["pages_per_second"]
        verdict.update(
            value=rate, status=MET if rate >= 500 and rebuild["command"] == "rebuild_search_index" else MISSED
        )
        verdict["detail"] = (
            f"{rate:,} pages/s with `{rebuild['command']}` ({rebuild['pages']:,} pages in {rebuild['seconds']} s)"
        )
        if rebuild["command"] != "rebuild_search_index":
            verdict["detail"] += "; the project's `rebuild_search_index` is not on main yet, so this is Wagtail's own"
            verdict["status"] = MISSED if rate < 500 else NOT_MEASURED
        if rate < 500:
            verdict["detail"] += f": {(1 - rate / 500) * 100:.0f}% short of 500 pages/s"
    elif rebuild.get("skipped"):
        smaller = [
            r.get("rebuild") or {}
            for k, r in results["sizes"].items()
            if (r.get("rebuild") or {}).get("pages_per_second") is not None
        ]
        verdict.update(status=MISSED, detail=f"not run at {pages:,} pages: {rebuild['reason']}")
        if smaller:
            verdict["detail"] += (
                f" (at the smaller size: `{smaller[0]['command']}`, {smaller[0]['pages_per_second']} pages/s)"
            )
    elif rebuild.get("finished") is False:
        rate = rebuild["pages"] / rebuild["budget_seconds"]
        verdict.update(
            status=MISSED,
            detail=f"did not finish {rebuild['pages']:,} pages in {rebuild['budget_seconds']} s (< {rate:.0f} pages/s)",
        )
    else:
        verdict.update(status=NOT_MEASURED, detail="not run")
    verdicts.append(verdict)

    publish = size.get("publish")
    verdict = {"name": "publishing a 40-block pattern", "target": 300, "kind": "p95_ms"}
    if publish:
        verdict.update(value=publish["p95_ms"], status=MET if publish["p95_ms"] < 300 else MISSED)
        verdict["detail"] = (
            f"p95 {publish['p95_ms']} ms, median {publish['p50_ms']} ms over {publish['repeat']} publishes "
            f"of a {publish['blocks']}-block pattern ({publish['queries']} SQL queries each)"
        )
        if publish["p95_ms"] >= 300:
            verdict["detail"] += f": {publish['p95_ms'] - 300:.0f} ms over"
    else:
        verdict.update(status=NOT_MEASURED, detail="not run")
    verdicts.append(verdict)

    imported = size.get("generate", {}).get("import") or {}
    verdict = {"name": "import of the LGSL list and all councils", "target": 20, "kind": "seconds"}
    if imported.get("measured"):
        verdict.update(value=imported["seconds"], status=MET if imported["seconds"] < 20 else MISSED)
        verdict["detail"] = (
            f"{imported['seconds']} s (services {imported['services_seconds']} s, "
            f"councils {imported['councils_seconds']} s)"
        )
    else:
        verdict.update(status=NOT_MEASURED, detail=imported.get("reason", "not run"))
    verdicts.append(verdict)

    memory = size.get("memory")
    rss = size.get("worker_rss_mb_after_run") or {}
    verdict = {"name": "gunicorn worker RSS after the run", "target": 300, "kind": "mb"}
    if rss:
        worst = max(rss.values())
        verdict.update(value=worst, status=MET if worst < 300 else MISSED)
        verdict["detail"] = "per worker: " + ", ".join(f"{mb} MB" for mb in rss.values()) + " (target < 300 MB each)"
    else:
        verdict.update(status=NOT_MEASURED, detail="not run")
    verdicts.append(verdict)
    verdict = {"name": "worker memory growth, 2nd minute to the end", "target": 10, "kind": "percent"}
    growth = [g for g in (memory or {}).get("growth_percent", {}).values() if g is not None]
    if growth:
        worst = max(growth)
        verdict.update(value=worst, status=MET if worst < 10 else MISSED)
        verdict["detail"] = (
            f"{', '.join(f'{g}%' for g in growth)} over a {memory['seconds']} s run "
            f"(from {memory['baseline_at_s']} s to the end; target < 10%)"
        )
        if memory["seconds"] < 300:
            verdict["detail"] += "; quick mode: the issue's figure is for a 5-minute run (`make bench-full`)"
    else:
        verdict.update(status=NOT_MEASURED, detail="not run")
    verdicts.append(verdict)
    return verdicts


def cpu_cost(figures):
    """CPU milliseconds one request costs the workers and PostgreSQL together, e.g. 4.2."""
    if figures.get("app_cpu_ms") is None:
        return None
    return figures["app_cpu_ms"] + figures.get("db_cpu_ms", 0)


def adoptions_text(adoptions):
    if adoptions.get("built"):
        return f"{adoptions['count']:,}"
    return f"none ({adoptions.get('reason', 'not built')})"


def mb_list(sizes):
    return ", ".join(f"{mb} MB" for mb in sizes.values()) or "–"


def fmt(value, suffix=""):
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.1f}{suffix}"
    return f"{value:,}{suffix}"


def endpoint_table(results, size):
    labels = results.get("endpoint_labels", {})
    lines = [
        "| endpoint | what | req/s | p50 ms | p95 ms | p99 ms | errors | CPU ms/request (app + db) "
        "| SQL queries | response bytes |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, entry in size.get("endpoints", {}).items():
        figures = entry.get("http")
        label = labels.get(name, entry.get("label", ""))
        if figures is None:
            lines.append(f"| `{name}` | {label} | not measured: {entry.get('reason', '')} | | | | | | | |")
            continue
        errors = figures["errors"] + (figures["status_other"] if name != "v1_detail_304" else 0)
        rps = fmt(figures["rps"])
        if figures["requests"] < 100:
            # A slow endpoint completes only a handful of requests in a quick run: say how few.
            rps += f" ({figures['requests']} requests)"
        lines.append(
            f"| `{name}` | {label} | {rps} | {fmt(figures['p50_ms'])} | {fmt(figures['p95_ms'])} | "
            f"{fmt(figures['p99_ms'])} | {errors:,} | "
            f"{fmt(figures.get('app_cpu_ms'))} + {fmt(figures.get('db_cpu_ms'))} | "
            f"{fmt(entry.get('queries'))} | {fmt(entry.get('response_bytes'))} |"
        )
    return lines


def growth_table(results):
    sizes = sorted(results["sizes"], key=int)
    if len(sizes) < 2:
        return ["Only one size was run; run both (the default) to see how cost grows."]
    small, big = results["sizes"][sizes[0]], results["sizes"][sizes[-1]]
    a_label, b_label = f"{int(sizes[0]):,}", f"{int(sizes[-1]):,}"
    lines = [
        f"| endpoint | req/s at {a_label} | req/s at {b_label} | change | "
        f"p95 ms at {a_label} | p95 ms at {b_label} | SQL queries {a_label} → {b_label} |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name in big.get("endpoints", {}):
        a, b = http(small, name), http(big, name)
        if not (a and b):
            continue
        change = (b["rps"] / a["rps"] - 1) * 100 if a["rps"] else 0
        qa = small["endpoints"][name].get("queries")
        qb = big["endpoints"][name].get("queries")
        lines.append(
            f"| `{name}` | {fmt(a['rps'])} | {fmt(b['rps'])} | {change:+.0f}% | {fmt(a['p95_ms'])} | "
            f"{fmt(b['p95_ms'])} | {qa} → {qb} |"
        )
    for label, key in [("library built in (s)", "generate"), ("search index rebuild (pages/s)", "rebuild")]:
        if key == "generate":
            a = small["generate"]["seconds"]["total"]
            b = big["generate"]["seconds"]["total"]
        else:
            a = (small.get("rebuild") or {}).get("pages_per_second")
            b = (big.get("rebuild") or {}).get("pages_per_second")
        lines.append(f"| {label} | {fmt(a)} | {fmt(b)} | | | | |")
    return lines


def limits(results):
    """For each missed target: by how much, and what the run shows about what limits it."""
    size = largest(results)
    lines = []
    profile = size.get("profile") or {}
    for verdict in results["targets"]:
        if verdict["status"] != MISSED:
            continue
        lines.append(f"- **{verdict['name']}**: {verdict['detail']}.")
        endpoint = verdict.get("endpoint")
        entry = size.get("endpoints", {}).get(endpoint) if endpoint else None
        if entry and entry.get("http"):
            floor = http(size, "floor")
            notes = [f"{entry.get('queries')} SQL queries and {fmt(entry.get('response_bytes'))} bytes per response"]
            if floor:
                notes.append(
                    f"median {entry['http']['p50_ms']} ms against the floor's {floor['p50_ms']} ms, so "
                    f"{max(0.0, entry['http']['p50_ms'] - floor['p50_ms']):.1f} ms is this endpoint's own work"
                )
            if profile.get("endpoint") == endpoint:
                spots = ", ".join(f"`{s['function']}` ({s['where']}) {s['percent']}%" for s in profile["hot_spots"][:5])
                notes.append(f"the profile's biggest self-time: {spots}")
            lines.append("  " + "; ".join(notes) + ".")
    if not lines:
        lines.append("Every measured target was met.")
    return lines


def render(results):
    size = largest(results)
    machine, versions = results["machine"], results["versions"]
    settings = results["settings"]
    out = [BEGIN, "", "## Benchmarks", ""]
    out.append(
        f"Run `{results['mode']}` of commit `{results['commit']}` on {results['started_at']}, "
        f"{results['total_seconds'] // 60} min {results['total_seconds'] % 60} s in all. Reproduce with "
        f"`make bench` (quick) or `make bench-full`. Raw figures: [results.json](results.json)."
    )
    out += ["", "### Targets", "", "| target | verdict | measured |", "| --- | --- | --- |"]
    for verdict in results["targets"]:
        mark = {"met": "✅ met", "missed": "❌ missed", "not measured": "⏳ not measured"}[verdict["status"]]
        out.append(f"| {verdict['name']} | {mark} | {verdict['detail']} |")
    met = sum(v["status"] == MET for v in results["targets"])
    missed = sum(v["status"] == MISSED for v in results["targets"])
    waiting = sum(v["status"] == NOT_MEASURED for v in results["targets"])
    out += ["", f"{met} met, {missed} missed, {waiting} not measured."]

    out += ["", "### Machine and versions", ""]
    out.append(
        f"{machine['cores']} cores ({machine['cpu']}), {machine['memory_gb']} GB memory, Linux {machine['kernel']}. "
        f"Load average (1, 5, 15 min) at the start {tuple(round(x, 1) for x in machine['load_average_at_start'])}, "
        f"at the end {tuple(round(x, 1) for x in machine.get('load_average_at_end', ()))}: the machine is shared "
        "with other work, so absolute figures are lower than on an idle machine; the ratios are taken side by "
        "side, endpoints alternating over several rounds, so the load falls on both sides of each comparison."
    )
    out.append("")
    out.append(", ".join(f"{name} {version}" for name, version in versions.items()) + ".")
    out.append("")
    out.append(
        f"gunicorn: {settings['workers']} sync workers on 127.0.0.1; wrk: 2 threads, {settings['concurrency']} "
        f"connections, {settings['rounds']} rounds of {settings['seconds']} s per endpoint after a "
        f"{settings['warm']} s warm-up; the same database, server and data for every endpoint in a size."
    )

    out += ["", "### Data", ""]
    for key in sorted(results["sizes"], key=int):
        generated = results["sizes"][key]["generate"]
        pages = generated["pages"]
        seconds = generated["seconds"]
        out.append(
            f"- **{int(key):,} pages**: {pages['patterns']:,} service patterns (about "
            f"{generated['blocks_per_pattern']} blocks each, 6–12 steps) and {pages['processes']:,} processes "
            f"(8–20 steps), {pages['welsh']:,} of them Welsh translations; {pages['services']:,} services, "
            f"{pages['councils']:,} councils. Built in {seconds['total']} s "
            f"(+{seconds.get('create_database', 0)} s to create the database from a migrated template). "
            f"Adoptions: {adoptions_text(generated.get('adoptions') or {})}."
            + (" (Built by an earlier run and migrated to this commit: `--reuse`.)" if generated.get("reused") else "")
        )

    for key in sorted(results["sizes"], key=int):
        out += ["", f"### Endpoints at {int(key):,} pages", ""]
        out += endpoint_table(results, results["sizes"][key])
    out += [
        "",
        "SQL queries are counted per request after one warm-up request, with Django's test client "
        "(`CaptureQueriesContext`) in a separate step, not under load. Errors are connection errors, "
        "timeouts and non-2xx answers (the conditional GET expects 304). CPU per request is the CPU time "
        "the gunicorn workers and their PostgreSQL backends used during the endpoint's runs (from /proc) "
        "divided by the requests served: unlike req/s it does not fall when other work shares the machine.",
    ]
    labels = results.get("endpoint_labels", {})
    if "v3_list" in labels:
        out.append(
            "Wagtail 8 ships an API v3 (`wagtail.api.v3`, on django-ninja), mounted here at `/api/v3/`. Its "
            "listing returns only `id`, `title` and `meta` for each page (there is no `fields=*`), so the "
            "list comparison with v3 is against a much lighter response; its detail view returns every field."
        )

    out += ["", "### From 1,000 to 10,000 pages", ""]
    out += growth_table(results)

    publish = size.get("publish")
    out += ["", "### Publishing, indexing and import", ""]
    if publish:
        out.append(
            f"- Publishing: `save_revision().publish()` of a {publish['blocks']}-block pattern, {publish['repeat']} "
            f"times: median {publish['p50_ms']} ms, p95 {publish['p95_ms']} ms, {publish['queries']} SQL queries "
            f"each. Background work (search index update, webhooks) is queued to Django Tasks' database backend "
            f"({publish['tasks_queued']} tasks queued in all) and not run here. Webhooks: "
            f"{publish.get('webhooks', '–')}, {publish.get('webhook_deliveries_queued') or 0} deliveries queued."
        )
    for key in sorted(results["sizes"], key=int):
        done = results["sizes"][key].get("rebuild") or {}
        if done.get("pages_per_second") is not None:
            text = (
                f"`{done['command']}`: {done['pages']:,} pages (and the snippets) in {done['seconds']} s, "
                f"{done['pages_per_second']:,} pages/s"
            )
        else:
            text = done.get("reason") or f"did not finish within {done.get('budget_seconds')} s"
        out.append(f"- Search index rebuild at {int(key):,} pages: {text}.")
    imported = size["generate"].get("import") or {}
    if imported.get("measured"):
        out.append(
            f"- Import of the LGSL list and councils with the project's importers: {imported['seconds']} s "
            f"(services {imported['services_seconds']} s, councils {imported['councils_seconds']} s)."
        )
    else:
        out.append(f"- Import of the LGSL list and councils: not measured ({imported.get('reason', 'not run')}).")

    memory = size.get("memory")
    out += ["", "### Memory", ""]
    if memory:
        out.append(
            f"A {memory['seconds']} s run of all endpoints mixed ({fmt(memory['load'].get('rps'))} req/s, "
            f"{memory['load'].get('errors', 0)} errors). Worker RSS at {memory['baseline_at_s']} s: "
            f"{mb_list(memory['rss_mb_at_baseline'])}; at the end: {mb_list(memory['rss_mb_after'])}; growth "
            f"{', '.join(f'{g}%' for g in memory['growth_percent'].values())}."
        )
    out.append(f"Worker RSS after the whole run: {mb_list(size.get('worker_rss_mb_after_run') or {})}.")

    out += ["", "### Where targets are missed, and what limits them", ""]
    out += limits(results)
    profile = size.get("profile")
    if profile:
        out += [
            "",
            f"Profile of the slowest library endpoint, `{profile['endpoint']}` ({profile['requests']} requests "
            f"in-process, {profile['ms_per_request']} ms each under pyinstrument): "
            f"[{profile['profile_file']}]({Path(profile['profile_file']).relative_to('bench')}). Most self time:",
            "",
        ]
        out += [f"- `{s['function']}` ({s['where']}): {s['percent']}%" for s in profile["hot_spots"]]
    out += ["", END]
    return "\n".join(out) + "\n"


def write(results, path):
    """Replace the benchmark block of ``path`` (or create the file), keeping every other section."""
    path = Path(path)
    block = render(results)
    if path.exists():
        text = path.read_text().replace("\n" + PLACEHOLDER, "")
        if BEGIN in text and END in text:
            before, rest = text.split(BEGIN, 1)
            after = rest.split(END, 1)[1].lstrip("\n")
            path.write_text(before + block + ("\n" + after if after else ""))
            return
        path.write_text(text.rstrip("\n") + "\n\n" + block)
        return
    path.write_text("# Benchmark results\n\n" + block)
