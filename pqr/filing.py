"""Filing a case: the radicado counter, the tracking code and double-submit guard.

The per-year counter row is locked (SELECT ... FOR UPDATE) in the same transaction
that inserts the case, so radicados are sequential and gapless: a filing that fails
rolls the increment back (and the consent recorded with the case). On SQLite the
IMMEDIATE transaction mode serialises writers."""

import hashlib
import secrets
from dataclasses import dataclass

from django.contrib.auth.hashers import check_password
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from wagtail.log_actions import log

from cms.consents import record_consent
from cms.models import Consent

from . import deadlines, notifications, terms
from .models import Attachment, Case, CaseEvent, ClosureDay, RadicadoCounter, Status

RADICADO_FORMAT = "PQRSD-{year}-{number:06d}"


CODE_HASH_PREFIX = "sha256$"


def new_tracking_code():
    """A random code the citizen keeps; only its hash is stored."""
    return secrets.token_urlsafe(9)


def hash_tracking_code(code):
    """SHA-256 of the code. The code is 72 random bits, not a password a person chose,
    so a fast hash is as safe as a slow one; a password hasher (about 1 s of CPU per
    check) would make every tracking lookup, right or wrong, a cheap way to load the
    server. Not keyed with SECRET_KEY, so rotating that key keeps every code valid."""
    return CODE_HASH_PREFIX + hashlib.sha256(code.encode()).hexdigest()


def code_matches(case, code):
    if not code:
        return False
    stored = case.tracking_code_hash
    if stored.startswith(CODE_HASH_PREFIX):
        return constant_time_compare(stored, hash_tracking_code(code))
    return check_password(code, stored)  # cases filed with password-hashed codes


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


def file_web_form(request, data):
    """File the cleaned data of a citizen's web form (the PQRSD form or an online form
    page): its attachments, the signed-in user, its double-submit token and this
    request's host for the tracking link."""
    return file_case(
        data,
        data["attachments"],
        user=request.user,
        form_token=data.get("form_token") or None,
        base_url=notifications.request_base_url(request),
    )


def file_case(
    data, files=(), user=None, received_by=None, form_token=None, now=None, base_url=None
):
    """Create a case from cleaned form data and return it with its tracking code.
    ``base_url`` is where the acknowledgement's tracking link points (the filing
    request's host; PORTAL_BASE_URL when None).

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
                tracking_code_hash=hash_tracking_code(code),
                form_token=form_token or None,
                user=user if user and user.is_authenticated else None,
                received_by=received_by,
                consent_at=now if data.get("consent") else None,
                policy_version=terms.PRIVACY_POLICY_VERSION if data.get("consent") else "",
                **{field: data[field] for field in _CASE_FIELDS if field in data},
            )
            if data.get("consent"):
                record_consent(
                    Consent.Purpose.PETITION,
                    Consent.Channel.PQRSD_OFFICE if received_by else Consent.Channel.PQRSD_WEB,
                    user=case.user,
                    email=case.email,
                    covers=case,
                    now=now,
                )
            store_attachments(case, files, stored)
            CaseEvent.objects.create(case=case, status=Status.RECEIVED, user=received_by)
            log(case, "pqr.file", user=received_by or case.user)
            notifications.queue_acknowledgement(case, code, base_url)
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
    "id_type",
    "id_number",
    "email",
    "phone",
    "address",
    "answer_channel",
    "documents",
    "dependency",
    "online_form",
]
