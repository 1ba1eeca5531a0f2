"""Passwords of private pages and document collections (Wagtail view restrictions)
cannot be guessed without limit: 10 a minute per client and restriction, then a
translated 429 page, even for the right password; other clients are unaffected."""

from django.core.files.base import ContentFile
from django.test import Client

from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

import pytest

from home.models import StandardPage

pytestmark = pytest.mark.django_db

SECRET = "clave-del-concejo"
ATTACKER = "198.51.100.66"
NEIGHBOUR = "198.51.100.77"


@pytest.fixture
def private_page(demo_site):
    page = StandardPage.objects.get(slug="noticias", locale__language_code="es")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=SECRET
    )
    return page, f"/es/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"


@pytest.fixture
def private_document(demo_site):
    collection = Collection.get_first_root_node().add_child(name="Actas reservadas")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password=SECRET
    )
    document = Document.objects.create(
        title="Acta 7", collection=collection, file=ContentFile(b"acta", name="acta-7.txt")
    )
    return document, f"/documentos/authenticate_with_password/{restriction.pk}/"


@pytest.fixture(autouse=True)
def daily_window(settings):
    """The default is 10 a minute (checked below); django-ratelimit counts in fixed
    windows, and a day-long one keeps a slow run from crossing a window edge."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "view_restriction_guess": "10/d"}


def test_default_limit_is_ten_a_minute():
    from cms.settings import base

    assert base.RATE_LIMITS["view_restriction_guess"] == "10/m"


def guess(client, url, password, address, return_url):
    return client.post(url, {"password": password, "return_url": return_url}, REMOTE_ADDR=address)


def test_page_password_guesses_are_limited(client, private_page):
    page, url = private_page
    statuses = [
        guess(client, url, f"intento-{n}", ATTACKER, page.url).status_code for n in range(11)
    ]
    assert statuses[:10] == [200] * 10
    assert statuses[10] == 429

    response = guess(client, url, SECRET, ATTACKER, page.url)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Demasiados intentos" in html
    assert "no-cache" in response["Cache-Control"]
    assert 'name="password"' in client.get(page.url, REMOTE_ADDR=ATTACKER).content.decode()

    neighbour = Client()
    response = guess(neighbour, url, SECRET, NEIGHBOUR, page.url)
    assert response.status_code == 302
    assert neighbour.get(page.url, REMOTE_ADDR=NEIGHBOUR).status_code == 200


def test_collection_password_guesses_are_limited(client, private_document):
    document, url = private_document
    target = document.url
    statuses = [guess(client, url, f"intento-{n}", ATTACKER, target).status_code for n in range(11)]
    assert statuses[:10] == [200] * 10
    assert statuses[10] == 429
    assert guess(client, url, SECRET, ATTACKER, target).status_code == 429

    neighbour = Client()
    response = guess(neighbour, url, SECRET, NEIGHBOUR, target)
    assert response.status_code == 302
    assert response["Location"] == target


def test_english_429_page(client, private_page, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "view_restriction_guess": "1/d"}
    page, url = private_page
    url = url.replace("/es/", "/en/")
    guess(client, url, "uno", ATTACKER, page.url)
    response = guess(client, url, "dos", ATTACKER, page.url)
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
