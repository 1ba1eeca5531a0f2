"""Fixtures for the usage tests: demo pages to count, and the beacon as a browser
sends it."""

from django.urls import reverse

from wagtail.models import Page

import pytest

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"


@pytest.fixture
def home_es(demo_site):
    return Page.objects.get(pk=demo_site.root_page_id)


@pytest.fixture
def news_pages(demo_site):
    """Live public Spanish pages of the demo below the home page (plenty of them)."""
    return list(
        Page.objects.live()
        .public()
        .filter(locale__language_code="es", depth__gt=2)
        .order_by("path")[:30]
    )


@pytest.fixture
def beacon(client):
    """POST the beacon for ``page_id`` as a browser would (URL-encoded, no cookie, no
    CSRF token); extra keyword arguments are request headers or a ``data`` override."""

    def send(page_id=None, data=None, agent=BROWSER, **headers):
        client.raise_request_exception = False
        body = {"page": str(page_id)} if data is None else data
        if agent is not None:
            headers["HTTP_USER_AGENT"] = agent
        return client.post(reverse("usage_beacon:view"), body, **headers)

    return send
