"""The shared video and audio blocks (cms.media_blocks): the admin refuses what a
visitor could not follow or what would call a third party, the page renders captions,
transcripts and download links, an external video requests nothing before the click,
documents are served with the media types a <video>/<track> needs, and the demo has
its media once."""

import io
import re

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from wagtail.documents.models import Document
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from cms.media_blocks import live_pages_with_media, parse_external_video
from home.models import NewsPage, StandardPage

pytestmark = pytest.mark.django_db

VTT = b"WEBVTT\n\n1\n00:00:00.000 --> 00:00:02.000\nHola.\n"
YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
TRANSCRIPT_MISSING = "Escriba la transcripción: todo lo que se dice, en texto."


def document(name, content=b"\x1aE\xdf\xa3 fake media"):
    doc = Document(title=name)
    doc.file.save(name, ContentFile(content), save=False)
    doc.save()
    return doc


@pytest.fixture
def media(db):
    return {
        "webm": document("clip.webm"),
        "pdf": document("informe.pdf", b"%PDF-1.4"),
        "vtt": document("clip.es.vtt", VTT),
        "vtt_en": document("clip.en.vtt", VTT.replace(b"Hola", b"Hello")),
        "fake_vtt": document("falso.vtt", b"1\n00:00:00.000 --> 00:00:02.000\nHola.\n"),
        "srt": document("clip.srt.txt", VTT),
        "ogg": document("boletin.ogg", b"OggS fake"),
    }


def captions(*items):
    return {
        "count": len(items),
        **{
            str(index): {
                "value": {"file": doc.pk, "language": language, "label": ""},
                "deleted": "",
                "order": str(index),
                "id": "",
            }
            for index, (doc, language) in enumerate(items)
        },
    }


def video(file="", url="", caption_items=(), transcript="<p>Lo que se dice.</p>"):
    return (
        "video",
        {
            "title": "Rendición de cuentas",
            "file": file,
            "url": url,
            "captions": captions(*caption_items),
            "poster": "",
            "transcript": rich_text(transcript),
        },
    )


def audio(file, transcript="<p>Lo que se dice.</p>"):
    return ("audio", {"title": "Boletín", "file": file, "transcript": rich_text(transcript)})


def post_page(client, home, block):
    data = nested_form_data(
        {
            "title": "Página con video",
            "slug": "pagina-con-video",
            "introduction": "",
            "body": streamfield([block]),
        }
    )
    data["action-publish"] = "action-publish"
    url = reverse("wagtailadmin_pages:add", args=("home", "standardpage", home.pk))
    return client.post(url, data)


def block_errors(response):
    """{field: [messages]} of the first body block the admin refused."""
    assert response.status_code == 200
    error = response.context["form"].errors["body"].data[0]
    data = error.as_json_data()["blockErrors"][0]["blockErrors"]
    found = {}
    for field, value in data.items():
        if "messages" in value:
            found[field] = value["messages"]
        else:  # the captions list: {index: {"blockErrors": {field: ...}}}
            for item in value["blockErrors"].values():
                for inner, detail in item["blockErrors"].items():
                    found[f"{field}.{inner}"] = detail["messages"]
    return found


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.mark.parametrize(
    ("block", "field", "message"),
    [
        (
            lambda m: video(url="https://example.com/video.mp4"),
            "url",
            "Solo se permiten direcciones de videos de YouTube y Vimeo.",
        ),
        (
            lambda m: video(file=m["webm"].pk, caption_items=[(m["srt"], "es")]),
            "captions.file",
            "Los subtítulos deben ser un archivo WebVTT (.vtt).",
        ),
        (
            lambda m: video(file=m["webm"].pk, caption_items=[(m["fake_vtt"], "es")]),
            "captions.file",
            "Este archivo no es un WebVTT válido: su primera línea debe ser WEBVTT.",
        ),
        (
            lambda m: video(file=m["pdf"].pk, caption_items=[(m["vtt"], "es")]),
            "file",
            "El archivo de video debe ser MP4 o WebM.",
        ),
        (
            lambda m: video(file=m["webm"].pk, url=YOUTUBE, caption_items=[(m["vtt"], "es")]),
            "url",
            "Elija un archivo de video o una dirección externa, no ambos.",
        ),
        (
            lambda m: video(),
            "file",
            "Elija un archivo de video o escriba una dirección de YouTube o Vimeo.",
        ),
        (
            lambda m: video(file=m["webm"].pk),
            "captions",
            "Agregue un archivo de subtítulos WebVTT para el video.",
        ),
        (
            lambda m: audio(m["webm"].pk),
            "file",
            "El archivo de audio debe ser MP3, Ogg u Opus.",
        ),
        (lambda m: audio(m["ogg"].pk, transcript=""), "transcript", TRANSCRIPT_MISSING),
        (lambda m: video(url=YOUTUBE, transcript="<p> </p>"), "transcript", TRANSCRIPT_MISSING),
    ],
    ids=[
        "url-not-allowed",
        "caption-not-vtt",
        "caption-not-webvtt",
        "video-not-video",
        "file-and-url",
        "neither",
        "file-without-captions",
        "audio-not-audio",
        "audio-without-transcript",
        "video-without-transcript",
    ],
)
def test_admin_refuses_bad_media_on_the_right_field(
    editor_client, demo_site, media, block, field, message
):
    before = StandardPage.objects.count()
    with translation.override("es"):  # the messages are lazy: read them in Spanish too
        response = post_page(editor_client, demo_site.root_page, block(media))
        assert block_errors(response) == {field: [message]}
    assert StandardPage.objects.count() == before


def test_admin_accepts_a_captioned_video_and_an_external_one(editor_client, demo_site, media):
    ok = video(file=media["webm"].pk, caption_items=[(media["vtt"], "es")])
    assert post_page(editor_client, demo_site.root_page, ok).status_code == 302
    page = StandardPage.objects.get(slug="pagina-con-video")
    assert [block.block_type for block in page.body] == ["video"]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", ("youtube", "dQw4w9WgXcQ")),
        ("https://youtu.be/dQw4w9WgXcQ?t=3", ("youtube", "dQw4w9WgXcQ")),
        ("https://www.youtube.com/embed/dQw4w9WgXcQ", ("youtube", "dQw4w9WgXcQ")),
        ("https://vimeo.com/76979871", ("vimeo", "76979871")),
        ("https://player.vimeo.com/video/76979871", ("vimeo", "76979871")),
        ("https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ", None),
        ("javascript:alert(1)//youtube.com/watch?v=dQw4w9WgXcQ", None),
        ("https://www.youtube.com/watch?v=<script>", None),
        ("https://vimeo.com/channels/staffpicks", None),
    ],
)
def test_only_youtube_and_vimeo_addresses_are_recognised(url, expected):
    assert parse_external_video(url) == expected


def page_with(home, body, slug="medios"):
    page = StandardPage(title="Medios", slug=slug, body=body)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def self_hosted(media, transcript="<p>Transcripción del video.</p>"):
    return (
        "video",
        {
            "title": "Rendición de cuentas",
            "file": media["webm"],
            "url": "",
            "captions": [
                {"file": media["vtt"], "language": "es", "label": ""},
                {"file": media["vtt_en"], "language": "en", "label": "Inglés (traducción)"},
            ],
            "poster": None,
            "transcript": RichText(transcript),
        },
    )


def external(url=YOUTUBE):
    return (
        "video",
        {
            "title": "Sesión del Concejo",
            "file": None,
            "url": url,
            "captions": [],
            "poster": None,
            "transcript": RichText("<p>Transcripción de la sesión.</p>"),
        },
    )


def test_self_hosted_video_renders_tracks_transcript_and_download(client, demo_site, media):
    page = page_with(demo_site.root_page, [self_hosted(media)])
    html = client.get(page.url).content.decode()
    assert '<video class="media-block__player" controls preload="metadata">' in html
    assert f'<source src="{media["webm"].url}" type="video/webm">' in html
    assert (
        f'<track kind="captions" src="{media["vtt"].url}" srclang="es" label="Español" default>'
        in html
    )
    assert (
        f'<track kind="captions" src="{media["vtt_en"].url}" srclang="en"'
        ' label="Inglés (traducción)">' in html
    )
    assert html.count(" default>") == 1
    assert re.search(r"<details class=\"transcript\">\s*<summary>", html)
    assert "Transcripción del video." in html
    assert html.count(f'href="{media["webm"].url}"') == 2  # the fallback and the download


def test_english_page_makes_the_english_track_the_default(client, demo_site, media):
    page = page_with(demo_site.root_page, [self_hosted(media)])
    with translation.override("en"):
        html = page.specific.body.render_as_block({"request": None})
    assert f'src="{media["vtt_en"].url}" srclang="en" label="Inglés (traducción)" default>' in html
    assert f'src="{media["vtt"].url}" srclang="es" label="Español">' in html


def test_audio_renders_player_and_transcript(client, demo_site, media):
    body = [
        (
            "audio",
            {"title": "Boletín", "file": media["ogg"], "transcript": RichText("<p>Dicho.</p>")},
        )
    ]
    page = page_with(demo_site.root_page, body)
    html = client.get(page.url).content.decode()
    assert (
        f'<audio class="media-block__player" controls preload="none" src="{media["ogg"].url}">'
        in html
    )
    assert "Dicho." in html and "<details" in html


def loaded_urls(html):
    """Every URL a browser fetches without a click: src, srcset, poster, data of
    object, link/meta hrefs (a plain <a href> is only followed when clicked)."""
    urls = re.findall(r'\s(?:src|poster|data)="([^"]+)"', html)
    urls += [u for s in re.findall(r'srcset="([^"]+)"', html) for u in s.split()]
    urls += re.findall(r'<link[^>]+href="([^"]+)"', html)
    return urls


@pytest.mark.parametrize(
    ("url", "hosts"),
    [
        (YOUTUBE, ("youtube.com", "youtube-nocookie.com", "ytimg", "youtu.be")),
        ("https://vimeo.com/76979871", ("vimeo.com", "vimeocdn")),
    ],
)
def test_external_video_is_a_facade_that_requests_nothing(client, demo_site, url, hosts):
    page = page_with(demo_site.root_page, [external(url)])
    response = client.get(page.url)
    html = response.content.decode()
    assert "<iframe" not in html
    for loaded in loaded_urls(html):
        assert not any(host in loaded for host in hosts), loaded
    anchors = re.findall(r'<a [^>]*href="([^"]+)"', html)
    platform_links = [a for a in anchors if any(host in a for host in hosts)]
    assert platform_links == [parse_url_watch(url)]
    players = re.findall(r'data-player-url="([^"]+)"', html)
    assert len(players) == 1 and players[0].startswith(
        ("https://www.youtube-nocookie.com/embed/", "https://player.vimeo.com/video/")
    )
    assert "Transcripción de la sesión." in html
    # The page (and only such a page) may frame that one player.
    csp = response["Content-Security-Policy"]
    origin = "/".join(players[0].split("/")[:3])
    assert f"frame-src 'self' {origin}" in csp


def parse_url_watch(url):
    platform, video_id = parse_external_video(url)
    return {
        "youtube": f"https://www.youtube.com/watch?v={video_id}",
        "vimeo": f"https://vimeo.com/{video_id}",
    }[platform]


def test_pages_without_an_external_video_frame_nothing(client, demo_site, media):
    page = page_with(demo_site.root_page, [self_hosted(media)])
    csp = client.get(page.url)["Content-Security-Policy"]
    assert "frame-src" not in csp and "default-src 'self'" in csp


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("clip.vtt", "text/vtt"),
        ("clip.webm", "video/webm"),
        ("clip.mp4", "video/mp4"),
        ("clip.mp3", "audio/mpeg"),
        ("clip.ogg", "audio/ogg"),
        ("clip.opus", "audio/ogg"),
    ],
)
def test_media_documents_are_served_with_their_media_type(client, name, content_type):
    doc = document(name, VTT)
    response = client.get(doc.url)
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == VTT


def test_live_pages_with_media_finds_only_transcribed_media_on_live_pages(demo_site, media):
    home = demo_site.root_page
    with_video = page_with(home, [self_hosted(media)], slug="con-video")
    with_audio = page_with(
        home,
        [("audio", {"title": "B", "file": media["ogg"], "transcript": RichText("<p>T.</p>")})],
        slug="con-audio",
    )
    draft = page_with(home, [self_hosted(media)], slug="borrador")
    draft.unpublish()
    untranscribed = page_with(home, [self_hosted(media, transcript="")], slug="sin-transcripcion")
    found = live_pages_with_media()
    slugs = {page.slug for page in found}
    assert {"con-video", "con-audio"} <= slugs
    assert not {"borrador", "sin-transcripcion"} & slugs
    assert with_video.pk in {page.pk for page in found} and with_audio.pk in {p.pk for p in found}
    assert untranscribed.pk not in {page.pk for page in found}


def test_demo_has_its_media_once(demo_site):
    page = NewsPage.objects.get(
        slug="conozca-el-portal-en-video-y-audio", locale__language_code="es"
    )
    assert [b.block_type for b in page.body][-2:] == ["video", "audio"]
    english = page.get_translation(Locale.objects.get(language_code="en"))
    assert english.specific.body[-2].value["title"] == "How the City Hall portal works"
    assert page in live_pages_with_media() and english.specific in live_pages_with_media()
    video = page.body[-2].value
    assert video["file"].file_extension == "webm" and video["file"].file_size < 300_000
    assert [c["language"] for c in video["captions"]] == ["es", "en"]
    assert page.body[-1].value["file"].file_size < 60_000
    before = (Page.objects.count(), Document.objects.count())
    call_command("load_demo_content", stdout=io.StringIO())
    assert (Page.objects.count(), Document.objects.count()) == before


MEDIA_BYTES = bytes(range(256)) * 40  # 10,240 bytes


@pytest.mark.parametrize(
    ("header", "status", "content_range", "body"),
    [
        ("bytes=0-1", 206, "bytes 0-1/10240", MEDIA_BYTES[:2]),
        ("bytes=100-", 206, "bytes 100-10239/10240", MEDIA_BYTES[100:]),
        ("bytes=-16", 206, "bytes 10224-10239/10240", MEDIA_BYTES[-16:]),
        ("bytes=10000-20000", 206, "bytes 10000-10239/10240", MEDIA_BYTES[10000:]),
        ("bytes=20000-", 416, "bytes */10240", b""),
        ("bytes=0-1,5-6", 200, None, MEDIA_BYTES),  # several ranges: the whole file
        ("items=0-1", 200, None, MEDIA_BYTES),
    ],
)
def test_media_documents_answer_byte_ranges(client, header, status, content_range, body):
    """Safari plays a video only by ranges, and any player seeks with them."""
    doc = document("clip.mp4", MEDIA_BYTES)
    response = client.get(doc.url, HTTP_RANGE=header)
    assert response.status_code == status
    assert response.get("Content-Range") == content_range
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert content == body
    if status == 206:
        assert response["Content-Type"] == "video/mp4"
        assert response["Accept-Ranges"] == "bytes"
        assert response["X-Content-Type-Options"] == "nosniff"


def test_a_range_request_does_not_open_a_private_collection(client):
    """Wagtail's view-restriction hook runs first: a login-only collection stays closed."""
    from wagtail.models import Collection, CollectionViewRestriction

    private = Collection.get_first_root_node().add_child(name="Privada")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    doc = document("privado.webm", MEDIA_BYTES)
    doc.collection = private
    doc.save()
    response = client.get(doc.url, HTTP_RANGE="bytes=0-1")
    assert response.status_code == 302
    assert MEDIA_BYTES[:2] not in response.content


def test_other_documents_ignore_ranges(client):
    doc = document("informe.pdf", MEDIA_BYTES)
    response = client.get(doc.url, HTTP_RANGE="bytes=0-1")
    assert response.status_code == 200 and "Content-Range" not in response


def test_migration_turns_the_old_home_video_into_the_shared_block():
    """home 0008 keeps an old video's address, captions (as Spanish) and transcript."""
    import importlib

    migration = importlib.import_module("home.migrations.0008_shared_media_blocks")
    old = {"title": "T", "video": YOUTUBE, "captions": 7, "transcript": "<p>Dicho.</p>"}
    new = migration.VideoToSharedBlock().apply(old)
    assert new["url"] == YOUTUBE and new["file"] is None and new["poster"] is None
    assert [c["value"] for c in new["captions"]] == [{"file": 7, "language": "es", "label": ""}]
    assert new["transcript"] == "<p>Dicho.</p>"
    assert migration.VideoToSharedBlock().apply(new) == new  # already converted: kept
