"""What is searchable about a pattern, process or service: one :class:`IndexEntry` per document key.

A key names a page or a service (``page-42``, ``service-7``); :func:`build_entry` returns ``None`` for
anything that must not be found (a draft, an unpublished or private page, a deleted one), which tells
the engines to remove it.
"""

import json
import re
from dataclasses import asdict, dataclass, field

import orjson
from django.utils.html import strip_tags
from wagtail.models import Page, PageViewRestriction, Site

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
    lines = "\n".join(str(text) for text in texts if text).splitlines()  # the same lines as each text's
    return PASSAGE_BREAK.join(filter(None, map(str.strip, lines)))


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


@dataclass
class PageFacts:
    """What a page's entry is made of, from a page object (:func:`page_entry`) or from rows
    (:func:`build_entries`). Services, councils, life events, components and the pattern type are
    anything with the model's attribute names (``name``, ``lgsl_code``, ``gss_code``, ``slug``…)."""

    pk: int
    is_pattern: bool
    locale: str
    title: str
    slug: str
    url: str
    summary: str
    services: list
    councils: list
    life_events: list
    body: str
    pattern_type: object = None
    maturity: str = ""
    components: list = field(default_factory=list)


def page_entry(page, visibility=None, batch=None):
    if not is_searchable(page, visibility):
        return None
    batch = batch or Batch([page])
    services = list(page.services.all())
    is_pattern = isinstance(page, ServicePatternPage)
    if is_pattern:
        life_events = list(page.life_events.all())
        body = stream_text(page, PATTERN_STREAMS, batch.images)
    else:
        life_events = list({e.pk: e for s in services for e in s.life_events.all()}.values())
        body = join_passages([page.trigger, page.outcome, stream_text(page, PROCESS_STREAMS, batch.images)])
    return assemble_entry(
        PageFacts(
            pk=page.pk,
            is_pattern=is_pattern,
            locale=page.locale.language_code,
            title=page.title,
            slug=page.slug,
            url=page.get_url() or "",
            summary=page.summary,
            services=services,
            councils=councils_using(page),
            life_events=life_events,
            body=body,
            pattern_type=page.pattern_type if is_pattern and page.pattern_type_id else None,
            maturity=page.maturity,
            components=batch.components_of(page) if is_pattern else [],
        )
    )


def assemble_entry(page):
    """The :class:`IndexEntry` of a searchable page from its :class:`PageFacts`."""
    services, councils = page.services, page.councils
    facets = {"council": [c.gss_code for c in councils]}
    keywords = [f"LGSL {s.lgsl_code}" for s in services] + [c.official_name for c in councils]
    if page.is_pattern:
        kind = DocumentKind.PATTERN
        facets.update(
            type=[kind.value],
            pattern_type=[page.pattern_type.slug] if page.pattern_type else [],
            life_event=[e.slug for e in page.life_events],
            maturity=[page.maturity],
            component=[c.slug for c in page.components],
        )
        if page.pattern_type:
            keywords.append(page.pattern_type.name)
        keywords += [e.name for e in page.life_events] + [c.name for c in page.components]
    else:
        kind = DocumentKind.PROCESS
        facets.update(type=[kind.value], life_event=sorted(e.slug for e in page.life_events))
        keywords += [e.name for e in page.life_events]
    return IndexEntry(
        key=page_key(page.pk),
        kind=kind.value,
        locale=page.locale,
        title=page.title,
        slug=page.slug,
        url=page.url,
        summary=page.summary,
        service_names=" ".join(s.name for s in services),
        keywords=" ".join(keywords),
        body=page.body,
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
#
# The same entries as :func:`build_entry`'s, from rows (``values_list``) rather than page objects: a page
# object, its StreamValues and its related objects cost a rebuild most of its time. The StreamFields'
# JSON is read as plain JSON and walked by :mod:`search.raw_content`; everything a page links to is one
# query per batch of pages. ``tests/search/test_documents.py`` holds the two builders equal.

BUILD_BATCH = 1000


class Visibility:
    """Whether pages are public and every ancestor live, from two queries for the whole tree.

    Equivalent to :func:`is_searchable`'s per-page queries: a page is hidden when it or an ancestor
    has a view restriction, or an ancestor below the root is not live.
    """

    def __init__(self):
        self.restricted = set(PageViewRestriction.objects.values_list("page__path", flat=True))
        self.unpublished = set(Page.objects.filter(live=False, depth__gt=1).values_list("path", flat=True))

    def shows(self, page):
        return self.shows_path(page.path)

    def shows_path(self, path):
        steps = Page.steplen
        ancestors = [path[:end] for end in range(steps, len(path) + 1, steps)]
        if any(path in self.restricted for path in ancestors):
            return False
        return not any(path in self.unpublished for path in ancestors[1:])


class PageUrls:
    """``page.get_url()`` for many pages: Wagtail reverses the serving URL for every page (a third of a
    millisecond each); here it is reversed once per site root, and each page's path put in its place.
    A path that reversing would quote (not plain ASCII slugs) takes Wagtail's way."""

    PLAIN = re.compile(r"[A-Za-z0-9_/-]*")

    def __init__(self):
        self.prefixes = {}
        # Page._get_relevant_site_root_paths's list, read once (a Page object costs half a millisecond).
        self.site_root_paths = Site.get_site_root_paths()

    def url(self, pk, url_path):
        sites = [site for site in self.site_root_paths if url_path.startswith(site.root_path)]
        if not sites:
            return ""
        root_path = sites[0].root_path
        rest = url_path[len(root_path) :]
        if not self.PLAIN.fullmatch(rest):
            return Page(pk=pk, url_path=url_path).get_url() or ""
        prefix = self.prefix(root_path)
        return prefix + rest if prefix is not None else Page(pk=pk, url_path=url_path).get_url() or ""

    def prefix(self, root_path):
        """The URL of the site root at ``root_path`` (``None`` when it cannot be put in front of a path)."""
        if root_path not in self.prefixes:
            probe = Page(url_path=root_path + "probe/").get_url() or ""
            self.prefixes[root_path] = probe[: -len("probe/")] if probe.endswith("/probe/") else None
        return self.prefixes[root_path]

    def prepare(self):
        """Every site root's URL worked out now (and so the URLconf loaded), e.g. before forking processes
        that would each do it again."""
        for site in self.site_root_paths:
            self.prefix(site.root_path)
        return self


@dataclass(frozen=True)
class Named:
    """A taxonomy term as an entry needs it (a life event, a component, a pattern type)."""

    pk: int
    slug: str
    name: str


@dataclass(frozen=True)
class NamedService:
    name: str
    lgsl_code: int


@dataclass(frozen=True)
class NamedCouncil:
    gss_code: str
    official_name: str


def grouped(rows):
    """``[(key, *values)]`` → ``{key: [values]}`` in row order."""
    out = {}
    for key, *values in rows:
        out.setdefault(key, []).append(values)
    return out


def raw_streams(names):
    """Each StreamField as its stored JSON text (not a StreamValue, not decoded by Django), for
    ``values_list``; :func:`decoded_streams` decodes it."""
    from django.db.models import ExpressionWrapper, F, TextField

    return {f"raw_{name}": ExpressionWrapper(F(name), output_field=TextField()) for name in names}


def decoded_streams(values):
    """The StreamFields' JSON text decoded with orjson (with the standard library's decoder, decoding was
    a third of building the entries); a missing one is ``[]``."""
    return [decoded_json(value) if isinstance(value, str | bytes) else (value or []) for value in values]


def decoded_json(text):
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:  # what orjson refuses and the standard library reads (NaN, huge numbers)
        return json.loads(text)


def adoption_councils(model, ids):
    """``{page id: [NamedCouncil]}``: the councils with a public, in-use adoption of each page (by name).

    Adoptions come from the ``contributions`` app (``page.adoptions``); without it, nothing."""
    from django.core.exceptions import FieldDoesNotExist

    try:
        relation = model._meta.get_field("adoptions")
    except FieldDoesNotExist:
        return {}
    adoptions = relation.related_model.objects.all()
    if hasattr(adoptions, "public"):
        adoptions = adoptions.public().in_use()
    column = relation.field.attname
    rows = adoptions.filter(**{f"{column}__in": ids}).values_list(column, "council__gss_code", "council__official_name")
    return {pk: [NamedCouncil(*values) for values in found] for pk, found in grouped(rows).items()}


def m2m_rows(relation, ids, *fields):
    """``{id: [values]}`` of a many-to-many relation, ordered as the related model is."""
    through = relation.through
    source = relation.field.m2m_field_name()
    target = relation.field.m2m_reverse_field_name()
    ordering = [f"{target}__{name}" for name in relation.field.related_model._meta.ordering] + [f"{target}_id"]
    rows = (
        through.objects.filter(**{f"{source}_id__in": ids})
        .order_by(*ordering)
        .values_list(f"{source}_id", *(f"{target}__{name}" for name in fields))
    )
    return grouped(rows)


def page_rows_entries(model, ids, visibility, urls):
    """The entries of the ``model`` pages among ``ids`` that are live and public."""
    from pattern_pages.models import Council, DesignSystemComponent, PatternType

    is_pattern = model is ServicePatternPage
    streams = PATTERN_STREAMS if is_pattern else PROCESS_STREAMS
    columns = ["pk", "title", "slug", "url_path", "path", "locale__language_code", "summary", "owner_council_id"]
    columns += ["pattern_type_id", "maturity"] if is_pattern else ["trigger", "outcome"]
    raw = raw_streams(streams)
    rows = [
        (*row[: len(columns)], *decoded_streams(row[len(columns) :]))
        for row in model.objects.filter(pk__in=ids, live=True).annotate(**raw).values_list(*columns, *raw)
        if visibility.shows_path(row[4])
    ]
    if not rows:
        return
    found = [row[0] for row in rows]
    stream_blocks = [model._meta.get_field(name).stream_block for name in streams]
    # Walked once: an image's alt text waits, as a placeholder, for the one query that says which exist.
    deferred = raw_content.DeferredImages()
    walked = [
        [
            part
            for block, value in zip(stream_blocks, row[len(columns) :], strict=True)
            for part in raw_content.searchable_parts(block, value or [], deferred)
        ]
        for row in rows
    ]
    images = raw_content.existing_images_by_id(deferred.ids)
    services = m2m_rows(model.services, found, "name", "lgsl_code", "pk")  # {page: [[name, code, pk]]}
    owners = {row[7] for row in rows if row[7]}
    owner_councils = {
        pk: NamedCouncil(gss, name)
        for pk, gss, name in Council.objects.filter(pk__in=owners).values_list("pk", "gss_code", "official_name")
    }
    adopted = adoption_councils(model, found)
    if is_pattern:
        life_events = m2m_rows(model.life_events, found, "pk", "slug", "name")
        pattern_types = {
            pk: Named(pk, slug, name) for pk, slug, name in PatternType.objects.values_list("pk", "slug", "name")
        }
        named = {row[0]: raw_content.component_ids_in(row[len(columns) + streams.index("steps")]) for row in rows}
        wanted = set().union(*named.values())
        components = (
            [
                Named(*values)
                for values in DesignSystemComponent.objects.filter(pk__in=wanted)
                .order_by("name")
                .values_list("pk", "slug", "name")
            ]
            if wanted
            else []
        )
    else:
        service_ids = {values[2] for found_services in services.values() for values in found_services}
        service_events = m2m_rows(Service.life_events, list(service_ids), "pk", "slug", "name")
    for row, parts in zip(rows, walked, strict=True):
        pk, title, slug, url_path, _path, locale, summary, owner, extra_a, extra_b = row[: len(columns)]
        page_services = services.get(pk, [])
        councils = {}
        if owner:
            councils[owner_councils[owner].gss_code] = owner_councils[owner]
        for council in adopted.get(pk, []):
            councils[council.gss_code] = council
        body = join_passages(passage_text(str(text)) for text in deferred.resolve(parts, images))
        if is_pattern:
            events = [Named(*values) for values in life_events.get(pk, [])]
            ids_named = named[pk]
            page_components = [c for c in components if c.pk in ids_named]
            pattern_type = pattern_types.get(extra_a)
            maturity = extra_b
        else:
            events = list(
                {
                    values[0]: Named(*values)
                    for service in page_services
                    for values in service_events.get(service[2], [])
                }.values()
            )
            body = join_passages([extra_a, extra_b, body])
            page_components, pattern_type, maturity = [], None, ""
        yield assemble_entry(
            PageFacts(
                pk=pk,
                is_pattern=is_pattern,
                locale=locale,
                title=title,
                slug=slug,
                url=urls.url(pk, url_path),
                summary=summary,
                services=[NamedService(name, code) for name, code, _ in page_services],
                councils=list(councils.values()),
                life_events=events,
                body=body,
                pattern_type=pattern_type,
                maturity=maturity,
                components=page_components,
            )
        )


def entry_units(keys):
    """:func:`build_entries`' work as independent units, in its order: ``("page", model, ids)`` for each
    ``BUILD_BATCH`` page ids and each page model, then ``("service", None, ids)``. Each unit's entries come
    out of :func:`unit_entries` in the same order whichever process builds it, so a rebuild can build the
    units in several processes and write them in this order."""
    page_ids = [pk for kind, pk in map(parse_key, keys) if kind == "page"]
    service_ids = [pk for kind, pk in map(parse_key, keys) if kind == "service"]
    units = []
    for start in range(0, len(page_ids), BUILD_BATCH):
        chunk = page_ids[start : start + BUILD_BATCH]
        units += [("page", model, chunk) for model in (ServicePatternPage, ProcessPage)]
    for start in range(0, len(service_ids), BUILD_BATCH):
        units.append(("service", None, service_ids[start : start + BUILD_BATCH]))
    return units


def unit_entries(unit, visibility, urls):
    """The entries of one of :func:`entry_units`' units (those that belong in the index)."""
    kind, model, ids = unit
    if kind == "page":
        yield from page_rows_entries(model, ids, visibility, urls)
        return
    services = Service.objects.select_related("locale", "function").prefetch_related("life_events")
    for service in services.filter(pk__in=ids):
        yield service_entry(service)


def build_entries(keys):
    """The entries for ``keys`` (those that belong in the index), ``BUILD_BATCH`` pages a few queries."""
    visibility = Visibility()
    urls = PageUrls()
    for unit in entry_units(keys):
        yield from unit_entries(unit, visibility, urls)


class LibraryEntries:
    """The entries for ``keys``, built as they are iterated (:func:`build_entries`). An engine that can
    build them faster in several processes reads :attr:`keys` and :func:`entry_units` instead
    (:func:`search.engines.database.write_in_workers`)."""

    def __init__(self, keys):
        self.keys = keys

    def __iter__(self):
        return build_entries(self.keys)
