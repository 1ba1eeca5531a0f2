"""A request body larger than MAX_REQUEST_BODY_SIZE is refused with a translated 413
before it is read; normal attachments still work."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.client import BOUNDARY, MULTIPART_CONTENT, FakePayload, encode_multipart

import pytest

from pqr.models import Attachment, Case

pytestmark = pytest.mark.django_db

URL = "/es/pqrsd/"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


class CountingPayload(FakePayload):
    """The request body as the server receives it, counting what Django reads."""

    def __init__(self, content):
        super().__init__(content)
        self.bytes_read = 0

    def read(self, size=-1, /):
        data = super().read(size)
        self.bytes_read += len(data)
        return data

    def readline(self, size=-1, /):
        data = super().readline(size)
        self.bytes_read += len(data)
        return data


def post_raw(client, body, **extra):
    payload = CountingPayload(body)
    response = client.generic(
        "POST",
        URL,
        body,
        content_type=MULTIPART_CONTENT,
        **{"wsgi.input": payload, **extra},
    )
    return response, payload


def test_a_30_mb_upload_is_refused_unread(demo_site, client, valid_post, settings):
    assert settings.MAX_REQUEST_BODY_SIZE < 30 * 1024 * 1024
    big = SimpleUploadedFile("grande.pdf", PDF + b"0" * (30 * 1024 * 1024), "application/pdf")
    response, payload = post_raw(
        client, encode_multipart(BOUNDARY, {**valid_post, "attachments": [big]})
    )
    assert response.status_code == 413
    assert payload.bytes_read == 0, "the body was read before being refused"
    body = response.content.decode()
    assert "Los archivos son demasiado grandes" in body and "21 MB" in body
    assert Case.objects.count() == 0 and Attachment.objects.count() == 0


def test_a_body_without_content_length_is_not_read(demo_site, client, valid_post):
    """Chunked bodies (no Content-Length) are never read: nothing arrives, nothing saved."""
    big = SimpleUploadedFile("grande.pdf", PDF + b"0" * (30 * 1024 * 1024), "application/pdf")
    body = encode_multipart(BOUNDARY, {**valid_post, "attachments": [big]})
    response, payload = post_raw(client, body, CONTENT_LENGTH="")
    assert response.status_code < 500
    assert payload.bytes_read == 0
    assert Case.objects.count() == 0


def test_a_normal_attachment_still_works(demo_site, client, valid_post):
    pdf = SimpleUploadedFile("carta.pdf", PDF + b"0" * (4 * 1024 * 1024), "application/pdf")
    response = client.post(URL, {**valid_post, "attachments": [pdf]})
    assert response.status_code == 302
    assert Case.objects.count() == 1
    assert Attachment.objects.get().size == len(PDF) + 4 * 1024 * 1024


def test_a_body_limit_below_the_attachments_is_a_system_error(settings):
    """The site-wide limit may not silently refuse a full, allowed set of attachments."""
    from pqr.checks import attachments_fit_the_body_limit

    assert attachments_fit_the_body_limit(None) == []
    settings.MAX_REQUEST_BODY_SIZE = 1000
    assert [error.id for error in attachments_fit_the_body_limit(None)] == ["pqr.E002"]
