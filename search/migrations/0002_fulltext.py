"""Full-text search support for the database engine, per database flavour.

PostgreSQL: the pg_trgm extension (trigram similarity catches typos) and a trigram index on titles.
SQLite: an FTS5 table over the search documents, kept in step by triggers. Each step is a no-op on the
other database, so one migration history serves both.
"""

from django.db import migrations

COLUMNS = "title, service_names, keywords, summary, body"
NEW = ", ".join(f"new.{c}" for c in COLUMNS.split(", "))
OLD = ", ".join(f"old.{c}" for c in COLUMNS.split(", "))
DOCUMENTS = "library_search_searchdocument"
FTS = "library_search_fts"

# Written out here (not imported from search.engines) so that the migration never changes.
SQLITE_FTS = [
    f"CREATE VIRTUAL TABLE {FTS} USING fts5({COLUMNS}, content='{DOCUMENTS}', content_rowid='id', "
    "tokenize='porter unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER {FTS}_ai AFTER INSERT ON {DOCUMENTS} BEGIN "
    f"INSERT INTO {FTS}(rowid, {COLUMNS}) VALUES (new.id, {NEW}); END",
    f"CREATE TRIGGER {FTS}_ad AFTER DELETE ON {DOCUMENTS} BEGIN "
    f"INSERT INTO {FTS}({FTS}, rowid, {COLUMNS}) VALUES ('delete', old.id, {OLD}); END",
    f"CREATE TRIGGER {FTS}_au AFTER UPDATE ON {DOCUMENTS} BEGIN "
    f"INSERT INTO {FTS}({FTS}, rowid, {COLUMNS}) VALUES ('delete', old.id, {OLD}); "
    f"INSERT INTO {FTS}(rowid, {COLUMNS}) VALUES (new.id, {NEW}); END",
]


def forwards(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS library_search_title_trgm "
            "ON library_search_searchdocument USING gin (title gin_trgm_ops)"
        )
    elif connection.vendor == "sqlite":
        for statement in SQLITE_FTS:
            schema_editor.execute(statement)


def backwards(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS library_search_title_trgm")
    elif connection.vendor == "sqlite":
        for suffix in ("_ai", "_ad", "_au"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS library_search_fts{suffix}")
        schema_editor.execute("DROP TABLE IF EXISTS library_search_fts")


class Migration(migrations.Migration):
    dependencies = [("library_search", "0001_search_documents")]

    operations = [migrations.RunPython(forwards, backwards)]
