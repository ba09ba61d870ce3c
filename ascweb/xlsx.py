"""A registered table as an Excel workbook: the same table code as the HTML page, with numbers
kept as numbers (£m to 3 decimals, negatives in brackets by number format, never as text)."""

import re
import zipfile
from datetime import UTC, datetime
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from ascweb import money, pack
from ascweb.cells import spreadsheet_text, string_cells
from ascweb.registry import ExportTable
from ascweb.tables import MoneyColumn, PercentColumn

MONEY_FORMAT = "#,##0.000;(#,##0.000);0.000"
PERCENT_FORMAT = "0.00%;(0.00%);0.00%"
_BOLD_ROWS = {"heading", "total", "grand_total"}
_SHEET_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


def table_workbook(table: ExportTable, period, rows: list) -> bytes:
    html = pack.html_table(table, period, rows)
    book = Workbook()
    sheet = book.active
    sheet.title = _sheet_title(table.title)
    preamble = [
        [table.title],
        [pack.publication_line(period)],
        ["Figures in £m to 3 decimal places; negative figures in brackets."],
        [],
    ]
    for row in preamble:
        sheet.append(row)
    sheet["A1"].font = Font(bold=True, size=14)
    # Counted, not read from max_row: an empty appended row does not raise max_row, so the
    # header would land on the blank row.
    header_row = len(preamble) + 1
    columns = list(html.columns)
    sheet.append([str(column.header) for column in columns])
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="bottom")
    for bound_row in html.rows:
        _append_row(sheet, html, bound_row, columns)
    if pack.may_not_add(html):
        sheet.append([])
        sheet.append(["Figures may not add due to rounding."])
    _layout(sheet, columns, header_row)
    out = BytesIO()
    book.save(out)
    return dated(out.getvalue(), period.published_at or datetime.now(UTC))


_MODIFIED = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def dated(workbook: bytes, when: datetime) -> bytes:
    """The workbook with every date in it (its document properties, each part's time in the
    zip) set to `when`: a published period's download is then the same file every time, not
    one stamped with the moment it was written (openpyxl stamps both on save)."""
    when = when.astimezone(UTC)
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(workbook)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "docProps/core.xml":
                data = _MODIFIED.sub(rb"\g<1>" + stamp + rb"\g<2>", data)
            target.writestr(zipfile.ZipInfo(info.filename, date_time=when.timetuple()[:6]), data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _append_row(sheet, html, bound_row, columns) -> None:
    values, formats = [], []
    for column in columns:
        value = pack.raw_value(html, bound_row, column.name)
        if isinstance(column.column, MoneyColumn):
            values.append(money.millions(value) if value is not None else None)
            formats.append(MONEY_FORMAT)
        elif isinstance(column.column, PercentColumn):
            values.append(value)
            formats.append(PERCENT_FORMAT)
        else:
            values.append(spreadsheet_text(value))  # a string cell, never a formula
            formats.append(None)
    sheet.append(values)
    string_cells(sheet[sheet.max_row])
    bold = getattr(bound_row.record, "kind", "line") in _BOLD_ROWS
    for cell, number_format in zip(sheet[sheet.max_row], formats, strict=True):
        if number_format:
            cell.number_format = number_format
        if bold:
            cell.font = Font(bold=True)
    depth = getattr(bound_row.record, "depth", 0)
    if depth:
        first = sheet.cell(row=sheet.max_row, column=1)
        first.alignment = Alignment(indent=min(depth, 4) * 2)


def _layout(sheet, columns, header_row: int) -> None:
    for index, column in enumerate(columns, start=1):
        numeric = isinstance(column.column, MoneyColumn | PercentColumn)
        sheet.column_dimensions[get_column_letter(index)].width = 16 if numeric else 44
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.print_title_rows = f"{header_row}:{header_row}"


def _sheet_title(title: str) -> str:
    return title.translate(_SHEET_FORBIDDEN).strip()[:31]
