"""The demo command builds the Soacha site once and never duplicates it."""

import io

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from wagtail.documents.models import Document
from wagtail.models import Page

import pytest

from cms.models import EntitySettings
from cms.roles import STAFF_GROUPS

pytestmark = pytest.mark.django_db


def counts():
    return (
        Page.objects.count(),
        Document.objects.count(),
        get_user_model().objects.count(),
    )


def test_demo_command_is_idempotent(demo_site):
    """Running the command again creates nothing and keeps existing content."""
    before = counts()
    call_command("load_demo_content", stdout=io.StringIO())
    call_command("load_demo_content", stdout=io.StringIO())
    assert counts() == before


def test_demo_keeps_editor_changes(demo_site):
    """An editor's change to a demo page survives another `make run`."""
    page = Page.objects.get(slug="noticias", locale__language_code="es").specific
    page.title = "Noticias de Soacha"
    page.save_revision().publish()
    call_command("load_demo_content", stdout=io.StringIO())
    page.refresh_from_db()
    assert page.title == "Noticias de Soacha"


def test_demo_has_a_user_per_role(demo_site):
    """Each role has a demo login with a verified email address."""
    users = get_user_model().objects.filter(email__endswith="@soacha.example")
    groups = {name for user in users for name in user.groups.values_list("name", flat=True)}
    assert groups == set(STAFF_GROUPS)
    assert users.filter(is_superuser=True).count() == 1
    assert all(user.emailaddress_set.filter(verified=True).exists() for user in users)


def test_demo_fills_the_entity_settings(demo_site):
    """The footer data and the policy pages are set for the default site."""
    entity = EntitySettings.for_site(demo_site)
    assert entity.address.startswith("Calle 13 No. 7-30")
    assert entity.judicial_notifications_email
    assert entity.privacy_policy_page is not None
    assert entity.pqrsd_page is not None


def test_every_spanish_page_has_an_english_translation(demo_site):
    """The demo tree exists in both languages."""
    spanish = Page.objects.filter(locale__language_code="es", depth__gte=2)
    english = Page.objects.filter(locale__language_code="en", depth__gte=2)
    assert spanish.count() == english.count() > 15
    assert set(spanish.values_list("translation_key", flat=True)) == set(
        english.values_list("translation_key", flat=True)
    )


def test_demo_refused_where_not_allowed(settings):
    """Production (DEMO_CONTENT_ALLOWED False) never gets demo users."""
    settings.DEMO_CONTENT_ALLOWED = False
    with pytest.raises(CommandError, match="DEMO_CONTENT_ALLOWED"):
        call_command("load_demo_content")


def test_demo_publishes_an_answer_to_an_anonymous_petition(demo_site, client):
    """The public list of answers to anonymous petitions is not empty in the demo."""
    body = client.get("/es/pqrsd/respuestas-anonimas/").content.decode()
    assert "Contrato 045 de 2024" in body
    assert "Copia del contrato de alumbrado público" not in body  # the petition stays private
