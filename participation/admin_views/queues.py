"""What waits for a moderator, as querysets: comments, debates, proposals, and the
recent decisions of the audit log. Each row's extras (parent excerpt, open reports by
reason) are fetched for a whole page at once, so a page costs the same queries
whatever its length."""

from collections import defaultdict

from django.db.models import CharField, Count, Exists, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Cast, Coalesce
from django.utils.text import Truncator

from wagtail.models import ModelLogEntry, PageLogEntry

from participation import moderation
from participation.consultation_contexts import section_url
from participation.models import REASONS, Comment, DebateHold, DebatePage, DebateProposal, Report

EXCERPT_CHARS = 160


def excerpt(text):
    return Truncator(" ".join((text or "").split())).chars(EXCERPT_CHARS)


def _open_reports(target):
    return Report.objects.filter(resolved_at__isnull=True, **{target: OuterRef("pk")})


def _count(queryset, target):
    counted = queryset.order_by().values(target).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def comment_queue():
    """Pending and held comments, and published ones with reports nobody resolved."""
    reports = _open_reports("comment")
    return (
        Comment.objects.alias(reported=Exists(reports))
        .filter(Q(status__in=Comment.IN_QUEUE) | Q(status=Comment.PUBLISHED, reported=True))
        .annotate(open_reports=_count(reports, "comment"))
        .select_related("page", "user__participant", "section_version__section")
    )


def debate_queue():
    """Debates with a hold (held by reports or hidden) or with unresolved reports."""
    reports = _open_reports("debate")
    first_report = reports.order_by("created_at").values("created_at")[:1]
    return (
        DebatePage.objects.alias(reported=Exists(reports))
        .filter(Q(hold__isnull=False) | Q(reported=True))
        .annotate(
            open_reports=_count(reports, "debate"),
            since=Coalesce("hold__created_at", Subquery(first_report)),
        )
        .select_related("hold")
    )


def debates_waiting():
    """The debates of the queue a moderator has not decided on yet."""
    return debate_queue().exclude(hold__status=DebateHold.HIDDEN)


def proposal_queue():
    return DebateProposal.objects.filter(status=DebateProposal.PENDING).select_related(
        "author__participant", "dependency"
    )


#: ``?order=`` of each tab -> ordering; the first is the default
ORDERS = {
    "comments": {
        "oldest": ("submit_date", "pk"),
        "newest": ("-submit_date", "-pk"),
        "reports": ("-open_reports", "submit_date", "pk"),
    },
    "debates": {
        "oldest": ("since", "pk"),
        "newest": ("-since", "-pk"),
        "reports": ("-open_reports", "since", "pk"),
    },
    "proposals": {
        "oldest": ("created_at", "pk"),
        "newest": ("-created_at", "-pk"),
    },
}


def ordered(tab, queryset, order):
    """``queryset`` in the ``order`` asked for, or the tab's default for anything else."""
    orders = ORDERS[tab]
    key = order if order in orders else next(iter(orders))
    return queryset.order_by(*orders[key]), key


def reports_by_reason(target, ids):
    """id -> [(reason label, count)] of the unresolved reports of those items."""
    rows = (
        Report.objects.filter(resolved_at__isnull=True, **{f"{target}_id__in": ids})
        .order_by()
        .values(f"{target}_id", "reason")
        .annotate(n=Count("pk"))
        .order_by(f"{target}_id", "-n", "reason")
    )
    found = defaultdict(list)
    for row in rows:
        found[row[f"{target}_id"]].append((REASONS.get(row["reason"], row["reason"]), row["n"]))
    return found


def decorate_comments(comments, request):
    """Give each comment of a page its parent's excerpt, its reports by reason and the
    live URL of its debate (three queries for the page, none per row)."""
    comments = list(comments)
    parent_ids = {c.parent_id for c in comments if c.level > 0}
    parents = dict(Comment.objects.filter(pk__in=parent_ids).values_list("pk", "comment"))
    reports = reports_by_reason("comment", [c.pk for c in comments])
    for comment in comments:
        comment.excerpt = excerpt(comment.comment)
        comment.parent_excerpt = (
            excerpt(parents.get(comment.parent_id, "")) if comment.level else ""
        )
        comment.reasons = reports.get(comment.pk, [])
        comment.page_url = comment.page.get_url(request)
        if comment.page_url and comment.section_version_id:
            # a consultation's comment on a section: that section's page
            key = comment.section_version.section.key
            comment.page_url = section_url(comment.page_url, key) + f"#comentario-{comment.pk}"
    return comments


def decorate_debates(debates, request):
    debates = list(debates)
    reports = reports_by_reason("debate", [d.pk for d in debates])
    for debate in debates:
        debate.reasons = reports.get(debate.pk, [])
        debate.page_url = debate.get_url(request)
    return debates


def recent_decisions():
    """The moderators' decisions, newest first, from both audit logs (comments, blocks
    and proposals in ModelLogEntry; debates, being pages, in PageLogEntry)."""
    fields = ("timestamp", "action", "label", "user_id", "content_type_id", "data", "target")
    on_models = (
        ModelLogEntry.objects.filter(action__in=moderation.DECISIONS)
        .annotate(target=Cast("object_id", CharField()))
        .order_by()
        .values_list(*fields)
    )
    on_pages = (
        PageLogEntry.objects.filter(action__in=moderation.DECISIONS)
        .annotate(target=Cast("page_id", CharField()))
        .order_by()
        .values_list(*fields)
    )
    return on_models.union(on_pages, all=True).order_by("-timestamp")


def counts():
    """How many comments, debates and proposals wait for a decision."""
    return {
        "comments": comment_queue().count(),
        "debates": debates_waiting().count(),
        "proposals": proposal_queue().count(),
    }


def waiting_total(request):
    """All that waits, counted once per request (the menu shows it on every page)."""
    if not hasattr(request, "_participation_waiting"):
        request._participation_waiting = sum(counts().values())
    return request._participation_waiting
