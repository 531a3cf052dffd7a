"""Secrets the admin holds (API keys, webhook secrets) are shown once, at creation or rotation, never again."""

import pytest
from django.urls import NoReverseMatch, reverse

from api import webhooks
from api.models import ApiKey, WebhookSubscription
from tests.admin_urls import object_urls


@pytest.fixture
def administrator(django_user_model, db):
    return django_user_model.objects.create_superuser("admin", "admin@example.gov.uk", "long-password")


@pytest.fixture
def admin(client, administrator):
    client.force_login(administrator)
    return client


def shown_secret(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode().split("data-webhook-secret>")[1].split("<")[0]


def create_webhook(admin, administrator):
    key, _raw = ApiKey.create_for(administrator, "Acme Forms")
    response = admin.post(
        reverse("webhooks:add"),
        {"api_key": key.pk, "target_url": "https://hooks.example.com/x", "event_types": '["published"]'},
    )
    return WebhookSubscription.objects.get(), shown_secret(response)


def test_a_new_webhooks_secret_is_generated_and_shown_once(admin, administrator):
    """Adding a webhook shows its generated secret on the next page; the edit form has no secret field."""
    subscription, secret = create_webhook(admin, administrator)
    assert secret == subscription.secret and len(secret) >= 40
    edit = admin.get(reverse("webhooks:edit", args=[subscription.pk])).content.decode()
    assert secret not in edit and 'name="secret"' not in edit
    assert "Rotate secret" in edit


def test_an_edit_cannot_set_or_reveal_the_secret(admin, administrator):
    """A posted ``secret`` is ignored; the saved page does not show the secret."""
    subscription, secret = create_webhook(admin, administrator)
    data = {
        "api_key": subscription.api_key_id,
        "target_url": "https://hooks.example.com/y",
        "event_types": '["published"]',
        "is_active": "on",
        "secret": "chosen-by-an-attacker",
    }
    response = admin.post(reverse("webhooks:edit", args=[subscription.pk]), data, follow=True)
    subscription.refresh_from_db()
    assert subscription.target_url == "https://hooks.example.com/y" and subscription.secret == secret
    assert secret not in response.content.decode()


def test_rotating_shows_the_new_secret_once_and_signs_with_it(admin, administrator):
    """The confirmation does not show the secret; rotating replaces it and shows the new one, once."""
    subscription, old = create_webhook(admin, administrator)
    url = reverse("webhooks:rotate_secret", args=[subscription.pk])
    confirmation = admin.get(url).content.decode()
    assert old not in confirmation
    assert "A new secret replaces the old one at once" in confirmation
    new = shown_secret(admin.post(url))
    subscription.refresh_from_db()
    assert new == subscription.secret != old
    header = webhooks.sign(subscription.secret, 1767225600, b"{}")
    assert webhooks.verify(new, header, b"{}", now=1767225600)
    assert not webhooks.verify(old, header, b"{}", now=1767225600)
    assert new not in admin.get(reverse("webhooks:edit", args=[subscription.pk])).content.decode()


def test_no_other_admin_page_shows_a_secret_or_a_key(admin, administrator):
    """Every admin URL that takes a webhook's or a key's id (walked from the resolver) shows neither secret."""
    subscription, secret = create_webhook(admin, administrator)
    raw_key = admin.post(reverse("api_keys:add"), {"name": "Other", "user": administrator.pk}).content.decode()
    raw_key = raw_key.split("data-api-key>")[1].split("<")[0]
    api_key = ApiKey.objects.get(name="Other")
    checked = []
    for url in object_urls():
        if url.namespace not in ("webhooks", "api_keys"):
            continue
        pk = subscription.pk if url.namespace == "webhooks" else api_key.pk
        response = admin.get(reverse(url.name, kwargs=dict.fromkeys(url.parameters, pk)))
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert secret.encode() not in body and raw_key.encode() not in body, url.name
        checked.append(url.name)
    for listing in ("webhooks:index", "api_keys:index"):
        body = admin.get(reverse(listing)).content
        assert secret.encode() not in body and raw_key.encode() not in body
    assert {"webhooks:edit", "webhooks:rotate_secret", "webhooks:history", "api_keys:edit"} <= set(checked)


@pytest.mark.parametrize("name", ["webhooks:copy", "api_keys:copy"])
def test_keys_and_webhooks_cannot_be_copied(name):
    """A copy would share the key's hash or the webhook's secret, so there is no copy view."""
    with pytest.raises(NoReverseMatch):
        reverse(name, args=[1])
