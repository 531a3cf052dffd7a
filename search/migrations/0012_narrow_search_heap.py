"""Issue 17: the documents table's heap holds only what a search reads of every match; the rest of a row goes
to its TOAST table, so that a common word's bitmap heap scans (about 5,000 rows, several statements a
search) read fewer pages: 5 MB of heap rather than 19 MB at 10,000 pages.

- ``toast_tuple_target = 128``: a row longer than PostgreSQL's threshold (about 2 kB, most documents) is
  shrunk towards 128 bytes, not 2 kB, by the columns' storage below;
- read for every match or candidate (``PostgresMatch``), kept in the row: ``kind``, ``locale``, ``title`` and
  ``title_vector`` (``PLAIN``: never compressed, never moved out; short, as ``title`` is at most 255
  characters) and ``lgsl_codes`` (``MAIN``: in the row, compressed where that pays; a list with no bound, so
  moved out only when the row would not fit a page);
- read for the page of hits shown: ``key``, ``slug``, ``url`` (``PLAIN``, short and bounded) stay; ``summary``,
  ``keywords``, ``service_names``, ``facets`` (``EXTERNAL``: out of line, not compressed) and ``body`` and
  ``search_vector`` (``EXTENDED``, as before: compressed, then out of line) go to the TOAST table;
- ``facet_terms`` (``EXTENDED``, compressed with LZ4 where the server has it, then out of line), nearly half
  of what stayed: facets are counted from the facet sets kept in the worker (``search.engines.facet_sets``),
  which read every document's terms once after each index write (some 15 ms more for that read at 10,000
  pages); a facet filter finds its documents through the terms' GIN index. Not ``PLAIN``: a pattern used by
  all 397 councils has terms too long for a page.

Only catalogue changes: no row moves here. Rows take the new layout when written again: an upsert's, and
every row at the next ``manage.py rebuild_search_index`` (``PostgresRebuild`` fills a new table made
``LIKE`` this one ``INCLUDING STORAGE INCLUDING COMPRESSION``, with this table's storage parameters, and
swaps it in while searches go on). Run it after migrating. Searches give the same answers meanwhile, only
not yet faster. The migration does not rewrite the table itself: ``VACUUM FULL`` cannot run in a
transaction and keeps searches out for the whole rewrite, where a rebuild keeps them out for milliseconds.

Backwards, the table's parameter and every column's storage and compression are PostgreSQL's defaults again
(rows move back at the next rebuild). A no-op on SQLite.
"""

from django.db import migrations

TABLE = "library_search_searchdocument"

STORAGE = {
    "key": "PLAIN",
    "kind": "PLAIN",
    "locale": "PLAIN",
    "title": "PLAIN",
    "slug": "PLAIN",
    "url": "PLAIN",
    "title_vector": "PLAIN",
    "lgsl_codes": "MAIN",
    "summary": "EXTERNAL",
    "keywords": "EXTERNAL",
    "service_names": "EXTERNAL",
    "facets": "EXTERNAL",
    "body": "EXTENDED",
    "search_vector": "EXTENDED",
    "facet_terms": "EXTENDED",
}
# Decompressed for every document (facet sets) or candidate (ranking): LZ4 is several times quicker to read back.
LZ4 = ("facet_terms", "lgsl_codes")


def has_lz4(schema_editor):
    """Whether the server can compress with LZ4 (PostgreSQL 14 or later, built with lz4)."""
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'")
        row = cursor.fetchone()
    return bool(row and row[0])


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE {TABLE} SET (toast_tuple_target = 128)")
    changes = [f"ALTER COLUMN {column} SET STORAGE {storage}" for column, storage in STORAGE.items()]
    if has_lz4(schema_editor):
        changes += [f"ALTER COLUMN {column} SET COMPRESSION lz4" for column in LZ4]
    schema_editor.execute(f"ALTER TABLE {TABLE} {', '.join(changes)}")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE {TABLE} RESET (toast_tuple_target)")
    # Every one of these columns' types is stored EXTENDED by default.
    changes = [f"ALTER COLUMN {column} SET STORAGE EXTENDED" for column in STORAGE]
    if has_lz4(schema_editor):
        changes += [f"ALTER COLUMN {column} SET COMPRESSION DEFAULT" for column in LZ4]
    schema_editor.execute(f"ALTER TABLE {TABLE} {', '.join(changes)}")


class Migration(migrations.Migration):
    dependencies = [
        ("library_search", "0011_drop_search_facet_totals"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
    ]
