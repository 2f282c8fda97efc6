"""Consent in the admin: its own views for consent officers; a status, and no more, for editors.

The records are edited in a ModelViewSet behind the model's own permissions (view/add/change/
delete story consent), which Wagtail's Editors and Moderators groups do not have; the data
migration creates a "Consent officers" group that has them. A story's edit view shows only a
``ConsentStatusPanel`` (valid until …, review due, withdrawn, missing): Wagtail's revision
compare view renders no comparison for it, so scope and notes appear nowhere in page views.
Consent officers get a dashboard panel and a report of reviews due.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Page

from comensha_content.safety.consent import (
    REVIEW_NOTICE_DAYS,
    StoryConsent,
    consent_subject_models,
)
from comensha_content.safety.consent_lifecycle import apply_consent


def can_see_consent(user):
    return user.has_perm("comensha_content.view_storyconsent")


class StoryConsentForm(WagtailAdminModelForm):
    """The record's story is chosen as a page; it is stored as the story's translation key."""

    story = forms.ModelChoiceField(
        queryset=Page.objects.all(),
        label=_("Story"),
        help_text=_("The consent covers this story in all its languages."),
    )

    class Meta:
        model = StoryConsent
        fields = [
            "consent_date",
            "review_date",
            "withdrawn_on",
            "scope_locales",
            "on_web",
            "in_print",
            "via_api",
            "internal_notes",
        ]
        widgets = {"scope_locales": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The page types are known once the app registry is ready, not at import time.
        self.fields["story"].widget = AdminPageChooser(target_models=consent_subject_models())
        if self.instance.pk:
            self.initial["story"] = self.instance.source_story()

    def clean_story(self):
        page = self.cleaned_data["story"]
        if not getattr(page.specific_class, "consent_subject", False):
            raise forms.ValidationError(
                _("Consent can only be recorded for a story (a page that tells a person's story).")
            )
        others = StoryConsent.objects.filter(translation_key=page.translation_key)
        if others.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("This story already has a consent record."))
        self.instance.translation_key = page.translation_key
        return page


class ConsentSaveMixin:
    """After saving: take offline what the record no longer allows (with an audit entry)."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        pk = kwargs.get("pk")
        previous = StoryConsent.objects.filter(pk=pk).values_list("review_date", flat=True)
        self.previous_review_date = previous.first() if pk else None

    def get_initial(self):
        initial = super().get_initial()
        if self.request.GET.get("story", "").isdigit():
            initial["story"] = self.request.GET["story"]
        return initial

    def save_instance(self):
        instance = super().save_instance()
        apply_consent(instance, self.previous_review_date, user=self.request.user)
        return instance


class StoryConsentViewSet(ModelViewSet):
    model = StoryConsent
    icon = "lock"
    menu_label = _("Consent")
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False  # a record belongs to one person's story: never copied
    inspect_view_enabled = False
    list_display = ["__str__", "consent_date", "review_date", "withdrawn_on"]
    search_fields = None
    panels = [
        FieldPanel("story"),
        MultiFieldPanel(
            [FieldPanel("consent_date"), FieldPanel("review_date"), FieldPanel("withdrawn_on")],
            heading=_("Dates"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("scope_locales"),
                FieldPanel("on_web"),
                FieldPanel("in_print"),
                FieldPanel("via_api"),
            ],
            heading=_("Scope"),
        ),
        FieldPanel("internal_notes"),
    ]

    def get_edit_handler(self):
        return ObjectList(self.panels, base_form_class=StoryConsentForm).bind_to_model(self.model)

    @property
    def add_view_class(self):
        return type("StoryConsentCreateView", (ConsentSaveMixin, super().add_view_class), {})

    @property
    def edit_view_class(self):
        return type("StoryConsentEditView", (ConsentSaveMixin, super().edit_view_class), {})


story_consent_viewset = StoryConsentViewSet("story_consent")


# -- reminders for consent officers ---------------------------------------------------------
def reviews_due(day=None):
    day = day or timezone.localdate()
    records = StoryConsent.objects.reviews_due(day)
    return [
        {"record": record, "overdue": record.review_date < day, "story": record.source_story()}
        for record in records
    ]


class ConsentReviewsPanel(Component):
    name = "consent_reviews"
    order = 90

    def __init__(self, request):
        self.request = request

    def render_html(self, parent_context=None):
        due = reviews_due()
        return render_to_string(
            "comensha_content/safety/consent_reviews_panel.html",
            {"due": due[:10], "more": len(due) > 10, "report_url": reverse("consent_reviews")},
            request=self.request,
        )


def add_consent_reviews_panel(request, panels):
    """``construct_homepage_panels`` hook: only consent officers get the reminders."""
    if can_see_consent(request.user):
        panels.append(ConsentReviewsPanel(request))


class ConsentReviewsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "comensha_content/safety/consent_reviews.html"
    page_title = _("Consent reviews due")
    header_icon = "lock"

    def dispatch(self, request, *args, **kwargs):
        if not can_see_consent(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(due=reviews_due(), notice_days=REVIEW_NOTICE_DAYS)
        return context


class ConsentReviewsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_consent(request.user)


def register_consent_reviews_url():
    return [path("consent/reviews/", ConsentReviewsView.as_view(), name="consent_reviews")]


def consent_reviews_menu_item():
    return ConsentReviewsMenuItem(
        _("Consent reviews due"), reverse("consent_reviews"), icon_name="lock", order=750
    )
