"""The assessment editing form: every outcome must be a point of the assessment's standard."""

from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm

from .permissions import ALL_COUNCILS, councils_of


class AssessmentForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None and "council" in self.fields:
            # A contributor records their own council's assessments only.
            council = councils_of(self.for_user)
            if council is not ALL_COUNCILS:
                field = self.fields["council"]
                field.queryset = field.queryset.filter(pk=council) if council else field.queryset.none()
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
