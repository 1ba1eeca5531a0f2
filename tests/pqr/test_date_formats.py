"""One date style per context, in both languages (cms/formats): prose and e-mails say
"15 de diciembre de 2026" / "15 December 2026", history lines add ", 12:36", dense
tables say "15/12/2026". No ISO date ("2026-12-15") reaches a reader."""

import datetime
import re
from zoneinfo import ZoneInfo

from django.core import mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

import pytest

from pqr import workflow
from pqr.filing import file_case
from pqr.models import Case, CaseEvent, OutgoingEmail
from pqr.notifications import render

pytestmark = pytest.mark.django_db

DUE = datetime.date(2026, 12, 15)
FILED = datetime.datetime(2026, 11, 29, 12, 36, tzinfo=ZoneInfo("America/Bogota"))
LONG = {"es": "15 de diciembre de 2026", "en": "15 December 2026"}
STAMP = {"es": "29 de noviembre de 2026, 12:36", "en": "29 November 2026, 12:36"}
SHORT = "15/12/2026"
ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def visible_text(html):
    """The page's text, without tags, scripts and attributes (where ISO dates belong)."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def assert_no_iso(text):
    assert not ISO.findall(text), ISO.findall(text)


def _fix_dates(case):
    Case.objects.filter(pk=case.pk).update(due_date=DUE, received_at=FILED)
    CaseEvent.objects.filter(case=case).update(created_at=FILED)
    case.refresh_from_db()
    return case


@pytest.fixture
def dated_case(make_case, citizen, dependencies):
    case = make_case(dependency=dependencies[0], email="fechas@test.example")
    case.user = citizen
    case.save()
    return _fix_dates(case)


@pytest.mark.parametrize("language", ["es", "en"])
def test_case_history_uses_one_date_time_style(client, citizen, dated_case, language):
    client.force_login(citizen)
    with translation.override(language):
        url = reverse("pqr:my_case", args=[dated_case.radicado])
    html = client.get(url).content.decode()
    history = html.split('id="history-title"', 1)[1].split("</ol>", 1)[0]
    assert STAMP[language] in history
    assert STAMP[language] in html.split('id="history-title"', 1)[0]  # "Filed on"
    assert LONG[language] in html  # due date
    assert_no_iso(visible_text(html))


@pytest.mark.parametrize("language", ["es", "en"])
def test_my_petitions_table_uses_short_dates(client, citizen, dated_case, language):
    client.force_login(citizen)
    with translation.override(language):
        url = reverse("pqr:my_cases")
    html = client.get(url).content.decode()
    row = html.split(dated_case.radicado, 1)[1].split("</tr>", 1)[0]
    assert SHORT in row
    assert_no_iso(visible_text(html))


@pytest.mark.parametrize("language", ["es", "en"])
def test_officials_inbox_and_case_use_the_formats(client, officer, dated_case, language):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(officer)
    profile.preferred_language = language
    profile.save()
    client.force_login(officer)
    inbox = client.get(reverse("pqr_admin:inbox")).content.decode()
    row = inbox.split(dated_case.radicado, 1)[1].split("</tr>", 1)[0]
    assert SHORT in row
    assert_no_iso(visible_text(inbox))
    detail = client.get(reverse("pqr_admin:case", args=[dated_case.pk])).content.decode()
    assert STAMP[language] in detail and LONG[language] in detail
    assert_no_iso(visible_text(detail))


@pytest.mark.parametrize("language", ["es", "en"])
def test_acknowledgement_email_uses_long_dates(language, django_capture_on_commit_callbacks):
    data = {
        "petition_type": "general",
        "subject": "Fechas",
        "description": "Formato de fechas.",
        "email": "acuse@test.example",
        "consent": True,
    }
    with django_capture_on_commit_callbacks(execute=True):
        with translation.override(language):
            filed = file_case(data)
        _fix_dates(filed.case)
    (message,) = [m for m in mail.outbox if m.to == ["acuse@test.example"]]
    assert STAMP[language] in message.body and LONG[language] in message.body
    assert_no_iso(message.body)


@pytest.mark.parametrize("language", ["es", "en"])
def test_status_and_reminder_emails_use_long_dates(dated_case, superuser, language):
    workflow.transition(dated_case, "in_process", superuser, message="En estudio.")
    _fix_dates(dated_case)
    email = OutgoingEmail.objects.filter(case=dated_case, kind="status").latest("pk")
    email.language = language
    _subject, body = render(email)
    assert LONG[language] in body
    assert_no_iso(body)
    with translation.override(language):
        body = render_to_string(
            "pqr/email/reminder.txt", {"overdue": [dated_case], "due_soon": [], "days": 3}
        )
    assert LONG[language] in body
    assert_no_iso(body)
