"""Public profiles (only what is published, on debates anyone may read) and the
nickname each participant chooses."""

from django.utils import translation

import pytest

from participation import contributions
from participation.models import Comment, DebateHold, Profile
from participation.models.profiles import nickname_validator

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("without_demo_contributions")]
MINE = "/es/participacion/perfil/"


def es(message):
    with translation.override("es"):
        return translation.gettext(message) if isinstance(message, str) else str(message)


def profile_url(user):
    return f"/es/participacion/perfil/{user.participant.pk}/"


def test_a_profile_lists_only_published_comments_on_readable_debates(
    client, debate, closed_debate, citizens, moderator
):
    author = citizens[0]
    contributions.post_comment(author, debate, "Publicado visible", "es")
    for text, status in (
        ("Retirado", Comment.WITHDRAWN),
        ("Oculto", Comment.HIDDEN),
        ("Retenido", Comment.HELD),
        ("Pendiente", Comment.PENDING),
    ):
        comment = contributions.post_comment(author, debate, f"Texto {text}", "es")
        Comment.objects.filter(pk=comment.pk).update(status=status)
    on_held = contributions.post_comment(author, debate, "En debate retenido", "es")
    Comment.objects.filter(pk=on_held.pk).update(page=closed_debate)
    DebateHold.objects.create(debate=closed_debate, status=DebateHold.HELD)
    for user in (None, author, moderator):
        client.logout()
        if user:
            client.force_login(user)
        response = client.get(profile_url(author))
        html = response.content.decode()
        assert response.status_code == 200
        assert author.participant.nickname in html and author.email not in html
        assert "Publicado visible" in html
        for text in ("Retirado", "Oculto", "Retenido", "Pendiente", "En debate retenido"):
            assert text not in html, (user, text)


def test_a_profile_skips_unpublished_debates(client, debate, citizen):
    contributions.post_comment(citizen, debate, "Antes de despublicar", "es")
    debate.unpublish()
    assert "Antes de despublicar" not in client.get(profile_url(citizen)).content.decode()


def test_a_profile_lists_the_debates_proposed_and_pages_comments(client, debate, citizen):
    debate.proposed_by = contributions.profile_for(citizen)
    debate.save_revision().publish()
    for n in range(23):
        contributions.post_comment(citizen, debate, f"Comentario número {n:02d}", "es")
    html = client.get(profile_url(citizen)).content.decode()
    assert debate.title in html
    assert "Comentario número 22" in html and "Comentario número 02" not in html
    second = client.get(profile_url(citizen), {"page": 2}).content.decode()
    assert "Comentario número 02" in second
    assert client.get(profile_url(citizen), {"page": "abc"}).status_code == 200


def test_an_unknown_profile_is_not_found(client):
    assert client.get("/es/participacion/perfil/999999/").status_code == 404


def test_choose_a_nickname(client, citizen):
    client.force_login(citizen)
    assert client.get(MINE).status_code == 200
    response = client.post(MINE, {"nickname": "Vecina de Compartir"})
    assert response.status_code == 302
    assert Profile.objects.get(user=citizen).nickname == "Vecina de Compartir"
    client.post(MINE, {"nickname": "Vecina del Sur"})
    assert Profile.objects.get(user=citizen).nickname == "Vecina del Sur"


def test_a_nickname_is_unique_whatever_the_case(client, citizens):
    Profile.objects.create(user=citizens[1], nickname="Don Pepe")
    client.force_login(citizens[0])
    response = client.post(MINE, {"nickname": "don PEPE"})
    assert response.status_code == 400
    html = response.content.decode()
    assert es("Someone already uses this nickname. Choose another one.") in html
    assert "don PEPE" in html
    assert not Profile.objects.filter(user=citizens[0]).exists()


def test_keeping_the_same_nickname_is_fine(client, citizen):
    Profile.objects.create(user=citizen, nickname="Mismo Nombre")
    client.force_login(citizen)
    assert client.post(MINE, {"nickname": "mismo nombre"}).status_code == 302


@pytest.mark.parametrize("nickname", ["ab", "correo@ejemplo.com", "<script>", "x" * 41])
def test_an_invalid_nickname_is_explained(client, citizen, nickname):
    client.force_login(citizen)
    response = client.post(MINE, {"nickname": nickname})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="errorlist"' in html
    if len(nickname) <= 40:
        assert es(nickname_validator.message) in html
    assert not Profile.objects.filter(user=citizen).exists()


def test_anonymous_visitors_are_sent_to_sign_in(client):
    for response in (client.get(MINE), client.post(MINE, {"nickname": "Alguien"})):
        assert response.status_code == 302 and "/cuentas/login/" in response["Location"]
    assert not Profile.objects.exists()


@pytest.mark.parametrize("who", ["unverified", "blocked"])
def test_who_may_not_take_part_keeps_their_nickname(request, client, who):
    user = request.getfixturevalue(who)
    client.force_login(user)
    assert client.get(MINE).status_code == 200
    assert client.post(MINE, {"nickname": "Nuevo Nombre"}).status_code == 403
    assert not Profile.objects.filter(nickname="Nuevo Nombre").exists()


def test_the_nickname_change_is_rate_limited(client, citizen, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "participation_profile": "1/h"}
    client.force_login(citizen)
    assert client.post(MINE, {"nickname": "Primero"}).status_code == 302
    response = client.post(MINE, {"nickname": "Segundo intento"})
    assert response.status_code == 429 and "Segundo intento" in response.content.decode()
    assert Profile.objects.get(user=citizen).nickname == "Primero"


def test_the_new_nickname_shows_on_old_comments(client, debate, citizen):
    comment = contributions.post_comment(citizen, debate, "Con apodo", "es")
    client.force_login(citizen)
    client.post(MINE, {"nickname": "Apodo Nuevo"})
    html = client.get(debate.url).content.decode()
    block = html.split(f'id="comentario-{comment.pk}"', 1)[1].split("</article>", 1)[0]
    assert "Apodo Nuevo" in block
