"""Issue 17: every document's facet terms counted per locale at one generation of the index, so that a search
matching most documents counts those it does not match and takes them from these."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('library_search', '0007_search_index_state'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchFacetTotals',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('locale', models.CharField(max_length=20, unique=True)),
                ('generation', models.CharField(help_text="The index's generation as SQL reads it", max_length=100)),
                ('documents', models.PositiveIntegerField(default=0)),
                ('counts', models.JSONField(default=dict, help_text='{"facet:value": documents}')),
            ],
        ),
    ]
