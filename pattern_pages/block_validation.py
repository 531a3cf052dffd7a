"""One way for a StructBlock to report problems that its children's own validation cannot see: each message
shows on its own field, all at once."""

from django.core.exceptions import ValidationError
from wagtail import blocks


class StructBlockValidationMixin:
    """Collects errors per child field and raises them together, so each shows on its own field."""

    def field_errors(self, value):
        """Return ``{child_name: message}`` for the problems in ``value``."""
        return {}

    def field_error_message(self, message):
        """How a message reads on its field (a screen component names itself first)."""
        return message

    def clean(self, value):
        value = super().clean(value)
        errors = self.field_errors(value)
        if errors:
            raise blocks.StructBlockValidationError(
                block_errors={
                    name: ValidationError(self.field_error_message(message)) for name, message in errors.items()
                }
            )
        return value
