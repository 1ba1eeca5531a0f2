"""The committee's button that takes a snapshot of the self-assessment."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import rules
from .assessment import take_snapshot as take


@require_POST
def take_snapshot(request):
    if not rules.can_edit_self_assessment(request.user):
        raise PermissionDenied
    snapshot = take(user=request.user)
    messages.success(
        request,
        _("Snapshot taken: %(met)s of %(total)s criteria met.")
        % {"met": snapshot.met, "total": snapshot.total},
    )
    return redirect("wagtailsnippets_gel_snapshot:list")
