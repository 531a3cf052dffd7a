from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .checks import failed_checks


class StandardsSignOffForm(forms.Form):
    """The checklist a publisher confirms; approval is refused, with the reasons, when a check fails."""

    CHECKLIST = {
        "components_named": _("Every step names the GOV.UK Design System components it uses."),
        "accessibility_described": _("The accessibility section says how the pattern meets WCAG 2.2 AA."),
        "legislation_linked": _("Every process step with a statutory basis links its legislation."),
    }

    components_named = forms.BooleanField(label=CHECKLIST["components_named"])
    accessibility_described = forms.BooleanField(label=CHECKLIST["accessibility_described"])
    legislation_linked = forms.BooleanField(label=CHECKLIST["legislation_linked"])
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea({"rows": 2}))

    def object_to_check(self):
        return None

    def clean(self):
        cleaned = super().clean()
        reasons = failed_checks(self.object_to_check())
        if reasons:
            raise ValidationError(
                [_("This page cannot be signed off yet:")] + [ValidationError(reason) for reason in reasons]
            )
        return cleaned
