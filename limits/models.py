from django.db import models


class Usage(models.Model):
    """How many times one client used one limit in one window (``limits.counting.DatabaseCounter``)."""

    key = models.CharField(max_length=120, unique=True)
    count = models.PositiveIntegerField(default=0)
    expires = models.DateTimeField(db_index=True)

    def __str__(self):
        return f"{self.key}: {self.count}"
