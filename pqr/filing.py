"""Filing a case: the radicado counter, the tracking code and double-submit guard.

The per-year counter row is locked (SELECT ... FOR UPDATE) in the same transaction
that inserts the case, so radicados are sequential and gapless: a filing that fails
rolls the increment back. On SQLite the IMMEDIATE transaction mode serialises writers."""

import secrets
from dataclasses import dataclass

from django.contrib.auth.hashers import check_password, make_password
from django.db import IntegrityError, transaction
from django.utils import timezone

from wagtail.log_actions import log

from . import deadlines, terms
from .models import Attachment, Case, CaseEvent, ClosureDay, RadicadoCounter, Status

RADICADO_FORMAT = "PQRSD-{year}-{number:06d}"


def new_tracking_code():
    """A random code the citizen keeps; only its hash is stored."""
    return secrets.token_urlsafe(9)


def code_matches(case, code):
    return bool(code) and check_password(code, case.tracking_code_hash)


def _next_number(year):
    RadicadoCounter.objects.get_or_create(year=year)
    counter = RadicadoCounter.objects.select_for_update().get(year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return counter.last


def store_attachments(case, files, stored):
    """Save validated uploads in the private storage; ``stored`` collects the files
    written so a caller can delete them if its transaction rolls back."""
    for upload in files:
        attachment = Attachment(
            case=case, name=upload.name[:200], content_type=upload.detected_type, size=upload.size
        )
        attachment.file.save(upload.name, upload, save=False)
        stored.append(attachment.file)
        attachment.save()


def delete_stored(stored):
    for stored_file in stored:
        stored_file.storage.delete(stored_file.name)


@dataclass
class Filed:
    case: Case
    code: str | None  # None when the form token matched an earlier filing
    created: bool


def file_case(data, files=(), user=None, received_by=None, form_token=None, now=None):
    """Create a case from cleaned form data and return it with its tracking code.

    A repeated ``form_token`` returns the case the first submission created (the
    unique constraint decides the race between two parallel requests)."""
    if form_token:
        existing = Case.objects.filter(form_token=form_token).first()
        if existing:
            return Filed(existing, None, False)
    now = now or timezone.now()
    code = new_tracking_code()
    closures = ClosureDay.dates()
    due = deadlines.due_date(now, data["petition_type"], closures)
    stored = []
    try:
        with transaction.atomic():
            year = timezone.localtime(now).year
            number = _next_number(year)
            case = Case.objects.create(
                radicado=RADICADO_FORMAT.format(year=year, number=number),
                year=year,
                number=number,
                received_at=now,
                term_started_at=now,
                base_due_date=due,
                due_date=due,
                tracking_code_hash=make_password(code),
                form_token=form_token or None,
                user=user if user and user.is_authenticated else None,
                received_by=received_by,
                consent_at=now if data.get("consent") else None,
                policy_version=terms.PRIVACY_POLICY_VERSION if data.get("consent") else "",
                **{field: data[field] for field in _CASE_FIELDS if field in data},
            )
            store_attachments(case, files, stored)
            CaseEvent.objects.create(case=case, status=Status.RECEIVED, user=received_by)
            log(case, "pqr.file", user=received_by or case.user)
    except IntegrityError:
        delete_stored(stored)
        if form_token:
            existing = Case.objects.filter(form_token=form_token).first()
            if existing:
                return Filed(existing, None, False)
        raise
    return Filed(case, code, True)


_CASE_FIELDS = [
    "petition_type",
    "channel",
    "subject",
    "description",
    "anonymous",
    "name",
    "id_number",
    "email",
    "phone",
    "address",
    "answer_channel",
    "documents",
]
