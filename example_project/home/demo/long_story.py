"""The demo's story of realistic length: Daan, eight chapters using every storytelling block.

It shows the design with a long read (table of contents, reading progress, many kinds of block)
and is translated into English through wagtail-localize like the other stories. Runs after the
Kompas and the browse-safely page exist, because its calls to action link them.
"""

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from comensha_content.core.translation import translate_instance
from comensha_content.models import FormOfExploitation, LongreadPage, Role

from .illustrations import hero_fields, illustration
from .long_story_more import HELPLINE_CARD, HELPLINE_NUMBERS, SOURCES, chapters_five_to_eight
from .long_story_text import LEDE, SUMMARY, TITLE, WARNING, block, chapters_one_to_four, t
from .longread import record_demo_consent

SLUG = "daan"
ILLUSTRATIONS = ("daan", "daan-station", "daan-window")
DOCUMENT_TITLE = "Demo: hulplijnen om te bewaren"


def helpline_card():
    """The text file of the document block, made once (nothing downloaded)."""
    model = get_document_model()
    document = model.objects.filter(title=DOCUMENT_TITLE).first()
    if document is None:
        document = model(title=DOCUMENT_TITLE)
        document.file.save(
            "demo-hulplijnen.txt", ContentFile(HELPLINE_CARD.encode("utf-8")), save=False
        )
        document.save()
    return document


def body(context):
    images = {key: illustration(key, t) for key in ILLUSTRATIONS}
    pages = {"kompas": context.kompas, "browse_safely": context.browse_safely}
    helplines = block(
        "helpline",
        {
            "heading": t("Hulp of advies nodig?", "Need help or advice?"),
            "helplines": [context.helplines[number].pk for number in HELPLINE_NUMBERS],
        },
    )
    return [
        *chapters_one_to_four(images),
        *chapters_five_to_eight(images, pages, helpline_card()),
        helplines,
    ]


def load(context):
    index = context.longread_index
    story = LongreadPage.objects.child_of(index).filter(slug=SLUG).first()
    if story is None:
        others = LongreadPage.objects.child_of(index).filter(locale=context.source_locale)
        story = index.add_child(
            instance=LongreadPage(
                locale=context.source_locale,
                title=TITLE,
                slug=t.same(SLUG),
                lede=LEDE,
                plain_language_summary=SUMMARY,
                shown_name=t.same("Daan"),
                narrator_kind="victim",
                role=Role.objects.filter(code="victim", locale=context.source_locale).first(),
                form_of_exploitation=FormOfExploitation.objects.filter(
                    code="sexual-exploitation", locale=context.source_locale
                ).first(),
                region=t.same("Limburg"),
                content_warning=WARNING,
                body=body(context),
                sources=[{"type": "sources", "value": SOURCES}],
                related_stories=[{"type": "story", "value": other.pk} for other in others],
                **hero_fields(SLUG, t),
            )
        )
        record_demo_consent(story, context)
        story.save_revision().publish()
        context.report(f"Created the long story '{story.title}'.")
    if not story.has_translation(context.target_locale):
        translate_instance(story, context.target_locale, t)
        context.report("Long story translated into English with wagtail-localize.")
    context.long_story = story
