"""API keys: Bearer authentication, revocation, last-used time, and the admin that manages them."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from api.models import ApiKey, hash_key
from tests import factories


@pytest.fixture
def supplier(db):
    return get_user_model().objects.create_user(username="acme", password="x")


@pytest.fixture
def administrator(db):
    return get_user_model().objects.create_superuser(username="admin", password="x", email="admin@example.com")


def test_key_is_stored_only_as_a_hash(supplier):
    """The database holds the key's hash and prefix, never the key."""
    api_key, raw_key = ApiKey.create_for(supplier, "Acme Forms")
    assert raw_key.startswith("lgpl_") and len(raw_key) > 40
    assert api_key.key_hash == hash_key(raw_key) and raw_key not in api_key.key_hash
    assert raw_key.startswith(api_key.prefix)
    assert not ApiKey.objects.filter(key_hash=raw_key).exists()


def test_valid_key_is_accepted_and_last_use_recorded(api, supplier, school_pattern):
    """A request with a valid key succeeds and records when the key was last used."""
    api_key, raw_key = ApiKey.create_for(supplier, "Acme Forms")
    assert api_key.last_used_at is None
    assert api.get("/api/v1/patterns/", HTTP_AUTHORIZATION=f"Bearer {raw_key}").status_code == 200
    api_key.refresh_from_db()
    assert api_key.last_used_at is not None


@pytest.mark.parametrize("header", ["Bearer lgpl_not-a-real-key", "Bearer", "Bearer a b"])
def test_invalid_key_is_401(api, db, header):
    """An unknown or malformed key is refused with 401 in the error shape, not treated as anonymous."""
    response = api.get("/api/v1/patterns/", HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "authentication_failed"
    assert response["WWW-Authenticate"] == "Bearer"


def test_revoked_key_is_refused_at_once(api, supplier, school_pattern):
    """A key that worked is refused on the very next request after it is revoked."""
    api_key, raw_key = ApiKey.create_for(supplier, "Acme Forms")
    assert api.get("/api/v1/patterns/", HTTP_AUTHORIZATION=f"Bearer {raw_key}").status_code == 200
    api_key.revoke()
    assert api.get("/api/v1/patterns/", HTTP_AUTHORIZATION=f"Bearer {raw_key}").status_code == 401


def test_key_of_disabled_user_is_refused(api, supplier, db):
    """Disabling the key's user disables the key."""
    _key, raw_key = ApiKey.create_for(supplier, "Acme Forms")
    supplier.is_active = False
    supplier.save()
    assert api.get("/api/v1/patterns/", HTTP_AUTHORIZATION=f"Bearer {raw_key}").status_code == 401


def test_administrator_creates_key_and_sees_it_once(client, administrator, supplier):
    """Creating a key in the admin shows it once; the listing afterwards shows only its prefix. The councils
    the supplier serves are kept with the key."""
    essex = factories.CouncilFactory(gss_code="E10000012")
    client.force_login(administrator)
    response = client.post(
        reverse("api_keys:add"),
        {"name": "Acme Forms", "user": supplier.pk, "supplier_name": "Acme", "councils": [essex.pk]},
    )
    assert response.status_code == 200
    api_key = ApiKey.objects.get(name="Acme Forms")
    assert list(api_key.councils.all()) == [essex] and api_key.supplier_name == "Acme"
    html = response.content.decode()
    raw_key = html.split("data-api-key>")[1].split("<")[0]
    assert hash_key(raw_key) == api_key.key_hash
    listing = client.get(reverse("api_keys:index")).content.decode()
    assert api_key.prefix in listing and raw_key not in listing


def test_administrator_revokes_key(client, administrator, supplier):
    """Revoking in the admin keeps the key's record but refuses it from then on."""
    api_key, _raw = ApiKey.create_for(supplier, "Acme Forms")
    client.force_login(administrator)
    response = client.post(reverse("api_keys:delete", args=[api_key.pk]))
    assert response.status_code == 302
    api_key.refresh_from_db()
    assert api_key.revoked_at is not None


@pytest.mark.parametrize("url_name", ["api_keys:index", "api_keys:add", "webhooks:index"])
def test_only_administrators_manage_keys(client, db, url_name):
    """An editor with admin access cannot see or create keys or webhooks."""
    from django.contrib.auth.models import Permission

    editor = get_user_model().objects.create_user(username="editor", password="x")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get(reverse(url_name))
    assert response.status_code in (302, 403)
    assert not ApiKey.objects.exists()
