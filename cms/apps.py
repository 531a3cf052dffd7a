from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "LocalGov Pattern Library"

    def ready(self):
        from . import lockout  # noqa: F401  (connects the login signal receivers)
