"""Video and audio for any page's body (criterion "Información en audio y/o video",
Decreto 387, Tabla 3), and ``live_pages_with_media`` for the apps that evaluate it.

A video is a self-hosted file (a Wagtail document, MP4 or WebM) with WebVTT captions,
or a YouTube/Vimeo address shown as a click-to-load facade: nothing is requested from
the platform before the visitor asks (``cms/static/cms/js/portal.js`` swaps in the
player, and ``cms.security_headers`` lets that page frame only that player). Every
video and audio item carries a transcript."""

import re
import uuid
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.utils.html import strip_tags
from django.utils.text import format_lazy
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

VIDEO_EXTENSIONS = ("mp4", "webm")
AUDIO_EXTENSIONS = ("mp3", "ogg", "opus")
CAPTION_EXTENSION = "vtt"
MEDIA_BLOCK_TYPES = ("video", "audio")

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_VIMEO_ID = re.compile(r"^[0-9]{6,12}$")
_YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be"}
_VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}

#: platform -> (name shown to visitors, origin of its player, watch URL, player URL)
PLATFORMS = {
    "youtube": (
        "YouTube",
        "https://www.youtube-nocookie.com",
        "https://www.youtube.com/watch?v={id}",
        "https://www.youtube-nocookie.com/embed/{id}",
    ),
    "vimeo": (
        "Vimeo",
        "https://player.vimeo.com",
        "https://vimeo.com/{id}",
        "https://player.vimeo.com/video/{id}?dnt=1",
    ),
}


def _upload_limit():
    return settings.WAGTAILDOCS_MAX_UPLOAD_SIZE // (1024 * 1024)


def parse_external_video(url):
    """``(platform, video id)`` for a YouTube or Vimeo address, else None."""
    try:
        parts = urlsplit((url or "").strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https"):
        return None
    host = (parts.hostname or "").lower()
    path = [segment for segment in parts.path.split("/") if segment]
    candidate = None
    if host in _YOUTUBE_HOSTS:
        if host == "youtu.be" and path:
            candidate = path[0]
        elif path[:1] == ["watch"] or not path:
            candidate = parse_qs(parts.query).get("v", [""])[0]
        elif len(path) == 2 and path[0] in ("embed", "shorts", "live"):
            candidate = path[1]
        return ("youtube", candidate) if candidate and _YOUTUBE_ID.match(candidate) else None
    if host in _VIMEO_HOSTS:
        if host == "player.vimeo.com" and len(path) == 2 and path[0] == "video":
            candidate = path[1]
        elif host != "player.vimeo.com" and len(path) == 1:
            candidate = path[0]
        return ("vimeo", candidate) if candidate and _VIMEO_ID.match(candidate) else None
    return None


def external_player(url):
    """What the facade needs for an external video address (None if not allowed)."""
    parsed = parse_external_video(url)
    if parsed is None:
        return None
    platform, video_id = parsed
    name, origin, watch, player = PLATFORMS[platform]
    return {
        "platform": name,
        "origin": origin,
        "watch_url": watch.format(id=video_id),
        "player_url": player.format(id=video_id),
    }


def allow_frame_source(request, origin):
    """Let the response to ``request`` frame ``origin`` (read by the CSP middleware)."""
    if request is not None:
        sources = getattr(request, "csp_frame_sources", None)
        if sources is None:
            sources = request.csp_frame_sources = set()
        sources.add(origin)


def is_webvtt(document):
    """Whether the document's file starts with the WebVTT signature."""
    try:
        with document.file.open("rb") as handle:
            head = handle.read(10)
    except (OSError, ValueError):
        return False
    head = head.removeprefix(b"\xef\xbb\xbf")
    return head.startswith(b"WEBVTT") and head[6:7] in (b"", b" ", b"\t", b"\n", b"\r")


def has_text(rich_text):
    """Whether a rich text value says anything (an empty editor leaves ``<p></p>``)."""
    return bool(rich_text) and bool(strip_tags(rich_text.source).strip())


def _require_transcript(value):
    if not has_text(value.get("transcript")):
        raise _error("transcript", _("Write the transcript: everything said in it, as text."))


def _error(field, message):
    return StructBlockValidationError(block_errors={field: ValidationError(message)})


class CaptionBlock(blocks.StructBlock):
    """One WebVTT captions file and the language it is written in."""

    file = DocumentChooserBlock(
        label=_("captions file (WebVTT)"),
        help_text=_("A .vtt file whose first line is WEBVTT."),
    )
    language = blocks.ChoiceBlock(label=_("language"), choices=settings.LANGUAGES, default="es")
    label = blocks.CharBlock(
        label=_("name in the player"),
        required=False,
        max_length=60,
        help_text=_("Defaults to the language's name (Español, English)."),
    )

    class Meta:
        icon = "openquote"
        label = _("Captions")

    def clean(self, value):
        value = super().clean(value)
        document = value.get("file")
        if document is not None:
            if document.file_extension.lower() != CAPTION_EXTENSION:
                raise _error("file", _("Captions must be a WebVTT file (.vtt)."))
            if not is_webvtt(document):
                raise _error(
                    "file", _("This file is not valid WebVTT: its first line must be WEBVTT.")
                )
        return value


def language_name(code):
    try:
        return get_language_info(code)["name_local"].capitalize()
    except KeyError:
        return code


class VideoBlock(blocks.StructBlock):
    """A video with captions and a transcript: a file of ours or a YouTube/Vimeo address."""

    title = blocks.CharBlock(label=_("title"), max_length=200)
    file = DocumentChooserBlock(
        label=_("video file"),
        required=False,
        help_text=format_lazy(
            _("An MP4 or WebM document of at most {size} MB (the upload limit)."),
            size=_upload_limit(),
        ),
    )
    url = blocks.URLBlock(
        label=_("or a YouTube or Vimeo address"),
        required=False,
        help_text=_("Visitors see a button; nothing loads from the platform until they press it."),
    )
    captions = blocks.ListBlock(
        CaptionBlock(),
        label=_("captions"),
        required=False,
        help_text=_("At least one WebVTT file for a video file (a platform shows its own)."),
    )
    poster = ImageChooserBlock(label=_("poster image"), required=False)
    transcript = blocks.RichTextBlock(
        label=_("transcript"),
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Everything said and shown in the video, as text."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video_block.html"
        description = _("A video with captions and a transcript")

    def clean(self, value):
        value = super().clean(value)
        document, url = value.get("file"), value.get("url")
        if document and url:
            raise _error("url", _("Choose a video file or an external address, not both."))
        if not document and not url:
            raise _error("file", _("Choose a video file or give a YouTube or Vimeo address."))
        _require_transcript(value)
        if url and parse_external_video(url) is None:
            raise _error("url", _("Only YouTube and Vimeo video addresses are allowed."))
        if document:
            if document.file_extension.lower() not in VIDEO_EXTENSIONS:
                raise _error("file", _("The video file must be MP4 or WebM."))
            if not value.get("captions"):
                raise _error("captions", _("Add a WebVTT captions file for the video."))
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["media_id"] = f"media-{uuid.uuid4().hex[:8]}"
        context["external"] = external_player(value.get("url"))
        if context["external"]:
            allow_frame_source(context.get("request"), context["external"]["origin"])
        captions = list(value.get("captions") or [])
        language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
        default = next((c for c in captions if c["language"] == language), None)
        context["tracks"] = [
            {
                "url": caption["file"].url,
                "language": caption["language"],
                "label": caption["label"] or language_name(caption["language"]),
                "default": caption is (default or captions[0]),
            }
            for caption in captions
            if caption.get("file")
        ]
        return context


class AudioBlock(blocks.StructBlock):
    """An audio file (MP3, Ogg or Opus) with its transcript."""

    title = blocks.CharBlock(label=_("title"), max_length=200)
    file = DocumentChooserBlock(
        label=_("audio file"),
        help_text=format_lazy(
            _("An MP3, Ogg or Opus document of at most {size} MB (the upload limit)."),
            size=_upload_limit(),
        ),
    )
    transcript = blocks.RichTextBlock(
        label=_("transcript"),
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Everything said in the audio, as text."),
    )

    class Meta:
        icon = "media"
        label = _("Audio")
        template = "blocks/audio_block.html"
        description = _("An audio file with its transcript")

    def clean(self, value):
        value = super().clean(value)
        document = value.get("file")
        if document and document.file_extension.lower() not in AUDIO_EXTENSIONS:
            raise _error("file", _("The audio file must be MP3, Ogg or Opus."))
        _require_transcript(value)
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["media_id"] = f"media-{uuid.uuid4().hex[:8]}"
        return context


def _has_transcribed_media(body):
    """Read the stored JSON (no chooser lookups) for a top-level media block whose
    transcript says something."""
    return any(
        block["type"] in MEDIA_BLOCK_TYPES
        and strip_tags((block.get("value") or {}).get("transcript") or "").strip()
        for block in body.raw_data
    )


def live_pages_with_media(restricted_paths=None):
    """The live, public pages whose body has a video or audio block with a transcript
    (specific pages, by path). One query (a union over the page models whose ``body``
    uses the shared vocabulary) finds the rows that mention a media block; only those
    are loaded. The number of queries does not grow with the number of pages.
    ``restricted_paths``: the paths of the pages with a view restriction, when the
    caller has read them already."""
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import Page, PageViewRestriction, get_page_models

    from cms.blocks import BaseStreamBlock

    if restricted_paths is None:
        restricted_paths = PageViewRestriction.objects.values_list("page__path", flat=True)
    restricted = Q()
    for path in restricted_paths:
        restricted |= Q(path__startswith=path)
    mentions = []
    for model in get_page_models():
        if model._meta.abstract or model is Page:
            continue
        try:
            field = model._meta.get_field("body")
        except FieldDoesNotExist:
            continue
        if field.model is not model or not isinstance(
            getattr(field, "stream_block", None), BaseStreamBlock
        ):
            continue
        rows = (
            model.objects.live()
            .annotate(body_text=Cast("body", TextField()))
            .filter(body_text__regex=r'"type": ?"(video|audio)"')
        )
        if restricted:
            rows = rows.exclude(restricted)
        mentions.append(rows.order_by().values_list("pk", "content_type_id"))
    if not mentions:
        return []
    rows = (
        list(mentions[0].union(*mentions[1:], all=True)) if len(mentions) > 1 else list(mentions[0])
    )
    by_type = {}
    for pk, content_type_id in rows:
        by_type.setdefault(content_type_id, []).append(pk)
    found = []
    for content_type_id, ids in by_type.items():  # one query per type found, no Page query
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None or not issubclass(model, Page):
            continue
        pages = model.objects.filter(pk__in=ids)
        found += [page for page in pages if _has_transcribed_media(page.body)]
    return sorted(found, key=lambda page: page.path)
