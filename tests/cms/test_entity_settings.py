"""The entity settings in the header and footer: texts in the reader's language, the
entity's logo with its text alternative, and the GOV.CO bar's logotype."""

import re

from django.utils import translation

from wagtail.images import get_image_model

import pytest

from cms.models import EntitySettings

pytestmark = pytest.mark.django_db


def fragment(html, tag, css_class):
    match = re.search(rf'<{tag} class="{css_class}".*?</{tag}>', html, re.S)
    assert match, f"no <{tag} class={css_class!r}>"
    return match.group(0)


@pytest.fixture
def entity(demo_site):
    return EntitySettings.for_site(demo_site)


@pytest.mark.parametrize(("language", "other"), [("es", "en"), ("en", "es")])
def test_footer_shows_the_opening_hours_of_the_page_language(client, entity, language, other):
    """English pages show the English opening hours, Spanish pages the Spanish ones."""
    footer = fragment(client.get(f"/{language}/").content.decode(), "footer", "site-footer")
    hours = getattr(entity, f"opening_hours_{language}")
    assert hours and hours in footer
    assert getattr(entity, f"opening_hours_{other}") not in footer
    assert "lang=" not in footer.split(hours)[0].rsplit("<p>", 1)[-1]


def test_english_footer_falls_back_to_the_spanish_hours_marked_as_spanish(client, entity):
    """Without an English text the Spanish one is shown, in a lang="es" element."""
    entity.opening_hours_en = ""
    entity.save()
    footer = fragment(client.get("/en/").content.decode(), "footer", "site-footer")
    assert f'<span lang="es">{entity.opening_hours_es}</span>' in footer


@pytest.mark.parametrize("language", ["es", "en"])
def test_header_footer_and_title_name_the_entity_in_the_page_language(client, entity, language):
    """The entity's name in the header, footer and <title> is the page language's."""
    html = client.get(f"/{language}/").content.decode()
    name = getattr(entity, f"entity_name_{language}")
    assert f'<span class="site-brand__name">{name}</span>' in html
    assert f'<h2 id="footer-entity" class="site-footer__title">{name}</h2>' in html
    assert re.search(rf"<title>[^<]*\| {re.escape(name)}</title>", html)


def test_english_header_falls_back_to_the_spanish_name_marked_as_spanish(client, entity):
    """Without an English name the Spanish one shows, marked lang="es"."""
    entity.entity_name_en = ""
    entity.save()
    html = client.get("/en/").content.decode()
    assert f'<span class="site-brand__name" lang="es">{entity.entity_name_es}</span>' in html


def test_opening_hours_follow_the_active_language(entity):
    """``opening_hours`` reads the field of the active language."""
    with translation.override("en"):
        assert entity.opening_hours == entity.opening_hours_en
        assert entity.opening_hours.lang == "en"
    with translation.override("es"):
        assert entity.opening_hours == entity.opening_hours_es


def test_demo_fills_both_languages_and_the_logo(entity):
    """The demo gives the entity its English texts and a placeholder coat of arms."""
    assert entity.entity_name_en == "Soacha City Hall"
    assert entity.opening_hours_en.startswith("Monday to Friday")
    assert entity.opening_hours_es.startswith("Lunes a viernes")
    assert entity.logo is not None and entity.logo.is_svg()
    assert entity.logo_alt_text_es and entity.logo_alt_text_en


@pytest.mark.parametrize("language", ["es", "en"])
def test_header_shows_the_logo_with_its_text_alternative(client, entity, language):
    """The logo is in the header's brand link, its alt text from the settings."""
    header = fragment(client.get(f"/{language}/").content.decode(), "header", "site-header")
    brand = fragment(header, "a", "site-brand")
    image = re.search(r"<img [^>]*>", brand).group(0)
    assert f'alt="{getattr(entity, f"logo_alt_text_{language}")}"' in image
    assert 'class="site-brand__logo"' in image
    assert ".svg" in image


def test_header_without_a_logo_shows_only_the_name(client, entity):
    """An entity without a logo keeps its name and no broken image."""
    logo = entity.logo
    entity.logo = None
    entity.save()
    header = fragment(client.get("/es/").content.decode(), "header", "site-header")
    assert "<img" not in header
    assert entity.entity_name in header
    assert get_image_model().objects.filter(pk=logo.pk).exists()


def test_govco_bar_is_the_logotype_linking_to_gov_co(client, demo_site):
    """The GOV.CO bar holds a named SVG logotype in a link to www.gov.co, no plain text."""
    html = client.get("/en/").content.decode()
    bar = fragment(html, "div", "govco-bar")
    link = re.search(r'<a class="govco-bar__logo" href="https://www.gov.co">(.*?)</a>', bar, re.S)
    assert link, bar
    svg = link.group(1)
    assert svg.startswith("<svg") and 'role="img"' in svg
    labelled_by = re.search(r'aria-labelledby="([^"]+)"', svg).group(1)
    with translation.override("en"):
        label = translation.gettext("Portal of the Colombian State - GOV.CO")
    assert f'<title id="{labelled_by}">{label}</title>' in svg
    assert re.sub(r"<title.*?</title>", "", svg).count("GOV.CO") == 0
