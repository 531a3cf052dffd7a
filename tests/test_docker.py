"""docker-compose.yml and the Dockerfile: checked by reading them, since there is no Docker engine here.

These stand in for ``docker compose config``: every service the issue asks for exists, waits for the
services it needs to be healthy, and every volume and service it names is declared.
"""

import re
from pathlib import Path

import pytest
import yaml
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


@pytest.fixture(scope="module")
def compose():
    with (ROOT / "docker-compose.yml").open() as handle:
        return yaml.safe_load(handle)


@pytest.fixture(scope="module")
def dockerfile():
    return (ROOT / "Dockerfile").read_text()


def command_of(service):
    command = service.get("command", [])
    return " ".join(command) if isinstance(command, list) else command


def test_compose_has_the_four_services(compose):
    """web, db, search and worker are all defined."""
    assert {"web", "db", "search", "worker"} <= set(compose["services"])


def test_web_runs_gunicorn_with_production_settings(compose, dockerfile):
    """The web service serves the WSGI app with gunicorn under production settings."""
    web = compose["services"]["web"]
    assert web["environment"]["DJANGO_SETTINGS_MODULE"] == "cms.settings.production"
    assert "build" in web
    assert re.search(r'CMD \["gunicorn", "cms\.wsgi:application"', dockerfile)


def test_worker_runs_the_task_worker(compose):
    """The worker runs Django Tasks' database worker against the same database."""
    worker = compose["services"]["worker"]
    assert command_of(worker) == "python manage.py db_worker"
    assert worker["environment"]["DATABASE_URL"] == compose["services"]["web"]["environment"]["DATABASE_URL"]


def test_db_is_postgres_16_with_a_healthcheck(compose):
    """PostgreSQL 16 reports its health with pg_isready."""
    db = compose["services"]["db"]
    assert db["image"].startswith("postgres:16")
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])


def test_search_is_a_single_elasticsearch_9_node_with_explicit_security(compose):
    """Elasticsearch 9 runs as one node, its security settings spelled out, with a healthcheck."""
    search = compose["services"]["search"]
    assert re.fullmatch(r"docker\.elastic\.co/elasticsearch/elasticsearch:9\.\d+\.\d+", search["image"])
    assert search["environment"]["discovery.type"] == "single-node"
    assert search["environment"]["xpack.security.enabled"] in {"true", "false"}
    assert "_cluster/health" in " ".join(search["healthcheck"]["test"])
    assert compose["services"]["web"]["environment"]["ELASTICSEARCH_URL"] == "http://search:9200"


def test_web_and_worker_wait_for_healthy_services(compose):
    """web and worker start only when the database and Elasticsearch are healthy and migrations are done."""
    for name in ("web", "worker"):
        depends_on = compose["services"][name]["depends_on"]
        assert depends_on["db"] == {"condition": "service_healthy"}
        assert depends_on["search"] == {"condition": "service_healthy"}
        assert depends_on["migrate"] == {"condition": "service_completed_successfully"}
    assert command_of(compose["services"]["migrate"]) == "python manage.py migrate --no-input"


def test_every_dependency_with_a_health_condition_has_a_healthcheck(compose):
    """A service_healthy condition on a service without a healthcheck would never be met."""
    services = compose["services"]
    for name, service in services.items():
        for target, rule in (service.get("depends_on") or {}).items():
            assert target in services, f"{name} depends on undefined service {target}"
            if rule.get("condition") == "service_healthy":
                assert "healthcheck" in services[target], f"{name} waits for {target}, which has no healthcheck"


def test_data_and_media_live_in_declared_volumes(compose):
    """Database, search index and uploaded media survive restarts in named volumes, all declared."""
    declared = set(compose["volumes"])
    mounts = {
        name: {volume.split(":")[0]: volume.split(":")[1] for volume in service.get("volumes", [])}
        for name, service in compose["services"].items()
    }
    assert mounts["db"]["db-data"] == "/var/lib/postgresql/data"
    assert mounts["search"]["search-data"] == "/usr/share/elasticsearch/data"
    media_root = compose["services"]["web"]["environment"]["MEDIA_ROOT"]
    assert mounts["web"]["media"] == mounts["worker"]["media"] == media_root
    used = {source for volumes in mounts.values() for source in volumes if not source.startswith((".", "/"))}
    assert used <= declared


def test_secret_key_comes_from_the_environment(compose):
    """No secret is written into the compose file; SECRET_KEY is taken from the environment or .env."""
    assert compose["services"]["web"]["environment"]["SECRET_KEY"] == "${SECRET_KEY:-}"


def test_dockerfile_builds_frontend_and_collects_static(dockerfile):
    """The image is Python 3.11 slim, with GOV.UK Frontend built in a node stage and static files collected."""
    assert re.search(r"^FROM node:\S+ AS frontend$", dockerfile, re.MULTILINE)
    assert re.search(r"^FROM python:3\.11-slim$", dockerfile, re.MULTILINE)
    assert "node scripts/copy-frontend.mjs" in dockerfile
    assert "COPY --from=frontend" in dockerfile
    assert "manage.py collectstatic --no-input" in dockerfile
    assert re.search(r"^USER app$", dockerfile, re.MULTILINE)


def test_graphviz_is_installed_wherever_the_site_runs(dockerfile):
    """dot lays out process diagrams: the image, CI and `make run` all install or ask for Graphviz."""
    assert re.search(r"apt-get install -y --no-install-recommends [a-z ]*\bgraphviz\b", dockerfile)
    assert "apt-get install -y -qq graphviz" in (ROOT / ".ci" / "run").read_text()
    makefile = (ROOT / "Makefile").read_text()
    assert "run: graphviz " in makefile and "apt-get install graphviz" in makefile


def test_the_image_can_render_screens_when_a_pattern_is_saved(dockerfile):
    """The web image carries Node and the npm packages the screen renderer needs (no per-request use)."""
    assert "COPY --from=frontend /usr/local/bin/node /usr/local/bin/node" in dockerfile
    assert "/app/node_modules node_modules" in dockerfile
