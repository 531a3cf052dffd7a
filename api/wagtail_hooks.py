"""The admin for API keys and webhook subscriptions: Administrators (superusers) only.

A new key is shown once, on the page that follows its creation; only its hash is stored.
"Revoke" replaces delete, so that a key's history stays visible and a revoked key can never
come back. A webhook's signing secret is generated, shown once after creation and after each
"Rotate secret", and never in a form (the worker needs it in clear to sign, so it is stored).
Neither can be copied: a copy would share the key's hash or the webhook's secret.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets import Button
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import ApiKey, WebhookDelivery, WebhookSubscription

# editorial.roles.ADMINISTRATOR (named here: the API app sits below the editorial one).
ADMINISTRATOR_GROUP = "Administrator"


class AdministratorsOnly(BasePermissionPolicy):
    """Keys give access to drafts, so only Administrators (the group, and superusers) manage them."""

    def user_has_permission(self, user, action):
        if not (user.is_authenticated and user.is_active):
            return False
        return user.is_superuser or user.groups.filter(name=ADMINISTRATOR_GROUP).exists()

    def user_has_any_permission(self, user, actions):
        return self.user_has_permission(user, None)

    def users_with_any_permission(self, actions):
        administrators = Q(is_superuser=True) | Q(groups__name=ADMINISTRATOR_GROUP)
        return get_user_model().objects.filter(administrators, is_active=True).distinct()

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
    copy_view_enabled = False
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


def show_secret(request, subscription, heading):
    """The one page that shows a webhook's secret: after creation and after rotation."""
    return TemplateResponse(
        request,
        "api/admin/webhook_secret.html",
        {"subscription": subscription, "heading": heading, "index_url": reverse("webhooks:index")},
    )


class WebhookCreateView(generic.CreateView):
    def save_action(self):
        return show_secret(self.request, self.object, _("Webhook added"))


class WebhookEditView(generic.EditView):
    @cached_property
    def header_more_buttons(self):
        rotate = Button(
            _("Rotate secret"), url=reverse("webhooks:rotate_secret", args=[self.object.pk]), icon_name="key"
        )
        return [*super().header_more_buttons, rotate]


class RotateSecretView(generic.EditView):
    """GET asks to confirm; POST replaces the secret and shows the new one, once."""

    template_name = "api/admin/rotate_secret.html"
    permission_required = "change"

    def get_object(self, queryset=None):
        return get_object_or_404(WebhookSubscription, pk=self.kwargs["pk"])

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        self.object.rotate_secret()
        self.object.save(update_fields=["secret"])
        return show_secret(request, self.object, _("Secret rotated"))


class WebhookSubscriptionViewSet(ModelViewSet):
    model = WebhookSubscription
    icon = "link-external"
    menu_label = _("Webhooks")
    add_to_admin_menu = False
    url_prefix = "webhooks"
    name = "webhooks"
    add_view_class = WebhookCreateView
    edit_view_class = WebhookEditView
    copy_view_enabled = False
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
    panels = WebhookSubscription.panels

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("rotate-secret/<int:pk>/", self.rotate_secret_view, name="rotate_secret"),
        ]

    @property
    def rotate_secret_view(self):
        kwargs = self.get_edit_view_kwargs()
        kwargs.pop("template_name", None)  # the confirmation, not the edit form
        return self.construct_view(RotateSecretView, **kwargs)


class SupplierApiGroup(ModelViewSetGroup):
    menu_label = _("Supplier API")
    menu_icon = "code"
    menu_order = 900
    items = (ApiKeyViewSet, WebhookSubscriptionViewSet)


@hooks.register("register_admin_viewset")
def register_supplier_api_viewsets():
    return SupplierApiGroup()
