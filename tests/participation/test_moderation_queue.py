"""The moderation queue: what it lists, in which order, escaped, in bounded queries."""

import re
from datetime import timedelta

from django.utils import timezone

import pytest

from participation import contributions, moderation
from participation.models import Comment, DebatePage
from tests.participation.conftest import make_debate

pytestmark = pytest.mark.django_db

QUEUE = "/admin/moderacion/"


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


def _page(client, query=""):
    response = client.get(QUEUE + query)
    assert response.status_code == 200
    return response.content.decode()


def test_lists_pending_held_and_reported_comments_not_the_others(
    moderator_client, debate, citizens, settings
):
    settings.PARTICIPATION_REPORTS_TO_HIDE = 2
    quiet = contributions.post_comment(citizens[0], debate, "Comentario tranquilo", "es")
    reported = contributions.post_comment(citizens[0], debate, "Comentario reportado", "es")
    held = contributions.post_comment(citizens[0], debate, "Comentario retenido", "es")
    hidden = contributions.post_comment(citizens[0], debate, "Comentario oculto", "es")
    contributions.report(citizens[1], "spam", comment=reported)
    for person in citizens[1:3]:
        contributions.report(person, "offensive", "Me ofende", comment=held)
    moderation.hide_comment(hidden, None, "spam")
    debate.premoderation = debate.PREMODERATION_ALL
    debate.save()
    pending = contributions.post_comment(citizens[0], debate, "Comentario pendiente", "es")
    html = _page(moderator_client)
    for comment in (reported, held, pending):
        assert f"/admin/moderacion/comentarios/{comment.pk}/" in html
    for comment in (quiet, hidden):
        assert f"/admin/moderacion/comentarios/{comment.pk}/" not in html
    assert "Comentario retenido" in html  # moderators read held text
    assert citizens[0].email in html and citizens[0].participant.nickname in html
    assert re.search(r"<li>[^<]+ \(2\)</li>", html)  # the held one's reports, by reason


def test_text_is_escaped(moderator_client, debate, citizens):
    debate.premoderation = debate.PREMODERATION_ALL
    debate.save()
    contributions.post_comment(citizens[0], debate, "<script>alert(1)</script> hola", "es")
    html = _page(moderator_client)
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; hola" in html


def test_a_reply_shows_its_parent(moderator_client, debate, citizens):
    root = contributions.post_comment(citizens[0], debate, "El comentario de arriba", "es")
    debate.premoderation = debate.PREMODERATION_ALL
    debate.save()
    contributions.post_comment(citizens[1], debate, "Una respuesta", "es", parent=root)
    html = _page(moderator_client)
    assert "Una respuesta" in html and "El comentario de arriba" in html


def _reported(debate, citizens, reports):
    comment = contributions.post_comment(citizens[0], debate, f"Con {reports} reportes", "es")
    for person in citizens[1 : 1 + reports]:
        contributions.report(person, "spam", comment=comment)
    return comment


def test_order_by_reports_or_age_and_junk_ignored(moderator_client, debate, citizens):
    one = _reported(debate, citizens, 1)
    two = _reported(debate, citizens, 2)
    Comment.objects.filter(pk=two.pk).update(submit_date=timezone.now() - timedelta(days=3))

    def order(query):
        html = _page(moderator_client, query)
        return sorted((one, two), key=lambda c: html.index(f"comentarios/{c.pk}/"))

    assert order("?order=reports") == [two, one]
    assert order("?order=oldest") == [two, one]
    assert order("?order=newest") == [one, two]
    assert order("?order=junk&tab=nada&p=abc") == [two, one]  # the default: oldest


def _grow(tab, size, debate, citizens, moderator):
    """``size`` more items of ``tab``: comments (some replies, some reported), reported
    debates, proposals, or decisions."""
    debate.premoderation = debate.PREMODERATION_ALL
    debate.save()
    start = Comment.objects.count() + DebatePage.objects.count()
    for n in range(start, start + size):
        author, other = citizens[n % 5], citizens[(n + 1) % 5]
        if tab == "debates":
            page = make_debate(debate.get_parent(), f"q-{n}", -timedelta(days=1), timedelta(1))
            contributions.report(other, "spam", debate=page)
        elif tab == "proposals":
            contributions.propose_debate(author, f"Propuesta {n}", "Texto", None, "es")
        else:
            comment = contributions.post_comment(author, debate, f"Comentario {n}", "es")
            if tab == "recent":
                moderation.hide_comment(comment, moderator, "spam", "Nota")
                continue
            moderation.approve_comment(comment, moderator)
            reply = contributions.post_comment(other, debate, f"Respuesta {n}", "es", comment)
            contributions.report(author, "spam", comment=reply)


@pytest.mark.parametrize("tab", ["comments", "debates", "proposals", "recent"])
def test_queries_do_not_grow_with_the_queue(
    moderator_client, moderator, debate, citizens, django_assert_max_num_queries, tab
):
    _grow(tab, 5, debate, citizens, moderator)
    with django_assert_max_num_queries(100) as small:
        _page(moderator_client, f"?tab={tab}")
    _grow(tab, 45 if tab != "debates" else 20, debate, citizens, moderator)
    with django_assert_max_num_queries(len(small.captured_queries)):
        html = _page(moderator_client, f"?tab={tab}")
    assert html.count("<tr>") > 25  # a full page of rows


def test_debates_and_proposals_tabs(moderator_client, debate, closed_debate, citizens):
    contributions.report(citizens[1], "off_topic", "No es un debate", debate=debate)
    proposal = contributions.propose_debate(citizens[2], "Más parques", "Texto", None, "es")
    html = _page(moderator_client, "?tab=debates")
    assert f"/admin/moderacion/debates/{debate.pk}/" in html
    assert f"/admin/moderacion/debates/{closed_debate.pk}/" not in html
    html = _page(moderator_client, "?tab=proposals")
    assert f"/admin/moderacion/propuestas/{proposal.pk}/" in html
    assert citizens[2].email in html


def test_recent_decisions_tab(moderator_client, moderator, debate, citizens):
    comment = contributions.post_comment(citizens[0], debate, "Spam spam", "es")
    moderation.hide_comment(comment, moderator, "spam", "Publicidad")
    moderation.hide_debate(debate, moderator, "off_topic")
    html = _page(moderator_client, "?tab=recent")
    assert f"/admin/moderacion/comentarios/{comment.pk}/" in html
    assert f"/admin/moderacion/debates/{debate.pk}/" in html
    assert "Publicidad" in html


def test_a_junk_page_number_shows_the_first_page_with_a_notice(moderator_client, debate, citizens):
    _reported(debate, citizens, 1)
    html = _page(moderator_client, "?tab=comments&p=abc")
    assert 'role="status"' in html and "/admin/moderacion/comentarios/" in html
