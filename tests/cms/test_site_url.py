"""SITE_URL: one setting for the site's address, refused at start-up when it cannot be one (issue 14)."""

import importlib.util
import os
from unittest import mock

import pytest

from library.site_url import absolute, check_site_url, on_site


@pytest.mark.parametrize(
    "value",
    [
        "",
        "127.0.0.1:8000",
        "patterns.example.org",
        "ftp://patterns.example.org",
        "https://",
        "https://patterns.example.org/library/",
        "https://patterns.example.org/?x=1",
        "https://patterns.example.org:8443",
        "http://patterns.example.org:443",
        "http://patterns.example.org:notaport",
        "https://user:secret@patterns.example.org",
    ],
)
def test_check_refuses_a_malformed_site_url(settings, value):
    settings.SITE_URL = value
    errors = check_site_url()
    assert [error.id for error in errors] == ["cms.E001"]
    assert "SITE_URL" in errors[0].msg


@pytest.mark.parametrize(
    "value", ["http://127.0.0.1:8000", "http://localhost", "https://patterns.example.org", "https://x.org/"]
)
def test_check_accepts_a_site_address(settings, value):
    settings.SITE_URL = value
    assert check_site_url() == []


def test_absolute_and_on_site(settings):
    settings.SITE_URL = "https://patterns.example.org/"
    assert absolute("/api/v1/") == "https://patterns.example.org/api/v1/"
    assert (
        on_site("http://internal:8080/api/v1/patterns/?limit=1")
        == "https://patterns.example.org/api/v1/patterns/?limit=1"
    )
    assert on_site(None) is None


def load_base_settings(env):
    spec = importlib.util.find_spec("cms.settings.base")
    module = importlib.util.module_from_spec(spec)
    with mock.patch.dict(os.environ, env, clear=False):
        for name in ("SITE_URL", "WAGTAILADMIN_BASE_URL"):
            if name not in env:
                os.environ.pop(name, None)
        spec.loader.exec_module(module)
    return module


def test_site_url_comes_from_the_environment_and_the_admin_follows_it():
    module = load_base_settings({"SITE_URL": "https://patterns.example.org"})
    assert module.SITE_URL == module.WAGTAILADMIN_BASE_URL == "https://patterns.example.org"
    default = load_base_settings({})
    assert default.SITE_URL == default.WAGTAILADMIN_BASE_URL == "http://127.0.0.1:8000"


def test_make_run_sets_site_url_to_the_address_it_serves():
    """`make run PORT=9123` exports SITE_URL=http://127.0.0.1:9123 to migrate, load_demo and runserver (read
    from make's database with -n: nothing is run)."""
    import shutil
    import subprocess

    from django.conf import settings

    if not shutil.which("make"):
        pytest.skip("make is not installed")
    env = {k: v for k, v in os.environ.items() if k not in {"SITE_URL", "HOST", "PORT"}}
    result = subprocess.run(
        ["make", "-pn", "run", "PORT=9123"],  # noqa: S607
        capture_output=True,
        text=True,
        env=env,
        cwd=settings.BASE_DIR,
        timeout=60,
    )
    for target in ("migrate", "demo", "run"):
        assert f"{target}: SITE_URL := http://127.0.0.1:9123" in result.stdout
    assert "runserver 127.0.0.1:9123" in result.stdout
    assert "migrate demo run: export SITE_URL" in (settings.BASE_DIR / "Makefile").read_text()


def test_site_url_is_documented():
    from django.conf import settings

    readme = (settings.BASE_DIR / "README.md").read_text()
    compose = (settings.BASE_DIR / "docker-compose.yml").read_text()
    assert "**`SITE_URL`**" in readme
    assert "SITE_URL: ${SITE_URL:-" in compose


def test_moving_the_default_site_moves_the_library_version(db, settings, django_capture_on_commit_callbacks):
    """The default Site follows SITE_URL by an update, which sends no signal: the change is said, so pages
    kept (and the site each process remembers for serving them) under the old address are let go."""
    from wagtail.models import Site

    from library import kept
    from library.site_url import sync_default_site

    settings.SITE_URL = "https://patterns.example.org"
    with django_capture_on_commit_callbacks(execute=True):
        sync_default_site()
    before = kept.read_version()
    settings.SITE_URL = "http://library.example.org:8080"
    with django_capture_on_commit_callbacks(execute=True):
        sync_default_site()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("library.example.org", 8080)
    after = kept.read_version()
    assert after != before
    with django_capture_on_commit_callbacks(execute=True):
        sync_default_site()  # already there: nothing changed, nothing said
    assert kept.read_version() == after
