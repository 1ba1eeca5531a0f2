"""The "My surveys" section of "Mi cuenta" (registered in SurveysConfig.ready): which
surveys the citizen answered from their account, and when. Never the answers; a
response given without signing in is not linked to the account and is not listed."""

from django.utils.translation import gettext_lazy as _

from cms.account_sections import AccountSection

from .models import Response

LATEST = 10


def surveys_for_account(request):
    """The citizen's latest survey responses (two queries, plus the site's root paths
    Wagtail caches on the request for the links)."""
    if not request.user.is_authenticated:
        return None
    responses = Response.objects.filter(user=request.user)
    latest = list(responses.select_related("survey").order_by("-submitted_at", "-pk")[:LATEST])
    count = responses.count()
    rows = [
        {"title": r.survey.title, "url": r.survey.get_url(request), "submitted_at": r.submitted_at}
        for r in latest
    ]
    return {"responses": rows, "count": count, "more": count > len(rows)}


SECTION = AccountSection(
    key="surveys",
    title=_("My surveys"),
    template="surveys/account/section.html",
    get_context=surveys_for_account,
    order=30,
)
