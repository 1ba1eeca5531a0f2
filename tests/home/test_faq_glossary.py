"""FAQ page with schema.org FAQPage data, and the A–Z glossary."""

import json
import re

import pytest

from home.models import FaqPage, GlossaryPage, GlossaryTerm
from home.models.faq import initial

pytestmark = pytest.mark.django_db

FAQ_URL = "/es/atencion-ciudadania/preguntas-frecuentes/"
GLOSSARY_URL = "/es/atencion-ciudadania/glosario/"


def json_ld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD script in the page"
    return json.loads(match.group(1))


@pytest.mark.parametrize("url", [FAQ_URL, "/en/atencion-ciudadania/preguntas-frecuentes/"])
def test_faq_page_has_questions_and_faqpage_json_ld(client, demo_site, url):
    """The FAQ page lists its questions and describes them as a schema.org FAQPage."""
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1 and 'class="breadcrumbs' in html
    data = json_ld(html)
    assert data["@type"] == "FAQPage"
    assert len(data["mainEntity"]) >= 15
    first = data["mainEntity"][0]
    assert first["@type"] == "Question" and first["acceptedAnswer"]["text"]
    assert "<p>" not in first["acceptedAnswer"]["text"]


def test_faq_json_ld_cannot_be_broken_out_of(client, demo_site):
    """Editor text with </script> stays inside the JSON-LD (escaped, still valid JSON)."""
    page = FaqPage.objects.get(slug="preguntas-frecuentes", locale__language_code="es")
    page.questions = [
        ("question", {"question": "</script><script>alert(1)</script>", "answer": "<p>a & b</p>"})
    ]
    page.save_revision().publish()
    html = client.get(FAQ_URL).content.decode()
    assert "<script>alert(1)" not in html
    data = json_ld(html)
    assert data["mainEntity"][0]["name"] == "</script><script>alert(1)</script>"


@pytest.mark.parametrize("url", [GLOSSARY_URL, "/en/atencion-ciudadania/glosario/"])
def test_glossary_groups_terms_by_letter(client, demo_site, url):
    """The glossary has A–Z navigation linking to each letter that has terms."""
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="#letra-A"' in html and 'id="letra-A"' in html
    assert html.count("<dt ") >= 30
    assert 'href="#letra-Ñ"' not in html


def test_glossary_files_accented_terms_under_their_base_letter(demo_site):
    """ "Órgano" goes under O and a term starting with a digit under #."""
    assert initial("Órgano") == "O"
    assert initial("123") == "#"
    page = GlossaryPage.objects.get(slug="glosario", locale__language_code="es")
    GlossaryTerm.objects.create(page=page, term="Órgano de control", definition="<p>x</p>")
    letters = dict(page.get_context(None)["groups"])
    assert "Órgano de control" in [term.term for term in letters["O"]]
