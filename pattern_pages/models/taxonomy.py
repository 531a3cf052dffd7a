"""The library's taxonomies: translatable snippets, each with a stable natural key.

A natural key is unique within a locale (the Welsh copy of LGSL 524 has the same code as the English).
"""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import TranslatableMixin
from wagtail.search import index

from ..widgets import MultipleSnippetChooser

# Every chooser of a translatable snippet filters by locale before it searches: the filter must be indexed.
LOCALE_FILTER = index.FilterField("locale")


def locale_unique(model_name, field):
    return models.UniqueConstraint(fields=[field, "locale"], name=f"unique_{model_name}_{field}_per_locale")


class Function(TranslatableMixin, index.Indexed, models.Model):
    """A Local Government Function List (LGFL) entry: a theme, or a function within a theme."""

    lgfl_code = models.PositiveIntegerField(_("LGFL code"), help_text=_("The LGFL identifier, e.g. 1"))
    name = models.CharField(max_length=255)
    description = models.TextField(blank=True)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("The theme this function belongs to; empty for a theme."),
    )

    panels = [FieldPanel("lgfl_code"), FieldPanel("name"), FieldPanel("description"), FieldPanel("parent")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("lgfl_code"),
        LOCALE_FILTER,
    ]
    api_fields = [APIField("lgfl_code"), APIField("name"), APIField("description"), APIField("parent")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        constraints = [locale_unique("function", "lgfl_code")]

    def __str__(self):
        return self.name

    @property
    def is_theme(self):
        return self.parent_id is None


class LifeEvent(TranslatableMixin, index.Indexed, models.Model):
    """Something that happens to a person and leads them to several services, e.g. having a baby."""

    slug = models.SlugField(max_length=100)
    name = models.CharField(max_length=255)
    description = models.TextField(blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [
        index.SearchField("name", boost=2),
        index.SearchField("description"),
        index.AutocompleteField("name"),
        LOCALE_FILTER,
    ]
    api_fields = [APIField("slug"), APIField("name"), APIField("description")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        constraints = [locale_unique("lifeevent", "slug")]

    def __str__(self):
        return self.name


class PatternType(TranslatableMixin, index.Indexed, models.Model):
    """The verb a pattern serves: apply, book, check, pay, register, request or tell."""

    slug = models.SlugField(max_length=50)
    name = models.CharField(max_length=100)
    description = models.TextField(blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name", boost=2), index.AutocompleteField("name"), LOCALE_FILTER]
    api_fields = [APIField("slug"), APIField("name"), APIField("description")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        constraints = [locale_unique("patterntype", "slug")]

    def __str__(self):
        return self.name


class ProvidingTier(models.TextChoices):
    COUNTY_UNITARY = "county/unitary", _("County and unitary councils")
    DISTRICT_UNITARY = "district/unitary", _("District and unitary councils")
    ALL = "all", _("All councils")


class Service(TranslatableMixin, index.Indexed, models.Model):
    """Something a council does for residents or businesses, identified by its LGSL code."""

    lgsl_code = models.PositiveIntegerField(
        _("LGSL code"), help_text=_("The Local Government Service List code, e.g. 524")
    )
    name = models.CharField(max_length=255)
    description = models.TextField(blank=True)
    providing_tier = models.CharField(max_length=20, choices=ProvidingTier.choices, blank=True)
    function = models.ForeignKey(Function, null=True, blank=True, on_delete=models.SET_NULL, related_name="services")
    life_events = models.ManyToManyField(LifeEvent, blank=True, related_name="services")

    panels = [
        FieldPanel("lgsl_code"),
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("providing_tier"),
        FieldPanel("function"),
        FieldPanel("life_events", widget=MultipleSnippetChooser("pattern_pages.LifeEvent")),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.SearchField("description"),
        index.SearchField("lgsl_code", boost=2),
        index.AutocompleteField("name"),
        # Editors find a service in its chooser by its code as well as its name.
        index.AutocompleteField("lgsl_code"),
        index.FilterField("lgsl_code"),
        index.FilterField("providing_tier"),
        LOCALE_FILTER,
    ]
    api_fields = [
        APIField("lgsl_code"),
        APIField("name"),
        APIField("description"),
        APIField("providing_tier"),
        APIField("function"),
        APIField("life_events"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        constraints = [locale_unique("service", "lgsl_code")]

    def __str__(self):
        return f"{self.name} (LGSL {self.lgsl_code})"

    @property
    def slug(self):
        return slugify(self.name)[:80] or str(self.lgsl_code)


class CouncilType(models.TextChoices):
    COUNTY = "county", _("County council")
    DISTRICT = "district", _("District council")
    UNITARY = "unitary", _("Unitary authority")
    METROPOLITAN_DISTRICT = "metropolitan-district", _("Metropolitan district")
    LONDON_BOROUGH = "london-borough", _("London borough")
    WELSH_PRINCIPAL_AREA = "welsh-principal-area", _("Welsh principal area")
    SCOTTISH_COUNCIL = "scottish-council", _("Scottish council")
    NORTHERN_IRISH_DISTRICT = "ni-district", _("Northern Irish district")
    COMBINED_AUTHORITY = "combined-authority", _("Combined authority")
    OTHER = "other", _("Other")


class Nation(models.TextChoices):
    ENGLAND = "england", _("England")
    WALES = "wales", _("Wales")
    SCOTLAND = "scotland", _("Scotland")
    NORTHERN_IRELAND = "northern-ireland", _("Northern Ireland")


class Council(TranslatableMixin, index.Indexed, models.Model):
    """A UK local authority, identified by its GSS code (e.g. E10000012 for Essex)."""

    gss_code = models.CharField(_("GSS code"), max_length=9, help_text=_("The ONS GSS code, e.g. E10000012"))
    local_authority_code = models.CharField(
        _("register code"), max_length=4, blank=True, help_text=_("The 3-letter register code, e.g. ESS")
    )
    official_name = models.CharField(max_length=255, help_text=_("e.g. 'Essex County Council'"))
    name = models.CharField(_("short name"), max_length=255, help_text=_("e.g. 'Essex'"))
    council_type = models.CharField(max_length=30, choices=CouncilType.choices)
    nation = models.CharField(max_length=20, choices=Nation.choices)
    region = models.CharField(max_length=100, blank=True)
    parent_county = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="districts"
    )
    website = models.URLField(blank=True)
    is_current = models.BooleanField(default=True, help_text=_("False for a council that has been abolished."))

    panels = [
        FieldPanel("official_name"),
        FieldPanel("name"),
        FieldPanel("gss_code"),
        FieldPanel("local_authority_code"),
        FieldPanel("council_type"),
        FieldPanel("nation"),
        FieldPanel("region"),
        FieldPanel("parent_county"),
        FieldPanel("website"),
        FieldPanel("is_current"),
    ]
    search_fields = [
        index.SearchField("official_name", boost=2),
        index.SearchField("name", boost=2),
        index.SearchField("gss_code"),
        index.AutocompleteField("name"),
        index.FilterField("council_type"),
        index.FilterField("nation"),
        index.FilterField("is_current"),
        LOCALE_FILTER,
    ]
    api_fields = [
        APIField("gss_code"),
        APIField("local_authority_code"),
        APIField("official_name"),
        APIField("name"),
        APIField("council_type"),
        APIField("nation"),
        APIField("region"),
        APIField("parent_county"),
        APIField("website"),
        APIField("is_current"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        constraints = [locale_unique("council", "gss_code")]

    def __str__(self):
        return self.official_name

    @property
    def website_domain(self):
        from urllib.parse import urlsplit

        host = urlsplit(self.website).hostname or ""
        return host.removeprefix("www.")


class ComponentKind(models.TextChoices):
    COMPONENT = "component", _("Component")
    PATTERN = "pattern", _("Pattern")


class ComponentStatus(models.TextChoices):
    CURRENT = "current", _("Current")
    ARCHIVED = "archived", _("Archived")


class DesignSystemComponent(TranslatableMixin, index.Indexed, models.Model):
    """A GOV.UK Design System component or pattern, e.g. 'Date input' or 'Check answers'."""

    slug = models.SlugField(max_length=100)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=ComponentKind.choices)
    description = models.TextField(blank=True)
    theme = models.CharField(max_length=100, blank=True, help_text=_("For patterns, e.g. 'Ask users for…'"))
    url = models.URLField(help_text=_("e.g. https://design-system.service.gov.uk/components/date-input/"))
    status = models.CharField(max_length=20, choices=ComponentStatus.choices, default=ComponentStatus.CURRENT)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("theme"),
        FieldPanel("url"),
        FieldPanel("status"),
    ]
    search_fields = [
        index.SearchField("name", boost=2),
        index.SearchField("description"),
        index.AutocompleteField("name"),
        LOCALE_FILTER,
    ]
    api_fields = [
        APIField("slug"),
        APIField("name"),
        APIField("kind"),
        APIField("description"),
        APIField("theme"),
        APIField("url"),
        APIField("status"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("Design System component")
        constraints = [locale_unique("designsystemcomponent", "slug")]

    def __str__(self):
        return f"{self.name} ({self.get_kind_display().lower()})"
