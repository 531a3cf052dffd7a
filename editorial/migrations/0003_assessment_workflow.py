"""Existing installs get the one-step assessment workflow (new installs get it from 0002 too)."""

from django.db import migrations


def create(apps, schema_editor):
    from editorial.roles import ensure_assessment_workflow

    ensure_assessment_workflow(apps)


class Migration(migrations.Migration):
    dependencies = [("editorial", "0002_roles_and_workflow"), ("assessments", "0003_assessment_adoption")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
