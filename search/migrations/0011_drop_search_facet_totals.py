"""Issue 17: every document's facet counts per locale are no longer kept in the database. A search counts
its candidates' facets from each value's documents kept in the worker as bit sets
(``search.engines.facet_sets``), so it no longer counts the documents it does not match and takes them from
these totals. Backwards, the table comes back empty and the first search that needs it fills it."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("library_search", "0010_search_facet_totals_kinds"),
    ]

    operations = [
        migrations.DeleteModel(
            name="SearchFacetTotals",
        ),
    ]
