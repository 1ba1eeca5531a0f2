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


# Consultations: importing a draft from a text file -------------------------------------


def can_import_draft(user, page):
    """Replace or extend a consultation's draft from a .txt or .md file: whoever may
    edit that page in the admin (authors and editors with page rights, superusers).
    The import saves a revision; publishing still goes through the workflow."""
    if not (user and user.is_authenticated) or page is None:
        return False
    return page.permissions_for_user(user).can_edit()


# Consultations: the answers matrix


def _officer_profile(user):
    """The user's PQRSD officer profile (pqr's model, read through the app registry:
    participation does not import pqr), or None."""
    from django.apps import apps

    OfficerProfile = apps.get_model("pqr", "OfficerProfile")
    return OfficerProfile.objects.filter(user=user).first()


def _holds_answer_permission(user):
    return bool(user and user.is_authenticated) and (
        user.is_superuser or user.has_perm("participation.answer_observations")
    )


def can_answer_any(user):
    """The "Consultas" admin menu: superusers and the holders of
    participation.answer_observations (the "Funcionarios PQRSD" group)."""
    return _holds_answer_permission(user)


def answerable_dependencies(user):
    """``None`` when ``user`` may answer the consultations of every dependency, else
    the ids of the dependencies theirs (an empty set for none). Consultations without a
    dependency are answerable by every holder of the permission."""
    if user.is_superuser:
        return None
    profile = _officer_profile(user)
    if profile is None:
        return set()
    if profile.sees_all:
        return None
    return set(profile.dependencies.values_list("pk", flat=True))


def can_answer_observations(user, page):
    """Answer the observations of consultation ``page`` and publish its matrix:
    superusers, or holders of participation.answer_observations assigned to the
    consultation's dependency (pqr's OfficerProfile; ``sees_all`` sees every one); a
    consultation without a dependency, any holder of the permission."""
    if not _holds_answer_permission(user):
        return False
    if user.is_superuser or page.dependency_id is None:
        return True
    allowed = answerable_dependencies(user)
    return allowed is None or page.dependency_id in allowed


# Results and participation certificates (consultations and debates)


def can_get_certificate(user, page=None):
    """A participation certificate of ``page``: a signed-in person who took part in
    it (a published comment; a position on a consultation's section; a reaction in
    a debate), whatever their standing today (a later block does not undo it)."""
    from participation.results import took_part

    return bool(user and user.is_authenticated and page is not None) and took_part(user, page)
