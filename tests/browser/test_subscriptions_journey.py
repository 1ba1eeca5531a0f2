"""The subscription journey in Chromium: an anonymous visitor subscribes to news from
the news room, confirms from the e-mail, receives the news item an editor publishes
(the task runs), and unsubscribes in one click from the message's link. axe-core runs
on the form, the confirmation and the unsubscribe pages, in Spanish and English."""

import re

from django.core import mail
from django.utils.text import slugify

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _confirm_link(email):
    (message,) = [m for m in mail.outbox if email in m.to]
    return re.search(r"https?://\S+/suscripciones/confirmar/\S+/", message.body).group(0)


def _subscribe_and_confirm(tab, axe_check, form_url, email, language):
    tab.goto(form_url)
    expect(tab.locator("html")).to_have_attribute("lang", re.compile(f"^{language}"))
    axe_check(tab)
    tab.locator("#id_email").fill(email)
    tab.locator("#id_list_key_0").check()
    tab.locator("#id_consent").check()
    tab.locator("#subscribe-form button[type='submit']").click()
    expect(tab.locator("#pending")).to_be_visible()
    confirm = _confirm_link(email)
    assert f"/{language}/suscripciones/confirmar/" in confirm
    tab.goto(confirm)
    axe_check(tab)
    tab.locator("#confirm-button").click()
    expect(tab.locator("#confirmed")).to_be_visible()
    axe_check(tab)


@pytest.mark.browser
def test_subscribe_confirm_receive_and_unsubscribe(
    browser, portal_url, page, make_user, axe_check, screenshot, settings
):
    from wagtail.models import Locale

    from home.models import NewsIndexPage, NewsPage
    from subscriptions.models import Subscription

    # A publication has no request: its links are on PORTAL_BASE_URL (as `make run` sets).
    settings.PORTAL_BASE_URL = portal_url
    mail.outbox.clear()
    newsroom = NewsIndexPage.objects.live().filter(locale=Locale.objects.get(language_code="es"))[0]

    # From the news room, an anonymous visitor subscribes and confirms (Spanish).
    page.goto(portal_url + newsroom.url)
    page.locator("#subscribe-link").click()
    expect(page).to_have_url(re.compile(r"/es/suscripciones/\?lista=news$"))
    _subscribe_and_confirm(page, axe_check, page.url, "vecina@recorrido.example", "es")
    screenshot(page, "subscriptions-confirmed")

    # An editor publishes a news item; its first publication is e-mailed.
    editor = make_user("editora@recorrido.example", groups=["Editores"])
    item = NewsPage(
        title="Nueva biblioteca en Compartir",
        slug=slugify("Nueva biblioteca en Compartir"),
        introduction="La biblioteca abre el lunes.",
    )
    newsroom.add_child(instance=item)
    item.save_revision(user=editor).publish(user=editor)
    received = [m for m in mail.outbox if m.subject == "Nueva biblioteca en Compartir"]
    assert [m.to for m in received] == [["vecina@recorrido.example"]]
    unsubscribe = received[0].extra_headers["List-Unsubscribe"].strip("<>")
    assert unsubscribe in received[0].body
    assert portal_url + item.url in received[0].body

    # One click on the message's link, no sign-in: a page with a button, then done.
    page.goto(unsubscribe)
    axe_check(page)
    page.locator("#unsubscribe-button").click()
    expect(page.locator("#unsubscribed")).to_be_visible()
    axe_check(page)
    assert not Subscription.objects.filter(email="vecina@recorrido.example").exists()


@pytest.mark.browser
def test_the_pages_in_english_pass_axe(browser, portal_url, axe_check):
    from subscriptions import services
    from subscriptions.models import Subscription

    mail.outbox.clear()
    context = browser.new_context(locale="en-GB", viewport={"width": 390, "height": 844})
    context.set_default_timeout(10_000)
    tab = context.new_page()
    form = f"{portal_url}/en/suscripciones/"
    _subscribe_and_confirm(tab, axe_check, form, "neighbour@recorrido.example", "en")
    subscription = Subscription.objects.get(email="neighbour@recorrido.example")
    assert subscription.language == "en"
    tab.goto(services.unsubscribe_url(subscription, portal_url))
    axe_check(tab)
    tab.locator("#unsubscribe-button").click()
    expect(tab.locator("#unsubscribed")).to_be_visible()
    axe_check(tab)
    # The form with its errors passes too.
    tab.goto(form)
    tab.locator("#subscribe-form button[type='submit']").click()
    expect(tab.locator("#error-summary")).to_be_visible()
    axe_check(tab)
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("language", ["es", "en"])
def test_a_visitor_subscribes_to_one_process_from_its_page(
    browser, portal_url, axe_check, language
):
    """From a debate's page to its subscription form (axe-checked empty, with errors and
    after sending), in both languages; the e-mail confirms the address first."""
    from participation.models import DebatePage

    debate = DebatePage.objects.live().filter(locale__language_code=language).first()
    assert debate is not None, "the demo has a live debate in each language"
    mail.outbox.clear()
    context = browser.new_context(
        locale="es-CO" if language == "es" else "en-GB", viewport={"width": 390, "height": 844}
    )
    context.set_default_timeout(10_000)
    tab = context.new_page()
    tab.goto(portal_url + debate.url)
    tab.locator("#process-subscribe-link").click()
    expect(tab.locator("#process-subscribe-form")).to_be_visible()
    expect(tab.locator("html")).to_have_attribute("lang", re.compile(f"^{language}"))
    axe_check(tab)
    tab.locator("#process-subscribe-form button[type='submit']").click()
    expect(tab.locator("#error-summary")).to_be_visible()
    axe_check(tab)
    email = f"proceso-{language}@recorrido.example"
    tab.locator("#id_proceso-email").fill(email)
    tab.locator("#id_proceso-consent").check()
    tab.locator("#process-subscribe-form button[type='submit']").click()
    expect(tab.locator("#pending")).to_be_visible()
    assert f"/{language}/suscripciones/confirmar/" in _confirm_link(email)
    context.close()
