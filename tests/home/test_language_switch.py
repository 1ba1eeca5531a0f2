"""The language switch keeps what the visitor is looking at: the filters and page of
a listing, the agenda's month and a RoutablePage's sub-page; the query string is
parsed and encoded again (never reflected raw) and costs no query."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from home.models import NewsPage

pytestmark = pytest.mark.django_db

SWITCH = re.compile(r'<a href="([^"]*)" hreflang="en" lang="en">')
HREFLANG_EN = re.compile(r'<link rel="alternate" hreflang="en" href="([^"]*)">')


def _switch(client, url, data=None):
    response = client.get(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    return SWITCH.search(html).group(1), HREFLANG_EN.search(html)


@pytest.fixture
def press_releases(news_index):
    for number in range(25):
        news_index.add_child(
            instance=NewsPage(
                title=f"Boletín de prueba {number}",
                slug=f"boletin-prueba-{number}",
                category="boletin",
                introduction="Texto.",
            )
        )
    return news_index


def test_filtered_news_list_keeps_the_filter(client, news_index):
    link, hreflang = _switch(client, news_index.url, {"categoria": "boletin"})
    assert link == "/en/noticias/actualidad/?categoria=boletin"
    # The hreflang alternate names the page itself, without the filters.
    assert hreflang.group(1) == "http://testserver/en/noticias/actualidad/"


def test_paged_filtered_news_list_keeps_filter_and_page(client, press_releases):
    link, _ = _switch(client, press_releases.url, {"categoria": "boletin", "page": "2"})
    assert link == "/en/noticias/actualidad/?categoria=boletin&amp;page=2"


def test_agenda_month_is_kept(client, event_index):
    link, _ = _switch(client, event_index.url, {"year": "2026", "month": "11"})
    assert link == "/en/noticias/agenda/?year=2026&amp;month=11"


def test_junk_in_the_query_is_encoded_not_reflected(client, news_index):
    link, _ = _switch(client, news_index.url + '?q="><script>alert(1)</script>&x=%ZZ')
    assert "<script" not in link and '"' not in link
    assert link.startswith("/en/noticias/actualidad/?q=%22%3E%3Cscript%3Ealert%281%29")


def test_an_overlong_query_is_dropped(client, news_index):
    link, _ = _switch(client, news_index.url, {"q": "x" * 3000})
    assert link == "/en/noticias/actualidad/"


def test_views_outside_wagtail_keep_the_query(client, demo_site):
    link, _ = _switch(client, "/es/buscar/", {"q": "secretaría"})
    assert link.endswith("?q=secretar%C3%ADa")
    assert link.startswith("/en/")


def _consultation():
    from participation.models import ConsultationPage

    return ConsultationPage


def _survey():
    from surveys.models import SurveyPage

    return SurveyPage


@pytest.mark.parametrize(
    ("model", "sub_path"),
    [(_consultation, "resultados/"), (_consultation, "matriz/"), (_survey, "resultados/")],
    ids=["consultation results", "consultation matrix", "survey results"],
)
def test_routable_sub_page_is_kept_in_the_translation(client, demo_site, model, sub_path):
    """A RoutablePage's sub-page (results, matrix…) switches to the same sub-page of
    the translation, which answers."""
    page = next(
        page
        for page in model().objects.live().filter(locale__language_code="es")
        if page.get_translations().live().filter(locale__language_code="en").exists()
    )
    english = page.get_translations().live().get(locale__language_code="en")
    link, hreflang = _switch(client, page.url + sub_path)
    assert link == english.url + sub_path
    assert hreflang.group(1) == "http://testserver" + english.url + sub_path
    assert client.get(link).status_code == 200


def test_untranslated_page_falls_back_home_without_sub_path_or_query(client, news_index):
    page = NewsPage(title="Solo en español", slug="solo-es", introduction="x")
    news_index.add_child(instance=page)
    link, hreflang = _switch(client, page.url, {"categoria": "boletin"})
    assert link == "/en/" and hreflang is None


def test_the_switch_costs_no_query(client, press_releases):
    """The query string and sub-path are worked out without touching the database."""
    client.get(press_releases.url)  # warm the shared navigation cache
    counts = []
    for query in ["?categoria=boletin&page=2", "?categoria=boletin&page=2&a=1&b=2&c=%22"]:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(press_releases.url + query).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_a_view_outside_wagtail_keeps_its_escaped_query(client, demo_site):
    """A view that is not a page (search) switches to the same view in English, with
    its query string parsed and encoded again."""
    response = client.get("/es/buscar/", {"q": 'a b"c'})
    match = SWITCH.search(response.content.decode())
    assert match, response.status_code
    assert match.group(1) == "/en/buscar/?q=a+b%22c"


@pytest.mark.parametrize("path", ["/es/no-existe-esta-pagina/", '/es/buscar/a b"c/'])
def test_the_404_page_switches_to_the_other_home(client, demo_site, path):
    """A 404 (a page path that names no page, or a path nothing resolves) offers the
    other language's home page, not the same missing path."""
    response = client.get(path)
    assert response.status_code == 404
    match = SWITCH.search(response.content.decode())
    assert match
    assert match.group(1) == "/en/"
