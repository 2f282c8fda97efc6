"""Numbers typed by editors in Dutch or English notation, read the same way in every language.

"1.500" is fifteen hundred to a Dutch reader and one and a half to an English one. Editors of
both languages fill in the same forms, so the rule does not depend on the interface language:

* ``1500``, ``12,5``, ``12.5``: no doubt (a decimal mark followed by one, two or four or more
  digits; a plain whole number).
* ``1.500.000``, ``1,500,000``, ``1 500 000``: a mark that repeats, or a space, groups thousands.
* ``1.500,5``, ``1,500.5``: with both marks the last one is the decimal mark.
* ``0,125``, ``1500.250``: a group of thousands cannot start with 0 or have four digits, so the
  mark is a decimal mark.
* ``1.500``, ``1,500``, ``12.125``: one mark followed by exactly three digits can mean either;
  the form refuses it and asks for ``1500`` or ``1,5`` (never a silent guess).

Stored values are Decimals written canonically ("1500", "1.5"), read with ``Decimal`` as
before; only what an editor types (a string) goes through ``parse_number``.
"""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from comensha_content.blocks.paths import stable_paths

#: Spaces that may group thousands ("1 500"): space, no-break space, thin and narrow spaces.
SPACES = " \u00a0\u2009\u202f"
GROUPING_SPACES = re.compile(f"[{SPACES}]")
MINUS_SIGNS = ("-", "\u2212")
#: Digits, marks and spaces, with at least one digit: anything else is no number ("veel").
TYPED_NUMBER = re.compile(f"[0-9.,{SPACES}]*[0-9][0-9.,{SPACES}]*")
DECIMAL_MARKS = (".", ",")

NOT_A_NUMBER = _("Enter a number, such as 1500 or 12.5.")
BAD_GROUPING = _(
    "Group thousands in threes, as in 1,500,000, or type the number without separators: 1500000."
)
AMBIGUOUS = _(
    "“%(value)s” could be %(whole)s or %(decimal)s. Type %(whole)s for the whole number, "
    "or %(decimal)s for the number with decimals."
)


def _is_grouped(integer, mark):
    """Whether ``integer`` is thousands grouped with ``mark``: 1–3 digits, then groups of 3."""
    groups = integer.split(mark)
    return (
        1 <= len(groups[0]) <= 3
        and not (groups[0] == "0" and len(groups) > 1)
        and all(len(group) == 3 for group in groups[1:])
    )


def _decimal_writing(integer, fraction, mark):
    """How to type ``integer``.``fraction`` so that it cannot be read as a whole number."""
    fraction = fraction.rstrip("0")
    if not fraction:
        return integer
    if len(fraction) == 3:
        fraction += "0"  # "1.125" is ambiguous, "1.1250" is not
    return f"{integer}{mark}{fraction}"


def _split(text):
    """``(integer digits, fraction digits)`` of an unsigned ``text``; raises ValidationError."""
    if not TYPED_NUMBER.fullmatch(text):
        raise ValidationError(NOT_A_NUMBER, code="invalid")
    if GROUPING_SPACES.search(text):
        marks = [mark for mark in DECIMAL_MARKS if mark in text]
        if len(marks) > 1 or (marks and text.count(marks[0]) > 1):
            raise ValidationError(BAD_GROUPING, code="grouping")
        integer, _mark, fraction = text.partition(marks[0]) if marks else (text, "", "")
        integer = GROUPING_SPACES.sub(" ", integer)
        if not _is_grouped(integer, " "):
            raise ValidationError(BAD_GROUPING, code="grouping")
        return integer.replace(" ", ""), fraction
    used = [mark for mark in DECIMAL_MARKS if mark in text]
    if len(used) == 2:
        decimal_mark = max(used, key=text.rindex)
        grouping_mark = "," if decimal_mark == "." else "."
        integer, _mark, fraction = text.rpartition(decimal_mark)
        if grouping_mark in fraction or not _is_grouped(integer, grouping_mark):
            raise ValidationError(BAD_GROUPING, code="grouping")
        return integer.replace(grouping_mark, ""), fraction
    if not used:
        return text, ""
    (mark,) = used
    if text.count(mark) > 1:
        if not _is_grouped(text, mark):
            raise ValidationError(BAD_GROUPING, code="grouping")
        return text.replace(mark, ""), ""
    integer, _mark, fraction = text.partition(mark)
    if len(fraction) == 3 and _is_grouped(text, mark) and integer.strip("0"):
        raise ValidationError(
            AMBIGUOUS,
            code="ambiguous",
            params={
                "value": text,
                "whole": integer + fraction,
                "decimal": _decimal_writing(integer, fraction, mark),
            },
        )
    return integer, fraction


def parse_number(text):
    """The Decimal an editor means by ``text`` (see the module's rules); raises ValidationError."""
    text = str(text).strip()
    sign = ""
    if text.startswith(MINUS_SIGNS):
        sign, text = "-", text[1:].lstrip()
    elif text.startswith("+"):
        text = text[1:].lstrip()
    integer, fraction = _split(text)
    if not (integer or fraction) or not (integer + fraction).isdigit():
        raise ValidationError(NOT_A_NUMBER, code="invalid")
    fraction = fraction.rstrip("0")
    canonical = f"{sign}{integer or '0'}{'.' + fraction if fraction else ''}"
    try:
        return Decimal(canonical)
    except InvalidOperation:  # pragma: no cover - the digits were checked above
        raise ValidationError(NOT_A_NUMBER, code="invalid") from None


def editable_number(value):
    """A stored number as the form shows it: the interface's decimal mark, no grouping, and
    never three decimals alone (1.125 is shown as 1,1250), so saving it again keeps it."""
    if value is None or value == "":
        return ""
    number = Decimal(value)
    if not number.is_finite():
        return ""
    integer, _point, fraction = f"{abs(number):f}".partition(".")
    sign = "-" if number < 0 else ""
    fraction = fraction.rstrip("0")
    if not fraction:
        return f"{sign}{integer}"
    if len(fraction) == 3 and integer.strip("0"):
        fraction += "0"
    return f"{sign}{integer}{formats.get_format('DECIMAL_SEPARATOR')}{fraction}"


class TypedNumberField(forms.DecimalField):
    """A DecimalField that reads Dutch and English notation by ``parse_number`` (a text input:
    a browser's number input rejects "12,5" or reads "1.500" as 1.5 before the server sees it)."""

    widget = forms.TextInput

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal | int) and not isinstance(value, bool):
            return Decimal(value)
        if isinstance(value, float):
            return Decimal(str(value))
        return parse_number(value)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs["inputmode"] = "decimal"
        attrs.setdefault("autocomplete", "off")
        return attrs


class TypedNumberBlock(blocks.DecimalBlock):
    """A DecimalBlock whose form reads "1.500,5" and "1,500.5" and refuses "1.500" (ambiguous).

    Stored values are read as before (``Decimal``); ``clean`` gives a ValidationError, never an
    exception, for text that is no number ("veel"), also when called by an API write.
    """

    def __init__(
        self,
        required=True,
        help_text=None,
        max_value=None,
        min_value=None,
        max_digits=None,
        decimal_places=None,
        validators=(),
        *args,
        **kwargs,
    ):
        super().__init__(
            required, help_text, max_value, min_value, max_digits, decimal_places, validators,
            *args, **kwargs,
        )  # fmt: skip
        self.field = TypedNumberField(
            required=required,
            help_text=help_text,
            max_value=max_value,
            min_value=min_value,
            max_digits=max_digits,
            decimal_places=decimal_places,
            validators=validators,
        )

    def to_python(self, value):
        """A stored or API value as a Decimal; never raises.

        JSON numbers and canonical strings ("1500", "1.5", what the API gives out) are read as
        machine numbers. Text that is no number ("veel") is kept as it is, so that ``clean``
        (which API v3 writes run on the value) says what is wrong; shown, it is nothing
        (``facts.format_number``). Anything else (a list, a bool) reads as no value.
        """
        if value is None or isinstance(value, bool):
            return None
        if isinstance(value, Decimal | int):
            return Decimal(value)
        if isinstance(value, float):
            return Decimal(str(value))  # 0.1, not 0.1000000000000000055511151231257827
        if isinstance(value, str):
            try:
                number = Decimal(value.strip())
            except InvalidOperation:
                return value
            return number if number.is_finite() else value
        return None

    def value_for_form(self, value):
        """What the editor typed stays as typed; a stored or API number becomes editable text."""
        if value is None or isinstance(value, str):
            return value
        if isinstance(value, bool):
            return str(value)
        if isinstance(value, float):
            value = Decimal(str(value))
        try:
            return editable_number(value)
        except (InvalidOperation, TypeError, ValueError):
            return str(value)

    def value_from_form(self, value):
        return value


DECONSTRUCT_ALIASES = stable_paths(__name__, "comensha_content.blocks")
