"""The search document store and the durable queue of index updates.

``SearchDocument`` is a denormalised copy of what is searchable about each live, public pattern,
process and service, one row per locale. The database engine searches it (PostgreSQL full-text, or an
SQLite FTS5 table kept in step by triggers); the Elasticsearch engine is fed from the same builder.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    PATTERN = "pattern", _("Service pattern")
    PROCESS = "process", _("Process")
    SERVICE = "service", _("Service")


class SearchDocument(models.Model):
    key = models.CharField(max_length=64, unique=True, help_text="e.g. 'page-42' or 'service-7'")
    kind = models.CharField(max_length=20, choices=DocumentKind.choices)
    locale = models.CharField(max_length=20, db_index=True, help_text="Language code, e.g. 'en'")
    page = models.ForeignKey("wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    service = models.ForeignKey(
        "pattern_pages.Service", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(max_length=255)
    slug = models.CharField(max_length=255, blank=True)
    url = models.CharField(max_length=500, blank=True)
    summary = models.TextField(blank=True)
    # The names people search by that are not the page's own words: services, LGSL codes, pattern type,
    # life events, components, councils.
    service_names = models.TextField(blank=True)
    keywords = models.TextField(blank=True)
    body = models.TextField(blank=True, help_text="The StreamField text, flattened")
    lgsl_codes = models.JSONField(default=list, blank=True)
    # Facet counts and filters read this on SQLite; PostgreSQL reads ``facet_terms``, a ``text[]`` of
    # "facet:value" generated from it (migration 0005), e.g. {"type": ["pattern"]} → {"type:pattern"}.
    facets = models.JSONField(default=dict, blank=True, help_text="{facet: [values]}")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["locale", "kind"])]

    def __str__(self):
        return f"{self.key} ({self.locale}): {self.title}"


class SearchWord(models.Model):
    """A word some document in the locale holds, with its English stem: the vocabulary "did you mean"
    corrects against, kept by the indexer so a search never reads every document to find it.

    An upsert adds the words of the documents it writes; a rebuild rewrites the locale's words. Words of
    a document since changed or deleted stay until the next rebuild (a suggestion may then find nothing,
    and the misspelling is searched as well).
    """

    locale = models.CharField(max_length=20)
    word = models.CharField(max_length=100)
    stem = models.CharField(max_length=100)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["locale", "word"], name="unique_search_word")]

    def __str__(self):
        return f"{self.word} ({self.locale})"


class SearchIndexState(models.Model):
    """One row: the database engine's generation, moved by every write to its documents (upsert, delete,
    rebuild) in the writer's transaction. Counts a search keeps (facet counts, totals) are keyed on it as
    well as on the library version, because the index is updated by the worker after the library changes.
    """

    generation = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"search index generation {self.generation}"


class PendingIndexUpdate(models.Model):
    """An index update that has not reached the search engine yet.

    Written in the editor's request (a single insert) so that it survives a lost task or an engine
    outage; deleted when the update lands. Rows that stay are the "search index is behind" notice.
    """

    key = models.CharField(max_length=64, unique=True, help_text="The document key, e.g. 'page-42'")
    requested_at = models.DateTimeField(default=timezone.now, help_text="When the latest request for it was made")
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["requested_at"]

    def __str__(self):
        return self.key
