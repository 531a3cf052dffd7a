"""Every install starts with the Local Government Digital Service Standard and the GOV.UK Service Standard."""

from django.db import migrations


def load(apps, schema_editor):
    from assessments.standards import load_standards

    load_standards(
        apps.get_model("assessments.ServiceStandard"),
        apps.get_model("assessments.StandardPoint"),
        apps.get_model("wagtailcore.Locale"),
    )


class Migration(migrations.Migration):
    dependencies = [("assessments", "0001_initial"), ("wagtailcore", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
