"""Turn the demo's data structures into snippets and published pages, without duplicating anything.

Snippets are keyed on their natural key (LGSL code, GSS code, slug) and pages on their slug under their
parent. A page gets a new revision only when what the demo says differs from what is live, so running the
loader twice creates nothing and changes nothing.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.blocks import StreamValue
from wagtail.fields import StreamField

from pattern_pages.models import (
    ContentPage,
    Council,
    DesignSystemComponent,
    HomePage,
    LifeEvent,
    PatternIndexPage,
    PatternType,
    ProcessIndexPage,
    ProcessPage,
    Service,
    ServicePatternPage,
)

from ..screens.blocks import ScreenBlock
from ..screens.pages import derived_components
from . import activity, content_pages, patterns, processes, taxonomy
from .screens import SCREENS


@dataclass
class Summary:
    """What the loader did, by kind of thing: ``{"service": Counter(created=3, unchanged=45)}``."""

    counts: dict = field(default_factory=dict)

    def add(self, kind, outcome):
        self.counts.setdefault(kind, Counter())[outcome] += 1

    def changed(self):
        return sum(c["created"] + c["updated"] for c in self.counts.values())

    def lines(self):
        for kind, counter in self.counts.items():
            parts = ", ".join(f"{counter[o]} {o}" for o in ("created", "updated", "unchanged") if counter[o])
            yield f"{kind}: {parts}"


# ----- snippets ---------------------------------------------------------------------------------


def merge_snippet(model, key, values, summary, kind, locale, fill=None):
    """Create the row for ``key``, or fill in those of its ``fill`` fields (default: all) that are empty.

    Fields already set (by an importer reading the official lists, or by an editor) are left alone, so the
    demo and the importers can run in either order and agree. Leave out of ``fill`` any field an importer
    may deliberately leave empty, or the two would undo each other on every run.
    """
    obj = model.objects.filter(locale=locale, **key).first()
    if obj is None:
        obj = model(locale=locale, **key, **values)
        obj.full_clean()
        obj.save()
        summary.add(kind, "created")
        return obj
    fillable = values.keys() if fill is None else fill
    changed = [name for name in fillable if values[name] not in (None, "") and not getattr(obj, name)]
    for name in changed:
        setattr(obj, name, values[name])
    if changed:
        obj.full_clean()
        obj.save(update_fields=changed)
        summary.add(kind, "updated")
    else:
        summary.add(kind, "unchanged")
    return obj


def load_taxonomy(locale, summary):
    for order, row in enumerate(taxonomy.PATTERN_TYPES):
        merge_snippet(
            PatternType,
            {"slug": row.slug},
            {"name": row.name, "description": row.description, "sort_order": order + 1},
            summary,
            "pattern type",
            locale,
        )
    life_events = {
        row.slug: merge_snippet(
            LifeEvent,
            {"slug": row.slug},
            {"name": row.name, "description": row.description},
            summary,
            "life event",
            locale,
        )
        for row in taxonomy.LIFE_EVENTS
    }
    for row in taxonomy.SERVICES:
        service = merge_snippet(
            Service,
            {"lgsl_code": row.lgsl_code},
            {"name": row.name, "description": row.description, "providing_tier": row.providing_tier},
            summary,
            "service",
            locale,
        )
        wanted = {life_events[slug].pk for slug in row.life_events}
        missing = wanted - set(service.life_events.values_list("pk", flat=True))
        if missing:
            service.life_events.add(*missing)
    councils = {}
    for row in taxonomy.COUNCILS:
        values = row._asdict()
        gss_code = values.pop("gss_code")
        parent_gss = values.pop("parent_county")
        values["parent_county"] = councils.get(parent_gss) if parent_gss else None
        # Every council field comes from the official list, so an imported council is taken as it is.
        councils[gss_code] = merge_snippet(Council, {"gss_code": gss_code}, values, summary, "council", locale, fill=())
    for row in taxonomy.COMPONENTS:
        values = row._asdict()
        slug = values.pop("slug")
        merge_snippet(
            DesignSystemComponent, {"slug": slug}, values, summary, "Design System component", locale, fill=()
        )


# ----- pages ------------------------------------------------------------------------------------


def _strip_ids(data):
    """Block ids are new on every build; leave them out when comparing content.

    List blocks store ``[{"type": "item", "value": v, "id": ...}]`` or plain ``[v]`` depending on how the
    value was built; both compare as ``[v]``.
    """
    if isinstance(data, list):
        items = [_strip_ids(item) for item in data]
        if items and all(isinstance(item, dict) and item.keys() == {"type", "value"} for item in items):
            if all(item["type"] == "item" for item in items):
                return [item["value"] for item in items]
        return items
    if isinstance(data, dict):
        return {key: _strip_ids(value) for key, value in data.items() if key != "id"}
    return data


def _normalise(model_field, value):
    if isinstance(model_field, StreamField):
        if not isinstance(value, StreamValue):
            value = model_field.to_python(value)
        # Reading every child converts it, so both sides are serialised by the blocks themselves rather
        # than one side passing its raw data through untouched.
        for _child in value:
            pass
        return _strip_ids(value.get_prep_value())
    if isinstance(model_field, models.ManyToManyField):
        return sorted(obj.pk for obj in value.all()) if hasattr(value, "all") else sorted(obj.pk for obj in value)
    if isinstance(model_field, models.ForeignKey):
        return value.pk if value is not None else None
    return value


def _differences(page, values):
    return [
        name
        for name, value in values.items()
        if _normalise(page._meta.get_field(name), getattr(page, name)) != _normalise(page._meta.get_field(name), value)
    ]


def _publish(page, values):
    for name, value in values.items():
        setattr(page, name, value)
    try:
        # Publishing saves the page, which runs full_clean (block validation included); validating the
        # revision as well would only do the same work twice. Any error rolls the whole load back.
        page.save_revision(clean=False).publish()
    except ValidationError as error:
        raise ValidationError(f"Demo page '{page.slug}' does not validate: {error}") from error


def upsert_page(parent, model, slug, values, summary, kind, history=()):
    """Publish ``values`` on the page ``slug`` under ``parent``, creating it if needed.

    ``history`` lists earlier states (dicts of changed fields) a new page is published with first, so
    the demo has pages with a revision history.
    """
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, locale=parent.locale)
        states = [{**values, **earlier} for earlier in history] + [values]
        first = states[0]
        for name, value in first.items():
            setattr(page, name, value)
        parent.add_child(instance=page)
        for state in states:
            _publish(page, state)
        summary.add(kind, "created")
        return page
    if _differences(page, values):
        _publish(page, values)
        summary.add(kind, "updated")
    else:
        summary.add(kind, "unchanged")
    return page


class Lookup:
    """Finds the snippets and pages the demo content names by their keys."""

    def __init__(self, locale):
        self.locale = locale
        self.pattern_types = {o.slug: o for o in PatternType.objects.filter(locale=locale)}
        self.life_events = {o.slug: o for o in LifeEvent.objects.filter(locale=locale)}
        self.components = {o.slug: o for o in DesignSystemComponent.objects.filter(locale=locale)}
        codes = {code for spec in patterns.PATTERNS + processes.PROCESSES for code in spec["services"]}
        self.services = {o.lgsl_code: o for o in Service.objects.filter(locale=locale, lgsl_code__in=codes)}
        owners = {spec["owner"] for spec in patterns.PATTERNS + processes.PROCESSES}
        self.councils = {o.gss_code: o for o in Council.objects.filter(locale=locale, gss_code__in=owners)}
        self.processes = {}
        self.patterns = {}

    def service_list(self, codes):
        return [self.services[code] for code in codes]


def prose(items):
    """Raw ProseBlock data from a list of paragraphs (HTML or plain text) and ``(kind, ...)`` tuples.

    >>> prose(["First paragraph.", ("warning", "Do not do this."), ("details", "Why?", "Because.")])
    """
    blocks = []
    for item in items:
        if isinstance(item, str):
            blocks.append({"type": "paragraph", "value": _html(item)})
        elif item[0] == "inset":
            blocks.append({"type": "inset_text", "value": {"text": _html(item[1])}})
        elif item[0] == "warning":
            blocks.append({"type": "warning_text", "value": {"text": item[1]}})
        elif item[0] == "details":
            blocks.append({"type": "details", "value": {"summary": item[1], "text": _html(item[2])}})
        elif item[0] == "list":
            rows = "".join(f"<li>{row}</li>" for row in item[1])
            blocks.append({"type": "paragraph", "value": f"<ul>{rows}</ul>"})
        else:
            raise ValueError(f"Unknown prose item {item[0]!r}")
    return blocks


def _html(text):
    return text if text.startswith("<") else f"<p>{text}</p>"


def research_blocks(research):
    """ResearchBlock data from ``(method, date, participants, findings, rating)`` tuples."""
    return [
        {
            "type": "research",
            "value": {
                "method": method,
                "date": when.isoformat(),
                "participants": participants,
                "findings": _html(findings),
                "rating": rating,
            },
        }
        for method, when, participants, findings, rating in research
    ]


def process_step_value(value):
    """The ProcessStepBlock value of one step as ``processes.PROCESSES`` writes it."""
    question, outcomes = value.get("decision") or ("", [])
    return {
        "ref": value["ref"],
        "title": value["title"],
        "role": value["role"],
        "system": value.get("system", ""),
        "description": value.get("description", ""),
        "inputs": list(value.get("inputs", [])),
        "outputs": list(value.get("outputs", [])),
        "time_limit": value.get("time_limit", ""),
        "legislation": value.get("legislation", ""),
        "next_step": value.get("next", ""),
        "end_outcome": value.get("end", ""),
        "decision": {
            "question": question,
            "outcomes": [
                {"answer": answer, "next_step": ref, "end_outcome": end[0] if end else ""}
                for answer, ref, *end in outcomes
            ],
        },
    }


def process_values(spec, lookup):
    return {
        "title": spec["title"],
        "summary": spec["summary"],
        "services": lookup.service_list(spec["services"]),
        "owner_council": lookup.councils[spec["owner"]],
        "review_by": spec["review_by"],
        "trigger": spec["trigger"],
        "outcome": spec["outcome"],
        "roles": [
            {"type": "role", "value": {"name": name, "kind": kind, "description": description}}
            for name, kind, description in spec["roles"]
        ],
        "systems": [
            {"type": "system", "value": {"name": name, "description": description}}
            for name, description in spec["systems"]
        ],
        "steps": [{"type": "step", "value": process_step_value(value)} for value in spec["steps"]],
        "legislation": [
            {
                "type": "legislation",
                "value": {"title": title, "section": section, "url": url, "duty_or_power": duty_or_power},
            }
            for title, section, url, duty_or_power in spec["legislation"]
        ],
        "data_held": [
            {"type": "data_item", "value": {"item": item, "purpose": purpose, "retention_period": retention}}
            for item, purpose, retention in spec["data_held"]
        ],
        "performance_measures": [
            {"type": "measure", "value": {"name": name, "description": description, "target": target}}
            for name, description, target in spec["measures"]
        ],
        "maturity": spec.get("maturity", "experimental"),
        "version": spec.get("version", "0.1.0"),
        "research": research_blocks(spec.get("research", [])),
        "supported_patterns": [
            {"type": "pattern", "value": lookup.patterns[slug].pk}
            for slug in spec["patterns"]
            if slug in lookup.patterns
        ],
    }


def pattern_values(spec, lookup):
    screens = SCREENS.get(spec["slug"], [])
    screen_block = ScreenBlock()

    def components(value, index):
        # As saving derives them (ScreensMixin.prepare_screens), so that loading again changes nothing.
        chosen = [lookup.components[slug] for slug in value["components"]]
        if index < len(screens) and screens[index]:
            step_screens = [screen_block.to_python(screen) for screen in screens[index]]
            chosen = derived_components(chosen, step_screens, lookup.components)
        return [component.pk for component in chosen]

    def step(value, index):
        return {
            "type": "step",
            "value": {
                "title": value["title"],
                "user_action": value["does"],
                "components": components(value, index),
                "content_guidance": _html(value["guidance"]) if value.get("guidance") else "",
                "example_screen": None,
                "process_steps": [
                    {"process": lookup.processes[process].pk, "step": ref} for process, ref in value.get("triggers", [])
                ],
                "screens": screens[index] if index < len(screens) else [],
            },
        }

    related = [{"type": "process", "value": lookup.processes[slug].pk} for slug in spec.get("processes", [])]
    related += [
        {"type": "pattern", "value": lookup.patterns[slug].pk}
        for slug in spec.get("related", [])
        if slug in lookup.patterns
    ]
    return {
        "title": spec["title"],
        "summary": spec["summary"],
        "pattern_type": lookup.pattern_types[spec["type"]],
        "services": lookup.service_list(spec["services"]),
        "life_events": [lookup.life_events[slug] for slug in spec["life_events"]],
        "maturity": spec["maturity"],
        "version": spec["version"],
        "review_by": spec["review_by"],
        "owner_council": lookup.councils[spec["owner"]],
        "when_to_use": prose(spec["when_to_use"]),
        "when_not_to_use": prose(spec["when_not_to_use"]),
        "how_it_works": prose(spec["how_it_works"]),
        "user_needs": [
            {"type": "user_need", "value": {"as_a": as_a, "i_need": i_need, "so_that": so_that}}
            for as_a, i_need, so_that in spec["user_needs"]
        ],
        "steps": [step(value, index) for index, value in enumerate(spec["steps"])],
        "variants": [
            {"type": "variant", "value": {"name": name, "when_to_use": when, "description": _html(description)}}
            for name, when, description in spec["variants"]
        ],
        "accessibility": prose(spec["accessibility"]),
        "research": research_blocks(spec["research"]),
        "related": related,
    }


def load_pages(home, summary):
    upsert_page(
        home.get_parent(),
        HomePage,
        home.slug,
        {"title": content_pages.HOME["title"], "introduction": _html(content_pages.HOME["introduction"])},
        summary,
        "home page",
    )
    pattern_index = upsert_page(home, PatternIndexPage, "patterns", content_pages.PATTERN_INDEX, summary, "index page")
    process_index = upsert_page(home, ProcessIndexPage, "processes", content_pages.PROCESS_INDEX, summary, "index page")
    for spec in content_pages.CONTENT_PAGES:
        upsert_page(
            home,
            ContentPage,
            spec["slug"],
            {"title": spec["title"], "summary": spec["summary"], "body": prose(spec["body"])},
            summary,
            "content page",
            history=spec.get("history", ()),
        )

    lookup = Lookup(home.locale)
    lookup.patterns = {p.slug: p for p in ServicePatternPage.objects.child_of(pattern_index)}

    # Processes first (their steps are what pattern steps point at), then patterns. A second pass lets a
    # page created in the first one point at pages created after it (a process lists the patterns it
    # supports, a pattern its related patterns); on later runs it finds nothing to change.
    def with_review_date(kind, parent, model, slug, values):
        page = model.objects.child_of(parent).filter(slug=slug).first()
        review_dates({(kind, slug): (page, values)})
        return values

    for target in (summary, Summary()):
        for spec in processes.PROCESSES:
            values = with_review_date("process", process_index, ProcessPage, spec["slug"], process_values(spec, lookup))
            lookup.processes[spec["slug"]] = upsert_page(
                process_index, ProcessPage, spec["slug"], values, target, "process"
            )
        for spec in patterns.PATTERNS:
            values = pattern_values(spec, lookup)
            with_review_date("pattern", pattern_index, ServicePatternPage, spec["slug"], values)
            lookup.patterns[spec["slug"]] = upsert_page(
                pattern_index,
                ServicePatternPage,
                spec["slug"],
                values,
                target,
                "service pattern",
                history=spec.get("history", ()),
            )
        if target is not summary:
            for kind, counter in target.counts.items():
                summary.counts[kind]["updated"] += counter["updated"]


def review_dates(values_by_page):
    """Override the spec's review-by dates for the pages in ``activity.REVIEW_DAYS_FROM_FIRST_LOAD``.

    ``values_by_page`` maps ``(kind, slug)`` to ``(existing page or None, values)``; a page that exists
    keeps the date it has, so a second load (on any day) changes nothing.
    """
    today = timezone.localdate()
    for key, days in activity.REVIEW_DAYS_FROM_FIRST_LOAD.items():
        if key not in values_by_page:
            continue
        page, values = values_by_page[key]
        values["review_by"] = page.review_by if page is not None else today + datetime.timedelta(days=days)
