# The library version moved here from the api app (issue 16): the row and its table are kept, the
# table renamed from api_libraryversion.

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("api", "0003_supplier_councils"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="LibraryVersion",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID"),
                        ),
                        ("counter", models.PositiveBigIntegerField(default=0)),
                        ("changed_at", models.DateTimeField(default=django.utils.timezone.now)),
                    ],
                    options={"verbose_name": "library version", "db_table": "api_libraryversion"},
                ),
            ],
        ),
        migrations.AlterModelTable(name="libraryversion", table=None),
    ]
