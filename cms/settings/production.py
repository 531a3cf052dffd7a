"""Production: refuses to start without a SECRET_KEY; secure cookies, HSTS and HTTPS redirects."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import REDIS_URL, env_bool, os

DEBUG = False

if not REDIS_URL:
    # Shared by every gunicorn worker, so rate limits hold across processes. The table is created after
    # each migrate (cms.apps). Set REDIS_URL for a faster shared cache.
    # A new dict, not base's changed in place: base's settings stay as base defines them.
    CACHES = {  # noqa: F405
        **CACHES,  # noqa: F405
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "library_cache"},
    }
    # The database cache's incr() reads, then writes: limits count in rows updated in place instead.
    LIMITS_COUNTER = "limits.counting.DatabaseCounter"
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment (at least 50 characters) in production.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"
