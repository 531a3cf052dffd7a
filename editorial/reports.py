"""Admin reports: pages due for review, and the state of their Welsh translations."""

import datetime

import django_filters
from django.contrib.auth import get_user_model
from django.db.models import Case, CharField, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Locale, Page, PageLogEntry

from pattern_pages.models import Council, Maturity, ProcessPage, ServicePatternPage

from .review import SOON_DAYS

MATURITY_LABELS = dict(Maturity.choices)
KIND_CHOICES = [("pattern", _("Service pattern")), ("process", _("Process"))]


def kind_filter(queryset, kind):
    if kind == "pattern":
        return queryset.type(ServicePatternPage)
    if kind == "process":
        return queryset.type(ProcessPage)
    return queryset


def last_publisher_names(pages):
    """Attach ``last_published_by_user`` (a username, or '') to each page."""
    ids = {page.last_published_by for page in pages if page.last_published_by}
    names = {user.pk: user.get_username() for user in get_user_model().objects.filter(pk__in=ids)}
    for page in pages:
        page.last_published_by_user = names.get(page.last_published_by, "")
    return pages


LAST_PUBLISHER = Subquery(
    PageLogEntry.objects.filter(page=OuterRef("pk"), action="wagtail.publish").order_by("-timestamp").values("user")[:1]
)


# ----- due for review -------------------------------------------------------------------------


class DueForReviewFilterSet(WagtailFilterSet):
    due = django_filters.ChoiceFilter(
        label=_("Due"),
        choices=[
            ("overdue", _("Overdue")),
            (
                "soon",
                ngettext_lazy("Due within %(days)s day", "Due within %(days)s days", "days") % {"days": SOON_DAYS},
            ),
        ],
        method="filter_due",
        empty_label=_("Overdue or due soon"),
    )
    owner_council = django_filters.ModelChoiceFilter(
        label=_("Owner council"),
        queryset=Council.objects.filter(locale__language_code="en"),
        method="filter_owner_council",
    )
    kind = django_filters.ChoiceFilter(label=_("Type"), choices=KIND_CHOICES, method="filter_kind")

    class Meta:
        model = Page
        fields = []

    def filter_due(self, queryset, name, value):
        today = timezone.localdate()
        if value == "overdue":
            return queryset.filter(review_date__lt=today)
        if value == "soon":
            return queryset.filter(review_date__gte=today)
        return queryset

    def filter_owner_council(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(Q(servicepatternpage__owner_council=value) | Q(processpage__owner_council=value))

    def filter_kind(self, queryset, name, value):
        return kind_filter(queryset, value)


class DueForReviewView(PageReportView):
    """Live patterns and processes whose review-by date has passed or falls within the next 30 days."""

    page_title = _("Due for review")
    header_icon = "time"
    results_template_name = "editorial/reports/due_for_review_results.html"
    filterset_class = DueForReviewFilterSet
    index_url_name = "editorial_due_for_review"
    index_results_url_name = "editorial_due_for_review_results"
    any_permission_required = ["add", "change", "publish"]
    export_headings = {
        "title": _("Title"),
        "kind": _("Type"),
        "review_date": _("Review by"),
        "review_state": _("Review state"),
        "maturity_label": _("Maturity"),
        "version": _("Version"),
        "owner_council_name": _("Owner council"),
        "last_published_by_user": _("Last published by"),
        "url": _("Admin URL"),
    }
    list_export = [
        "title",
        "kind",
        "review_date",
        "review_state",
        "maturity_label",
        "version",
        "owner_council_name",
        "last_published_by_user",
    ]

    def get_queryset(self):
        horizon = timezone.localdate() + datetime.timedelta(days=SOON_DAYS)
        self.queryset = (
            Page.objects.live()
            .annotate(
                review_date=Coalesce("servicepatternpage__review_by", "processpage__review_by"),
                maturity=Coalesce("servicepatternpage__maturity", "processpage__maturity"),
                version=Coalesce("servicepatternpage__version", "processpage__version"),
                owner_council_name=Coalesce(
                    "servicepatternpage__owner_council__official_name",
                    "processpage__owner_council__official_name",
                ),
                last_published_by=LAST_PUBLISHER,
            )
            .filter(review_date__isnull=False, review_date__lte=horizon)
            .select_related("content_type", "locale")
            .order_by("review_date", "title")
        )
        return super().get_queryset()

    def decorate_paginated_queryset(self, object_list):
        today = timezone.localdate()
        pages = last_publisher_names(list(object_list))
        for page in pages:
            page.kind = page.content_type.model_class()._meta.verbose_name.capitalize()
            page.is_overdue = page.review_date < today
            page.review_state = _("Overdue") if page.is_overdue else _("Due soon")
            page.maturity_label = MATURITY_LABELS.get(page.maturity, page.maturity or "")
        return pages


# ----- translation status ---------------------------------------------------------------------

MISSING, OUT_OF_DATE, UP_TO_DATE = "missing", "out-of-date", "up-to-date"
TRANSLATION_STATES = [
    (MISSING, _("No Welsh translation")),
    (OUT_OF_DATE, _("Out of date")),
    (UP_TO_DATE, _("Up to date")),
]


def with_welsh_status(queryset):
    """Annotate English pages with their Welsh copy and ``welsh_status`` (missing, out-of-date, up-to-date).

    A Welsh page is out of date when it has not been published since the English page was last published
    (a synced draft waiting for review counts as out of date until it is published).
    """
    welsh = Page.objects.filter(translation_key=OuterRef("translation_key"), locale__language_code="cy")
    return queryset.annotate(
        welsh_id=Subquery(welsh.values("pk")[:1]),
        welsh_published_at=Subquery(welsh.values("last_published_at")[:1]),
        welsh_status=Case(
            When(welsh_id__isnull=True, then=Value(MISSING)),
            When(welsh_published_at__isnull=True, then=Value(OUT_OF_DATE)),
            When(
                last_published_at__isnull=False, welsh_published_at__lt=F("last_published_at"), then=Value(OUT_OF_DATE)
            ),
            default=Value(UP_TO_DATE),
            output_field=CharField(),
        ),
    )


class TranslationStatusFilterSet(WagtailFilterSet):
    welsh_status = django_filters.ChoiceFilter(label=_("Welsh translation"), choices=TRANSLATION_STATES)
    kind = django_filters.ChoiceFilter(label=_("Type"), choices=KIND_CHOICES, method="filter_kind")

    class Meta:
        model = Page
        fields = []

    def filter_kind(self, queryset, name, value):
        return kind_filter(queryset, value)


class TranslationStatusView(PageReportView):
    """Each English pattern and process, and whether its Welsh translation exists and is up to date."""

    page_title = _("Translation status")
    header_icon = "globe"
    results_template_name = "editorial/reports/translation_status_results.html"
    filterset_class = TranslationStatusFilterSet
    index_url_name = "editorial_translation_status"
    index_results_url_name = "editorial_translation_status_results"
    any_permission_required = ["add", "change", "publish"]
    export_headings = {"title": _("Title"), "kind": _("Type"), "welsh_status_label": _("Welsh translation")}
    list_export = ["title", "kind", "welsh_status_label"]

    def english_pages(self):
        return with_welsh_status(Page.objects.type(ServicePatternPage, ProcessPage).filter(locale=Locale.get_default()))

    def get_queryset(self):
        self.queryset = self.english_pages().select_related("content_type").order_by("title")
        return super().get_queryset()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = dict.fromkeys((state for state, _label in TRANSLATION_STATES), 0)
        for status in self.english_pages().values_list("welsh_status", flat=True):
            counts[status] += 1
        context["status_counts"] = [(label, counts[state]) for state, label in TRANSLATION_STATES]
        return context

    def decorate_paginated_queryset(self, object_list):
        labels = dict(TRANSLATION_STATES)
        pages = list(object_list)
        for page in pages:
            page.kind = page.content_type.model_class()._meta.verbose_name.capitalize()
            page.welsh_status_label = labels[page.welsh_status]
        return pages
