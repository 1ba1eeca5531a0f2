"""Colombian identity documents and telephone numbers: validation and the normal form
kept on the case. Separators people type (spaces, dots, dashes) are accepted.

- CC, cédula de ciudadanía: 3 to 10 digits (older cédulas are shorter).
- CE, cédula de extranjería (Migración Colombia): 3 to 7 letters or digits.
- TI, tarjeta de identidad: 10 or 11 digits.
- NIT: 9 digits and the DIAN check digit (``900123456-8``, ``900.123.456-8``,
  ``9001234568``), kept as ``900123456-8``.
- PA, passport: 5 to 20 letters or digits.
- Phones: a mobile (10 digits starting with 3) or a landline (60X and 7 digits, the
  national numbering since 2021), with an optional +57; kept as the 10 digits."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

SEPARATORS = re.compile(r"[\s.\-()]")
NIT_WEIGHTS = (3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71)


class DocumentType(models.TextChoices):
    CC = "CC", _("Citizenship card (CC)")
    CE = "CE", _("Foreigner ID card (CE)")
    TI = "TI", _("Identity card for minors (TI)")
    NIT = "NIT", _("Tax ID (NIT)")
    PA = "PA", _("Passport")


def nit_check_digit(number):
    """The DIAN check digit (dígito de verificación) of a NIT's digits."""
    total = sum(
        int(digit) * weight for digit, weight in zip(reversed(number), NIT_WEIGHTS, strict=False)
    )
    remainder = total % 11
    return remainder if remainder in (0, 1) else 11 - remainder


def _digits(value, low, high, message):
    if not re.fullmatch(rf"\d{{{low},{high}}}", value):
        raise ValidationError(message, code="invalid_document")
    return value


def normalise_document(document_type, value):
    """The document number in its normal form, or ``ValidationError``."""
    compact = SEPARATORS.sub("", value or "").upper()
    if document_type == DocumentType.CC:
        return _digits(compact, 3, 10, _("A citizenship card number has 3 to 10 digits."))
    if document_type == DocumentType.TI:
        return _digits(compact, 10, 11, _("An identity card for minors has 10 or 11 digits."))
    if document_type == DocumentType.CE:
        if not re.fullmatch(r"[A-Z0-9]{3,7}", compact):
            raise ValidationError(
                _("A foreigner ID card number has 3 to 7 letters or digits."),
                code="invalid_document",
            )
        return compact
    if document_type == DocumentType.PA:
        if not re.fullmatch(r"[A-Z0-9]{5,20}", compact):
            raise ValidationError(
                _("A passport number has 5 to 20 letters or digits."), code="invalid_document"
            )
        return compact
    if document_type == DocumentType.NIT:
        if not re.fullmatch(r"\d{10}", compact):
            raise ValidationError(
                _("A NIT has 9 digits and a check digit, as in 900123456-8."),
                code="invalid_document",
            )
        number, check = compact[:9], int(compact[9])
        if nit_check_digit(number) != check:
            raise ValidationError(
                _("The check digit of this NIT is wrong: check the number."),
                code="invalid_nit_check_digit",
            )
        return f"{number}-{check}"
    raise ValidationError(_("Choose the type of identity document."), code="invalid_type")


def normalise_phone(value):
    """A Colombian mobile or landline number as 10 digits, or ``ValidationError``."""
    compact = SEPARATORS.sub("", value or "")
    if compact.startswith("+57"):
        compact = compact[3:]
    elif compact.startswith("57") and len(compact) == 12:
        compact = compact[2:]
    if not re.fullmatch(r"3\d{9}|60[1-8]\d{7}", compact):
        raise ValidationError(
            _(
                "Give a Colombian phone number: a mobile of 10 digits starting with 3, or a "
                "landline with its area code, as in 601 575 5700."
            ),
            code="invalid_phone",
        )
    return compact
