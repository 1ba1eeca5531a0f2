"""A participant's history for the moderator deciding on them: their last comments,
their blocks, and the decisions Wagtail's audit log holds on both."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast

from wagtail.models import ModelLogEntry

from participation import moderation
from participation.models import REASONS, Block, Comment

LAST_COMMENTS = 10
LAST_DECISIONS = 20


def _keys(queryset):
    """The ids of ``queryset`` as the audit log stores them (text)."""
    return queryset.annotate(key=Cast("pk", CharField())).values("key")


def decisions_on(user):
    """The audit-log entries on ``user``'s comments and blocks, newest first."""
    by_type = ContentType.objects.get_for_models(Comment, Block)
    entries = (
        ModelLogEntry.objects.filter(
            Q(content_type=by_type[Comment], object_id__in=_keys(Comment.objects.filter(user=user)))
            | Q(content_type=by_type[Block], object_id__in=_keys(Block.objects.filter(user=user))),
            action__in=(*moderation.DECISIONS, moderation.HOLD),
        )
        .select_related("user")
        .order_by("-timestamp", "-pk")[:LAST_DECISIONS]
    )
    entries = list(entries)
    for entry in entries:
        data = entry.data or {}
        entry.reason_label = REASONS.get(data.get("reason"), data.get("reason") or "")
        entry.note = data.get("note", "")
    return entries


def author_history(user):
    """Template context: ``history_comments``, ``history_blocks``, ``history_decisions``."""
    if user is None:
        return {"history_comments": [], "history_blocks": [], "history_decisions": []}
    return {
        "history_comments": Comment.objects.filter(user=user)
        .select_related("page")
        .order_by("-submit_date", "-pk")[:LAST_COMMENTS],
        "history_blocks": Block.objects.filter(user=user).select_related("created_by", "lifted_by"),
        "history_decisions": decisions_on(user),
    }
