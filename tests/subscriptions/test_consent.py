"""The consent behind a subscription (Ley 1581 de 2012): recorded with the policy
version, never for an invalid form; withdrawing it in "Mi cuenta" unsubscribes, and
unsubscribing (one click) or expiring records the withdrawal."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone, translation

import pytest

from cms.consents import consents_for
from cms.models import Consent, DataPolicyVersion
from subscriptions import services
from subscriptions.models import Subscription

pytestmark = pytest.mark.django_db

URL = "/es/suscripciones/"


def _form(**overrides):
    return {"email": "vecina@test.example", "list_key": "news", "consent": "on", **overrides}


def test_subscribing_records_the_consent_with_the_policy_version(client, demo_site):
    client.post(URL, _form(email="Vecina@Test.Example"))
    subscription = Subscription.objects.get(email="vecina@test.example")
    (consent,) = consents_for(subscription)
    assert consent.purpose == Consent.Purpose.SUBSCRIPTION
    assert consent.channel == Consent.Channel.SUBSCRIPTION
    assert consent.policy_version == DataPolicyVersion.objects.current()
    assert consent.email == "vecina@test.example"
    assert consent.given_at == subscription.consent_at


def test_the_form_links_the_policy_in_force(client, demo_site):
    html = client.get(URL).content.decode()
    assert 'href="/es/politica-de-datos/"' in html


def test_an_invalid_subscription_stores_no_consent(client, demo_site):
    before = Consent.objects.count()
    without = client.post(URL, {k: v for k, v in _form().items() if k != "consent"})
    bad_email = client.post(URL, _form(email="no-es-un-correo"))
    assert without.status_code == bad_email.status_code == 200
    assert not Subscription.objects.exists()
    assert Consent.objects.count() == before


def test_withdrawing_in_my_account_unsubscribes(client, citizen, subscribe):
    subscription, _ = subscribe(citizen.email, user=citizen)
    consent = consents_for(subscription).get()
    assert consent.user == citizen
    client.force_login(citizen)
    with translation.override("es"):
        url = reverse("consent_withdraw", args=[consent.pk])
    assert 'id="consent-effect"' in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    assert not Subscription.objects.filter(pk=subscription.pk).exists()
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None


def test_unsubscribing_in_one_click_records_the_withdrawal(client, subscribe):
    subscription, _ = subscribe("uno@test.example")
    consent = consents_for(subscription).get()
    assert services.unsubscribe(services.unsubscribe_token(subscription))
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None and consent.policy_version.number == 1


def test_an_expired_request_leaves_its_consent_withdrawn(subscribe):
    subscription, _ = subscribe("tarde@test.example", confirm=False)
    consent = consents_for(subscription).get()
    assert services.expire(timezone.now() + timedelta(days=30)) == 1
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None


def test_the_migration_records_earlier_consents_against_version_1(subscribe):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("subscriptions.migrations.0003_consent_records")
    subscription, _ = subscribe("antes@test.example")
    consents_for(subscription).delete()  # as before consent records existed
    migration.record(apps, None)
    migration.record(apps, None)
    (consent,) = consents_for(subscription)
    assert consent.policy_version.number == 1 and consent.channel == Consent.Channel.EARLIER
    assert consent.given_at == subscription.consent_at
