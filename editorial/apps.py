from django.apps import AppConfig
from django.db.models.signals import post_migrate


def refresh_roles(app_config, using="default", apps=None, **kwargs):
    """Re-grant the roles' model permissions after every migrate (or flush): an app added later, e.g.
    assessments, gets its permissions into Administrator, and a flushed test database gets the groups back."""
    from .roles import ensure_editorial_setup

    # The whole setup, not only the roles: a flush (the end of every transactional test) empties the
    # workflow tables too, and every install must have the workflows.
    ensure_editorial_setup()


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = "Editorial workflow"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401  (connects the workflow, publishing and page-tree handlers)
        from .localize_fixes import patch_empty_image_blocks, patch_empty_text_blocks, patch_nested_struct_blocks

        patch_empty_image_blocks()
        patch_empty_text_blocks()
        patch_nested_struct_blocks()

        post_migrate.connect(refresh_roles, sender=self, dispatch_uid="editorial_refresh_roles")
