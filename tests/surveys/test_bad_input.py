"""Junk sent to the poll and feedback endpoints gets a clear answer, never a 500, and
nothing is saved from a request that is refused (issue 9, item 5)."""

from django.contrib.messages import get_messages
from django.test import Client

from wagtail.models import Page

import pytest

from surveys.models import PageFeedback, PollVote
from tests.surveys.test_poll_feedback import poll_page  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

SAME_SITE = {"HTTP_ORIGIN": "http://testserver"}


@pytest.fixture
def stranger():
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("page", ["abc", "-3", "1.5", "99999999999999999999", ""])
def test_feedback_with_a_page_that_is_not_a_number_is_a_400(stranger, page):
    """No Origin or CSRF is needed to reach this check: it must not crash."""
    response = stranger.post("/es/encuestas/valoracion/", {"page": page, "feedback-useful": "1"})
    assert response.status_code == 400
    assert "Esta página no admite opiniones." in response.content.decode()
    assert not PageFeedback.objects.exists()


@pytest.mark.parametrize("next_url", ["abc", "mis-cosas", "javascript:alert(1)", "//malo.example/"])
def test_feedback_with_a_next_that_is_not_a_path_goes_back_to_the_page(
    stranger, demo_site, next_url
):
    page = Page.objects.get(pk=demo_site.root_page_id)
    payload = {"page": page.pk, "feedback-useful": "1", "next": next_url}
    response = stranger.post("/es/encuestas/valoracion/", payload, **SAME_SITE)
    assert response.status_code == 302 and response["Location"] == page.url
    assert PageFeedback.objects.count() == 1


def test_vote_with_a_next_that_is_not_a_path_goes_back_to_the_page(stranger, poll_page):  # noqa: F811
    payload = {"page": poll_page.pk, "poll": "poll-1", "option": "o-1", "next": "abc"}
    response = stranger.post("/es/encuestas/votar/", payload, **SAME_SITE)
    assert response.status_code == 302
    assert response["Location"] == f"{poll_page.url}#encuesta-poll-1"
    assert PollVote.objects.count() == 1


def test_vote_for_an_unknown_poll_with_a_bad_next_is_refused_with_a_message(stranger, demo_site):
    page = Page.objects.get(pk=demo_site.root_page_id)
    payload = {"page": page.pk, "poll": "nada", "option": "x", "next": "abc"}
    response = stranger.post("/es/encuestas/votar/", payload, **SAME_SITE)
    assert response.status_code == 302 and response["Location"] == f"{page.url}#encuesta-nada"
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Escoja una de las opciones de la encuesta."
    ]
    assert not PollVote.objects.exists()


@pytest.mark.parametrize("page", ["abc", "-1", "99999999999999999999"])
def test_vote_with_a_page_that_is_not_a_number_is_a_400(stranger, page):
    response = stranger.post(
        "/es/encuestas/votar/", {"page": page, "poll": "p", "option": "o"}, **SAME_SITE
    )
    assert response.status_code == 400
    assert not PollVote.objects.exists()
