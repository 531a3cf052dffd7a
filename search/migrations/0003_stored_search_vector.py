"""PostgreSQL: store each document's weighted full-text vector and index it (GIN).

Matching used to build the vector from the text of every document in the locale on every search (three
times over: to filter, to count terms and to rank). The column is generated, so every insert or update
keeps it in step, whichever code writes the row. A no-op on SQLite, whose FTS5 table already plays
this part.
"""

from django.db import migrations

# The weights the engine documents: title and service names A, keywords and summary B, the body D.
# Written out here (not imported from search.engines) so that the migration never changes.
VECTOR = " || ".join(
    f"setweight(to_tsvector('english'::regconfig, COALESCE({column}, '')), '{weight}')"
    for column, weight in (("title", "A"), ("service_names", "A"), ("keywords", "B"), ("summary", "B"), ("body", "D"))
)


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE library_search_searchdocument "
            f"ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({VECTOR}) STORED"
        )
        schema_editor.execute(
            "CREATE INDEX library_search_vector_gin ON library_search_searchdocument USING gin (search_vector)"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE library_search_searchdocument DROP COLUMN search_vector")


class Migration(migrations.Migration):
    dependencies = [("library_search", "0002_fulltext")]

    operations = [migrations.RunPython(forwards, backwards)]
