"""The demo editors' picks load once and respect editors' changes."""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

import pytest

from search import demo

pytestmark = pytest.mark.django_db


class Loader:
    def __init__(self, site):
        from wagtail.models import Locale

        self.home = site.root_page
        self.es = Locale.objects.get(language_code="es")


def test_demo_picks_are_idempotent(demo_site):
    """Loading the picks again creates nothing; every demo query has a pick."""
    assert demo.load(Loader(demo_site)) == 0
    assert SearchPromotion.objects.filter(query__query_string="pqrsd").exists()


def test_demo_keeps_editors_changes(demo_site):
    """A query whose picks an editor removed and replaced is left alone."""
    query = Query.get("pqr")
    query.editors_picks.all().delete()
    SearchPromotion.objects.create(
        query=query, external_link_url="https://www.gov.co/", external_link_text="GOV.CO"
    )
    demo.load(Loader(demo_site))
    assert list(query.editors_picks.values_list("external_link_text", flat=True)) == ["GOV.CO"]


def test_pick_is_shown_in_english_as_its_translation(client, demo_site):
    """A pick of a Spanish page shows its English translation on /en/."""
    response = client.get("/en/buscar/", {"q": "pqrsd"})
    picks = response.context["promotions"]
    assert picks and all(pick.page.locale.language_code == "en" for pick in picks)
