"""The "My personal data" section of "Mi cuenta" (cms.account_sections): ask for a
copy of everything the portal holds about the account (``cms.data_exports``), open
the e-mailed link, and the way to the account's deletion (``cms.account_deletion``)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from django_ratelimit.decorators import ratelimit

from cms import data_exports
from cms.models import DataExport
from cms.ratelimits import is_limited, rate, too_many_requests

#: the exports listed in the section
LATEST = 3


def data_for_account(request):
    """The citizen's latest exports, pending or ready (one query)."""
    if not request.user.is_authenticated:
        return None
    exports = DataExport.objects.filter(owner=request.user, expires_at__gt=timezone.now())
    return {"exports": list(exports[:LATEST]), "days": settings.DATA_EXPORT_DAYS}


@require_POST
@ratelimit(group="data_export.user", key="user_or_ip", rate=rate("data_export"), block=False)
@ratelimit(group="data_export.ip", key="ip", rate=rate("data_export"), block=False)
def request_export(request):
    """Queue a copy of the signed-in citizen's data; the link arrives by e-mail."""
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("my_account"))
    if is_limited(request):
        return too_many_requests(request)
    data_exports.request_export(request.user)
    messages.success(
        request,
        _(
            "We are preparing a copy of your data. We will e-mail you a link to download it "
            "within a few minutes."
        ),
    )
    return HttpResponseRedirect(reverse("my_account") + "#account-personal-data")


def download(request, token):
    """The ZIP, for its signed-in owner only: anyone else gets 404 (whether the link
    exists is not told); an expired link says so (410)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    export = data_exports.find(request.user, token)
    if export is None or not export.file:
        raise Http404
    if export.is_expired:
        response = TemplateResponse(
            request, "account/data_export_expired.html", {"export": export}, status=410
        )
    else:
        filename = f"mis-datos-{export.created:%Y-%m-%d}.zip"
        response = FileResponse(export.file.open("rb"), as_attachment=True, filename=filename)
    add_never_cache_headers(response)
    response.headers["Referrer-Policy"] = "no-referrer"
    return response
