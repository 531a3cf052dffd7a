"""Admin login lockout: after repeated failures for one user name or from one address, refuse further
attempts for a while, and leave an audit trail.

Failures are rows in the database (``LoginFailure``), so the count holds across gunicorn workers and
restarts. Limits come from ``LOGIN_LOCKOUT``::

    LOGIN_LOCKOUT = {"user_attempts": 5, "ip_attempts": 20, "window_seconds": 900}
"""

import datetime
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm
from wagtail.log_actions import log

logger = logging.getLogger("cms.security")
DEFAULTS = {"user_attempts": 5, "ip_attempts": 20, "window_seconds": 900}
LOCKED_ACTION = "cms.login_locked"


def limits():
    return {**DEFAULTS, **getattr(settings, "LOGIN_LOCKOUT", {})}


def client_ip(request):
    # REMOTE_ADDR only: X-Forwarded-For can be forged unless a trusted proxy sets it; behind one,
    # configure the proxy to overwrite REMOTE_ADDR (e.g. gunicorn --forwarded-allow-ips).
    return (request.META.get("REMOTE_ADDR") or "unknown")[:45] if request is not None else "unknown"


def window_start():
    return timezone.now() - datetime.timedelta(seconds=limits()["window_seconds"])


def lockout_reason(username, ip):
    """Why a login for ``username`` from ``ip`` is refused now, or None when it may go ahead."""
    from .models import LoginFailure

    recent = LoginFailure.objects.filter(at__gte=window_start())
    config = limits()
    if username and recent.filter(username__iexact=username).count() >= config["user_attempts"]:
        return "user"
    if recent.filter(ip=ip).count() >= config["ip_attempts"]:
        return "ip"
    return None


@receiver(user_login_failed)
def record_failure(sender, credentials, request=None, **kwargs):
    from .models import LoginFailure

    username = str(credentials.get("username") or "")[:150]
    ip = client_ip(request)
    was_locked = lockout_reason(username, ip)
    LoginFailure.objects.create(username=username, ip=ip)
    LoginFailure.objects.filter(at__lt=timezone.now() - datetime.timedelta(days=30)).delete()
    reason = lockout_reason(username, ip)
    if reason and not was_locked:
        logger.warning("Admin login locked for %s (user name %r, address %s)", reason, username, ip)
        user = get_user_model().objects.filter(username__iexact=username).first()
        if user is not None:
            log(instance=user, action=LOCKED_ACTION, data={"reason": reason, "ip": ip})


@receiver(user_logged_in)
def forget_failures(sender, request, user, **kwargs):
    from .models import LoginFailure

    LoginFailure.objects.filter(username__iexact=user.get_username()).delete()


class LockoutLoginForm(LoginForm):
    """Wagtail's login form, refusing attempts while the user name or address is locked out."""

    error_messages = {
        **LoginForm.error_messages,
        "locked_out": _("Too many failed attempts to log in. Wait %(minutes)s minutes and try again."),
    }

    def clean(self):
        username = self.cleaned_data.get("username")
        if lockout_reason(username, client_ip(self.request)):
            # Counted as a failure too, so that an attacker cannot probe during the lockout.
            user_login_failed.send(sender=__name__, credentials={"username": username}, request=self.request)
            raise self.get_locked_out_error()
        return super().clean()

    def get_locked_out_error(self):
        from django.core.exceptions import ValidationError

        return ValidationError(
            self.error_messages["locked_out"],
            code="locked_out",
            params={"minutes": limits()["window_seconds"] // 60},
        )
