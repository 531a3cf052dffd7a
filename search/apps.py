from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "library_search"
    verbose_name = "Search"

    def ready(self):
        from . import signals  # noqa: F401  (connects the indexing signal handlers)
