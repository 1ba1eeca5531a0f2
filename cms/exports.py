"""Every CSV and spreadsheet the portal hands out goes through here.

A spreadsheet program runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (also
after a tab or carriage return) as a formula, so a citizen's answer such as
``=HYPERLINK("http://x")`` would run on a staff member's computer (CSV injection).
``neutralise`` prefixes such text cells with ``'`` (OWASP's advice); real numbers
(``int``, ``float``, ``Decimal``) are left alone so they stay numeric: only text can
carry a formula. XLSX downloads (``xlsx_response``) pass every cell through the same
function: a string that starts with ``=`` would otherwise be written as a formula by
openpyxl itself. Wagtail's own exports (reports, search terms, redirects) are routed
through the same function by ``guard_wagtail_exports``."""

import csv
import decimal
import io
from functools import wraps

from django.http import HttpResponse, StreamingHttpResponse
from django.utils.functional import Promise

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def neutralise(value):
    """The cell value, with text that a spreadsheet would read as a formula made inert."""
    if isinstance(value, bool | int | float | decimal.Decimal) or value is None:
        return value
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def neutralise_row(row):
    if isinstance(row, dict):
        return {key: neutralise(value) for key, value in row.items()}
    return [neutralise(value) for value in row]


class _Echo:
    def write(self, value):
        return value


def csv_rows(header, rows):
    """The CSV text, line by line: a byte-order mark (so Excel reads UTF-8), the header,
    then each row (a list, or a dict keyed by the header's names) neutralised."""
    writer = csv.writer(_Echo())
    yield BOM
    yield writer.writerow(neutralise_row(header))
    header = list(header)
    for row in rows:
        if isinstance(row, dict):
            row = [row.get(name, "") for name in header]
        yield writer.writerow(neutralise_row(row))


def csv_response(filename, header, rows, *, private=False):
    """A streamed CSV download. ``private`` marks data that no cache may keep."""
    response = StreamingHttpResponse(csv_rows(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    if private:
        response["Cache-Control"] = "private, no-store"
    return response


XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _xlsx_cell(value):
    if isinstance(value, Promise):  # a lazy translation
        value = str(value)
    value = neutralise(value)
    if isinstance(value, str):
        # Control characters XML cannot hold would make openpyxl refuse the whole file.
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def xlsx_response(filename, header, rows, *, private=False):
    """An XLSX download of one sheet: the header, then each row (a list, or a dict keyed
    by the header's names), every cell neutralised. ``private`` as for CSV."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    header = list(header)
    sheet.append([_xlsx_cell(name) for name in header])
    for row in rows:
        if isinstance(row, dict):
            row = [row.get(name, "") for name in header]
        sheet.append([_xlsx_cell(value) for value in row])
    content = io.BytesIO()
    workbook.save(content)
    response = HttpResponse(content.getvalue(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    if private:
        response["Cache-Control"] = "private, no-store"
    return response


def guard_wagtail_exports():
    """Make Wagtail's spreadsheet exports (CSV and XLSX) use ``neutralise`` too: every
    value they write passes through ``SpreadsheetExportMixin.preprocess_field_value``."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "neutralises", False):
        return

    @wraps(original)
    def preprocess_field_value(self, field, value, export_format):
        return neutralise(original(self, field, value, export_format))

    preprocess_field_value.neutralises = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
