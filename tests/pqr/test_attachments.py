"""Attachments are personal data: private storage, permission-checked download only."""

import os
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.test import RequestFactory, override_settings
from django.urls import reverse
from django.views.static import serve

import pytest

from pqr.checks import private_media_is_private
from pqr.models import Attachment

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


@pytest.fixture
def attachment(make_case, dependencies):
    case = make_case(dependency=dependencies[0])
    item = Attachment(case=case, name="cedula.pdf", content_type="application/pdf", size=len(PDF))
    item.file.save("cedula.pdf", ContentFile(PDF), save=True)
    return item


@pytest.mark.parametrize(
    ("who", "ok"),
    [
        ("superuser", True),
        ("officer", True),
        ("triage", True),
        ("anonymous", False),
        ("citizen", False),
        ("filer", False),
        ("other_officer", False),
        ("officer_without_profile", False),
        ("control", False),
        ("editor", False),
    ],
)
def test_who_may_download(request, client, attachment, make_officer, make_user, citizen, who, ok):
    """Officials who handle the case get the file as a download; everyone else,
    including the citizen who filed it, gets the same 404."""
    if who == "triage":
        user = make_officer("triage@test.example", sees_all=True)
    elif who == "officer_without_profile":
        user = make_user("sinperfil@test.example", groups=["Funcionarios PQRSD"])
    elif who == "control":
        user = make_user("control@test.example", groups=["Control Interno"])
    elif who == "filer":
        attachment.case.user = citizen
        attachment.case.save()
        user = citizen
    elif who == "anonymous":
        user = None
    else:
        user = request.getfixturevalue(who)
    if user is not None:
        client.force_login(user)
    response = client.get(reverse("pqr:attachment", args=[attachment.pk]))
    if ok:
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == PDF
        assert response["Content-Disposition"].startswith("attachment;")
        assert 'filename="cedula.pdf"' in response["Content-Disposition"]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Type"] == "application/pdf"
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    else:
        assert response.status_code == 404
        assert PDF not in response.content


def test_unknown_attachment_is_404(client, superuser):
    client.force_login(superuser)
    assert client.get(reverse("pqr:attachment", args=[999999])).status_code == 404


def test_file_lives_outside_media_root(attachment, private_media):
    """The file is under PRIVATE_MEDIA_ROOT, not under MEDIA_ROOT, has no URL, and the
    /media/ file server (used in development) cannot find it."""
    path = Path(attachment.file.path).resolve()
    media_root = Path(settings.MEDIA_ROOT).resolve()
    assert path.is_file() and Path(private_media).resolve() in path.parents
    assert media_root not in path.parents
    with pytest.raises(ValueError, match="no public URL"):
        attachment.file.url  # noqa: B018 - the property raises
    request = RequestFactory().get(f"/media/{attachment.file.name}")
    with pytest.raises(Http404):
        serve(request, attachment.file.name, document_root=settings.MEDIA_ROOT)


def test_not_reachable_under_media_url(client, attachment):
    for url in (f"/media/{attachment.file.name}", f"/es/media/{attachment.file.name}"):
        response = client.get(url, follow=True)
        assert response.status_code == 404
        assert PDF not in response.content


def test_filing_stores_uploads_privately(client, valid_post, private_media):
    """A citizen's upload through the public form lands in the private folder."""
    upload = SimpleUploadedFile("plano.pdf", PDF, content_type="application/pdf")
    response = client.post("/es/pqrsd/", {**valid_post, "attachments": upload})
    assert response.status_code == 302
    item = Attachment.objects.get()
    assert Path(private_media).resolve() in Path(item.file.path).resolve().parents
    assert not list(Path(settings.MEDIA_ROOT).rglob("plano*.pdf"))


def test_admin_case_links_to_protected_download(client, superuser, attachment):
    client.force_login(superuser)
    body = client.get(reverse("pqr_admin:case", args=[attachment.case.pk])).content.decode()
    assert reverse("pqr:attachment", args=[attachment.pk]) in body


def test_check_refuses_private_root_inside_media(tmp_path):
    """A system check errors when the private folder would be publicly served."""
    with override_settings(MEDIA_ROOT=tmp_path, PRIVATE_MEDIA_ROOT=tmp_path / "private"):
        assert [error.id for error in private_media_is_private(None)] == ["pqr.E001"]
    with override_settings(MEDIA_ROOT=tmp_path / "media", PRIVATE_MEDIA_ROOT=tmp_path / "p"):
        assert private_media_is_private(None) == []


def test_default_private_root_is_in_project_and_ignored():
    """The default folder is ``private-media/`` in the project, ignored by git."""
    from cms.settings import base

    root = Path(base.BASE_DIR)
    if "PRIVATE_MEDIA_ROOT" not in os.environ:
        assert Path(base.PRIVATE_MEDIA_ROOT) == root / "private-media"
    assert "/private-media/" in (root / ".gitignore").read_text().splitlines()
