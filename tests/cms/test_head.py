"""What every page's <head> says (issue 13): an icon, so /favicon.ico is no 404; a meta
description from the search description or, failing that, the introduction; and ASCII
slugs for new pages."""

from django.contrib.staticfiles import finders

from wagtail.models import Page, Site

import pytest

from home.models import StandardPage

pytestmark = pytest.mark.django_db


def home():
    return Page.objects.get(pk=Site.objects.get(is_default_site=True).root_page_id)


def test_favicon_ico_redirects_to_the_svg_icon_that_exists(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("cms/img/favicon.svg")
    assert finders.find("cms/img/favicon.svg")


def test_every_page_links_the_icon(client, demo_site):
    html = client.get("/es/").content.decode()
    assert '<link rel="icon" href="/static/cms/img/favicon.svg" type="image/svg+xml">' in html


def make_page(slug, **fields):
    page = StandardPage(title="Nueva ciclovía en Compartir", slug=slug, **fields)
    home().add_child(instance=page)
    page.save_revision().publish()
    return page


def test_the_introduction_is_the_meta_description_without_a_search_description(client):
    page = make_page("ciclovia-intro", introduction="La nueva ciclovía une Compartir y León XIII.")
    html = client.get(page.url).content.decode()
    assert (
        '<meta name="description" content="La nueva ciclovía une Compartir y León XIII.">' in html
    )


def test_the_search_description_wins_and_long_text_is_cut(client):
    page = make_page("ciclovia-seo", introduction="Intro", search_description="Para buscadores.")
    assert (
        '<meta name="description" content="Para buscadores.">'
        in client.get(page.url).content.decode()
    )
    long = make_page("ciclovia-larga", introduction="palabra " * 60)
    html = client.get(long.url).content.decode()
    description = html.split('<meta name="description" content="', 1)[1].split('"', 1)[0]
    assert len(description) <= 160 and description.endswith("…")


def test_new_pages_get_ascii_slugs():
    page = StandardPage(title="Nueva ciclovía en Compartir: señalización")
    home().add_child(instance=page)
    assert page.slug == "nueva-ciclovia-en-compartir-senalizacion"
