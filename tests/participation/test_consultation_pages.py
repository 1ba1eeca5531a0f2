"""The consultation pages: the index in phase order, the main page (status, timeline,
the draft section by section with its counts, the short-window justification), a
section's page and an earlier version's page, corrections that keep comments on the
version they were written on, translations that show the same participation, and the
15-day rule of ConsultationPage.clean."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.utils import timezone, translation

import pytest

from participation import contributions
from participation.consultation_contexts import consultation_context
from participation.models import Comment, ConsultationOutcome, SectionPosition
from tests.participation.conftest import SECTION_TEXTS, make_consultation, sections_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("without_demo_contributions")]


def es(message):
    with translation.override("es"):
        return translation.gettext(message)


def test_the_index_lists_open_then_announced_under_review_and_concluded(client, consultation_index):
    concluded = make_consultation(
        consultation_index, "c-concluida", -timedelta(days=40), -timedelta(days=20)
    )
    ConsultationOutcome.objects.create(page=concluded, matrix_published_at=timezone.now())
    review = make_consultation(
        consultation_index, "c-revision", -timedelta(days=30), -timedelta(days=2)
    )
    announced = make_consultation(
        consultation_index, "c-anunciada", timedelta(days=3), timedelta(days=30)
    )
    opened = make_consultation(consultation_index, "c-abierta", -timedelta(days=1), timedelta(20))
    html = client.get(consultation_index.url).content.decode()
    where = [html.index(page.url) for page in (opened, announced, review, concluded)]
    assert where == sorted(where)
    assert "phase-badge--under_review" in html and "phase-badge--concluded" in html


def test_the_index_pages_junk_page_numbers_without_an_error(client, consultation_index):
    response = client.get(consultation_index.url + "?page=abc")
    assert response.status_code == 200


def test_the_page_shows_status_timeline_sections_and_counts(client, open_consultation, citizens):
    sections = sections_of(open_consultation)
    for citizen in citizens[:3]:
        contributions.take_position(citizen, open_consultation, sections[0], 1)
    contributions.take_position(citizens[3], open_consultation, sections[0], -1)
    contributions.comment_on_consultation(
        citizens[0], open_consultation, "Sobre el objeto", "es", section=sections[0]
    )
    contributions.comment_on_consultation(citizens[1], open_consultation, "En general", "es")
    html = client.get(open_consultation.url).content.decode()
    assert "phase-badge--open" in html
    assert html.count('class="timeline__step') == 4 and 'aria-current="step"' in html
    for number, heading, body in SECTION_TEXTS:
        assert number in html and heading in html and body in html
    assert f'id="seccion-{sections[0].key}"' in html
    assert "1 comment · 3 in favour · 1 against" in html or "1 comentario · 3 a favor" in html
    assert f"seccion/{sections[0].key}/" in html
    assert "En general" in html and "Sobre el objeto" not in html  # only on its section


def test_anonymous_visitors_see_counts_but_no_buttons(client, open_consultation):
    html = client.get(open_consultation.url).content.decode()
    assert "/posicion/" not in html and "/cuentas/login/" in html


def test_no_buttons_or_form_outside_the_open_phase(
    client, announced_consultation, closed_consultation, citizen
):
    client.force_login(citizen)
    for page in (announced_consultation, closed_consultation):
        html = client.get(page.url).content.decode()
        assert "/posicion/" not in html and "/comentar/" not in html


def test_the_justification_shows_only_for_a_short_window(client, consultation_index):
    short = make_consultation(
        consultation_index,
        "c-corta",
        -timedelta(days=1),
        timedelta(days=5),
        short_window_justification="Plazo legal del Concejo.",
    )
    normal = make_consultation(
        consultation_index,
        "c-normal",
        -timedelta(days=1),
        timedelta(days=20),
        short_window_justification="No aplica.",
    )
    assert "Plazo legal del Concejo." in client.get(short.url).content.decode()
    assert "No aplica." not in client.get(normal.url).content.decode()


def test_a_sections_page_shows_its_text_counts_and_comments(client, open_consultation, citizen):
    section = sections_of(open_consultation)[2]
    contributions.comment_on_consultation(
        citizen, open_consultation, "Horario corto", "es", section=section
    )
    contributions.take_position(citizen, open_consultation, section, -1)
    client.force_login(citizen)
    response = client.get(f"{open_consultation.url}seccion/{section.key}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert SECTION_TEXTS[2][2] in html and "Horario corto" in html
    assert 'value="none" class="reaction reaction--disagree" aria-pressed="true"' in html


@pytest.mark.parametrize(
    "suffix",
    [
        "seccion/no-existe/",
        "seccion/{key}/version/2/",
        "seccion/{key}/version/0/",
        "seccion/x/version/1/",
    ],
)
def test_unknown_sections_and_versions_are_404(client, open_consultation, suffix):
    key = sections_of(open_consultation)[0].key
    response = client.get(open_consultation.url + suffix.format(key=key))
    assert response.status_code == 404


def test_a_correction_keeps_old_comments_on_the_old_version(client, open_consultation, citizen):
    section = sections_of(open_consultation)[2]
    old = contributions.comment_on_consultation(
        citizen, open_consultation, "Sobre el horario viejo", "es", section=section
    )
    draft = open_consultation.draft.raw_data
    for block in draft:
        if block["id"] == section.key:
            block["value"]["body"] = "Las ciclorrutas funcionan las 24 horas."
    open_consultation.draft = draft
    open_consultation.save_revision().publish()
    section.refresh_from_db()
    assert section.version == 2
    new = contributions.comment_on_consultation(
        citizen, open_consultation, "Sobre el horario nuevo", "es", section=section
    )
    old.refresh_from_db()
    assert old.section_version.version == 1 and new.section_version.version == 2
    html = client.get(f"{open_consultation.url}seccion/{section.key}/").content.decode()
    assert "24 horas" in html and "Sobre el horario viejo" in html
    version_url = f"{open_consultation.url}seccion/{section.key}/version/1/"
    assert html.count(version_url) == 1  # only the old comment is marked
    assert es("Commented on an earlier version") in html
    old_page = client.get(version_url).content.decode()
    assert "de 5 a. m. a 10 p. m." in old_page
    assert f"{open_consultation.url}seccion/{section.key}/" in old_page


def test_a_translation_shows_the_same_comments_and_counts(client, open_consultation, citizen):
    from wagtail.models import Locale

    section = sections_of(open_consultation)[1]
    contributions.comment_on_consultation(
        citizen, open_consultation, "Comentario compartido", "es", section=section
    )
    contributions.comment_on_consultation(citizen, open_consultation, "Del borrador", "es")
    contributions.take_position(citizen, open_consultation, section, 1)
    english = open_consultation.copy_for_translation(
        Locale.objects.get(language_code="en"), copy_parents=True
    )
    english.save_revision().publish()
    english.refresh_from_db()
    assert english.canonical_id == open_consultation.pk
    html = client.get(english.url).content.decode()
    assert "Del borrador" in html and "1 in favour" in html
    section_html = client.get(f"{english.url}seccion/{section.key}/").content.decode()
    assert "Comentario compartido" in section_html
    # participating from the translation adds to the original
    contributions.comment_on_consultation(citizen, english, "From English", "en", section=section)
    assert Comment.objects.filter(page_id=open_consultation.pk).count() == 3
    assert SectionPosition.objects.filter(section=section).count() == 1


def test_a_preview_shows_the_pages_own_draft(open_consultation, citizen):
    from participation.drafts import as_stream_data

    draft = open_consultation.draft.raw_data
    draft += as_stream_data([{"number": "Artículo 5", "heading": "Nuevo", "body": "Sin publicar"}])
    open_consultation.draft = draft
    request = RequestFactory().get(open_consultation.url)
    request.user = citizen
    context = consultation_context(open_consultation, request)
    assert [s.number for s in context["sections"]][-1] == "Artículo 5"
    assert context["sections"][-1].row is None and context["sections"][0].row is not None


# The 15-day rule


def _window(page, days, justification=""):
    page.closes_at = page.opens_at + timedelta(days=days)
    page.short_window_justification = justification
    return page


def test_under_15_days_without_justification_is_an_error_on_that_field(open_consultation):
    with pytest.raises(ValidationError) as error:
        _window(open_consultation, 14).clean()
    assert "short_window_justification" in error.value.message_dict


def test_under_15_days_with_justification_is_accepted(open_consultation):
    _window(open_consultation, 10, "Emergencia declarada por el Decreto 100.").clean()


def test_15_days_need_no_justification(open_consultation):
    _window(open_consultation, 15).clean()


def test_a_blank_justification_counts_as_none(open_consultation):
    with pytest.raises(ValidationError):
        _window(open_consultation, 3, "   ").clean()
