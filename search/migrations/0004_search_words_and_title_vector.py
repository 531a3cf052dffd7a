"""Issue 17: what a search needs without reading every document.

- ``SearchWord``: the vocabulary "did you mean" corrects against, kept by the indexer (filled here from
  the documents already indexed, so a deployment keeps its suggestions before the next rebuild).
- PostgreSQL: ``title_vector``, the title's own full-text vector, stored. It is small enough to live in
  the row (the weighted ``search_vector`` of a long page is compressed out of line), so the engine can
  order every match by how much of its title was asked for and read the big vector of the top few only.
"""

import re

import snowballstemmer
from django.db import migrations, models

# Written out here (not imported from search) so that the migration never changes.
WORD = re.compile(r"[\w']+", re.UNICODE)


def fill_words(apps, schema_editor):
    SearchDocument = apps.get_model("library_search", "SearchDocument")
    SearchWord = apps.get_model("library_search", "SearchWord")
    stemmer = snowballstemmer.stemmer("english")
    known = set()
    fields = ("locale", "title", "service_names", "keywords", "summary", "body")
    for locale, *texts in SearchDocument.objects.values_list(*fields).iterator():
        for text in texts:
            for word in WORD.findall((text or "").lower()):
                word = word.strip("'")
                if word and len(word) <= 100:
                    known.add((locale, word))
    SearchWord.objects.bulk_create(
        (SearchWord(locale=locale, word=word, stem=stemmer.stemWord(word)) for locale, word in known),
        batch_size=2000,
        ignore_conflicts=True,
    )


def add_title_vector(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE library_search_searchdocument ADD COLUMN title_vector tsvector "
            "GENERATED ALWAYS AS (to_tsvector('english'::regconfig, COALESCE(title, ''))) STORED"
        )


def drop_title_vector(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE library_search_searchdocument DROP COLUMN title_vector")


class Migration(migrations.Migration):
    dependencies = [
        ("library_search", "0003_stored_search_vector"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("locale", models.CharField(max_length=20)),
                ("word", models.CharField(max_length=100)),
                ("stem", models.CharField(max_length=100)),
            ],
            options={
                "constraints": [models.UniqueConstraint(fields=("locale", "word"), name="unique_search_word")],
            },
        ),
        migrations.RunPython(fill_words, migrations.RunPython.noop),
        migrations.RunPython(add_title_vector, drop_title_vector),
    ]
