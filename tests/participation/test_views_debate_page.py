"""The debate page: what it shows of the debate and its thread to each person, the
placeholders that never carry a hidden text, and what a held debate keeps back."""

import re

from django.utils import translation

import pytest

from participation import contributions, moderation
from participation.models import Comment, DebateHold, Reaction
from participation.views.common import standing_message

pytestmark = pytest.mark.django_db


def es(message):
    """``message`` as the Spanish pages show it (English until it is translated)."""
    with translation.override("es"):
        return translation.gettext(message) if isinstance(message, str) else str(message)


def es_format(message, **values):
    return es(message) % values


def article(html, comment):
    """The HTML of one comment's ``<article>``."""
    match = re.search(rf'<article id="comentario-{comment.pk}".*?</article>', html, re.S)
    return match.group(0) if match else ""


def test_the_debate_and_its_facts(client, debate, citizen):
    from cms.models import Dependency

    debate.introduction = "Una introducción corta."
    debate.context = "<p>Datos del contexto</p>"
    debate.conclusion = "<p>La Alcaldía concluye que sí.</p>"
    debate.dependency = Dependency.objects.filter(locale__language_code="es").first()
    debate.proposed_by = contributions.profile_for(citizen)
    debate.save_revision().publish()
    html = client.get(debate.url).content.decode()
    for text in (
        debate.question,
        "Una introducción corta.",
        "Datos del contexto",
        "La Alcaldía concluye que sí.",
        es("The Alcaldía's conclusion"),
        debate.dependency.name,
        debate.proposed_by.nickname,
        f"/es/participacion/perfil/{debate.proposed_by.pk}/",
        es("Open"),
    ):
        assert text in html, text
    assert citizen.email not in html


def test_anonymous_visitors_read_and_are_invited_to_sign_in(client, debate, citizen):
    comment = contributions.post_comment(citizen, debate, "Hola vecinos", "es")
    response = client.get(debate.url)
    html = response.content.decode()
    assert "Hola vecinos" in html
    assert f'href="/es/cuentas/login/?next={debate.url}"' in html
    assert es("Sign in to take part") in html
    assert "csrfmiddlewaretoken" not in html and "csrftoken" not in response.cookies
    assert f"/comentarios/{comment.pk}/reaccion/" not in html
    assert 'name="comment"' not in html


@pytest.mark.parametrize("who", ["unverified", "blocked"])
def test_who_may_not_take_part_is_told_why(request, client, debate, who):
    client.force_login(request.getfixturevalue(who))
    html = client.get(debate.url).content.decode()
    expected = (
        es("Confirm your e-mail address to take part: open the link we sent you.")
        if who == "unverified"
        else es(standing_message("blocked"))
    )
    assert expected in html
    assert 'name="comment"' not in html


def test_a_closed_debate_has_no_form(client, closed_debate, citizen):
    client.force_login(citizen)
    html = client.get(closed_debate.url).content.decode()
    assert es("This debate is closed") in html
    assert 'name="comment"' not in html


def test_an_announced_debate_says_when_it_opens(client, announced_debate, citizen):
    client.force_login(citizen)
    html = client.get(announced_debate.url).content.decode()
    assert es("Opens on %(date)s").split("%")[0] in html
    assert 'name="comment"' not in html


def test_the_comment_form_of_a_participant(client, debate, citizen, debate_index):
    conduct = debate_index.get_parent()
    debate_index.code_of_conduct = conduct
    debate_index.save_revision().publish()
    client.force_login(citizen)
    html = client.get(debate.url).content.decode()
    form = html.split('class="p-form comment-form"', 1)[1].split("</form>", 1)[0]
    assert 'name="comment"' in form and "<label" in form
    assert 'name="language"' in form and '<option value="es" selected' in form
    assert 'name="notify"' in form
    assert 'name="sitio_web"' in form and 'tabindex="-1"' in form and 'autocomplete="off"' in form
    assert 'name="rendered"' in form
    assert f'href="{conduct.url}"' in form


def test_without_a_code_of_conduct_the_link_is_left_out(client, debate, citizen, debate_index):
    debate_index.code_of_conduct = None
    debate_index.save_revision().publish()
    client.force_login(citizen)
    response = client.get(debate.url)
    assert response.status_code == 200
    assert 'class="p-conduct"' not in response.content.decode()


def test_each_comment_is_an_article_in_its_language(client, debate, citizens):
    comment = contributions.post_comment(citizens[0], debate, "Hello <script>x</script>", "en")
    contributions.edit_comment(citizens[0], comment, "Hello <script>x</script> again")
    html = client.get(debate.url).content.decode()
    block = article(html, comment)
    assert 'lang="en"' in block.split(">", 1)[0]
    assert "<script>x" not in html and "&lt;script&gt;x" in block
    nickname = citizens[0].participant.nickname
    assert nickname in block and f"/participacion/perfil/{citizens[0].participant.pk}/" in block
    assert "<time datetime=" in block and es("(edited)") in block


def test_reaction_buttons_show_the_state_and_post_the_next_one(client, debate, citizens):
    comment = contributions.post_comment(citizens[0], debate, "Texto", "es")
    contributions.react(citizens[1], comment, Reaction.AGREE)
    contributions.react(citizens[2], comment, Reaction.DISAGREE)
    client.force_login(citizens[1])
    block = article(client.get(debate.url).content.decode(), comment)
    agree = re.search(r"<button[^>]*reaction--agree[^>]*>", block).group(0)
    disagree = re.search(r"<button[^>]*reaction--disagree[^>]*>", block).group(0)
    assert 'aria-pressed="true"' in agree and 'value="none"' in agree
    assert 'aria-pressed="false"' in disagree and 'value="disagree"' in disagree
    counts = re.findall(r'class="reaction__count">(\d+)<', block)
    assert counts == ["1", "1"]


def test_placeholders_keep_replies_and_never_the_text(client, debate, citizens, moderator):
    withdrawn = contributions.post_comment(citizens[0], debate, "Texto retirado", "es")
    hidden = contributions.post_comment(citizens[0], debate, "Texto ofensivo", "es")
    held = contributions.post_comment(citizens[0], debate, "Texto reportado", "es")
    reply = contributions.post_comment(citizens[1], debate, "Respuesta viva", "es", parent=hidden)
    contributions.withdraw_comment(citizens[0], withdrawn)
    moderation.hide_comment(hidden, moderator, "offensive")
    Comment.objects.filter(pk=held.pk).update(status=Comment.HELD, is_removed=True)
    for user in (None, citizens[0], citizens[1], moderator):
        client.logout()
        if user:
            client.force_login(user)
        html = client.get(debate.url).content.decode()
        for text in ("Texto retirado", "Texto ofensivo", "Texto reportado"):
            assert text not in html
        assert es("Comment withdrawn by its author") in article(html, withdrawn)
        with translation.override("es"):
            reason = str(moderation.REASONS["offensive"])
        assert es_format("Hidden by moderation: %(reason)s", reason=reason) in article(html, hidden)
        assert es("Hidden while a moderator reviews it") in article(html, held)
        assert "Respuesta viva" in article(html, reply)


def test_a_pending_comment_is_shown_only_to_its_author(client, debate, citizens, moderator):
    debate.premoderation = debate.PREMODERATION_ALL
    debate.save_revision().publish()
    pending = contributions.post_comment(citizens[0], debate, "Espero moderación", "es")
    assert pending.status == Comment.PENDING
    client.force_login(citizens[0])
    html = client.get(debate.url).content.decode()
    assert "Espero moderación" in article(html, pending)
    assert es("Pending moderation") in article(html, pending)
    for user in (None, citizens[1], moderator):
        client.logout()
        if user:
            client.force_login(user)
        html = client.get(debate.url).content.decode()
        assert f'id="comentario-{pending.pk}"' not in html and "Espero moderación" not in html


def test_replies_of_a_pending_comment_move_up_for_others(client, debate, citizens):
    root = contributions.post_comment(citizens[0], debate, "Raíz", "es")
    middle = contributions.post_comment(citizens[1], debate, "Medio", "es", parent=root)
    leaf = contributions.post_comment(citizens[2], debate, "Hoja visible", "es", parent=middle)
    Comment.objects.filter(pk=middle.pk).update(status=Comment.PENDING, is_public=False)
    html = client.get(debate.url).content.decode()
    assert "Medio" not in html and "Hoja visible" in article(html, leaf)


def test_a_held_debate_shows_only_its_title_to_non_moderators(client, debate, citizens, moderator):
    debate.context = "<p>Contexto delicado</p>"
    debate.save_revision().publish()
    contributions.post_comment(citizens[0], debate, "Comentario del debate", "es")
    DebateHold.objects.create(debate=debate, status=DebateHold.HELD)
    for user in (None, citizens[0]):
        client.logout()
        if user:
            client.force_login(user)
        html = client.get(debate.url).content.decode()
        assert debate.title in html and es("This debate is hidden while it is reviewed.") in html
        assert "Contexto delicado" not in html and "Comentario del debate" not in html
        assert 'name="comment"' not in html
    DebateHold.objects.filter(debate=debate).update(status=DebateHold.HIDDEN, reason="spam")
    client.logout()
    html = client.get(debate.url).content.decode()
    with translation.override("es"):
        reason = str(moderation.REASONS["spam"])
    assert es_format("Hidden by moderation: %(reason)s", reason=reason) in html
    client.force_login(moderator)
    html = client.get(debate.url).content.decode()
    assert "Contexto delicado" in html and "Comentario del debate" in html
    assert 'name="comment"' not in html


def test_follow_and_report_controls(client, debate, citizens):
    root = contributions.post_comment(citizens[0], debate, "Raíz", "es")
    client.force_login(citizens[1])
    html = client.get(debate.url).content.decode()
    assert f"/participacion/debates/{debate.pk}/seguir/" in html
    assert f"/participacion/debates/{debate.pk}/reportar/" in html
    assert f"/participacion/comentarios/{root.pk}/reportar/" in article(html, root)
    client.force_login(citizens[0])
    own = article(client.get(debate.url).content.decode(), root)
    assert f"/comentarios/{root.pk}/reportar/" not in own
    assert f"/comentarios/{root.pk}/editar/" in own and f"/comentarios/{root.pk}/retirar/" in own


def test_a_hidden_comment_is_nowhere_for_anyone(client, debate, citizens, moderator, superuser):
    """Not on the debate page, the author's profile or the search results, whoever asks
    (its author and moderators included: moderators read it in the admin)."""
    author = citizens[0]
    hidden = contributions.post_comment(author, debate, "Frase zumbalorio escondida", "es")
    held = contributions.post_comment(author, debate, "Frase trapisonda retenida", "es")
    contributions.post_comment(author, debate, "Frase publicada", "es")
    moderation.hide_comment(hidden, moderator, "spam")
    Comment.objects.filter(pk=held.pk).update(status=Comment.HELD, is_removed=True)
    profile = f"/es/participacion/perfil/{author.participant.pk}/"
    for user in (None, author, citizens[1], moderator, superuser):
        client.logout()
        if user:
            client.force_login(user)
        for url in (debate.url, profile, "/es/buscar/?q=zumbalorio", "/es/buscar/?q=trapisonda"):
            response = client.get(url)
            assert response.status_code == 200, url
            html = response.content.decode()
            assert "Frase zumbalorio escondida" not in html, (user, url)
            assert "Frase trapisonda retenida" not in html, (user, url)
        assert "Frase publicada" in client.get(profile).content.decode()
