"""Issue 17, target 4: the full-text vectors are columns kept by a trigger instead of generated columns, so
that a rebuild can keep the vector of a document whose text has not changed.

A generated column is computed again on every insert, and PostgreSQL computing five ``to_tsvector`` per
document was most of a rebuild (9.3 s of 15–20 s at 10,000 pages). Now:

- ``library_search_document_vectors()`` computes ``search_vector`` and ``title_vector`` from the row's text,
  as the generated columns did (0003, 0004), before every insert and before every update that changes
  the text (an upsert of an unchanged document keeps its vectors);
- ``library_search_reused_vectors()`` is what a rebuild's new table runs instead (``PostgresRebuild``): the
  live document's vectors when its key and its five text columns are equal, else computed.

Backwards, the two columns are generated again (every vector is computed once more) and their GIN indexes
made again. A no-op on SQLite, whose FTS5 table plays this part.
"""

from django.db import migrations

TABLE = "library_search_searchdocument"
TEXTS = ("title", "service_names", "keywords", "summary", "body")

# Written out here (not imported from search) so that the migration never changes. The same expressions as
# 0003's and 0004's generated columns.
SEARCH_VECTOR = " || ".join(
    f"setweight(to_tsvector('english'::regconfig, COALESCE({{row}}{column}, '')), '{weight}')"
    for column, weight in (("title", "A"), ("service_names", "A"), ("keywords", "B"), ("summary", "B"), ("body", "D"))
)
TITLE_VECTOR = "to_tsvector('english'::regconfig, COALESCE({row}title, ''))"

COMPUTE = (
    f"NEW.search_vector := {SEARCH_VECTOR.format(row='NEW.')};\n"
    f"    NEW.title_vector := {TITLE_VECTOR.format(row='NEW.')};"
)

DOCUMENT_VECTORS = f"""
CREATE OR REPLACE FUNCTION library_search_document_vectors() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    {COMPUTE}
    RETURN NEW;
END
$$
"""

SAME_TEXT = " AND ".join(f"d.{column} = NEW.{column}" for column in TEXTS)

REUSED_VECTORS = f"""
CREATE OR REPLACE FUNCTION library_search_reused_vectors() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT d.search_vector, d.title_vector INTO NEW.search_vector, NEW.title_vector
    FROM {TABLE} d
    WHERE d.key = NEW.key AND {SAME_TEXT} AND d.search_vector IS NOT NULL AND d.title_vector IS NOT NULL;
    IF NOT FOUND THEN
        {COMPUTE}
    END IF;
    RETURN NEW;
END
$$
"""

TEXT_CHANGED = " OR ".join(f"OLD.{column} IS DISTINCT FROM NEW.{column}" for column in TEXTS)


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(DOCUMENT_VECTORS)
    schema_editor.execute(REUSED_VECTORS)
    # The values stay; the columns are plain from now on.
    schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN search_vector DROP EXPRESSION")
    schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN title_vector DROP EXPRESSION")
    schema_editor.execute(
        f"CREATE TRIGGER library_search_vectors_insert BEFORE INSERT ON {TABLE} "
        "FOR EACH ROW EXECUTE FUNCTION library_search_document_vectors()"
    )
    schema_editor.execute(
        f"CREATE TRIGGER library_search_vectors_update BEFORE UPDATE ON {TABLE} FOR EACH ROW "
        f"WHEN ({TEXT_CHANGED} OR NEW.search_vector IS NULL OR NEW.title_vector IS NULL) "
        "EXECUTE FUNCTION library_search_document_vectors()"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP TRIGGER IF EXISTS library_search_vectors_insert ON {TABLE}")
    schema_editor.execute(f"DROP TRIGGER IF EXISTS library_search_vectors_update ON {TABLE}")
    schema_editor.execute("DROP FUNCTION IF EXISTS library_search_document_vectors()")
    schema_editor.execute("DROP FUNCTION IF EXISTS library_search_reused_vectors()")
    # Dropping the columns drops their indexes; both come back as 0003, 0004 and 0006 made them.
    schema_editor.execute(f"ALTER TABLE {TABLE} DROP COLUMN search_vector, DROP COLUMN title_vector")
    schema_editor.execute(
        f"ALTER TABLE {TABLE} ADD COLUMN search_vector tsvector "
        f"GENERATED ALWAYS AS ({SEARCH_VECTOR.format(row='')}) STORED"
    )
    schema_editor.execute(
        f"ALTER TABLE {TABLE} ADD COLUMN title_vector tsvector "
        f"GENERATED ALWAYS AS ({TITLE_VECTOR.format(row='')}) STORED"
    )
    schema_editor.execute(f"CREATE INDEX library_search_vector_gin ON {TABLE} USING gin (search_vector)")
    schema_editor.execute(f"CREATE INDEX library_search_title_vector_gin ON {TABLE} USING gin (title_vector)")


class Migration(migrations.Migration):
    dependencies = [
        ("library_search", "0008_search_facet_totals"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
    ]
