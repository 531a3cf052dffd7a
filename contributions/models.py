"""What councils tell the library: contributions from the public form, the adoption register, and page feedback.

Nothing here becomes public without an editor: a contribution only enters the queue once its email is
confirmed, and an adoption shows on the public site only once it is approved.
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class WouldShare(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    NOT_SURE = "not-sure", _("Not sure yet")


class ContributionStatus(models.TextChoices):
    # Waiting for the contributor to confirm their email: not in the editors' queue yet.
    UNCONFIRMED = "unconfirmed", _("Waiting for email confirmation")
    NEW = "new", _("New")
    IN_TRIAGE = "in-triage", _("In triage")
    MERGED = "merged", _("Merged")
    DECLINED = "declined", _("Declined")


class Contribution(models.Model):
    """What a council told us through the public contribute form: a service, its steps, its systems."""

    council = models.ForeignKey(
        "pattern_pages.Council", on_delete=models.PROTECT, related_name="contributions", verbose_name=_("council")
    )
    contributor_name = models.CharField(_("contributor's name"), max_length=200)
    contributor_role = models.CharField(_("contributor's role"), max_length=200)
    email = models.EmailField(_("work email"), max_length=254)
    language = models.CharField(
        _("language"),
        max_length=7,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_("The language the contributor used: emails about the contribution are written in it."),
    )
    service = models.ForeignKey(
        "pattern_pages.Service",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contributions",
        help_text=_("The LGSL service, when the contributor found it in the list."),
    )
    service_name = models.CharField(
        _("service, in the contributor's words"),
        max_length=200,
        blank=True,
        help_text=_("Used when the service is not in the LGSL list."),
    )
    steps = models.JSONField(
        _("steps as the resident sees them"), default=list, blank=True, help_text=_("A list of short texts.")
    )
    life_events = models.ManyToManyField("pattern_pages.LifeEvent", blank=True, related_name="contributions")
    systems = models.TextField(_("systems or supplier"), max_length=1000, blank=True)
    live_url = models.URLField(_("live URL"), max_length=500, blank=True)
    would_share_process = models.CharField(
        _("would share its process"), max_length=10, choices=WouldShare.choices, blank=True
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("about the page"),
        help_text=_("The pattern or process the contributor came from, with 'Discuss or improve this pattern'."),
    )
    status = models.CharField(
        max_length=20, choices=ContributionStatus.choices, default=ContributionStatus.UNCONFIRMED, db_index=True
    )
    needs_manual_review = models.BooleanField(
        default=False,
        help_text=_("The email address is not on the council's website domain: check who sent this."),
    )
    decline_reason = models.TextField(_("reason for declining"), max_length=2000, blank=True)
    editor_notes = models.TextField(_("notes for editors"), max_length=4000, blank=True)
    result_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("merged into page"),
    )
    result_adoption = models.ForeignKey(
        "contributions.Adoption",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("merged into adoption"),
    )
    submitted_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    outcome_emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("contribution")

    def __str__(self):
        return f"{self.service_label} – {self.council}"

    @property
    def service_label(self):
        return self.service.name if self.service_id else self.service_name

    @property
    def email_domain(self):
        return self.email.rpartition("@")[2].lower()

    def clean(self):
        if self.status == ContributionStatus.DECLINED and not self.decline_reason.strip():
            raise ValidationError({"decline_reason": _("Enter the reason for declining: the contributor is told it.")})


def email_matches_council(email, council):
    """True when ``email`` is on the council's website domain or a subdomain of it.

    e.g. jo@essex.gov.uk and jo@schools.essex.gov.uk match https://www.essex.gov.uk; jo@gmail.com does not.
    """
    domain = email.rpartition("@")[2].lower().strip()
    council_domain = (council.website_domain or "").lower()
    if not domain or not council_domain:
        return False
    return domain == council_domain or domain.endswith("." + council_domain)


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


class ConfirmationTokenQuerySet(models.QuerySet):
    def issue(self, contribution):
        """Create a token for ``contribution``; return the raw token, which is only ever in the email."""
        token = secrets.token_urlsafe(32)
        lifetime = timedelta(hours=settings.CONTRIBUTIONS_CONFIRMATION_HOURS)
        self.create(contribution=contribution, token_hash=hash_token(token), expires_at=timezone.now() + lifetime)
        return token

    def find(self, token):
        """The row for ``token``, or None for a token that was never issued (or was altered)."""
        if not token or len(token) > 100:
            return None
        return self.select_related("contribution").filter(token_hash=hash_token(token)).first()


class ConfirmationToken(models.Model):
    """A single-use, expiring token emailed to a contributor. Only its SHA-256 is stored, so a copy of the
    database cannot be used to confirm contributions."""

    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="tokens")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    objects = ConfirmationTokenQuerySet.as_manager()

    def __str__(self):
        return f"Confirmation for contribution {self.contribution_id}"

    @property
    def is_expired(self):
        return timezone.now() >= self.expires_at

    @property
    def is_used(self):
        return self.used_at is not None


class AdoptionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    LIVE = "live", _("Live")
    RETIRED = "retired", _("Retired")


class AdoptionSource(models.TextChoices):
    EDITOR = "editor", _("An editor")
    CONTRIBUTION = "contribution", _("A confirmed contribution")
    API = "api", _("A supplier, through the API")


class AdoptionQuerySet(models.QuerySet):
    def public(self):
        """Approved by an editor: the only adoptions the public site and the API show."""
        return self.filter(is_approved=True)

    def in_use(self):
        """Planned or live: a retired adoption is history, not reuse."""
        return self.exclude(status=AdoptionStatus.RETIRED)

    def clash(self, council_id, pattern_id=None, process_id=None, exclude_pk=None):
        """``(field, adoption)`` for the council's existing adoption of the same pattern or process, else None.

        A council adopts a page once; the admin form, a contribution's outcome and the API all ask this.
        """
        for field, page_id in (("pattern", pattern_id), ("process", process_id)):
            if page_id and council_id:
                found = self.filter(council_id=council_id, **{f"{field}_id": page_id}).exclude(pk=exclude_pk).first()
                if found is not None:
                    return field, found
        return None


class Adoption(models.Model):
    """A council's statement that it uses a service pattern (or a process) for one or more services."""

    council = models.ForeignKey(
        "pattern_pages.Council", on_delete=models.CASCADE, related_name="adoptions", verbose_name=_("council")
    )
    pattern = models.ForeignKey(
        "pattern_pages.ServicePatternPage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="adoptions",
        verbose_name=_("service pattern"),
    )
    process = models.ForeignKey(
        "pattern_pages.ProcessPage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="adoptions",
        verbose_name=_("process"),
    )
    services = models.ManyToManyField("pattern_pages.Service", blank=True, related_name="adoptions")
    status = models.CharField(max_length=10, choices=AdoptionStatus.choices, default=AdoptionStatus.LIVE)
    live_url = models.URLField(_("live URL"), max_length=500, blank=True)
    platform = models.CharField(
        _("platform or supplier"), max_length=200, blank=True, help_text=_("e.g. 'Granicus Firmstep', 'in-house'")
    )
    local_variations = models.TextField(
        _("local variations"), max_length=4000, blank=True, help_text=_("How this council's service differs.")
    )
    adopted_on = models.DateField(_("date"), default=timezone.localdate)
    source = models.CharField(max_length=20, choices=AdoptionSource.choices, default=AdoptionSource.EDITOR)
    supplier_name = models.CharField(
        max_length=200, blank=True, help_text=_("The API key's supplier, for adoptions sent through the API.")
    )
    is_approved = models.BooleanField(
        _("approved for the public site"),
        default=False,
        help_text=_("Adoptions sent through the API stay hidden until an editor approves them."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AdoptionQuerySet.as_manager()

    class Meta:
        ordering = ["council__name"]
        verbose_name = _("adoption")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(pattern__isnull=False) | models.Q(process__isnull=False),
                name="adoption_names_a_pattern_or_process",
            ),
            models.UniqueConstraint(
                fields=["council", "pattern"],
                condition=models.Q(pattern__isnull=False),
                name="one_adoption_per_pattern",
            ),
            models.UniqueConstraint(
                fields=["council", "process"],
                condition=models.Q(process__isnull=False),
                name="one_adoption_per_process",
            ),
        ]

    def __str__(self):
        return f"{self.council} – {self.adopted_page.title if self.adopted_page else '?'}"

    @property
    def adopted_page(self):
        return self.pattern if self.pattern_id else self.process

    def clean(self):
        if not self.pattern_id and not self.process_id:
            raise ValidationError({"pattern": _("Choose the service pattern or the process the council uses.")})
        clash = Adoption.objects.clash(self.council_id, self.pattern_id, self.process_id, exclude_pk=self.pk)
        if clash:
            raise ValidationError({clash[0]: _("This council already has an adoption of this page.")})


class Feedback(models.Model):
    """An answer to "Is this page useful?" on a pattern or process page, with an optional comment."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    useful = models.BooleanField()
    comment = models.TextField(max_length=1200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("page feedback")
        verbose_name_plural = _("page feedback")

    def __str__(self):
        return f"{'Useful' if self.useful else 'Not useful'}: {self.page}"
