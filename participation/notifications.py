"""E-mails of participation: queued as Notification rows in the transaction of the
change that causes them, delivered by participation.tasks after commit."""

from django.db import transaction

from participation.models import Comment, Follow, Notification


def _enqueue(notification):
    from participation.tasks import deliver_notification

    transaction.on_commit(lambda: deliver_notification.enqueue(notification.pk))


def queue_replies(comment):
    """Tell the followers of the comment's debate and of its thread (never its author,
    never twice) that it was published."""
    follows = list(
        Follow.objects.filter(thread_id=comment.thread_id).exclude(user_id=comment.user_id)
        if comment.level > 0
        else []
    )
    follows += Follow.objects.filter(page_id=comment.page_id, thread__isnull=True).exclude(
        user_id=comment.user_id
    )
    seen = set()
    for follow in follows:
        if follow.user_id in seen:
            continue
        seen.add(follow.user_id)
        notification = Notification.objects.create(
            user_id=follow.user_id,
            kind=Notification.Kind.REPLY,
            follow=follow,
            language=comment.language,
            context={"comment": comment.pk},
        )
        _enqueue(notification)


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
    ``page`` is the consultation's original page, linked in ``language`` when sent."""
    notification = Notification.objects.create(
        user_id=user_id, kind=kind, language=language, context=context
    )
    _enqueue(notification)
    return notification
