"""API keys, sent as ``Authorization: Bearer lgpl_…``. A key acts as its user."""

from datetime import timedelta

from django.utils import timezone
from rest_framework import authentication, exceptions

from .models import ApiKey, hash_key

# Recording every use would write on every request; once a minute is enough to tell a key is in use.
LAST_USED_RESOLUTION = timedelta(minutes=1)


class ApiKeyAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).decode("latin-1").split()
        if not header or header[0].lower() != self.keyword.lower():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed("Send the key as 'Authorization: Bearer <key>'.")
        # No caching: a key revoked in the admin is refused on the very next request.
        key = ApiKey.objects.select_related("user").filter(key_hash=hash_key(header[1])).first()
        if key is None or not key.is_active:
            raise exceptions.AuthenticationFailed("The API key is not valid or has been revoked.")
        if not key.user.is_active:
            raise exceptions.AuthenticationFailed("The API key's user account is disabled.")
        now = timezone.now()
        if key.last_used_at is None or now - key.last_used_at > LAST_USED_RESOLUTION:
            ApiKey.objects.filter(pk=key.pk).update(last_used_at=now)
            key.last_used_at = now
        return key.user, key

    def authenticate_header(self, request):
        return self.keyword


class SessionAuthentication(authentication.SessionAuthentication):
    """An editor signed in to the admin may preview drafts (headless preview). Sending (POST) needs an API
    key; a signed-in browser's POST meets DRF's CSRF check and the key check, and is refused."""
