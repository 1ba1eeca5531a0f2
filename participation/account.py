"""The "My debates and consultations" section of "Mi cuenta" (registered in
ParticipationConfig.ready): the citizen's comments, the sections they supported or
opposed, and what they follow. A constant number of queries, whatever their number."""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from cms.account_sections import AccountSection

from .models import Comment, Follow, Profile, SectionPosition

LATEST = 5


def participation_for_account(request):
    user = request.user
    if not user.is_authenticated:
        return None
    comments = Comment.objects.filter(user_id=user.pk)
    counts = comments.aggregate(
        total=Count("pk"), published=Count("pk", filter=Q(status=Comment.PUBLISHED))
    )
    latest = list(comments.select_related("page").order_by("-submit_date", "-pk")[:LATEST])
    positions = SectionPosition.objects.filter(user_id=user.pk)
    position_counts = positions.aggregate(
        support=Count("pk", filter=Q(value=SectionPosition.SUPPORT)),
        oppose=Count("pk", filter=Q(value=SectionPosition.OPPOSE)),
    )
    latest_positions = list(
        positions.select_related("section__page").order_by("-updated_at", "-pk")[:LATEST]
    )
    follows = Follow.objects.filter(user_id=user.pk)
    follow_count = follows.count()
    latest_follows = list(follows.select_related("page").order_by("-created_at", "-pk")[:LATEST])
    return {
        "profile": Profile.objects.filter(user_id=user.pk).first(),
        "comments": [
            {"comment": c, "url": _page_url(c.page, request), "status": c.get_status_display()}
            for c in latest
        ],
        "comment_count": counts["total"],
        "published_count": counts["published"],
        "positions": [
            {"position": p, "url": _page_url(p.section.page, request)} for p in latest_positions
        ],
        "support_count": position_counts["support"],
        "oppose_count": position_counts["oppose"],
        "follows": [{"follow": f, "url": _page_url(f.page, request)} for f in latest_follows],
        "follow_count": follow_count,
    }


def _page_url(page, request):
    """The page's link (Wagtail caches the site's root paths on the request)."""
    return page.get_url(request) or ""


SECTION = AccountSection(
    key="participation",
    title=_("My debates and consultations"),
    template="participation/account/section.html",
    get_context=participation_for_account,
    order=40,
)
