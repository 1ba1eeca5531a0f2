"""The tracking pages hold personal data: never cached, no Referer, and the tracking
code never stays in a URL (POST form; the e-mail's GET link redirects it away)."""

from django.test import Client
from django.urls import reverse

import pytest

from pqr import workflow
from pqr.models import Rating, Status

pytestmark = pytest.mark.django_db

TRACK = "/es/pqrsd/consulta/"


def assert_private(response, referrer_policy="same-origin"):
    """Never cached; the address never sent to another site (``same-origin`` keeps the
    Origin header that the CSRF check of the pages' own forms needs)."""
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control, response["Cache-Control"]
    assert response["Referrer-Policy"] == referrer_policy


def test_lookup_is_a_post_form_with_csrf(demo_site, client):
    body = client.get(TRACK).content.decode()
    assert f'<form method="post" action="{TRACK}"' in body
    assert 'name="csrfmiddlewaretoken"' in body


def test_post_lookup_redirects_to_a_url_without_the_code(demo_site, client, make_case):
    case = make_case()
    response = client.post(TRACK, {"radicado": case.radicado, "codigo": case.code})
    assert response.status_code == 302
    assert response["Location"] == reverse("pqr:tracked", args=[case.radicado])
    assert case.code not in response["Location"]
    assert_private(response, "no-referrer")
    page = client.get(response["Location"])
    assert page.status_code == 200 and case.subject in page.content.decode()
    assert case.code not in page.content.decode()
    assert_private(page)


def test_email_link_with_the_code_is_redirected_away(demo_site, client, make_case):
    case = make_case()
    response = client.get(TRACK, {"radicado": case.radicado, "codigo": case.code})
    assert response.status_code == 302
    assert case.code not in response["Location"]
    assert_private(response, "no-referrer")
    assert case.subject in client.get(response["Location"]).content.decode()


def test_the_case_url_needs_the_code_first(demo_site, client, make_case):
    """Another browser with the bare case URL gets the empty lookup form, not the case."""
    case = make_case()
    client.post(TRACK, {"radicado": case.radicado, "codigo": case.code})
    stranger = Client()
    response = stranger.get(reverse("pqr:tracked", args=[case.radicado]))
    assert response.status_code == 302 and response["Location"] == TRACK
    assert case.subject not in stranger.get(TRACK).content.decode()


def test_lookup_refuses_a_post_without_csrf(demo_site, make_case):
    case = make_case()
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(TRACK, {"radicado": case.radicado, "codigo": case.code})
    assert response.status_code == 403


def test_rating_after_a_lookup_needs_no_code_in_the_page(demo_site, client, make_case, superuser):
    case = make_case()
    workflow.transition(case, Status.ANSWERED, superuser, answer="Respuesta.")
    page = client.post(TRACK, {"radicado": case.radicado, "codigo": case.code}, follow=True)
    assert 'name="codigo"' not in page.content.decode()
    response = client.post(reverse("pqr:rate"), {"radicado": case.radicado, "score": "5"})
    assert response.status_code == 302 and case.code not in response["Location"]
    assert Rating.objects.get(case=case).score == 5
    assert Client().post(reverse("pqr:rate"), {"radicado": case.radicado}).status_code == 404


@pytest.mark.parametrize("name", ["my_cases", "my_case", "acknowledgement", "track", "file"])
def test_every_page_with_personal_data_is_private(demo_site, client, make_case, citizen, name):
    case = make_case()
    case.user = citizen
    case.save()
    client.force_login(citizen)
    args = [case.radicado] if name in {"my_case", "acknowledgement"} else []
    response = client.get(reverse(f"pqr:{name}", args=args))
    assert response.status_code == 200
    assert_private(response)


def test_complete_and_rate_responses_are_private(demo_site, client, make_case):
    case = make_case()
    for name in ("complete", "rate"):
        data = {"radicado": case.radicado, "codigo": case.code}
        response = client.post(reverse(f"pqr:{name}"), data)
        assert response.status_code in {302, 400}
        assert_private(response)
