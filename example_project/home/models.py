"""The example site's own home page: the site's root, under which the demo content lives."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField

from comensha_content.core.pages import BasePage


class HomePage(BasePage):
    intro = models.CharField(_("intro"), max_length=500, blank=True)
    body = RichTextField(
        _("body"), blank=True, features=["h2", "h3", "bold", "italic", "link", "ol", "ul"]
    )

    content_panels = BasePage.content_panels + ["intro", "body"]

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")
