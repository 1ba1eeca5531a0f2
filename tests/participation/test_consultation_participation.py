"""Taking part in a consultation: observations on a section or the whole draft, and
support or opposition per section. Refused before opening and after closing by the
services and the views; who may post; one position per person and section; the
comment actions of debates (react, report, edit, withdraw) on consultation comments,
back to the section; the moderation queue links to them."""

import time

from django.core import signing
from django.db import IntegrityError, transaction

import pytest

from participation import contributions
from participation.forms import ConsultationCommentForm
from participation.models import Comment, Reaction, SectionPosition
from tests.participation.conftest import sections_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("without_demo_contributions")]

P = "/es/participacion"


@pytest.fixture(autouse=True)
def _no_fill_delay(settings):
    settings.PARTICIPATION_MIN_FILL_SECONDS = 0


def comment_data(text="Propongo cambiar el horario", **extra):
    rendered = signing.dumps(time.time() - 60, salt=ConsultationCommentForm.human_check_salt)
    return {"comment": text, "language": "es", "rendered": rendered, **extra}


def comment_url(page):
    return f"{P}/consultas/{page.pk}/comentar/"


def position_url(page, section):
    return f"{P}/consultas/{page.pk}/posicion/{section.key}/"


def is_login(response):
    return response.status_code == 302 and "/cuentas/login/" in response["Location"]


# The services


@pytest.mark.parametrize("which", ["announced_consultation", "closed_consultation"])
def test_the_services_refuse_outside_the_open_phase(request, which, citizen):
    page = request.getfixturevalue(which)
    section = sections_of(page)[0]
    with pytest.raises(contributions.Refused):
        contributions.comment_on_consultation(citizen, page, "Texto", "es", section=section)
    with pytest.raises(contributions.Refused):
        contributions.comment_on_consultation(citizen, page, "Texto", "es")
    with pytest.raises(contributions.Refused):
        contributions.take_position(citizen, page, section, SectionPosition.SUPPORT)
    assert not Comment.objects.filter(page=page).exists()
    assert not SectionPosition.objects.filter(section=section).exists()


def test_a_comment_attaches_to_the_sections_current_version(open_consultation, citizens):
    section = sections_of(open_consultation)[1]
    comment = contributions.comment_on_consultation(
        citizens[0], open_consultation, "Texto", "es", section=section
    )
    assert comment.page_id == open_consultation.pk
    assert comment.section_version.section == section
    assert comment.section_version.version == section.version
    reply = contributions.comment_on_consultation(
        citizens[1], open_consultation, "Respuesta", "es", parent=comment
    )
    assert reply.section_version_id == comment.section_version_id and reply.level == 1
    whole = contributions.comment_on_consultation(citizens[0], open_consultation, "Todo", "es")
    assert whole.section_version is None


def test_a_reply_cannot_move_to_another_section(open_consultation, citizens):
    first, second = sections_of(open_consultation)[:2]
    comment = contributions.comment_on_consultation(
        citizens[0], open_consultation, "Texto", "es", section=first
    )
    with pytest.raises(contributions.Refused):
        contributions.comment_on_consultation(
            citizens[1], open_consultation, "Respuesta", "es", section=second, parent=comment
        )


def test_a_section_of_another_consultation_is_refused(
    open_consultation, consultation_index, citizen
):
    from datetime import timedelta

    from tests.participation.conftest import make_consultation

    other = make_consultation(
        consultation_index, "otra-abierta", -timedelta(days=1), timedelta(days=20)
    )
    foreign = sections_of(other)[0]
    with pytest.raises(contributions.Refused):
        contributions.comment_on_consultation(
            citizen, open_consultation, "Texto", "es", section=foreign
        )
    with pytest.raises(contributions.Refused):
        contributions.take_position(citizen, open_consultation, foreign, 1)


def test_a_position_is_changeable_and_one_per_person_and_section(open_consultation, citizen):
    section = sections_of(open_consultation)[0]
    rows = SectionPosition.objects.filter(section=section, user=citizen)
    assert contributions.take_position(citizen, open_consultation, section, 1) == 1
    assert contributions.take_position(citizen, open_consultation, section, 1) == 1
    assert list(rows.all().values_list("value", flat=True)) == [1]
    contributions.take_position(citizen, open_consultation, section, -1)
    assert list(rows.all().values_list("value", flat=True)) == [-1]
    contributions.take_position(citizen, open_consultation, section, 0)
    assert not rows.exists()
    with pytest.raises(contributions.Refused):
        contributions.take_position(citizen, open_consultation, section, 2)


def test_the_database_keeps_one_position_per_person_and_section(open_consultation, citizen):
    section = sections_of(open_consultation)[0]
    SectionPosition.objects.create(section=section, user=citizen, value=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        SectionPosition.objects.create(section=section, user=citizen, value=-1)


def test_unverified_and_blocked_people_are_refused_by_the_services(
    open_consultation, unverified, blocked
):
    section = sections_of(open_consultation)[0]
    for user in (unverified, blocked):
        with pytest.raises(contributions.Refused):
            contributions.comment_on_consultation(user, open_consultation, "x", "es")
        with pytest.raises(contributions.Refused):
            contributions.take_position(user, open_consultation, section, 1)


# The views


def test_a_citizen_comments_on_a_section_and_returns_to_it(client, open_consultation, citizen):
    section = sections_of(open_consultation)[2]
    client.force_login(citizen)
    response = client.post(comment_url(open_consultation), comment_data(section=section.key))
    comment = Comment.objects.get(page=open_consultation)
    assert response.status_code == 302
    assert response["Location"].endswith(
        f"{open_consultation.url}seccion/{section.key}/#comentario-{comment.pk}"
    )
    assert comment.section_version.section == section
    html = client.get(response["Location"]).content.decode()
    assert f'id="comentario-{comment.pk}"' in html


def test_a_comment_on_the_whole_draft_returns_to_the_page(client, open_consultation, citizen):
    client.force_login(citizen)
    response = client.post(comment_url(open_consultation), comment_data(section=""))
    comment = Comment.objects.get(page=open_consultation)
    assert response["Location"].endswith(f"{open_consultation.url}#comentario-{comment.pk}")
    assert comment.section_version is None


def test_a_reply_through_the_view_inherits_the_section(client, open_consultation, citizens):
    section = sections_of(open_consultation)[0]
    root = contributions.comment_on_consultation(
        citizens[0], open_consultation, "Raíz", "es", section=section
    )
    client.force_login(citizens[1])
    response = client.post(
        comment_url(open_consultation),
        comment_data("Respuesta", parent=str(root.pk), section=section.key),
    )
    reply = Comment.objects.get(parent_id=root.pk, level=1)
    assert response["Location"].endswith(f"seccion/{section.key}/#comentario-{reply.pk}")
    assert reply.section_version_id == root.section_version_id


@pytest.mark.parametrize("which", ["announced_consultation", "closed_consultation"])
def test_posts_are_refused_outside_the_open_phase(client, request, which, citizen):
    page = request.getfixturevalue(which)
    section = sections_of(page)[0]
    client.force_login(citizen)
    response = client.post(
        comment_url(page), comment_data("Mi texto guardado", section=section.key)
    )
    assert response.status_code == 409
    assert "Mi texto guardado" in response.content.decode()
    response = client.post(position_url(page, section), {"value": "support"})
    assert response.status_code == 409
    assert not Comment.objects.filter(page=page).exists()
    assert not SectionPosition.objects.filter(section=section).exists()


def nothing_saved(page):
    """No comment and no position on ``page`` (the demo has its own elsewhere)."""
    return (
        not Comment.objects.filter(page_id=page.pk).exists()
        and not SectionPosition.objects.filter(section__page_id=page.pk).exists()
    )


def test_anonymous_visitors_are_sent_to_sign_in(client, open_consultation):
    section = sections_of(open_consultation)[0]
    assert is_login(client.post(comment_url(open_consultation), comment_data()))
    assert is_login(client.post(position_url(open_consultation, section), {"value": "support"}))
    assert nothing_saved(open_consultation)


def test_unverified_and_blocked_people_get_403(client, open_consultation, unverified, blocked):
    section = sections_of(open_consultation)[0]
    for user in (unverified, blocked):
        client.force_login(user)
        assert client.post(comment_url(open_consultation), comment_data()).status_code == 403
        response = client.post(position_url(open_consultation, section), {"value": "oppose"})
        assert response.status_code == 403
    assert nothing_saved(open_consultation)


def test_a_position_through_the_view_is_changeable(client, open_consultation, citizen):
    section = sections_of(open_consultation)[1]
    client.force_login(citizen)
    response = client.post(position_url(open_consultation, section), {"value": "support"})
    assert response["Location"].endswith(f"{open_consultation.url}#seccion-{section.key}")
    client.post(position_url(open_consultation, section), {"value": "oppose"})
    assert list(SectionPosition.objects.filter(user=citizen).values_list("value", flat=True)) == [
        -1
    ]
    response = client.post(
        position_url(open_consultation, section), {"value": "none", "back": "section"}
    )
    assert response["Location"].endswith(f"seccion/{section.key}/#posicion")
    assert not SectionPosition.objects.filter(user=citizen).exists()


def test_bad_input_is_a_clear_error_with_nothing_saved(client, open_consultation, citizen):
    section = sections_of(open_consultation)[1]
    client.force_login(citizen)
    response = client.post(position_url(open_consultation, section), {"value": "mucho"})
    assert response.status_code == 400
    response = client.post(
        f"{P}/consultas/{open_consultation.pk}/posicion/nada/", {"value": "support"}
    )
    assert response.status_code == 404
    response = client.post(
        comment_url(open_consultation), comment_data("Lo que escribí", section="no-existe")
    )
    assert response.status_code == 400 and "Lo que escribí" in response.content.decode()
    response = client.post(comment_url(open_consultation), comment_data("Sin relleno", rendered=""))
    assert response.status_code == 400 and "Sin relleno" in response.content.decode()
    response = client.post(comment_url(open_consultation), comment_data(parent="999999"))
    assert response.status_code == 400
    assert nothing_saved(open_consultation)
    assert client.post(f"{P}/consultas/999999/comentar/", comment_data()).status_code == 404


def test_the_forms_need_a_csrf_token(open_consultation, citizen):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(citizen)
    section = sections_of(open_consultation)[0]
    assert client.post(comment_url(open_consultation), comment_data()).status_code == 403
    response = client.post(position_url(open_consultation, section), {"value": "support"})
    assert response.status_code == 403
    assert nothing_saved(open_consultation)


def test_the_rate_limit_keeps_what_was_typed(client, open_consultation, citizen, settings):
    client.force_login(citizen)
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "participation_comment": "1/m"}
    responses = [
        client.post(comment_url(open_consultation), comment_data(f"Texto número {n}"))
        for n in range(3)
    ]
    limited = [r for r in responses if r.status_code == 429]
    assert limited, "the comment rate limit never applied"
    assert "Texto número" in limited[0].content.decode()


# The comment actions of debates on consultation comments


def test_react_report_edit_and_withdraw_return_to_the_section(client, open_consultation, citizens):
    section = sections_of(open_consultation)[0]
    comment = contributions.comment_on_consultation(
        citizens[0], open_consultation, "Raíz", "es", section=section
    )
    anchor = f"{open_consultation.url}seccion/{section.key}/#comentario-{comment.pk}"
    client.force_login(citizens[1])
    response = client.post(f"{P}/comentarios/{comment.pk}/reaccion/", {"value": "agree"})
    assert response["Location"].endswith(anchor)
    assert Reaction.objects.filter(comment=comment, user=citizens[1]).exists()
    rendered = signing.dumps(time.time() - 60, salt="participation.report")
    response = client.post(
        f"{P}/comentarios/{comment.pk}/reportar/",
        {"reason": "spam", "text": "", "rendered": rendered},
    )
    assert response["Location"].endswith(anchor)
    client.force_login(citizens[0])
    rendered = signing.dumps(time.time() - 60, salt="participation.edit")
    response = client.post(
        f"{P}/comentarios/{comment.pk}/editar/", {"comment": "Corregido", "rendered": rendered}
    )
    assert response["Location"].endswith(anchor)
    response = client.post(f"{P}/comentarios/{comment.pk}/retirar/")
    assert response["Location"].endswith(anchor)
    comment.refresh_from_db()
    assert comment.status == Comment.WITHDRAWN and comment.comment == "Corregido"


def test_reactions_on_a_closed_consultations_comments_are_refused(
    client, closed_consultation, citizens
):
    section = sections_of(closed_consultation)[0]
    comment = Comment.objects.create(
        content_type_id=closed_consultation.content_type_id,
        object_pk=str(closed_consultation.pk),
        site_id=1,
        page=closed_consultation,
        user=citizens[0],
        user_name="x",
        comment="Antes del cierre",
        section_version=section.versions.first(),
    )
    client.force_login(citizens[1])
    response = client.post(f"{P}/comentarios/{comment.pk}/reaccion/", {"value": "agree"})
    assert response.status_code == 409


def test_the_moderation_queue_links_to_the_section(client, open_consultation, citizen, moderator):
    from participation import moderation

    section = sections_of(open_consultation)[0]
    comment = contributions.comment_on_consultation(
        citizen, open_consultation, "Para revisar", "es", section=section
    )
    moderation.hide_comment(comment, moderator, "spam")
    Comment.objects.filter(pk=comment.pk).update(status=Comment.HELD)
    client.force_login(moderator)
    html = client.get("/admin/moderacion/?tab=comments").content.decode()
    link = f"{open_consultation.url}seccion/{section.key}/#comentario-{comment.pk}"
    assert link in html
    detail = client.get(f"/admin/moderacion/comentarios/{comment.pk}/").content.decode()
    assert link in detail
    assert client.get(link.split("#")[0]).status_code == 200
