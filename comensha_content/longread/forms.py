"""The story's admin form: no published story whose hero image has no text alternative."""

from wagtail.admin.forms import WagtailAdminPageForm


class LongreadPageForm(WagtailAdminPageForm):
    """Publishing (or sending for moderation) a story needs a text alternative for its hero
    image: its own alt text, else the image's description, unless it is marked decorative.
    Drafts may save without one. The error is on the alt text field, so it counts on its tab."""

    def clean(self):
        cleaned_data = super().clean()
        if getattr(self, "is_deferred_validation", False) or "hero_image_alt" in self.errors:
            return cleaned_data
        problem = self.instance.hero_alt_problem(
            image=cleaned_data.get("hero_image"),
            alt=cleaned_data.get("hero_image_alt", ""),
            decorative=cleaned_data.get("hero_image_decorative", False),
        )
        if problem:
            self.add_error("hero_image_alt", problem)
        return cleaned_data
