"""What the public pages show beyond a page's own fields: published history, latest changes, filtered
lists. Each function runs a fixed number of queries, whatever the number of steps or items."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, PageLogEntry

from .models import (
    LifeEvent,
    Maturity,
    PatternType,
    ProcessPage,
    Service,
    ServicePatternPage,
)
from .process_diagram import ProcessGraph, bpmn_xml, swimlane_svg

PUBLISH = "wagtail.publish"


def active_locale():
    """The Wagtail locale of the request's language, or the default when it has none."""
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return Locale.get_default()


def pattern_history(page):
    """The versions of a pattern as published, oldest first: ``[{"version", "published_at"}]``.

    Each published revision records the version it carried; a version published more than once is
    listed at its first publication. A page published outside the revision system (an importer)
    shows its current version at its first publication date.
    """
    entries = (
        PageLogEntry.objects.filter(page_id=page.pk, action=PUBLISH)
        .select_related("revision")
        .order_by("timestamp", "pk")
    )
    history = {}
    for entry in entries:
        content = entry.revision.content if entry.revision else {}
        version = content.get("version") or page.version
        history.setdefault(version, {"version": version, "published_at": entry.timestamp})
    if not history and page.first_published_at:
        history[page.version] = {"version": page.version, "published_at": page.first_published_at}
    return list(history.values())


def latest_changes(locale, limit=10):
    """The latest publications of live patterns and processes in ``locale``, newest first."""
    content_types = ContentType.objects.get_for_models(ServicePatternPage, ProcessPage).values()
    entries = (
        PageLogEntry.objects.filter(
            action=PUBLISH,
            content_type__in=list(content_types),
            page__live=True,
            page__view_restrictions__isnull=True,
            page__locale=locale,
        )
        .select_related("page", "revision", "content_type")
        .order_by("-timestamp", "-pk")[:limit]
    )
    changes = []
    if not entries:
        return _latest_publications(locale, limit)
    for entry in entries:
        content = entry.revision.content if entry.revision else {}
        changes.append(
            {
                "page": entry.page,
                "title": entry.page.title,
                "kind": _("Process") if entry.content_type.model == "processpage" else _("Service pattern"),
                "version": content.get("version", ""),
                "published_at": entry.timestamp,
                "entry_id": entry.pk,
            }
        )
    return changes


def _latest_publications(locale, limit):
    """Pages published without the revision log (an importer, a fixture): newest publication first."""
    pages = (
        Page.objects.live()
        .public()
        .type(ServicePatternPage, ProcessPage)
        .filter(locale=locale, last_published_at__isnull=False)
        .select_related("content_type")
        .order_by("-last_published_at", "-pk")[:limit]
    )
    return [
        {
            "page": page,
            "title": page.title,
            "kind": _("Process") if page.content_type.model == "processpage" else _("Service pattern"),
            "version": "",
            "published_at": page.last_published_at,
            "entry_id": f"page-{page.pk}",
        }
        for page in pages
    ]


def home_sections(locale):
    """Pattern types and life events to browse by, with how many live patterns each has."""
    live = Q(patterns__live=True, patterns__locale=locale)
    pattern_types = PatternType.objects.filter(locale=locale).annotate(pattern_count=Count("patterns", filter=live))
    life_events = LifeEvent.objects.filter(locale=locale).annotate(pattern_count=Count("patterns", filter=live))
    return {"pattern_types": list(pattern_types), "life_events": list(life_events)}


def filter_patterns(index_page, params):
    """The patterns below ``index_page`` matching the filters in ``params`` (a QueryDict), and the form state."""
    locale = index_page.locale
    selected = {
        "pattern_type": [v for v in params.getlist("pattern_type") if v],
        "maturity": [v for v in params.getlist("maturity") if v in Maturity.values],
        "life_event": [v for v in params.getlist("life_event") if v],
    }
    patterns = (
        ServicePatternPage.objects.child_of(index_page).live().public().select_related("pattern_type").order_by("title")
    )
    if selected["pattern_type"]:
        patterns = patterns.filter(pattern_type__slug__in=selected["pattern_type"])
    if selected["maturity"]:
        patterns = patterns.filter(maturity__in=selected["maturity"])
    if selected["life_event"]:
        patterns = patterns.filter(life_events__slug__in=selected["life_event"]).distinct()
    options = {
        "pattern_type": [(t.slug, t.name) for t in PatternType.objects.filter(locale=locale)],
        "maturity": list(Maturity.choices),
        "life_event": [(e.slug, e.name) for e in LifeEvent.objects.filter(locale=locale)],
    }
    return {"patterns": list(patterns), "selected": selected, "options": options, "filtered": any(selected.values())}


def filter_processes(index_page, params):
    """The processes below ``index_page``, optionally only those for one service (by LGSL code)."""
    service_code = params.get("service", "")
    processes = ProcessPage.objects.child_of(index_page).live().public().order_by("title")
    if service_code.isdigit():
        processes = processes.filter(services__lgsl_code=int(service_code)).distinct()
    services = Service.objects.filter(locale=index_page.locale, processes__live=True).distinct().order_by("name")
    return {
        "processes": list(processes),
        "services": [(str(s.lgsl_code), s.name) for s in services],
        "selected_service": service_code,
        "filtered": bool(service_code),
    }


def process_diagram(page):
    """The swimlane SVG and the rows of its accessible equivalent, from one layout of the process."""
    graph = ProcessGraph.from_page(page)
    svg = swimlane_svg(
        graph,
        title=_("Swimlane diagram of %(process)s") % {"process": page.title},
        description=_(
            "%(steps)s steps across %(roles)s roles. The table of steps by role below gives the same information."
        )
        % {"steps": len(graph.tasks()), "roles": len(graph.lanes)},
    )
    titles = {}
    for step in page.steps:
        titles.setdefault(str(step.value.get("ref")), step.value.get("title"))
    rows = []
    for number, step in enumerate(page.steps, start=1):
        value = step.value
        decision = value.get("decision") or {}
        rows.append(
            {
                "number": number,
                "ref": value.get("ref"),
                "title": value.get("title"),
                "role": value.get("role"),
                "system": value.get("system"),
                "description": value.get("description"),
                "time_limit": value.get("time_limit"),
                "legislation": value.get("legislation"),
                "inputs": list(value.get("inputs") or []),
                "outputs": list(value.get("outputs") or []),
                "question": decision.get("question"),
                "outcomes": [
                    {"answer": o.get("answer"), "next": titles.get(str(o.get("next_step")), o.get("next_step"))}
                    for o in decision.get("outcomes") or []
                ],
            }
        )
    return {"svg": svg, "rows": rows, "roles": [lane.name for lane in graph.lanes]}


def process_bpmn(page):
    return bpmn_xml(ProcessGraph.from_page(page), process_id=f"Process_{page.pk}")
