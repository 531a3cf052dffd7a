from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "library_search"
    verbose_name = "Search"

    def ready(self):
        from . import signals  # connects the indexing signal handlers

        signals.connect_adoptions()
