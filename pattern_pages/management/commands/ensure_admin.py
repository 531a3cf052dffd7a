"""Create the admin user for a local install, or leave an existing one alone.

The name and password come from ADMIN_USERNAME / ADMIN_PASSWORD (and ADMIN_EMAIL); without them the
user is ``admin`` with a random password, printed once when the user is created.
"""

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create the admin superuser if it does not exist, and print how to log in."

    def handle(self, *args, **options):
        User = get_user_model()
        username = os.environ.get("ADMIN_USERNAME", "admin")
        password = os.environ.get("ADMIN_PASSWORD")
        email = os.environ.get("ADMIN_EMAIL", "admin@example.gov.uk")
        user = User.objects.filter(username=username).first()
        if user is not None:
            if password:
                user.set_password(password)
                user.save(update_fields=["password"])
                self.stdout.write(f"Admin user '{username}' exists; its password was set from ADMIN_PASSWORD.")
            else:
                self.stdout.write(
                    f"Admin user '{username}' exists (password unchanged; set ADMIN_PASSWORD to reset it)."
                )
            return
        password = password or secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email=email, password=password)
        self.stdout.write(self.style.SUCCESS("Created the admin user. Log in at http://127.0.0.1:8000/admin/ with:"))
        self.stdout.write(f"  username: {username}\n  password: {password}")
