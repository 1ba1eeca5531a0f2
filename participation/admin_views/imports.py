"""Import a consultation's draft from a .txt or .md file ("Importar texto").

Two steps and nothing stored on the server between them: the upload shows a preview
of the sections found, and carries them, signed, in the confirmation form; confirming
saves a new revision of the page (never published: the editorial workflow still
applies) and opens the page editor. Replacing the draft keeps the block id of every
section whose number the current draft already has, so its comments stay linked."""

import os

from django import forms
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from participation import drafts, rules
from participation.models import ConsultationPage

from .common import checked_pk

SALT = "participation.draft-import"
#: How long a preview can be confirmed.
TOKEN_MAX_AGE = 60 * 60
REPLACE, APPEND = "replace", "append"


class DraftImportForm(forms.Form):
    """The file and what to do with it; ``clean`` leaves the parsed sections in
    ``cleaned_data["sections"]``."""

    file = forms.FileField(
        label=gettext_lazy("Text file (.txt or .md)"),
        help_text=gettext_lazy(
            "Plain text or Markdown, at most 512 KB. Each article starts on its own line "
            "with its number: “Artículo 1.”, “ARTÍCULO PRIMERO.”, “## Artículo 1 - Objeto”."
        ),
        error_messages={
            "required": gettext_lazy("Choose the file with the draft's text."),
            "empty": gettext_lazy("The file is empty: choose the file with the draft's text."),
        },
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,.md,text/plain,text/markdown"}),
    )
    mode = forms.ChoiceField(
        label=gettext_lazy("What to do with the current draft"),
        choices=[
            (REPLACE, gettext_lazy("Replace the current draft")),
            (APPEND, gettext_lazy("Append the sections after the current ones")),
        ],
        initial=REPLACE,
        widget=forms.RadioSelect,
        help_text=gettext_lazy(
            "When replacing, a section whose number the current draft already has keeps "
            "its comments."
        ),
        error_messages={"invalid_choice": gettext_lazy("Choose one of the listed options.")},
    )
    preamble = forms.BooleanField(
        label=gettext_lazy(
            "Keep the text before the first article (title, considerandos) as an "
            "introductory section"
        ),
        required=False,
        initial=True,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        extension = os.path.splitext(upload.name or "")[1].lower()
        if extension not in drafts.IMPORT_EXTENSIONS:
            raise ValidationError(
                _("Only .txt and .md files can be imported; “%(name)s” is not one.")
                % {"name": os.path.basename(upload.name or "")}
            )
        if upload.size > drafts.MAX_IMPORT_BYTES:
            raise ValidationError(
                _("The file is %(size)s KB; the limit is %(max)s KB.")
                % {
                    "size": (upload.size + 1023) // 1024,
                    "max": drafts.MAX_IMPORT_BYTES // 1024,
                }
            )
        upload.seek(0)
        data = upload.read(drafts.MAX_IMPORT_BYTES + 1)
        try:
            self.text = drafts.decode_text(data)
        except drafts.DraftImportError as refused:
            raise ValidationError(refused.message) from None
        return upload

    def clean(self):
        cleaned = super().clean()
        if "file" in cleaned:
            try:
                cleaned["sections"] = drafts.split_sections(
                    self.text, preamble=cleaned.get("preamble", False)
                )
            except drafts.DraftImportError as refused:
                self.add_error("file", refused.message)
        return cleaned


class ConfirmForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput)


def import_text(request, pk):
    """Step 1 (GET, or POST of the file): the form, then the preview. Step 2 (POST of
    the signed ``token``): a new revision with the sections, then the page editor."""
    page = get_object_or_404(ConsultationPage, pk=checked_pk(pk))
    if not rules.can_import_draft(request.user, page):
        raise PermissionDenied
    editor_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if page.canonical_id != page.pk:
        messages.error(
            request,
            _(
                "Import the text into the original (Spanish) consultation: its translations "
                "follow it."
            ),
        )
        return redirect(editor_url)
    latest = page.get_latest_revision_as_object()
    context = {"page": page, "editor_url": editor_url, "locked": _locked(page, request.user)}
    if request.method == "POST" and "token" in request.POST:
        return _confirm(request, page, latest, context)
    form = DraftImportForm()
    if request.method == "POST":
        form = DraftImportForm(request.POST, request.FILES)
        if form.is_valid() and not context["locked"]:
            return _preview(request, page, latest, form, context)
    return _form_response(request, form, context)


def _form_response(request, form, context, status=200):
    context = {**context, "form": form, "max_kb": drafts.MAX_IMPORT_BYTES // 1024}
    return TemplateResponse(
        request, "participation/admin/draft_import.html", context, status=status
    )


def _locked(page, user):
    """Wagtail's lock (a lock by another editor, or a workflow task the user cannot
    act on): the import refuses to change a page its editor would refuse."""
    lock = page.get_lock()
    return bool(lock and lock.for_user(user))


def _preview(request, page, latest, form, context):
    sections = form.cleaned_data["sections"]
    mode = form.cleaned_data["mode"]
    current = drafts.current_ids(latest.draft)
    existing = len(drafts.section_values(latest.draft))
    if mode == APPEND and existing + len(sections) > drafts.MAX_SECTIONS:
        form.add_error(
            "file",
            _(
                "The draft has %(existing)s sections and the file %(count)s; a draft holds at "
                "most %(max)s. Replace the draft instead, or split the file."
            )
            % {"existing": existing, "count": len(sections), "max": drafts.MAX_SECTIONS},
        )
        return _form_response(request, form, context)
    token = signing.dumps(
        {
            "page": page.pk,
            "user": request.user.pk,
            "revision": page.latest_revision_id,
            "mode": mode,
            "sections": sections,
        },
        salt=SALT,
        compress=True,
    )
    kept = set()
    rows = []
    for index, section in enumerate(sections, start=1):
        keeps = mode == REPLACE and section["key"] in current and section["key"] not in kept
        if keeps:
            kept.add(section["key"])
        rows.append(
            {
                "index": index,
                "number": section["number"],
                "heading": section["heading"],
                "start": Truncator(section["body"]).words(25),
                "keeps": keeps,
            }
        )
    context = {
        **context,
        "rows": rows,
        "mode": mode,
        "count": len(sections),
        "existing": existing,
        "kept": len(kept),
        "removed": existing - len(kept) if mode == REPLACE else 0,
        "confirm": ConfirmForm(initial={"token": token}),
    }
    return TemplateResponse(request, "participation/admin/draft_import_preview.html", context)


def _confirm(request, page, latest, context):
    form = DraftImportForm()
    try:
        payload = signing.loads(request.POST.get("token", ""), salt=SALT, max_age=TOKEN_MAX_AGE)
    except signing.SignatureExpired:
        messages.error(request, _("The preview expired: upload the file again."))
        return _form_response(request, form, context)
    except signing.BadSignature:
        messages.error(request, _("The preview could not be read: upload the file again."))
        return _form_response(request, form, context, status=400)
    if payload.get("page") != page.pk or payload.get("user") != request.user.pk:
        messages.error(request, _("The preview could not be read: upload the file again."))
        return _form_response(request, form, context, status=400)
    if payload.get("revision") != page.latest_revision_id:
        messages.error(
            request,
            _(
                "The page was changed since the preview, so nothing was imported: upload the "
                "file again to see the sections against the current draft."
            ),
        )
        return _form_response(request, form, context, status=409)
    if context["locked"]:
        return _form_response(request, form, context, status=423)
    sections = payload["sections"]
    if payload.get("mode") == APPEND:
        data = [*latest.draft.raw_data, *drafts.as_stream_data(sections)]
    else:
        data = drafts.as_stream_data(sections, keep_ids=drafts.current_ids(latest.draft))
    latest.draft = data
    try:
        latest.draft.stream_block.clean(latest.draft)
        with transaction.atomic():
            latest.save_revision(user=request.user, log_action=True)
    except ValidationError:
        messages.error(
            request,
            _(
                "The sections could not be saved: open the page editor to see what it "
                "reports, or check the file and upload it again."
            ),
        )
        return _form_response(request, form, context, status=400)
    messages.success(
        request,
        ngettext(
            "%(count)s section imported into a new draft of “%(title)s”. Review it and "
            "submit the page for editorial approval: nothing was published.",
            "%(count)s sections imported into a new draft of “%(title)s”. Review them and "
            "submit the page for editorial approval: nothing was published.",
            len(sections),
        )
        % {"count": len(sections), "title": page.title},
    )
    return redirect(context["editor_url"])
