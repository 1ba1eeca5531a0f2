"""The consent behind the comuna (Ley 1581 de 2012): recorded with the policy version
when first given, none for a refused form, withdrawn by unticking the box, and
withdrawing it in "Mi cuenta" forgets the comuna."""

from django.urls import reverse
from django.utils import translation

import pytest

from cms.models import Consent, DataPolicyVersion
from participation.models import Profile

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("without_demo_contributions")]
MINE = "/es/participacion/perfil/"


def post(client, **data):
    return client.post(MINE, {"form": "comuna", **data})


def comuna_consents(user):
    return Consent.objects.filter(user=user, purpose=Consent.Purpose.COMUNA)


def test_the_comuna_consent_is_recorded_once_with_the_policy_version(client, citizen):
    client.force_login(citizen)
    assert post(client, comuna="comuna-3", consent="on").status_code == 302
    (consent,) = comuna_consents(citizen)
    profile = Profile.objects.get(user=citizen)
    assert consent.channel == Consent.Channel.PROFILE
    assert consent.policy_version == DataPolicyVersion.objects.current()
    assert consent.covers == profile and consent.given_at == profile.comuna_consent_at
    post(client, comuna="comuna-4", consent="on")  # a new comuna, the same consent
    assert comuna_consents(citizen).count() == 1


def test_a_refused_comuna_records_no_consent(client, citizen):
    client.force_login(citizen)
    assert post(client, comuna="comuna-3").status_code == 400
    assert not comuna_consents(citizen).exists()


def test_unticking_the_box_withdraws_the_consent(client, citizen):
    client.force_login(citizen)
    post(client, comuna="comuna-3", consent="on")
    post(client, comuna="")
    consent = comuna_consents(citizen).get()
    assert consent.withdrawn_at is not None
    assert Profile.objects.get(user=citizen).comuna == ""


def test_withdrawing_in_my_account_clears_the_comuna(client, citizen):
    client.force_login(citizen)
    post(client, comuna="comuna-3", consent="on")
    consent = comuna_consents(citizen).get()
    with translation.override("es"):
        url = reverse("consent_withdraw", args=[consent.pk])
    assert client.post(url).status_code == 302
    profile = Profile.objects.get(user=citizen)
    assert profile.comuna == "" and profile.comuna_consent_at is None
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None
    html = client.get(MINE).content.decode()
    assert '<option value="comuna-3" selected>' not in html


def test_the_migration_records_earlier_consents_against_version_1(client, citizen):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("participation.migrations.0006_comuna_consent_records")
    client.force_login(citizen)
    post(client, comuna="comuna-3", consent="on")
    comuna_consents(citizen).delete()  # as before consent records existed
    migration.record(apps, None)
    migration.record(apps, None)
    (consent,) = comuna_consents(citizen)
    assert consent.policy_version.number == 1 and consent.channel == Consent.Channel.EARLIER
    assert consent.given_at == Profile.objects.get(user=citizen).comuna_consent_at
