from django.apps import AppConfig
from django.db.models.signals import post_migrate


def restore_locales(app_config, **kwargs):
    """Both locales exist after every migrate, and after a flush (which a transactional test ends with)."""
    from .site_setup import ensure_locales

    ensure_locales()


class PatternPagesConfig(AppConfig):
    name = "pattern_pages"
    verbose_name = "Patterns and processes"

    def ready(self):
        post_migrate.connect(restore_locales, sender=self, dispatch_uid="pattern_pages_restore_locales")
