from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "Supplier API"

    def ready(self):
        from .changes import connect_signals

        connect_signals()
        from . import freshness

        freshness.connect_signals()
        from . import schema  # noqa: F401  (registers the OpenAPI authentication extensions)
