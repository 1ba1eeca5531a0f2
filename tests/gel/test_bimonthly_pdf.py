"""The bimonthly report's PDF: a real, tagged PDF (PDF/UA-1) with the figures the
HTML page shows, served only for a live page a visitor may see, rendered once per
revision."""

import html as html_module
import os
import re
import shutil
import subprocess
import zlib

from django.core.cache import cache
from django.utils import timezone

from wagtail.models import Locale, PageViewRestriction

import pytest

from gel.periods import Period
from gel.report_page import BimonthlyReportPage
from gel.report_pdf import cache_key

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(demo_site):
    period = Period.last_complete(timezone.localdate())
    return BimonthlyReportPage.objects.get(period_key=f"es:{period.label}")


def pdftotext(data, tmp_path):
    """The PDF's text; skipped without poppler's pdftotext unless REQUIRE_PDFTOTEXT=1."""
    tool = shutil.which("pdftotext")
    if tool is None:
        if os.environ.get("REQUIRE_PDFTOTEXT") == "1":
            pytest.fail("REQUIRE_PDFTOTEXT=1 but pdftotext (poppler-utils) is missing")
        pytest.skip("needs pdftotext (poppler-utils)")
    path = tmp_path / "informe.pdf"
    path.write_bytes(data)
    done = subprocess.run(  # noqa: S603 - a fixed tool on a file of ours
        [tool, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, timeout=60
    )
    return " ".join(done.stdout.decode().split())


def pdf_objects(data):
    """The PDF's bytes with its compressed streams inflated (WeasyPrint keeps the
    structure tree in object streams): enough to look for a dictionary key."""
    parts = [data]
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            parts.append(zlib.decompress(stream))
        except zlib.error:
            continue
    return b"\n".join(parts)


def text_of(fragment):
    return " ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def table_rows(html, name):
    """The rows of the table ``data-report-table=name``: the text of each cell."""
    table = re.search(rf'<table[^>]*data-report-table="{name}".*?</table>', html, re.S).group(0)
    return [
        [text_of(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        for row in re.findall(
            r"<tr[^>]*>(.*?)</tr>", re.sub(r"<thead>.*?</thead>", "", table, flags=re.S), re.S
        )
    ]


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_pdf_holds_the_figures_the_page_shows(client, report, tmp_path, language):
    page = (
        report
        if language == "es"
        else report.get_translation(Locale.objects.get(language_code="en")).specific
    )
    html = client.get(page.url).content.decode()
    response = client.get(page.url + "pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'inline; filename="informe-gel-{report.period.label}.pdf"'
    )
    data = response.content
    assert data.startswith(b"%PDF-")
    objects = pdf_objects(data)
    assert b"/StructTreeRoot" in objects  # tagged (PDF/UA-1)
    assert re.search(rb"/Marked\s+true", objects)
    assert b"pdfuaid:part" in objects  # the PDF/UA identification in its metadata
    assert int(response["Content-Length"]) == len(data)
    text = pdftotext(data, tmp_path)
    assert page.title in text
    pqrsd = table_rows(html, "pqrsd")
    criteria = table_rows(html, "criteria")
    assert len(pqrsd) == 6 and len(criteria) == 6  # five phases and the total
    for label, value in pqrsd:
        assert f"{label} {value}" in text, (label, value)
    for row in criteria:
        assert " ".join(row) in text, row
    numbers = [int(value) for _label, value in pqrsd]
    figures = report.figures["pqrsd"]
    assert numbers == [
        figures[key]
        for key in (
            "filed",
            "answered",
            "answered_in_term",
            "answered_late",
            "open_overdue",
            "overdue",
        )
    ]


def test_the_pdf_is_rendered_once_per_revision(client, report):
    url = report.url + "pdf/"
    first = client.get(url).content
    with translation_es():
        assert cache.get(cache_key(report)) == first
    assert client.get(url).content == first
    # a new revision (the editor's observations) has a new key
    revision = report.save_revision()
    revision.publish()
    report.refresh_from_db()
    with translation_es():
        assert cache.get(cache_key(report)) is None


def translation_es():
    from django.utils import translation

    return translation.override("es")


def test_a_private_report_sends_visitors_to_sign_in(client, report, citizen):
    PageViewRestriction.objects.create(page=report, restriction_type="login")
    for url in (report.url, report.url + "pdf/"):
        response = client.get(url)
        assert response.status_code == 302
        assert "/cuentas/login/" in response["Location"]
    client.force_login(citizen)
    assert client.get(report.url + "pdf/").status_code == 200


def test_an_unpublished_report_has_no_pdf(client, report):
    url = report.url + "pdf/"
    report.unpublish()
    assert client.get(url).status_code == 404
