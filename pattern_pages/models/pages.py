"""The page tree: home → pattern index → service patterns, home → process index → processes,
and plain content pages for guidance."""

import functools

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import connection, models, transaction
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from library import kept
from library.fixed import FixedQuery

from .. import blocks
from ..forms import RevisionCheckedPageForm
from ..i18n import route_with_english_fallback, unrestricted
from ..permissions import PublishersDelete
from ..screens.blocks import unknown_components
from ..screens.pages import ScreensMixin
from ..validation import as_stream_error, process_step_errors, stream_field_errors
from ..widgets import MultipleSnippetChooser

SEMVER = RegexValidator(
    r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$",
    _("Use a semantic version: three numbers separated by dots, e.g. 1.2.0."),
)


class Maturity(models.TextChoices):
    EXPERIMENTAL = "experimental", _("Experimental")
    BETA = "beta", _("Beta")
    STABLE = "stable", _("Stable")
    DEPRECATED = "deprecated", _("Deprecated")


def version_field():
    """A pattern's or process's semantic version, as editors raise it."""
    return models.CharField(
        max_length=20,
        default="0.1.0",
        validators=[SEMVER],
        help_text=_("Semantic version, e.g. 1.2.0. Raise the first number for a change that breaks existing services."),
    )


def prose_field(**kwargs):
    return StreamField(blocks.ProseBlock(), blank=True, **kwargs)


class KeptByDependency:
    """A page whose rendering names everything it shows (``library.kept``): its translations (``tk:``), the
    adoptions and assessments that name it (``named:``), the rows it loads, and the lists it shows, declared
    where they are read. It is kept until one of those changes, not until any change in the library.

    Its HTML is also kept once per published revision, language and address (``{% kept_body %}`` in
    ``base.html``), with the adoptions and assessments (``{% per_request %}``) put in for each request."""

    kept_body = True

    def get_context(self, request, *args, **kwargs):
        kept.complete()
        kept.depends_on(f"tk:{self.translation_key}", f"named:{self.translation_key}")
        return super().get_context(request, *args, **kwargs)


def chosen_snippets(page, name):
    """``page.<name>.all()`` for a many-to-many field of chosen snippets (services, life events), by a statement
    built once per process for the saved page; a page being previewed (its choices held in memory) or not yet
    saved takes the field's own manager."""
    if not page.pk or name in getattr(page, "_cluster_related_objects", {}):
        return getattr(page, name).all()
    return _chosen_snippets(type(page), name).run(page.pk)


@functools.cache  # by page model and field (library.fixed)
def _chosen_snippets(model, name):
    field = model._meta.get_field(name)
    lookup = field.related_query_name()
    return FixedQuery(lambda pk: field.related_model._default_manager.filter(**{lookup: pk}))


class ChosenSnippets:
    """The page's services and life events for its template (``chosen_snippets``)."""

    def chosen_services(self):
        return chosen_snippets(self, "services")

    def chosen_life_events(self):
        return chosen_snippets(self, "life_events")


class ViewRestrictionsKnown:
    """Wagtail checks a page's view restrictions before serving it: two queries (the page's ancestors, then their
    restrictions). When the page cache has read, for the library version the request is served under, that no
    page has any (``pattern_pages.i18n.unrestricted``), there are none to find."""

    def get_view_restrictions(self):
        if unrestricted():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class AtomicPublishing:
    """Publish and unpublish in one transaction: the page's new state, its audit entry, and what the
    ``page_published`` / ``page_unpublished`` handlers write (change-feed event, webhook outbox, pending
    search update) commit together or not at all.

    Wagtail 8 saves the page in autocommit and then runs the signal handlers and writes the log, so a
    database lost in between left a live page that no supplier, webhook or search index heard of (found by
    ``tests/reliability/test_postgres_restart.py``).
    """

    def publish(self, revision, *args, **kwargs):
        with transaction.atomic():
            return super().publish(revision, *args, **kwargs)

    def unpublish(self, *args, **kwargs):
        with transaction.atomic():
            return super().unpublish(*args, **kwargs)


class HomePage(PublishersDelete, AtomicPublishing, Page):
    base_form_class = RevisionCheckedPageForm

    introduction = RichTextField(blank=True, features=blocks.RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    api_fields = [APIField("introduction")]

    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["pattern_pages.PatternIndexPage", "pattern_pages.ProcessIndexPage", "pattern_pages.ContentPage"]

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        # A page with no live Welsh copy is served in English under /cy/ (with a notice), never a 404.
        return route_with_english_fallback(self, request, path_components, self.route_by_url_path)

    def route_by_url_path(self, request, path_components):
        """Wagtail's routing, which reads each page down the path (and its specific row) in turn, found in two
        queries when the whole path is a page's address: the page by its ``url_path`` below this home, then its
        specific row. Pages between here and there route nothing of their own (only this home page overrides
        ``route``), so the result is the same; any other path (a page's own sub-route, a missing page) takes
        Wagtail's way."""
        if path_components:
            url_path = self.url_path + "/".join(path_components) + "/"
            found = page_at(url_path, self)
            if found is not None:
                # The page's own type at once (its id and type only, then its specific row: what ``.specific``
                # reads, without building the generic page first).
                model = ContentType.objects.get_for_id(found[1]).model_class() or Page
                page = next(iter(routed_row(model).run(found[0])), None)
                if page is not None:
                    return page.route(request, [])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["patterns"] = (
            ServicePatternPage.objects.live()
            .public()
            .filter(locale=self.locale)
            .select_related("pattern_type")
            .order_by("title")
        )
        context["processes"] = ProcessPage.objects.live().public().filter(locale=self.locale).order_by("title")
        return context


def page_at(url_path, home):
    """``(id, content type id)`` of the page at ``url_path`` below ``home``, or None: what
    ``Page.objects.filter(url_path=…, path__startswith=home.path, depth__gt=home.depth).order_by("path")
    .values_list("pk", "content_type_id").first()`` reads, as one fixed statement (a tree path holds only digits
    and capital letters, so it needs no escaping in ``LIKE``)."""
    table = connection.ops.quote_name(Page._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, content_type_id FROM {table} WHERE url_path = %s AND path LIKE %s AND depth > %s"  # noqa: S608
            " ORDER BY path LIMIT 1",
            [url_path, f"{home.path}%", home.depth],
        )
        return cursor.fetchone()


@functools.cache  # by model: the same statement for every page of a type (library.fixed)
def routed_row(model):
    """The statement that reads a page of ``model`` by id when it is routed, with the rows its template shows
    (``route_select_related``): ``.run(pk)`` gives ``[page]`` or ``[]``."""
    related = getattr(model, "route_select_related", ())

    def build(pk):
        rows = model._base_manager.filter(pk=pk).select_related(*related)
        return (rows if rows.ordered else rows.order_by("pk"))[:1]  # what .first() reads

    return FixedQuery(build)


class IndexPage(PublishersDelete, AtomicPublishing, Page):
    """An index of the pages below it."""

    base_form_class = RevisionCheckedPageForm

    introduction = RichTextField(blank=True, features=blocks.RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    api_fields = [APIField("introduction")]

    parent_page_types = ["pattern_pages.HomePage"]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.get_children().live().public().specific().order_by("title")
        return context


class PatternIndexPage(IndexPage):
    max_count_per_parent = 1
    subpage_types = ["pattern_pages.ServicePatternPage"]

    class Meta:
        verbose_name = _("pattern index page")


class ProcessIndexPage(IndexPage):
    max_count_per_parent = 1
    subpage_types = ["pattern_pages.ProcessPage"]

    class Meta:
        verbose_name = _("process index page")


class ContentPage(PublishersDelete, AtomicPublishing, Page):
    """Guidance: about the library, how to contribute, the service standard."""

    base_form_class = RevisionCheckedPageForm

    summary = models.TextField(blank=True, max_length=500)
    body = prose_field()

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    api_fields = [APIField("summary"), APIField("body")]

    parent_page_types = ["pattern_pages.HomePage", "pattern_pages.ContentPage"]
    subpage_types = ["pattern_pages.ContentPage"]

    class Meta:
        verbose_name = _("content page")


class ServicePatternPage(
    ChosenSnippets,
    KeptByDependency,
    ViewRestrictionsKnown,
    ScreensMixin,
    RoutablePageMixin,
    PublishersDelete,
    AtomicPublishing,
    Page,
):
    """A reusable, user-facing design for a kind of service, in the GOV.UK Design System's pattern anatomy."""

    base_form_class = RevisionCheckedPageForm

    summary = models.TextField(max_length=500, help_text=_("One or two sentences: what the pattern is for."))
    pattern_type = models.ForeignKey(
        "pattern_pages.PatternType", null=True, blank=False, on_delete=models.PROTECT, related_name="patterns"
    )
    services = ParentalManyToManyField("pattern_pages.Service", blank=True, related_name="patterns")
    life_events = ParentalManyToManyField("pattern_pages.LifeEvent", blank=True, related_name="patterns")
    maturity = models.CharField(max_length=20, choices=Maturity.choices, default=Maturity.EXPERIMENTAL)
    version = version_field()
    review_by = models.DateField(null=True, blank=True, help_text=_("When this pattern should next be reviewed."))
    owner_council = models.ForeignKey(
        "pattern_pages.Council", null=True, blank=True, on_delete=models.SET_NULL, related_name="owned_patterns"
    )
    when_to_use = prose_field()
    when_not_to_use = prose_field()
    how_it_works = prose_field()
    user_needs = StreamField([("user_need", blocks.UserNeedBlock())], blank=True)
    steps = StreamField([("step", blocks.PatternStepBlock())], blank=True)
    variants = StreamField([("variant", blocks.VariantBlock())], blank=True)
    accessibility = prose_field()
    research = StreamField([("research", blocks.ResearchBlock())], blank=True)
    related = StreamField(blocks.RelatedBlock(), blank=True, verbose_name=_("related patterns and processes"))
    standards = StreamField(
        blocks.StandardPointsBlock(), blank=True, verbose_name=_("service standard points it helps meet")
    )
    # The HTML of each screen, rendered with GOV.UK Frontend's macros when the page is cleaned, keyed by a
    # hash of the screen's parameters (``pattern_pages.screens.render``); saved in every revision.
    rendered_screens = models.JSONField(default=dict, blank=True, editable=False)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("pattern_type"),
                FieldPanel("services", widget=MultipleSnippetChooser("pattern_pages.Service")),
                FieldPanel("life_events", widget=MultipleSnippetChooser("pattern_pages.LifeEvent")),
                FieldRowPanel([FieldPanel("maturity"), FieldPanel("version"), FieldPanel("review_by")]),
                FieldPanel("owner_council"),
            ],
            heading=_("About this pattern"),
        ),
        FieldPanel("when_to_use"),
        FieldPanel("when_not_to_use"),
        FieldPanel("how_it_works"),
        FieldPanel("user_needs"),
        FieldPanel("steps"),
        FieldPanel("variants"),
        FieldPanel("accessibility"),
        FieldPanel("research"),
        FieldPanel("related"),
        FieldPanel("standards"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("when_to_use"),
        index.SearchField("how_it_works"),
        index.SearchField("steps"),
        index.SearchField("user_needs"),
        index.RelatedFields("pattern_type", [index.SearchField("name"), index.FilterField("slug")]),
        index.RelatedFields("services", [index.SearchField("name", boost=2), index.SearchField("lgsl_code")]),
        index.RelatedFields("life_events", [index.SearchField("name")]),
        index.FilterField("maturity"),
        index.FilterField("pattern_type"),
        index.FilterField("locale"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("pattern_type"),
        APIField("services"),
        APIField("life_events"),
        APIField("maturity"),
        APIField("version"),
        APIField("review_by"),
        APIField("owner_council"),
        APIField("when_to_use"),
        APIField("when_not_to_use"),
        APIField("how_it_works"),
        APIField("user_needs"),
        APIField("steps"),
        APIField("variants"),
        APIField("accessibility"),
        APIField("research"),
        APIField("related"),
        APIField("standards"),
    ]

    parent_page_types = ["pattern_pages.PatternIndexPage"]
    subpage_types = []
    # Read with the page when it is served (its summary shows them; HomePage.route_by_url_path).
    route_select_related = ("pattern_type", "owner_council")

    class Meta:
        verbose_name = _("service pattern")

    def clean(self):
        super().clean()
        unknown = unknown_components(list(self.steps.raw_data))
        if unknown:
            raise ValidationError({"steps": unknown})
        errors = stream_field_errors(self)
        if errors:
            raise ValidationError(errors)
        self.prepare_screens()

    def component_ids(self):
        """The ids of the Design System components named by the pattern's steps."""
        return {
            component.pk
            for step in self.steps
            for component in step.value.get("components") or []
            if component is not None
        }


class ProcessPage(ChosenSnippets, KeptByDependency, ViewRestrictionsKnown, PublishersDelete, AtomicPublishing, Page):
    """How a service is delivered behind the scenes: roles, systems, steps, legislation and data."""

    base_form_class = RevisionCheckedPageForm

    summary = models.TextField(max_length=500, help_text=_("One or two sentences: what the process delivers."))
    services = ParentalManyToManyField("pattern_pages.Service", blank=True, related_name="processes")
    owner_council = models.ForeignKey(
        "pattern_pages.Council", null=True, blank=True, on_delete=models.SET_NULL, related_name="owned_processes"
    )
    maturity = models.CharField(max_length=20, choices=Maturity.choices, default=Maturity.EXPERIMENTAL)
    version = version_field()
    review_by = models.DateField(null=True, blank=True, help_text=_("When this process should next be reviewed."))
    trigger = models.TextField(help_text=_("What starts the process, e.g. 'A parent submits an application'."))
    outcome = models.TextField(help_text=_("What the process produces, e.g. 'The child is offered a school place'."))
    roles = StreamField([("role", blocks.RoleBlock())], blank=True, verbose_name=_("roles (swimlanes)"))
    systems = StreamField([("system", blocks.SystemBlock())], blank=True, verbose_name=_("systems used"))
    steps = StreamField([("step", blocks.ProcessStepBlock())], blank=True)
    legislation = StreamField([("legislation", blocks.LegislationBlock())], blank=True)
    data_held = StreamField([("data_item", blocks.DataItemBlock())], blank=True)
    performance_measures = StreamField([("measure", blocks.PerformanceMeasureBlock())], blank=True)
    research = StreamField([("research", blocks.ResearchBlock())], blank=True, verbose_name=_("research and evidence"))
    supported_patterns = StreamField(
        [("pattern", blocks.PageChooserBlock(page_type="pattern_pages.ServicePatternPage"))],
        blank=True,
        verbose_name=_("patterns it supports"),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("services", widget=MultipleSnippetChooser("pattern_pages.Service")),
                FieldPanel("owner_council"),
                FieldRowPanel([FieldPanel("maturity"), FieldPanel("version"), FieldPanel("review_by")]),
            ],
            heading=_("About this process"),
        ),
        FieldPanel("trigger"),
        FieldPanel("outcome"),
        FieldPanel("roles"),
        FieldPanel("systems"),
        FieldPanel("steps"),
        FieldPanel("legislation"),
        FieldPanel("data_held"),
        FieldPanel("performance_measures"),
        FieldPanel("research"),
        FieldPanel("supported_patterns"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("trigger"),
        index.SearchField("outcome"),
        index.SearchField("steps"),
        index.SearchField("legislation"),
        index.RelatedFields("services", [index.SearchField("name", boost=2), index.SearchField("lgsl_code")]),
        index.FilterField("maturity"),
        index.FilterField("locale"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("services"),
        APIField("owner_council"),
        APIField("maturity"),
        APIField("version"),
        APIField("review_by"),
        APIField("trigger"),
        APIField("outcome"),
        APIField("roles"),
        APIField("systems"),
        APIField("steps"),
        APIField("legislation"),
        APIField("data_held"),
        APIField("performance_measures"),
        APIField("research"),
        APIField("supported_patterns"),
    ]

    parent_page_types = ["pattern_pages.ProcessIndexPage"]
    subpage_types = []
    route_select_related = ("owner_council",)

    class Meta:
        verbose_name = _("process")

    def step_refs(self):
        return [str(step.value.get("ref")) for step in self.steps]

    def clean(self):
        super().clean()
        errors = stream_field_errors(self)
        if "steps" not in errors:
            step_errors = process_step_errors(self.roles, self.systems, self.steps, self.legislation)
            if step_errors:
                errors["steps"] = as_stream_error(step_errors)
        if errors:
            raise ValidationError(errors)
