"""The contribute form's pages ("one thing per page") and the page-feedback form.

Every text field has a size limit and has its HTML stripped: what a contributor sends is shown to editors and
may end up on a public page, so markup is never kept.
"""

from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from wagtail.models import Locale

from pattern_pages.models import Council, LifeEvent, Service
from pattern_pages.text import plain_text

from .models import WouldShare

MAX_STEPS = 30
MAX_STEP_LENGTH = 300
HONEYPOT_FIELD = "website"


class PlainTextMixin:
    """Strip HTML from every text field of the form, after Django's own cleaning."""

    def _clean_fields(self):
        super()._clean_fields()
        for name, value in list(self.cleaned_data.items()):
            if isinstance(value, str) and name != HONEYPOT_FIELD:
                self.cleaned_data[name] = plain_text(value)


class HoneypotMixin(forms.Form):
    # Hidden from people (see the template) but irresistible to form-filling bots.
    website = forms.CharField(required=False, max_length=500, label=_("Leave this field empty"))

    @property
    def caught_bot(self):
        return bool(self.data.get(HONEYPOT_FIELD))


class StepForm(PlainTextMixin, HoneypotMixin, forms.Form):
    def session_data(self):
        """The answers as JSON-serialisable values that bind this form again on the check answers page."""
        data = {}
        for name in self.fields:
            if name == HONEYPOT_FIELD:
                continue
            value = self.cleaned_data.get(name)
            if hasattr(value, "pk"):
                value = str(value.pk)
            elif hasattr(value, "values_list"):
                value = [str(pk) for pk in value.values_list("pk", flat=True)]
            elif value is None:
                value = ""
            data[name] = value
        return data


def councils():
    return Council.objects.filter(locale=Locale.get_default(), is_current=True).order_by("name")


class CouncilForm(StepForm):
    council = forms.ModelChoiceField(
        queryset=Council.objects.none(),
        label=_("Which council do you work for?"),
        empty_label=_("Choose your council"),
        error_messages={
            "required": _("Select the council you work for"),
            "invalid_choice": _("Select the council you work for"),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["council"].queryset = councils()


class DetailsForm(StepForm):
    contributor_name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        error_messages={
            "required": _("Enter your full name"),
            "max_length": _("Full name must be 200 characters or fewer"),
        },
    )
    contributor_role = forms.CharField(
        label=_("Job title or role"),
        help_text=_("For example, service designer or customer services manager"),
        max_length=200,
        error_messages={
            "required": _("Enter your job title or role"),
            "max_length": _("Job title or role must be 200 characters or fewer"),
        },
    )
    email = forms.EmailField(
        label=_("Work email address"),
        help_text=_("We will send you a link to confirm your contribution"),
        max_length=254,
        error_messages={
            "required": _("Enter your work email address"),
            "invalid": _("Enter an email address in the correct format, like name@yourcouncil.gov.uk"),
            "max_length": _("Work email address must be 254 characters or fewer"),
        },
    )


class ServiceForm(StepForm):
    service = forms.ModelChoiceField(
        queryset=Service.objects.none(),
        required=False,
        label=_("Service"),
        empty_label=_("Choose the service"),
        error_messages={"invalid_choice": _("Select a service from the list")},
    )
    service_name = forms.CharField(
        required=False,
        max_length=200,
        label=_("If your service is not in the list, tell us what it is called"),
        error_messages={"max_length": _("The service name must be 200 characters or fewer")},
    )

    def __init__(self, *args, search="", **kwargs):
        super().__init__(*args, **kwargs)
        services = Service.objects.filter(locale=Locale.get_default()).order_by("name")
        self.search = plain_text(search)[:100]
        if self.search:
            # The search narrows the list shown; the answer already given stays choosable.
            selected = (self.data or {}).get("service") or (self.initial or {}).get("service")
            matches = services.filter(name__icontains=self.search)
            if self.search.isdigit():
                matches = services.filter(lgsl_code=int(self.search)) | matches
            if selected:
                matches = matches | services.filter(pk=selected)
            self.fields["service"].queryset = matches
            self.fields["service"].empty_label = _("Choose from the services that match")
        else:
            self.fields["service"].queryset = services
        self.fields["service"].label_from_instance = lambda service: f"{service.name} (LGSL {service.lgsl_code})"

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("service") and not cleaned.get("service_name") and not self.errors:
            self.add_error("service", _("Select the service, or tell us what it is called if it is not in the list"))
        return cleaned


class StepsForm(StepForm):
    """The steps of the service as the resident sees them, one field each, with 'Add another step'."""

    def __init__(self, *args, step_count=1, **kwargs):
        super().__init__(*args, **kwargs)
        for number in range(1, max(1, min(step_count, MAX_STEPS)) + 1):
            self.fields[f"step_{number}"] = forms.CharField(
                required=False,
                max_length=MAX_STEP_LENGTH,
                label=_("Step %(number)s") % {"number": number},
                error_messages={
                    "max_length": ngettext_lazy(
                        "Step %(number)s must be %(limit)s character or fewer",
                        "Step %(number)s must be %(limit)s characters or fewer",
                        "limit",
                    )
                    % {"number": number, "limit": MAX_STEP_LENGTH}
                },
            )

    def step_fields(self):
        return [self[name] for name in self.fields if name.startswith("step_")]

    def steps(self):
        """The steps given so far, in order, without the empty ones."""
        return [
            self.cleaned_data[name] for name in self.fields if name.startswith("step_") and self.cleaned_data.get(name)
        ]

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not self.steps():
            self.add_error("step_1", _("Enter at least one step the resident goes through"))
        return cleaned

    def session_data(self):
        return {"steps": self.steps()}

    @staticmethod
    def data_from_session(stored):
        steps = (stored or {}).get("steps") or []
        return {f"step_{number}": text for number, text in enumerate(steps, start=1)}, max(1, len(steps))


class LifeEventsForm(StepForm):
    life_events = forms.ModelMultipleChoiceField(
        queryset=LifeEvent.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Which life events does the service relate to?"),
        help_text=_("Select all that apply, or none"),
        error_messages={"invalid_choice": _("Select life events from the list")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["life_events"].queryset = LifeEvent.objects.filter(locale=Locale.get_default()).order_by("name")


class SystemsForm(StepForm):
    systems = forms.CharField(
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        label=_("Which systems or suppliers does the service use?"),
        help_text=_("For example, the form builder, the case management system, the payment provider"),
        error_messages={"max_length": _("Systems or suppliers must be 1,000 characters or fewer")},
    )
    live_url = forms.URLField(
        required=False,
        max_length=500,
        assume_scheme="https",
        label=_("Web address of the live service (optional)"),
        help_text=_("For example, https://www.yourcouncil.gov.uk/report-a-missed-bin"),
        validators=[URLValidator(schemes=["http", "https"])],
        error_messages={
            "invalid": _("Enter a web address in the correct format, like https://www.yourcouncil.gov.uk/service"),
            "max_length": _("The web address must be 500 characters or fewer"),
        },
    )


class ShareForm(StepForm):
    would_share_process = forms.ChoiceField(
        choices=WouldShare.choices,
        widget=forms.RadioSelect,
        label=_("Would your council share how it delivers this service behind the scenes?"),
        help_text=_("Who does what, in which system, under which law. We will contact you before publishing anything."),
        error_messages={"required": _("Select whether your council would share its process")},
    )


class SubmitForm(HoneypotMixin, forms.Form):
    """The check answers page: only the honeypot; the answers come from the session."""


class FeedbackForm(PlainTextMixin, HoneypotMixin, forms.Form):
    page = forms.IntegerField(widget=forms.HiddenInput)
    useful = forms.TypedChoiceField(
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        error_messages={"required": _("Select yes or no")},
    )


class FeedbackCommentForm(PlainTextMixin, HoneypotMixin, forms.Form):
    comment = forms.CharField(
        max_length=1200,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        label=_("How could we improve this page? (optional)"),
        help_text=_("Do not include personal information. We cannot reply to comments."),
        error_messages={"max_length": _("Your comment must be 1,200 characters or fewer")},
    )
