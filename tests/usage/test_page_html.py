"""Every public Wagtail page carries its id for the beacon, the same HTML for every
visitor; the beacon script is the site's own portal.js; previews and other views
carry nothing."""

import re
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse

from wagtail.models import Page

import pytest

pytestmark = pytest.mark.django_db


def body_attributes(html):
    return re.search(r"<body([^>]*)>", html).group(1)


def test_a_page_names_its_id_and_the_beacon(client, news_pages):
    page = news_pages[0]
    html = client.get(page.url).content.decode()
    attributes = body_attributes(html)
    assert f'data-page-id="{page.pk}"' in attributes
    assert f'data-usage-url="{reverse("usage_beacon:view")}"' in attributes
    assert re.search(r'<script src="[^"]*cms/js/portal[.\w]*\.js"', html)


def test_the_html_is_the_same_signed_in_or_not_but_for_the_user(client, home_es, editor):
    anonymous = body_attributes(client.get(home_es.url).content.decode())
    client.force_login(editor)
    signed_in = body_attributes(client.get(home_es.url).content.decode())
    assert anonymous == signed_in
    assert f'data-page-id="{home_es.pk}"' in anonymous


def test_the_english_page_names_its_own_id(client, home_es):
    en = Page.objects.get(translation_key=home_es.translation_key, locale__language_code="en")
    html = client.get(en.url).content.decode()
    assert f'data-page-id="{en.pk}"' in body_attributes(html)


def test_views_that_are_not_pages_carry_no_id(client):
    for url in ("/es/pqrsd/", "/es/estadisticas-de-uso/", "/es/buscar/?q=agua"):
        attributes = body_attributes(client.get(url).content.decode())
        assert "data-page-id" not in attributes, url


def test_a_preview_carries_no_id(client, home_es, editor):
    client.force_login(editor)
    home_es.specific.save_revision()
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[home_es.pk]))
    assert response.status_code == 200
    assert "data-page-id" not in body_attributes(response.content.decode())


def test_portal_js_sends_the_beacon_without_cookies_or_tracking():
    script = Path(finders.find("cms/js/portal.js")).read_text(encoding="utf-8")
    assert 'getAttribute("data-page-id")' in script
    assert 'getAttribute("data-usage-url")' in script
    assert "navigator.sendBeacon(url, new URLSearchParams({ page: page }))" in script
    assert "navigator.globalPrivacyControl" in script and "navigator.doNotTrack" in script
    assert "document.cookie" not in script and "localStorage" not in script
    assert settings.CSRF_COOKIE_NAME not in script


def test_with_counting_off_pages_carry_no_beacon(client, home_es, settings):
    settings.USAGE_COUNTING = False
    attributes = body_attributes(client.get(home_es.url).content.decode())
    assert "data-page-id" not in attributes
    assert "data-usage-url" not in attributes
