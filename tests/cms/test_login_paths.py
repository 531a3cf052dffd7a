"""Every view that accepts a password is under the one lockout (cms.login), walked from the URL resolver.

A view is found by its code (the view, its parent classes and its form mention a password); each one found
must be listed in ``DOORS`` (it checks a password: tested below) or ``SETS_A_PASSWORD`` (it only sets one,
with the reason it is no way to guess one), so a password view added later fails here until it is looked at.

Each door is tried as an attacker would: five wrong passwords then the right one (refused, 429); the right
password at every other door once a user is locked out (refused, and the lock stays); and the lockout is per
user name and address, with a wait that doubles.
"""

import datetime
import functools
import inspect
import re

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.models import Collection, CollectionViewRestriction, ModelLogEntry, PageViewRestriction

from cms.login import LOCKED_ACTION

PASSWORD = "correct horse battery"
ATTACKER = "203.0.113.66"
USER_ADDRESS = "198.51.100.20"

# URL names of views that check a password, and how each is tried (see ``Doors``).
SIGN_IN = {"wagtailadmin_login": "/admin/login/", "wagtailcore_login": "/_util/login/"}
DOORS = {
    **SIGN_IN,
    "wagtailadmin_account": "/admin/account/",  # the current password, to change it
    "wagtailcore_authenticate_with_password": "private page's password",
    "wagtaildocs_authenticate_with_password": "private collection's password",
}
SETS_A_PASSWORD = {
    "wagtailadmin_password_reset": "asks for an email address; the link goes to the account's own email",
    "wagtailadmin_password_reset_done": "a message",
    "wagtailadmin_password_reset_complete": "a message",
    "wagtailadmin_password_reset_confirm": "sets a new password from an emailed single-use link; signs no one in",
    "wagtailusers_users:edit": "administrators set another user's password; no password is checked",
}


def walk(resolver, namespace=""):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from walk(pattern, inner)
        elif isinstance(pattern, URLPattern):
            yield namespace + (pattern.name or ""), pattern


def mentions_a_password(callback):
    """True when the view's code, its parent classes' or its form's mentions a password."""
    view_class = getattr(callback, "view_class", None)
    if view_class is None:
        code = [inspect.unwrap(callback)]
    else:
        form_class = getattr(view_class, "form_class", None)
        code = [*view_class.__mro__, *(form_class.__mro__ if form_class else ())]
    return any(source_mentions_a_password(item) for item in code)


@functools.cache
def source_mentions_a_password(item):
    """Once per function or class: the admin's views share most of their parent classes, and finding a
    class's source parses its whole module (four minutes for the resolver's views without this)."""
    try:
        source = inspect.getsource(item)
    except (OSError, TypeError):
        return False
    return re.search("password", source, re.IGNORECASE) is not None


def password_views():
    return sorted({name for name, pattern in walk(get_resolver()) if mentions_a_password(pattern.callback)})


def test_every_password_view_is_known():
    """Every view the resolver routes that handles a password is tried below or has a reason it is not."""
    found = password_views()
    assert set(found) == set(DOORS) | set(SETS_A_PASSWORD), found


def test_every_view_checking_a_password_is_wrapped_or_calls_authenticate():
    """The views that compare a password themselves are the library's wrappers, not Wagtail's originals."""
    resolved = {}
    for name, pattern in walk(get_resolver()):
        resolved.setdefault(name, pattern.callback)  # the first of a name is the one its path resolves to
    for name in set(DOORS) - set(SIGN_IN):
        callback = resolved[name]
        view = getattr(callback, "view_class", callback)
        assert getattr(view, "throttled_password_view", False), name


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_user(
        "editor", "editor@example.gov.uk", PASSWORD, is_staff=True, first_name="Ed", last_name="Itor"
    )


class Doors:
    """Each way in, tried with a password from an address; ``attempt`` answers whether it let the client in."""

    def __init__(self, client, editor, private_page, private_collection):
        self.client = client
        self.editor = editor
        self.page, self.page_restriction = private_page
        self.collection_restriction = private_collection

    def attempt(self, door, password, ip=ATTACKER, username="editor"):
        client = self.client
        client.logout()
        if door in ("/admin/login/", "/_util/login/", "/cy/_util/login/"):
            response = client.post(door, {"username": username, "password": password}, REMOTE_ADDR=ip)
            return response, "_auth_user_id" in client.session
        if door == "/admin/account/":
            client.force_login(self.editor)
            data = account_form_data(self.editor)
            data.update(
                {
                    "password-old_password": password,
                    "password-new_password1": "a new and long passphrase",
                    "password-new_password2": "a new and long passphrase",
                }
            )
            response = client.post(door, data, REMOTE_ADDR=ip)
            self.editor.refresh_from_db()
            changed = self.editor.check_password("a new and long passphrase")
            if changed:  # put it back for the next attempt
                self.editor.set_password(PASSWORD)
                self.editor.save()
            return response, changed
        if door == "private page's password":
            url = f"/_util/authenticate_with_password/{self.page_restriction.pk}/{self.page.pk}/"
            response = client.post(url, {"password": password, "return_url": self.page.url}, REMOTE_ADDR=ip)
            return response, response.status_code == 302
        if door == "private collection's password":
            url = f"/documents/authenticate_with_password/{self.collection_restriction.pk}/"
            response = client.post(url, {"password": password, "return_url": "/"}, REMOTE_ADDR=ip)
            return response, response.status_code == 302
        raise AssertionError(door)


def account_form_data(user):
    """What the admin's account form sends unchanged: every panel's current values."""
    from django.test import RequestFactory
    from wagtail.admin.views.account import AccountView

    request = RequestFactory().get("/admin/account/")
    request.user = user
    view = AccountView()
    view.setup(request)
    data = {}
    for panel in view.get_panels():
        form = panel.get_form()
        for name in form.fields:
            value = form[name].value()
            if value in (None, False) or "password" in name or name == "avatar":
                continue
            data[form.add_prefix(name)] = "on" if value is True else value
    return data


@pytest.fixture
def private_page(pattern_page):
    pattern_page.save_revision().publish()
    restriction = PageViewRestriction.objects.create(page=pattern_page, restriction_type="password", password=PASSWORD)
    return pattern_page, restriction


@pytest.fixture
def private_collection(db):
    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    collection = root.add_child(name="Private leaflets")
    return CollectionViewRestriction.objects.create(
        collection=collection, restriction_type="password", password=PASSWORD
    )


@pytest.fixture
def doors(client, editor, private_page, private_collection):
    return Doors(client, editor, private_page, private_collection)


ALL_DOORS = ["/admin/login/", "/_util/login/", "/cy/_util/login/", "/admin/account/"] + [
    "private page's password",
    "private collection's password",
]
USER_DOORS = ALL_DOORS[:4]


@pytest.mark.parametrize("door", ALL_DOORS)
def test_each_door_lets_the_right_password_in(doors, door):
    """The lockout does not get in the way of a right password."""
    response, passed = doors.attempt(door, PASSWORD)
    assert passed, response.status_code


@pytest.mark.parametrize("door", ALL_DOORS)
def test_each_door_is_throttled(doors, door):
    """The fifth wrong password at a door is answered with a 429, and so is the right one after it."""
    for _ in range(4):
        response, passed = doors.attempt(door, "wrong guess")
        assert not passed and response.status_code != 429
    response, passed = doors.attempt(door, "wrong guess")
    assert response.status_code == 429 and not passed
    response, passed = doors.attempt(door, PASSWORD)
    assert response.status_code == 429 and not passed
    assert re.search(r"Wait 5 minutes|Arhoswch 5 munud", response.content.decode())  # /cy/ answers in Welsh
    assert 290 <= int(response["Retry-After"]) <= 300


@pytest.mark.parametrize("door", ALL_DOORS)
def test_no_failure_record_keeps_a_password(doors, door):
    """axes keeps each failure's form fields: every password field is masked, at every door."""
    doors.attempt(door, "my-guess-1234")
    recorded = "".join(AccessAttempt.objects.values_list("post_data", flat=True))
    assert recorded and "my-guess-1234" not in recorded
    assert "a new and long passphrase" not in recorded


@pytest.mark.parametrize("door", USER_DOORS)
def test_a_locked_out_user_is_refused_at_every_door_and_stays_locked(doors, door):
    """Locked out at the admin login, the right password is refused at every door, and the lock stays."""
    for _ in range(5):
        doors.attempt("/admin/login/", "wrong guess")
    failures = AccessAttempt.objects.get(username="editor").failures_since_start
    response, passed = doors.attempt(door, PASSWORD)
    assert response.status_code == 429 and not passed
    assert AccessAttempt.objects.get(username="editor").failures_since_start == failures  # not cleared
    response, passed = doors.attempt("/admin/login/", PASSWORD)
    assert response.status_code == 429 and not passed


@pytest.mark.parametrize("door", USER_DOORS)
def test_failures_at_any_door_lock_the_admin_login(doors, door):
    """Wrong passwords at any of a user's doors count toward one lockout."""
    for _ in range(5):
        doors.attempt(door, "wrong guess")
    response, passed = doors.attempt("/admin/login/", PASSWORD)
    assert response.status_code == 429 and not passed


def test_the_lock_is_per_user_name_and_address(doors, editor):
    """A stranger's guesses lock out the stranger: the editor signs in from their own address, and another
    user from the stranger's."""
    get_user_model().objects.create_user("reviewer", "r@example.gov.uk", "another long secret")
    for _ in range(8):
        doors.attempt("/admin/login/", "wrong guess", ip=ATTACKER)
    assert doors.attempt("/admin/login/", PASSWORD, ip=USER_ADDRESS)[1]
    assert doors.attempt("/admin/login/", "another long secret", ip=ATTACKER, username="reviewer")[1]


def age_failures(seconds):
    for attempt in AccessAttempt.objects.all():
        attempt.attempt_time -= datetime.timedelta(seconds=seconds)
        attempt.save()


def test_the_wait_doubles_with_each_further_failure(doors):
    """5 minutes after five failures, 10 after a sixth once that wait is over, then 20; then the right password."""
    for _ in range(5):
        doors.attempt("/admin/login/", "wrong guess")
    for wait in (300, 600, 1200):
        response, passed = doors.attempt("/admin/login/", PASSWORD)
        assert response.status_code == 429 and not passed
        assert wait - 10 <= int(response["Retry-After"]) <= wait
        age_failures(wait + 1)
        if wait < 1200:
            assert not doors.attempt("/admin/login/", "wrong guess")[1]
    response, passed = doors.attempt("/admin/login/", PASSWORD)
    assert passed
    assert not AccessAttempt.objects.exists()  # signing in forgets the pair's failures


def test_attempts_during_the_wait_are_not_checked_and_do_not_lengthen_it(doors):
    """While locked out, even the right password is refused unchecked, and the wait runs out as announced."""
    for _ in range(5):
        doors.attempt("/admin/login/", "wrong guess")
    waits = [int(doors.attempt("/admin/login/", PASSWORD)[0]["Retry-After"]) for _ in range(3)]
    assert all(250 <= wait <= 300 for wait in waits)
    assert AccessAttempt.objects.get().failures_since_start == 5


def test_failures_below_the_limit_are_forgotten_after_the_window(doors):
    """Four failures 15 minutes ago no longer count."""
    for _ in range(4):
        doors.attempt("/admin/login/", "wrong guess")
    age_failures(901)
    for _ in range(4):
        doors.attempt("/admin/login/", "wrong guess")
    assert doors.attempt("/admin/login/", PASSWORD)[1]


def test_the_first_lockout_is_in_the_users_history(doors, editor):
    """Locking a user out writes one entry to their history, with the address."""
    for _ in range(7):
        doors.attempt("/admin/login/", "wrong guess")
    entry = ModelLogEntry.objects.get(action=LOCKED_ACTION)
    assert entry.object_id == str(editor.pk) and entry.data["ip"] == ATTACKER


def test_the_lockout_uses_the_client_identity_of_every_limit(doors, settings):
    """Rotating X-Forwarded-For does not reset the lock; behind a trusted proxy each client has its own."""
    for number in range(5):
        doors.client.post(
            "/admin/login/",
            {"username": "editor", "password": "wrong"},
            REMOTE_ADDR=ATTACKER,
            HTTP_X_FORWARDED_FOR=f"192.0.2.{number}",
        )
    response = doors.client.post(
        "/admin/login/",
        {"username": "editor", "password": PASSWORD},
        REMOTE_ADDR=ATTACKER,
        HTTP_X_FORWARDED_FOR="192.0.2.99",
    )
    assert response.status_code == 429

    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    for _ in range(5):
        doors.client.post(
            "/admin/login/",
            {"username": "editor", "password": "wrong"},
            REMOTE_ADDR="10.0.0.5",
            HTTP_X_FORWARDED_FOR=ATTACKER,
        )
    behind = {"REMOTE_ADDR": "10.0.0.5", "HTTP_X_FORWARDED_FOR": USER_ADDRESS}
    assert doors.client.post("/admin/login/", {"username": "editor", "password": PASSWORD}, **behind).status_code == 302


def test_a_password_reset_signs_no_one_in_and_keeps_the_lock(doors, editor):
    """Setting a new password from the emailed link neither signs in nor clears a lockout."""
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    for _ in range(5):
        doors.attempt("/admin/login/", "wrong guess")
    uid = urlsafe_base64_encode(force_bytes(editor.pk))
    token = default_token_generator.make_token(editor)
    client = doors.client
    response = client.get(f"/admin/password_reset/confirm/{uid}/{token}/", REMOTE_ADDR=ATTACKER)
    new = {"new_password1": "a brand new passphrase", "new_password2": "a brand new passphrase"}
    response = client.post(response["Location"], new, REMOTE_ADDR=ATTACKER)
    assert response.status_code == 302 and "_auth_user_id" not in client.session
    response, passed = doors.attempt("/admin/login/", "a brand new passphrase")
    assert response.status_code == 429 and not passed
