"""Every CSV/XLSX export of the portal neutralises cells a spreadsheet would run as a
formula (CSV injection), keeps real numbers numeric and starts CSV with a BOM."""

import csv
import io

from django.urls import reverse
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query

import pytest
from openpyxl import load_workbook

from cms.exports import neutralise, xlsx_response

pytestmark = pytest.mark.django_db

PAYLOADS = ['=HYPERLINK("http://x")', "+1+1", "-2", "@SUM(A1)", "\t=1", "\r=1"]


def read_csv(response):
    body = response.getvalue().decode("utf-8")
    assert body.startswith("\ufeff"), "CSV without byte-order mark"
    return list(csv.reader(io.StringIO(body[1:])))


def assert_neutralised(cells):
    for payload in PAYLOADS:
        assert payload not in cells, f"{payload!r} written as-is"
        assert "'" + payload in cells, f"{payload!r} missing from the export"


@pytest.mark.parametrize("payload", PAYLOADS)
def test_neutralise_prefixes_formula_text(payload):
    assert neutralise(payload) == "'" + payload


@pytest.mark.parametrize("value", ["Útil", "a=b", "", "2026-03-10", None, -2, 3.5, True])
def test_neutralise_keeps_plain_text_and_numbers(value):
    assert neutralise(value) == value


def test_pqrsd_statistics_csv_has_bom_and_numbers(client, demo_site):
    year = timezone.localdate().year
    rows = read_csv(client.get(reverse("pqr:statistics_csv"), {"year": year}))
    assert rows[0][0] == "Trimestre"
    assert len(rows) == 5
    numbers = [cell for row in rows[1:] for cell in row[1:] if cell]
    assert numbers and all(float(cell) >= 0 for cell in numbers), "numbers stay numbers"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_wagtail_search_terms_export_neutralises_citizen_queries(client, superuser, fmt):
    """Citizens choose what they search for; editors export it from Wagtail's report."""
    stored = set()
    for payload in PAYLOADS:  # Wagtail lowercases them and strips white space
        query = Query.get(payload)
        query.add_hit()
        stored.add(query.query_string)
    assert stored == {'=hyperlink("http://x")', "+1+1", "-2", "@sum(a1)", "=1"}
    client.force_login(superuser)
    response = client.get(reverse("wagtailsearchpromotions:search_terms"), {"export": fmt})
    assert response.status_code == 200
    if fmt == "csv":
        cells = [row[0] for row in csv.reader(io.StringIO(response.getvalue().decode()))]
    else:
        sheet = load_workbook(io.BytesIO(response.getvalue())).active
        cells = [row[0].value for row in sheet.iter_rows()]
        assert all(row[1].data_type == "n" for row in list(sheet.iter_rows())[1:])
    for query_string in stored:
        assert query_string not in cells and "'" + query_string in cells


def assert_neutralised_xlsx(cells):
    """assert_neutralised for XLSX cells: XML reads a lone carriage return as a line
    feed, so "\r=1" comes back as "'\n=1" (still text, still prefixed)."""
    assert_neutralised([c.replace("'\n", "'\r", 1) if c else c for c in cells])


def read_xlsx(response):
    """The rows of the first sheet of an XLSX response, as openpyxl cells."""
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    return list(load_workbook(io.BytesIO(response.content)).active.iter_rows())


def test_xlsx_response_neutralises_text_and_keeps_numbers():
    header = ["text", "number", "=header"]
    rows = [{"text": payload, "number": -2, "=header": "Peñalosa"} for payload in PAYLOADS] + [
        ["Año ñandú", 3.5, None],
        ["a\x00b\x0bc", True, "=1+1"],
    ]
    response = xlsx_response("informe", header, rows, private=True)
    assert response["Content-Disposition"] == 'attachment; filename="informe.xlsx"'
    assert response["Cache-Control"] == "private, no-store"
    sheet = read_xlsx(response)
    assert [c.value for c in sheet[0]] == ["text", "number", "'=header"]
    texts = [row[0].value for row in sheet[1 : len(PAYLOADS) + 1]]
    # XML reads a lone carriage return as a line feed; the "'" prefix is what counts.
    assert texts == ["'" + payload.replace("\r", "\n") for payload in PAYLOADS]
    assert all(row[0].data_type == "s" for row in sheet), "no cell is a formula"
    assert [row[1].value for row in sheet[1 : len(PAYLOADS) + 1]] == [-2] * len(PAYLOADS)
    assert sheet[1][1].data_type == "n", "a real negative number stays a number"
    assert sheet[1][2].value == "Peñalosa"
    assert [c.value for c in sheet[-2]] == ["Año ñandú", 3.5, None]
    assert sheet[-1][0].value == "abc", "control characters XML cannot hold are dropped"
    assert sheet[-1][2].value == "'=1+1"


def test_xlsx_response_is_public_unless_private():
    response = xlsx_response("datos", ["a"], [["ñ"]])
    assert "Cache-Control" not in response
    assert read_xlsx(response)[1][0].value == "ñ"
