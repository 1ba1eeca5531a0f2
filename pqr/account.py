"""The "My petitions" section of "Mi cuenta" (registered in PqrConfig.ready)."""

from django.utils.translation import gettext_lazy as _

from cms.account_sections import AccountSection

from . import rules
from .models import Case

LATEST = 5


def petitions_for_account(request):
    """The citizen's latest petitions and how many there are (two queries)."""
    if not rules.can_list_own_petitions(request.user):
        return None
    cases = rules.own_cases(request.user, Case.objects.all())
    latest = list(cases.order_by("-received_at")[:LATEST])
    count = cases.count()
    return {"cases": latest, "count": count}


SECTION = AccountSection(
    key="petitions",
    title=_("My petitions"),
    template="pqr/account/section.html",
    get_context=petitions_for_account,
    order=20,
)
