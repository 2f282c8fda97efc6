"""Webhooks in the admin, under Settings: the endpoints, and a read-only log of deliveries.

Both follow the models' own permissions, which only superusers have unless a site grants them
(Wagtail's Editors and Moderators groups do not); the log cannot be added to or changed by
anyone. The secret is never a form field: it is shown once in the message after it is made
(on creation, or when "Generate a new secret" is ticked) and masked everywhere else.
"""

from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy

try:  # Wagtail 8: policies are registered per model
    from wagtail.permissions import register_permission_policy

    HAS_POLICY_REGISTRY = True
except ImportError:
    HAS_POLICY_REGISTRY = False

from comensha_content.api.webhooks.models import (
    EVENT_CHOICES,
    WebhookDelivery,
    WebhookEndpoint,
    new_secret,
)


class WebhookEndpointForm(WagtailAdminModelForm):
    """Events as checkboxes; a new secret on request (the old one stops working at once)."""

    url = forms.URLField(
        label=_("URL"),
        max_length=500,
        assume_scheme="https",
        help_text=WebhookEndpoint._meta.get_field("url").help_text,
    )
    events = forms.MultipleChoiceField(
        label=_("Events"),
        choices=EVENT_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The page events sent to this endpoint."),
    )
    regenerate_secret = forms.BooleanField(
        label=_("Generate a new secret"),
        required=False,
        help_text=_("The current secret stops working at once; the new one is shown once."),
    )

    class Meta:
        model = WebhookEndpoint
        fields = ["name", "url", "events", "locale", "active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["regenerate_secret"].help_text = _(
                "Current secret: %(masked)s. It stops working at once; the new one is shown once."
            ) % {"masked": self.instance.masked_secret}
        else:
            del self.fields["regenerate_secret"]  # a new endpoint gets a new secret anyway


def secret_message(message, instance):
    """The success message that shows the secret, this once."""
    return format_html(
        "{} {} <code>{}</code>",
        message,
        _("Its signing secret, shown only now, is:"),
        instance.secret,
    )


class SecretOnceCreateMixin:
    def get_success_message(self, instance):
        return secret_message(super().get_success_message(instance), instance)


class SecretOnceEditMixin:
    def save_instance(self):
        self.secret_regenerated = self.form.cleaned_data.get("regenerate_secret", False)
        if self.secret_regenerated:
            self.form.instance.secret = new_secret()
        return super().save_instance()

    def get_success_message(self):
        message = super().get_success_message()
        if getattr(self, "secret_regenerated", False):
            return secret_message(message, self.object)
        return message


class WebhookEndpointViewSet(ModelViewSet):
    model = WebhookEndpoint
    icon = "link-external"
    menu_label = _("Webhooks")
    menu_order = 900
    add_to_settings_menu = True
    copy_view_enabled = False  # a copy would share the secret's purpose, not the secret
    list_display = ["name", "url", "locale", "active"]
    list_filter = ["active"]
    search_fields = None
    panels = [
        FieldPanel("name"),
        FieldPanel("url"),
        FieldPanel("events"),
        FieldPanel("locale"),
        FieldPanel("active"),
        FieldPanel("regenerate_secret"),
    ]

    def get_edit_handler(self):
        return ObjectList(self.panels, base_form_class=WebhookEndpointForm).bind_to_model(
            self.model
        )

    @property
    def add_view_class(self):
        return type(
            "WebhookEndpointCreateView", (SecretOnceCreateMixin, super().add_view_class), {}
        )

    @property
    def edit_view_class(self):
        return type("WebhookEndpointEditView", (SecretOnceEditMixin, super().edit_view_class), {})


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """The log is written by deliveries only: viewing needs the model's view permission."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and self.user_has_permission(user, "view")


class WebhookDeliveryViewSet(ModelViewSet):
    model = WebhookDelivery
    icon = "list-ul"
    menu_label = _("Webhook deliveries")
    menu_order = 901
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["__str__", "page_id", "status", "attempts", "status_code", "created_at"]
    list_filter = ["status", "event", "endpoint"]
    search_fields = None
    inspect_view_fields = [
        "endpoint",
        "event",
        "event_id",
        "page_id",
        "status",
        "attempts",
        "status_code",
        "error",
        "response_excerpt",
        "attempt_log",
        "next_attempt_at",
        "delivered_at",
        "created_at",
        "payload",
    ]
    form_fields = ["status"]  # never used: nobody may add or change a delivery

    if not HAS_POLICY_REGISTRY:  # Wagtail 7.4: the viewset names its policy

        @property
        def permission_policy(self):
            return ReadOnlyPermissionPolicy(self.model)


if HAS_POLICY_REGISTRY:
    register_permission_policy(WebhookDelivery, ReadOnlyPermissionPolicy(WebhookDelivery))


webhook_endpoint_viewset = WebhookEndpointViewSet("webhook_endpoints")
webhook_delivery_viewset = WebhookDeliveryViewSet("webhook_deliveries")


hooks.register("register_admin_viewset", lambda: webhook_endpoint_viewset)
hooks.register("register_admin_viewset", lambda: webhook_delivery_viewset)
