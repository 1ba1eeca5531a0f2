"""E-mail subscriptions: double opt-in, expiry, one-click unsubscribe without signing
in (forged and replayed tokens refused), the subscriber's language, the fan-out of a
first publication (once per item, never on an edit), the form's errors and limits."""

import re
from datetime import timedelta

from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import gettext

import pytest

from cms.models import Dependency, EntitySettings
from subscriptions import services, tasks
from subscriptions.models import Announcement, Delivery, Subscription

from .conftest import messages_to

pytestmark = pytest.mark.django_db

URL = "/es/suscripciones/"


def _form(**overrides):
    return {"email": "vecina@test.example", "list_key": "news", "consent": "on", **overrides}


def test_subscribing_sends_only_the_confirmation_request(
    client, publish_news, django_capture_on_commit_callbacks
):
    """Nothing but the confirmation request reaches an unconfirmed address, not even
    when a news item is published meanwhile."""
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, _form(email="Vecina@Test.Example"))
    assert response.status_code == 302
    assert response["Location"] == "/es/suscripciones/pendiente/"
    subscription = Subscription.objects.get(email="vecina@test.example")
    assert subscription.confirmed_at is None
    assert [m.to for m in mail.outbox] == [["vecina@test.example"]]
    assert "/es/suscripciones/confirmar/" in mail.outbox[0].body

    mail.outbox.clear()
    publish_news("Noticia antes de confirmar")
    assert messages_to("vecina@test.example") == []
    assert not Delivery.objects.filter(subscription=subscription).exists()


def test_the_consent_is_recorded_with_the_policy_version(client, demo_site):
    policy = EntitySettings.for_site(demo_site).privacy_policy_page
    client.post(URL, _form())
    subscription = Subscription.objects.get(email="vecina@test.example")
    assert subscription.consent_at is not None
    assert subscription.consent_policy_revision == policy.latest_revision_id
    assert subscription.language == "es"


def test_the_confirmation_link_shows_a_button_and_works_once(client, subscribe):
    """GET never confirms (mail scanners prefetch links); the POST does, once."""
    subscription, token = subscribe("uno@test.example", confirm=False)
    url = f"/es/suscripciones/confirmar/{token}/"
    page = client.get(url)
    assert page.status_code == 200 and 'id="confirm-button"' in page.content.decode()
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None

    response = client.post(url)
    assert response.status_code == 200 and 'id="confirmed"' in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None

    replay = client.post(url)
    assert replay.status_code == 400 and 'id="link-refused"' in replay.content.decode()


def test_an_expired_confirmation_is_refused_and_expired_requests_are_deleted(client, subscribe):
    old, old_token = subscribe("viejo@test.example", confirm=False)
    fresh, _ = subscribe("nuevo@test.example", confirm=False)
    confirmed, _ = subscribe("confirmado@test.example")
    eight_days_ago = timezone.now() - timedelta(days=8)
    Subscription.objects.filter(pk__in=[old.pk, confirmed.pk]).update(created_at=eight_days_ago)

    response = client.post(f"/es/suscripciones/confirmar/{old_token}/")
    assert response.status_code == 400
    old.refresh_from_db()
    assert old.confirmed_at is None

    call_command("expire_subscriptions", stdout=open("/dev/null", "w"))
    remaining = set(
        Subscription.objects.filter(pk__in=[old.pk, fresh.pk, confirmed.pk]).values_list(
            "pk", flat=True
        )
    )
    assert remaining == {fresh.pk, confirmed.pk}


def test_a_new_news_item_reaches_each_confirmed_subscriber_once(subscribe, publish_news):
    """One message per subscriber, with the RFC 8058 headers, plain text and HTML; an
    edit republished later sends nothing."""
    subscription, _ = subscribe("lectora@test.example")
    page = publish_news("Nueva ciclorruta en Soacha")
    sent = messages_to("lectora@test.example")
    assert len(sent) == 1
    message = sent[0]
    assert message.subject == "Nueva ciclorruta en Soacha"
    unsubscribe = services.unsubscribe_url(subscription)
    assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe in message.body and page.url in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and '<html lang="es">' in html and unsubscribe in html
    assert message.message()["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    mail.outbox.clear()
    page.title = "Nueva ciclorruta en Soacha (actualizado)"
    page.save_revision().publish()
    assert messages_to("lectora@test.example") == []
    assert Delivery.objects.filter(subscription=subscription).count() == 1


def test_the_fan_out_run_twice_sends_each_item_once(subscribe, publish_news):
    subscription, _ = subscribe("dos@test.example")
    publish_news("Jornada de vacunación")
    announcement = Announcement.objects.get(page__title="Jornada de vacunación")
    tasks.fan_out.call(announcement.pk)
    for delivery in Delivery.objects.filter(announcement=announcement):
        tasks.deliver.call(delivery.pk)
    assert len(messages_to("dos@test.example")) == 1
    assert Delivery.objects.filter(subscription=subscription).count() == 1


def test_the_message_is_in_the_subscribers_language(subscribe, publish_news):
    subscribe("english@test.example", language="en")
    subscribe("espanol@test.example", language="es")
    publish_news("Feria de empleo")
    (english,) = messages_to("english@test.example")
    (spanish,) = messages_to("espanol@test.example")
    for message, language in ((english, "en"), (spanish, "es")):
        with translation.override(language):
            footer = gettext("Unsubscribe in one click:")
        assert footer in message.body
        assert f'<html lang="{language}">' in message.alternatives[0][0]
        assert f"/{language}/suscripciones/baja/" in message.body


def test_news_by_dependency_reach_only_that_dependencys_subscribers(subscribe, publish_news):
    mine, other = Dependency.objects.filter(locale__language_code="es")[:2]
    english_mine = mine.get_translation_or_none(
        mine.locale.__class__.objects.get(language_code="en")
    )
    subscribe("propia@test.example", dependency=mine)
    subscribe("ajena@test.example", dependency=other)
    if english_mine:
        subscribe("propia-en@test.example", dependency=english_mine, language="en")
    subscribe("todas@test.example")
    publish_news("Informe de la secretaría", dependency=mine)
    assert len(messages_to("propia@test.example")) == 1
    assert len(messages_to("todas@test.example")) == 1
    assert messages_to("ajena@test.example") == []
    if english_mine:
        assert len(messages_to("propia-en@test.example")) == 1


def test_events_do_not_reach_news_subscribers(subscribe, publish_news):
    subscribe("noticias@test.example", list_key="news")
    events, _ = subscribe("eventos@test.example", list_key="events")
    publish_news("Solo para noticias")
    assert len(messages_to("noticias@test.example")) == 1
    assert messages_to("eventos@test.example") == []


def test_one_click_unsubscribe_without_signing_in_or_csrf(subscribe):
    """RFC 8058: a POST with ``List-Unsubscribe=One-Click`` and no cookie or CSRF token
    unsubscribes; the GET only shows a button; a replayed token is refused."""
    subscription, _ = subscribe("baja@test.example")
    url = services.unsubscribe_url(subscription).removeprefix("http://127.0.0.1:8000")
    client = Client(enforce_csrf_checks=True)
    page = client.get(url)
    assert page.status_code == 200 and 'id="unsubscribe-button"' in page.content.decode()
    assert Subscription.objects.filter(pk=subscription.pk).exists()

    response = client.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200 and 'id="unsubscribed"' in response.content.decode()
    assert not Subscription.objects.filter(pk=subscription.pk).exists()

    replay = client.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert replay.status_code == 400 and 'id="link-refused"' in replay.content.decode()


def test_a_forged_unsubscribe_token_is_refused(client, subscribe):
    victim, _ = subscribe("victima@test.example")
    other, _ = subscribe("otra@test.example")
    signature = services.unsubscribe_token(other).split("-", 1)[1]
    for token in (f"{victim.pk}-{signature}", f"{victim.pk}-{'0' * 32}", str(victim.pk), "x-y"):
        response = client.post(f"/es/suscripciones/baja/{token}/")
        assert response.status_code == 400, token
    assert Subscription.objects.filter(pk=victim.pk).exists()


def test_an_unconfirmed_subscription_cannot_be_used_to_unsubscribe_or_receive(subscribe):
    pending, _ = subscribe("pendiente@test.example", confirm=False)
    assert services.subscription_for_token(services.unsubscribe_token(pending)) is None


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (_form(email="no-es-correo"), "email"),
        (_form(consent=""), "consent"),
        (_form(list_key="spam"), "list_key"),
        (_form(dependency="999999"), "dependency"),
    ],
)
def test_bad_input_shows_a_clear_error_and_keeps_what_was_typed(client, demo_site, data, field):
    response = client.post("/en/suscripciones/", data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert 'id="error-summary"' in response.content.decode()
    assert not Subscription.objects.filter(email__startswith="vecina").exists()
    if field != "email":
        assert 'value="vecina@test.example"' in response.content.decode()


def test_the_honeypot_refuses_robots(client, demo_site):
    response = client.post(URL, _form(sitio_web="http://spam.example"))
    assert response.status_code == 200
    assert not Subscription.objects.filter(email="vecina@test.example").exists()


def test_over_the_rate_limit_the_form_is_shown_again_with_the_data(client, settings, demo_site):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "subscribe": "2/h"}
    for n in range(2):
        client.post(URL, _form(email=f"r{n}@test.example"))
    response = client.post(URL, _form(email="r9@test.example"))
    assert response.status_code == 429
    assert 'value="r9@test.example"' in response.content.decode()
    assert not Subscription.objects.filter(email="r9@test.example").exists()


def test_the_form_page_costs_a_bounded_number_of_queries(
    client, demo_site, django_assert_max_num_queries
):
    client.get(URL)  # warm the navigation cache
    with django_assert_max_num_queries(12):
        response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<fieldset>" in html and "<legend>" in html
    assert 'id="policy-link"' in html


def test_subscribing_again_before_confirming_replaces_the_link(subscribe):
    first, old_token = subscribe("otra-vez@test.example", confirm=False)
    second, new_token = subscribe("otra-vez@test.example", confirm=False)
    assert first.pk == second.pk and old_token != new_token
    assert services.confirm(old_token)[0] == services.INVALID
    assert services.confirm(new_token)[0] == services.CONFIRMED


def test_a_confirmed_address_gets_no_new_request(subscribe, django_capture_on_commit_callbacks):
    subscribe("ya@test.example")
    with django_capture_on_commit_callbacks(execute=True):
        services.subscribe("ya@test.example", "news")
    assert messages_to("ya@test.example") == []


def test_a_refused_address_counts_as_a_bounce(subscribe, publish_news, monkeypatch):
    import smtplib

    subscription, _ = subscribe("rebota@test.example")

    def refuse(self, *args, **kwargs):
        raise smtplib.SMTPRecipientsRefused({"rebota@test.example": (550, b"no such user")})

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", refuse)
    publish_news("Noticia que rebota")
    subscription.refresh_from_db()
    assert subscription.bounces == 1
    assert Delivery.objects.get(subscription=subscription).bounced


def test_the_editors_report_shows_counts_per_list(client, editor, subscribe, publish_news):
    from wagtail.users.models import UserProfile

    UserProfile.get_for_user(editor).__class__.objects.filter(user=editor).update(
        preferred_language="en"
    )
    client.force_login(editor)

    def row(key="news"):
        html = client.get("/admin/reports/suscripciones/").content.decode()
        cells = re.search(rf'<tr data-list="{key}">(.*?)</tr>', html, re.S).group(1)
        return {col: int(value) for col, value in re.findall(r'data-col="(\w+)">(\d+)<', cells)}

    before = row()
    subscribe("informe@test.example")
    subscribe("pendiente-informe@test.example", confirm=False)
    publish_news("Noticia del informe")
    after = row()
    assert after["confirmed"] - before["confirmed"] == 1
    assert after["pending"] - before["pending"] == 1
    assert after["sent"] - before["sent"] == 1
    # The subscriptions to one process are counted too, all processes together.
    results_before = row("results")
    from wagtail.models import Page

    process = Page.objects.filter(depth=2).first()
    Subscription.objects.create(
        email="proceso-informe@test.example",
        list_key="results",
        page=process,
        language="es",
        consent_at=timezone.now(),
    )
    assert row("results")["pending"] - results_before["pending"] == 1
    assert (
        "informe@test.example" not in client.get("/admin/reports/suscripciones/").content.decode()
    )


def test_subscriptions_for_user_lists_the_confirmed_ones(citizen, subscribe):
    mine, _ = subscribe(citizen.email)
    subscribe(citizen.email, list_key="events", confirm=False)
    subscribe("otro@test.example")
    assert list(services.subscriptions_for_user(citizen)) == [mine]


def test_the_account_section_lists_the_citizens_subscriptions(citizen, subscribe, rf):
    from django.template.loader import render_to_string

    from cms.account_sections import SECTIONS

    subscribe(citizen.email)
    section = SECTIONS["subscriptions"]
    request = rf.get("/es/")
    request.user = citizen
    with translation.override("en"):
        context = section.get_context(request)
        html = render_to_string(section.template, {**context, "request": request})
    (row,) = context["subscriptions"]
    assert row["unsubscribe_url"].startswith("/en/suscripciones/baja/")
    assert row["unsubscribe_url"] in html
    anonymous = rf.get("/es/")
    anonymous.user = AnonymousUser()
    assert section.get_context(anonymous) is None


def test_the_news_room_and_participation_indexes_link_to_the_form(client, newsroom):
    from participation.models import ConsultationIndexPage, DebateIndexPage

    pages = [
        (newsroom, "news"),
        (
            ConsultationIndexPage.objects.live().filter(locale=newsroom.locale).first(),
            "participation",
        ),
        (DebateIndexPage.objects.live().filter(locale=newsroom.locale).first(), "participation"),
    ]
    for page, list_key in pages:
        html = client.get(page.url).content.decode()
        assert f'href="/es/suscripciones/?lista={list_key}" id="subscribe-link"' in html
        form = client.get(f"/es/suscripciones/?lista={list_key}").content.decode()
        assert re.search(rf'value="{list_key}"[^>]*checked', form)  # preselected
