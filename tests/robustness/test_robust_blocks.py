"""Every block of the package survives arbitrary stored values: no 500 from a page or the API.

A StreamField's JSON can hold anything a previous block definition, an import or a bug wrote:
keys missing or extra, children of unknown types, leaves of the wrong JSON type, odd Unicode.
For every block class of the package (found by introspection, so a new block is covered), values
drawn by hypothesis go through ``to_python``, ``clean``, ``get_prep_value``, ``render`` and
``get_api_representation``; the only exception allowed is a ValidationError with a message
(what an editor sees as a form error). The API representation must also be JSON-serialisable.

Examples per block: COMENSHA_FUZZ_EXAMPLES (default 25); e.g. 500 for a thorough run.
"""

import json
import os
import string
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from tests.i18n.test_translation_blocks import (
    ABSTRACT_BLOCKS,
    package_block_classes,
    package_stream_fields,
    walk,
)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning"),
]

FUZZ_EXAMPLES = int(os.environ.get("COMENSHA_FUZZ_EXAMPLES", "25"))
FUZZ = settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    derandomize=os.environ.get("COMENSHA_FUZZ_RANDOM") != "1",
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
    ],
)

#: Text editors and importers produce: markup, entities, control characters, RTL, emoji.
TRICKY_TEXT = [
    "",
    " ",
    "\x00",
    "<script>alert(1)</script>",
    "<p>unclosed <b>bold",
    '<a href="javascript:alert(1)">x</a>',
    '<a linktype="page" id="999999">dangling page link</a>',
    '<a linktype="document" id="999999">dangling document link</a>',
    '<embed embedtype="image" id="999999" format="left" alt="x"/>',
    "&lt;&amp;&#x0;&#9999999;",
    "#fn-",
    "#fn-999",
    "mailto:",
    "https://",
    "http://[::1",
    "javascript:alert(1)",
    "\u202eevil",
    "🙂" * 3,
    "a" * 600,
]

json_leaf = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=40),
    st.sampled_from(TRICKY_TEXT),
)
json_any = st.recursive(
    json_leaf,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.text(max_size=10), children, max_size=4),
    ),
    max_leaves=12,
)

text = st.one_of(
    st.sampled_from(TRICKY_TEXT), st.text(max_size=80), st.text(string.printable, max_size=80)
)
block_id = st.one_of(st.uuids().map(str), st.text(max_size=8), st.none())


def chooser_ids(block):
    """Stored ids of a chooser: none, unknown ones, and those of objects that exist."""
    existing = list(block.model_class.objects.values_list("pk", flat=True)[:5])
    choices = [st.none(), st.integers(min_value=-5, max_value=2**31 - 1)]
    if existing:
        choices.append(st.sampled_from(existing))
    return st.one_of(*choices)


def stored(block, depth=0):
    """Values of the stored (JSON) form of ``block``: mostly well-shaped, sometimes anything."""
    anything = json_any if depth < 3 else json_leaf
    if isinstance(block, (ImageChooserBlock, DocumentChooserBlock, SnippetChooserBlock)):
        return chooser_ids(block)
    if isinstance(block, blocks.PageChooserBlock):
        return chooser_ids(block)
    if depth > 4:
        return json_leaf
    if isinstance(block, blocks.StructBlock):
        shaped = st.fixed_dictionaries(
            {},
            optional={name: stored(child, depth + 1) for name, child in block.child_blocks.items()},
        )
        with_extra = st.tuples(shaped, st.dictionaries(st.text(max_size=8), json_leaf, max_size=2))
        return st.one_of(shaped, with_extra.map(lambda pair: {**pair[1], **pair[0]}), anything)
    if isinstance(block, blocks.StreamBlock):
        names = sorted(block.child_blocks)
        known = st.sampled_from(names).flatmap(
            lambda name: st.fixed_dictionaries(
                {"type": st.just(name), "value": stored(block.child_blocks[name], depth + 1)},
                optional={"id": block_id},
            )
        )
        unknown = st.fixed_dictionaries({"type": st.text(max_size=8), "value": json_leaf})
        return st.one_of(
            st.lists(st.one_of(known, known, unknown), max_size=4),
            anything,
        )
    if isinstance(block, blocks.ListBlock):
        item = stored(block.child_block, depth + 1)
        wrapped = st.fixed_dictionaries(
            {"type": st.just("item"), "value": item}, optional={"id": block_id}
        )
        return st.one_of(
            st.lists(st.one_of(item, wrapped), max_size=4),
            st.lists(wrapped, max_size=4),
            anything,
        )
    if isinstance(block, (blocks.IntegerBlock, blocks.FloatBlock, blocks.DecimalBlock)):
        return st.one_of(st.integers(), st.floats(allow_nan=False), text, json_leaf)
    if isinstance(block, blocks.ChoiceBlock):
        valid = [str(key) for key, _label in block.field.choices if key]
        return st.one_of(st.sampled_from(valid or [""]), text, json_leaf)
    return st.one_of(text, text, json_leaf)


def block_instances():
    """One instance of every block class of the package, as a StreamField uses it if one does."""
    found = {}
    for _model, field in package_stream_fields():
        for block in walk(field.stream_block):
            found.setdefault(type(block), block)
    for cls in package_block_classes():
        if cls.__name__ in ABSTRACT_BLOCKS:
            continue
        if not any(issubclass(used, cls) for used in found):
            found[cls] = cls()
        elif cls not in found:
            found[cls] = next(block for used, block in found.items() if issubclass(used, cls))
    package = {cls for cls in package_block_classes()}
    return {cls.__name__: block for cls, block in found.items() if cls in package}


BLOCKS = block_instances()


def assert_validation_error_has_message(error):
    messages = [str(message) for message in getattr(error, "messages", [])]
    # StructBlock/ListBlock/StreamBlock errors carry their messages per child
    nested = getattr(error, "block_errors", None) or {}
    non_block = getattr(error, "non_block_errors", None) or []
    if not messages and not nested and not non_block:
        raise AssertionError(f"ValidationError without a message: {error!r}")


def run_through(block, raw, request):
    """Every step an editor, a reader or an API client triggers, on one stored value."""
    value = block.to_python(raw)
    try:
        block.clean(value)
    except ValidationError as error:
        assert_validation_error_has_message(error)
    prepared = block.get_prep_value(value)
    json.dumps(prepared, cls=DjangoJSONEncoder)
    block.to_python(json.loads(json.dumps(prepared, cls=DjangoJSONEncoder)))
    html = block.render(value, context={"request": request})
    assert isinstance(html, str)
    representation = block.get_api_representation(value, context={"request": request})
    json.dumps(representation, cls=DjangoJSONEncoder)


def test_every_package_block_class_is_fuzzed():
    names = {cls.__name__ for cls in package_block_classes() if cls.__name__ not in ABSTRACT_BLOCKS}
    assert names <= set(BLOCKS), "a block class of the package is not fuzzed"


@pytest.mark.parametrize("name", sorted(BLOCKS))
def test_block_survives_arbitrary_stored_values(name, api_request):
    block = BLOCKS[name]

    @FUZZ
    @given(raw=st.data())
    def check(raw):
        run_through(block, raw.draw(stored(block), label="stored value"), api_request)

    check()


def test_a_stored_uuid_like_block_id_is_kept(api_request):
    """Sanity check of the harness: a valid stored value passes every step unchanged."""
    block = BLOCKS["StoryBodyBlock"]
    child_id = str(uuid.uuid4())
    raw = [{"type": "paragraph", "value": "<p>Hallo</p>", "id": child_id}]
    run_through(block, raw, api_request)
    assert block.get_prep_value(block.to_python(raw))[0]["id"] == child_id
