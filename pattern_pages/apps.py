from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_save


def restore_locales(app_config, **kwargs):
    """Both locales exist after every migrate, and after a flush (which a transactional test ends with)."""
    from .site_setup import ensure_locales

    ensure_locales()


class PatternPagesConfig(AppConfig):
    name = "pattern_pages"
    verbose_name = "Patterns and processes"

    def ready(self):
        from django.core.signals import request_finished, request_started
        from wagtail.signals import page_published

        from . import (
            i18n,
            numbers,  # noqa: F401  registers the "number" path converter every urls.py uses
        )
        from .diagrams import on_process_published
        from .models import ProcessPage
        from .spreadsheets import protect_wagtail_exports
        from .text import strip_on_save

        post_migrate.connect(restore_locales, sender=self, dispatch_uid="pattern_pages_restore_locales")
        # Every input (admin forms, the API, public forms, importers) ends in a save: no control characters.
        pre_save.connect(strip_on_save, dispatch_uid="pattern_pages_strip_control_characters")
        protect_wagtail_exports()
        request_started.connect(i18n.start_request, dispatch_uid="pattern_pages_locale_memo_start")
        request_finished.connect(i18n.end_request, dispatch_uid="pattern_pages_locale_memo_end")
        # A published process is laid out once, now, rather than on the first requests for it.
        page_published.connect(on_process_published, sender=ProcessPage, dispatch_uid="pattern_pages_draw_process")
