"""The test suite: fast hashing, in-memory email, tasks run at once inside the request."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
# The API tests run webhook receivers on 127.0.0.1.
WEBHOOKS_ALLOW_PRIVATE_TARGETS = True
