"""Who may do what in debates (and every participation module), one named predicate
per right, used by the views, the templates (through the context) and the admin menu
alike. Each is proved by tests/participation/test_rules.py."""

from django.utils import timezone

from allauth.account.models import EmailAddress


def has_verified_email(user):
    return bool(user and user.is_authenticated) and (
        EmailAddress.objects.filter(user=user, verified=True).exists()
    )


def is_blocked(user):
    """Blocked from participating (reading stays open): an active block."""
    from participation.models import Block

    if not (user and user.is_authenticated):
        return False
    return Block.active(timezone.now()).filter(user=user).exists()


def can_participate(user):
    """Comment, reply, react, report, follow and propose: a signed-in person with a
    verified email who is not blocked."""
    return has_verified_email(user) and not is_blocked(user)


def can_comment(user):
    return can_participate(user)


def can_react(user):
    return can_participate(user)


def can_report(user):
    return can_participate(user)


def can_propose_debate(user):
    return can_participate(user)


def can_follow(user):
    return can_participate(user)


def can_moderate(user):
    """The "Moderadores" group (and superusers): the moderation queue, decisions on
    comments, debates and proposals, blocks, and the word list."""
    return bool(user and user.is_authenticated) and user.has_perm("participation.moderate")


def can_see_hidden_text(user):
    """The text of a held or hidden comment is served to moderators only."""
    return can_moderate(user)


def _editable_by_author(user, comment, now):
    return (
        bool(user and user.is_authenticated)
        and comment.user_id == user.pk
        and comment.status in (comment.PUBLISHED, comment.PENDING)
        and now < comment.editable_until()
    )


def can_edit_comment(user, comment, now=None):
    """Its author, within the edit window, while it is published or pending."""
    return _editable_by_author(user, comment, now or timezone.now()) and can_participate(user)


def editable_comments(user, comments, now=None):
    """The pks of ``comments`` that ``user`` may edit (can_edit_comment of each), with
    the user's standing looked up once: a thread of any length costs two queries."""
    now = now or timezone.now()
    mine = [c.pk for c in comments if _editable_by_author(user, c, now)]
    return set(mine) if mine and can_participate(user) else set()


def can_withdraw_comment(user, comment):
    """Its author, at any time, unless a moderator already hid it."""
    return (
        bool(user and user.is_authenticated)
        and comment.user_id == user.pk
        and comment.status in (comment.PUBLISHED, comment.PENDING)
    )


# Results and participation certificates (consultations and debates)


def can_get_certificate(user, page=None):
    """A participation certificate of ``page``: a signed-in person who took part in
    it (a published comment; a position on a consultation's section; a reaction in
    a debate), whatever their standing today (a later block does not undo it)."""
    from participation.results import took_part

    return bool(user and user.is_authenticated and page is not None) and took_part(user, page)
