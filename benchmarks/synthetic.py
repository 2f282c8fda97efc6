"""Synthetic content of any size for the query-count tests and the benchmarks.

Built with the ORM in bulk (images, renditions, snippets, recommendations, page rows), not through
the admin, so 1,000 blocks or 10,000 recommendations take seconds. Pages are added under a given
parent in its locale and are live; renditions are stored rows (their files are never read when
a page is served), so a measurement sees the steady state of a site, not rendition generation.
"""

import datetime
import itertools
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Collection, Locale, Page

from comensha_content.core.conf import get_setting

#: The story body's block types, in the order they repeat in a synthetic body.
STORY_CYCLE = (
    "chapter",
    "paragraph",
    "image",
    "testimony",
    "fact",
    "call_to_action",
    "helpline",
    "perspective",
    "pull_quote",
    "paragraph",
)

IMAGE_WIDTH, IMAGE_HEIGHT = 2400, 1600


def small_png():
    """A small PNG: the original is stored once and shared by every synthetic image row."""
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (24, 16), (200, 120, 80)).save(buffer, "PNG")
    return buffer.getvalue()


def _uid():
    return str(uuid.uuid4())


def make_images(count, *, title="Synthetic image"):
    """``count`` image rows sharing one small original, each with the configured renditions."""
    image_model = get_image_model()
    rendition_model = image_model.get_rendition_model()
    collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
    png = small_png()
    template = image_model(
        title=f"{title} 0", file=ContentFile(png, name="synthetic.png"), collection=collection
    )
    template.save()
    file_name = template.file.name
    images = [template]
    images += image_model.objects.bulk_create(
        image_model(
            title=f"{title} {number}",
            file=file_name,
            width=IMAGE_WIDTH,
            height=IMAGE_HEIGHT,
            collection=collection,
            file_size=len(png),
        )
        for number in range(1, count)
    )
    image_model.objects.filter(pk=template.pk).update(width=IMAGE_WIDTH, height=IMAGE_HEIGHT)
    template.width, template.height = IMAGE_WIDTH, IMAGE_HEIGHT
    specs = list(get_setting("IMAGE_RENDITIONS").values())
    renditions = []
    for image in images:
        for spec in specs:
            width = int(spec.split("-")[1]) if spec.startswith("width-") else IMAGE_WIDTH
            filter_ = Filter(spec=spec)
            renditions.append(
                rendition_model(
                    image=image,
                    filter_spec=spec,
                    focal_point_key=filter_.get_cache_key(image),
                    file=f"images/synthetic.{spec}.png",
                    width=width,
                    height=width * IMAGE_HEIGHT // IMAGE_WIDTH,
                )
            )
    rendition_model.objects.bulk_create(renditions)
    return images


def make_helplines(count, locale):
    from comensha_content.models import Helpline

    return Helpline.objects.bulk_create(
        Helpline(
            name=f"Helpline {number}",
            phone_number=f"+31 70 {number:03d} 44 44",
            hours="24/7",
            locale=locale,
        )
        for number in range(count)
    )


def add_page(parent, page):
    """Add a live ``page`` under ``parent`` in the parent's locale (no revision, like a fixture)."""
    page.locale_id = parent.locale_id
    page.live = True
    parent.add_child(instance=page)
    return page


def story_block(kind, number, *, images, helplines, link_pages):
    """One body block of ``kind``; references cycle through the given objects."""
    text = f"<p>Paragraph {number}: <b>victims</b> of exploitation, told in their own words.</p>"
    values = {
        "chapter": lambda: {"heading": f"Chapter {number}", "intro": "An intro.", "anchor": ""},
        "paragraph": lambda: text,
        "image": lambda: {
            "image": images[number % len(images)].pk,
            "alt_text": f"Illustration {number}",
            "decorative": False,
            "caption": f"Caption {number}",
            "credit": "Photographer",
            "layout": "inline",
        },
        "testimony": lambda: {
            "name": f"Name {number}",
            "is_pseudonym": True,
            "speaker": "victim",
            "text": text,
        },
        "fact": lambda: {
            "value": 5000 + number,
            "maximum": 7500 + number,
            "unit": "",
            "label": "victims a year",
            "source_title": "Nationaal Rapporteur Mensenhandel",
            "source_url": "https://www.nationaalrapporteur.nl/",
            "year": 2021,
        },
        "call_to_action": lambda: {
            "text": "Read more.",
            "link_label": f"Link {number}",
            "page": link_pages[number % len(link_pages)].pk,
            "url": "",
        },
        "helpline": lambda: {
            "heading": "Need help?",
            "helplines": [
                {"type": "item", "value": helplines[number % len(helplines)].pk, "id": _uid()},
                {
                    "type": "item",
                    "value": helplines[(number + 1) % len(helplines)].pk,
                    "id": _uid(),
                },
            ],
        },
        "perspective": lambda: {
            "domain": "Enforcement",
            "name": f"Professional {number}",
            "job_title": "Labour inspector",
            "organisation": "Netherlands Labour Authority",
            "text": text,
        },
        "pull_quote": lambda: {
            "quote": f"Quote {number}.",
            "attribution_name": "CoMensha",
            "attribution_role": "",
        },
    }
    return {"type": kind, "value": values[kind](), "id": _uid()}


def story_body(size, **references):
    return [
        story_block(kind, number, **references)
        for number, kind in zip(range(size), itertools.cycle(STORY_CYCLE), strict=False)
    ]


def story_sources(size):
    return [
        {
            "type": "sources",
            "value": [
                {
                    "type": "item",
                    "value": {
                        "code": "",
                        "title": f"Source {number}",
                        "publisher": "Publisher",
                        "url": "https://www.example.org/",
                        "year": 2020,
                        "note": "",
                    },
                    "id": _uid(),
                }
                for number in range(max(1, size // 10))
            ],
            "id": _uid(),
        }
    ]


def ensure_term(model, locale, code, **fields):
    term, _created = model.objects.get_or_create(
        locale=locale, code=code, defaults={"name": code.replace("-", " ").title(), **fields}
    )
    return term


def make_longread(parent, size, *, images=None, helplines=None, link_pages=None, slug=None):
    """A longread index page under ``parent`` with one story of ``size`` body blocks.

    Images (one per ten blocks, with renditions), helplines and linked pages are created unless
    given. Returns the story.
    """
    from comensha_content.models import FormOfExploitation, LongreadIndexPage, LongreadPage, Role

    locale = Locale.objects.get(pk=parent.locale_id)
    slug = slug or f"synthetic-{size}-{uuid.uuid4().hex[:6]}"
    index = add_page(parent, LongreadIndexPage(title=f"Stories {slug}", slug=slug))
    if images is None:
        images = make_images(max(1, size // 10))
    if helplines is None:
        helplines = make_helplines(max(2, min(size // 10, 50)), locale)
    if link_pages is None:
        link_pages = [
            add_page(index, LongreadPage(title=f"Linked {n}", slug=f"linked-{n}", **_story()))
            for n in range(3)
        ]
    story = LongreadPage(
        title=f"A story of {size} blocks",
        slug=f"story-{size}",
        hero_image=images[0],
        hero_image_alt="A silhouette",
        role=ensure_term(Role, locale, "victim-support", kind="professional"),
        form_of_exploitation=ensure_term(FormOfExploitation, locale, "labour-exploitation"),
        body=story_body(size, images=images, helplines=helplines, link_pages=link_pages),
        sources=story_sources(size),
        related_stories=[{"type": "story", "value": page.pk, "id": _uid()} for page in link_pages],
        lede="A lede of one sentence.",
        shown_name="Sam",
    )
    add_page(index, story)
    return story


def _story():
    return {
        "lede": "A lede of one sentence.",
        "shown_name": "Sam",
        "body": [],
    }


# --- Kompas instruments and recommendations, in bulk -------------------------------------------


def bulk_add_pages(parent, pages):
    """Add many live pages of one specific type under ``parent`` with few queries.

    Page rows are bulk-inserted with their tree paths; each specific row is then saved raw
    (only its own table). Search indexing is left out: call ``update_index`` if needed.
    """
    if not pages:
        return []
    model = type(pages[0])
    content_type = ContentType.objects.get_for_model(model)
    parent.refresh_from_db()
    last = parent.get_last_child()
    start = int(last.path[-Page.steplen :], 36) + 1 if last else 1
    base_rows = []
    for offset, page in enumerate(pages):
        page.path = Page._get_path(parent.path, parent.depth + 1, start + offset)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.locale_id = parent.locale_id
        page.live = True
        page.has_unpublished_changes = False
        page.content_type = content_type
        page.draft_title = page.title
        page.url_path = f"{parent.url_path}{page.slug}/"
        base_rows.append(
            Page(
                **{
                    field.attname: getattr(page, field.attname)
                    for field in Page._meta.concrete_fields
                    if not field.primary_key
                }
            )
        )
    Page.objects.bulk_create(base_rows)
    for page, row in zip(pages, base_rows, strict=True):
        page.pk = page.page_ptr_id = row.pk
        page.id = row.pk
        page.save_base(raw=True, force_insert=True)
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(pages))
    return pages


def make_kompas(parent, count):
    """A Kompas page with ``count`` instruments, each with a legal basis and taxonomy terms."""
    from comensha_content.models import (
        FormOfExploitation,
        InstrumentPage,
        KaderTheme,
        KompasPage,
        Organisation,
        Plateau,
        Role,
    )

    locale = Locale.objects.get(pk=parent.locale_id)
    kompas = add_page(
        parent, KompasPage(title="Kompas", slug=f"kompas-{count}-{uuid.uuid4().hex[:6]}")
    )
    forms = [ensure_term(FormOfExploitation, locale, f"form-{n}") for n in range(3)]
    themes = [ensure_term(KaderTheme, locale, f"theme-{n}", number=n + 1) for n in range(3)]
    plateau = ensure_term(Plateau, locale, "basis")
    roles = [ensure_term(Role, locale, f"role-{n}", kind="professional") for n in range(2)]
    partners = [ensure_term(Organisation, locale, f"organisation-{n}") for n in range(2)]
    instruments = bulk_add_pages(
        kompas,
        [
            InstrumentPage(
                title=f"Instrument {number:05d}",
                slug=f"instrument-{number}",
                summary=f"What instrument {number} does.",
                competent_body="burgemeester",
                kader_plateau=plateau,
                legal_basis=[
                    {
                        "type": "legal_basis",
                        "value": {"law": "Gemeentewet", "article": "174", "url": ""},
                        "id": _uid(),
                    }
                ],
            )
            for number in range(count)
        ],
    )
    for relation, terms in (
        ("forms_of_exploitation", forms),
        ("kader_themes", themes),
        ("responsible_roles", roles),
        ("partners", partners),
    ):
        through = getattr(InstrumentPage, relation).through
        source, target = _through_columns(through, InstrumentPage)
        through.objects.bulk_create(
            through(**{source: instrument.pk, target: term.pk})
            for number, instrument in enumerate(instruments)
            for term in terms[: 1 + number % len(terms)]
        )
    return kompas


def _through_columns(through, source_model):
    columns = [
        field for field in through._meta.get_fields() if getattr(field, "remote_field", None)
    ]
    source = next(f for f in columns if issubclass(source_model, f.remote_field.model))
    target = next(f for f in columns if f is not source)
    return source.attname, target.attname


def make_tracker(parent, count):
    """A tracker with one report holding ``count`` recommendations, each with two updates."""
    from comensha_content.models import (
        Organisation,
        PolicyReportPage,
        ProgressUpdate,
        Recommendation,
        RecommendationIndexPage,
        RecommendationTheme,
    )

    locale = Locale.objects.get(pk=parent.locale_id)
    suffix = uuid.uuid4().hex[:6]
    tracker = add_page(
        parent, RecommendationIndexPage(title="Tracker", slug=f"tracker-{count}-{suffix}")
    )
    report = add_page(
        tracker,
        PolicyReportPage(
            title="A report",
            slug="report",
            publisher="Aanjaagteam",
            publication_date=datetime.date(2020, 10, 30),
        ),
    )
    themes = [ensure_term(RecommendationTheme, locale, f"rtheme-{n}") for n in range(3)]
    organisations = [ensure_term(Organisation, locale, f"organisation-{n}") for n in range(3)]
    recommendations = Recommendation.objects.bulk_create(
        Recommendation(
            report=report,
            locale=locale,
            code=f"{number + 1}.A",
            title=f"Recommendation {number:05d}",
            text=f"The text of recommendation {number}.",
            urgency="urge",
        )
        for number in range(count)
    )
    for relation, terms in (("themes", themes), ("addressees", organisations)):
        through = getattr(Recommendation, relation).through
        source, target = _through_columns(through, Recommendation)
        through.objects.bulk_create(
            through(**{source: recommendation.pk, target: term.pk})
            for number, recommendation in enumerate(recommendations)
            for term in terms[: 1 + number % len(terms)]
        )
    ProgressUpdate.objects.bulk_create(
        ProgressUpdate(
            recommendation=recommendation,
            locale=locale,
            date=datetime.date(2021 + step, 1, 1),
            status=status,
            explanation="Progress.",
            sort_order=step,
        )
        for recommendation in recommendations
        for step, status in enumerate(("exploring", "implemented"))
    )
    return tracker


def slug_for(text):
    return slugify(text)
