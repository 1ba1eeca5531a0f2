"""What the moderation views share: id checks, the way back to the queue, and the
handling of one decision form among several on an item page."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from participation.moderation import NotAllowed

TABS = ("comments", "debates", "proposals", "recent")


def checked_pk(pk):
    """A database id from the URL, or 404 (a number the database cannot hold)."""
    if not 0 < pk < 2**31:
        raise Http404
    return pk


def queue_url(tab="comments"):
    return f"{reverse('participation_admin:queue')}?tab={tab}"


def back_to_queue(request, message, tab="comments"):
    messages.success(request, message)
    return redirect(queue_url(tab))


def nickname(user):
    """A participant's public nickname (their profile's), never the email."""
    profile = getattr(user, "participant", None) if user is not None else None
    return profile.nickname if profile is not None else ""


def handle_decision(request, forms, classes, apply):
    """Bind the form of the posted ``action`` (``classes``: action -> form class, each
    prefixed by its action) and, when valid, run ``apply(action, form)``, which returns
    the success message or raises NotAllowed. Returns ``(forms, message)``: the message
    when done; else ``forms`` (the unbound forms shown) with the bound one, carrying
    its errors, and nothing changed."""
    action = request.POST.get("action")
    if action not in classes:
        messages.error(request, _("Unknown decision: nothing was changed."))
        return forms, None
    form = classes[action](request.POST, prefix=action)
    forms = {**forms, action: form}
    if not form.is_valid():
        return forms, None
    try:
        return forms, apply(action, form)
    except NotAllowed as refused:
        form.add_error(None, refused.message)
        return forms, None
