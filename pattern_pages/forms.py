"""The page editor's form for every page type of the library."""

from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page


class RevisionCheckedPageForm(WagtailAdminPageForm):
    """Refuses to save over a revision the editor never saw: no lost update without a warning.

    The editor posts the revision it was opened on (``loaded_revision_id`` and its time). Wagtail 8 only
    checks it for autosaves; a plain Save or Publish would replace another editor's newer revision
    silently. Here such a save is refused with a message naming who saved what when; the editor's text
    stays in the form, and saving again (the form now carries the newer revision) replaces it deliberately.
    """

    def clean(self):
        cleaned_data = super().clean()
        newer = self.newer_revision()
        if newer is not None:
            when = date_format(localtime(newer.created_at), "j F Y, H:i:s")
            who = newer.user.get_full_name() or newer.user.get_username() if newer.user else _("someone")
            raise ValidationError(
                _(
                    "%(who)s saved this page at %(when)s, after you opened it, so your changes have not been "
                    "saved: they would have replaced theirs. Compare with the latest version in the page's "
                    "history, or save again to replace it with yours."
                )
                % {"who": who, "when": when},
                code="stale_revision",
            )
        return cleaned_data

    def newer_revision(self):
        """The page's latest revision if the editor did not open (or autosave) it, else None."""
        if not self.instance.pk:
            return None
        latest = Page.objects.select_related("latest_revision__user").get(pk=self.instance.pk).latest_revision
        if latest is None:
            return None
        # The same rule as Wagtail's EditView.is_out_of_date, which it applies to autosaves only.
        if overwrite := self.data.get("overwrite_revision_id"):
            return latest if overwrite != str(latest.pk) else None
        if loaded := self.data.get("loaded_revision_id"):
            if loaded != str(latest.pk) or self.data.get("loaded_revision_created_at", "") != (
                latest.created_at.isoformat()
            ):
                return latest
        return None
