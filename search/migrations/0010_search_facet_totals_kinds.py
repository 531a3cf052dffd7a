"""Issue 17: every document's facet terms per kind of document, beside the counts, so that a search chooses to
count the facets of its matches or of the rest by the facet terms each holds, not the documents."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("library_search", "0009_vectors_kept_by_trigger"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchfacettotals",
            name="kinds",
            field=models.JSONField(blank=True, help_text='{"kind": [documents, facet terms]}', null=True),
        ),
    ]
