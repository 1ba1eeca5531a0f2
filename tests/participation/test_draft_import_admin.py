"""The "Import text" admin action of a consultation (participation.admin_views.imports):
who may use it, what a bad file gets, and what a good one saves (a new revision, never
published, keeping the block ids of sections whose number the draft already has)."""

from datetime import timedelta

from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page

import pytest

from participation import drafts
from participation.admin_views import imports

pytestmark = pytest.mark.django_db

FILE = """CONSIDERANDO:
Que la Ley 1757 de 2015 promueve la participación.
DECRETA:

ARTÍCULO 1. OBJETO. El presente decreto regula la consulta en línea.
ARTÍCULO 2. Plazo. Quince días calendario.
ARTÍCULO 3. Vigencia. Rige desde su publicación.
""".encode()


@pytest.fixture
def consultation(demo_site):
    """A published Spanish consultation (own index) with two sections."""
    from participation.models import ConsultationIndexPage, ConsultationPage

    home = Page.objects.get(pk=demo_site.root_page_id)
    index = ConsultationIndexPage(title="Consultas de importación", slug="consultas-importacion")
    home.add_child(instance=index)
    index.save_revision().publish()
    now = timezone.now()
    page = ConsultationPage(
        title="Decreto de participación",
        slug="decreto-participacion-importacion",
        kind=ConsultationPage.KIND_NORM,
        summary="<p>Resumen.</p>",
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=20),
        draft=[
            {
                "type": "section",
                "id": "bloque-uno",
                "value": {"number": "Artículo 1", "heading": "Objeto", "body": "Viejo."},
            },
            {
                "type": "section",
                "id": "bloque-cuatro",
                "value": {"number": "Artículo 4", "heading": "", "body": "Quitado."},
            },
        ],
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def url(page):
    return reverse("participation_drafts:import", args=[page.pk])


def upload(client, page, data=FILE, name="borrador.txt", mode="replace", preamble=True):
    fields = {"file": SimpleUploadedFile(name, data), "mode": mode}
    if preamble:
        fields["preamble"] = "on"
    return client.post(url(page), fields)


def token_of(response):
    return response.context["confirm"]["token"].value()


def latest(page):
    return Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()


def revisions(page):
    return Page.objects.get(pk=page.pk).revisions.count()


def test_editor_previews_then_saves_a_new_unpublished_revision(client, editor, consultation):
    client.force_login(editor)
    assert client.get(url(consultation)).status_code == 200
    before = revisions(consultation)
    preview = upload(client, consultation)
    assert preview.status_code == 200
    assert [row["number"] for row in preview.context["rows"]] == [
        "Considerandos",
        "Artículo 1",
        "Artículo 2",
        "Artículo 3",
    ]
    content = preview.content.decode()
    assert "OBJETO" in content and "Quince días calendario." in content
    assert revisions(consultation) == before  # nothing saved by the preview
    done = client.post(url(consultation), {"token": token_of(preview)})
    assert done.status_code == 302
    assert done["Location"] == reverse("wagtailadmin_pages:edit", args=[consultation.pk])
    assert revisions(consultation) == before + 1
    draft = latest(consultation).draft
    assert [b.value["number"] for b in draft] == [
        "Considerandos",
        "Artículo 1",
        "Artículo 2",
        "Artículo 3",
    ]
    page = Page.objects.get(pk=consultation.pk).specific
    assert page.has_unpublished_changes
    assert [b.value["body"] for b in page.draft] == ["Viejo.", "Quitado."]  # live unchanged
    revision = page.latest_revision
    assert revision.user == editor
    from wagtail.models import PageLogEntry

    assert PageLogEntry.objects.filter(page=page, action="wagtail.edit", user=editor).exists()


def test_replace_keeps_the_block_ids_of_known_numbers(client, editor, consultation):
    client.force_login(editor)
    preview = upload(client, consultation)
    keeps = [row["keeps"] for row in preview.context["rows"]]
    assert keeps == [False, True, False, False]
    assert preview.context["removed"] == 1  # Artículo 4 is not in the file
    client.post(url(consultation), {"token": token_of(preview)})
    ids = {b.value["number"]: b.id for b in latest(consultation).draft}
    assert ids["Artículo 1"] == "bloque-uno"
    assert "bloque-cuatro" not in ids.values()
    assert len(set(ids.values())) == 4


def test_publishing_the_import_versions_the_kept_section(client, editor, consultation):
    """sync_sections: the kept block gets a version 2; comments on version 1 stay."""
    from participation.models import DraftSection

    client.force_login(editor)
    preview = upload(client, consultation)
    client.post(url(consultation), {"token": token_of(preview)})
    latest(consultation).get_latest_revision().publish()
    section = DraftSection.objects.get(page_id=consultation.pk, key="bloque-uno")
    assert section.version == 2
    assert DraftSection.objects.get(page_id=consultation.pk, key="bloque-cuatro").removed_at


def test_append_adds_after_the_current_sections(client, editor, consultation):
    client.force_login(editor)
    preview = upload(client, consultation, mode="append", preamble=False)
    client.post(url(consultation), {"token": token_of(preview)})
    draft = latest(consultation).draft
    assert [b.value["number"] for b in draft] == [
        "Artículo 1",
        "Artículo 4",
        "Artículo 1",
        "Artículo 2",
        "Artículo 3",
    ]
    assert [b.id for b in draft][:2] == ["bloque-uno", "bloque-cuatro"]


def test_author_with_edit_rights_may_import(client, author, consultation):
    client.force_login(author)
    preview = upload(client, consultation)
    assert client.post(url(consultation), {"token": token_of(preview)}).status_code == 302
    assert (
        latest(consultation).draft[1].value["body"]
        == "El presente decreto regula la consulta en línea."
    )
    assert Page.objects.get(pk=consultation.pk).specific.draft[0].value["body"] == "Viejo."


@pytest.mark.parametrize("method", ["get", "post"])
def test_staff_without_edit_rights_are_refused(client, moderator, consultation, method):
    """Wagtail answers a refused admin view with a bounce to the dashboard (as the
    page editor itself does); an XHR gets the bare 403."""
    client.force_login(moderator)
    before = revisions(consultation)
    call = getattr(client, method)
    data = {"file": SimpleUploadedFile("b.txt", FILE), "mode": "replace"}
    response = call(url(consultation), data) if method == "post" else call(url(consultation))
    assert response.status_code == 302 and response["Location"].rstrip("/").endswith("/admin")
    xhr = call(url(consultation), headers={"x-requested-with": "XMLHttpRequest"})
    assert xhr.status_code == 403
    assert revisions(consultation) == before


def test_a_token_from_another_user_or_page_is_refused(client, editor, make_user, consultation):
    client.force_login(editor)
    token = token_of(upload(client, consultation))
    other = make_user("otro-editor@importar.example", groups=["Editores"])
    client.force_login(other)
    before = revisions(consultation)
    assert client.post(url(consultation), {"token": token}).status_code == 400
    assert client.post(url(consultation), {"token": token + "x"}).status_code == 400
    forged = signing.dumps({"page": consultation.pk, "user": other.pk}, salt="other")
    assert client.post(url(consultation), {"token": forged}).status_code == 400
    assert revisions(consultation) == before


def test_a_page_changed_since_the_preview_is_not_overwritten(client, editor, consultation):
    client.force_login(editor)
    token = token_of(upload(client, consultation))
    Page.objects.get(pk=consultation.pk).specific.save_revision(user=editor)
    before = revisions(consultation)
    response = client.post(url(consultation), {"token": token})
    assert response.status_code == 409
    assert revisions(consultation) == before


def in_english(user):
    """The admin speaks the user's preferred language: these tests read English."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()


def test_an_expired_preview(client, editor, consultation, monkeypatch):
    client.force_login(editor)
    token = token_of(upload(client, consultation))
    monkeypatch.setattr(imports, "TOKEN_MAX_AGE", -1)
    before = revisions(consultation)
    response = client.post(url(consultation), {"token": token})
    assert response.status_code == 200
    assert "La vista previa venció" in response.content.decode()
    assert revisions(consultation) == before


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("borrador.docx", FILE, "Only .txt and .md"),
        ("borrador.pdf", b"%PDF-1.7 Art\xc3\xadculo 1. Texto.", "Only .txt and .md"),
        ("borrador.txt.exe", FILE, "Only .txt and .md"),
        ("borrador", FILE, "Only .txt and .md"),
        ("grande.txt", b"Articulo 1. Texto.\n" + b"x" * drafts.MAX_IMPORT_BYTES, "limit"),
        ("imagen.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not plain text"),
        ("vacio.md", b"", "empty"),
        ("blancos.txt", b"  \r\n\r\n", "empty"),
        ("sin-articulos.txt", "Un texto sin artículos.".encode(), "No article"),
        ("sin-texto.md", "Artículo 1. Uno.\nArtículo 2.".encode(), "Artículo 2 has no text"),
    ],
)
def test_bad_files_get_a_clear_error_and_nothing_is_saved(
    client, editor, consultation, name, data, says
):
    in_english(editor)
    client.force_login(editor)
    before = revisions(consultation)
    response = upload(client, consultation, data=data, name=name, mode="append")
    assert response.status_code == 200
    assert "rows" not in response.context
    assert says in response.content.decode()
    assert response.context["form"]["mode"].value() == "append"  # the choice is kept
    assert revisions(consultation) == before


def test_a_missing_file_and_a_bad_mode(client, editor, consultation):
    client.force_login(editor)
    response = client.post(url(consultation), {"mode": "borrar-todo"})
    form = response.context["form"]
    assert set(form.errors) == {"file", "mode"}


def test_the_largest_file_allowed_goes_through(client, editor, consultation):
    client.force_login(editor)
    body = "Artículo 1. Objeto. Texto.\n".encode()
    data = body + b"a" * (drafts.MAX_IMPORT_BYTES - len(body))
    assert len(data) == drafts.MAX_IMPORT_BYTES
    assert "rows" in upload(client, consultation, data=data).context


def test_csrf_is_required(editor, consultation):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    before = revisions(consultation)
    response = client.post(url(consultation), {"file": SimpleUploadedFile("b.txt", FILE)})
    assert response.status_code == 403
    assert revisions(consultation) == before


def test_the_button_shows_to_those_who_may_edit(client, editor, moderator, consultation):
    client.force_login(editor)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[consultation.pk]))
    assert url(consultation) in edit.content.decode()
    listing = client.get(reverse("wagtailadmin_explore", args=[consultation.get_parent().pk]))
    assert url(consultation) in listing.content.decode()
    from participation.wagtail_hooks import _import_button

    assert _import_button(consultation, moderator, 1) is None
    assert _import_button(consultation.get_parent(), editor, 1) is None


def test_a_translation_sends_to_the_original(client, editor, consultation):
    from wagtail.models import Locale

    english, _created = Locale.objects.get_or_create(language_code="en")
    translation = consultation.copy_for_translation(english, copy_parents=True, alias=False)
    client.force_login(editor)
    response = client.get(url(translation))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[translation.pk])
    from participation.wagtail_hooks import _import_button

    assert _import_button(translation, editor, 1) is None


def test_not_a_consultation_or_unknown_page_is_404(client, editor, consultation):
    client.force_login(editor)
    for address in (
        url(consultation.get_parent()),
        "/admin/participacion/consultas/99999999/importar-texto/",
        "/admin/participacion/consultas/9999999999/importar-texto/",
    ):
        assert client.get(address, follow=True).status_code == 404


def test_a_locked_page_is_not_changed(client, editor, make_user, consultation):
    other = make_user("bloqueadora@importar.example", groups=["Editores"])
    Page.objects.filter(pk=consultation.pk).update(locked=True, locked_by=other)
    client.force_login(editor)
    before = revisions(consultation)
    response = upload(client, consultation)
    assert "rows" not in response.context and response.context["locked"]
    assert revisions(consultation) == before


def test_the_error_speaks_spanish_by_default(client, editor, consultation):
    client.force_login(editor)
    response = upload(client, consultation, data=FILE, name="borrador.docx")
    assert response.status_code == 200
    assert "Solo se pueden importar archivos .txt y .md" in response.content.decode()
