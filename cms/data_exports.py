""" "Download my data" (Ley 1581 de 2012 art. 8; Decreto 1377 de 2013): a ZIP of
everything the portal holds about an account, one JSON and one CSV per table, from
every app's handler (``cms.personal_data``).

The request (``request_export``) records a ``DataExport`` and queues ``build`` (the
project's task queue); the task writes the ZIP to private storage, makes the link's
token (only its hash is stored) and e-mails the owner the link, which works for
DATA_EXPORT_DAYS days and only for the signed-in owner (``cms.account_data``).
``expire`` (``manage.py expire_data_exports``) deletes the expired files and rows."""

import io
import json
import logging
import secrets
import smtplib
import zipfile
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from django_tasks import task

from cms.exports import csv_rows
from cms.models import DataExport
from cms.models.data_exports import token_hash
from cms.personal_data import personal_data_handlers

logger = logging.getLogger(__name__)
#: builds tried before giving up when the e-mail cannot be sent (then 1, 2, 4 … minutes)
MAX_ATTEMPTS = 6
RETRY_SECONDS = 60


def collect(user):
    """Every handler's tables for ``user``: ``{table name: [row, ...]}`` (a name two
    handlers use gathers both's rows)."""
    tables = {}
    for handler in personal_data_handlers():
        if handler.export is None:
            continue
        for name, rows in handler.export(user).items():
            tables.setdefault(name, []).extend(rows)
    return tables


def _columns(rows):
    columns = {}
    for row in rows:
        columns.update(dict.fromkeys(row))
    return list(columns)


def zip_bytes(tables):
    """The ZIP: ``<table>.json`` (UTF-8, a list of objects) and ``<table>.csv`` (the
    portal's CSV: UTF-8 with BOM, cells neutralised) for every table, empty ones too."""
    content = io.BytesIO()
    with zipfile.ZipFile(content, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, rows in sorted(tables.items()):
            text = json.dumps(rows, ensure_ascii=False, indent=2, default=str)
            archive.writestr(f"{name}.json", text)
            archive.writestr(f"{name}.csv", "".join(csv_rows(_columns(rows), rows)))
    return content.getvalue()


def request_export(user, now=None):
    """Record the request and queue the build once the request's transaction commits."""
    now = now or timezone.now()
    export = DataExport.objects.create(
        owner=user, created=now, expires_at=now + timedelta(days=settings.DATA_EXPORT_DAYS)
    )
    transaction.on_commit(lambda: build.enqueue(export.pk))
    return export


def link(token, language):
    with translation.override(language):
        path = reverse("data_export_download", args=[token])
    return f"{settings.PORTAL_BASE_URL.rstrip('/')}{path}"


@task()
def build(export_id):
    """Write the ZIP, make the link's token and e-mail the owner (once: a repeated task
    finds the export ready and does nothing). When the e-mail cannot be sent the build
    is undone (file and token) and tried again later with a new token, so no task's
    arguments ever hold the link."""
    with transaction.atomic():
        export = (
            DataExport.objects.select_for_update()
            .select_related("owner")
            .filter(pk=export_id)
            .first()
        )
        if export is None or export.ready_at or export.is_expired:
            return False
        owner = export.owner
        export.file.save(f"{secrets.token_hex(16)}.zip", ContentFile(zip_bytes(collect(owner))))
        token = secrets.token_urlsafe(32)
        export.token_hash = token_hash(token)
        export.ready_at = timezone.now()
        export.attempts += 1
        export.save(update_fields=["file", "token_hash", "ready_at", "attempts"])
    language = owner.preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {"url": link(token, language), "expires_at": export.expires_at}
        subject = render_to_string("account/email/data_export_subject.txt", context).strip()
        body = render_to_string("account/email/data_export_message.txt", context)
    try:
        send_mail(subject, body, None, [owner.email])
    except (smtplib.SMTPException, OSError) as error:
        _retry(export, error)
        return False
    return True


def _retry(export, error):
    """Undo the build whose link could not be sent; build again after 1, 2, 4 …
    minutes while attempts remain (and the queue can wait)."""
    export.delete_file()
    export.token_hash = ""
    export.ready_at = None
    export.save(update_fields=["file", "token_hash", "ready_at"])
    backend = build.get_backend()
    if export.attempts >= MAX_ATTEMPTS or not backend.supports_defer:
        logger.error(
            "Data export %s: link not e-mailed after %s attempt(s): %r",
            export.pk,
            export.attempts,
            error,
        )
        return
    delay = RETRY_SECONDS * 2 ** (export.attempts - 1)
    logger.warning("Data export %s: e-mail failed (%r); retrying in %s s", export.pk, error, delay)
    build.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(export.pk)


def find(user, token):
    """The export the link's ``token`` opens for ``user`` (its owner), or None."""
    if not user.is_authenticated or not token:
        return None
    return DataExport.objects.filter(
        owner=user, token_hash=token_hash(token), ready_at__isnull=False
    ).first()


def expire(now=None):
    """Delete the expired exports, files first. Returns how many."""
    expired = DataExport.objects.filter(expires_at__lte=now or timezone.now())
    count = 0
    for export in expired.iterator():
        export.delete_file()
        export.delete()
        count += 1
    return count
