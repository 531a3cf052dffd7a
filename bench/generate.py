"""Build a realistic library of N pages for benchmarking.

    .venv/bin/python -m bench.generate --pages 10000        # into postgres://…/bench_10000, created here

N counts every page in the two locales: five sixths are English (three fifths patterns, two fifths
processes) and a Welsh translation exists for a fifth of those. Taxonomies come from the project's
importers and ``../shared/data`` when both are there (their time is reported: the issue's "import of the
LGSL list and all councils" target), otherwise from generated rows.

Speed: the first pattern and the first process (and the Welsh home and index pages) are built the proper
way (``add_child``, ``save_revision().publish()``, ``copy_for_translation``), so they have revisions like
an edited page. The rest are written in bulk: page rows with treebeard paths computed here, then each
page type's own rows, then the many-to-many rows. The search index is not built here; the runner times
``rebuild_search_index`` separately.
"""

import argparse
import csv
import json
import os
import random
import sys
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

from . import content

PROJECT = Path(__file__).resolve().parent.parent


def find_data_dir():
    """``<project>/../shared/data`` (in a worktree, the nearest ``shared/data`` above it); BENCH_DATA_DIR wins."""
    if os.environ.get("BENCH_DATA_DIR"):
        return Path(os.environ["BENCH_DATA_DIR"])
    for folder in PROJECT.parents:
        if (folder / "shared" / "data").is_dir():
            return folder / "shared" / "data"
    return PROJECT.parent / "shared" / "data"


DATA_DIR = find_data_dir()
BATCH = 500


def split(pages):
    """How N pages divide: ``{"patterns": …, "processes": …, "welsh": …}`` adding up to N.

    >>> split(10000)
    {'patterns': 5000, 'processes': 3333, 'welsh': 1667}
    """
    english = round(pages * 5 / 6)
    patterns = round(english * 0.6)
    return {"patterns": patterns, "processes": english - patterns, "welsh": pages - english}


# ----- taxonomies --------------------------------------------------------------------------------


def command_exists(name):
    from django.core.management import get_commands

    return name in get_commands()


def run_importers(data_dir, report):
    """Import the LGSL list and the councils with the project's importers, timing them together."""
    from django.core.management import call_command

    services_csv = data_dir / "esd-lgsl-services-2015.csv"
    tiers_csv = data_dir / "govuk-publisher-local-services-lgsl-tiers.csv"
    councils_csv = data_dir / "mysociety-uk-local-authorities-current.csv"
    have_files = services_csv.exists() and councils_csv.exists()
    if not (have_files and command_exists("import_services") and command_exists("import_councils")):
        report["import"] = {"measured": False, "reason": "importers or ../shared/data not available"}
        return False
    quiet = open(os.devnull, "w")  # noqa: SIM115  (closed below; the importers print a line per row)
    try:
        if command_exists("import_functions") and (data_dir / "esd-lgfl-functions-2013.csv").exists():
            call_command("import_functions", str(data_dir / "esd-lgfl-functions-2013.csv"), stdout=quiet, stderr=quiet)
        started = time.perf_counter()
        call_command("import_services", str(services_csv), "--tiers", str(tiers_csv), stdout=quiet, stderr=quiet)
        services_seconds = time.perf_counter() - started
        homepages = data_dir / "govuk-local-links-manager-local-authorities.csv"
        call_command("import_councils", str(councils_csv), "--homepages", str(homepages), stdout=quiet, stderr=quiet)
        total = time.perf_counter() - started
        if (
            command_exists("import_design_system")
            and (data_dir / "govuk-design-system-patterns-and-components.csv").exists()
        ):
            call_command(
                "import_design_system", str(data_dir / "govuk-design-system-patterns-and-components.csv"), stdout=quiet
            )
    finally:
        quiet.close()
    report["import"] = {
        "measured": True,
        "services_seconds": round(services_seconds, 2),
        "councils_seconds": round(total - services_seconds, 2),
        "seconds": round(total, 2),
    }
    return True


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def fallback_taxonomies(data_dir, locale, rng):
    """Services, councils and Design System components without the importers (plain rows)."""
    from pattern_pages.models import Council, DesignSystemComponent, Service

    if not Service.objects.exists():
        lgsl = data_dir / "esd-lgsl-services-2015.csv"
        if lgsl.exists():
            rows = [(int(r["Identifier"]), r["Label"], r["Description"]) for r in read_csv(lgsl)]
        else:
            rows = [(n, f"Generated service {n}", "A service a council provides.") for n in range(1, 1520)]
        Service.objects.bulk_create(
            Service(lgsl_code=code, name=name[:255], description=text, locale=locale, providing_tier="all")
            for code, name, text in rows
        )
    if not Council.objects.exists():
        councils = data_dir / "mysociety-uk-local-authorities-current.csv"
        if councils.exists():
            rows = [
                (r["gss-code"], r["local-authority-code"], r["official-name"], r["nice-name"], r["region"])
                for r in read_csv(councils)
                if r["current-authority"] == "True" and r["gss-code"]
            ]
        else:
            rows = [(f"E0{n:07d}", f"X{n:02d}", f"Council {n}", f"Council {n}", "England") for n in range(397)]
        Council.objects.bulk_create(
            Council(
                gss_code=gss,
                local_authority_code=code[:4],
                official_name=official,
                name=name,
                council_type="unitary",
                nation="england",
                region=region,
                locale=locale,
            )
            for gss, code, official, name, region in rows
        )
    if not DesignSystemComponent.objects.exists():
        components = data_dir / "govuk-design-system-patterns-and-components.csv"
        if components.exists():
            rows = [(r["slug"], r["title"], r["type"], r["url"]) for r in read_csv(components)]
        else:
            rows = [
                (f"component-{n}", f"Component {n}", "component", f"https://design-system.service.gov.uk/c/{n}/")
                for n in range(70)
            ]
        DesignSystemComponent.objects.bulk_create(
            DesignSystemComponent(slug=slug, name=title, kind=kind, url=url, locale=locale)
            for slug, title, kind, url in rows
        )


def ensure_pattern_types_and_life_events(locale):
    from pattern_pages.models import LifeEvent, PatternType

    verbs = ["apply", "book", "check", "pay", "register", "request", "tell"]
    for order, slug in enumerate(verbs):
        PatternType.objects.get_or_create(
            slug=slug, locale=locale, defaults={"name": slug.capitalize(), "sort_order": order}
        )
    events = ["having-a-baby", "moving-home", "bereavement", "starting-school", "caring-for-someone", "losing-a-job"]
    for slug in events:
        LifeEvent.objects.get_or_create(
            slug=slug, locale=locale, defaults={"name": slug.replace("-", " ").capitalize()}
        )


# ----- the page tree -----------------------------------------------------------------------------


def ensure_indexes(home):
    from pattern_pages.models import PatternIndexPage, ProcessIndexPage

    indexes = {}
    for model, title, slug in [
        (PatternIndexPage, "Service patterns", "patterns"),
        (ProcessIndexPage, "Processes", "processes"),
    ]:
        index = model.objects.child_of(home).first()
        if index is None:
            index = home.add_child(instance=model(title=title, slug=slug, locale=home.locale))
        indexes[model] = index
    return indexes[PatternIndexPage], indexes[ProcessIndexPage]


def translate(page, locale):
    """The page's published translation into ``locale``, made with ``copy_for_translation``."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    translation = page.copy_for_translation(locale)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation.specific


class PageWriter:
    """Appends children under one parent in bulk: page rows with treebeard paths, then typed rows."""

    def __init__(self, parent, model):
        from django.contrib.contenttypes.models import ContentType

        self.parent = parent
        self.model = model
        self.content_type = ContentType.objects.get_for_model(model)
        self.next_step = parent.numchild + 1

    def write(self, specs):
        """Write pages from ``specs`` (dicts of page fields and typed fields); return the new page ids."""
        from django.utils import timezone
        from wagtail.models import Page

        now = timezone.now()
        typed_fields = self.model._meta.local_concrete_fields
        typed_names = [f.attname for f in typed_fields if f.attname != "page_ptr_id"]
        ids = []
        for start in range(0, len(specs), BATCH):
            chunk = specs[start : start + BATCH]
            pages = []
            for spec in chunk:
                path = Page._get_path(self.parent.path, self.parent.depth + 1, self.next_step)
                self.next_step += 1
                pages.append(
                    Page(
                        path=path,
                        depth=self.parent.depth + 1,
                        numchild=0,
                        title=spec["title"],
                        draft_title=spec["title"],
                        slug=spec["slug"],
                        url_path=f"{self.parent.url_path}{spec['slug']}/",
                        content_type=self.content_type,
                        locale_id=self.parent.locale_id,
                        translation_key=spec.get("translation_key") or uuid.uuid4(),
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=now,
                        last_published_at=now,
                    )
                )
            Page.objects.bulk_create(pages)
            typed = []
            for page, spec in zip(pages, chunk, strict=True):
                values = {name: spec[name] for name in typed_names if name in spec}
                typed.append(self.model(page_ptr_id=page.pk, **values))
                ids.append(page.pk)
            self.model._base_manager._insert(typed, fields=typed_fields)
        added = self.next_step - 1 - self.parent.numchild
        self.parent.numchild += added
        Page.objects.filter(pk=self.parent.pk).update(numchild=self.parent.numchild)
        return ids


def build_library(pages, *, data_dir=DATA_DIR, seed=8, stdout=None):
    """Build the library into the configured database; return the report (counts and seconds)."""
    from django.db import transaction
    from wagtail.models import Locale

    from pattern_pages.models import (
        Council,
        DesignSystemComponent,
        LifeEvent,
        PatternType,
        ProcessPage,
        Service,
        ServicePatternPage,
    )
    from pattern_pages.site_setup import ensure_home_page, ensure_locales

    say = stdout or (lambda message: None)
    rng = random.Random(seed)  # noqa: S311  (repeatable content, not secrets)
    counts = split(pages)
    report = {"pages_requested": pages, "split": counts, "seconds": {}}
    started = time.perf_counter()

    def lap(name, since):
        report["seconds"][name] = round(time.perf_counter() - since, 2)
        say(f"  {name}: {report['seconds'][name]} s")
        return time.perf_counter()

    ensure_locales()
    english, welsh = Locale.objects.get(language_code="en"), Locale.objects.get(language_code="cy")
    mark = time.perf_counter()
    if not run_importers(Path(data_dir), report):
        fallback_taxonomies(Path(data_dir), english, rng)
    ensure_pattern_types_and_life_events(english)
    mark = lap("taxonomies", mark)

    services = list(Service.objects.filter(locale=english).values_list("pk", "name"))
    council_ids = list(Council.objects.filter(locale=english).values_list("pk", flat=True))
    component_ids = list(DesignSystemComponent.objects.filter(locale=english).values_list("pk", flat=True))
    pattern_types = list(PatternType.objects.filter(locale=english).values_list("pk", "name"))
    life_event_ids = list(LifeEvent.objects.filter(locale=english).values_list("pk", flat=True))

    with transaction.atomic():
        home = ensure_home_page()
        pattern_index, process_index = ensure_indexes(home)

        # Processes first: patterns' steps point at their steps.
        process_specs = []
        process_services = []
        for n in range(counts["processes"]):
            service_id, service = services[n % len(services)]
            refs = content.process_refs(rng)
            title = f"Deliver {service.lower()} ({n + 1})"
            spec = {
                "title": title,
                "slug": f"deliver-{n + 1}",
                "summary": f"How the council delivers {service.lower()}, from request to outcome.",
                "owner_council_id": rng.choice(council_ids) if council_ids else None,
                "review_by": date(2027, 1, 1) + timedelta(days=n % 365),
                "trigger": f"A resident asks for {service.lower()}.",
                "outcome": f"The resident receives {service.lower()}.",
                **content.process_streams(rng, service=service, refs=refs),
                "_refs": refs,
            }
            process_specs.append(spec)
            process_services.append(service_id)

        first_process = None
        if process_specs:
            first_process = add_properly(process_index, ProcessPage, process_specs[0])
        process_ids = [first_process.pk] if first_process else []
        process_ids += PageWriter(process_index, ProcessPage).write(process_specs[1:])
        process_refs = [(pk, spec["_refs"]) for pk, spec in zip(process_ids, process_specs, strict=True)]
        through = ProcessPage.services.through
        through.objects.bulk_create(
            [through(processpage_id=pk, service_id=sid) for pk, sid in zip(process_ids, process_services, strict=True)],
            batch_size=BATCH,
        )
        mark = lap("processes", mark)

        # Patterns: page ids are allocated before their content so "related" can point at patterns.
        pattern_specs = []
        pattern_links = []
        for n in range(counts["patterns"]):
            service_id, service = services[(n * 7) % len(services)]
            type_id, verb = pattern_types[n % len(pattern_types)]
            pattern_specs.append(
                {
                    "title": f"{verb} for {service.lower()} ({n + 1})",
                    "slug": f"{verb.lower()}-{n + 1}",
                    "summary": f"How a resident can {verb.lower()} for {service.lower()} online.",
                    "pattern_type_id": type_id,
                    "maturity": rng.choice(["experimental", "beta", "stable", "stable", "deprecated"]),
                    "version": f"{rng.randint(0, 3)}.{rng.randint(0, 9)}.0",
                    "review_by": date(2027, 1, 1) + timedelta(days=n % 365),
                    "owner_council_id": rng.choice(council_ids) if council_ids else None,
                    "_service": service,
                    "_verb": verb,
                }
            )
            pattern_links.append(
                (
                    list(dict.fromkeys([service_id] + ([services[(n * 11) % len(services)][0]] if n % 3 == 0 else []))),
                    rng.sample(life_event_ids, k=min(len(life_event_ids), n % 3)),
                )
            )
        for spec in pattern_specs:
            related = [("process", pk) for pk, _refs in rng.sample(process_refs, k=min(8, len(process_refs)))]
            spec.update(
                content.pattern_streams(
                    rng,
                    service=spec["_service"],
                    verb=spec["_verb"],
                    component_ids=component_ids,
                    processes=process_refs,
                    related_ids=related,
                )
            )
        first_pattern = None
        if pattern_specs:
            first_pattern = add_properly(pattern_index, ServicePatternPage, pattern_specs[0])
        pattern_ids = [first_pattern.pk] if first_pattern else []
        pattern_ids += PageWriter(pattern_index, ServicePatternPage).write(pattern_specs[1:])
        services_through = ServicePatternPage.services.through
        events_through = ServicePatternPage.life_events.through
        services_through.objects.bulk_create(
            [
                services_through(servicepatternpage_id=pk, service_id=sid)
                for pk, (sids, _events) in zip(pattern_ids, pattern_links, strict=True)
                for sid in sids
                if pk != (first_pattern.pk if first_pattern else None)
            ],
            batch_size=BATCH,
        )
        events_through.objects.bulk_create(
            [
                events_through(servicepatternpage_id=pk, lifeevent_id=eid)
                for pk, (_sids, eids) in zip(pattern_ids, pattern_links, strict=True)
                for eid in eids
                if pk != (first_pattern.pk if first_pattern else None)
            ],
            batch_size=BATCH,
        )
        mark = lap("patterns", mark)

        # Welsh: the home and index pages through copy_for_translation, then a fifth of the pages cloned
        # in bulk the same way copy_for_translation would (same translation_key, Welsh locale and text).
        welsh_count = counts["welsh"]
        if welsh_count:
            translate(home, welsh)
            welsh_patterns_index = translate(pattern_index, welsh)
            welsh_processes_index = translate(process_index, welsh)
            welsh_pattern_count = min(len(pattern_specs), round(welsh_count * 0.6))
            welsh_process_count = min(len(process_specs), welsh_count - welsh_pattern_count)
            for model, index, specs, ids, count in [
                (ServicePatternPage, welsh_patterns_index, pattern_specs, pattern_ids, welsh_pattern_count),
                (ProcessPage, welsh_processes_index, process_specs, process_ids, welsh_process_count),
            ]:
                keys = dict(model.objects.filter(pk__in=ids[:count]).values_list("pk", "translation_key"))
                welsh_specs = []
                for pk, spec in zip(ids[:count], specs[:count], strict=True):
                    welsh_specs.append(
                        {
                            **spec,
                            "title": content.welsh_title(rng, spec["title"]),
                            "summary": content.WELSH_SENTENCE,
                            "translation_key": keys[pk],
                        }
                    )
                PageWriter(index, model).write(welsh_specs)
        mark = lap("welsh", mark)

        report["adoptions"] = build_adoptions(rng, pattern_ids, pattern_links, process_ids, council_ids)
        mark = lap("adoptions", mark)

    from wagtail.models import Page

    report["pages"] = {
        "patterns": ServicePatternPage.objects.count(),
        "processes": ProcessPage.objects.count(),
        "welsh": Page.objects.filter(locale=welsh, depth__gt=3).count(),
        "total": ServicePatternPage.objects.count() + ProcessPage.objects.count(),
        "services": Service.objects.count(),
        "councils": Council.objects.count(),
    }
    blocks = [content.count_blocks({k: v for k, v in s.items() if k in STREAMS}) for s in pattern_specs]
    report["blocks_per_pattern"] = round(sum(blocks) / len(blocks), 1) if blocks else 0
    report["seconds"]["total"] = round(time.perf_counter() - started, 2)
    report["sample"] = {
        "pattern_ids": pattern_ids[:200],
        "pattern_slugs": [spec["slug"] for spec in pattern_specs[:200]],
        "first_pattern_id": pattern_ids[0] if pattern_ids else None,
    }
    return report


STREAMS = {
    "when_to_use",
    "when_not_to_use",
    "how_it_works",
    "user_needs",
    "steps",
    "variants",
    "accessibility",
    "research",
    "related",
}


def add_properly(parent, model, spec):
    """One page built the way an editor's would be: add_child, then a published revision."""
    fields = {k: v for k, v in spec.items() if not k.startswith("_")}
    page = parent.add_child(instance=model(locale=parent.locale, **fields))
    page.save_revision().publish()
    parent.refresh_from_db()
    return page


def build_adoptions(rng, pattern_ids, pattern_links, process_ids, council_ids):
    """Councils' adoptions: about three per English pattern (0–6, distinct councils) and one for a
    quarter of the processes, mostly live and approved, each naming the pattern's first service."""
    from django.apps import apps

    try:
        model = apps.get_model("contributions", "Adoption")
    except LookupError:
        return {"built": False, "reason": "no Adoption model on main yet"}
    statuses = ["live", "live", "live", "planned", "retired"]
    platforms = ["in-house", "Granicus Firmstep", "Jadu", "Netcall Liberty Create", "GOV.UK Forms", "Drupal"]
    adoptions, services = [], []
    for pk, (service_ids, _events) in zip(pattern_ids, pattern_links, strict=True):
        for council_id in rng.sample(council_ids, k=min(len(council_ids), rng.randint(0, 6))):
            adoptions.append(
                model(
                    council_id=council_id,
                    pattern_id=pk,
                    status=rng.choice(statuses),
                    platform=rng.choice(platforms),
                    live_url=f"https://www.example.gov.uk/services/{pk}",
                    local_variations="We ask for proof of address at the start.",
                    is_approved=rng.random() < 0.9,
                )
            )
            services.append(service_ids[0])
    for pk in process_ids[::4]:
        adoptions.append(model(council_id=rng.choice(council_ids), process_id=pk, status="live", is_approved=True))
        services.append(None)
    model.objects.bulk_create(adoptions, batch_size=BATCH)
    through = model.services.through
    through.objects.bulk_create(
        [
            through(adoption_id=adoption.pk, service_id=service_id)
            for adoption, service_id in zip(adoptions, services, strict=True)
            if service_id is not None
        ],
        batch_size=BATCH,
    )
    return {"built": True, "count": len(adoptions)}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=10_000, help="pages in both locales (default 10,000)")
    parser.add_argument("--database", help="database name (default bench_<pages>); dropped and recreated")
    parser.add_argument("--report", type=Path, help="write the generation report (JSON) here")
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args(argv)

    from . import db

    name = args.database or db.name_for(args.pages)
    started = time.perf_counter()
    os.environ["DATABASE_URL"] = db.create_from_template(name)
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.bench"
    created = time.perf_counter() - started
    import django

    django.setup()
    print(f"Building {args.pages:,} pages into {name}…")
    report = build_library(args.pages, seed=args.seed, stdout=print)
    report["database"] = name
    report["seconds"]["create_database"] = round(created, 2)
    print(
        f"Built {report['pages']['total']:,} pages ({report['pages']['welsh']:,} Welsh) in "
        f"{report['seconds']['total']} s (+{created:.1f} s to create the database)."
    )
    if args.report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(json.dumps(report, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
