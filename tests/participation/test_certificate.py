"""Participation certificates: a participant gets a printable certificate (and a
download), a signed-in non-participant a 403 that says why, a visitor the sign-in
page; the verification code is signed, so a forged one is refused."""

from datetime import timedelta

from django.core import signing
from django.utils import translation

import pytest

from participation import certificates
from participation.models import Comment, Reaction, SectionPosition
from tests.participation.conftest import make_debate
from tests.participation.results_consultations import (
    add_comment,
    add_position,
    close,
    make_consultation,
    sections,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("without_demo_contributions")]
VERIFY = "/es/participacion/certificados/verificar/"


def es(message):
    with translation.override("es"):
        return translation.gettext(message)


@pytest.fixture
def consultation(demo_site):
    from wagtail.models import Page

    home = Page.objects.get(pk=demo_site.root_page_id)
    page = make_consultation(home, "consulta-certificado", -timedelta(days=3), timedelta(days=12))
    return page


def cert_url(page):
    return page.url + "certificado/"


def code_in(html):
    return html.split('<p class="certificate__code"><code>', 1)[1].split("</code>", 1)[0]


def test_a_participant_gets_the_certificate_with_full_name(client, consultation, make_user):
    person = make_user("ana@certificado.example", first_name="Ana", last_name="Pérez Gómez")
    add_comment(consultation, person, "Mi observación", section=sections(consultation)[0])
    client.force_login(person)
    response = client.get(cert_url(consultation))
    html = response.content.decode()
    assert response.status_code == 200
    assert es("Certificate of participation") in html
    assert "Ana Pérez Gómez" in html and consultation.title in html
    assert "Alcaldía" in html  # the entity's name from its settings
    assert "certificate.css" in html and "<script" not in html
    assert response["Cache-Control"] == "private, no-store"
    assert "Content-Disposition" not in response
    payload = certificates.read_code(code_in(html).replace("&#x27;", "'"))
    assert payload["u"] == person.pk and payload["p"] == consultation.pk
    assert payload["n"] == "Ana Pérez Gómez"


def test_the_download_is_an_attachment(client, consultation, make_user):
    person = make_user("descarga@certificado.example")
    add_comment(consultation, person, "Otra observación")
    client.force_login(person)
    response = client.get(cert_url(consultation) + "?descargar=1")
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="certificado-participacion-consulta-certificado.html"'
    )
    assert "certificate-actions" not in response.content.decode()


def test_a_position_is_participation_and_the_nickname_stands_in_for_a_name(
    client, consultation, make_user
):
    person = make_user("apoyo@certificado.example")
    add_position(sections(consultation)[1], person, SectionPosition.SUPPORT)
    from participation.contributions import profile_for

    nickname = profile_for(person).nickname
    client.force_login(person)
    html = client.get(cert_url(consultation)).content.decode()
    assert f'<p class="certificate__name">{nickname}</p>' in html


def test_a_non_participant_gets_a_403_that_explains(client, consultation, make_user):
    author = make_user("autora@certificado.example")
    add_comment(consultation, author, "Publicada")
    hidden = make_user("oculta@certificado.example")
    add_comment(consultation, hidden, "Oculta", status=Comment.HIDDEN)
    for person in (make_user("nadie@certificado.example"), hidden):
        client.force_login(person)
        response = client.get(cert_url(consultation))
        assert response.status_code == 403
        html = response.content.decode()
        assert es("No participation certificate") in html
        assert "certificate__code" not in html


def test_a_visitor_is_sent_to_sign_in(client, consultation):
    response = client.get(cert_url(consultation))
    assert response.status_code == 302 and "/cuentas/login/" in response["Location"]


def test_a_code_verifies_and_a_forged_one_is_refused(client, consultation, make_user):
    person = make_user("verifica@certificado.example", first_name="Luis", last_name="Rojas")
    add_comment(consultation, person, "Observación")
    code = certificates.make_code(consultation.pk, person.pk, "Luis Rojas")
    response = client.get(VERIFY, {"codigo": code})
    html = response.content.decode()
    assert response.status_code == 200 and "Luis Rojas" in html and consultation.title in html
    assert es("Valid certificate") in html
    # the same payload with another name, signed with another key or salt, or junk
    forged = [
        signing.dumps(
            {"p": consultation.pk, "u": person.pk, "n": "Otra Persona", "d": "2026-01-01"},
            salt="otra-sal",
            compress=True,
        ),
        code[:-3] + ("abc" if not code.endswith("abc") else "xyz"),
        code.replace(
            code.split(":")[0],
            signing.b64_encode(b'{"p":1,"u":1,"n":"X","d":"2026-01-01"}').decode(),
        ),
        "no-es-un-codigo",
        "x" * 5000,
    ]
    for bad in forged:
        response = client.get(VERIFY, {"codigo": bad})
        html = response.content.decode()
        assert response.status_code == 404, bad
        assert es("Code not valid") in html and es("Valid certificate") not in html
        assert "Otra Persona" not in html


def test_the_verification_page_without_a_code_shows_the_form(client):
    response = client.get(VERIFY)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<label for="id_codigo">' in html and es("Code not valid") not in html


def test_a_code_for_an_unpublished_process_is_refused(client, consultation, make_user):
    person = make_user("despublicada@certificado.example")
    code = certificates.make_code(consultation.pk, person.pk, "Nombre")
    consultation.unpublish()
    assert client.get(VERIFY, {"codigo": code}).status_code == 404


def test_a_closed_consultation_still_certifies(client, consultation, make_user):
    person = make_user("cerrada@certificado.example")
    add_comment(consultation, person, "Antes del cierre")
    close(consultation)
    client.force_login(person)
    assert client.get(cert_url(consultation)).status_code == 200


def test_debate_certificate(client, debate_index, make_user):
    debate = make_debate(debate_index, "debate-cert", -timedelta(days=2), timedelta(days=3))
    author = make_user("debate@certificado.example")
    reactor = make_user("reacciona@certificado.example")
    comment = add_comment(debate, author, "Opinión")
    Reaction.objects.create(comment=comment, user=reactor, value=Reaction.AGREE)
    for person in (author, reactor):
        client.force_login(person)
        response = client.get(debate.url + "certificado/?descargar=1")
        assert response.status_code == 200
        assert "certificado-participacion-debate-cert.html" in response["Content-Disposition"]
    client.force_login(make_user("ajena@certificado.example"))
    assert client.get(debate.url + "certificado/").status_code == 403
