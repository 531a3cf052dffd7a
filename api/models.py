"""The supplier API's own data: keys, the change feed, webhook subscriptions and their outbox."""

import hashlib
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .webhook_targets import validate_target_url

KEY_PREFIX = "lgpl_"


def hash_key(raw_key):
    """The stored form of a key: its SHA-256. A key is 32 random bytes, so a slow hash adds nothing."""
    return hashlib.sha256(raw_key.encode()).hexdigest()


class ApiKeyQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)


class ApiKey(models.Model):
    """A supplier's key. Only its hash is stored; the key itself is shown once, when it is created.

    A key acts as its user: it may read the drafts that user may edit in the Wagtail admin.
    """

    name = models.CharField(max_length=200, help_text=_("Who the key is for, e.g. 'Acme Forms (production)'"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_keys",
        help_text=_("The key reads drafts with this user's page permissions."),
    )
    prefix = models.CharField(
        max_length=16, editable=False, help_text=_("The key's first characters, to tell keys apart.")
    )
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    supplier_name = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("The supplier as councils know it, e.g. 'Acme Forms'; shown on adoptions the key sends."),
    )
    councils = models.ManyToManyField(
        "pattern_pages.Council",
        blank=True,
        related_name="supplier_keys",
        help_text=_("The councils this supplier serves: the key may send adoptions for these councils only."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)

    panels = [FieldPanel("name"), FieldPanel("user"), FieldPanel("supplier_name"), FieldPanel("councils")]

    objects = ApiKeyQuerySet.as_manager()

    class Meta:
        verbose_name = _("API key")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @classmethod
    def generate(cls):
        """Return ``(raw_key, prefix, key_hash)`` for a new key, e.g. ``lgpl_3q…``."""
        raw_key = KEY_PREFIX + secrets.token_urlsafe(32)
        return raw_key, raw_key[: len(KEY_PREFIX) + 6], hash_key(raw_key)

    @classmethod
    def create_for(cls, user, name):
        """Create a key and return ``(api_key, raw_key)``; the raw key cannot be recovered later."""
        raw_key, prefix, key_hash = cls.generate()
        return cls.objects.create(user=user, name=name, prefix=prefix, key_hash=key_hash), raw_key

    @property
    def is_active(self):
        return self.revoked_at is None

    def revoke(self):
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])


class ChangeEvent(models.Model):
    """One entry of the change feed. Its id is the feed's cursor.

    Ids are allocated while holding a transaction-scoped lock (see ``api.changes``), so an event
    becomes visible only after every event with a smaller id: a reader that has seen id N never
    later finds an event below N.
    """

    class Kind(models.TextChoices):
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Unpublished")
        DELETED = "deleted", _("Deleted")
        MOVED = "moved", _("Moved")

    id = models.BigAutoField(primary_key=True)
    event = models.CharField(max_length=20, choices=Kind.choices)
    resource = models.CharField(max_length=30, help_text=_("e.g. 'pattern', 'process', 'service'"))
    object_id = models.PositiveBigIntegerField()
    key = models.CharField(max_length=255, help_text=_("The natural key: a slug, LGSL or GSS code."))
    locale = models.CharField(max_length=10, blank=True)
    title = models.CharField(max_length=255, blank=True)
    url = models.CharField(max_length=500, blank=True)
    occurred_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("change event")

    def __str__(self):
        return f"#{self.pk} {self.event} {self.resource} {self.key}"

    @property
    def ordering_key(self):
        """Events about the same object are delivered to a webhook in this object's order."""
        return f"{self.resource}:{self.object_id}"

    def as_payload(self):
        return {
            "id": self.pk,
            "event": self.event,
            "resource": self.resource,
            "object_id": self.object_id,
            "key": self.key,
            "locale": self.locale,
            "title": self.title,
            "url": self.url,
            "occurred_at": self.occurred_at.isoformat(),
        }


def validate_event_types(event_types):
    known = set(ChangeEvent.Kind.values)
    if not isinstance(event_types, list) or not event_types:
        raise ValidationError(
            {"event_types": _("Give a list of event types from: %(known)s.") % {"known": ", ".join(sorted(known))}}
        )
    unknown = [event for event in event_types if event not in known]
    if unknown:
        raise ValidationError(
            {
                "event_types": _("Unknown event type(s): %(unknown)s. Use: %(known)s.")
                % {"unknown": ", ".join(map(str, unknown)), "known": ", ".join(sorted(known))}
            }
        )


def default_event_types():
    return [kind.value for kind in ChangeEvent.Kind]


class WebhookSubscription(models.Model):
    """Where to POST change events for one API key, and the secret to sign them with."""

    api_key = models.ForeignKey(ApiKey, on_delete=models.CASCADE, related_name="webhook_subscriptions")
    target_url = models.URLField(max_length=500, help_text=_("e.g. https://forms.example.com/hooks/patterns"))
    event_types = models.JSONField(
        default=default_event_types, help_text=_("Any of: published, unpublished, deleted, moved")
    )
    secret = models.CharField(
        max_length=128,
        default="",
        blank=True,
        help_text=_("Signs every delivery (HMAC-SHA256). Left empty, one is generated."),
    )
    is_active = models.BooleanField(default=True)
    is_failing = models.BooleanField(
        default=False, editable=False, help_text=_("Set when a delivery kept failing for the whole retry period.")
    )
    last_error = models.TextField(blank=True, editable=False)
    last_error_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    # No secret: it is generated, and shown once after creation and after each rotation.
    panels = [FieldPanel("api_key"), FieldPanel("target_url"), FieldPanel("event_types"), FieldPanel("is_active")]

    class Meta:
        verbose_name = _("webhook subscription")

    def __str__(self):
        return self.target_url

    def clean(self):
        validate_target_url(self.target_url)
        validate_event_types(self.event_types)

    def save(self, *args, **kwargs):
        if not self.secret:
            self.rotate_secret()
        super().save(*args, **kwargs)

    def rotate_secret(self):
        """A new random secret: deliveries signed from now on use it."""
        self.secret = secrets.token_urlsafe(32)

    def wants(self, event):
        return self.is_active and event in (self.event_types or [])


class WebhookDelivery(models.Model):
    """The outbox: one row per (subscription, event), written in the event's transaction."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Failed")

    id = models.BigAutoField(primary_key=True)
    delivery_id = models.UUIDField(unique=True, help_text=_("Sent as X-Webhook-Delivery; receivers dedupe on it."))
    subscription = models.ForeignKey(WebhookSubscription, on_delete=models.CASCADE, related_name="deliveries")
    event = models.ForeignKey(ChangeEvent, on_delete=models.CASCADE, related_name="deliveries")
    ordering_key = models.CharField(max_length=100, db_index=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    leased_until = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["id"]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.delivery_id} → {self.subscription}"
