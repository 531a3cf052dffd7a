"""Signed webhooks, delivered from an outbox by the Django Tasks worker (``manage.py db_worker``).

Each change event writes one ``WebhookDelivery`` per interested subscription, in the event's own
transaction (``write_outbox``). After commit a ``deliver_webhooks`` task is enqueued; it claims due
deliveries and POSTs them::

    POST <target_url>
    Content-Type: application/json
    X-Webhook-Id: 5f0c…                      (unique per delivery: receivers dedupe on it)
    X-Webhook-Timestamp: 1767225600
    X-Webhook-Signature: t=1767225600,v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>

    {"delivery_id": "5f0c…", "event": {"id": 42, "event": "published", "resource": "pattern", …}}

Guarantees:

* Claiming uses ``select_for_update(skip_locked=True)`` and a lease (``leased_until``), so several
  workers on PostgreSQL never attempt the same delivery at once. A worker that dies mid-delivery
  leaves a lease that expires; a watchdog task enqueued to run at that moment picks the delivery
  up again. Delivery is therefore at least once: a receiver may see a delivery id twice after a
  crash, never zero times.
* Order per page: a delivery is attempted only when no earlier delivery for the same subscription
  and the same object is still pending.
* A failed attempt (timeout, connection error, non-2xx) is retried with exponential backoff; after
  ``WEBHOOK_RETRY_PERIOD`` (24 hours) the delivery is given up and the subscription is marked failing
  with the last error, which Administrators see in the admin.
"""

import hashlib
import hmac
import json
import logging
import ssl
import time
import uuid
from datetime import timedelta

import urllib3
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import default_task_backend, task

from library import changes as library_changes

from .models import ChangeEvent, WebhookDelivery, WebhookSubscription, validate_event_types  # noqa: F401

# Re-exported: the targets' checks are part of what this module offers (tests, the admin).
from .webhook_targets import Target, _looks_like_ip, is_public, resolve_target, validate_target_url  # noqa: F401

logger = logging.getLogger(__name__)

BATCH_SIZE = 20
USER_AGENT = "LocalGov-Pattern-Library-Webhooks/1"


def setting(name, default):
    return getattr(settings, name, default)


def lease():
    """How long a claimed delivery is reserved for the worker posting it (WEBHOOK_LEASE_SECONDS, 60)."""
    return timedelta(seconds=setting("WEBHOOK_LEASE_SECONDS", 60))


def retry_period():
    return timedelta(seconds=setting("WEBHOOK_RETRY_PERIOD_SECONDS", 24 * 60 * 60))


def backoff(attempts):
    """Seconds to wait after the n-th failed attempt: 30s, 60s, 2min, … capped at an hour."""
    base = setting("WEBHOOK_BACKOFF_BASE_SECONDS", 30)
    return min(base * (2 ** (attempts - 1)), 3600)


# ----- outbox -----------------------------------------------------------------------------------


def write_outbox(*events):
    """Write a delivery for each active subscription that wants each event. Returns how many."""
    subscriptions = list(WebhookSubscription.objects.filter(is_active=True, api_key__revoked_at__isnull=True))
    deliveries = [
        WebhookDelivery(
            delivery_id=uuid.uuid4(),
            subscription=subscription,
            event=event,
            ordering_key=event.ordering_key,
            next_attempt_at=event.occurred_at,
            created_at=event.occurred_at,
        )
        for event in events
        for subscription in subscriptions
        if subscription.wants(event.event)
    ]
    WebhookDelivery.objects.bulk_create(deliveries)
    return len(deliveries)


class WebhookOutbox(library_changes.Consumer):
    """The second consumer: outbox rows for the change feed's events, then one delivery task per transaction."""

    def record(self, change):
        events = change.recorded.get(library_changes.CHANGE_FEED) or []
        change.recorded[library_changes.WEBHOOK_OUTBOX] = write_outbox(*events) if events else 0

    def committed(self, changes):
        if any(change.recorded.get(library_changes.WEBHOOK_OUTBOX) for change in changes):
            enqueue_deliveries()


def enqueue_deliveries(run_after=None):
    try:
        if run_after is not None:
            if not default_task_backend.supports_defer:
                return
            deliver_webhooks.using(run_after=run_after).enqueue()
        else:
            deliver_webhooks.enqueue()
    except Exception:  # enqueueing must never break the publish that triggered it
        logger.exception("Could not enqueue webhook deliveries")


# ----- delivery ---------------------------------------------------------------------------------


def sign(secret, timestamp, body):
    """The signature header's value: ``t=<timestamp>,v1=<hex HMAC-SHA256 of "<timestamp>.<body>">``."""
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def verify(secret, header, body, tolerance=300, now=None):
    """What a receiver does: check the signature and that the timestamp is recent."""
    parts = dict(item.split("=", 1) for item in header.split(","))
    timestamp = int(parts["t"])
    if abs((now or time.time()) - timestamp) > tolerance:
        return False
    return hmac.compare_digest(sign(secret, timestamp, body), header)


def connection_pool(target):
    """A pool that connects to ``target.address`` (never resolving the name again, so a second DNS answer
    cannot redirect the POST: DNS rebinding), while TLS sends the URL's host name (SNI) and checks the
    certificate against it. ``WEBHOOK_CA_BUNDLE`` names extra trusted roots (a private CA)."""
    timeout = urllib3.Timeout(total=setting("WEBHOOK_TIMEOUT_SECONDS", 10))
    if target.scheme == "http":
        return urllib3.HTTPConnectionPool(target.address, target.port, timeout=timeout, retries=False, maxsize=1)
    context = ssl.create_default_context(cafile=setting("WEBHOOK_CA_BUNDLE", None))
    return urllib3.HTTPSConnectionPool(
        target.address,
        target.port,
        timeout=timeout,
        retries=False,
        maxsize=1,
        ssl_context=context,
        server_hostname=target.host,
        assert_hostname=target.host,
        cert_reqs="CERT_REQUIRED",
    )


def post(delivery):
    """POST one delivery to the address its target resolved to. Returns None on success, or the error."""
    subscription = delivery.subscription
    try:
        target = resolve_target(subscription.target_url)
    except ValidationError as exc:
        return "; ".join(exc.messages)
    body = json.dumps({"delivery_id": str(delivery.delivery_id), "event": delivery.event.as_payload()}).encode()
    timestamp = int(time.time())
    headers = {
        "Host": target.host_header,
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "X-Webhook-Id": str(delivery.delivery_id),
        "X-Webhook-Timestamp": str(timestamp),
        "X-Webhook-Signature": sign(subscription.secret, timestamp, body),
    }
    try:
        with connection_pool(target) as pool:
            # A redirect is not followed: it could point at a private address.
            response = pool.urlopen(
                "POST", target.path, body=body, headers=headers, redirect=False, assert_same_host=False
            )
            status = response.status
    except urllib3.exceptions.HTTPError as exc:
        return f"Could not reach {subscription.target_url} ({target.address}): {exc}"
    if 200 <= status < 300:
        return None
    return f"{subscription.target_url} answered HTTP {status}"


def claim(now, batch_size=BATCH_SIZE):
    """Lease the due deliveries that are first in line for their object. Commits before returning."""
    with transaction.atomic():
        candidates = list(
            WebhookDelivery.objects.select_for_update(skip_locked=True)
            .filter(status=WebhookDelivery.Status.PENDING, next_attempt_at__lte=now)
            .filter(Q(leased_until__isnull=True) | Q(leased_until__lte=now))
            .order_by("id")[:batch_size]
        )
        claimed = []
        for delivery in candidates:
            earlier_pending = WebhookDelivery.objects.filter(
                subscription_id=delivery.subscription_id,
                ordering_key=delivery.ordering_key,
                status=WebhookDelivery.Status.PENDING,
                id__lt=delivery.id,
            ).exists()
            if earlier_pending:
                continue  # order per object: wait for the earlier one
            claimed.append(delivery.pk)
        WebhookDelivery.objects.filter(pk__in=claimed).update(leased_until=now + lease())
    return list(WebhookDelivery.objects.filter(pk__in=claimed).select_related("subscription", "event").order_by("id"))


def attempt(delivery):
    error = post(delivery)
    now = timezone.now()
    delivery.attempts += 1
    delivery.leased_until = None
    if error is None:
        delivery.status = WebhookDelivery.Status.DELIVERED
        delivery.delivered_at = now
        delivery.last_error = ""
    else:
        delivery.last_error = error
        if now - delivery.created_at >= retry_period():
            delivery.status = WebhookDelivery.Status.FAILED
            WebhookSubscription.objects.filter(pk=delivery.subscription_id).update(
                is_failing=True, last_error=error, last_error_at=now
            )
        else:
            delivery.next_attempt_at = now + timedelta(seconds=backoff(delivery.attempts))
            WebhookSubscription.objects.filter(pk=delivery.subscription_id).update(last_error=error, last_error_at=now)
    delivery.save(update_fields=["attempts", "leased_until", "status", "delivered_at", "last_error", "next_attempt_at"])
    return error is None


def deliver_due(now=None):
    """Deliver every delivery that is due now; returns how many were attempted."""
    attempted = 0
    while True:
        current = now or timezone.now()
        batch = claim(current)
        if not batch:
            return attempted
        # If this worker dies while posting, this task picks the batch up once the lease expires.
        enqueue_deliveries(run_after=current + lease() + timedelta(seconds=1))
        for delivery in batch:
            attempt(delivery)
            attempted += 1
        if now is not None:
            return attempted


def next_due():
    pending = WebhookDelivery.objects.filter(status=WebhookDelivery.Status.PENDING)
    return pending.order_by("next_attempt_at").values_list("next_attempt_at", flat=True).first()


@task()
def deliver_webhooks():
    """Deliver due webhooks, then schedule the next run for the earliest retry still pending."""
    attempted = deliver_due()
    upcoming = next_due()
    if upcoming is not None and upcoming > timezone.now():
        enqueue_deliveries(run_after=upcoming)
    return attempted
