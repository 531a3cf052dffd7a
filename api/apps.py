from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "Supplier API"

    def ready(self):
        from library import changes

        from . import schema  # noqa: F401  (registers the OpenAPI authentication extensions)
        from .changes import ChangeFeed
        from .webhooks import WebhookOutbox

        changes.register(changes.CHANGE_FEED, ChangeFeed())
        changes.register(changes.WEBHOOK_OUTBOX, WebhookOutbox())
