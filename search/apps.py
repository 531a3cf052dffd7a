from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "library_search"
    verbose_name = "Search"

    def ready(self):
        from library import changes

        from .queue import SearchQueue

        changes.register(changes.SEARCH_QUEUE, SearchQueue())
