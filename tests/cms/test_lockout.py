import pytest
from django.contrib.auth import get_user_model
from wagtail.models import ModelLogEntry

from cms.lockout import LOCKED_ACTION
from cms.models import LoginFailure

LOGIN_URL = "/admin/login/"


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_user("editor", "editor@example.gov.uk", "correct horse", is_staff=True)


def attempt(client, username, password, ip="192.0.2.1"):
    return client.post(LOGIN_URL, {"username": username, "password": password}, REMOTE_ADDR=ip)


@pytest.mark.parametrize("failures", [4])
def test_a_user_can_still_log_in_below_the_limit(client, editor, failures, settings):
    """Four wrong passwords, then the right one, logs the editor in."""
    for _ in range(failures):
        assert attempt(client, "editor", "wrong").status_code == 200
    assert attempt(client, "editor", "correct horse").status_code == 302
    assert not LoginFailure.objects.filter(username="editor").exists()


def test_five_failures_lock_the_user_out_even_with_the_right_password(client, editor):
    """After five failures the right password is refused, with a message saying to wait, and an audit entry."""
    for _ in range(5):
        attempt(client, "editor", "wrong")
    response = attempt(client, "editor", "correct horse")
    assert response.status_code == 200
    assert "Too many failed attempts to log in. Wait 15 minutes" in response.content.decode()
    assert "_auth_user_id" not in client.session
    entry = ModelLogEntry.objects.get(action=LOCKED_ACTION)
    assert entry.object_id == str(editor.pk) and entry.data["reason"] == "user"


def test_the_lock_is_per_user_name(client, editor):
    """Locking out one user name leaves other users free to log in from elsewhere."""
    get_user_model().objects.create_user("reviewer", "r@example.gov.uk", "another secret", is_staff=True)
    for _ in range(5):
        attempt(client, "editor", "wrong", ip="192.0.2.1")
    assert attempt(client, "reviewer", "another secret", ip="198.51.100.7").status_code == 302


def test_many_user_names_from_one_address_lock_the_address(client, editor, settings):
    """An address trying many user names is locked out, even for a real user's right password."""
    settings.LOGIN_LOCKOUT = {"user_attempts": 5, "ip_attempts": 6, "window_seconds": 900}
    for number in range(6):
        attempt(client, f"guess{number}", "wrong", ip="203.0.113.9")
    assert attempt(client, "editor", "correct horse", ip="203.0.113.9").status_code == 200
    assert attempt(client, "editor", "correct horse", ip="192.0.2.55").status_code == 302


def test_failures_age_out_of_the_window(client, editor, settings):
    """Failures older than the window no longer count."""
    for _ in range(5):
        attempt(client, "editor", "wrong")
    settings.LOGIN_LOCKOUT = {"user_attempts": 5, "ip_attempts": 20, "window_seconds": 0}
    assert attempt(client, "editor", "correct horse").status_code == 302
