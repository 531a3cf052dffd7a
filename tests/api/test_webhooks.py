"""Webhooks: outbox, signed POSTs to a real HTTP receiver on 127.0.0.1, retries, order, failure, crashes."""

import json
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from api import webhooks
from api.models import ApiKey, ChangeEvent, WebhookDelivery, WebhookSubscription
from tests import factories


class Receiver:
    """An HTTP server in a thread that answers with the given status codes in turn (then 200)."""

    def __init__(self, statuses=()):
        self.statuses = list(statuses)
        self.requests = []  # (status answered, headers, body)
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                status = receiver.statuses.pop(0) if receiver.statuses else 200
                receiver.requests.append((status, dict(self.headers), body))
                self.send_response(status)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def accepted(self):
        return [json.loads(body) for status, _headers, body in self.requests if status == 200]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    receivers = []

    def make(statuses=()):
        receivers.append(Receiver(statuses))
        return receivers[-1]

    yield make
    for item in receivers:
        item.close()


@pytest.fixture
def subscription_to(db):
    user = get_user_model().objects.create_user(username="acme", password="x")
    api_key, _raw = ApiKey.create_for(user, "Acme")
    # The pattern type the page factory uses exists before anyone subscribes, so the tests see page events only.
    factories.PatternTypeFactory()

    def make(url, event_types=None):
        return WebhookSubscription.objects.create(
            api_key=api_key, target_url=url, event_types=event_types or ["published", "unpublished", "deleted"]
        )

    return make


@pytest.fixture
def no_backoff(settings):
    """Retries become due at once, so a test can watch the whole retry sequence."""
    settings.WEBHOOK_BACKOFF_BASE_SECONDS = 0


def test_signed_delivery_verifies_with_the_secret(
    receiver, subscription_to, pattern_index, django_capture_on_commit_callbacks
):
    """A publish POSTs a JSON event whose signature verifies with the subscription's secret."""
    server = receiver()
    subscription = subscription_to(server.url)
    with django_capture_on_commit_callbacks(execute=True):
        page = factories.ServicePatternPageFactory(parent=pattern_index, slug="report-a-flood")
        page.save_revision().publish()
    (status, headers, body), *_rest = server.requests
    payload = json.loads(body)
    assert payload["event"]["event"] == "published" and payload["event"]["key"] == "report-a-flood"
    assert headers["X-Webhook-Id"] == payload["delivery_id"]
    assert webhooks.verify(subscription.secret, headers["X-Webhook-Signature"], body)
    assert not webhooks.verify("wrong-secret", headers["X-Webhook-Signature"], body)
    assert not webhooks.verify(subscription.secret, headers["X-Webhook-Signature"], body + b" ")


def test_retries_after_500s_arrive_once_in_order(
    receiver, subscription_to, pattern_index, no_backoff, django_capture_on_commit_callbacks
):
    """The receiver fails twice then succeeds: each event is accepted once, and the page's order holds."""
    server = receiver(statuses=[500, 500])
    subscription_to(server.url)
    page = factories.ServicePatternPageFactory(parent=pattern_index, slug="report-a-flood", live=False)
    with django_capture_on_commit_callbacks(execute=True):
        from django.db import transaction

        with transaction.atomic():
            page.save_revision().publish()
            type(page).objects.get(pk=page.pk).unpublish()
    assert [status for status, _h, _b in server.requests] == [500, 500, 200, 200]
    accepted = server.accepted()
    assert [item["event"]["event"] for item in accepted] == ["published", "unpublished"]
    assert len({item["delivery_id"] for item in accepted}) == 2
    first_delivery_ids = {headers["X-Webhook-Id"] for _s, headers, _b in server.requests[:3]}
    assert len(first_delivery_ids) == 1, "a retry resends the same delivery id"
    assert WebhookDelivery.objects.filter(status="delivered").count() == 2


def test_only_subscribed_event_types_are_sent(
    receiver, subscription_to, pattern_index, django_capture_on_commit_callbacks
):
    """A subscription to deletions only gets no publish events."""
    server = receiver()
    subscription_to(server.url, ["deleted"])
    with django_capture_on_commit_callbacks(execute=True):
        page = factories.ServicePatternPageFactory(parent=pattern_index)
        page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    assert [item["event"]["event"] for item in server.accepted()] == ["deleted"]


def test_outbox_is_written_in_the_events_transaction(subscription_to, pattern_index):
    """If the publishing transaction rolls back, neither the event nor its delivery remain."""
    from django.db import transaction

    subscription_to("http://127.0.0.1:9/hooks")
    page = factories.ServicePatternPageFactory(parent=pattern_index, live=False)
    with pytest.raises(RuntimeError), transaction.atomic():
        page.save_revision().publish()
        assert WebhookDelivery.objects.count() == 1
        raise RuntimeError("the publish fails after the event was written")
    assert not ChangeEvent.objects.filter(resource="pattern").exists()
    assert not WebhookDelivery.objects.exists()


def test_gives_up_after_the_retry_period_and_marks_subscription_failing(
    receiver, subscription_to, pattern_index, settings, client, django_capture_on_commit_callbacks
):
    """After the retry period a delivery fails for good; the admin shows the subscription failing."""
    settings.WEBHOOK_RETRY_PERIOD_SECONDS = 0
    server = receiver(statuses=[503] * 5)
    subscription = subscription_to(server.url)
    with django_capture_on_commit_callbacks(execute=True):
        page = factories.ServicePatternPageFactory(parent=pattern_index)
        page.save_revision().publish()
    subscription.refresh_from_db()
    assert subscription.is_failing
    assert "HTTP 503" in subscription.last_error
    assert WebhookDelivery.objects.get().status == "failed"
    admin = get_user_model().objects.create_superuser(username="admin", password="x", email="a@example.com")
    client.force_login(admin)
    listing = client.get(reverse("webhooks:index")).content.decode()
    assert "Failing" in listing and "HTTP 503" in listing


def test_backoff_grows_and_caps():
    """Retries wait 30s, 60s, 120s … up to an hour."""
    assert [webhooks.backoff(n) for n in (1, 2, 3)] == [30, 60, 120]
    assert webhooks.backoff(20) == 3600


def test_crashed_worker_loses_nothing(receiver, subscription_to, pattern_index, settings):
    """A worker that dies after claiming leaves a lease; nobody else delivers until it expires, then
    the delivery goes out once, and a watchdog run was scheduled for that moment."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    from django_tasks import default_task_backend

    server = receiver()
    subscription_to(server.url)
    page = factories.ServicePatternPageFactory(parent=pattern_index)
    page.save_revision().publish()
    delivery = WebhookDelivery.objects.get()
    now = timezone.now()

    # Worker A claims the delivery, schedules its watchdog and dies before posting.
    claimed = webhooks.claim(now)
    assert [d.pk for d in claimed] == [delivery.pk]
    webhooks.enqueue_deliveries(run_after=now + webhooks.lease())
    watchdogs = [r for r in default_task_backend.results if r.task.run_after is not None]
    assert watchdogs and watchdogs[-1].task.run_after == now + webhooks.lease()

    # Worker B, before the lease expires, must not deliver it (no double delivery).
    assert webhooks.deliver_due(now=now + timedelta(seconds=1)) == 0
    assert server.requests == []

    # After the lease expires (the watchdog's run), it is delivered exactly once.
    assert webhooks.deliver_due(now=now + webhooks.lease() + timedelta(seconds=1)) == 1
    assert len(server.accepted()) == 1
    delivery.refresh_from_db()
    assert delivery.status == "delivered" and delivery.attempts == 1


def test_deliver_due_schedules_a_watchdog_before_posting(receiver, subscription_to, pattern_index, settings):
    """Every claim schedules a follow-up run at lease expiry, before any POST is attempted."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    from django_tasks import default_task_backend

    server = receiver()
    subscription_to(server.url)
    page = factories.ServicePatternPageFactory(parent=pattern_index)
    page.save_revision().publish()
    before = len(default_task_backend.results)
    assert webhooks.deliver_due() == 1
    scheduled = [r.task.run_after for r in default_task_backend.results[before:] if r.task.run_after]
    assert scheduled, "a watchdog run must be scheduled"


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.com/hooks",
        "javascript:alert(1)",
        "http://",
        "http://127.0.0.1/hooks",
        "http://10.1.2.3/x",
        "http://localhost/x",
        "http://[::1]/x",
        "http://169.254.169.254/latest",
    ],
)
def test_private_and_non_http_targets_refused_in_production(settings, url):
    """Only http(s) to public addresses is allowed unless the private-targets setting is on."""
    settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS = False
    with pytest.raises(ValidationError):
        webhooks.validate_target_url(url)


def test_private_targets_allowed_when_setting_on(settings):
    """The test settings allow 127.0.0.1 receivers; other schemes stay refused."""
    settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS = True
    webhooks.validate_target_url("http://127.0.0.1:8080/hooks")
    with pytest.raises(ValidationError):
        webhooks.validate_target_url("file:///etc/passwd")


def test_public_target_allowed(settings):
    """A public IP address is a valid target."""
    settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS = False
    webhooks.validate_target_url("https://93.184.215.14/hooks")


def test_event_types_validated():
    """Unknown event types are refused with the known ones listed."""
    webhooks.validate_event_types(["published", "deleted"])
    with pytest.raises(ValidationError, match="created"):
        webhooks.validate_event_types(["created"])
    with pytest.raises(ValidationError):
        webhooks.validate_event_types([])


def test_revoked_keys_subscriptions_get_nothing(
    receiver, subscription_to, pattern_index, django_capture_on_commit_callbacks
):
    """Revoking a key stops its webhooks."""
    server = receiver()
    subscription = subscription_to(server.url)
    subscription.api_key.revoke()
    with django_capture_on_commit_callbacks(execute=True):
        page = factories.ServicePatternPageFactory(parent=pattern_index)
        page.save_revision().publish()
    assert server.requests == []
    assert not WebhookDelivery.objects.exists()
