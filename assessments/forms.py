"""The assessment editing form: every outcome must be a point of the assessment's standard."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from wagtail.admin.forms import WagtailAdminModelForm


class AssessmentForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        outcomes = self.formsets.get("outcomes")
        if outcomes is not None:
            # Each point's label names its standard: one query for the select, not one per option.
            point = outcomes.form.base_fields["point"]
            point.queryset = point.queryset.select_related("standard")

    def clean(self):
        cleaned_data = super().clean()
        standard = cleaned_data.get("standard")
        outcomes = self.formsets.get("outcomes")
        if standard is None or outcomes is None:
            return cleaned_data
        outcomes.is_valid()  # validates each outcome form, so that their cleaned_data can be read
        # A point recorded twice is refused by the formset's own unique check (assessment, point).
        for form in outcomes.forms:
            data = getattr(form, "cleaned_data", {})
            point = data.get("point")
            if point is None or data.get("DELETE"):
                continue
            if point.standard_id != standard.pk:
                form.add_error(
                    "point", _("Point %(point)s is not part of %(standard)s.") % {"point": point, "standard": standard}
                )
        return cleaned_data


class PrepareForAssessmentForm(forms.Form):
    """Choose a pattern, a service and a standard to get the checklist for an assessment."""

    pattern = forms.ModelChoiceField(queryset=None, label=_lazy("Service pattern"), to_field_name="slug")
    service = forms.ModelChoiceField(queryset=None, label=_lazy("Service"), to_field_name="lgsl_code")
    standard = forms.ModelChoiceField(queryset=None, label=_lazy("Service standard"), to_field_name="slug")

    def __init__(self, *args, locale, **kwargs):
        from pattern_pages.models import Service, ServicePatternPage

        from .models import ServiceStandard

        super().__init__(*args, **kwargs)
        self.fields["pattern"].queryset = (
            ServicePatternPage.objects.live().public().filter(locale=locale).order_by("title")
        )
        self.fields["service"].queryset = Service.objects.filter(locale=locale).order_by("name")
        self.fields["standard"].queryset = ServiceStandard.objects.filter(locale=locale).order_by("name")
        self.fields["service"].label_from_instance = lambda service: f"{service.name} (LGSL {service.lgsl_code})"
