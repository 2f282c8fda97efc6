"""API v3 (Wagtail 8) writes: the package's pages created, changed and published with a token.

- **Which fields** (``write_field_names``): every model field an editor fills in on the page's
  admin form (its panels), so the API can write what the admin can, and nothing else. Wagtail
  builds the same admin form for API writes (``wagtail.api.v3.form_data``), with the token's user
  (``for_user``) and Wagtail's page permissions, so the API's rules are the admin's. Consent
  (``StoryConsent``) is no page field and no panel field: it is never read or written here.
- **Typed**: each page type's create and patch schemas are registered in Wagtail's v3 registry
  with the fields declared as writable ``APIField``\\ s; a StreamField is published as the tagged
  union of its blocks in the read shape (``schema.write_shape``).
- **The read shape is writable** (``v3_block_input``): a client GETs a page, changes one text and
  PATCHes the body back; derived keys are ignored.
- **Errors** (``guard_writes``): a bad block value is a 422 naming its path
  (``body[3].value.maximum``) and the reason, in the request's language (Accept-Language); an
  unknown block type or a malformed value is never a 500; a refused publish names each field.

``register()`` is called from the AppConfig's ``ready()`` right after
``comensha_content.api.v3.register()``, before Wagtail's pages router is imported (it reads the
registry once); it does nothing on Wagtail 7.4.
"""

import json
import logging
from contextlib import contextmanager
from functools import wraps
from typing import Annotated, Any

from django.utils import translation
from django.utils.translation import gettext as _

from comensha_content.api.v3_block_input import (
    BlockErrors,
    block_input,
    block_validation_errors,
    path_text,
)

logger = logging.getLogger(__name__)

#: URL names in ``wagtail.api.v3.routers.pages`` whose URL also takes a write.
V3_WRITE_URLS = ("list_pages", "detail_page", "pages_actions_publish")

#: Page types whose writes this module checks (the package's).
_write_models = set()

#: Form fields Wagtail's page schemas already carry, and fields that are no content.
NOT_CONTENT_FIELDS = {"locale", "owner", "live", "latest_revision", "content_type"}


def _edit_handler(model):
    """The page's admin panels, bound afresh: ``get_edit_handler`` exists (and caches) only
    after wagtail.admin's ``ready()``, which runs after this app's."""
    from wagtail.admin.panels import ObjectList, TabbedInterface

    handler = getattr(model, "edit_handler", None)
    if handler is None:
        panels = (model.content_panels, model.promote_panels, model.settings_panels)
        handler = TabbedInterface([ObjectList(tab) for tab in panels if tab])
    return handler.bind_to_model(model)


def write_field_names(model):
    """The model fields of ``model``'s admin form, besides those Wagtail writes itself."""
    from wagtail.api.v3.schemas.pages import BASE_PAGE_FIELDS

    options = _edit_handler(model).get_form_options()
    names = []
    for name in options.get("fields", ()):
        if name in BASE_PAGE_FIELDS or name in NOT_CONTENT_FIELDS:
            continue
        try:
            field = model._meta.get_field(name)
        except Exception:  # noqa: BLE001, S112 - a form-only field has no API shape
            continue
        if getattr(field, "concrete", False) and field.editable:
            names.append(name)
    return names


def writable_api_fields(model):
    from wagtail.api import APIField

    return [APIField(name, writable=True) for name in write_field_names(model)]


@contextmanager
def _writable(model):
    """``model.api_fields`` as its writable fields while Wagtail's generators read them."""
    had = "api_fields" in model.__dict__
    saved = model.__dict__.get("api_fields")
    model.api_fields = writable_api_fields(model)
    try:
        yield
    finally:
        if had:
            model.api_fields = saved
        else:
            del model.api_fields


def _stream_write_schema(original):
    """Type a StreamField of the package's blocks in the write direction; keep the others."""
    from pydantic import WithJsonSchema

    from comensha_content.api.v3 import _uses_package_blocks, get_builder, inline_schema
    from comensha_content.schema.write_shape import write_shape

    def field_schema(generator, field):
        if not _uses_package_blocks(field.stream_block):
            return original(generator, field)
        with translation.override(None):
            schema = write_shape(inline_schema(get_builder().model_field(field)))
        return Annotated[list[Any], WithJsonSchema(schema)], []

    field_schema.comensha_original = original
    return field_schema


def draft_create_generator():
    """Wagtail's create generator, but with every content field optional.

    A draft may leave required fields empty, as in the admin (Wagtail defers them when it saves
    a draft and enforces them on publish); Wagtail's create schema would refuse such a draft
    before the form is even built.
    """
    from wagtail.api.v3.schemas.generators.write import (
        InputSchemaGenerator,
        register_default_field_schemas,
    )

    generator = InputSchemaGenerator(for_update=True)
    generator.name_suffix = "Create"
    register_default_field_schemas(generator)
    return generator


def register_write_schemas(models):
    """Register create and patch schemas of ``models`` (page types) in Wagtail's v3 registry."""
    from wagtail.api.v3.registry import ContentTypeRegistration, registry
    from wagtail.api.v3.schemas import patch_generator
    from wagtail.api.v3.schemas.pages import (
        BASE_PAGE_FIELDS,
        PageCreateBaseSchema,
        PageUpdateBaseSchema,
    )
    from wagtail.fields import StreamField

    create_generator = draft_create_generator()
    for generator in (create_generator, patch_generator):
        original = generator.field_schemas.get(StreamField)
        if original is not None and not hasattr(original, "comensha_original"):
            generator.register_field_schema(StreamField, _stream_write_schema(original))

    for model in models:
        _write_models.add(model)
        existing = registry.get(model._meta.label)
        if existing is None or existing.create_schema is None:
            continue
        with _writable(model):
            create_schema = create_generator.generate_schema(
                model,
                base_class=PageCreateBaseSchema,
                fields=BASE_PAGE_FIELDS,
                required_fields=("title",),
            )
            patch_schema = patch_generator.generate_schema(
                model, base_class=PageUpdateBaseSchema, fields=BASE_PAGE_FIELDS
            )
        registry.register(
            ContentTypeRegistration(
                name=existing.name,
                label=existing.label,
                read_schema=existing.read_schema,
                create_schema=create_schema,
                patch_schema=patch_schema,
            )
        )


def register():
    """Make the package's page types writable in API v3; False where v3 is not available."""
    from comensha_content.api import v3
    from comensha_content.schema.discovery import package_page_models

    if not v3.is_available():
        return False
    register_write_schemas(package_page_models())
    return True


# -- requests ----------------------------------------------------------------------------------


def request_language(request):
    """The language the client asked for (Accept-Language), not the unprefixed URL's default."""
    return translation.get_language_from_request(request, check_path=False)


def _target_model(request, kwargs, payload):
    from django.apps import apps
    from wagtail.models import Page

    if "page_id" in kwargs:
        content_type_id = (
            Page.objects.filter(pk=kwargs["page_id"]).values_list("content_type", flat=True).first()
        )
        if content_type_id is None:
            return None
        from django.contrib.contenttypes.models import ContentType

        return ContentType.objects.get_for_id(content_type_id).model_class()
    meta = payload.get("meta")
    if isinstance(meta, dict) and isinstance(meta.get("type"), str):
        try:
            return apps.get_model(meta["type"])
        except (LookupError, ValueError):
            return None
    return None


def prepared_payload(model, payload):
    """``(payload with StreamFields in their stored shape, BlockErrors)``."""
    from wagtail.fields import StreamField

    errors = BlockErrors()
    names = set(write_field_names(model))
    publishing = isinstance(payload.get("meta"), dict) and payload["meta"].get("action") == (
        "publish"
    )
    prepared = dict(payload)
    for name, value in payload.items():
        if name not in names:
            continue
        field = model._meta.get_field(name)
        if not isinstance(field, StreamField):
            continue
        stored = block_input(field.stream_block, value, (name,), errors)
        if not errors:
            block_validation_errors(
                field.stream_block, stored, (name,), errors, deferred_required=not publishing
            )
        prepared[name] = stored
    return prepared, errors


def problem(errors):
    from wagtail.api.v3.errors import problem_response

    items = [
        {"type": code, "loc": list(loc), "path": path_text(loc), "msg": message}
        for loc, code, message in errors
    ]
    detail = "; ".join(
        f"{item['path']}: {item['msg']}" if item["path"] else item["msg"] for item in items
    )
    return problem_response(status=422, detail=detail, errors=items)


def _authenticated(request):
    """Whether the request's bearer token is one Wagtail's writes accept: only then is the body
    read here (an anonymous write is Wagtail's 401, before any parsing or validation)."""
    from wagtail.api.v3.auth import BearerTokenAuth

    return BearerTokenAuth()(request) is not None


def guard_writes(view):
    """Wrap a v3 pages URL: its writes in the client's language, block values checked first."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("POST", "PATCH", "PUT") or not _authenticated(request):
            return view(request, *args, **kwargs)
        with translation.override(request_language(request)):
            try:
                payload = json.loads(request.body or b"{}")
            except (ValueError, UnicodeDecodeError):
                payload = None
            except RecursionError:  # nested deeper than Python's parser goes: Wagtail's 400
                from wagtail.api.v3.errors import problem_response

                return problem_response(status=400, detail="Cannot parse request body")
            if isinstance(payload, dict) and "actions/" not in request.path:
                model = _target_model(request, kwargs, payload)
                if model is not None and model in _write_models:
                    prepared, errors = prepared_payload(model, payload)
                    if errors:
                        return problem(errors)
                    request._body = json.dumps(prepared).encode()
            try:
                return view(request, *args, **kwargs)
            except (TypeError, ValueError, ArithmeticError, KeyError, AttributeError):
                # A value Wagtail's form input cannot read (it raises instead of answering):
                # the client's error, logged for the developers, never a 500.
                logger.exception("API v3 write refused: a value Wagtail could not read")
                return problem(
                    [((), "invalid", _("The request holds a value that cannot be read."))]
                )

    return wrapper


def install_error_names(api):
    """A Django ValidationError with fields (a refused publish) answers with each field named.

    Wagtail's handler lists only the messages ("This field cannot be blank." twice); the
    client needs to know which fields to fill in.
    """
    from django.core.exceptions import ValidationError
    from wagtail.utils.forms import FormValidationError

    original = api._exception_handlers.get(ValidationError)
    if original is None or getattr(original, "comensha_names", False):
        return

    def handler(request, exc):
        if isinstance(exc, FormValidationError) or not hasattr(exc, "error_dict"):
            return original(request, exc)
        errors = BlockErrors()
        for name, field_errors in exc.error_dict.items():
            for error in field_errors:
                message = error.message % error.params if error.params else error.message
                errors.add(() if name == "__all__" else (name,), message, error.code or "invalid")
        return problem(errors)

    handler.comensha_names = True
    api.add_exception_handler(ValidationError, handler)


__all__ = [
    "guard_writes",
    "install_error_names",
    "register",
    "register_write_schemas",
    "write_field_names",
]
