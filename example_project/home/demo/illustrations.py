"""Hero illustrations made for the demo: drawn with Pillow at load time, nothing downloaded.

Landscapes only, never a person: the stories are about real kinds of harm, and a picture of a
face would suggest it is the person in the story. Each story gets its own scene and palette;
alt text and credit say what is drawn and that it was made for the demo.
"""

import io
import math

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw
from wagtail.images import get_image_model

SIZE = (1600, 1000)

#: slug -> (palette: sky top, sky bottom, sun, three hill colours), scene, alt (nl, en)
SCENES = {
    "lisa": (
        ("#2b2d5c", "#f2b38a", "#ffe2a8", ("#6b4c7a", "#4a3560", "#2c2142")),
        "path",
        (
            "Getekende illustratie: een smal pad loopt door donkere heuvels naar een lichte "
            "horizon.",
            "Drawn illustration: a narrow path winds through dark hills towards a bright horizon.",
        ),
    ),
    "alexander": (
        ("#5d6b78", "#c9d3da", "#eef2f4", ("#7d8c6a", "#5f6f4f", "#3f4d35")),
        "greenhouses",
        (
            "Getekende illustratie: rijen kassen in een vlak land onder een grijze lucht.",
            "Drawn illustration: rows of greenhouses in flat land under a grey sky.",
        ),
    ),
    "malek": (
        ("#101a33", "#3c4f7a", "#f4e3b5", ("#27324f", "#1c253d", "#121829")),
        "city",
        (
            "Getekende illustratie: de silhouetten van huizen in een stad bij nacht, met een "
            "paar verlichte ramen.",
            "Drawn illustration: the outlines of houses in a city at night, with a few lit "
            "windows.",
        ),
    ),
    "daan": (
        ("#1f3b4d", "#e9c9a0", "#fff1cf", ("#5e7d63", "#43604a", "#2a4233")),
        "bridge",
        (
            "Getekende illustratie: een rivier tussen groene heuvels, met een brug bij "
            "zonsopkomst.",
            "Drawn illustration: a river between green hills, with a bridge at sunrise.",
        ),
    ),
    "daan-station": (
        ("#0d1526", "#34405e", "#dfe6f2", ("#2a3350", "#20283f", "#151b2c")),
        "platform",
        (
            "Getekende illustratie: een leeg perron bij nacht onder een paar lantaarns.",
            "Drawn illustration: an empty railway platform at night under a few lamps.",
        ),
    ),
    "daan-window": (
        ("#8fb3c9", "#f6e7c8", "#fff6dc", ("#9bb08a", "#7c936c", "#5d7550")),
        "window",
        (
            "Getekende illustratie: een open raam met een plant op de vensterbank, en "
            "daarachter heuvels in de ochtendzon.",
            "Drawn illustration: an open window with a plant on the sill, and hills in the "
            "morning sun behind it.",
        ),
    ),
}
CREDIT = (
    "Illustratie gemaakt voor de demo (voorbeeld)",
    "Illustration made for the demo (example)",
)


def _hex(colour):
    return tuple(int(colour[index : index + 2], 16) for index in (1, 3, 5))


def _sky(draw, top, bottom):
    (r1, g1, b1), (r2, g2, b2) = _hex(top), _hex(bottom)
    width, height = SIZE
    for y in range(height):
        share = y / height
        draw.line(
            [(0, y), (width, y)],
            fill=(
                round(r1 + (r2 - r1) * share),
                round(g1 + (g2 - g1) * share),
                round(b1 + (b2 - b1) * share),
            ),
        )


def _hill(draw, colour, base, amplitude, waves, phase):
    width, height = SIZE
    points = [
        (x, base - amplitude * math.sin(phase + waves * math.pi * x / width))
        for x in range(0, width + 20, 20)
    ]
    draw.polygon([(0, height), *points, (width, height)], fill=colour)


def _scene(draw, scene, hills):
    width, height = SIZE
    if scene == "path":
        draw.polygon([(760, 640), (840, 640), (1100, height), (520, height)], fill="#d9b38c")
    elif scene == "greenhouses":
        for row in range(3):
            top = 620 + row * 110
            for column in range(9):
                left = 40 + column * 175 + (row % 2) * 60
                draw.polygon(
                    [(left, top + 80), (left + 70, top), (left + 140, top + 80)],
                    fill="#dfe8ec",
                    outline=hills[2],
                )
                draw.rectangle([left, top + 80, left + 140, top + 100], fill="#c3ced4")
    elif scene == "city":
        for index, left in enumerate(range(0, width, 130)):
            top = 520 + (index * 97) % 230
            draw.rectangle([left, top, left + 118, height], fill=hills[index % 3])
            if index % 3 == 1:
                draw.rectangle([left + 30, top + 60, left + 55, top + 90], fill="#f4e3b5")
    else:
        _scene_more(draw, scene, hills)


def _scene_more(draw, scene, hills):
    """The long story's scenes: a river with a bridge, a station platform, a window."""
    width, height = SIZE
    if scene == "bridge":
        draw.polygon([(700, 700), (900, 700), (1300, height), (300, height)], fill="#7fa7b8")
        draw.rectangle([0, 690, width, 716], fill="#6b5a4a")
        for left in range(120, width, 320):
            draw.rectangle([left, 716, left + 36, 820], fill="#5a4a3c")
    elif scene == "platform":
        draw.polygon([(0, 760), (width, 700), (width, height), (0, height)], fill="#4b5468")
        draw.line([(0, 900), (width, 830)], fill="#c9ced8", width=6)
        for left in range(200, width, 420):
            draw.rectangle([left, 380, left + 12, 760], fill="#0a0f1a")
            draw.ellipse([left - 30, 350, left + 42, 400], fill="#ffe9a8")
    elif scene == "window":
        draw.rectangle([0, 0, 220, height], fill="#efe3cf")
        draw.rectangle([width - 220, 0, width, height], fill="#efe3cf")
        draw.rectangle([0, 860, width, height], fill="#d8c6a8")
        draw.rectangle([760, 700, 840, 860], fill="#b5653f")
        for offset in (-70, 0, 70):
            draw.ellipse([770 + offset, 560, 830 + offset, 720], fill=hills[2])


def draw(slug):
    """The PNG bytes of the illustration for the story ``slug``."""
    (sky_top, sky_bottom, sun, hills), scene, _alt = SCENES[slug]
    image = Image.new("RGB", SIZE)
    canvas = ImageDraw.Draw(image)
    _sky(canvas, sky_top, sky_bottom)
    canvas.ellipse([1080, 180, 1320, 420], fill=sun)
    for index, colour in enumerate(hills):
        _hill(canvas, colour, 560 + index * 120, 70 - index * 15, 2 + index, index * 1.7)
    _scene(canvas, scene, hills)
    output = io.BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()


def illustration(key, t):
    """The image drawn for ``key`` (made once, then reused) and its alt text, recorded in ``t``."""
    _palette, _scene_name, (alt_nl, alt_en) = SCENES[key]
    title = f"Demo-illustratie {key}"
    image_model = get_image_model()
    image = image_model.objects.filter(title=title).first()
    if image is None:
        image = image_model(title=title)
        image.file = ImageFile(io.BytesIO(draw(key)), name=f"demo-{key}.png")
        image.save()
    return image, t(alt_nl, alt_en)


def hero_fields(slug, t):
    """The story's hero fields (image, alt, credit), with English recorded in the catalog ``t``."""
    if slug not in SCENES:
        return {}
    image, alt = illustration(slug, t)
    return {"hero_image": image, "hero_image_alt": alt, "hero_image_credit": t(*CREDIT)}
