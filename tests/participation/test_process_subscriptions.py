"""Subscriptions to one process (a debate or a consultation), from the form linked
from its page: double opt-in as the lists; a confirmed subscriber hears of that process's
results (and, on the news list, of its updates), never of another process's."""

import re
from datetime import timedelta

from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

import pytest

from subscriptions import services
from subscriptions.models import Announcement, Subscription
from tests.participation.conftest import make_debate
from tests.subscriptions.conftest import confirmation_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_debate(debate_index):
    return make_debate(debate_index, "otro-debate", -timedelta(days=30), -timedelta(days=2))


def subscribe(client, page, email, list_key="results", capture=None):
    """Post the form as a visitor does: open the form's page, post with its CSRF token."""
    url = reverse("subscriptions:subscribe_process", args=[page.pk])
    form_page = client.get(url).content.decode()
    data = {
        "csrfmiddlewaretoken": csrf_token(form_page),
        "proceso-email": email,
        "proceso-list_key": list_key,
        "proceso-consent": "on",
    }
    mail.outbox.clear()
    with capture(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302
    return confirmation_token(mail.outbox[-1])


def publish_conclusion(page, capture):
    """Publish the page as the editor does: loaded afresh, edited, published."""
    page = type(page).objects.get(pk=page.pk)
    page.conclusion = "<p>La entidad acoge la propuesta de ciclorrutas.</p>"
    mail.outbox.clear()
    with capture(execute=True):
        page.save_revision().publish()


@pytest.fixture
def client(client):
    return Client(enforce_csrf_checks=True)


def csrf_token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_the_process_page_links_to_the_subscription_form(client, debate):
    response = client.get(debate.url)
    html = response.content.decode()
    assert 'id="process-subscribe-link"' in html
    assert reverse("subscriptions:subscribe_process", args=[debate.pk]) in html
    # still cacheable for visitors: no CSRF token, no cookie
    assert "csrfmiddlewaretoken" not in html and not response.cookies


def test_the_subscription_form_keeps_csrf(client, debate):
    """The form's own page carries a token; a post without it is refused and saves
    nothing."""
    url = reverse("subscriptions:subscribe_process", args=[debate.pk])
    assert 'name="csrfmiddlewaretoken"' in client.get(url).content.decode()
    data = {
        "proceso-email": "forjado@test.example",
        "proceso-list_key": "results",
        "proceso-consent": "on",
    }
    assert Client(enforce_csrf_checks=True).post(url, data).status_code == 403
    assert not Subscription.objects.filter(email="forjado@test.example").exists()


def test_only_confirmed_subscribers_of_that_process_get_its_results(
    client, closed_debate, other_debate, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    subscribe(client, closed_debate, "pendiente@test.example", capture=capture)
    for email, page, list_key in (
        ("resultados@test.example", closed_debate, "results"),
        ("noticias@test.example", closed_debate, "process"),
        ("otro@test.example", other_debate, "results"),
    ):
        token = subscribe(client, page, email, list_key, capture=capture)
        assert services.confirm(token)[0] == services.CONFIRMED
    assert Subscription.objects.get(email="otro@test.example").page_id == other_debate.pk

    publish_conclusion(closed_debate, capture)
    assert sorted(m.to[0] for m in mail.outbox) == [
        "noticias@test.example",
        "resultados@test.example",
    ]
    message = mail.outbox[0]
    assert closed_debate.title in message.subject
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # Results are announced once; a later update is news, for the news list only.
    publish_conclusion(closed_debate, capture)
    assert [m.to for m in mail.outbox] == [["noticias@test.example"]]
    process_lists = ["process", "results"]
    announced = Announcement.objects.filter(page=closed_debate, list_key__in=process_lists)
    assert sorted(announced.values_list("list_key", flat=True)) == process_lists


def test_one_click_unsubscribe_from_a_process(
    client, closed_debate, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    token = subscribe(client, closed_debate, "baja@test.example", capture=capture)
    services.confirm(token)
    publish_conclusion(closed_debate, capture)
    url = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>")
    path = "/" + url.split("://", 1)[1].split("/", 1)[1]
    assert client.post(path).status_code == 200  # no CSRF token, no sign-in
    assert not Subscription.objects.filter(email="baja@test.example").exists()


def test_a_subscription_without_consent_is_refused_and_nothing_saved(client, closed_debate):
    url = reverse("subscriptions:subscribe_process", args=[closed_debate.pk])
    token = csrf_token(client.get(url).content.decode())
    data = {"csrfmiddlewaretoken": token, "proceso-email": "x@test.example"}
    response = client.post(url, {**data, "proceso-list_key": "results"})
    assert response.status_code == 200
    with translation.override("es"):
        assert "Debe aceptar la política de tratamiento de datos" in response.content.decode()
    assert not Subscription.objects.exists()
    assert mail.outbox == []


def test_only_a_live_process_page_takes_subscriptions(client, debate_index, closed_debate):
    url = reverse("subscriptions:subscribe_process", args=[debate_index.pk])
    assert client.get(url).status_code == 404
    closed_debate.unpublish()
    url = reverse("subscriptions:subscribe_process", args=[closed_debate.pk])
    assert client.get(url).status_code == 404


def test_the_process_feed_lists_its_results(
    client, closed_debate, debate_index, django_capture_on_commit_callbacks
):
    from defusedxml import ElementTree as ET

    publish_conclusion(closed_debate, django_capture_on_commit_callbacks)
    url = reverse("subscriptions:process_feed", args=[closed_debate.pk])
    response = client.get(url)
    assert response.status_code == 200 and not response.cookies
    root = ET.fromstring(response.content)
    titles = [e.text for e in root.iter("{http://www.w3.org/2005/Atom}title")]
    assert any(closed_debate.title in title for title in titles[1:])
    form_page = client.get(reverse("subscriptions:subscribe_process", args=[closed_debate.pk]))
    assert f'type="application/atom+xml" title="{closed_debate.title}" href="{url}"' in (
        form_page.content.decode()
    )
    index_feed = reverse("subscriptions:process_feed", args=[debate_index.pk])
    assert client.get(index_feed).status_code == 404
