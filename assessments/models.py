"""Service standards as data, and structured assessments of services against them.

A standard (e.g. the GOV.UK Service Standard) has numbered points. An assessment records, for one
council's service, which points were met, and is public only once published through the workflow.
"""

from django import forms
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index

from .forms import AssessmentForm


class ServiceStandard(TranslatableMixin, index.Indexed, models.Model):
    """A published service standard, e.g. the Local Government Digital Service Standard."""

    slug = models.SlugField(max_length=100, help_text=_("e.g. 'govuk-service-standard'"))
    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=50, blank=True, help_text=_("e.g. 'LGDSS'"))
    description = models.TextField(blank=True)
    url = models.URLField(help_text=_("Where the standard is published."))

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("url"),
    ]
    search_fields = [index.SearchField("name", boost=2), index.AutocompleteField("name"), index.FilterField("locale")]
    api_fields = [APIField("slug"), APIField("name"), APIField("short_name"), APIField("description"), APIField("url")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_standard_slug_per_locale")]

    def __str__(self):
        return self.name


class StandardPoint(TranslatableMixin, index.Indexed, models.Model):
    """One numbered point of a standard, e.g. GOV.UK Service Standard point 5."""

    standard = models.ForeignKey(ServiceStandard, on_delete=models.CASCADE, related_name="points")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200, help_text=_("e.g. 'Make sure everyone can use the service'"))
    summary = models.CharField(max_length=300, help_text=_("One line in plain English: what meeting the point means."))
    url = models.URLField(blank=True, help_text=_("The point's own page, where there is one."))

    panels = [
        FieldPanel("standard"),
        FieldPanel("number"),
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldPanel("url"),
    ]
    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("summary"),
        index.AutocompleteField("title"),
        index.FilterField("locale"),
    ]
    api_fields = [APIField("standard"), APIField("number"), APIField("title"), APIField("summary"), APIField("url")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["standard__name", "number"]
        constraints = [
            models.UniqueConstraint(fields=["standard", "number", "locale"], name="unique_point_number_per_standard")
        ]

    def __str__(self):
        short = self.standard.short_name or self.standard.name
        return f"{short} {self.number}: {self.title}"

    @property
    def link(self):
        return self.url or self.standard.url


class Phase(models.TextChoices):
    DISCOVERY = "discovery", _("Discovery")
    ALPHA = "alpha", _("Alpha")
    BETA = "beta", _("Beta")
    LIVE = "live", _("Live")


class Result(models.TextChoices):
    MET = "met", _("Met")
    NOT_MET = "not-met", _("Not met")


class Assessment(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, ClusterableModel):
    """A council's assessment of one of its services against a standard.

    Private while drafted; public once published (``live``) through the workflow.
    """

    council = models.ForeignKey("pattern_pages.Council", on_delete=models.PROTECT, related_name="assessments")
    service = models.ForeignKey("pattern_pages.Service", on_delete=models.PROTECT, related_name="assessments")
    pattern = models.ForeignKey(
        "pattern_pages.ServicePatternPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assessments",
        help_text=_("The service pattern the assessed service is built on."),
    )
    adoption = models.ForeignKey(
        "contributions.Adoption",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assessments",
        help_text=_("The council's adoption of the pattern, if it is in the adoption register."),
    )
    standard = models.ForeignKey(ServiceStandard, on_delete=models.PROTECT, related_name="assessments")
    phase = models.CharField(max_length=20, choices=Phase.choices)
    date = models.DateField(help_text=_("The day of the assessment."))
    panel_roles = models.CharField(
        max_length=300,
        blank=True,
        help_text=_("The panel's roles, no names needed, e.g. 'Lead assessor, user researcher, technologist'."),
    )
    result = models.CharField(_("overall result"), max_length=20, choices=Result.choices)
    report_url = models.URLField(_("public report"), blank=True)
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="assessment")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="assessment",
        for_concrete_model=False,
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("council"),
                FieldPanel("service"),
                FieldPanel("pattern"),
                FieldPanel("adoption"),
                # A handful of standards and their points: a select reads faster than a chooser modal.
                FieldPanel("standard", widget=forms.Select),
                FieldRowPanel([FieldPanel("phase"), FieldPanel("date")]),
                FieldPanel("panel_roles"),
            ],
            heading=_("What was assessed"),
        ),
        InlinePanel("outcomes", heading=_("Outcome per standard point"), label=_("Point")),
        FieldPanel("result"),
        FieldPanel("report_url"),
    ]
    api_fields = [
        APIField("council"),
        APIField("service"),
        APIField("pattern"),
        APIField("adoption"),
        APIField("standard"),
        APIField("phase"),
        APIField("date"),
        APIField("panel_roles"),
        APIField("result"),
        APIField("report_url"),
        APIField("outcomes"),
    ]

    base_form_class = AssessmentForm

    class Meta:
        ordering = ["-date", "pk"]

    def __str__(self):
        return _("%(service)s at %(council)s, %(phase)s assessment of %(date)s") % {
            "service": self.service.name if self.service_id else "?",
            "council": self.council.name if self.council_id else "?",
            "phase": self.get_phase_display().lower(),
            "date": self.date,
        }

    @property
    def revisions(self):
        return self._revisions

    def clean(self):
        """The assessment concerns a pattern, named directly or through the council's adoption of it."""
        super().clean()
        adoption = self.adoption if self.adoption_id else None
        if adoption is not None:
            if self.council_id and adoption.council_id != self.council_id:
                raise ValidationError(
                    {
                        "adoption": _("This adoption belongs to %(council)s, not to the assessed council.")
                        % {"council": adoption.council}
                    }
                )
            if adoption.pattern_id and self.pattern_id and adoption.pattern_id != self.pattern_id:
                raise ValidationError(
                    {
                        "pattern": _("The adoption is of '%(adopted)s', not of this pattern.")
                        % {"adopted": adoption.pattern.title}
                    }
                )
            if not self.pattern_id:
                self.pattern_id = adoption.pattern_id
        if not self.pattern_id:
            raise ValidationError(
                {"pattern": _("Choose the service pattern the service is built on, or its adoption.")}
            )


class AssessmentOutcome(Orderable):
    """Whether one standard point was met, and why."""

    assessment = ParentalKey(Assessment, on_delete=models.CASCADE, related_name="outcomes")
    point = models.ForeignKey(StandardPoint, on_delete=models.PROTECT, related_name="outcomes")
    result = models.CharField(max_length=20, choices=Result.choices)
    reason = models.CharField(max_length=500, help_text=_("A short reason the panel gave."))

    panels = [FieldPanel("point", widget=forms.Select), FieldPanel("result"), FieldPanel("reason")]
    api_fields = [APIField("point"), APIField("result"), APIField("reason")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["assessment", "point"], name="one_outcome_per_point_per_assessment")
        ]

    def __str__(self):
        return f"{self.point}: {self.get_result_display()}"
