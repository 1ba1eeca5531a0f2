"""The participation services: threading, phases, edit window, withdraw, reactions,
reports and the N-reports rule, follows and their e-mails, pre-moderation."""

from datetime import timedelta

from django.core import mail
from django.test import override_settings
from django.utils import timezone

import pytest

from cms.models import NotificationPreference
from participation import contributions, moderation
from participation.contributions import Refused
from participation.models import Comment, Follow, ModeratedWord, Reaction, Report

pytestmark = pytest.mark.django_db


def test_threads_three_levels_deep_and_no_deeper(debate, citizens):
    root = contributions.post_comment(citizens[0], debate, "Raíz", "es")
    reply = contributions.post_comment(citizens[1], debate, "Respuesta", "es", parent=root)
    deeper = contributions.post_comment(citizens[2], debate, "Más", "es", parent=reply)
    assert (root.level, reply.level, deeper.level) == (0, 1, 2)
    assert reply.thread_id == deeper.thread_id == root.pk
    with pytest.raises(Refused):
        contributions.post_comment(citizens[3], debate, "Demasiado", "es", parent=deeper)
    assert Comment.objects.filter(page=debate).count() == 3


def test_comment_author_is_the_nickname_never_the_email(debate, citizen):
    comment = contributions.post_comment(citizen, debate, "Hola", "es")
    assert comment.user_email == ""
    assert comment.user_name == citizen.participant.nickname
    assert "@" not in comment.user_name


@pytest.mark.parametrize("which", ["closed_debate", "announced_debate"])
def test_comments_refused_outside_the_open_phase(request, which, citizen):
    page = request.getfixturevalue(which)
    with pytest.raises(Refused):
        contributions.post_comment(citizen, page, "Tarde", "es")
    assert not Comment.objects.filter(page=page).exists()


@pytest.mark.parametrize("who", ["unverified", "blocked"])
def test_unverified_and_blocked_users_cannot_post_react_or_report(request, who, debate, citizens):
    user = request.getfixturevalue(who)
    comment = contributions.post_comment(citizens[0], debate, "Texto", "es")
    with pytest.raises(Refused):
        contributions.post_comment(user, debate, "No", "es")
    with pytest.raises(Refused):
        contributions.react(user, comment, Reaction.AGREE)
    with pytest.raises(Refused):
        contributions.report(user, "spam", comment=comment)
    assert Comment.objects.filter(page=debate).count() == 1
    assert not Reaction.objects.filter(user=user).exists()
    assert not Report.objects.filter(user=user).exists()


def test_edit_within_the_window_only(debate, citizen):
    comment = contributions.post_comment(citizen, debate, "Primera versión", "es")
    contributions.edit_comment(citizen, comment, "Segunda versión")
    comment.refresh_from_db()
    assert comment.comment == "Segunda versión" and comment.edited_at
    Comment.objects.filter(pk=comment.pk).update(
        submit_date=timezone.now() - timedelta(minutes=15, seconds=1)
    )
    comment.refresh_from_db()
    with pytest.raises(Refused):
        contributions.edit_comment(citizen, comment, "Tercera versión")
    comment.refresh_from_db()
    assert comment.comment == "Segunda versión"


def test_only_the_author_edits_or_withdraws(debate, citizens):
    comment = contributions.post_comment(citizens[0], debate, "Mío", "es")
    with pytest.raises(Refused):
        contributions.edit_comment(citizens[1], comment, "Ajeno")
    with pytest.raises(Refused):
        contributions.withdraw_comment(citizens[1], comment)
    contributions.withdraw_comment(citizens[0], comment)
    comment.refresh_from_db()
    assert comment.status == Comment.WITHDRAWN


def test_withdrawn_comment_keeps_its_replies(debate, citizens):
    root = contributions.post_comment(citizens[0], debate, "Raíz", "es")
    reply = contributions.post_comment(citizens[1], debate, "Respuesta", "es", parent=root)
    contributions.withdraw_comment(citizens[0], root)
    reply.refresh_from_db()
    assert reply.status == Comment.PUBLISHED and reply.is_public and not reply.is_removed


def test_a_reaction_is_set_changed_and_taken_back(debate, citizens):
    comment = contributions.post_comment(citizens[0], debate, "Texto", "es")
    voter = citizens[1]
    contributions.react(voter, comment, Reaction.AGREE)
    contributions.react(voter, comment, Reaction.AGREE)  # a double click changes nothing
    comment.refresh_from_db()
    assert (comment.agree_count, comment.disagree_count) == (1, 0)
    contributions.react(voter, comment, Reaction.DISAGREE)
    comment.refresh_from_db()
    assert (comment.agree_count, comment.disagree_count) == (0, 1)
    contributions.react(voter, comment, 0)
    comment.refresh_from_db()
    assert (comment.agree_count, comment.disagree_count) == (0, 0)
    assert not Reaction.objects.filter(comment=comment).exists()


def test_a_closed_debate_accepts_no_reactions(closed_debate, debate, citizens):
    comment = contributions.post_comment(citizens[0], debate, "Texto", "es")
    Comment.objects.filter(pk=comment.pk).update(page=closed_debate)
    with pytest.raises(Refused):
        contributions.react(citizens[1], comment, Reaction.AGREE)


def test_the_third_distinct_report_holds_the_comment(debate, citizens):
    comment = contributions.post_comment(citizens[0], debate, "Polémico", "es")
    contributions.report(citizens[1], "offensive", comment=comment)
    with pytest.raises(Refused):
        contributions.report(citizens[1], "spam", comment=comment)  # once per person
    contributions.report(citizens[2], "offensive", comment=comment)
    comment.refresh_from_db()
    assert comment.status == Comment.PUBLISHED and comment.report_count == 2
    contributions.report(citizens[3], "other", "Insulta", comment=comment)
    comment.refresh_from_db()
    assert comment.status == Comment.HELD and comment.report_count == 3


@override_settings(PARTICIPATION_REPORTS_TO_HIDE=1)
def test_the_threshold_is_a_setting(debate, citizens):
    comment = contributions.post_comment(citizens[0], debate, "Polémico", "es")
    contributions.report(citizens[1], "spam", comment=comment)
    comment.refresh_from_db()
    assert comment.status == Comment.HELD


def test_authors_cannot_report_themselves(debate, citizen):
    comment = contributions.post_comment(citizen, debate, "Mío", "es")
    with pytest.raises(Refused):
        contributions.report(citizen, "spam", comment=comment)


def test_word_list_sends_a_comment_to_premoderation(debate, citizen):
    ModeratedWord.objects.create(word="Estúpido")
    comment = contributions.post_comment(citizen, debate, "Qué idea tan ESTUPIDO", "es")
    assert comment.status == Comment.PENDING and not comment.is_public
    fine = contributions.post_comment(citizen, debate, "Qué idea tan estupenda", "es")
    assert fine.status == Comment.PUBLISHED


def test_premoderation_of_first_comments(debate, citizens):
    debate.premoderation = debate.PREMODERATION_NEW
    debate.save()
    first = contributions.post_comment(citizens[0], debate, "Primero", "es")
    assert first.status == Comment.PENDING
    moderation.approve_comment(first, None)
    second = contributions.post_comment(citizens[0], debate, "Segundo", "es")
    assert second.status == Comment.PUBLISHED


def test_followers_get_one_background_email_per_reply(
    debate, citizens, django_capture_on_commit_callbacks
):
    root = contributions.post_comment(citizens[0], debate, "Raíz", "es")
    contributions.follow(citizens[0], debate, thread=root)
    contributions.follow(citizens[0], debate)  # both: still one e-mail
    contributions.follow(citizens[2], debate)
    NotificationPreference.objects.create(
        user=citizens[2], kind=NotificationPreference.Kind.FOLLOWED, frequency="immediately"
    )
    with django_capture_on_commit_callbacks(execute=True):
        contributions.post_comment(citizens[1], debate, "Respuesta", "es", parent=root)
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted([citizens[0].email, citizens[2].email])
    message = next(m for m in mail.outbox if m.to == [citizens[0].email])
    follow = Follow.objects.get(user=citizens[0], thread=root)
    assert str(follow.token) in message.extra_headers["List-Unsubscribe"]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert citizens[1].email not in message.body


def test_hide_and_restore_are_logged_and_explained(
    debate, citizens, moderator, django_capture_on_commit_callbacks
):
    from wagtail.models import ModelLogEntry

    comment = contributions.post_comment(citizens[0], debate, "Ofensivo", "es")
    with django_capture_on_commit_callbacks(execute=True):
        moderation.hide_comment(comment, moderator, "offensive", "Insulto a otra persona")
    comment.refresh_from_db()
    assert comment.status == Comment.HIDDEN and comment.hidden_reason == "offensive"
    with django_capture_on_commit_callbacks(execute=True):
        moderation.restore_comment(comment, moderator)
    comment.refresh_from_db()
    assert comment.status == Comment.PUBLISHED
    actions = list(
        ModelLogEntry.objects.for_instance(comment)
        .order_by("timestamp", "pk")
        .values_list("action", "user_id")
    )
    assert actions == [
        ("participation.hide", moderator.pk),
        ("participation.restore", moderator.pk),
    ]
    assert [m.to for m in mail.outbox] == [[citizens[0].email]] * 2
    assert "?tipo=claim" in mail.outbox[0].body
