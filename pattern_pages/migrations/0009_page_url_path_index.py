from django.db import migrations

# Wagtail's page table has no index on url_path; a public page is found by it (HomePage.route_by_url_path,
# pattern_pages.models.pages.page_at), which read the whole table on every page not already kept: 10,000 rows,
# about 1 ms of the database's CPU a page at 10,000 pages, growing with the library. The table is Wagtail's,
# so the index is made here, with SQL both SQLite and PostgreSQL take.
INDEX = "pattern_pages_page_url_path"


class Migration(migrations.Migration):
    dependencies = [
        ("pattern_pages", "0008_screens"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (url_path)",
            reverse_sql=f"DROP INDEX IF EXISTS {INDEX}",
        ),
    ]
