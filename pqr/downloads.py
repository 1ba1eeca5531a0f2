"""The only way to read a PQRSD attachment: a permission-checked download.

Attachments are personal data kept in the private storage (pqr.storage). Officials
who may handle the case (its dependency's officials, triage staff, superusers) get the
file as a download; everyone else, signed in or not, gets the same 404 so the view
does not reveal which attachments exist."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import never_cache

from . import rules
from .models import Attachment


@never_cache
def attachment(request, pk):
    item = get_object_or_404(Attachment.objects.select_related("case"), pk=pk)
    if not rules.can_download_attachments(request.user, item.case):
        raise Http404
    try:
        handle = item.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle, as_attachment=True, filename=item.name, content_type=item.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
