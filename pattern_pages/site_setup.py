"""Make sure the locales, the home page and the site exist: used by load_demo and by the tests,
which cannot rely on migration data after a transactional test has flushed the database."""

from django.conf import settings
from wagtail.models import Locale, Page, Site

from library.site_url import site_address, sync_default_site

from .models import HomePage


def ensure_locales():
    return [Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def ensure_home_page():
    """Return the English home page, creating it and the default site when missing."""
    ensure_locales()
    english = Locale.get_default()
    home = HomePage.objects.filter(locale=english).first()
    if home is None:
        root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
        for page in root.get_children().exact_type(Page):
            page.delete()
        home = root.add_child(instance=HomePage(title="LocalGov Pattern Library", slug="home", locale=english))
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        hostname, port = site_address()
        Site.objects.create(
            hostname=hostname, port=port, root_page=home, is_default_site=True, site_name="LocalGov Pattern Library"
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    sync_default_site()
    return home
