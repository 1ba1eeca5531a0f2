"""What pqr holds about an account, for "download my data" and "delete my account"
(``cms.personal_data``, registered in PqrConfig.ready).

A PQRSD is an archive record (Ley 594 de 2000; Ley 1755 de 2015): deleting the
account does not delete it. It is detached from the account and stripped of the
petitioner's identification and contact data (name, document, e-mail, phone,
address); the petition, its history, answer and attachments stay for the retention
period, and ``petitioner_erased_at`` records when this happened."""

from django.utils import timezone

from .models import Attachment, Case

#: the petitioner's data blanked on erasure (what the archive does not need)
PETITIONER_FIELDS = ("name", "id_type", "id_number", "email", "phone", "address")


def _iso(moment):
    return moment.isoformat() if moment else None


def export_petitions(user):
    cases = list(Case.objects.filter(user=user).order_by("received_at", "pk"))
    attachments = Attachment.objects.filter(case__in=cases).order_by("case_id", "pk")
    radicados = {case.pk: case.radicado for case in cases}
    return {
        "petitions": [
            {
                "radicado": case.radicado,
                "type": case.petition_type,
                "channel": case.channel,
                "subject": case.subject,
                "description": case.description,
                "anonymous": case.anonymous,
                "name": case.name,
                "id_type": case.id_type,
                "id_number": case.id_number,
                "email": case.email,
                "phone": case.phone,
                "address": case.address,
                "answer_channel": case.answer_channel,
                "status": case.status,
                "received_at": _iso(case.received_at),
                "due_date": _iso(case.due_date),
                "answer": case.answer,
                "answered_at": _iso(case.answered_at),
                "closed_at": _iso(case.closed_at),
            }
            for case in cases
        ],
        "petition_attachments": [
            {
                "radicado": radicados[attachment.case_id],
                "name": attachment.name,
                "content_type": attachment.content_type,
                "size": attachment.size,
            }
            for attachment in attachments
        ],
    }


def erase_petitions(user, now=None):
    """Detach the account's cases and blank the petitioner's data they hold."""
    blank = dict.fromkeys(PETITIONER_FIELDS, "")
    Case.objects.filter(user=user).update(
        user=None, petitioner_erased_at=now or timezone.now(), **blank
    )
