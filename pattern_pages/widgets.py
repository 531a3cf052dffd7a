"""Admin widgets: choosing many taxonomy entries (services, life events) through Wagtail's searchable chooser."""

from django import forms
from django.apps import apps
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.staticfiles import versioned_static


class MultipleSnippetChooser(forms.SelectMultiple):
    """A many-to-many field as the list of entries chosen, each removable, and a button opening Wagtail's
    snippet chooser with several choices at once (its ``multiple`` mode) and search.

    Wagtail's own multiple chooser (``MultipleChooserPanel``) needs an orderable through model; a
    ``ParentalManyToManyField`` keeps its plain select box, which with 1,520 services had no search and hid
    what was chosen. The chosen entries are posted as hidden inputs of the field's name, so the form reads
    them as the select box's values.
    """

    template_name = "pattern_pages/widgets/multiple_snippet_chooser.html"

    def __init__(self, model, attrs=None):
        super().__init__(attrs)
        self.model_name = model  # "app_label.Model": resolved when rendered, as models import this module

    @property
    def model(self):
        return apps.get_model(self.model_name)

    def chooser_url(self):
        return reverse(self.model.snippet_viewset.chooser_viewset.get_url_name("choose"))

    def chosen(self, value):
        ids = [str(item) for item in value or [] if str(item)]
        if not ids:
            return []
        by_id = {str(item.pk): item for item in self.model.objects.filter(pk__in=ids)}
        return [by_id[pk] for pk in ids if pk in by_id]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        plural = self.model._meta.verbose_name_plural
        context["widget"].update(
            {
                "chosen": self.chosen(value),
                "chooser_url": self.chooser_url(),
                "choose_label": _("Choose %(things)s") % {"things": plural},
                "none_label": _("No %(things)s chosen yet.") % {"things": plural},
            }
        )
        return context

    @property
    def media(self):
        return forms.Media(
            js=[
                versioned_static("wagtailadmin/js/modal-workflow.js"),
                versioned_static("wagtailadmin/js/chooser-modal.js"),
                versioned_static("pattern_pages/admin/multiple-chooser.js"),
            ]
        )
