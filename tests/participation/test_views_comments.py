"""Commenting through the views: who may post, reply, edit and withdraw; refusals that
lose nothing typed; the honeypot, the minimum fill time and the rate limits."""

import time
from datetime import timedelta

from django.core import signing
from django.utils import timezone, translation

import pytest

from participation import contributions, moderation
from participation.forms import TOO_FAST, CommentForm, EditCommentForm
from participation.models import Comment, Follow
from participation.views.common import standing_message

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("without_demo_contributions")]

TEXT = "Propongo más ciclorrutas en Compartir"


@pytest.fixture(autouse=True)
def _no_fill_delay(settings):
    settings.PARTICIPATION_MIN_FILL_SECONDS = 0


def shown(form_class=CommentForm, seconds_ago=60):
    """The signed time a form shown ``seconds_ago`` carries."""
    return signing.dumps(time.time() - seconds_ago, salt=form_class.human_check_salt)


def es(message):
    """``message`` as the Spanish pages show it (English until it is translated)."""
    with translation.override("es"):
        return translation.gettext(message) if isinstance(message, str) else str(message)


def comment_data(text=TEXT, **extra):
    return {"comment": text, "language": "es", "rendered": shown(), **extra}


def post_url(page):
    return f"/es/participacion/debates/{page.pk}/comentar/"


def is_login(response):
    return response.status_code == 302 and "/cuentas/login/" in response["Location"]


def test_a_citizen_comments_and_returns_to_the_comment(client, debate, citizen):
    client.force_login(citizen)
    response = client.post(post_url(debate), comment_data())
    comment = Comment.objects.get(page=debate)
    assert response.status_code == 302
    assert response["Location"].endswith(f"{debate.url}#comentario-{comment.pk}")
    assert comment.comment == TEXT and comment.user == citizen
    page = client.get(response["Location"]).content.decode()
    assert es("Your comment was published.") in page
    assert f'id="comentario-{comment.pk}"' in page and TEXT in page


def test_a_reply_is_threaded_and_notify_follows_the_thread(client, debate, citizens):
    root = contributions.post_comment(citizens[0], debate, "Raíz", "es")
    client.force_login(citizens[1])
    response = client.post(
        post_url(debate), comment_data("Respuesta", parent=str(root.pk), notify="on")
    )
    reply = Comment.objects.get(page=debate, parent_id=root.pk, level=1)
    assert response["Location"].endswith(f"#comentario-{reply.pk}")
    assert Follow.objects.filter(user=citizens[1], thread=root).exists()


def test_a_reply_to_another_debates_comment_is_refused(client, debate, closed_debate, citizens):
    root = contributions.post_comment(citizens[0], debate, "Raíz", "es")
    Comment.objects.filter(pk=root.pk).update(page=closed_debate)
    client.force_login(citizens[1])
    response = client.post(post_url(debate), comment_data(parent=str(root.pk)))
    assert response.status_code == 400
    assert TEXT in response.content.decode()
    assert Comment.objects.count() == 1


@pytest.mark.parametrize("who", ["anonymous", "unverified", "blocked"])
def test_who_may_not_comment_saves_nothing(request, client, debate, who):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    response = client.post(post_url(debate), comment_data())
    if who == "anonymous":
        assert is_login(response)
        assert "next=" in response["Location"]
    else:
        assert response.status_code == 403
        with translation.override("es"):
            assert standing_message(who) in response.content.decode()
    assert not Comment.objects.exists()


def test_get_is_not_allowed(client, debate, citizen):
    client.force_login(citizen)
    assert client.get(post_url(debate)).status_code == 405


@pytest.mark.parametrize("which", ["closed_debate", "announced_debate"])
def test_the_service_refuses_a_debate_that_is_not_open(request, client, citizen, which):
    page = request.getfixturevalue(which)
    client.force_login(citizen)
    response = client.post(post_url(page), comment_data())
    assert response.status_code == 409
    assert TEXT in response.content.decode()  # nothing typed is lost
    assert not Comment.objects.filter(page=page).exists()


def test_a_held_debate_takes_no_comment(client, debate, citizen, moderator):
    moderation.hide_debate(debate, moderator, "spam")
    client.force_login(citizen)
    response = client.post(post_url(debate), comment_data())
    assert response.status_code in (404, 409)
    assert not Comment.objects.exists()


def test_an_invalid_form_keeps_the_text(client, debate, citizen):
    client.force_login(citizen)
    response = client.post(post_url(debate), comment_data(language="xx"))
    assert response.status_code == 400
    assert TEXT in response.content.decode()
    assert not Comment.objects.exists()


def test_the_honeypot_refuses_and_keeps_the_text(client, debate, citizen):
    client.force_login(citizen)
    response = client.post(post_url(debate), comment_data(sitio_web="http://spam.example"))
    assert response.status_code == 400
    html = response.content.decode()
    assert TEXT in html and "http://spam.example" not in html
    assert not Comment.objects.exists()


def test_a_form_sent_too_fast_is_refused_then_accepted(client, debate, citizen, settings):
    settings.PARTICIPATION_MIN_FILL_SECONDS = 3
    client.force_login(citizen)
    response = client.post(post_url(debate), comment_data(rendered=shown(seconds_ago=1)))
    assert response.status_code == 400
    html = response.content.decode()
    assert TEXT in html and es(TOO_FAST) in html
    assert not Comment.objects.exists()
    response = client.post(post_url(debate), comment_data(rendered=shown(seconds_ago=4)))
    assert response.status_code == 302 and Comment.objects.count() == 1


@pytest.mark.parametrize(
    "rendered",
    ["", "forjado", signing.dumps(0.0, salt="otra.sal"), shown(seconds_ago=60 * 60 * 25)],
    ids=["missing", "forged", "another form's", "a day old"],
)
def test_a_missing_forged_or_stale_time_is_refused(client, debate, citizen, rendered):
    client.force_login(citizen)
    response = client.post(post_url(debate), comment_data(rendered=rendered))
    assert response.status_code == 400 and TEXT in response.content.decode()
    assert not Comment.objects.exists()


def test_the_form_on_the_page_works_once_the_minimum_time_passed(client, debate, citizen, settings):
    client.force_login(citizen)
    html = client.get(debate.url).content.decode()
    token = html.split('name="rendered" value="', 1)[1].split('"', 1)[0]
    settings.PARTICIPATION_MIN_FILL_SECONDS = 3
    response = client.post(post_url(debate), comment_data(rendered=token))
    assert response.status_code == 400  # sent at once: a robot's speed
    signed_at = signing.loads(token, salt=CommentForm.human_check_salt)
    assert time.time() - signed_at < 3
    settings.PARTICIPATION_MIN_FILL_SECONDS = 0
    assert client.post(post_url(debate), comment_data(rendered=token)).status_code == 302


def test_the_rate_limit_keeps_the_text_and_saves_below_it(client, debate, citizen, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "participation_comment": "3/m"}
    client.force_login(citizen)
    for n in range(3):
        assert client.post(post_url(debate), comment_data(f"Número {n}")).status_code == 302
    response = client.post(post_url(debate), comment_data("El cuarto comentario"))
    assert response.status_code == 429
    assert "El cuarto comentario" in response.content.decode()
    assert Comment.objects.count() == 3


def test_the_rate_limit_counts_per_address_too(client, debate, citizens, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "participation_comment": "2/m"}
    client.force_login(citizens[0])
    for n in range(2):
        assert client.post(post_url(debate), comment_data(f"Uno {n}")).status_code == 302
    client.force_login(citizens[1])  # another account, the same connection
    response = client.post(post_url(debate), comment_data("Desde la misma red"))
    assert response.status_code == 429 and "Desde la misma red" in response.content.decode()
    response = client.post(post_url(debate), comment_data("Desde otra red"), REMOTE_ADDR="10.9.8.7")
    assert response.status_code == 302
    assert Comment.objects.count() == 3


# Editing and withdrawing


def edit_url(comment):
    return f"/es/participacion/comentarios/{comment.pk}/editar/"


def withdraw_url(comment):
    return f"/es/participacion/comentarios/{comment.pk}/retirar/"


def edit_data(text):
    return {"comment": text, "rendered": shown(EditCommentForm)}


def _age(comment, minutes):
    Comment.objects.filter(pk=comment.pk).update(
        submit_date=timezone.now() - timedelta(minutes=minutes)
    )


def test_edit_within_the_window(client, debate, citizen):
    comment = contributions.post_comment(citizen, debate, "Primera versión", "es")
    _age(comment, 14)
    client.force_login(citizen)
    page = client.get(edit_url(comment))
    assert page.status_code == 200 and "Primera versión" in page.content.decode()
    response = client.post(edit_url(comment), edit_data("Segunda versión"))
    assert response.status_code == 302
    assert response["Location"].endswith(f"#comentario-{comment.pk}")
    comment.refresh_from_db()
    assert comment.comment == "Segunda versión" and comment.edited_at
    html = client.get(debate.url).content.decode()
    assert "Segunda versión" in html and es("(edited)") in html


def test_edit_after_the_window_is_refused(client, debate, citizen):
    comment = contributions.post_comment(citizen, debate, "Primera versión", "es")
    _age(comment, 16)
    client.force_login(citizen)
    assert client.get(edit_url(comment)).status_code == 403
    assert client.post(edit_url(comment), edit_data("Tarde")).status_code == 403
    comment.refresh_from_db()
    assert comment.comment == "Primera versión" and comment.edited_at is None
    assert edit_url(comment) not in client.get(debate.url).content.decode()


def test_the_window_closing_while_typing_keeps_the_text(client, debate, citizen, monkeypatch):
    comment = contributions.post_comment(citizen, debate, "Primera versión", "es")
    client.force_login(citizen)

    def too_late(user, comment, text):
        raise contributions.Refused("This comment can no longer be edited.")

    monkeypatch.setattr(contributions, "edit_comment", too_late)
    response = client.post(edit_url(comment), edit_data("Lo que escribí"))
    assert response.status_code == 409 and "Lo que escribí" in response.content.decode()


@pytest.mark.parametrize("who", ["other", "moderator"])
def test_only_the_author_edits_or_withdraws(request, client, debate, citizens, who):
    comment = contributions.post_comment(citizens[0], debate, "Mío", "es")
    client.force_login(citizens[1] if who == "other" else request.getfixturevalue(who))
    assert client.post(edit_url(comment), edit_data("Ajeno")).status_code == 403
    assert client.post(withdraw_url(comment)).status_code == 403
    comment.refresh_from_db()
    assert comment.comment == "Mío" and comment.status == Comment.PUBLISHED


def test_anonymous_visitors_are_sent_to_sign_in(client, debate, citizen):
    comment = contributions.post_comment(citizen, debate, "Mío", "es")
    assert is_login(client.get(edit_url(comment)))
    assert is_login(client.post(withdraw_url(comment)))
    comment.refresh_from_db()
    assert comment.status == Comment.PUBLISHED


def test_edit_is_rate_limited_with_the_text_kept(client, debate, citizen, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "participation_comment": "1/m"}
    comment = contributions.post_comment(citizen, debate, "Original", "es")
    client.force_login(citizen)
    assert client.post(edit_url(comment), edit_data("Corregido")).status_code == 302
    response = client.post(edit_url(comment), edit_data("Otra corrección"))
    assert response.status_code == 429 and "Otra corrección" in response.content.decode()
    comment.refresh_from_db()
    assert comment.comment == "Corregido"


def test_withdraw_asks_then_leaves_a_placeholder_and_the_replies(client, debate, citizens):
    root = contributions.post_comment(citizens[0], debate, "Me arrepiento", "es")
    reply = contributions.post_comment(citizens[1], debate, "Una respuesta", "es", parent=root)
    client.force_login(citizens[0])
    confirm = client.get(withdraw_url(root))
    assert confirm.status_code == 200 and 'method="post"' in confirm.content.decode()
    root.refresh_from_db()
    assert root.status == Comment.PUBLISHED  # a GET changes nothing
    response = client.post(withdraw_url(root))
    assert response.status_code == 302
    root.refresh_from_db()
    assert root.status == Comment.WITHDRAWN
    client.logout()
    html = client.get(debate.url).content.decode()
    assert "Me arrepiento" not in html
    assert es("Comment withdrawn by its author") in html
    assert f'id="comentario-{reply.pk}"' in html and "Una respuesta" in html


def test_a_blocked_author_may_still_withdraw(client, debate, citizen, moderator):
    comment = contributions.post_comment(citizen, debate, "Antes del bloqueo", "es")
    moderation.block_user(citizen, moderator, "Insultos")
    client.force_login(citizen)
    assert client.post(edit_url(comment), edit_data("No")).status_code == 403
    assert client.post(withdraw_url(comment)).status_code == 302
    comment.refresh_from_db()
    assert comment.status == Comment.WITHDRAWN
