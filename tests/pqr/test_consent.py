"""The consent behind a petition (Ley 1581 de 2012): recorded with the policy version
on filing, on the web and at the office, never for an invalid form, and shown on the
case in the admin with a link to its record for those who may audit consents."""

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

import pytest

from cms.models import Consent, DataPolicyVersion
from pqr.models import Case

pytestmark = pytest.mark.django_db

URL = "/es/pqrsd/"


def case_consents(case):
    return Consent.objects.filter(
        content_type=ContentType.objects.get_for_model(Case), object_id=case.pk
    )


def test_filing_records_the_consent_with_the_policy_version(demo_site, client, valid_post):
    response = client.post(URL, valid_post)
    assert response.status_code == 302
    case = Case.objects.get()
    (consent,) = case_consents(case)
    assert consent.purpose == Consent.Purpose.PETITION
    assert consent.channel == Consent.Channel.PQRSD_WEB
    assert consent.policy_version == DataPolicyVersion.objects.current()
    assert consent.email == "ana@test.example" and consent.user is None
    assert consent.given_at == case.consent_at  # the date field keeps working


def test_a_signed_in_petitioner_sees_the_consent_in_my_account(
    demo_site, client, citizen, valid_post
):
    client.force_login(citizen)
    client.post(URL, valid_post)
    (consent,) = case_consents(Case.objects.get())
    assert consent.user == citizen
    html = client.get("/es/mi-cuenta/").content.decode()
    assert f'id="consent-{consent.pk}"' in html


def test_an_invalid_filing_stores_no_consent(demo_site, client, valid_post):
    before = Consent.objects.count()
    response = client.post(URL, {**valid_post, "subject": ""})
    assert response.status_code in (200, 400)
    assert not Case.objects.exists()
    assert Consent.objects.count() == before
    no_consent = client.post(URL, {key: v for key, v in valid_post.items() if key != "consent"})
    assert no_consent.status_code in (200, 400)
    assert Consent.objects.count() == before


def test_a_filing_that_fails_leaves_no_consent(demo_site, valid_post, monkeypatch):
    """The consent is saved in the filing's transaction: an error after it (here the
    attachments' storage) rolls it back with the case."""
    from pqr import filing

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(filing, "store_attachments", broken)
    before = Consent.objects.count()
    data = {**valid_post, "consent": True, "channel": "web", "anonymous": False}
    with pytest.raises(OSError):
        filing.file_case(data)
    assert not Case.objects.exists()
    assert Consent.objects.count() == before


def test_a_verbal_petition_records_the_office_channel(demo_site, officer, valid_post):
    from pqr.filing import file_case

    data = {**valid_post, "consent": True, "channel": "verbal", "anonymous": False}
    filed = file_case(data, received_by=officer)
    (consent,) = case_consents(filed.case)
    assert consent.channel == Consent.Channel.PQRSD_OFFICE


def test_the_case_in_the_admin_shows_the_consent_behind_it(
    demo_site, client, valid_post, make_user, make_officer
):
    officer = make_officer("ventanilla@test.example", sees_all=True)
    client.post(URL, valid_post)
    case = Case.objects.get()
    consent = case_consents(case).get()
    record = reverse("consents:inspect", args=[consent.pk])
    client.force_login(officer)
    html = client.get(reverse("pqr_admin:case", args=[case.pk])).content.decode()
    assert 'id="case-consent"' in html
    assert "/politica-de-datos/version-1/" in html
    assert record not in html  # officials see the consent, not the audit records
    superuser = make_user("jefa@test.example", is_superuser=True, is_staff=True)
    client.force_login(superuser)
    html = client.get(reverse("pqr_admin:case", args=[case.pk])).content.decode()
    assert record in html
    assert client.get(record).status_code == 200


def test_the_migration_records_earlier_consents_against_version_1(demo_site, valid_post, client):
    """pqr/migrations/0008 gives every case filed with consent before the records
    existed its record (once: running it again adds nothing)."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("pqr.migrations.0008_consent_records")
    client.post(URL, valid_post)
    case = Case.objects.get()
    case_consents(case).delete()  # as before consent records existed
    migration.record(apps, None)
    migration.record(apps, None)
    (consent,) = case_consents(case)
    assert consent.policy_version.number == 1 and consent.channel == Consent.Channel.EARLIER
    assert consent.given_at == case.consent_at and consent.email == case.email
