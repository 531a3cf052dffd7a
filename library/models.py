"""The library version's row (see ``library.version``)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class LibraryVersion(models.Model):
    """One row whose counter goes up whenever anything the site or the API shows may have changed.

    The API's ETags and the cache of rendered pages are keyed by it, so a conditional request is
    answered without rendering.
    """

    counter = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("library version")

    def __str__(self):
        return f"library version {self.counter}"
