"""The form that prepares an assessment: a pattern, a service and a standard give a checklist."""

from django import forms
from django.utils.translation import gettext_lazy

from pattern_pages.models import Service, ServicePatternPage

from .models import ServiceStandard


class PrepareForAssessmentForm(forms.Form):
    """Choose a pattern, a service and a standard to get the checklist for an assessment."""

    pattern = forms.ModelChoiceField(queryset=None, label=gettext_lazy("Service pattern"), to_field_name="slug")
    service = forms.ModelChoiceField(queryset=None, label=gettext_lazy("Service"), to_field_name="lgsl_code")
    standard = forms.ModelChoiceField(queryset=None, label=gettext_lazy("Service standard"), to_field_name="slug")

    def __init__(self, *args, locale, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pattern"].queryset = (
            ServicePatternPage.objects.live().public().filter(locale=locale).order_by("title")
        )
        self.fields["service"].queryset = Service.objects.filter(locale=locale).order_by("name")
        self.fields["standard"].queryset = ServiceStandard.objects.filter(locale=locale).order_by("name")
        self.fields["service"].label_from_instance = lambda service: f"{service.name} (LGSL {service.lgsl_code})"
