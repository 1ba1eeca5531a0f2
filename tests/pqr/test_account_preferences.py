"""PQRSD e-mails and the preferences of "Mi cuenta": status e-mails are written in the
account's preferred language and are always sent, even to whoever chose "never" for
news of their petitions (the law requires notifying them)."""

from django.contrib.auth import get_user_model

import pytest

from cms.models import NotificationPreference
from pqr import workflow
from pqr.filing import file_case
from pqr.models import OutgoingEmail, Status
from tests.fuzz_samples import SAMPLE_PETITION

pytestmark = pytest.mark.django_db


def answered_case(user):
    official = get_user_model().objects.filter(is_superuser=True).first()
    case = file_case(dict(SAMPLE_PETITION), user=user).case
    workflow.transition(case, Status.IN_PROCESS, official)
    workflow.transition(case, Status.ANSWERED, official, answer="Respuesta de fondo.")
    return case


def test_status_emails_use_the_preferred_language_and_ignore_never(citizen):
    citizen.preferred_language = "en"
    citizen.save(update_fields=["preferred_language"])
    NotificationPreference.objects.create(
        user=citizen, kind=NotificationPreference.Kind.PETITIONS, frequency="never"
    )
    case = answered_case(citizen)
    statuses = OutgoingEmail.objects.filter(case=case, kind=OutgoingEmail.Kind.STATUS)
    assert statuses.count() == 2
    assert set(statuses.values_list("language", flat=True)) == {"en"}


def test_without_a_preference_status_emails_are_in_the_portals_language(citizen):
    case = answered_case(citizen)
    statuses = OutgoingEmail.objects.filter(case=case, kind=OutgoingEmail.Kind.STATUS)
    assert set(statuses.values_list("language", flat=True)) == {"es"}
