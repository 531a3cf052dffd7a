"""The real worker: `manage.py db_worker` as a subprocess on the PostgreSQL test database, killed while
it is posting a webhook, then restarted. Nothing is lost; the delivery goes out once it completes.

PostgreSQL only: the worker process must see the test's committed rows, and SQLite's in-memory test
database is private to the test process.
"""

import json
import os
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection

from api.models import ApiKey, WebhookDelivery, WebhookSubscription
from tests import factories

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the worker subprocess needs PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]
LEASE_SECONDS = 3
READY_TIMEOUT = 300


class HangingReceiver:
    """Holds the first POST open (so the worker is mid-delivery), answers 200 to the rest."""

    def __init__(self):
        self.first_arrived = threading.Event()
        self.release = threading.Event()
        self.completed = []  # bodies answered 200 on a live connection
        self.webhook_ids = []  # X-Webhook-Id of every POST that arrived, answered or not
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.webhook_ids.append(self.headers["X-Webhook-Id"])
                if not receiver.first_arrived.is_set():
                    receiver.first_arrived.set()
                    receiver.release.wait(30)
                    return  # the worker that sent it is dead by now
                self.send_response(200)
                self.end_headers()
                receiver.completed.append(json.loads(body))

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def start_worker(**extra_env):
    """``manage.py db_worker`` on the test database, polling every 0.2 s; ``extra_env`` adds variables.

    Returns once the worker says it is starting its loop (Django set up, connected): on a loaded machine
    that took over 10 s, so the test waits for the worker to be ready, not for a fixed time.
    """
    database = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
        "TEST_TASKS_BACKEND": "database",
        "WEBHOOK_LEASE_SECONDS": str(LEASE_SECONDS),
        "LOG_LEVEL": "INFO",
        **extra_env,
    }
    worker = subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay", "--no-reload"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    ready = threading.Event()
    output = []

    def read_log():
        # Reads the log to its end, so the worker never blocks on a full pipe.
        for line in worker.stderr:
            output.append(line)
            if "Starting worker" in line:
                ready.set()
        ready.set()  # the worker exited: stop waiting, the check below says why

    threading.Thread(target=read_log, daemon=True).start()
    # A safety net only: the wait ends as soon as the worker logs that it is starting.
    ready.wait(READY_TIMEOUT)
    assert worker.poll() is None and any("Starting worker" in line for line in output), (
        f"db_worker did not start within {READY_TIMEOUT} s:\n" + "".join(output[-30:])
    )
    return worker


def wait_for(condition, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_worker_killed_mid_delivery_loses_nothing(pattern_index, settings):
    """Kill the worker while its POST is in flight; a restarted worker delivers the event once the lease ends."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.WEBHOOK_LEASE_SECONDS = LEASE_SECONDS
    receiver = HangingReceiver()
    user = get_user_model().objects.create_user(username="acme", password="x")
    api_key, _raw = ApiKey.create_for(user, "Acme")
    factories.PatternTypeFactory()
    WebhookSubscription.objects.create(api_key=api_key, target_url=receiver.url, event_types=["published"])
    page = factories.ServicePatternPageFactory(parent=pattern_index, slug="report-a-flood")
    page.save_revision().publish()  # commits: the outbox row and a deliver_webhooks task are in the database

    first = start_worker()
    workers = [first]
    try:
        assert receiver.first_arrived.wait(60), "the worker never posted the webhook"
        first.send_signal(signal.SIGKILL)
        first.wait(10)
        receiver.release.set()
        delivery = WebhookDelivery.objects.get()
        assert delivery.status == "pending" and delivery.leased_until is not None

        workers.append(start_worker())
        assert wait_for(lambda: receiver.completed), "the restarted worker did not deliver the event"
        assert wait_for(lambda: WebhookDelivery.objects.get().status == "delivered")
        time.sleep(LEASE_SECONDS + 1)  # any stray duplicate would have gone out by now
        assert [item["event"]["key"] for item in receiver.completed] == ["report-a-flood"]
        assert receiver.completed[0]["delivery_id"] == str(delivery.delivery_id)
        # The receiver saw the event twice (the attempt the kill cut off, then the redelivery), both with one
        # idempotency key: deduplicating on X-Webhook-Id, it acts on the event exactly once.
        assert receiver.webhook_ids == [str(delivery.delivery_id)] * 2
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.terminate()
                worker.wait(10)
        receiver.server.shutdown()
