"""docs/translation.md lists exactly the translated and synchronised fields of every model.

The lists are parsed from the page and compared with what wagtail-localize uses, so the
documentation cannot drift from the models.
"""

import re
from pathlib import Path

from django.apps import apps
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField, get_translatable_fields

DOC = Path(__file__).resolve().parents[2] / "docs" / "translation.md"
HEADING = re.compile(r"^#### (\w+)", re.MULTILINE)


def documented_models():
    """``{model name: {"Translated": [...], "Synchronised": [...]} or {"Not translatable": ...}}``."""
    text = DOC.read_text(encoding="utf-8")
    section = text.split("## Translated and synchronised fields, per model", 1)[1]
    section = section.split("\n## ", 1)[0]
    headings = list(HEADING.finditer(section))
    models = {}
    for heading, following in zip(headings, headings[1:] + [None], strict=True):
        body = section[heading.end() : following.start() if following else len(section)]
        entry = {}
        for kind in ("Translated", "Synchronised"):
            match = re.search(rf"^- {kind}: (.*)$", body, re.MULTILINE)
            if match:
                entry[kind] = re.findall(r"`(\w+)`", match.group(1))
        if re.search(r"^- Not translatable:", body, re.MULTILINE):
            entry["Not translatable"] = True
        models[heading.group(1)] = entry
    return models


def actual_models():
    models = {}
    for model in apps.get_app_config("comensha_content").get_models():
        if not issubclass(model, TranslatableMixin):
            models[model.__name__] = {"Not translatable": True}
            continue
        fields = get_translatable_fields(model)
        models[model.__name__] = {
            "Translated": [f.field_name for f in fields if isinstance(f, TranslatableField)],
            "Synchronised": [f.field_name for f in fields if isinstance(f, SynchronizedField)],
        }
    return models


def test_every_model_of_the_app_is_documented_with_its_real_fields():
    documented, actual = documented_models(), actual_models()
    assert sorted(documented) == sorted(actual), "add or remove models in docs/translation.md"
    for name, fields in actual.items():
        assert documented[name] == fields, f"docs/translation.md is out of date for {name}"


def test_the_parser_reads_the_lists():
    """The comparison above can fail: the parsed lists are the documented ones."""
    documented = documented_models()
    assert documented["Helpline"]["Synchronised"][:2] == ["phone_number", "phone_number_abroad"]
    assert documented["StoryConsent"] == {"Not translatable": True}
    assert len(documented) >= 15
