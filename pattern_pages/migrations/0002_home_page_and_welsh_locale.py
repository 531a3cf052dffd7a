"""Every install starts with a HomePage as the site root and both locales, English and Welsh."""

import uuid

from django.db import migrations


def create_home_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("pattern_pages.HomePage")

    english, _ = Locale.objects.get_or_create(language_code="en")
    Locale.objects.get_or_create(language_code="cy")

    if HomePage.objects.exists():
        return
    # Wagtail's own first migration creates a plain "Welcome" page; the library's home replaces it.
    welcome_type = ContentType.objects.get(app_label="wagtailcore", model="page")
    Page.objects.filter(content_type=welcome_type, depth=2).delete()
    root = Page.objects.get(depth=1)
    home_type, _ = ContentType.objects.get_or_create(app_label="pattern_pages", model="homepage")
    home = HomePage.objects.create(
        title="LocalGov Pattern Library",
        draft_title="LocalGov Pattern Library",
        slug="home",
        content_type=home_type,
        path=f"{root.path}{int(root.numchild) + 1:04d}",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=english,
        translation_key=uuid.uuid4(),
        live=True,
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="LocalGov Pattern Library")


class Migration(migrations.Migration):
    dependencies = [("pattern_pages", "0001_initial"), ("wagtailcore", "0001_initial")]

    operations = [migrations.RunPython(create_home_page, migrations.RunPython.noop)]
