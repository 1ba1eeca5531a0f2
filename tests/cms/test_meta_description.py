"""Pages a search engine lists carry a meta description (Lighthouse's SEO audit): the
page's own for Wagtail pages, the view's for the PQRSD form and search results."""

import re

import pytest

from home.models import HomePage, NewsPage
from surveys.models import SurveyPage

pytestmark = pytest.mark.django_db

DESCRIPTION = re.compile(r'<meta name="description" content="([^"]{20,})">')


def urls():
    pages = [
        model.objects.live().filter(locale__language_code=language).first()
        for model in (HomePage, NewsPage, SurveyPage)
        for language in ("es", "en")
    ]
    return [
        *(page.url for page in pages),
        "/es/pqrsd/",
        "/en/pqrsd/",
        "/es/buscar/?q=agua",
        "/en/buscar/?q=water",
        "/es/buscar/",
    ]


def test_key_pages_and_views_have_one_meta_description(client, demo_site):
    for url in urls():
        response = client.get(url)
        assert response.status_code == 200, url
        assert len(DESCRIPTION.findall(response.content.decode())) == 1, url
