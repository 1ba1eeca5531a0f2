"""The quick poll block and the "¿Le fue útil esta página?" widget."""

import json

from django.template import Context, Template
from django.test import RequestFactory

from wagtail.models import Page

import pytest

from cms.blocks import QuickPollBlock
from home.models import StandardPage
from surveys.models import PageFeedback, PollVote

pytestmark = pytest.mark.django_db


@pytest.fixture
def poll_page(demo_site, monkeypatch):
    """A standard page whose body accepts the poll block, as once the lead adds it."""
    stream_block = StandardPage._meta.get_field("body").stream_block
    monkeypatch.setitem(stream_block.child_blocks, "quick_poll", QuickPollBlock())
    QuickPollBlock().set_name("quick_poll")
    stream_block.child_blocks["quick_poll"].set_name("quick_poll")
    home = Page.objects.get(pk=demo_site.root_page_id)
    value = {
        "question": "¿Cómo prefiere hacer sus trámites?",
        "options": [
            {"type": "item", "id": "o-1", "value": {"label": "En línea"}},
            {"type": "item", "id": "o-2", "value": {"label": "En la ventanilla"}},
        ],
        "show_results": True,
    }
    page = StandardPage(
        title="Con encuesta",
        slug="con-encuesta",
        body=json.dumps([{"type": "quick_poll", "id": "poll-1", "value": value}]),
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def vote(client, page, option="o-1", poll="poll-1", **headers):
    return client.post(
        "/es/encuestas/votar/",
        {"page": page.pk, "poll": poll, "option": option, "next": page.url},
        **(headers or {"HTTP_ORIGIN": "http://testserver"}),
    )


def test_the_poll_form_has_no_csrf_token_so_its_page_sets_no_cookie(client, poll_page):
    response = client.get(poll_page.url)
    html = response.content.decode()
    assert 'action="/es/encuestas/votar/"' in html
    assert "csrfmiddlewaretoken" not in html
    assert "csrftoken" not in response.cookies


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://malo.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_REFERER": "https://malo.example/es/"},
        {"HTTP_X_NOTHING": "1"},
    ],
)
def test_a_vote_from_another_site_is_refused(poll_page, headers):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = vote(client, poll_page, **headers)
    assert response.status_code == 403
    html = response.content.decode()
    assert "No pudimos comprobar que su voto se envió desde este portal" in html
    assert not PollVote.objects.exists()


def test_a_vote_from_this_site_needs_no_csrf_token(poll_page):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    for headers in (
        {"HTTP_ORIGIN": "http://testserver"},
        {"HTTP_REFERER": f"http://testserver{poll_page.url}"},
    ):
        client.cookies.clear()
        response = vote(client, poll_page, **headers)
        assert response.status_code == 302
    assert PollVote.objects.count() == 2


def test_poll_renders_a_form_then_results_after_voting(client, poll_page):
    """The block shows radio options; after a vote it shows the tally with a message."""
    html = client.get(poll_page.url).content.decode()
    assert 'action="/es/encuestas/votar/"' in html and "En la ventanilla" in html
    response = vote(client, poll_page)
    assert response.status_code == 302 and response["Location"].endswith("#encuesta-poll-1")
    html = client.get(poll_page.url).content.decode()
    assert "Gracias: su voto fue contado." in html
    assert "<td>1</td><td>100,0 %</td>" in html


def test_poll_counts_one_vote_per_browser(client, poll_page):
    """A second vote from the same browser is not counted (and is not an error page)."""
    vote(client, poll_page)
    response = vote(client, poll_page, option="o-2")
    assert response.status_code == 302
    assert PollVote.objects.count() == 1


def test_poll_counts_one_vote_per_account(client, poll_page, citizen):
    """Logged in, the vote belongs to the account even after clearing cookies."""
    client.force_login(citizen)
    vote(client, poll_page)
    client.cookies.pop("soacha_encuestas")
    vote(client, poll_page, option="o-2")
    assert PollVote.objects.filter(user=citizen).count() == 1


@pytest.mark.parametrize(("poll", "option"), [("poll-1", "o-404"), ("poll-404", "o-1")])
def test_poll_refuses_unknown_polls_and_options(client, poll_page, poll, option):
    """Votes for an option or a poll the page does not show are refused."""
    response = vote(client, poll_page, option=option, poll=poll)
    assert response.status_code == 302
    assert not PollVote.objects.exists()


def test_poll_vote_needs_post(client):
    """GET on the vote endpoint is not allowed."""
    assert client.get("/es/encuestas/votar/").status_code == 405


def render_feedback(page):
    request = RequestFactory().get(page.url)
    template = Template("{% load surveys_tags %}{% page_feedback page %}")
    return template.render(Context({"page": page, "request": request}))


def test_feedback_widget_renders_for_a_page(demo_site):
    """The inclusion tag shows the question with labelled yes/no and comment fields."""
    page = Page.objects.get(pk=demo_site.root_page_id).specific
    html = render_feedback(page)
    assert "¿Le fue útil esta página?" in html
    assert 'action="/es/encuestas/valoracion/"' in html
    assert 'for="id_feedback-useful_0"' in html and 'for="id_feedback-comment"' in html


SAME_SITE = {"HTTP_ORIGIN": "http://testserver"}


def send_feedback(client, page, useful="1", comment="", next_url="/es/"):
    payload = {
        "page": page.pk,
        "feedback-useful": useful,
        "feedback-comment": comment,
        "next": next_url,
    }
    return client.post("/es/encuestas/valoracion/", payload, **SAME_SITE)


def test_feedback_is_stored_per_page(client, demo_site):
    """A yes/no with a comment is stored against the page and redirects back."""
    page = Page.objects.get(pk=demo_site.root_page_id)
    response = send_feedback(client, page, useful="0", comment="Falta el horario")
    assert response.status_code == 302 and response["Location"] == "/es/"
    stored = PageFeedback.objects.get()
    assert stored.page_id == page.pk and stored.useful is False
    assert stored.comment == "Falta el horario"


def test_feedback_rejects_bad_input_and_open_redirects(client, demo_site):
    """Missing answer: 400 with the error and the comment kept; a foreign "next" is
    replaced by the page."""
    page = Page.objects.get(pk=demo_site.root_page_id)
    bad = client.post(
        "/es/encuestas/valoracion/",
        {"page": page.pk, "feedback-comment": "Texto que no se pierde"},
        **SAME_SITE,
    )
    html = bad.content.decode()
    assert bad.status_code == 400 and "Este campo es necesario." in html
    assert "Texto que no se pierde</textarea>" in html
    for useful in ("2", "sí"):
        assert send_feedback(client, page, useful=useful).status_code == 400
    ok = send_feedback(client, page, next_url="https://malo.example/")
    assert ok["Location"] == page.url
    assert PageFeedback.objects.count() == 1


def test_feedback_is_rate_limited(demo_site):
    """More than 10 opinions an hour from one address: HTTP 429 with a message."""
    from django.test import Client

    page = Page.objects.get(pk=demo_site.root_page_id)
    # A new browser each time, so each opinion is a new one.
    statuses = [send_feedback(Client(), page).status_code for _ in range(11)]
    assert statuses[:10] == [302] * 10 and statuses[10] == 429
    assert PageFeedback.objects.count() == 10


def test_feedback_widget_has_no_csrf_token_and_pages_set_no_csrf_cookie(client, demo_site):
    """The widget is the same HTML for everyone: no token, no CSRF cookie on the page."""
    page = Page.objects.get(url_path__endswith="/noticias/", locale__language_code="es")
    response = client.get(page.url)
    html = response.content.decode()
    assert 'action="/es/encuestas/valoracion/"' in html
    assert "csrfmiddlewaretoken" not in html
    assert "csrftoken" not in response.cookies


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://malo.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_ORIGIN": "http://testserver.malo.example"},
        {"HTTP_REFERER": "https://malo.example/es/"},
        {},
    ],
)
def test_feedback_from_another_site_is_refused(demo_site, headers):
    """Without an Origin (or Referer) of this site: 403, a clear message, nothing stored."""
    from django.test import Client

    page = Page.objects.get(pk=demo_site.root_page_id)
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/es/encuestas/valoracion/",
        {"page": page.pk, "feedback-useful": "0", "feedback-comment": "Mi comentario"},
        **headers,
    )
    html = response.content.decode()
    assert response.status_code == 403
    assert "No pudimos comprobar que su opinión se envió desde este portal" in html
    assert "Mi comentario</textarea>" in html
    assert not PageFeedback.objects.exists()


def test_feedback_from_this_site_needs_no_csrf_token(demo_site):
    """With Django's CSRF checks on, a same-site Origin or Referer is enough."""
    from django.test import Client

    page = Page.objects.get(pk=demo_site.root_page_id)
    data = {"page": page.pk, "feedback-useful": "1"}
    by_origin = Client(enforce_csrf_checks=True).post(
        "/es/encuestas/valoracion/", data, **SAME_SITE
    )
    by_referer = Client(enforce_csrf_checks=True).post(
        "/es/encuestas/valoracion/", data, HTTP_REFERER="http://testserver/es/"
    )
    assert by_origin.status_code == by_referer.status_code == 302
    assert PageFeedback.objects.count() == 2


def test_feedback_is_one_opinion_per_page_and_browser(client, demo_site):
    """Sending again from the same browser updates its opinion (comment kept); another
    page or another browser adds a new one; a forged cookie is ignored."""
    from django.test import Client

    home = Page.objects.get(pk=demo_site.root_page_id)
    other = Page.objects.get(url_path__endswith="/noticias/", locale__language_code="es")
    send_feedback(client, home, useful="0", comment="Lento")
    send_feedback(client, home, useful="1")
    stored = PageFeedback.objects.get()
    assert stored.useful is True and stored.comment == "Lento"
    send_feedback(client, other)
    send_feedback(Client(), home)
    assert PageFeedback.objects.filter(page=home).count() == 2
    assert PageFeedback.objects.count() == 3

    forged = Client()
    forged.cookies["soacha_valoracion"] = f"{home.pk}:{stored.pk}"
    send_feedback(forged, home, useful="0")
    stored.refresh_from_db()
    assert stored.useful is True
    assert PageFeedback.objects.filter(page=home).count() == 3
