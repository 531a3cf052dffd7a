"""Production settings: they refuse to start without a secret and pass Django's deployment checks.

Each test starts a fresh Python, since settings are read once per process.
"""

import os
import subprocess
import sys

from django.conf import settings

PRODUCTION_SECRET = "a-production-secret-for-this-test-only-7Hq2vP9xLm4RtZ8wNc3Kd6Yb"  # noqa: S105


def run_python(args, tmp_path, **env):
    """Run the project's Python with production settings and ``env`` on top of a clean environment."""
    # DJANGO_ALLOW_ASYNC_UNSAFE is set by the browser-test fixtures in this process; production never has it.
    unset = {"SECRET_KEY", "ALLOWED_HOSTS", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    base = {key: value for key, value in os.environ.items() if key not in unset}
    base.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        **env,
    )
    return subprocess.run(  # noqa: S603
        [sys.executable, *args], cwd=settings.BASE_DIR, env=base, capture_output=True, text=True, timeout=120
    )


def test_production_refuses_to_start_without_secret_key(tmp_path):
    """Without SECRET_KEY the production settings stop with a message that names it."""
    result = run_python(["-c", "import django; django.setup()"], tmp_path)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_a_short_secret_key(tmp_path):
    """A guessable short SECRET_KEY is refused as well."""
    result = run_python(["-c", "import django; django.setup()"], tmp_path, SECRET_KEY="short")
    assert result.returncode != 0
    assert "at least 50 characters" in result.stderr


def test_production_starts_with_a_secret_key(tmp_path):
    """With a long SECRET_KEY the production settings load, with DEBUG off."""
    script = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"
    result = run_python(["-c", script], tmp_path, SECRET_KEY=PRODUCTION_SECRET)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_production_passes_check_deploy(tmp_path):
    """`manage.py check --deploy` reports no warnings at all with production settings."""
    result = run_python(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        tmp_path,
        SECRET_KEY=PRODUCTION_SECRET,
        ALLOWED_HOSTS="patterns.example.gov.uk",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
