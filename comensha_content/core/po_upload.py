"""Checks a translator's PO upload before wagtail-localize imports it.

wagtail-localize's own upload view reports a broken file and a PO file of another translation,
but it answers a file with texts that are not in this page ("unknown msgids") with "Successfully
imported" while ignoring them, and it fails with a server error on a PO file without its
``X-WagtailLocalize-TranslationID`` header. A translator must learn that their work did not
arrive. This view takes wagtail-localize's URL (registered before it) and refuses such a file
with a clear message, changing nothing; a good file goes on to wagtail-localize's view.
"""

import contextlib
import os
import tempfile

import polib
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail_localize.models import StringSegment, Translation
from wagtail_localize.views import edit_translation

#: wagtail-localize's header naming the translation a PO file was exported from.
TRANSLATION_ID_HEADER = "X-WagtailLocalize-TranslationID"
#: How many unknown texts the error message quotes.
QUOTED_UNKNOWN_TEXTS = 3


class InvalidPOFile(Exception):
    """The upload cannot be imported into this translation; ``message`` says why."""

    def __init__(self, message):
        self.message = message
        super().__init__(message)


def read_po_file(uploaded):
    """Parse an uploaded file as PO (from a temporary file, as wagtail-localize does).

    polib takes a file name or the contents; passing contents would let an upload name a file
    on the server, so the upload is written to a file of its own first.
    """
    if uploaded is None:
        raise InvalidPOFile(gettext("Choose a PO file to upload."))
    with tempfile.NamedTemporaryFile(delete=False, suffix=".po") as handle:
        for chunk in uploaded.chunks():
            handle.write(chunk)
    try:
        return polib.pofile(handle.name)
    except (OSError, UnicodeDecodeError, ValueError):
        raise InvalidPOFile(
            gettext("This file is not a valid PO file. Upload the PO file you downloaded here.")
        ) from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)


def check_po_file(po, translation):
    """Raise InvalidPOFile unless ``po`` was exported for ``translation`` and has only its texts."""
    exported_for = po.metadata.get(TRANSLATION_ID_HEADER)
    if not exported_for:
        raise InvalidPOFile(
            gettext(
                "This PO file was not downloaded from this translation (it has no translation "
                "ID). Upload the PO file you downloaded here."
            )
        )
    if exported_for != str(translation.uuid):
        raise InvalidPOFile(
            gettext(
                "This PO file belongs to another page or translation. Upload the PO file you "
                "downloaded here."
            )
        )
    known = set(
        StringSegment.objects.filter(source=translation.source).values_list(
            "string__data", "context__path"
        )
    )
    unknown = [
        entry.msgid
        for entry in po
        if not entry.obsolete and (entry.msgid, entry.msgctxt) not in known
    ]
    if unknown:
        quoted = "; ".join(f"“{text[:60]}”" for text in unknown[:QUOTED_UNKNOWN_TEXTS])
        raise InvalidPOFile(
            ngettext(
                "%(count)d text in this PO file is not in this page (%(texts)s). Nothing was "
                "imported: download the PO file again and translate its texts only.",
                "%(count)d texts in this PO file are not in this page (%(texts)s). Nothing was "
                "imported: download the PO file again and translate its texts only.",
                len(unknown),
            )
            % {"count": len(unknown), "texts": quoted}
        )


@require_POST
def upload_pofile(request, translation_id):
    """wagtail-localize's PO upload, after ``check_po_file``; a refused file changes nothing."""
    translation = get_object_or_404(Translation, id=translation_id)
    instance = translation.get_target_instance()
    if not edit_translation.user_can_edit_instance(request.user, instance):
        raise PermissionDenied
    uploaded = request.FILES.get("file")
    try:
        check_po_file(read_po_file(uploaded), translation)
    except InvalidPOFile as error:
        messages.error(request, error.message)
        return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_home")
    uploaded.seek(0)
    return edit_translation.upload_pofile(request, translation_id)


def register_admin_urls():
    """``register_admin_urls`` hook (ordered before wagtail-localize's): the checked upload."""
    return [
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            upload_pofile,
            name="comensha_content_upload_pofile",
        )
    ]
