"""Decisions from the moderation admin: each changes the item, resolves its reports,
writes Wagtail's audit log (who and why) and e-mails the author the reason and how to
appeal; bad input changes nothing and says why."""

from datetime import timedelta

from django.conf import settings
from django.contrib.messages import get_messages
from django.core import mail
from django.utils import timezone, translation
from django.utils.translation import ngettext

from wagtail.models import ModelLogEntry, PageLogEntry

import pytest

from participation import contributions, moderation
from participation.contributions import Refused
from participation.models import REASONS, Block, Comment, DebateHold, Report

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def reported(debate, citizens):
    """A comment held by three reports."""
    comment = contributions.post_comment(citizens[0], debate, "Texto reportado", "es")
    for person in citizens[1:4]:
        contributions.report(person, "offensive", "Insulta", comment=comment)
    comment.refresh_from_db()
    assert comment.status == Comment.HELD
    return comment


def _decide(client, comment, capture, **data):
    with capture(execute=True):
        response = client.post(f"/admin/moderacion/comentarios/{comment.pk}/", data)
    comment.refresh_from_db()
    return response


def _messages(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def _last_entry(comment):
    return ModelLogEntry.objects.for_instance(comment).order_by("-timestamp", "-pk").first()


def _reason(code, language="es"):
    with translation.override(language):
        return str(REASONS[code])


def test_approve_a_pending_comment(
    moderator_client, moderator, debate, citizens, django_capture_on_commit_callbacks
):
    debate.premoderation = debate.PREMODERATION_ALL
    debate.save()
    comment = contributions.post_comment(citizens[0], debate, "Espera aprobación", "es")
    response = _decide(
        moderator_client, comment, django_capture_on_commit_callbacks, action="approve"
    )
    assert response.status_code == 302 and response["Location"].startswith("/admin/moderacion/")
    assert comment.status == Comment.PUBLISHED and comment.is_public
    entry = _last_entry(comment)
    assert (entry.action, entry.user) == (moderation.APPROVE, moderator)
    assert [m.to for m in mail.outbox] == [[citizens[0].email]]
    assert "?tipo=claim" in mail.outbox[0].body
    assert _messages(response)


def test_approve_dismisses_the_reports_of_a_held_comment(
    moderator_client, reported, django_capture_on_commit_callbacks
):
    _decide(moderator_client, reported, django_capture_on_commit_callbacks, action="approve")
    assert reported.status == Comment.PUBLISHED and reported.report_count == 0
    assert not Report.objects.filter(comment=reported, resolved_at__isnull=True).exists()


def test_hide_with_reason_and_note_then_restore(
    moderator_client, moderator, reported, citizens, django_capture_on_commit_callbacks
):
    _decide(
        moderator_client,
        reported,
        django_capture_on_commit_callbacks,
        action="hide",
        **{"hide-reason": "offensive", "hide-note": "Evite los insultos."},
    )
    assert (reported.status, reported.hidden_reason) == (Comment.HIDDEN, "offensive")
    assert not Report.objects.filter(comment=reported, resolved_at__isnull=True).exists()
    entry = _last_entry(reported)
    assert (entry.action, entry.user) == (moderation.HIDE, moderator)
    assert entry.data["reason"] == "offensive" and entry.data["note"] == "Evite los insultos."
    (message,) = mail.outbox
    assert message.to == [citizens[0].email]
    assert _reason("offensive") in message.body and "Evite los insultos." in message.body
    assert "?tipo=claim" in message.body

    _decide(
        moderator_client,
        reported,
        django_capture_on_commit_callbacks,
        action="restore",
        **{"restore-note": "Revisado de nuevo."},
    )
    assert (reported.status, reported.hidden_reason) == (Comment.PUBLISHED, "")
    entry = _last_entry(reported)
    assert (entry.action, entry.data["note"]) == (moderation.RESTORE, "Revisado de nuevo.")
    assert len(mail.outbox) == 2 and "?tipo=claim" in mail.outbox[1].body


def test_block_prevents_posting_and_unblock_lifts_it(
    moderator_client, moderator, reported, debate, citizens, django_capture_on_commit_callbacks
):
    author = citizens[0]
    _decide(
        moderator_client,
        reported,
        django_capture_on_commit_callbacks,
        action="block",
        **{"block-duration": "7", "block-reason": "Insultos repetidos"},
    )
    block = Block.objects.get(user=author)
    assert block.created_by == moderator and block.reason == "Insultos repetidos"
    assert timedelta(days=6, hours=23) < block.until - timezone.now() <= timedelta(days=7)
    entry = ModelLogEntry.objects.for_instance(block).get()
    assert (entry.action, entry.user, entry.data["reason"]) == (
        moderation.BLOCK,
        moderator,
        "Insultos repetidos",
    )
    (message,) = mail.outbox
    assert "Insultos repetidos" in message.body and "?tipo=claim" in message.body
    with pytest.raises(Refused):
        contributions.post_comment(author, debate, "Sigo aquí", "es")

    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(
            f"/admin/moderacion/bloqueos/{block.pk}/levantar/",
            {"back": "blocks", "unblock-note": "Bienvenido de nuevo"},
        )
    assert response["Location"] == "/admin/moderacion/bloqueos/"
    block.refresh_from_db()
    assert block.lifted_at and block.lifted_by == moderator
    assert contributions.post_comment(author, debate, "De vuelta", "es").pk
    assert len(mail.outbox) == 2 and "?tipo=claim" in mail.outbox[1].body


def test_a_permanent_block(moderator_client, reported, django_capture_on_commit_callbacks):
    _decide(
        moderator_client,
        reported,
        django_capture_on_commit_callbacks,
        action="block",
        **{"block-duration": "permanent", "block-reason": "Spam automatizado"},
    )
    assert Block.objects.get(user=reported.user).until is None


@pytest.mark.parametrize(
    "data",
    [
        {"action": "hide", "hide-reason": "no-such-reason"},
        {"action": "hide"},
        {"action": "block", "block-duration": "7", "block-reason": "   "},
        {"action": "block", "block-duration": "365", "block-reason": "Motivo"},
        {"action": "restore", "restore-note": "x" * 1001},
        {"action": "delete"},
        {},
    ],
    ids=[
        "unknown reason",
        "no reason",
        "blank block reason",
        "unknown duration",
        "note too long",
        "unknown action",
        "nothing",
    ],
)
def test_bad_input_changes_nothing_and_says_why(
    moderator_client, reported, data, django_capture_on_commit_callbacks
):
    entries = ModelLogEntry.objects.count()
    response = _decide(moderator_client, reported, django_capture_on_commit_callbacks, **data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="alert"' in html or "error-message" in html or _messages(response)
    assert reported.status == Comment.HELD
    assert Report.objects.filter(comment=reported, resolved_at__isnull=True).count() == 3
    assert not Block.objects.exists()
    assert ModelLogEntry.objects.count() == entries
    assert mail.outbox == []


def test_a_decision_the_state_does_not_allow_is_refused(
    moderator_client, debate, citizens, django_capture_on_commit_callbacks
):
    comment = contributions.post_comment(citizens[0], debate, "Me retiro", "es")
    contributions.withdraw_comment(citizens[0], comment)
    response = _decide(
        moderator_client, comment, django_capture_on_commit_callbacks, action="approve"
    )
    assert response.status_code == 200 and 'role="alert"' in response.content.decode()
    assert comment.status == Comment.WITHDRAWN


def test_the_item_page_shows_text_reports_and_history_escaped(
    moderator_client, moderator, debate, citizens
):
    earlier = contributions.post_comment(citizens[0], debate, "Anterior", "es")
    moderation.hide_comment(earlier, moderator, "spam", "Publicidad repetida")
    root = contributions.post_comment(citizens[1], debate, "Comentario <em>padre</em>", "es")
    reply = contributions.post_comment(
        citizens[0], debate, "Respuesta <script>x()</script>", "es", parent=root
    )
    contributions.report(citizens[2], "other", "Detalle <b>malo</b>", comment=reply)
    html = moderator_client.get(f"/admin/moderacion/comentarios/{reply.pk}/").content.decode()
    assert "Respuesta &lt;script&gt;x()&lt;/script&gt;" in html and "<script>x()" not in html
    assert "Comentario &lt;em&gt;padre&lt;/em&gt;" in html
    assert "Detalle &lt;b&gt;malo&lt;/b&gt;" in html
    assert citizens[0].email in html
    assert "Publicidad repetida" in html  # the author's earlier decision, from the audit log
    assert f"/admin/moderacion/comentarios/{earlier.pk}/" in html


def test_bulk_approve(
    moderator_client, moderator, debate, citizens, django_capture_on_commit_callbacks
):
    debate.premoderation = debate.PREMODERATION_ALL
    debate.save()
    comments = [contributions.post_comment(c, debate, "Pendiente", "es") for c in citizens[:3]]
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(
            "/admin/moderacion/lote/", {"action": "approve", "ids": [c.pk for c in comments]}
        )
    assert response.status_code == 302
    statuses = Comment.objects.filter(pk__in=[c.pk for c in comments]).values_list("status")
    assert set(statuses) == {(Comment.PUBLISHED,)}
    assert ModelLogEntry.objects.filter(action=moderation.APPROVE, user=moderator).count() == 3
    assert len(mail.outbox) == 3
    with translation.override(settings.LANGUAGE_CODE):  # the admin's language
        summary = ngettext("%(n)s comment approved.", "%(n)s comments approved.", 3) % {"n": 3}
    assert _messages(response) == [summary]


def test_bulk_hide_with_a_reason(
    moderator_client, reported, debate, citizens, django_capture_on_commit_callbacks
):
    other = contributions.post_comment(citizens[1], debate, "Otro", "es")
    contributions.report(citizens[2], "spam", comment=other)
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(
            "/admin/moderacion/lote/",
            {"action": "hide", "reason": "spam", "ids": [reported.pk, other.pk]},
        )
    decided = Comment.objects.filter(pk__in=[reported.pk, other.pk])
    assert set(decided.values_list("status", "hidden_reason")) == {(Comment.HIDDEN, "spam")}
    assert not Report.objects.filter(comment__in=decided, resolved_at__isnull=True).exists()
    assert sorted(m.to[0] for m in mail.outbox) == sorted([citizens[0].email, citizens[1].email])
    assert all(_reason("spam") in m.body for m in mail.outbox)


@pytest.mark.parametrize(
    "data",
    [
        {"action": "hide", "ids": ["HELD"]},
        {"action": "hide", "reason": "nope", "ids": ["HELD"]},
        {"action": "approve", "ids": ["HELD", "999999"]},
        {"action": "approve", "ids": ["HELD", "abc"]},
        {"action": "approve", "ids": ["HELD", "WITHDRAWN"]},
        {"action": "approve", "ids": ["99999999999999999999"]},
        {"action": "publish", "ids": ["HELD"]},
        {"action": "approve"},
    ],
    ids=[
        "hide without reason",
        "unknown reason",
        "unknown id",
        "not an id",
        "withdrawn",
        "out of range",
        "unknown action",
        "none ticked",
    ],
)
def test_bulk_bad_input_changes_nothing(
    moderator_client, reported, debate, citizens, data, django_capture_on_commit_callbacks
):
    withdrawn = contributions.post_comment(citizens[1], debate, "Retirado", "es")
    contributions.withdraw_comment(citizens[1], withdrawn)
    names = {"HELD": str(reported.pk), "WITHDRAWN": str(withdrawn.pk)}
    if "ids" in data:
        data = {**data, "ids": [names.get(value, value) for value in data["ids"]]}
    entries = ModelLogEntry.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post("/admin/moderacion/lote/", data)
    assert response.status_code == 302
    (message,) = get_messages(response.wsgi_request)
    assert message.level_tag == "error"
    reported.refresh_from_db()
    withdrawn.refresh_from_db()
    assert (reported.status, withdrawn.status) == (Comment.HELD, Comment.WITHDRAWN)
    assert ModelLogEntry.objects.count() == entries and mail.outbox == []


def test_hide_and_restore_a_debate(
    moderator_client, moderator, debate, citizens, django_capture_on_commit_callbacks
):
    debate.proposed_by = contributions.profile_for(citizens[0])
    debate.save()
    contributions.report(citizens[1], "off_topic", "No corresponde", debate=debate)
    url = f"/admin/moderacion/debates/{debate.pk}/"
    page = moderator_client.get(url).content.decode()
    assert "No corresponde" in page
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(url, {"action": "hide", "hide-reason": "off_topic"})
    hold = DebateHold.objects.get(debate=debate)
    assert (hold.status, hold.reason) == (DebateHold.HIDDEN, "off_topic")
    assert not Report.objects.filter(debate=debate, resolved_at__isnull=True).exists()
    entry = PageLogEntry.objects.filter(page=debate).order_by("-timestamp", "-pk").first()
    assert (entry.action, entry.user, entry.data["reason"]) == (
        moderation.HIDE,
        moderator,
        "off_topic",
    )
    (message,) = mail.outbox  # to the citizen who proposed it
    assert message.to == [citizens[0].email]
    assert _reason("off_topic") in message.body and "?tipo=claim" in message.body
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(url, {"action": "restore"})
    assert not DebateHold.objects.filter(debate=debate).exists()
    assert PageLogEntry.objects.filter(page=debate, action=moderation.RESTORE).exists()
    assert len(mail.outbox) == 2
    response = moderator_client.post(url, {"action": "hide", "hide-reason": "bogus"})
    assert response.status_code == 200 and not DebateHold.objects.filter(debate=debate).exists()
