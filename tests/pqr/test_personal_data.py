"""pqr's personal-data handler: the export lists the account's own petitions with
their answers and attachments' names; erasing detaches only the account's cases and
blanks the petitioner's data, keeping the record (Ley 594 de 2000)."""

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

import pytest

from pqr import workflow
from pqr.filing import file_case
from pqr.models import Attachment, Case, Status
from pqr.personal_data import erase_petitions, export_petitions
from tests.fuzz_samples import SAMPLE_PETITION

pytestmark = pytest.mark.django_db


def petition(user, **data):
    values = {
        **SAMPLE_PETITION,
        "id_type": "CC",
        "id_number": "79111222",
        "phone": "3001112233",
        "address": "Carrera 7 # 12-30",
        **data,
    }
    return file_case(values, user=user).case


def test_export_lists_own_cases_with_answer_and_attachment_names(make_user):
    citizen = make_user("pqr.datos@test.example")
    other = make_user("pqr.otro@test.example")
    mine = petition(citizen, subject="Semáforo dañado")
    petition(other, subject="Otra petición")
    official = get_user_model().objects.filter(is_superuser=True).first()
    workflow.transition(mine, Status.IN_PROCESS, official)
    workflow.transition(mine, Status.ANSWERED, official, answer="Se repara mañana.")
    attachment = Attachment(case=mine, name="semaforo.pdf", content_type="application/pdf", size=4)
    attachment.file.save("semaforo.pdf", ContentFile(b"%PDF"), save=False)
    attachment.save()
    tables = export_petitions(citizen)
    assert [row["subject"] for row in tables["petitions"]] == ["Semáforo dañado"]
    assert tables["petitions"][0]["answer"] == "Se repara mañana."
    assert tables["petition_attachments"] == [
        {
            "radicado": mine.radicado,
            "name": "semaforo.pdf",
            "content_type": "application/pdf",
            "size": 4,
        }
    ]


def test_erase_detaches_and_strips_only_the_accounts_cases(make_user):
    citizen = make_user("pqr.datos@test.example")
    other = make_user("pqr.otro@test.example")
    mine = petition(citizen)
    theirs = petition(other)
    erase_petitions(citizen)
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.user_id is None and mine.petitioner_erased_at is not None
    assert [mine.name, mine.id_type, mine.id_number, mine.email, mine.phone, mine.address] == [
        ""
    ] * 6
    assert mine.subject == SAMPLE_PETITION["subject"] and Case.objects.filter(pk=mine.pk).exists()
    assert theirs.user_id == other.pk and theirs.id_number == "79111222"
    assert theirs.petitioner_erased_at is None


def test_the_officials_case_page_says_the_petitioner_was_erased(client, make_user, superuser):
    from django.urls import reverse
    from django.utils import translation

    citizen = make_user("pqr.datos@test.example")
    case = petition(citizen)
    erase_petitions(citizen)
    client.force_login(superuser)
    with translation.override("es"):
        html = client.get(reverse("pqr_admin:case", args=[case.pk])).content.decode()
    assert "El peticionario eliminó su cuenta el" in html
    assert "79111222" not in html and "Carrera 7" not in html
