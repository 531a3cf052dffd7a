"""Forms for the editors' side: the actions on a contribution, and the adoption form."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Locale

from pattern_pages.models import PatternType, ProcessPage, ServicePatternPage

from .models import AdoptionStatus


def english_pages(model):
    return model.objects.filter(locale=Locale.get_default()).order_by("title")


class AdoptionActionForm(forms.Form):
    pattern = forms.ModelChoiceField(queryset=ServicePatternPage.objects.none(), required=False)
    process = forms.ModelChoiceField(queryset=ProcessPage.objects.none(), required=False)
    status = forms.ChoiceField(choices=AdoptionStatus.choices, initial=AdoptionStatus.LIVE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pattern"].queryset = english_pages(ServicePatternPage)
        self.fields["process"].queryset = english_pages(ProcessPage)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("pattern") and not cleaned.get("process"):
            raise forms.ValidationError(_("Choose the service pattern or the process the council uses."))
        return cleaned


class DraftPatternForm(forms.Form):
    pattern_type = forms.ModelChoiceField(
        queryset=PatternType.objects.none(), label=_("Pattern type"), empty_label=_("Choose a pattern type")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pattern_type"].queryset = PatternType.objects.filter(locale=Locale.get_default())


class AttachForm(forms.Form):
    page = forms.ChoiceField(label=_("Pattern or process"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.pages = {str(page.pk): page for page in [*english_pages(ServicePatternPage), *english_pages(ProcessPage)]}
        self.fields["page"].choices = [("", _("Choose a page"))] + [
            (pk, f"{page.title} ({page._meta.verbose_name})") for pk, page in self.pages.items()
        ]

    def clean_page(self):
        return self.pages[self.cleaned_data["page"]]


class AdoptionAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # An editor recording an adoption vouches for it; adoptions from the API arrive unapproved.
        if not self.instance.pk and "is_approved" in self.fields:
            self.fields["is_approved"].initial = True
