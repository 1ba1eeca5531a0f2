"""Personal data under Ley 1581 de 2012 (Decreto 1377 de 2013): "download my data"
(a ZIP with one JSON and one CSV per table, from every app's handler, e-mailed as a
link that only its signed-in owner can open, until it expires) and "delete my
account" (password, and a second factor when the account uses one; public
contributions stay as "Participante eliminado", PQRSD cases stay detached and
stripped of the petitioner's data, nothing else personal is left in any table)."""

import csv
import io
import json
import os
import re
import time
import zipfile
from datetime import timedelta

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import models
from django.db.models import Q
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.models import Page

import pytest

from cms import data_exports
from cms.account_deletion import delete_account
from cms.consents import record_consent
from cms.models import Consent, DataExport, NotificationPreference
from cms.personal_data import personal_data_handlers
from tests.participation.conftest import make_consultation, make_debate, sections_of

pytestmark = pytest.mark.django_db

EMAIL = "marcela.quintero@datos.example"
FIRST_NAME = "Marcela"
LAST_NAME = "Quintero Ríos"
FULL_NAME = f"{FIRST_NAME} {LAST_NAME}"
DOCUMENT = "52123987"
PASSWORD = "una-clave-segura-123"
ANONYMOUS_ANSWER = "Mi opinión reservada número 7781"


def en(path_name, *args):
    with translation.override("en"):
        return reverse(path_name, args=args)


@pytest.fixture
def full_citizen(make_user, demo_site):
    """A citizen with data in every module, and what was made for them."""
    from participation import contributions
    from participation.models import DebateIndexPage, DebateProposal, SectionPosition
    from pqr import workflow
    from pqr.filing import file_case
    from pqr.models import Attachment, Status
    from subscriptions.models import Subscription
    from surveys.models import Answer, Response, SurveyPage

    user = make_user(EMAIL, first_name=FIRST_NAME, last_name=LAST_NAME)
    record_consent(
        Consent.Purpose.ACCOUNT, Consent.Channel.SIGNUP, user=user, email=EMAIL, covers=user
    )
    NotificationPreference.objects.create(
        user=user,
        kind=NotificationPreference.Kind.DIGESTS,
        frequency=NotificationPreference.Frequency.NEVER,
    )
    # A petition with an answer and an attachment.
    case = file_case(
        {
            "petition_type": "general",
            "subject": "Luminaria apagada en el parque Compartir",
            "description": "La luminaria del parque lleva un mes apagada.",
            "name": FULL_NAME,
            "id_type": "CC",
            "id_number": DOCUMENT,
            "email": EMAIL,
            "phone": "3109876543",
            "address": "Calle 15 # 7-21",
            "answer_channel": "email",
            "consent": True,
        },
        user=user,
    ).case
    official = get_user_model().objects.filter(is_superuser=True).first()
    workflow.transition(case, Status.IN_PROCESS, official)
    workflow.transition(
        case, Status.ANSWERED, official, answer="La luminaria se repara el lunes 14."
    )
    attachment = Attachment(
        case=case, name="foto-luminaria-parque.jpg", content_type="image/jpeg", size=4
    )
    attachment.file.save("foto.jpg", ContentFile(b"\xff\xd8\xff\xe0"), save=False)
    attachment.save()
    # A survey participation (the survey is anonymous: its answers are never exported).
    survey = SurveyPage.objects.live().filter(locale__language_code="es").first()
    response = Response.objects.create(survey=survey, user=user)
    Answer.objects.create(
        response=response, survey=survey, question_id="q-text", text=ANONYMOUS_ANSWER
    )
    # A debate proposed by the citizen and published, with a comment.
    index = DebateIndexPage.objects.filter(locale__language_code="es").first()
    if index is None:
        index = DebateIndexPage(title="Debates", slug="debates-datos")
        Page.objects.get(pk=demo_site.root_page_id).add_child(instance=index)
    debate = make_debate(
        index,
        "debate-datos-personales",
        -timedelta(days=1),
        timedelta(days=10),
        title="Ciclovía dominical en la autopista Sur",
    )
    profile = contributions.set_comuna(user, "comuna-4", consent=True)
    proposal = DebateProposal.objects.create(
        author=user,
        title="Ciclovía dominical en la autopista Sur",
        description="Propongo cerrar un carril los domingos.",
        status=DebateProposal.ACCEPTED,
        debate=debate,
        decided_at=timezone.now(),
    )
    debate.proposed_by = profile
    debate.save_revision().publish()
    pending = contributions.propose_debate(
        user, "Más parques para perros", "Una propuesta sin publicar.", None, "es"
    )
    comment = contributions.post_comment(
        user, debate, "Estoy de acuerdo con la ciclovía de los domingos.", "es"
    )
    # A consultation: a contribution and a support.
    from participation.models import ConsultationIndexPage

    consultation_index = ConsultationIndexPage.objects.filter(locale__language_code="es").first()
    consultation = make_consultation(
        consultation_index,
        "consulta-datos-personales",
        -timedelta(days=1),
        timedelta(days=20),
        title="Decreto de ciclorrutas de prueba",
    )
    section = sections_of(consultation)[1]
    contribution = contributions.comment_on_consultation(
        user, consultation, "Que el horario empiece a las 4 a. m.", "es", section=section
    )
    contributions.take_position(user, consultation, section, SectionPosition.SUPPORT)
    # A subscription.
    subscription = Subscription.objects.create(
        email=EMAIL,
        list_key="news",
        language="es",
        user=user,
        consent_at=timezone.now(),
        confirmed_at=timezone.now(),
    )
    return {
        "user": user,
        "case": case,
        "attachment": attachment,
        "survey": survey,
        "debate": debate,
        "proposal": proposal,
        "pending_proposal": pending,
        "comment": comment,
        "consultation": consultation,
        "contribution": contribution,
        "subscription": subscription,
        "profile": profile,
    }


@pytest.fixture
def other_citizen(make_user):
    return make_user("otra.persona@datos.example", first_name="Rosa", last_name="Otálora")


def build_zip(user):
    export = data_exports.request_export(user)
    data_exports.build.call(export.pk)
    export.refresh_from_db()
    return export


def read_zip(export):
    with export.file.open("rb") as handle:
        archive = zipfile.ZipFile(io.BytesIO(handle.read()))
    tables = {}
    for name in archive.namelist():
        text = archive.read(name).decode("utf-8-sig")
        if name.endswith(".json"):
            tables.setdefault(name[:-5], {})["json"] = json.loads(text)
        else:
            tables.setdefault(name[:-4], {})["csv"] = list(csv.DictReader(io.StringIO(text)))
    return archive, tables


def link_token(message):
    return re.search(r"/mis-datos/([\w-]+)/", message.body).group(1)


# The registry --------------------------------------------------------------------


def test_every_app_that_holds_personal_data_registers_a_handler():
    keys = {handler.key for handler in personal_data_handlers()}
    assert {"account", "consents", "petitions", "surveys", "participation", "subscriptions"} <= keys
    assert all(handler.export and handler.erase for handler in personal_data_handlers())


# Download my data ------------------------------------------------------------------


def test_the_zip_holds_every_item_in_json_and_csv(full_citizen):
    export = build_zip(full_citizen["user"])
    archive, tables = read_zip(export)
    for name, table in tables.items():
        assert set(table) == {"json", "csv"}, name
        assert len(table["json"]) == len(table["csv"]), name
    expected = {
        "account": ("email", EMAIL),
        "email_addresses": ("email", EMAIL),
        "notification_preferences": ("frequency", "never"),
        "petitions": ("answer", "La luminaria se repara el lunes 14."),
        "petition_attachments": ("name", "foto-luminaria-parque.jpg"),
        "survey_participations": ("survey", full_citizen["survey"].title),
        "debate_proposals": ("title", "Ciclovía dominical en la autopista Sur"),
        "comments": ("comment", "Estoy de acuerdo con la ciclovía de los domingos."),
        "consultation_contributions": ("comment", "Que el horario empiece a las 4 a. m."),
        "section_supports": ("position", "support"),
        "participant_profile": ("comuna", "comuna-4"),
        "subscriptions": ("email", EMAIL),
        "consents": ("purpose", Consent.Purpose.ACCOUNT),
    }
    for table, (column, value) in expected.items():
        assert any(row[column] == value for row in tables[table]["json"]), table
        assert any(row[column] == value for row in tables[table]["csv"]), table
    petition = tables["petitions"]["json"][0]
    assert petition["id_number"] == DOCUMENT and petition["name"] == FULL_NAME
    assert len(tables["debate_proposals"]["json"]) == 2  # the published and the pending one
    assert any(row["purpose"] == "comuna" for row in tables["consents"]["json"])


def test_anonymous_survey_answers_never_appear_in_the_zip(full_citizen):
    export = build_zip(full_citizen["user"])
    with export.file.open("rb") as handle:
        archive = zipfile.ZipFile(io.BytesIO(handle.read()))
    for name in archive.namelist():
        assert ANONYMOUS_ANSWER not in archive.read(name).decode("utf-8-sig"), name


def test_the_zip_holds_only_its_owners_data(full_citizen, other_citizen):
    _, tables = read_zip(build_zip(other_citizen))
    text = json.dumps(tables, ensure_ascii=False)
    assert EMAIL not in text and DOCUMENT not in text and "ciclovía" not in text


def test_the_button_queues_the_build_and_emails_a_link_that_works_for_its_owner(
    full_citizen, client, django_capture_on_commit_callbacks
):
    user = full_citizen["user"]
    client.force_login(user)
    page = client.get(en("my_account"))
    assert b'id="account-personal-data"' in page.content
    assert en("data_export_request").encode() in page.content
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(en("data_export_request"))
    assert response.status_code == 302
    export = DataExport.objects.get(owner=user)
    assert export.ready_at and export.file and export.token_hash
    assert not export.file.name.startswith("/") and "media" not in export.file.path.split("/")[-3:]
    (message,) = mail.outbox
    assert message.to == [EMAIL]
    token = link_token(message)
    assert token not in export.token_hash  # only the hash is stored
    download = client.get(reverse("data_export_download", args=[token]))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert "no-store" in download["Cache-Control"]
    assert zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content))).namelist()


def test_the_file_is_stored_privately(full_citizen, settings):
    export = build_zip(full_citizen["user"])
    assert export.file.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not export.file.path.startswith(str(settings.MEDIA_ROOT))
    with pytest.raises(ValueError):
        export.file.url  # noqa: B018


def test_the_link_opens_for_nobody_but_its_owner(full_citizen, other_citizen, admin_user, client):
    build_zip(full_citizen["user"])
    token = link_token(mail.outbox[-1])
    url = en("data_export_download", token)
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and reverse("account_login") in anonymous["Location"]
    for intruder in (other_citizen, admin_user):
        client.force_login(intruder)
        assert client.get(url).status_code == 404
    client.force_login(full_citizen["user"])
    assert client.get(en("data_export_download", "not-the-token")).status_code == 404
    assert client.get(url).status_code == 200


def test_an_expired_link_is_refused_with_a_message_and_the_command_deletes_it(full_citizen, client):
    export = build_zip(full_citizen["user"])
    token = link_token(mail.outbox[-1])
    path = export.file.path
    DataExport.objects.filter(pk=export.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    client.force_login(full_citizen["user"])
    with translation.override("en"):
        response = client.get(en("data_export_download", token))
        assert response.status_code == 410
        assert "This download link has expired" in response.content.decode()
    out = io.StringIO()
    call_command("expire_data_exports", stdout=out)
    assert "1 expired" in out.getvalue()
    assert not DataExport.objects.filter(pk=export.pk).exists()
    assert not os.path.exists(path)
    assert client.get(en("data_export_download", token)).status_code == 404


def test_the_link_expires_after_the_setting(full_citizen, settings):
    settings.DATA_EXPORT_DAYS = 3
    export = build_zip(full_citizen["user"])
    assert timedelta(days=3) - (export.expires_at - export.created) < timedelta(seconds=1)


def test_requesting_a_copy_needs_a_signed_in_post(client, full_citizen):
    assert client.post(en("data_export_request")).status_code == 302
    client.force_login(full_citizen["user"])
    assert client.get(en("data_export_request")).status_code == 405
    assert not DataExport.objects.exists()


def test_requests_are_rate_limited(full_citizen, client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "data_export": "2/h"}
    client.force_login(full_citizen["user"])
    statuses = [client.post(en("data_export_request")).status_code for _ in range(3)]
    assert statuses == [302, 302, 429]
    assert DataExport.objects.count() == 2


# Delete my account ---------------------------------------------------------------


def personal_traces(*needles):
    """Every (model, field) whose text, char, e-mail or JSON column (StreamFields and
    page revisions included, read as text) holds one of ``needles``."""
    found = []
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField):  # EmailField too
                rows = model._base_manager.all()
                column = field.name
            elif field.get_internal_type() == "JSONField":
                rows = model._base_manager.annotate(_as_text=Cast(field.name, models.TextField()))
                column = "_as_text"
            else:
                continue
            query = Q()
            for needle in needles:
                query |= Q(**{f"{column}__icontains": needle})
            if rows.filter(query).exists():
                found.append(f"{model._meta.label}.{field.name}")
    return found


def test_deleting_leaves_nothing_personal_in_any_table(full_citizen, client):
    user = full_citizen["user"]
    build_zip(user)
    export_path = DataExport.objects.get(owner=user).file.path
    assert personal_traces(EMAIL, FULL_NAME, DOCUMENT)  # the search finds them before
    client.force_login(user)
    response = client.post(en("account_delete"), {"password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == en("account_deleted")
    assert not get_user_model().objects.filter(email__iexact=EMAIL).exists()
    assert personal_traces(EMAIL, FULL_NAME, DOCUMENT) == []
    assert personal_traces(FIRST_NAME + " " + LAST_NAME.split()[0], LAST_NAME) == []
    assert not os.path.exists(export_path)
    # Signed out, with the confirmation page shown once.
    with translation.override("en"):
        page = client.get(response["Location"])
        assert page.status_code == 200 and "Your account was deleted" in page.content.decode()
    assert client.get(en("my_account")).status_code == 302
    assert client.get(en("account_deleted")).status_code == 302


def test_the_petition_stays_detached_and_stripped(full_citizen):
    from pqr.models import Attachment, Case

    delete_account(full_citizen["user"])
    case = Case.objects.get(pk=full_citizen["case"].pk)
    assert case.user_id is None and case.petitioner_erased_at is not None
    assert (case.name, case.id_number, case.email, case.phone, case.address) == ("",) * 5
    assert case.subject == "Luminaria apagada en el parque Compartir"
    assert case.answer == "La luminaria se repara el lunes 14."
    assert Attachment.objects.filter(case=case).exists()


def test_public_contributions_stay_as_deleted_participant(full_citizen, client):
    from participation.models import Comment, DebateProposal, Profile
    from subscriptions.models import Subscription
    from surveys.models import Response

    delete_account(full_citizen["user"])
    comment = Comment.objects.get(pk=full_citizen["comment"].pk)
    assert comment.user_id is None and comment.status == Comment.PUBLISHED
    assert Comment.objects.filter(pk=full_citizen["contribution"].pk, user=None).exists()
    assert not Profile.objects.filter(pk=full_citizen["profile"].pk).exists()
    assert not DebateProposal.objects.filter(pk=full_citizen["pending_proposal"].pk).exists()
    assert DebateProposal.objects.get(pk=full_citizen["proposal"].pk).author_id is None
    assert not Subscription.objects.filter(pk=full_citizen["subscription"].pk).exists()
    assert Response.objects.filter(survey=full_citizen["survey"], user=None).exists()
    html = client.get(full_citizen["debate"].url).content.decode()  # the Spanish page
    assert "Estoy de acuerdo con la ciclovía de los domingos." in html
    assert re.search(r'class="comment__author">\s*Participante eliminado', html)
    assert "<dd>Participante eliminado</dd>" in html  # the debate's proposer


def test_a_wrong_password_deletes_nothing(full_citizen, client):
    user = full_citizen["user"]
    client.force_login(user)
    with translation.override("en"):
        response = client.post(en("account_delete"), {"password": "no-es-la-clave"})
        assert response.status_code == 400
        assert "The password is not correct." in response.content.decode()
    assert get_user_model().objects.filter(pk=user.pk).exists()
    assert full_citizen["case"].__class__.objects.get(pk=full_citizen["case"].pk).user_id == user.pk
    assert client.get(en("my_account")).status_code == 200  # still signed in


def enable_totp(user):
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    codes = RecoveryCodes.activate(user)
    return secret, codes.get_unused_codes()


def test_with_two_factor_a_code_is_required(full_citizen, client):
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    user = full_citizen["user"]
    secret, recovery = enable_totp(user)
    client.force_login(user)
    with translation.override("en"):
        page = client.get(en("account_delete")).content.decode()
        assert 'name="code"' in page
        missing = client.post(en("account_delete"), {"password": PASSWORD})
        assert missing.status_code == 400
        assert (
            "Enter the code from your authenticator app or one of your recovery codes."
            in missing.content.decode()
        )
        wrong = client.post(en("account_delete"), {"password": PASSWORD, "code": "000000"})
        assert wrong.status_code == 400 and "The code is not correct." in wrong.content.decode()
    assert get_user_model().objects.filter(pk=user.pk).exists()
    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    response = client.post(en("account_delete"), {"password": PASSWORD, "code": code})
    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=user.pk).exists()


def test_a_recovery_code_also_confirms(full_citizen, client):
    user = full_citizen["user"]
    _, recovery = enable_totp(user)
    client.force_login(user)
    response = client.post(en("account_delete"), {"password": PASSWORD, "code": recovery[0]})
    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=user.pk).exists()


def test_the_page_explains_what_is_deleted_and_kept(full_citizen, client):
    client.force_login(full_citizen["user"])
    with translation.override("en"):
        html = client.get(en("account_delete")).content.decode()
    assert "What is deleted" in html and "What is kept, and why" in html
    assert "Ley 594 de 2000" in html and "Deleted participant" in html
    assert 'name="password"' in html and 'name="code"' not in html


def test_staff_cannot_delete_themselves_here(admin_user, editor, client):
    for staff in (admin_user, editor):
        client.force_login(staff)
        with translation.override("en"):
            page = client.get(en("account_delete"))
            assert "Ask an administrator" in page.content.decode()
            assert 'name="password"' not in page.content.decode()
        response = client.post(en("account_delete"), {"password": "password"})
        assert response.status_code == 403
        assert get_user_model().objects.filter(pk=staff.pk).exists()


def test_deleting_needs_a_signed_in_citizen_and_touches_only_their_account(
    full_citizen, other_citizen, client
):
    from pqr.models import Case

    response = client.post(en("account_delete"), {"password": PASSWORD})
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    client.force_login(other_citizen)
    # The other citizen's own password deletes only the other citizen's account.
    client.post(en("account_delete"), {"password": PASSWORD})
    assert not get_user_model().objects.filter(pk=other_citizen.pk).exists()
    user = get_user_model().objects.get(pk=full_citizen["user"].pk)
    assert user.email == EMAIL
    assert Case.objects.get(pk=full_citizen["case"].pk).id_number == DOCUMENT


def test_a_failing_erase_rolls_everything_back(full_citizen, monkeypatch):
    from cms import personal_data
    from pqr.models import Case

    def broken(user):
        raise RuntimeError("boom")

    handlers = {**personal_data.HANDLERS}
    monkeypatch.setattr(
        personal_data,
        "HANDLERS",
        {**handlers, "zz": personal_data.PersonalDataHandler(key="zz", erase=broken, order=99)},
    )
    with pytest.raises(RuntimeError):
        delete_account(full_citizen["user"])
    assert get_user_model().objects.filter(pk=full_citizen["user"].pk).exists()
    assert Case.objects.get(pk=full_citizen["case"].pk).email == EMAIL


def test_deletion_attempts_are_rate_limited(full_citizen, client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "account_delete": "2/h"}
    client.force_login(full_citizen["user"])
    statuses = [
        client.post(en("account_delete"), {"password": "no-es-la-clave"}).status_code
        for _ in range(3)
    ]
    assert statuses == [400, 400, 429]
    # Over the limit even the right password deletes nothing.
    assert client.post(en("account_delete"), {"password": PASSWORD}).status_code == 429
    assert get_user_model().objects.filter(pk=full_citizen["user"].pk).exists()


def test_a_failed_e_mail_undoes_the_build_so_no_unsent_link_works(
    full_citizen, monkeypatch, settings, tmp_path
):
    import smtplib

    settings.PRIVATE_MEDIA_ROOT = tmp_path

    export = data_exports.request_export(full_citizen["user"])

    def down(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("down")

    monkeypatch.setattr(data_exports, "send_mail", down)
    assert data_exports.build.call(export.pk) is False
    export.refresh_from_db()
    assert not export.file and export.token_hash == "" and export.ready_at is None
    assert export.attempts == 1
    assert not list(tmp_path.glob("data-exports/*.zip"))
    monkeypatch.undo()
    assert data_exports.build.call(export.pk) is True  # the retry builds and sends anew
    export.refresh_from_db()
    assert export.file and export.attempts == 2 and len(mail.outbox) == 1


def test_deleting_ends_the_accounts_sessions_on_every_device(full_citizen, other_citizen):
    from django.contrib.sessions.models import Session
    from django.test import Client

    phone, laptop, someone_else = Client(), Client(), Client()
    phone.login(username=EMAIL, password=PASSWORD)
    laptop.force_login(full_citizen["user"])
    someone_else.force_login(other_citizen)
    laptop_key = laptop.session.session_key
    other_key = someone_else.session.session_key
    assert phone.post(en("account_delete"), {"password": PASSWORD}).status_code == 302
    assert not Session.objects.filter(session_key=laptop_key).exists()
    assert Session.objects.filter(session_key=other_key).exists()
    assert laptop.get(en("my_account")).status_code == 302  # signed out there too
    assert someone_else.get(en("my_account")).status_code == 200
    for session in Session.objects.all():
        assert EMAIL not in str(session.get_decoded())
