"""Search relevance bench: MRR and nDCG@5 of the active search engine on the judged queries.

    DJANGO_SETTINGS_MODULE=cms.settings.dev .venv/bin/python bench/relevance/run.py [--prepare] [--verbose]

``--prepare`` imports the LGSL list from ../shared/data, loads the demo content and rebuilds the index
first (into the database DATABASE_URL names). The engine is whichever the settings choose
(ELASTICSEARCH_URL set → Elasticsearch). Judgements are in ``queries.tsv`` next to this file.
"""

import argparse
import math
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DATA = (
    ROOT.parent.parent / "shared" / "data"
    if (ROOT.parent.parent / "shared").exists()
    else ROOT.parent / "shared" / "data"
)


def load_judgements(path=HERE / "queries.tsv"):
    judgements = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        query, *relevant = line.split("\t")
        judgements.append((query, relevant))
    return judgements


def hit_ids(hit):
    """The judgement ids a hit satisfies: its page slug, and the LGSL codes it is for."""
    ids = {f"lgsl:{code}" for code in hit.lgsl_codes}
    if hit.kind != "service":
        ids.add(f"page:{hit.slug}")
    return ids


def reciprocal_rank(ranked, relevant):
    for position, ids in enumerate(ranked, start=1):
        if ids & set(relevant):
            return 1 / position
    return 0.0


def ndcg_at(ranked, relevant, k=5):
    """Graded: the first judged document has grade len(relevant), the next one less, and so on."""
    grades = {doc: len(relevant) - i for i, doc in enumerate(relevant)}
    credited = set()
    dcg = 0.0
    for position, ids in enumerate(ranked[:k], start=1):
        gain = 0
        for doc in ids & set(relevant) - credited:
            gain = max(gain, grades[doc])
        if gain:
            credited.update(ids & set(relevant))
            dcg += (2**gain - 1) / math.log2(position + 1)
    ideal = sum((2 ** grades[doc] - 1) / math.log2(i + 2) for i, doc in enumerate(relevant[:k]))
    return dcg / ideal if ideal else 0.0


def prepare():
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    services = DATA / "esd-lgsl-services-2015.csv"
    if services.exists():
        call_command("import_services", str(services), verbosity=0)
    else:
        print(f"warning: {services} not found; the LGSL list is not imported", file=sys.stderr)
    call_command("load_demo", verbosity=0)
    call_command("rebuild_search_index", verbosity=0)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prepare", action="store_true", help="import the LGSL list and demo content, rebuild")
    parser.add_argument("--verbose", action="store_true", help="print each query's top results")
    parser.add_argument("--write", action="store_true", help="record the figures in bench/RESULTS.md")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    import django

    django.setup()
    from django.db import connection

    from search.engines import get_search_engine
    from search.query import SearchQuery

    if args.prepare:
        prepare()
    engine = get_search_engine()
    judgements = load_judgements()
    rr_total = ndcg_total = 0.0
    misses = []
    for text, relevant in judgements:
        results = engine.search(SearchQuery(text, facets=()))
        ranked = [hit_ids(hit) for hit in results.hits]
        rr, ndcg = reciprocal_rank(ranked, relevant), ndcg_at(ranked, relevant)
        rr_total += rr
        ndcg_total += ndcg
        if rr < 1:
            misses.append((text, relevant, rr, [h.title for h in results.hits[:3]]))
        if args.verbose:
            print(f"{rr:4.2f} {ndcg:4.2f}  {text!r:40} → {[h.title for h in results.hits[:3]]}")
    n = len(judgements)
    flavour = connection.vendor if engine.name == "database" else ""
    lines = [
        f"engine: {engine.name} {flavour}".rstrip(),
        f"queries: {n}",
        f"MRR: {rr_total / n:.3f}",
        f"nDCG@5: {ndcg_total / n:.3f}",
    ]
    if misses:
        lines.append("not first:")
        for text, relevant, rr, top in misses:
            lines.append(f"  {text!r} (wanted {', '.join(relevant)}; RR {rr:.2f}) got {top}")
    print("\n".join(lines))
    if args.write:
        write_results(f"{engine.name} ({flavour})" if flavour else engine.name, lines)


BEGIN = "<!-- search-relevance:{engine}:begin (written by bench/relevance/run.py --write) -->"
END = "<!-- search-relevance:{engine}:end -->"


def write_results(engine, lines, path=ROOT / "bench" / "RESULTS.md"):
    """Replace this engine's block in the "Search relevance" section of RESULTS.md, keeping the rest."""
    from datetime import UTC, datetime

    begin, end = BEGIN.format(engine=engine), END.format(engine=engine)
    block = "\n".join([begin, f"### {engine}, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC", "", "```", *lines, "```", end])
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    if begin in text and end in text:
        before, rest = text.split(begin, 1)
        text = before + block + rest.split(end, 1)[1]
    else:
        if "## Search relevance" not in text:
            text = text.rstrip() + (
                "\n\n## Search relevance\n\n"
                "Judged queries in `bench/relevance/queries.tsv`; run with "
                "`.venv/bin/python bench/relevance/run.py --prepare --write` (the engine the settings choose).\n"
            )
        text = text.rstrip() + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
