"""The data-treatment policy's versions and the consent records (Ley 1581 de 2012):
versions immutable once published, the public page, the consent of sign-up, the
citizen's "Mis autorizaciones de datos" with withdrawal (owner only), the staff's
read-only view and who may see it, and the personal-data registry's handler."""

import datetime

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

import pytest

from cms import consents
from cms.models import Consent, DataPolicyVersion, PolicyVersionLocked
from cms.personal_data import personal_data_handlers
from cms.roles import EDITORS
from cms.rules import can_edit_data_policy, can_view_consents
from tests.role_matrix import check_rules

pytestmark = pytest.mark.django_db

PASSWORD = "Soacha-para-vivir-2026"


def es(path_name, *args):
    with translation.override("es"):
        return reverse(path_name, args=args)


def version_1():
    return DataPolicyVersion.objects.get(number=1)


def new_version(effective_from=None, text="<p>Nuevo texto</p>"):
    return DataPolicyVersion.objects.create(
        effective_from=effective_from or timezone.localdate(), text_es=text, text_en=""
    )


# The policy's versions ------------------------------------------------------------


def test_version_1_is_in_force_with_both_languages(demo_site, client):
    version = version_1()
    assert version.is_published() and DataPolicyVersion.objects.current() == version
    es_html = client.get("/es/politica-de-datos/").content.decode()
    en_html = client.get("/en/politica-de-datos/").content.decode()
    assert "Responsable del tratamiento" in es_html and 'id="data-policy-version"' in es_html
    assert "Data controller" in en_html and "Version 1," in en_html


def test_a_published_version_can_be_neither_changed_nor_deleted(demo_site):
    version = version_1()
    version.text_es = "<p>Otro texto</p>"
    with pytest.raises(PolicyVersionLocked):
        version.save()
    with pytest.raises(PolicyVersionLocked):
        version.delete()
    with pytest.raises(ValidationError):
        version.full_clean()
    version.refresh_from_db()
    assert "Responsable del tratamiento" in version.text_es


def test_a_future_version_is_editable_and_hidden_until_it_takes_effect(demo_site, client):
    future = new_version(timezone.localdate() + datetime.timedelta(days=10))
    assert future.number == 2
    future.text_es = "<p>Corregido antes de entrar en vigor</p>"
    future.save()
    assert DataPolicyVersion.objects.current() == version_1()
    assert client.get("/es/politica-de-datos/version-2/").status_code == 404
    future.delete()
    assert not DataPolicyVersion.objects.filter(number=2).exists()


def test_a_new_version_cannot_take_effect_in_the_past(demo_site):
    draft = DataPolicyVersion(
        effective_from=timezone.localdate() - datetime.timedelta(days=1), text_es="<p>x</p>"
    )
    with pytest.raises(ValidationError) as error:
        draft.full_clean()
    assert "effective_from" in error.value.message_dict


def test_a_new_version_is_current_for_new_consents_and_old_ones_keep_theirs(demo_site, client):
    user = get_user_model().objects.create_user(username="v@test.example", email="v@test.example")
    old = consents.record_consent(Consent.Purpose.COMUNA, Consent.Channel.PROFILE, user=user)
    second = new_version(text="<p>Texto de la versión dos</p>")
    new = consents.record_consent(Consent.Purpose.COMUNA, Consent.Channel.PROFILE, user=user)
    old.refresh_from_db()
    assert old.policy_version.number == 1 and new.policy_version == second
    html = client.get("/es/politica-de-datos/").content.decode()
    assert "Texto de la versión dos" in html
    assert 'href="/es/politica-de-datos/version-1/"' in html  # earlier versions listed
    earlier = client.get("/es/politica-de-datos/version-1/").content.decode()
    assert "Responsable del tratamiento" in earlier
    assert 'href="/es/politica-de-datos/"' in earlier  # "read the version in force"


def test_an_editor_adds_a_version_and_cannot_edit_a_published_one(demo_site, client, editor):
    client.force_login(editor)
    add = client.post(
        "/admin/politica-de-datos/add/",
        {"effective_from": timezone.localdate().isoformat(), "text_es": rich("Versión del editor")},
    )
    assert add.status_code == 302, add.content.decode()[:2000]
    added = DataPolicyVersion.objects.get(number=2)
    assert DataPolicyVersion.objects.current() == added
    edit = client.get(f"/admin/politica-de-datos/edit/{added.pk}/")
    assert edit.status_code == 302 and f"/inspect/{added.pk}/" in edit["Location"]
    client.post(
        f"/admin/politica-de-datos/edit/{added.pk}/",
        {"effective_from": added.effective_from.isoformat(), "text_es": rich("Cambiado")},
    )
    added.refresh_from_db()
    assert "Versión del editor" in added.text_es


def rich(text):
    """A Draftail value for a rich-text field in an admin form."""
    import json

    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "text": text,
                    "type": "unstyled",
                    "depth": 0,
                    "inlineStyleRanges": [],
                    "entityRanges": [],
                    "data": {},
                }
            ],
            "entityMap": {},
        }
    )


# Sign-up ---------------------------------------------------------------------------


def signup(client, email, **extra):
    data = {"email": email, "password1": PASSWORD, "password2": PASSWORD, **extra}
    return client.post("/es/cuentas/signup/", data)


def test_signup_form_asks_for_consent_with_a_link_to_the_policy(demo_site, client):
    html = client.get("/es/cuentas/signup/").content.decode()
    assert 'name="consent"' in html and 'for="id_consent"' in html
    assert 'href="/es/politica-de-datos/"' in html


def test_signup_records_the_account_consent_with_the_policy_version(demo_site, client):
    response = signup(client, "Nueva@Correo.example", consent="on")
    assert response.status_code == 302
    user = get_user_model().objects.get(email__iexact="nueva@correo.example")
    (consent,) = Consent.objects.filter(user=user)
    assert consent.purpose == Consent.Purpose.ACCOUNT
    assert consent.channel == Consent.Channel.SIGNUP
    assert consent.policy_version == DataPolicyVersion.objects.current()
    assert consent.covers == user and consent.email == "nueva@correo.example"


def test_signup_without_consent_is_refused_and_nothing_is_stored(demo_site, client):
    response = signup(client, "sin-consentimiento@correo.example")
    html = response.content.decode()
    assert response.status_code == 200
    with translation.override("es"):
        assert translation.gettext("To create an account, accept the data-treatment policy.") in (
            html
        )
    assert 'value="sin-consentimiento@correo.example"' in html  # what was typed is kept
    assert not get_user_model().objects.filter(email="sin-consentimiento@correo.example").exists()
    assert not Consent.objects.filter(email="sin-consentimiento@correo.example").exists()
    assert not [m for m in mail.outbox if "sin-consentimiento@correo.example" in m.to]


# "Mis autorizaciones de datos" and withdrawal ----------------------------------------------


@pytest.fixture
def citizen_consents(citizen):
    record = consents.record_consent
    return {
        "account": record(Consent.Purpose.ACCOUNT, Consent.Channel.SIGNUP, user=citizen),
        "petition": record(Consent.Purpose.PETITION, Consent.Channel.PQRSD_WEB, user=citizen),
    }


def test_my_account_lists_my_consents_with_version_link_and_actions(
    demo_site, client, citizen, citizen_consents, make_user
):
    other = make_user("otra@test.example")
    theirs = consents.record_consent(
        Consent.Purpose.PETITION, Consent.Channel.PQRSD_WEB, user=other
    )
    client.force_login(citizen)
    html = client.get(es("my_account")).content.decode()
    assert 'id="account-consents"' in html
    with translation.override("es"):
        assert translation.gettext("My data authorisations") in html
    petition = citizen_consents["petition"]
    assert f'id="consent-{petition.pk}"' in html
    assert 'href="/es/politica-de-datos/version-1/"' in html
    assert es("consent_withdraw", petition.pk) in html
    # The account's consent points to deleting the account instead.
    assert es("consent_withdraw", citizen_consents["account"].pk) not in html
    assert f'id="consent-{theirs.pk}"' not in html


def test_another_citizen_can_neither_see_nor_withdraw_my_consent(
    demo_site, client, citizen_consents, make_user
):
    petition = citizen_consents["petition"]
    client.force_login(make_user("intrusa@test.example"))
    url = es("consent_withdraw", petition.pk)
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    petition.refresh_from_db()
    assert petition.withdrawn_at is None


def test_an_anonymous_visitor_is_sent_to_sign_in(demo_site, client, citizen_consents):
    url = es("consent_withdraw", citizen_consents["petition"].pk)
    response = client.post(url)
    assert response.status_code == 302 and "/cuentas/login/" in response["Location"]
    assert Consent.objects.filter(withdrawn_at__isnull=False).count() == 0


def test_withdrawing_a_petition_consent_explains_and_records_it(
    demo_site, client, citizen, citizen_consents
):
    petition = citizen_consents["petition"]
    client.force_login(citizen)
    url = es("consent_withdraw", petition.pk)
    page = client.get(url).content.decode()
    assert "Ley 594 de 2000" in page and 'name="csrfmiddlewaretoken"' in page
    response = client.post(url)
    assert response.status_code == 302
    petition.refresh_from_db()
    assert petition.withdrawn_at is not None
    again = client.post(url)  # a second POST changes nothing
    assert again.status_code == 200
    withdrawn_at = petition.withdrawn_at
    petition.refresh_from_db()
    assert petition.withdrawn_at == withdrawn_at


def test_the_account_consent_points_to_deleting_the_account(
    demo_site, client, citizen, citizen_consents
):
    account = citizen_consents["account"]
    client.force_login(citizen)
    url = es("consent_withdraw", account.pk)
    page = client.get(url).content.decode()
    from cms.account_consents import delete_account_url

    with translation.override("es"):
        assert f'href="{delete_account_url()}"' in page
    client.post(url)
    account.refresh_from_db()
    assert account.withdrawn_at is None


def test_withdrawal_requires_the_csrf_token(demo_site, citizen, citizen_consents):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(citizen)
    response = strict.post(es("consent_withdraw", citizen_consents["petition"].pk))
    assert response.status_code == 403
    assert Consent.objects.filter(withdrawn_at__isnull=False).count() == 0


# Staff --------------------------------------------------------------------------------

#: predicate -> expected per role of tests.role_matrix.RULE_ROLES
RULES = {
    "can_view_consents": (False,) * 9 + (True, True),
    "can_edit_data_policy": (False, False, False, True) + (False,) * 6 + (True,),
}


def test_who_may_audit_consents_and_edit_the_policy(rule_users):
    predicates = {
        "can_view_consents": can_view_consents,
        "can_edit_data_policy": can_edit_data_policy,
    }
    check_rules(RULES, lambda name, role: predicates[name](rule_users.users[role]))


def test_the_consent_records_view_shows_records_only_to_auditors(
    demo_site, client, citizen_consents, make_user, superuser
):
    control = make_user("control@test.example", groups=["Control Interno"])
    editor = make_user("editora@test.example", groups=[EDITORS])
    index = reverse("consents:index")
    inspect = reverse("consents:inspect", args=[citizen_consents["petition"].pk])
    for user in (control, superuser):
        client.force_login(user)
        listing = client.get(index + "?purpose=petition")
        assert listing.status_code == 200
        assert client.get(inspect).status_code == 200
        assert client.get(reverse("consents:add")).status_code == 302  # nobody adds
        assert index in client.get("/admin/").content.decode()  # the menu item
    client.force_login(editor)
    assert index not in client.get("/admin/").content.decode()
    for url in (index, inspect):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].rstrip("/") == "/admin"


# The personal-data registry ----------------------------------------------------------------


def test_export_lists_and_erase_anonymises_the_consents(demo_site, citizen, citizen_consents):
    handler = {h.key: h for h in personal_data_handlers()}["consents"]
    anonymous_form = consents.record_consent(
        Consent.Purpose.SUBSCRIPTION, Consent.Channel.SUBSCRIPTION, email=citizen.email
    )
    rows = handler.export(citizen)["consents"]
    assert {row["purpose"] for row in rows} == {"account", "petition", "subscription"}
    assert all(row["policy_version"] == 1 for row in rows)
    handler.erase(citizen)
    ids = [c.pk for c in citizen_consents.values()] + [anonymous_form.pk]
    kept = Consent.objects.filter(pk__in=ids)
    assert kept.count() == 3  # the proof stays ...
    assert not kept.filter(user__isnull=False).exists()  # ... without the person
    assert not kept.exclude(email="").exists()
    assert all(c.policy_version.number == 1 and c.given_at for c in kept)
    assert kept.get(purpose="account").withdrawn_at is not None  # the account is gone
    assert kept.get(purpose="petition").withdrawn_at is None  # the case is kept


def test_the_demo_loader_restores_version_1_and_never_changes_it(demo_site):
    from cms.demo.loader import DemoLoader

    loader = DemoLoader()
    loader.data_policy()
    assert DataPolicyVersion.objects.count() == 1  # present: left alone
    Consent.objects.all().delete()
    DataPolicyVersion.objects.all().delete()  # the queryset bypasses the model's guard
    loader.data_policy()
    loader.data_policy()
    (version,) = DataPolicyVersion.objects.all()
    assert version.number == 1 and version.is_published()
    assert "Responsable del tratamiento" in version.text_es and "Data controller" in version.text_en


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_editors_adding_versions_at_once_get_distinct_numbers():
    """Six versions added at the same moment take six consecutive numbers, no error."""
    import threading

    from django.db import connection

    barrier = threading.Barrier(6)
    errors = []
    start = DataPolicyVersion.objects.order_by("-number").first().number
    effective = timezone.localdate() + datetime.timedelta(days=30)

    def add():
        try:
            barrier.wait()
            new_version(effective)
        except Exception as error:  # noqa: BLE001 (reported below)
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=add) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    added = DataPolicyVersion.objects.filter(number__gt=start)
    numbers = sorted(added.values_list("number", flat=True))
    assert numbers == list(range(start + 1, start + 7))
