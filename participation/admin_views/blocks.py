"""The blocks list (active ones first, then past ones) and lifting a block."""

from django.contrib import messages
from django.db.models import BooleanField, Case, Q, Value, When
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.pagination import paginate, query_without_page
from cms.permissions import rule_required
from participation import moderation, rules
from participation.admin_forms import NoteForm
from participation.models import Block

from .common import checked_pk, nickname, queue_url

PER_PAGE = 30


def _is_active(now):
    running = Q(lifted_at__isnull=True) & (Q(until__isnull=True) | Q(until__gt=now))
    return Case(When(running, then=Value(True)), default=Value(False), output_field=BooleanField())


@rule_required(rules.can_moderate)
def block_list(request):
    notices = []
    blocks = (
        Block.objects.annotate(is_active=_is_active(timezone.now()))
        .select_related("user__participant", "created_by", "lifted_by")
        .order_by("-is_active", "-created_at", "-pk")
    )
    page = paginate(request, blocks, PER_PAGE, notices, param="p")
    for block in page:
        block.nickname = nickname(block.user)
    return TemplateResponse(
        request,
        "participation/admin/blocks.html",
        {
            "page_obj": page,
            "notices": notices,
            "extra_query": query_without_page(request, "p"),
        },
    )


@rule_required(rules.can_moderate)
@require_POST
def unblock(request, pk):
    """Lift an active block; back to the blocks list when asked from there, else to
    the queue."""
    block = get_object_or_404(Block.objects.select_related("user__participant"), pk=checked_pk(pk))
    back = "participation_admin:blocks" if request.POST.get("back") == "blocks" else None
    form = NoteForm(request.POST, prefix="unblock")
    if not Block.active().filter(pk=block.pk).exists():
        messages.error(request, _("This block is no longer active: nothing was changed."))
    elif not form.is_valid():
        messages.error(request, _("The note is too long: nothing was changed."))
    else:
        moderation.unblock_user(block, request.user, form.cleaned_data["note"])
        name = nickname(block.user) or _("the participant")
        messages.success(request, _("The block on %(name)s was lifted.") % {"name": name})
    return redirect(back) if back else redirect(queue_url())
