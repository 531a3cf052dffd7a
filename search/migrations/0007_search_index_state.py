"""Issue 17: the search index's generation, which counts kept between searches are keyed on."""

import django.utils.timezone
from django.db import migrations, models


def create_state(apps, schema_editor):
    apps.get_model("library_search", "SearchIndexState").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [
        ("library_search", "0006_title_vector_index"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchIndexState",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("generation", models.PositiveBigIntegerField(default=0)),
                ("changed_at", models.DateTimeField(default=django.utils.timezone.now)),
            ],
        ),
        migrations.RunPython(create_state, migrations.RunPython.noop),
    ]
