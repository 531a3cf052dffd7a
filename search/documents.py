"""What is searchable about a pattern, process or service: one :class:`IndexEntry` per document key.

A key names a page or a service (``page-42``, ``service-7``); :func:`build_entry` returns ``None`` for
anything that must not be found (a draft, an unpublished or private page, a deleted one), which tells
the engines to remove it.
"""

import re
from dataclasses import asdict, dataclass, field

from django.utils.html import strip_tags
from wagtail.models import Page, PageViewRestriction

from pattern_pages.models import ProcessPage, Service, ServicePatternPage

from . import raw_content
from .models import DocumentKind

FACETS = ("type", "pattern_type", "life_event", "maturity", "component", "council")

# Fields whose text is searched; each page type lists the StreamFields it flattens.
PATTERN_STREAMS = ("when_to_use", "when_not_to_use", "how_it_works", "user_needs", "steps", "variants", "accessibility")
PROCESS_STREAMS = ("roles", "systems", "steps", "legislation", "data_held", "performance_measures")


@dataclass
class IndexEntry:
    key: str
    kind: str
    locale: str
    title: str
    slug: str = ""
    url: str = ""
    summary: str = ""
    service_names: str = ""
    keywords: str = ""
    body: str = ""
    lgsl_codes: list = field(default_factory=list)
    facets: dict = field(default_factory=dict)
    page_id: int | None = None
    service_id: int | None = None

    def as_dict(self):
        return asdict(self)


def page_key(page_id):
    return f"page-{page_id}"


def service_key(service_id):
    return f"service-{service_id}"


def parse_key(key):
    """``"page-42"`` → ``("page", 42)``."""
    kind, _, pk = key.partition("-")
    return kind, int(pk)


def build_entry(key):
    kind, pk = parse_key(key)
    if kind == "page":
        page = Page.objects.filter(pk=pk).first()
        return page_entry(page.specific) if page else None
    if kind == "service":
        service = Service.objects.filter(pk=pk).select_related("locale", "function").first()
        return service_entry(service) if service else None
    raise ValueError(f"Unknown search document key {key!r}: expected 'page-<id>' or 'service-<id>'.")


def is_searchable(page, visibility=None):
    """Live, public and of a searchable type: drafts, unpublished and private pages never are."""
    if not isinstance(page, ServicePatternPage | ProcessPage) or not page.live:
        return False
    if visibility is not None:
        return visibility.shows(page)
    ancestors = page.get_ancestors(inclusive=True)
    return not PageViewRestriction.objects.filter(page__in=ancestors).exists() and all(p.live for p in ancestors[1:])


def councils_using(page):
    """The councils that use a page: its owner, and every council with a public, in-use adoption of it.

    Adoptions come from the ``contributions`` app (``page.adoptions``); without it, only the owner counts.
    """
    councils = {}
    if page.owner_council_id:
        councils[page.owner_council.gss_code] = page.owner_council
    prefetched = getattr(page, "searchable_adoptions", None)
    if prefetched is not None:
        for adoption in prefetched:
            councils[adoption.council.gss_code] = adoption.council
        return list(councils.values())
    adoptions = getattr(page, "adoptions", None)
    if adoptions is not None:
        adoptions = adoptions.all()
        adoptions = adoptions.public().in_use() if hasattr(adoptions, "public") else adoptions
        for adoption in adoptions.select_related("council"):
            councils[adoption.council.gss_code] = adoption.council
    return list(councils.values())


def stream_text(page, names, images=None):
    """The text of the ``names`` StreamFields, flattened, from their stored JSON (see ``search.raw_content``).

    ``images`` is :func:`search.raw_content.existing_images` for a batch of pages; by default this page's.
    """
    if images is None:
        images = raw_content.existing_images([page], lambda _page: names)
    parts = [str(text) for text in raw_content.searchable_text(page, names, images)]
    return join_passages(passage_text(text) for text in parts)


# Each field of a block (a step's title, a table cell, a paragraph of rich text) is its own passage in a
# document's body: a line of its own, so a search snippet never runs one passage into the next.
PASSAGE_BREAK = "\n"
BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|div|td|th|tr|blockquote)>|<br\s*/?>", re.IGNORECASE)


def passage_text(text):
    """Rich text's paragraphs and list items as lines of plain text; plain text as it is."""
    if "<" in text:
        text = strip_tags(BLOCK_END.sub(PASSAGE_BREAK, text))  # strip_tags changes nothing else
    return text


def join_passages(texts):
    """``join_passages(["Apply", " Pay\nNow "]) == "Apply\nPay\nNow"``: one passage a line, blanks dropped."""
    lines = (line.strip() for text in texts if text for line in str(text).splitlines())
    return PASSAGE_BREAK.join(line for line in lines if line)


def streams_of(page):
    """The StreamFields whose text a page's entry holds."""
    return PATTERN_STREAMS if isinstance(page, ServicePatternPage) else PROCESS_STREAMS


class Batch:
    """What the entries for a batch of pages look up together: images (alt text) and the components
    their steps name, one query each instead of several per page."""

    def __init__(self, pages):
        from pattern_pages.models import DesignSystemComponent

        pages = list(pages)
        self.images = raw_content.existing_images(pages, streams_of)
        self.component_ids = {
            page.pk: raw_content.named_component_ids(page) for page in pages if isinstance(page, ServicePatternPage)
        }
        named = set().union(*self.component_ids.values())
        self.components = list(DesignSystemComponent.objects.filter(pk__in=named).order_by("name")) if named else []

    def components_of(self, page):
        """The components the page's steps name that exist, by name (as the database orders them)."""
        ids = self.component_ids.get(page.pk, set())
        return [component for component in self.components if component.pk in ids]


def page_entry(page, visibility=None, batch=None):
    if not is_searchable(page, visibility):
        return None
    batch = batch or Batch([page])
    services = list(page.services.all())
    councils = councils_using(page)
    facets = {"council": [c.gss_code for c in councils]}
    keywords = [f"LGSL {s.lgsl_code}" for s in services] + [c.official_name for c in councils]
    if isinstance(page, ServicePatternPage):
        kind = DocumentKind.PATTERN
        life_events = list(page.life_events.all())
        components = batch.components_of(page)
        facets.update(
            type=[kind.value],
            pattern_type=[page.pattern_type.slug] if page.pattern_type_id else [],
            life_event=[e.slug for e in life_events],
            maturity=[page.maturity],
            component=[c.slug for c in components],
        )
        if page.pattern_type_id:
            keywords.append(page.pattern_type.name)
        keywords += [e.name for e in life_events] + [c.name for c in components]
        body = stream_text(page, PATTERN_STREAMS, batch.images)
    else:
        kind = DocumentKind.PROCESS
        life_events = {e.pk: e for s in services for e in s.life_events.all()}.values()
        facets.update(type=[kind.value], life_event=sorted(e.slug for e in life_events))
        keywords += [e.name for e in life_events]
        body = join_passages([page.trigger, page.outcome, stream_text(page, PROCESS_STREAMS, batch.images)])
    return IndexEntry(
        key=page_key(page.pk),
        kind=kind.value,
        locale=page.locale.language_code,
        title=page.title,
        slug=page.slug,
        url=page.get_url() or "",
        summary=page.summary,
        service_names=" ".join(s.name for s in services),
        keywords=" ".join(keywords),
        body=body,
        lgsl_codes=[str(s.lgsl_code) for s in services],
        facets={name: values for name, values in facets.items() if values},
        page_id=page.pk,
    )


def service_entry(service):
    life_events = list(service.life_events.all())
    keywords = [f"LGSL {service.lgsl_code}"] + [e.name for e in life_events]
    if service.function_id:
        keywords.append(service.function.name)
    return IndexEntry(
        key=service_key(service.pk),
        kind=DocumentKind.SERVICE.value,
        locale=service.locale.language_code,
        title=service.name,
        slug=str(service.lgsl_code),
        url=service_url(service),
        summary=service.description,
        service_names=service.name,
        keywords=" ".join(keywords),
        lgsl_codes=[str(service.lgsl_code)],
        facets={"type": [DocumentKind.SERVICE.value], "life_event": [e.slug for e in life_events]},
        service_id=service.pk,
    )


def service_url(service):
    """Where a service hit links: the service's own page when the public site routes one, else nothing."""
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse("service", kwargs={"lgsl_code": service.lgsl_code, "slug": service.slug})
    except NoReverseMatch:
        return ""


def all_keys():
    """Every key that should be in the index: live public patterns and processes, and every service."""
    pages = Page.objects.live().type(ServicePatternPage, ProcessPage).values_list("pk", flat=True)
    services = Service.objects.values_list("pk", flat=True)
    return [page_key(pk) for pk in pages] + [service_key(pk) for pk in services]


# ----- many entries at once (a full rebuild) -----------------------------------------------------

BUILD_BATCH = 200


class Visibility:
    """Whether pages are public and every ancestor live, from two queries for the whole tree.

    Equivalent to :func:`is_searchable`'s per-page queries: a page is hidden when it or an ancestor
    has a view restriction, or an ancestor below the root is not live.
    """

    def __init__(self):
        self.restricted = set(PageViewRestriction.objects.values_list("page__path", flat=True))
        self.unpublished = set(Page.objects.filter(live=False, depth__gt=1).values_list("path", flat=True))

    def shows(self, page):
        steps = Page.steplen
        ancestors = [page.path[:end] for end in range(steps, len(page.path) + 1, steps)]
        if any(path in self.restricted for path in ancestors):
            return False
        return not any(path in self.unpublished for path in ancestors[1:])


def unindexed_streams(model, indexed):
    """The model's StreamFields an entry does not read (not worth decoding their JSON)."""
    from wagtail.fields import StreamField

    return [f.name for f in model._meta.concrete_fields if isinstance(f, StreamField) and f.name not in indexed]


def page_querysets():
    """Each searchable page type with what its entry reads fetched in bulk."""
    from django.core.exceptions import FieldDoesNotExist
    from django.db.models import Prefetch

    querysets = {
        ServicePatternPage: ServicePatternPage.objects.select_related("locale", "pattern_type", "owner_council")
        .prefetch_related("services", "life_events")
        .defer(*unindexed_streams(ServicePatternPage, PATTERN_STREAMS)),
        ProcessPage: ProcessPage.objects.select_related("locale", "owner_council")
        .prefetch_related("services__life_events")
        .defer(*unindexed_streams(ProcessPage, PROCESS_STREAMS)),
    }
    for model, queryset in querysets.items():
        try:
            relation = model._meta.get_field("adoptions")
        except FieldDoesNotExist:  # without the contributions app only the owner counts
            continue
        adoptions = relation.related_model.objects.all()
        if hasattr(adoptions, "public"):
            adoptions = adoptions.public().in_use()
        querysets[model] = queryset.prefetch_related(
            Prefetch("adoptions", queryset=adoptions.select_related("council"), to_attr="searchable_adoptions")
        )
    return querysets


def build_entries(keys):
    """The entries for ``keys`` (those that belong in the index), ``BUILD_BATCH`` pages per query set."""
    page_ids = [pk for kind, pk in map(parse_key, keys) if kind == "page"]
    service_ids = [pk for kind, pk in map(parse_key, keys) if kind == "service"]
    visibility = Visibility()
    querysets = page_querysets()
    for start in range(0, len(page_ids), BUILD_BATCH):
        chunk = page_ids[start : start + BUILD_BATCH]
        for queryset in querysets.values():
            pages = list(queryset.filter(pk__in=chunk))
            batch = Batch(pages)
            for page in pages:
                entry = page_entry(page, visibility, batch)
                if entry is not None:
                    yield entry
    services = Service.objects.select_related("locale", "function").prefetch_related("life_events")
    for start in range(0, len(service_ids), BUILD_BATCH):
        for service in services.filter(pk__in=service_ids[start : start + BUILD_BATCH]):
            yield service_entry(service)
