"""Local development: debug on, a fixed secret, email to the console."""

from .base import *  # noqa: F403
from .base import os

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-secret-not-for-production"  # noqa: S105
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
