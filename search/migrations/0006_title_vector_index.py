"""Issue 17: a GIN index on ``title_vector``, so that ranking a common word reads the documents whose title
matches it through the index (the engine ranks those first, then the rest by id) rather than computing a
title score for every match.
"""

from django.db import migrations


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS library_search_title_vector_gin "
            "ON library_search_searchdocument USING gin (title_vector)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS library_search_title_vector_gin")


class Migration(migrations.Migration):
    dependencies = [
        ("library_search", "0005_facet_terms_column"),
    ]

    operations = [
        migrations.RunPython(add_index, drop_index),
    ]
