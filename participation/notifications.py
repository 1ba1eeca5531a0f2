"""E-mails of participation: queued as Notification rows in the transaction of the
change that causes them, delivered by participation.tasks after commit."""

from django.db import transaction

from cms.models import NotificationPreference
from participation.models import Comment, Follow, Notification
from subscriptions import digests

Preference = NotificationPreference.Kind
NEVER = NotificationPreference.Frequency.NEVER


def _enqueue(notification):
    from participation.tasks import deliver_notification

    transaction.on_commit(lambda: deliver_notification.enqueue(notification.pk))


def queue_replies(comment):
    """Tell the followers of the comment's debate and of its thread (never its author,
    never twice) that it was published, in each one's preferred language.

    A follower of the thread hears of it as a reply ("replies to my comments" in "Mi
    cuenta"), a follower of the whole debate as news of a followed process; whoever
    chose "never" for that kind is skipped, whoever chose a daily or weekly digest gets
    it there (subscriptions.digests), the others at once (a constant number of
    queries)."""
    follows = list(
        Follow.objects.filter(thread_id=comment.thread_id)
        .exclude(user_id=comment.user_id)
        .select_related("user")
        if comment.level > 0
        else []
    )
    follows += (
        Follow.objects.filter(page_id=comment.page_id, thread__isnull=True)
        .exclude(user_id=comment.user_id)
        .select_related("user")
    )
    user_ids = {follow.user_id for follow in follows}
    frequencies = {
        Preference.REPLIES: NotificationPreference.frequencies(user_ids, Preference.REPLIES),
        Preference.FOLLOWED: NotificationPreference.frequencies(user_ids, Preference.FOLLOWED),
    }
    seen = set()
    held = {Preference.REPLIES: [], Preference.FOLLOWED: []}
    for follow in follows:
        if follow.user_id in seen:
            continue
        seen.add(follow.user_id)
        kind = Preference.REPLIES if follow.thread_id else Preference.FOLLOWED
        frequency = frequencies[kind][follow.user_id]
        if frequency == NEVER:
            continue
        if digests.is_held(frequency):
            held[kind].append(follow.user_id)
            continue
        notification = Notification.objects.create(
            user_id=follow.user_id,
            kind=Notification.Kind.REPLY,
            follow=follow,
            language=follow.user.preferred_language or comment.language,
            context={"comment": comment.pk},
        )
        _enqueue(notification)
    for kind, event in ((Preference.REPLIES, "reply"), (Preference.FOLLOWED, "comment")):
        if held[kind]:
            digests.hold_many(held[kind], kind, event, f"comment:{comment.pk}", comment.page_id)


def queue_decision(user, decision, comment=None, debate=None, **details):
    """Explain a moderation decision (``approved``, ``hidden``, ``restored``,
    ``blocked``, ``unblocked``, ``accepted``, ``rejected``) to ``user``."""
    if user is None:
        return None
    context = {"decision": decision}
    language = "es"
    if comment is not None:
        context["comment"] = comment.pk
        language = comment.language
    if debate is not None:
        context["debate"] = debate.pk
        language = debate.locale.language_code
    for key, value in details.items():
        if value is None or value == "":
            continue
        context[key] = value.isoformat() if hasattr(value, "isoformat") else value
    notification = Notification.objects.create(
        user=user,
        kind=Notification.Kind.DECISION,
        language=language,
        context=context,
    )
    _enqueue(notification)
    return notification


def queue_proposal_outcome(proposal):
    notification = Notification.objects.create(
        user=proposal.author,
        kind=Notification.Kind.PROPOSAL,
        language=proposal.language,
        context={"proposal": proposal.pk},
    )
    _enqueue(notification)
    return notification


def comment_of(notification):
    pk = notification.context.get("comment")
    return Comment.objects.filter(pk=pk).select_related("page").first() if pk else None


def queue_consultation(user_id, kind, language, **context):
    """Tell a consultation's participant that its matrix was published (``comments``:
    theirs, to list what was answered to each) or that its norm was issued (``norm``);
    ``page`` is the consultation's original page, linked in ``language`` when sent.
    The matrix answers the participant's own comments, so it follows their choice for
    "replies to my comments" (by default at once); the issued norm is news of a followed
    process. Nothing is queued for "never"; for a digest, it is held (returns None)."""
    preference = Preference.REPLIES if kind == Notification.Kind.MATRIX else Preference.FOLLOWED
    frequency = NotificationPreference.frequency_for(user_id, preference)
    if frequency == NEVER:
        return None
    if digests.is_held(frequency):
        page = context["page"]
        digests.hold(user_id, preference, kind, f"{kind}:{page}", page)
        return None
    notification = Notification.objects.create(
        user_id=user_id, kind=kind, language=language, context=context
    )
    _enqueue(notification)
    return notification
