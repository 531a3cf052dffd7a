"""Site-wide admin hooks."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .login import LOCKED_ACTION


@hooks.register("register_log_actions")
def register_security_actions(actions):
    actions.register_action(LOCKED_ACTION, _("Login locked out"), _("Login locked out after repeated failures"))
