from django.apps import AppConfig


class PatternPagesConfig(AppConfig):
    name = "pattern_pages"
    verbose_name = "Patterns and processes"
