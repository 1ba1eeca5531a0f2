"""Fixtures for the subscriptions tests: the Spanish newsroom, a way to publish a news
item, and a confirmed subscriber."""

import re

from django.core import mail
from django.utils.text import slugify

from wagtail.models import Locale

import pytest

from subscriptions import services


@pytest.fixture
def newsroom(demo_site):
    from home.models import NewsIndexPage

    return (
        NewsIndexPage.objects.live().filter(locale=Locale.objects.get(language_code="es")).first()
    )


@pytest.fixture
def publish_news(newsroom, django_capture_on_commit_callbacks):
    """Publish a new news item (its first publication), running what is queued on commit."""
    from home.models import NewsPage

    def publish(title, **fields):
        page = NewsPage(title=title, slug=slugify(title), introduction=f"{title}.", **fields)
        with django_capture_on_commit_callbacks(execute=True):
            newsroom.add_child(instance=page)
            page.save_revision().publish()
        return page

    return publish


@pytest.fixture
def subscribe(django_capture_on_commit_callbacks):
    """Subscribe an address; returns (subscription, confirmation link's token)."""

    def make(email, list_key="news", language="es", confirm=True, **kwargs):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            subscription = services.subscribe(email, list_key, language=language, **kwargs)
        token = confirmation_token(mail.outbox[-1]) if mail.outbox else None
        if confirm:
            assert services.confirm(token)[0] == services.CONFIRMED
            subscription.refresh_from_db()
        mail.outbox.clear()
        return subscription, token

    return make


def confirmation_token(message):
    return re.search(r"/suscripciones/confirmar/([^/\s]+)/", message.body).group(1)


def messages_to(email):
    return [message for message in mail.outbox if email in message.to]
