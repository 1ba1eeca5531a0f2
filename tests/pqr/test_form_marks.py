"""The PQRSD forms' markup (issue 13): required marks that follow the anonymous choice,
a signed-in citizen's prefilled contact details, the rating form and its errors."""

import copy

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

import pytest
from bs4 import BeautifulSoup

from pqr import workflow
from pqr.models import Case, Rating, Status

pytestmark = pytest.mark.django_db

URL = "/{lang}/pqrsd/"


def _soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def _visible_label_text(soup, field_id):
    """The label's text without its ``hidden`` parts (what is read without JS)."""
    label = copy.copy(soup.find("label", attrs={"for": field_id}))
    for part in label.find_all(attrs={"hidden": True}):
        part.decompose()
    return " ".join(label.get_text().split())


@pytest.mark.parametrize("lang", ["es", "en"])
def test_contact_labels_state_the_rule(demo_site, client, lang):
    """Without JS, name, email and address say in words when they are required (not a
    bare "(optional)" the server then contradicts); the inputs carry the rule for JS."""
    soup = _soup(client.get(URL.format(lang=lang)))
    with translation.override(lang):
        optional = f"({gettext('optional')})"
        rules = {
            "id_name": ("identified", gettext("required if the petition is not anonymous")),
            "id_email": (
                "email",
                gettext("required if the petition is not anonymous and the answer goes by email"),
            ),
            "id_address": (
                "postal",
                gettext(
                    "required if the petition is not anonymous and the answer goes by postal mail"
                ),
            ),
        }
    for field_id, (when, rule) in rules.items():
        text = _visible_label_text(soup, field_id)
        assert f"({rule})" in text
        assert optional not in text
        assert soup.find(id=field_id)["data-required-when"] == when
        # The marks the script shows once the choice is known, translated.
        label = soup.find("label", attrs={"for": field_id})
        marks = {m["data-mark"]: m for m in label.find_all(attrs={"data-mark": True})}
        assert set(marks) == {"rule", "required", "optional"}
        assert marks["optional"].has_attr("hidden") and marks["required"].has_attr("hidden")
    # Really optional fields keep their plain mark.
    assert optional in _visible_label_text(soup, "id_phone")


def test_missing_name_message_is_clear_and_translated(demo_site, client, valid_post):
    response = client.post(URL.format(lang="es"), {**valid_post, "name": ""})
    soup = _soup(response)
    with translation.override("es"):
        message = gettext("Give your name, or file anonymously.")
    assert message != "Give your name, or file anonymously."
    assert soup.find(id="id_name_errors").get_text(strip=True) == message
    assert soup.select_one("[data-error-summary] a[href='#id_name']") is not None
    assert not Case.objects.filter(subject=valid_post["subject"]).exists()


def test_signed_in_citizen_is_prefilled(demo_site, client, make_user):
    user = make_user("prefill@test.example", first_name="Ana", last_name="Pérez")
    client.force_login(user)
    soup = _soup(client.get(URL.format(lang="es")))
    assert soup.find(id="id_name")["value"] == "Ana Pérez"
    assert soup.find(id="id_email")["value"] == "prefill@test.example"


def test_anonymous_visitor_is_not_prefilled(demo_site, client):
    soup = _soup(client.get(URL.format(lang="es")))
    assert not soup.find(id="id_name").get("value")
    assert not soup.find(id="id_email").get("value")


def test_prefill_never_overrides_what_was_typed(demo_site, client, make_user, valid_post):
    """After an error the form shows what the citizen sent, even an emptied field."""
    user = make_user("typed@test.example", first_name="Ana", last_name="Pérez")
    client.force_login(user)
    data = {**valid_post, "name": "Otra Persona", "email": "", "subject": ""}
    soup = _soup(client.post(URL.format(lang="es"), data))
    assert soup.find(id="id_name")["value"] == "Otra Persona"
    assert not soup.find(id="id_email").get("value")


def test_nothing_typed_is_lost_after_an_error(demo_site, client, valid_post):
    data = {**valid_post, "consent": "", "address": "Calle 13 # 7-30", "answer_channel": "postal"}
    soup = _soup(client.post(URL.format(lang="es"), data))
    assert soup.find(id="id_description").get_text().strip() == valid_post["description"]
    assert soup.find(id="id_subject")["value"] == valid_post["subject"]
    assert soup.find(id="id_name")["value"] == valid_post["name"]
    assert soup.find(id="id_email")["value"] == valid_post["email"]
    assert soup.find(id="id_phone")["value"] == valid_post["phone"]
    assert soup.find(id="id_address")["value"] == "Calle 13 # 7-30"
    assert soup.find(id="id_id_number")["value"] == valid_post["id_number"]
    assert soup.find("input", attrs={"name": "answer_channel", "value": "postal"}).has_attr(
        "checked"
    )


@pytest.fixture
def answered(make_case, superuser):
    case = make_case()
    workflow.transition(case, Status.ANSWERED, superuser, answer="Respuesta publicada.")
    return case


def _rating_section(client, case, lang="en"):
    query = {"radicado": case.radicado, "codigo": case.code}
    response = client.post(f"/{lang}/pqrsd/consulta/", query, follow=True)
    return _soup(response).find(id="rating")


@pytest.mark.parametrize("lang", ["es", "en"])
def test_rating_form_has_no_empty_choice_and_one_optional_mark(demo_site, client, answered, lang):
    section = _rating_section(client, answered, lang)
    scores = section.find_all("input", attrs={"name": "score"})
    assert [s["value"] for s in scores] == ["1", "2", "3", "4", "5"]
    assert all(s["type"] == "radio" and not s.has_attr("checked") for s in scores)
    assert "---------" not in section.get_text()
    with translation.override(lang):
        optional = f"({gettext('optional')})"
    label = " ".join(section.find("label", attrs={"for": "id_comment"}).get_text().split())
    assert label.count(optional) == 1


def test_invalid_rating_keeps_comment_and_links_the_error(demo_site, client, answered):
    query = {"radicado": answered.radicado, "codigo": answered.code}
    response = client.post(reverse("pqr:rate"), {**query, "comment": "Muy lenta"})
    assert response.status_code == 400
    section = _soup(response).find(id="rating")
    summary = section.select_one("[data-error-summary]")
    assert summary is not None and summary.find("a")["href"] == "#id_score_0"
    with translation.override("es"):
        assert gettext("Choose a rating from 1 to 5.") in summary.get_text()
    assert section.find(id="id_comment").get_text().strip() == "Muy lenta"
    assert not Rating.objects.filter(case=answered).exists()
