"""Choices of longread stories (re-exported from ``longread.models``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NarratorKind(models.TextChoices):
    VICTIM = "victim", _("Victim")
    PROFESSIONAL = "professional", _("Professional")
