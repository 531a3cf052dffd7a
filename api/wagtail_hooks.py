"""The admin for API keys and webhook subscriptions: Administrators (superusers) only.

A new key is shown once, on the page that follows its creation; only its hash is stored.
"Revoke" replaces delete, so that a key's history stays visible and a revoked key can never
come back.
"""

from django.contrib.auth import get_user_model
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import ApiKey, WebhookDelivery, WebhookSubscription


class AdministratorsOnly(BasePermissionPolicy):
    """Keys give access to drafts, so only Administrators manage them."""

    def user_has_permission(self, user, action):
        return bool(user.is_authenticated and user.is_active and user.is_superuser)

    def user_has_any_permission(self, user, actions):
        return self.user_has_permission(user, None)

    def users_with_any_permission(self, actions):
        return get_user_model().objects.filter(is_active=True, is_superuser=True)

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


for model in (ApiKey, WebhookSubscription, WebhookDelivery):
    register_permission_policy(model, AdministratorsOnly(model))


class ApiKeyCreateView(generic.CreateView):
    def save_instance(self):
        instance = self.form.save(commit=False)
        self.raw_key, instance.prefix, instance.key_hash = ApiKey.generate()
        instance.save()
        self.form.save_m2m()
        return instance

    def save_action(self):
        # The one and only time the key is shown.
        return TemplateResponse(
            self.request,
            "api/admin/key_created.html",
            {"api_key": self.object, "raw_key": self.raw_key, "index_url": reverse("api_keys:index")},
        )


class RevokeKeyView(generic.DeleteView):
    """Revoking takes effect on the key's very next request."""

    page_title = _("Revoke")

    def get_page_subtitle(self):
        return str(self.object)

    def delete_action(self):
        self.object.revoke()

    def get_success_message(self):
        return _("Key '%(key)s' revoked. It is refused from now on.") % {"key": self.object}


class ApiKeyViewSet(ModelViewSet):
    model = ApiKey
    icon = "key"
    menu_label = _("API keys")
    add_to_admin_menu = False
    url_prefix = "api-keys"
    name = "api_keys"
    add_view_class = ApiKeyCreateView
    delete_view_class = RevokeKeyView
    list_display = [
        "name",
        "user",
        Column("prefix", label=_("Starts with")),
        DateColumn("created_at", label=_("Created")),
        DateColumn("last_used_at", label=_("Last used")),
        StatusTagColumn(
            "is_active",
            label=_("Status"),
            accessor=lambda key: _("Active") if key.is_active else _("Revoked"),
            primary=lambda key: key.is_active,
        ),
        Column("supplier_name", label=_("Supplier")),
    ]
    panels = ApiKey.panels


class WebhookSubscriptionViewSet(ModelViewSet):
    model = WebhookSubscription
    icon = "link-external"
    menu_label = _("Webhooks")
    add_to_admin_menu = False
    url_prefix = "webhooks"
    name = "webhooks"
    list_display = [
        "target_url",
        "api_key",
        StatusTagColumn(
            "is_failing",
            label=_("Delivery"),
            accessor=lambda sub: _("Failing") if sub.is_failing else _("OK"),
            primary=lambda sub: not sub.is_failing,
        ),
        Column("last_error", label=_("Last error")),
        DateColumn("last_error_at", label=_("Last error at")),
    ]
    list_filter = ["is_failing", "is_active"]
    panels = [
        FieldPanel("api_key"),
        FieldPanel("target_url"),
        FieldPanel("event_types"),
        FieldPanel("secret"),
        FieldPanel("is_active"),
    ]


class SupplierApiGroup(ModelViewSetGroup):
    menu_label = _("Supplier API")
    menu_icon = "code"
    menu_order = 900
    items = (ApiKeyViewSet, WebhookSubscriptionViewSet)


@hooks.register("register_admin_viewset")
def register_supplier_api_viewsets():
    return SupplierApiGroup()
