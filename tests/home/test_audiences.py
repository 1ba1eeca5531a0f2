"""Children's section and pages by audience list the content tagged for each group."""

import pytest

from cms.models import Audience
from home.models import NewsPage

pytestmark = pytest.mark.django_db

# Fixed per listing: the same bound holds with 5 and with 200 items.
LISTING_QUERY_BOUND = 16

GROUPS = "/es/atencion-ciudadania/grupos-de-interes/"


@pytest.mark.parametrize(
    "slug",
    [
        "ninos-ninas-y-adolescentes",
        "mujeres",
        "personas-con-discapacidad",
        "victimas",
        "personas-mayores",
    ],
)
def test_every_audience_has_a_page_in_both_languages(client, demo_site, slug):
    """Each of the five legal audiences has a page in Spanish and English."""
    for language in ("es", "en"):
        url = GROUPS.replace("/es/", f"/{language}/") + slug + "/"
        response = client.get(url)
        assert response.status_code == 200, url
        assert 'class="last-updated"' in response.content.decode()


def test_audience_page_lists_tagged_content_only(client, demo_site):
    """The women's page lists news tagged for women and not other news."""
    html = client.get(GROUPS + "mujeres/").content.decode()
    assert "Feria navideña de mujeres emprendedoras en el parque principal" in html
    assert "Nuevo CAI de policía en Ciudad Verde" not in html


def test_english_audience_page_lists_english_content(client, demo_site):
    """The English audience page lists the English translations."""
    html = client.get(GROUPS.replace("/es/", "/en/") + "mujeres/").content.decode()
    assert "Christmas fair of women entrepreneurs in the main park" in html
    assert "Feria navideña de mujeres emprendedoras en el parque principal" not in html


@pytest.mark.parametrize("extra", [5, 200])
def test_audience_page_query_count_does_not_grow(
    client, demo_site, add_news, django_assert_max_num_queries, extra
):
    """The audience page takes the same bounded number of queries with 5 or 200 tagged items."""
    from home.models import NewsIndexPage

    index = NewsIndexPage.objects.get(slug="actualidad", locale__language_code="es")
    add_news(index, extra)
    women = Audience.objects.get(slug="mujeres")
    for page in NewsPage.objects.filter(slug__startswith="prueba-"):
        page.audiences.add(women)
        page.save()
    with django_assert_max_num_queries(LISTING_QUERY_BOUND):
        response = client.get(GROUPS + "mujeres/")
    assert response.status_code == 200


@pytest.mark.parametrize("language", ["es", "en"])
def test_children_section(client, demo_site, language):
    """The children's section renders with its pages and content for children."""
    response = client.get(f"/{language}/atencion-ciudadania/ninos-y-ninas/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="kids"' in html
    assert "que-hace-la-alcaldia/" in html
