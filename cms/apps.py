from django.apps import AppConfig
from django.db.models.signals import post_migrate


def create_cache_table(using="default", **kwargs):
    """A database cache's table exists after every migrate, so production needs no extra command."""
    from django.conf import settings
    from django.core.management import call_command

    if any(cache["BACKEND"].endswith("DatabaseCache") for cache in settings.CACHES.values()):
        call_command("createcachetable", database=using, verbosity=0)


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "LocalGov Pattern Library"

    def ready(self):
        from library import kept
        from library.site_url import sync_default_site

        from . import login, page_cache  # noqa: F401  (login connects the lockout's audit entry to axes' signal)

        # The worker renders again the kept pages a change deleted (library.kept, cms.page_cache).
        kept.invalidation.on_invalidated = page_cache.render_again

        post_migrate.connect(create_cache_table, sender=self)
        # Wagtail's Site record follows SITE_URL after every migrate (any app's: the Site is Wagtail's).
        post_migrate.connect(sync_default_site, dispatch_uid="cms.sync_default_site")
