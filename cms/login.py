"""One login lockout for every view that accepts a password: django-axes, configured here.

Every password the library checks goes through django-axes, keyed on the user name and the client's address
together (``AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]``), so a stranger guessing at an editor's
password locks out only themselves, not the editor:

- signing in (Wagtail's admin login, Wagtail's front-end login at ``/_util/login/``, anything else calling
  ``django.contrib.auth.authenticate``): ``axes.backends.AxesStandaloneBackend`` refuses a locked-out pair
  before any password is compared, and a failure is recorded from Django's ``user_login_failed`` signal;
- the current password asked for when changing it in the admin (``AccountView`` below, checked with
  ``authenticate`` before Wagtail's form compares it);
- the shared passwords of private pages and document collections (``check_shared_password``), counted
  under the restriction's name (``page-restriction:3``, which no user name can be) and the client's address.

After ``attempts`` failures within ``window_seconds`` of each other, the pair waits ``first_wait_seconds``;
every further failure after a wait doubles the next wait, up to ``longest_wait_seconds``. Attempts during a
wait are refused before any password is compared, and do not lengthen it::

    LOGIN_LOCKOUT = {"attempts": 5, "window_seconds": 900, "first_wait_seconds": 300, "longest_wait_seconds": 86400}

A successful sign-in forgets that pair's failures. The client's address is ``limits.client.client_ip``, as
for every other limit. The first lockout of a user is written to that user's history (``LOCKED_ACTION``).
"""

import datetime
import logging
import math

from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt
from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth import authenticate, get_user_model
from django.dispatch import receiver
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.account import AccountView as WagtailAccountView
from wagtail.log_actions import log

from limits.client import client_address, identity

logger = logging.getLogger("cms.security")
DEFAULTS = {"attempts": 5, "window_seconds": 900, "first_wait_seconds": 300, "longest_wait_seconds": 86400}
LOCKED_ACTION = "cms.login_locked"


def policy():
    return {**DEFAULTS, **getattr(settings, "LOGIN_LOCKOUT", {})}


def wait_after(failures):
    """How long failures count after the last one: the window below the limit, then a doubling wait.

    With the defaults: 4 failures are forgotten 15 minutes after the last; the 5th means 5 minutes' wait,
    the 6th 10, the 7th 20, ... and the 14th or later a day."""
    config = policy()
    if failures < config["attempts"]:
        seconds = config["window_seconds"]
    else:
        doublings = min(failures - config["attempts"], 32)
        seconds = min(config["first_wait_seconds"] * 2**doublings, config["longest_wait_seconds"])
    return datetime.timedelta(seconds=seconds)


def longest_wait(request=None):
    """``AXES_COOLOFF_TIME``: how long axes keeps a failure at all (the longest possible wait)."""
    config = policy()
    return datetime.timedelta(seconds=max(config["window_seconds"], config["longest_wait_seconds"]))


def axes_client_ip(request):
    """``AXES_CLIENT_IP_CALLABLE``: the same client identity as every other limit (None when unknown)."""
    address = client_address(request) if request is not None else None
    return identity(address) if address is not None else None


class GrowingLockoutHandler(AxesDatabaseHandler):
    """axes' database handler, with a wait that doubles with each failure beyond the limit.

    A (user name, address) pair's failures below the limit are forgotten ``window_seconds`` after the last; at
    or beyond it they block for ``wait_after`` their number, and are remembered (so that the next failure
    doubles the wait) for ``longest_wait_seconds``."""

    def groups(self, request, credentials=None):
        """(failures, time of the last, row ids) for each of the request's lockout groups that has failures."""
        for attempts in self.filter_user_attempts(request, credentials):
            rows = list(attempts.values_list("pk", "failures_since_start", "attempt_time"))
            if rows:
                yield sum(row[1] for row in rows), max(row[2] for row in rows), [row[0] for row in rows]

    def failures_and_last(self, request, credentials=None):
        """The failures that count now (the most of any group) and when the last of them was."""
        now = getattr(request, "axes_attempt_time", None) or timezone.now()
        limit = policy()["attempts"]
        worst, worst_last = 0, None
        for failures, last, _ids in self.groups(request, credentials):
            if now - last >= wait_after(failures):
                # Below the limit: forgotten. At or beyond it: the wait is over, but the next failure locks again.
                failures = 0 if failures < limit else limit - 1
            if failures > worst:
                worst, worst_last = failures, last
        return worst, worst_last

    def get_failures(self, request, credentials=None):
        return self.failures_and_last(request, credentials)[0]

    def clean_expired_user_attempts(self, request=None, credentials=None):
        count = super().clean_expired_user_attempts(request, credentials)  # everyone's, after the longest wait
        if request is None:
            return count
        now = getattr(request, "axes_attempt_time", None) or timezone.now()
        for failures, last, ids in self.groups(request, credentials):
            if failures < policy()["attempts"] and now - last >= wait_after(failures):
                count += AccessAttempt.objects.filter(pk__in=ids).delete()[0]
        return count


def remaining_wait(request, credentials=None):
    """Seconds until the request's (user name, address) pair may try again; 0 when it may now."""
    AxesProxyHandler.update_request(request)
    failures, last = GrowingLockoutHandler().failures_and_last(request, credentials)
    if failures < policy()["attempts"] or last is None:
        return 0
    return max(0, math.ceil((last + wait_after(failures) - timezone.now()).total_seconds()))


def locked_out(request, original_response=None, credentials=None):
    """``AXES_LOCKOUT_CALLABLE``: a 429 saying how long to wait, with ``Retry-After``."""
    seconds = remaining_wait(request, credentials) or policy()["first_wait_seconds"]
    minutes = max(1, math.ceil(seconds / 60))
    response = render(
        request,
        "cms/locked_out.html",
        {"minutes": minutes, "page_title": _("Too many failed attempts")},
        status=429,
    )
    response["Retry-After"] = str(seconds)
    return response


@receiver(user_locked_out)
def record_lockout(sender, request, username, ip_address, **kwargs):
    """Write the first lockout of a real user (not every further failure) to their history."""
    if getattr(request, "axes_failures_since_start", None) != policy()["attempts"]:
        return
    logger.warning("Login locked for user name %r from address %s", username, ip_address)
    user = get_user_model().objects.filter(username=username).first() if username else None
    if user is not None:
        log(instance=user, action=LOCKED_ACTION, data={"ip": ip_address})


def check_shared_password(view, restriction_kind, restriction_argument):
    """Wrap a view that checks a private page's or collection's shared password with the lockout.

    A locked-out pair gets the 429 before the password is compared; a POST the view answers with its form
    again (200) rather than a redirect is a wrong password, and counts as a failure."""

    def wrapped(request, *args, **kwargs):
        if request.method != "POST":
            return view(request, *args, **kwargs)
        credentials = {"username": f"{restriction_kind}-restriction:{kwargs[restriction_argument]}"}
        if not AxesProxyHandler.is_allowed(request, credentials):
            return locked_out(request, None, credentials)
        response = view(request, *args, **kwargs)
        if response.status_code == 200:
            AxesProxyHandler.user_login_failed(sender=__name__, credentials=credentials, request=request)
        return response

    wrapped.throttled_password_view = True
    return wrapped


class AccountView(WagtailAccountView):
    """Wagtail's account settings, with the current password (asked for to change it) under the lockout."""

    throttled_password_view = True

    def post(self, request):
        changing_password = any(request.POST.get(f"password-{field}") for field in ("new_password1", "new_password2"))
        if changing_password and request.user.has_usable_password():
            credentials = {"username": request.user.get_username()}
            # authenticate() goes through axes: refused while locked out, and a wrong password is recorded.
            user = authenticate(request, password=request.POST.get("password-old_password", ""), **credentials)
            # A lockout (already, or from this failure) is answered by axes' middleware with locked_out().
            if user is None and getattr(request, "axes_locked_out", False):
                return locked_out(request, None, credentials)
        return super().post(request)
