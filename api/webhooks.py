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
import ipaddress
import json
import logging
import socket
import time
import urllib.error
import urllib.request
import uuid
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import default_task_backend, task

from .models import ChangeEvent, WebhookDelivery, WebhookSubscription

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


# ----- validation -------------------------------------------------------------------------------


def validate_event_types(event_types):
    known = set(ChangeEvent.Kind.values)
    if not isinstance(event_types, list) or not event_types:
        raise ValidationError({"event_types": f"Give a list of event types from: {', '.join(sorted(known))}."})
    unknown = [event for event in event_types if event not in known]
    if unknown:
        raise ValidationError(
            {"event_types": f"Unknown event type(s): {', '.join(map(str, unknown))}. Use: {', '.join(sorted(known))}."}
        )


def _is_private(address):
    ip = ipaddress.ip_address(address)
    return ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast


def validate_target_url(url, resolve=True):
    """http/https only; private, loopback and link-local addresses are refused unless
    ``WEBHOOKS_ALLOW_PRIVATE_TARGETS`` is on (it is in the test settings)."""
    parts = urlsplit(url or "")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValidationError({"target_url": "Use an http or https URL, e.g. https://example.com/hooks."})
    if setting("WEBHOOKS_ALLOW_PRIVATE_TARGETS", False):
        return
    host = parts.hostname
    try:
        addresses = [host] if _looks_like_ip(host) else _resolve(host) if resolve else []
    except OSError as exc:
        raise ValidationError({"target_url": f"The host '{host}' cannot be resolved."}) from exc
    if host == "localhost" or any(_is_private(address) for address in addresses):
        raise ValidationError({"target_url": "Private, loopback and link-local addresses are not allowed."})


def _looks_like_ip(host):
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return False


def _resolve(host):
    return [info[4][0] for info in socket.getaddrinfo(host, None)]


# ----- outbox -----------------------------------------------------------------------------------


def write_outbox(change):
    """Write a delivery for each active subscription that wants this event. Returns how many."""
    subscriptions = [
        subscription
        for subscription in WebhookSubscription.objects.filter(is_active=True, api_key__revoked_at__isnull=True)
        if subscription.wants(change.event)
    ]
    WebhookDelivery.objects.bulk_create(
        [
            WebhookDelivery(
                delivery_id=uuid.uuid4(),
                subscription=subscription,
                event=change,
                ordering_key=change.ordering_key,
                next_attempt_at=change.occurred_at,
                created_at=change.occurred_at,
            )
            for subscription in subscriptions
        ]
    )
    return len(subscriptions)


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


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # a redirect could point at a private address
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def post(delivery):
    """POST one delivery. Returns None on success, or the error to record."""
    subscription = delivery.subscription
    try:
        validate_target_url(subscription.target_url)
    except ValidationError as exc:
        return "; ".join(exc.messages)
    body = json.dumps({"delivery_id": str(delivery.delivery_id), "event": delivery.event.as_payload()}).encode()
    timestamp = int(time.time())
    request = urllib.request.Request(  # noqa: S310 (the scheme is checked above: http or https only)
        subscription.target_url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            "X-Webhook-Id": str(delivery.delivery_id),
            "X-Webhook-Timestamp": str(timestamp),
            "X-Webhook-Signature": sign(subscription.secret, timestamp, body),
        },
    )
    try:
        with _opener.open(request, timeout=setting("WEBHOOK_TIMEOUT_SECONDS", 10)) as response:
            status = response.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    except (urllib.error.URLError, OSError, TimeoutError) as exc:
        return f"Could not reach {subscription.target_url}: {exc}"
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
