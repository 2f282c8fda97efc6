"""The recommendation's admin form: terms of its own language; no progress before the report."""

from django.db.models import Q
from wagtail.admin.forms import WagtailAdminModelForm


class RecommendationAdminForm(WagtailAdminModelForm):
    """Snippet form: choices in the recommendation's language; no progress before the report."""

    term_fields = ("themes", "addressees")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id
        for name in self.term_fields:
            field = self.fields.get(name)
            if field is None or locale_id is None:
                continue
            chosen = (
                [term.pk for term in getattr(self.instance, name).all()] if self.instance.pk else []
            )
            field.queryset = field.queryset.filter(Q(locale_id=locale_id) | Q(pk__in=chosen))

    def clean(self):
        cleaned_data = super().clean()
        report = cleaned_data.get("report")
        formset = self.formsets.get("progress_updates") if hasattr(self, "formsets") else None
        if report is None or formset is None:
            return cleaned_data
        for form in formset.forms:
            if not form.is_valid() or not (form.has_changed() or form.instance.pk):
                continue
            if formset.can_delete and formset._should_delete_form(form):
                continue
            error = type(form.instance).date_error(form.cleaned_data.get("date"), report)
            if error:
                form.add_error("date", error)
        return cleaned_data
