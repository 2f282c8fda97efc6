"""Stable codes of the Kompas: its three questions and the competent bodies of an instrument."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class KompasSection(models.TextChoices):
    """The Kompas's three questions; the codes are the Dutch question words."""

    WHAT = "wat", _("What?")
    HOW = "hoe", _("How?")
    WITH_WHOM = "met-wie", _("With whom?")


class CompetentBody(models.TextChoices):
    """The municipal body that has the power to use an instrument."""

    MAYOR = "burgemeester", _("Mayor")
    EXECUTIVE = "college", _("Municipal executive (mayor and aldermen)")
    COUNCIL = "raad", _("Municipal council")
