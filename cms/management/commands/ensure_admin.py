"""Create the admin user for a local install, or leave an existing one alone, then say where everything is.

The name and password come from ADMIN_USERNAME / ADMIN_PASSWORD (and ADMIN_EMAIL); without them the
user is ``admin`` with a random password. `make run` calls this after ``load_demo`` with the address it
serves, and prints the addresses of the site, the admin and the API docs, the admin's name and password
and the demo supplier's API key, on every run: a generated password and the demo key are kept in the
local credentials file (``pattern_pages.demo.credentials``), the database holding only their hashes.
"""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from api.models import ApiKey, hash_key
from pattern_pages.demo import credentials

DEFAULT_ADDRESS = "http://127.0.0.1:8000"


class Command(BaseCommand):
    help = "Create the admin superuser if it does not exist, and print how to log in and use the demo API key."

    def add_arguments(self, parser):
        parser.add_argument(
            "--address",
            default=None,
            help="Where the site is served, e.g. http://127.0.0.1:8000 (default: SITE_URL, else that).",
        )

    def handle(self, *args, **options):
        address = (options["address"] or getattr(settings, "SITE_URL", "") or DEFAULT_ADDRESS).rstrip("/")
        username, password = self.ensure_admin()
        self.welcome(address, username, password)

    def ensure_admin(self):
        """``(username, password)``; the password is None when it is not known here."""
        User = get_user_model()
        username = os.environ.get("ADMIN_USERNAME", "admin")
        password = os.environ.get("ADMIN_PASSWORD")
        email = os.environ.get("ADMIN_EMAIL", "admin@example.gov.uk")
        user = User.objects.filter(username=username).first()
        if user is None:
            generated = not password
            password = password or secrets.token_urlsafe(12)
            User.objects.create_superuser(username=username, email=email, password=password)
            if generated:
                credentials.remember(admin={"username": username, "password": password})
            self.stdout.write(self.style.SUCCESS(f"Created the admin user '{username}'."))
            return username, password
        if password:
            user.set_password(password)
            user.save(update_fields=["password"])
            self.stdout.write(f"Admin user '{username}' exists; its password was set from ADMIN_PASSWORD.")
            return username, password
        kept = credentials.read().get("admin") or {}
        if kept.get("username") == username and user.check_password(kept.get("password", "")):
            return username, kept["password"]
        self.stdout.write(f"Admin user '{username}' exists (password unchanged; set ADMIN_PASSWORD to reset it).")
        return username, None

    def welcome(self, address, username, password):
        key = credentials.read().get("demo_api_key")
        if key and not ApiKey.objects.active().filter(key_hash=hash_key(key)).exists():
            key = None
        lines = [
            "",
            "The pattern library is ready:",
            f"  Site:      {address}/",
            f"  Welsh:     {address}/cy/",
            f"  Admin:     {address}/admin/",
            f"  API docs:  {address}/api/v1/docs/",
            "",
            f"  Admin username: {username}",
            f"  Admin password: {password if password else '(unchanged; set ADMIN_PASSWORD to reset it)'}",
        ]
        if key:
            lines += [
                f"  Demo supplier's API key: {key}",
                f'    e.g. curl -H "Authorization: Bearer {key}" {address}/api/v1/patterns/',
            ]
        self.stdout.write(self.style.SUCCESS("\n".join(lines)) + "\n")
