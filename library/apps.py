from django.apps import AppConfig


class LibraryConfig(AppConfig):
    """The bottom floor: the library version and the one entry point for "the library changed"."""

    name = "library"
    verbose_name = "Library changes"

    def ready(self):
        from . import changes, kept, signals, version

        changes.register(changes.KEPT_RENDERS, kept.invalidation)
        changes.register(changes.VERSION, version.Version())
        signals.connect()
        kept.connect()
