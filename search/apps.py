from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "library_search"
    verbose_name = "Search"
