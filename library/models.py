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


class KeptRender(models.Model):
    """HTML rendered for anonymous readers, kept until something it shows changes (``library.kept``).

    ``kind`` is ``page`` (a whole page at an address, with its headers) or ``body`` (the part of a page that
    depends only on its published revision and the rows it names). Shared by every web process and the worker.
    """

    key = models.CharField(max_length=64, unique=True)
    kind = models.CharField(max_length=8)
    # Where a kept page is served, so the worker can render it again after a change (blank for a body).
    address = models.CharField(max_length=2000, blank=True)
    content = models.BinaryField()
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.kind} {self.address or self.key}"


class KeptRenderTag(models.Model):
    """One thing a kept rendering depends on: ``page:12``, ``tk:<translation key>``, ``pattern_pages.service:4``."""

    entry = models.ForeignKey(KeptRender, on_delete=models.CASCADE, related_name="tags")
    tag = models.CharField(max_length=120, db_index=True)

    def __str__(self):
        return self.tag
