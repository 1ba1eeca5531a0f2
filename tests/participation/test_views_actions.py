"""Reactions, reports, follows and proposals through the views: who may, idempotent
toggles, clear refusals, and rate limits that keep what was typed."""

import time

from django.core import signing
from django.utils import translation

import pytest

from participation import contributions, moderation
from participation.forms import ProposalForm, ReportForm
from participation.models import (
    Comment,
    DebateHold,
    DebateProposal,
    Follow,
    Reaction,
    Report,
)
from participation.views.common import standing_message

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("without_demo_contributions")]
P = "/es/participacion"


@pytest.fixture(autouse=True)
def _no_fill_delay(settings):
    settings.PARTICIPATION_MIN_FILL_SECONDS = 0


def es(message):
    with translation.override("es"):
        return translation.gettext(message) if isinstance(message, str) else str(message)


def shown(form_class):
    return signing.dumps(time.time() - 60, salt=form_class.human_check_salt)


def is_login(response):
    return response.status_code == 302 and "/cuentas/login/" in response["Location"]


@pytest.fixture
def comment(debate, citizens):
    return contributions.post_comment(citizens[0], debate, "Un comentario", "es")


# Reactions


def react(client, comment, value):
    return client.post(f"{P}/comentarios/{comment.pk}/reaccion/", {"value": value})


def counts(comment):
    comment.refresh_from_db()
    return comment.agree_count, comment.disagree_count


def test_reactions_toggle_through_the_view(client, comment, citizens):
    client.force_login(citizens[1])
    response = react(client, comment, "agree")
    assert response.status_code == 302
    assert response["Location"].endswith(f"#comentario-{comment.pk}")
    assert counts(comment) == (1, 0)
    react(client, comment, "agree")  # the same state again: nothing changes
    assert counts(comment) == (1, 0)
    react(client, comment, "disagree")
    assert counts(comment) == (0, 1)
    react(client, comment, "none")  # the pressed button posts "none"
    assert counts(comment) == (0, 0) and not Reaction.objects.exists()


def test_the_page_offers_the_next_state(client, debate, comment, citizens):
    client.force_login(citizens[1])
    react(client, comment, "agree")
    html = client.get(debate.url).content.decode()
    assert 'value="none" class="reaction reaction--agree" aria-pressed="true"' in html


@pytest.mark.parametrize("who", ["anonymous", "unverified", "blocked"])
def test_who_may_not_react_changes_nothing(request, client, comment, who):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    response = react(client, comment, "agree")
    assert is_login(response) if who == "anonymous" else response.status_code == 403
    assert counts(comment) == (0, 0) and not Reaction.objects.exists()


def test_reactions_refused_on_a_closed_debate(client, comment, closed_debate, citizens):
    Comment.objects.filter(pk=comment.pk).update(page=closed_debate)
    client.force_login(citizens[1])
    assert react(client, comment, "agree").status_code == 409
    assert not Reaction.objects.exists()


def test_an_unknown_reaction_is_a_bad_request(client, comment, citizens):
    client.force_login(citizens[1])
    assert react(client, comment, "love").status_code == 400
    assert client.get(f"{P}/comentarios/{comment.pk}/reaccion/").status_code == 405


def test_reactions_are_rate_limited(client, comment, citizens, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "participation_react": "2/m"}
    client.force_login(citizens[1])
    react(client, comment, "agree")
    react(client, comment, "disagree")
    assert react(client, comment, "none").status_code == 429
    assert counts(comment) == (0, 1)


# Reports


def report_url(comment):
    return f"{P}/comentarios/{comment.pk}/reportar/"


def report_data():
    return {"reason": "offensive", "text": "Insulta a un vecino", "rendered": shown(ReportForm)}


def test_report_a_comment_once_with_a_clear_message(client, comment, citizens):
    client.force_login(citizens[1])
    assert client.get(report_url(comment)).status_code == 200
    response = client.post(report_url(comment), report_data())
    assert response.status_code == 302
    report = Report.objects.get()
    assert (report.user, report.comment, report.reason) == (citizens[1], comment, "offensive")
    again = client.post(report_url(comment), report_data())
    assert again.status_code == 409
    message = es("You already reported this. A moderator will review it; thank you.")
    assert message in again.content.decode()
    assert message in client.get(report_url(comment)).content.decode()
    assert Report.objects.count() == 1


def test_a_report_that_races_another_keeps_the_text(client, comment, citizens, monkeypatch):
    client.force_login(citizens[1])

    def already(*args, **kwargs):
        raise contributions.Refused("You already reported this.")

    monkeypatch.setattr(contributions, "report", already)
    response = client.post(report_url(comment), report_data())
    assert response.status_code == 409 and "Insulta a un vecino" in response.content.decode()


def test_the_own_comment_cannot_be_reported(client, comment, citizens):
    client.force_login(citizens[0])
    assert client.post(report_url(comment), report_data()).status_code == 403
    assert not Report.objects.exists()


@pytest.mark.parametrize("who", ["anonymous", "unverified", "blocked"])
def test_who_may_not_report_saves_nothing(request, client, comment, debate, who):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    for url in (report_url(comment), f"{P}/debates/{debate.pk}/reportar/"):
        response = client.post(url, report_data())
        assert is_login(response) if who == "anonymous" else response.status_code == 403
    assert not Report.objects.exists()


def test_an_invalid_report_keeps_the_details(client, comment, citizens):
    client.force_login(citizens[1])
    response = client.post(report_url(comment), {**report_data(), "reason": "zzz"})
    assert response.status_code == 400 and "Insulta a un vecino" in response.content.decode()
    assert not Report.objects.exists()


def test_reports_are_rate_limited_with_the_text_kept(client, debate, citizens, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "participation_report": "1/h"}
    first = contributions.post_comment(citizens[0], debate, "Uno", "es")
    second = contributions.post_comment(citizens[0], debate, "Dos", "es")
    client.force_login(citizens[1])
    assert client.post(report_url(first), report_data()).status_code == 302
    response = client.post(report_url(second), report_data())
    assert response.status_code == 429 and "Insulta a un vecino" in response.content.decode()
    assert Report.objects.count() == 1


def test_enough_reports_hold_the_comment_and_hide_its_text(client, debate, comment, citizens):
    for user in citizens[1:4]:
        client.force_login(user)
        client.post(report_url(comment), report_data())
    comment.refresh_from_db()
    assert comment.status == Comment.HELD
    client.logout()
    assert "Un comentario" not in client.get(debate.url).content.decode()


def test_report_a_debate(client, debate, citizens):
    client.force_login(citizens[1])
    url = f"{P}/debates/{debate.pk}/reportar/"
    assert client.get(url).status_code == 200
    assert client.post(url, report_data()).status_code == 302
    assert Report.objects.get().debate_id == debate.pk
    html = client.get(debate.url).content.decode()
    assert es("You reported this debate. A moderator will review it.") in html
    assert client.post(url, report_data()).status_code == 409


# Follows


def follow_url(debate):
    return f"{P}/debates/{debate.pk}/seguir/"


def test_follow_and_stop_following_the_debate(client, debate, citizen):
    client.force_login(citizen)
    response = client.post(follow_url(debate))
    assert response.status_code == 302
    assert Follow.objects.filter(user=citizen, page=debate, thread__isnull=True).exists()
    client.post(follow_url(debate))  # twice: still one
    assert Follow.objects.filter(user=citizen).count() == 1
    html = client.get(debate.url).content.decode()
    assert 'name="unfollow"' in html
    client.post(follow_url(debate), {"unfollow": "1"})
    assert not Follow.objects.filter(user=citizen).exists()


def test_follow_a_conversation(client, debate, comment, citizens):
    client.force_login(citizens[1])
    response = client.post(follow_url(debate), {"thread": comment.pk})
    assert response["Location"].endswith(f"#comentario-{comment.pk}")
    assert Follow.objects.filter(user=citizens[1], thread=comment).exists()
    reply = contributions.post_comment(citizens[2], debate, "Respuesta", "es", parent=comment)
    assert client.post(follow_url(debate), {"thread": reply.pk}).status_code == 400
    assert client.post(follow_url(debate), {"thread": "abc"}).status_code == 400


def test_anonymous_visitors_cannot_follow(client, debate):
    assert is_login(client.post(follow_url(debate)))
    assert not Follow.objects.exists()


def test_a_blocked_person_may_stop_following_but_not_follow(client, debate, citizen, moderator):
    contributions.follow(citizen, debate)
    moderation.block_user(citizen, moderator, "Spam")
    client.force_login(citizen)
    assert client.post(follow_url(debate), {"unfollow": "1"}).status_code == 302
    assert not Follow.objects.exists()
    assert client.post(follow_url(debate)).status_code == 403
    assert not Follow.objects.exists()


# Proposals


PROPOSE = f"{P}/debates/proponer/"


def proposal_data(**extra):
    return {
        "title": "¿Más parques en Soacha?",
        "description": "Los barrios del sur no tienen zonas verdes.",
        "rendered": shown(ProposalForm),
        **extra,
    }


def test_propose_a_debate(client, citizen, debate_index):
    from cms.models import Dependency

    dependency = Dependency.objects.filter(locale__language_code="es").first()
    client.force_login(citizen)
    assert client.get(PROPOSE).status_code == 200
    response = client.post(PROPOSE, proposal_data(dependency=dependency.slug))
    assert response.status_code == 302
    proposal = DebateProposal.objects.get()
    assert (proposal.author, proposal.dependency, proposal.language) == (citizen, dependency, "es")
    assert proposal.status == DebateProposal.PENDING


@pytest.mark.parametrize("who", ["anonymous", "unverified", "blocked"])
def test_who_may_not_propose_saves_nothing(request, client, who):
    if who != "anonymous":
        user = request.getfixturevalue(who)
        client.force_login(user)
    response = client.post(PROPOSE, proposal_data())
    if who == "anonymous":
        assert is_login(response) and is_login(client.get(PROPOSE))
    else:
        assert response.status_code == 403
        with translation.override("es"):
            assert standing_message(who) in response.content.decode()
    assert not DebateProposal.objects.exists()


def test_a_proposal_with_errors_keeps_the_text(client, citizen):
    client.force_login(citizen)
    response = client.post(PROPOSE, proposal_data(title="", dependency="no-existe"))
    assert response.status_code == 400
    assert "Los barrios del sur no tienen zonas verdes." in response.content.decode()
    assert not DebateProposal.objects.exists()


def test_the_honeypot_guards_proposals(client, citizen):
    client.force_login(citizen)
    response = client.post(PROPOSE, proposal_data(sitio_web="x"))
    assert response.status_code == 400 and not DebateProposal.objects.exists()


def test_proposals_are_rate_limited_with_the_text_kept(client, citizen, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "participation_propose": "1/h"}
    client.force_login(citizen)
    assert client.post(PROPOSE, proposal_data()).status_code == 302
    response = client.post(PROPOSE, proposal_data(title="Segunda propuesta"))
    assert response.status_code == 429 and "Segunda propuesta" in response.content.decode()
    assert DebateProposal.objects.count() == 1


def test_a_held_debate_takes_no_report(client, debate, citizen):
    DebateHold.objects.create(debate=debate, status=DebateHold.HELD)
    client.force_login(citizen)
    url = f"{P}/debates/{debate.pk}/reportar/"
    assert client.post(url, report_data()).status_code == 409
    assert not Report.objects.exists()
