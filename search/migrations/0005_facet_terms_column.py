"""Issue 17: a document's facet values as a column of its row, so that facet counts and filters read the
matching rows only (the 185,000 ``SearchFacetValue`` rows of a 10,000-page library go).

- PostgreSQL: ``facet_terms``, a ``text[]`` of ``"facet:value"`` generated from the ``facets`` JSON (so
  every writer keeps it in step), with a GIN index for filters.
- SQLite reads the ``facets`` JSON itself (``json_each``).

Backwards, the ``SearchFacetValue`` rows are made again from each document's ``facets``.
"""

from django.db import migrations

# Written out here (not imported from search) so that the migration never changes.
FACET_TERMS_FUNCTION = """
CREATE OR REPLACE FUNCTION library_search_facet_terms(facets jsonb) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT COALESCE(array_agg(DISTINCT f.key || ':' || v.value), '{}')
    FROM jsonb_each(CASE WHEN jsonb_typeof(facets) = 'object' THEN facets ELSE '{}' END) AS f,
         jsonb_array_elements_text(CASE WHEN jsonb_typeof(f.value) = 'array' THEN f.value ELSE '[]' END) AS v(value)
$$
"""


def add_facet_terms(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FACET_TERMS_FUNCTION)
        schema_editor.execute(
            "ALTER TABLE library_search_searchdocument ADD COLUMN facet_terms text[] "
            "GENERATED ALWAYS AS (library_search_facet_terms(facets)) STORED"
        )
        schema_editor.execute(
            "CREATE INDEX library_search_facet_terms_gin ON library_search_searchdocument USING gin (facet_terms)"
        )


def drop_facet_terms(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE library_search_searchdocument DROP COLUMN facet_terms")
        schema_editor.execute("DROP FUNCTION IF EXISTS library_search_facet_terms(jsonb)")


def refill_facet_values(apps, schema_editor):
    SearchDocument = apps.get_model("library_search", "SearchDocument")
    SearchFacetValue = apps.get_model("library_search", "SearchFacetValue")
    rows = []
    for pk, facets in SearchDocument.objects.values_list("pk", "facets").iterator():
        for facet, values in (facets or {}).items():
            rows += [SearchFacetValue(document_id=pk, facet=facet, value=value) for value in dict.fromkeys(values)]
    SearchFacetValue.objects.bulk_create(rows, batch_size=2000)


class Migration(migrations.Migration):
    dependencies = [
        ("library_search", "0004_search_words_and_title_vector"),
    ]

    operations = [
        # Backwards these run last to first: the column goes, the table comes back, then its rows.
        migrations.RunPython(migrations.RunPython.noop, refill_facet_values),
        migrations.DeleteModel(name="SearchFacetValue"),
        migrations.RunPython(add_facet_terms, drop_facet_terms),
    ]
