"""Atom feeds of the lists: valid XML with the latest items first, linked from the
subscription page, public and cacheable (no cookie), in a bounded number of queries."""

from django.urls import reverse
from django.utils import translation

import pytest
from defusedxml import ElementTree as ET

ATOM = "{http://www.w3.org/2005/Atom}"

pytestmark = pytest.mark.django_db


def entries(response):
    root = ET.fromstring(response.content)  # raises on invalid XML
    assert root.tag == f"{ATOM}feed"
    return [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]


def test_the_news_feed_lists_the_latest_items_and_is_cacheable(
    client, demo_site, publish_news, django_assert_max_num_queries
):
    publish_news("Primera noticia del feed")
    publish_news("Segunda noticia del feed")
    with translation.override("es"):
        url = reverse("subscriptions:feed", args=["news"])  # the Spanish news room's
    with django_assert_max_num_queries(12):
        response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    titles = entries(response)
    assert titles[:2] == ["Segunda noticia del feed", "Primera noticia del feed"]
    assert len(titles) <= 20
    assert not response.cookies
    assert "public" in response["Cache-Control"] and "max-age=600" in response["Cache-Control"]


def test_every_list_has_a_valid_feed_and_an_unknown_one_is_not_found(client, demo_site):
    for key in ("news", "events", "participation"):
        response = client.get(reverse("subscriptions:feed", args=[key]))
        assert response.status_code == 200
        entries(response)
    assert client.get(reverse("subscriptions:feed", args=["nada"])).status_code == 404


def test_the_subscription_page_links_the_feeds(client, demo_site):
    html = client.get(reverse("subscriptions:subscribe")).content.decode()
    for key in ("news", "events", "participation"):
        href = reverse("subscriptions:feed", args=[key])
        assert '<link rel="alternate" type="application/atom+xml"' in html
        assert f'href="{href}"' in html
