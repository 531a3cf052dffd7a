# The library version now belongs to the library app (issue 16); its table is renamed there.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0003_supplier_councils"),
        ("library", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name="LibraryVersion")]),
    ]
