"""What the public pages show beyond a page's own fields: published history, latest changes, filtered
lists. Each function runs a fixed number of queries, whatever the number of steps or items."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, PageLogEntry

from library import kept
from library.fixed import FixedQuery

from . import i18n
from .diagrams import drawing_for
from .models import (
    LifeEvent,
    Maturity,
    PatternType,
    ProcessPage,
    Service,
    ServicePatternPage,
)
from .process_diagram import LayoutEngineMissing
from .process_flow import ProcessFlow

PUBLISH = "wagtail.publish"


def active_locale():
    """The Wagtail locale of the request's language, or the default when it has none (once per request)."""
    return i18n.active_locale()


# Each publication of a page (by id): its time and the version its revision carried, oldest first.
PUBLICATIONS = FixedQuery(
    lambda page_id: (
        PageLogEntry.objects.filter(page_id=page_id, action=PUBLISH)
        .order_by("timestamp", "pk")
        .values_list("timestamp", "revision__content__version")
    )
)


def pattern_history(page):
    """The versions of a pattern as published, oldest first: ``[{"version", "published_at"}]``.

    Each published revision records the version it carried; a version published more than once is
    listed at its first publication. A page published outside the revision system (an importer)
    shows its current version at its first publication date.
    """
    # Only the version out of each revision's content (which holds the whole page, every StreamField in it).
    history = {}
    for timestamp, revision_version in PUBLICATIONS.run(page.pk):
        version = revision_version or page.version
        history.setdefault(version, {"version": version, "published_at": timestamp})
    if not history and page.first_published_at:
        history[page.version] = {"version": page.version, "published_at": page.first_published_at}
    return list(history.values())


def latest_changes(locale, limit=10):
    """The latest publications of live patterns and processes in ``locale``, newest first.

    In another language than the default, pages not yet translated are listed too, from the default locale,
    marked ``untranslated`` (the Welsh home shows them with the notice that they are in English); a page with a
    live translation is listed by that translation only.
    """
    locales = _locales_with_fallback(locale)
    content_types = ContentType.objects.get_for_models(ServicePatternPage, ProcessPage).values()
    entries = list(
        PageLogEntry.objects.filter(
            action=PUBLISH,
            content_type__in=list(content_types),
            page__live=True,
            page__view_restrictions__isnull=True,
            page__locale__in=locales,
        )
        .select_related("page", "revision", "content_type")
        .order_by("-timestamp", "-pk")[: limit * len(locales)]
    )
    if not entries:
        return _latest_publications(locale, limit)
    translated = _translated_keys(locale, [entry.page for entry in entries])
    changes = []
    for entry in entries:
        if entry.page.locale_id != locale.pk and entry.page.translation_key in translated:
            continue
        content = entry.revision.content if entry.revision else {}
        changes.append(
            {
                "page": entry.page,
                "title": entry.page.title,
                "kind": _("Process") if entry.content_type.model == "processpage" else _("Service pattern"),
                "version": content.get("version", ""),
                "published_at": entry.timestamp,
                "entry_id": entry.pk,
                "untranslated": entry.page.locale_id != locale.pk,
                "url": _url_in(locale, entry.page),
            }
        )
    return changes[:limit]


def _locales_with_fallback(locale):
    """``locale``, and the default locale after it when they differ (its pages stand in for untranslated ones)."""
    default = Locale.get_default()
    return [locale] if locale.pk == default.pk else [locale, default]


def _url_in(locale, page):
    """The page's address for a reader of ``locale``: an untranslated page is served under the language's prefix
    (in English, with the notice), so the reader stays on the Welsh site."""
    url = page.get_url()
    if page.locale_id == locale.pk or url is None:
        return url
    return f"/{locale.language_code}{url}"


def _translated_keys(locale, pages):
    """The translation keys among ``pages`` that have a live page in ``locale`` (one query)."""
    keys = {page.translation_key for page in pages if page.locale_id != locale.pk}
    if not keys:
        return set()
    return set(
        Page.objects.live().filter(locale=locale, translation_key__in=keys).values_list("translation_key", flat=True)
    )


def _latest_publications(locale, limit):
    """Pages published without the revision log (an importer, a fixture): newest publication first."""
    locales = _locales_with_fallback(locale)
    pages = list(
        Page.objects.live()
        .public()
        .type(ServicePatternPage, ProcessPage)
        .filter(locale__in=locales, last_published_at__isnull=False)
        .select_related("content_type")
        .order_by("-last_published_at", "-pk")[: limit * len(locales)]
    )
    translated = _translated_keys(locale, pages)
    return [
        {
            "page": page,
            "title": page.title,
            "kind": _("Process") if page.content_type.model == "processpage" else _("Service pattern"),
            "version": "",
            "published_at": page.last_published_at,
            "entry_id": f"page-{page.pk}",
            "untranslated": page.locale_id != locale.pk,
            "url": _url_in(locale, page),
        }
        for page in pages
        if page.locale_id == locale.pk or page.translation_key not in translated
    ][:limit]


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


def step_anchor(ref):
    """The id of a process step's row: ``step_anchor("check-round-record") == "step-check-round-record"``."""
    return f"step-{ref}"


def pattern_step_anchor(number):
    """The id of a pattern's step on its page, by position: ``pattern_step_anchor(2) == "pattern-step-2"``."""
    return f"pattern-step-{number}"


def linked_page(item):
    """A page or snippet chosen in the editor, in the reader's language: its translation in the active
    language where there is one (a page's only when live), else the item itself (shown with ``lang``);
    None for a page that is not live. Choosers and many-to-many fields store the item they were given, and
    a Welsh translation keeps its English original's choices (wagtail-localize leaves them to be localized
    when shown), so every link to a chosen page, life event or pattern type goes through here."""
    if item is None:
        return None
    if getattr(item, "translation_key", None) is not None:
        kept.depends_on(f"tk:{item.translation_key}")  # a translation published later is linked instead
    if not getattr(item, "live", True):
        return None
    locale = active_locale()  # as Wagtail's ``localized``, without a query for the locale per link
    if item.locale_id == locale.pk:
        return item
    translated = item.get_translation_or_none(locale)
    return translated if translated is not None and getattr(translated, "live", True) else item


def process_step_link(reference):
    """Where a pattern step's reference to a process step leads: ``{"url", "title", "process"}`` or None.

    The URL is the step's row on the process page and the title is the step's own (the reference when
    the process no longer has that step).
    """
    process = linked_page(reference.get("process"))
    ref = str(reference.get("step") or "")
    if process is None:
        return None
    titles = step_titles(process.specific)
    return {
        "url": f"{process.url}#{step_anchor(ref)}" if ref in titles else process.url,
        "title": titles.get(ref) or ref,
        "process": process,
    }


def step_titles(process):
    """``{step reference: title}`` of a process's steps, read from the stored steps (not built into blocks) once
    per process object: a pattern's steps may point at several steps of the same process."""
    memo = process.__dict__.get("_library_step_titles")
    if memo is None:
        values = [item.get("value") or {} for item in process.steps.raw_data or [] if isinstance(item, dict)]
        memo = process.__dict__["_library_step_titles"] = {
            str(value.get("ref")): value.get("title") for value in values
        }
    return memo


def raw_list_items(raw):
    """A ListBlock's stored child values, in either stored format (``[{"type": "item", "value": …}]`` or a
    plain list)."""
    return [
        item["value"] if isinstance(item, dict) and item.get("type") == "item" and "value" in item else item
        for item in raw or []
    ]


def pattern_steps_into(process):
    """The live, public pattern steps that lead into each step of ``process``, by step reference:
    ``{"check-round-record": [{"pattern", "number", "title", "url"}]}``, patterns in title order.

    One query: the patterns' stored steps are read as JSON, not built into blocks.
    """
    sources = {}
    kept.depends_on(f"list:{ServicePatternPage._meta.label_lower}")  # any pattern may come to lead here
    # A translated pattern may still point at the process in the language it was translated from.
    process_ids = {process.pk} | {other.pk for other in i18n.live_translations(process).values()}
    patterns = (
        i18n.public(ServicePatternPage.objects.live())
        .filter(locale_id=process.locale_id)
        .only("id", "title", "url_path", "steps", "locale_id")
        .order_by("title")
    )
    for pattern in patterns:
        for number, item in enumerate(pattern.steps.raw_data or [], start=1):
            value = item.get("value") or {}
            for reference in raw_list_items(value.get("process_steps")):
                if isinstance(reference, dict) and reference.get("process") in process_ids and reference.get("step"):
                    sources.setdefault(str(reference["step"]), []).append(
                        {
                            "pattern": pattern,
                            "number": number,
                            "title": value.get("title") or "",
                            "url": f"{pattern.url}#{pattern_step_anchor(number)}",
                        }
                    )
    return sources


def process_diagram(page, preview=False):
    """The swimlane SVGs (stored per published revision) and the rows of their text alternative."""
    drawing = drawing_for(page, preview=preview)
    roles = []
    for child in page.steps:
        role = str(child.value.get("role") or "").strip()
        if role and role not in roles:
            roles.append(role)
    return {
        "wide_svg": drawing["wide_svg"] if drawing else "",
        "narrow_svg": drawing["narrow_svg"] if drawing else "",
        "rows": step_rows(page),
        "roles": roles,
    }


def step_rows(page):
    """The steps in order, each with where it goes next: the text alternative to the diagram."""
    flow = ProcessFlow.from_page(page)
    sources = pattern_steps_into(page)
    rows = []
    for number, (child, step) in enumerate(zip(page.steps, flow.steps, strict=True), start=1):
        value = child.value
        rows.append(
            {
                "number": number,
                "ref": step.ref,
                "anchor": step_anchor(step.ref),
                "led_from": sources.get(str(step.ref), []),
                "title": value.get("title"),
                "role": value.get("role"),
                "system": value.get("system"),
                "description": value.get("description"),
                "time_limit": value.get("time_limit"),
                "legislation": value.get("legislation"),
                "inputs": list(value.get("inputs") or []),
                "outputs": list(value.get("outputs") or []),
                "question": step.question if step.is_decision else "",
                "next": [
                    {
                        "answer": transition.answer,
                        "ref": transition.target if transition.target in flow.by_ref else "",
                        "title": flow.by_ref[transition.target].title if transition.target in flow.by_ref else "",
                        # An implicit end (the last step, nothing named) has no outcome of its own to show.
                        "end": "" if transition.target in flow.by_ref or transition.implicit else transition.end,
                    }
                    for transition in step.transitions
                ],
            }
        )
    return rows


def process_bpmn(page):
    """The BPMN file of the page's live revision (stored with its diagram), or drawn now for a page
    published without a revision."""
    drawing = drawing_for(page)
    if drawing is None:
        raise LayoutEngineMissing("Graphviz's 'dot' is not installed")
    return drawing["bpmn"]
