"""What the debate index and the debate page show, computed in a bounded number of
queries (page models call these; views reuse them)."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext

from cms.pagination import paginate
from participation import phases, rules
from participation.forms import (
    COMMENT_MAX_LENGTH,
    ORDER_MOST_COMMENTED,
    CommentForm,
    DebateFilterForm,
    current_language,
)
from participation.models import (
    Comment,
    DebateHold,
    DebateIndexPage,
    Follow,
    Reaction,
    Report,
    with_comment_counts,
)
from participation.personal_data import author_name

DEBATES_PER_PAGE = 10
#: how much of an invalid filter value a notice quotes back
ECHO_LENGTH = 40


def standing(user):
    """Why ``user`` may not take part: ``anonymous``, ``unverified``, ``blocked``, or
    ``None`` when they may (rules.can_participate, in two queries at most)."""
    if not (user and user.is_authenticated):
        return "anonymous"
    if not rules.has_verified_email(user):
        return "unverified"
    if rules.is_blocked(user):
        return "blocked"
    return None


# The debate index


def read_debate_filters(request):
    """(valid filter values, display form, notices): an invalid value is ignored with a
    notice, never an error page (like every listing of the portal)."""
    signed_in = request.user.is_authenticated
    data = request.GET.copy()
    data.pop("page", None)
    bound = DebateFilterForm(data, signed_in=signed_in)
    bound.is_valid()
    notices = []
    for name in bound.errors:
        value = data.get(name, "")
        shown = value if len(value) <= ECHO_LENGTH else value[:ECHO_LENGTH] + "…"
        label = bound.fields[name].label if name in bound.fields else name
        notices.append(
            gettext("“%(value)s” is not a valid value for “%(field)s”: that filter was ignored.")
            % {"value": shown, "field": label}
        )
    values = {k: v for k, v in bound.cleaned_data.items() if v not in (None, "", False)}
    display = DebateFilterForm(initial=values, signed_in=signed_in)
    return values, display, notices


def filter_query(values):
    """The active filters as a query string, for the pagination links."""
    pairs = []
    for name, value in values.items():
        if name == "dependency":
            value = value.slug
        elif value is True:
            value = "on"
        pairs.append((name, value))
    return urlencode(pairs)


def filter_debates(debates, values, user, now=None):
    now = now or timezone.now()
    status = values.get("status")
    if status == phases.ANNOUNCED:
        debates = debates.filter(opens_at__gt=now)
    elif status == phases.OPEN:
        debates = debates.filter(opens_at__lte=now, closes_at__gt=now)
    elif status == phases.CLOSED:
        debates = debates.filter(closes_at__lte=now)
    if values.get("dependency") is not None:
        debates = debates.filter(dependency=values["dependency"])
    if values.get("mine") and user.is_authenticated:
        commented = Comment.objects.filter(page_id=OuterRef("pk"), user=user)
        debates = debates.filter(Q(proposed_by__user=user) | Exists(commented))
    return debates


def index_context(index, request):
    user = request.user
    values, form, notices = read_debate_filters(request)
    debates = index.debates(request)
    moderator = rules.can_moderate(user)
    if not moderator:
        debates = debates.filter(hold__isnull=True)
    debates = with_comment_counts(filter_debates(debates, values, user))
    if values.get("order") == ORDER_MOST_COMMENTED:
        debates = debates.order_by("-comment_count", "-opens_at", "-pk")
    else:
        debates = debates.order_by("-opens_at", "-pk")
    debates = debates.select_related("dependency", "proposed_by", "hold")
    return {
        "filter_form": form,
        "filters": values,
        "notices": notices,
        "page_obj": paginate(request, debates, DEBATES_PER_PAGE, notices),
        "extra_query": filter_query(values),
        "can_propose": rules.can_propose_debate(user),
        "standing": standing(user),
        "is_moderator": moderator,
    }


# The debate page


@dataclass
class Node:
    """One comment of the thread as the page shows it, with what the viewer may do."""

    comment: Comment
    show: str  # "text", "withdrawn", "hidden", "held" or "pending"
    author: str = ""  # the nickname
    profile_id: int | None = None
    children: list = field(default_factory=list)
    reaction: int = 0
    reported: bool = False
    following: bool = False
    can_reply: bool = False
    can_react: bool = False
    can_report: bool = False
    can_edit: bool = False
    can_withdraw: bool = False
    can_follow: bool = False


SHOWN_AS = {
    Comment.PUBLISHED: "text",
    Comment.WITHDRAWN: "withdrawn",
    Comment.HIDDEN: "hidden",
    Comment.HELD: "held",
    Comment.PENDING: "pending",
}


@dataclass
class ViewerMarks:
    """What the viewer already did on a debate page."""

    reactions: dict = field(default_factory=dict)  # comment pk -> 1 or -1
    reported: set = field(default_factory=set)  # comment pks
    follows: set = field(default_factory=set)  # thread pks; None for the whole debate
    debate_reported: bool = False


def viewer_marks(user, debate):
    """The viewer's reactions, reports and follows on this page: one query each."""
    if not user.is_authenticated:
        return ViewerMarks()
    reactions = dict(
        Reaction.objects.filter(user=user, comment__page_id=debate.pk).values_list(
            "comment_id", "value"
        )
    )
    reports = Report.objects.filter(user=user).filter(
        Q(comment__page_id=debate.pk) | Q(debate_id=debate.pk)
    )
    reported = set()
    debate_reported = False
    for comment_id, debate_id in reports.values_list("comment_id", "debate_id"):
        if debate_id:
            debate_reported = True
        else:
            reported.add(comment_id)
    follows = set(
        Follow.objects.filter(user=user, page_id=debate.pk).values_list("thread_id", flat=True)
    )
    return ViewerMarks(reactions, reported, follows, debate_reported)


def build_thread(comments, user, debate, may_participate, marks):
    """The comments (ordered by thread and order) as a tree of ``Node``: another
    person's pending comment is left out and its replies move up to its parent."""
    editable = rules.editable_comments(user, comments)
    is_open = debate.is_open
    max_level = settings.COMMENTS_XTD_MAX_THREAD_LEVEL
    nodes, roots, dropped = {}, [], {}
    for comment in comments:
        mine = user.is_authenticated and comment.user_id == user.pk
        parent_id = comment.parent_id
        while parent_id in dropped:
            parent_id = dropped[parent_id]
        if comment.status == Comment.PENDING and not mine:
            dropped[comment.pk] = parent_id
            continue
        published = comment.status == Comment.PUBLISHED
        following = comment.pk in marks.follows
        profile = getattr(comment.user, "participant", None) if comment.user_id else None
        node = Node(
            comment=comment,
            show=SHOWN_AS.get(comment.status, "held"),
            author=profile.nickname if profile else author_name(comment),
            profile_id=profile.pk if profile else None,
            reaction=marks.reactions.get(comment.pk, 0),
            reported=comment.pk in marks.reported,
            following=following,
            can_reply=may_participate and is_open and published and comment.level < max_level,
            can_react=may_participate and is_open and published,
            can_report=may_participate and published and not mine,
            can_edit=comment.pk in editable,
            can_withdraw=rules.can_withdraw_comment(user, comment),
            can_follow=comment.level == 0 and (following or (may_participate and published)),
        )
        nodes[comment.pk] = node
        parent = nodes.get(parent_id) if parent_id != comment.pk else None
        (parent.children if parent else roots).append(node)
    return roots


def debate_index_of(debate):
    return (
        DebateIndexPage.objects.ancestor_of(debate)
        .select_related("code_of_conduct")
        .order_by("-depth")
        .first()
    )


def debate_context(debate, request):
    user = request.user
    moderator = rules.can_moderate(user)
    hold = DebateHold.objects.filter(debate_id=debate.pk).first()
    context = {"hold": hold, "is_moderator": moderator, "phase": debate.phase()}
    if hold is not None and not moderator:
        return {**context, "debate_hidden": True}
    problem = standing(user)
    comments = list(
        Comment.objects.filter(page_id=debate.pk)
        .select_related("user__participant")
        .order_by("thread_id", "order")
    )
    may_participate = problem is None and hold is None
    marks = viewer_marks(user, debate)
    thread = build_thread(comments, user, debate, may_participate, marks)
    index = debate_index_of(debate)
    conduct = index.code_of_conduct if index else None
    context.update(
        {
            "thread": thread,
            "comment_count": sum(c.status == Comment.PUBLISHED for c in comments),
            "standing": problem,
            "may_comment": may_participate and debate.is_open,
            "follows_debate": None in marks.follows,
            "debate_reported": marks.debate_reported,
            "code_of_conduct": conduct if conduct is not None and conduct.live else None,
            "comment_form": CommentForm(initial={"language": current_language()}),
            "form_token": CommentForm.render_token(),
            "language_choices": CommentForm.base_fields["language"].choices,
            "current_language": current_language(),
            "comment_max_length": COMMENT_MAX_LENGTH,
        }
    )
    return context
