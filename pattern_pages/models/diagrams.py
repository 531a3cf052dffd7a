"""The drawings of a process, made once per published revision (``pattern_pages.diagrams``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProcessDiagram(models.Model):
    """The swimlane SVGs (wide and narrow) and the BPMN file of one revision of a process, in one language.

    Laying a process out runs Graphviz; pages and downloads read what is stored here instead. A drawing
    made by older drawing code (``drawing_version``) is made again on next use.
    """

    revision = models.ForeignKey("wagtailcore.Revision", on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=10)
    drawing_version = models.PositiveIntegerField()
    wide_svg = models.TextField()
    narrow_svg = models.TextField()
    bpmn = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("process diagram")
        constraints = [
            models.UniqueConstraint(
                fields=["revision", "language", "drawing_version"], name="one_process_diagram_per_revision"
            )
        ]

    def __str__(self):
        return f"Diagram of revision {self.revision_id} ({self.language})"
