"""One importer design for every kind of figure: read a CSV or XLSX upload into rows, report
every problem by file row and column, and let the caller apply the rows in one transaction
only when there are none.

Accepted: CSV in UTF-8 (with or without a byte-order mark) or Windows-1252, and XLSX (the
first worksheet). Row numbers are the file's own (the header is row 1), as a spreadsheet
shows them.
"""

import csv
import gc
import hashlib
import io
import zipfile
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from ascweb.cells import restore, spreadsheet_text, string_cells
from ascweb.money import AmountError, parse_amount

# Defaults of the settings of the same names (ASCWEB_IMPORT_...): see limits()
MAX_BYTES = 50 * 1024 * 1024  # 50 MB: a 100,000-row file is about 5 MB
MAX_ROWS = 200_000
MAX_COLUMNS = 50  # the widest kind has 9


@dataclass(frozen=True)
class Problem:
    row: int | None  # file row (header = 1); None for the file as a whole
    column: str
    message: str

    def __str__(self) -> str:
        where = f"Row {self.row}" if self.row else "File"
        return f"{where}, {self.column}: {self.message}" if self.column else f"{where}: {self.message}"


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    changed: int = 0
    created: int = 0
    unchanged: int = 0
    notes: list[str] = field(default_factory=list)  # e.g. printed totals checked

    @property
    def ok(self) -> bool:
        return not self.problems

    def add(self, row: int | None, column: str, message: str) -> None:
        self.problems.append(Problem(row, column, message))


@dataclass(frozen=True)
class Table:
    """The rows of an upload: header names (lower case, trimmed) and (row number, values)."""

    header: list[str]
    rows: list[tuple[int, dict[str, str]]]
    overfull: tuple[int, ...] = ()  # rows with filled cells beyond the last named column


class FileProblem(ValueError):
    """The file as a whole cannot be read; the message is for the user."""


@dataclass(frozen=True)
class Upload:
    """A file that has been read: its rows, its name and its SHA-256 (kept with the import)."""

    table: Table
    filename: str
    checksum: str


def read_file(data: bytes, filename: str, *, required: Iterable[str]) -> Upload:
    """read_upload, keeping the file's name and checksum; raises FileProblem."""
    return Upload(read_upload(data, filename, required=required), filename, hashlib.sha256(data).hexdigest())


@contextmanager
def many_objects():
    """Pause Python's cycle collector while an import builds hundreds of thousands of small
    objects (rows, cells, records) that all stay alive until it ends: each collection would
    walk them all again to free nothing (0.4 s of a 100,000-row import). Reference counting
    frees everything as usual; the collector resumes afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def limits() -> tuple[int, int, int]:
    """(bytes, rows, columns) an upload may have: ASCWEB_IMPORT_MAX_BYTES, _MAX_ROWS and
    _MAX_COLUMNS in the settings (50 MB, 200,000 rows, 50 columns unless set)."""
    from django.conf import settings

    return (
        getattr(settings, "ASCWEB_IMPORT_MAX_BYTES", MAX_BYTES),
        getattr(settings, "ASCWEB_IMPORT_MAX_ROWS", MAX_ROWS),
        getattr(settings, "ASCWEB_IMPORT_MAX_COLUMNS", MAX_COLUMNS),
    )


def too_large(size: int) -> str | None:
    """The message for a file of `size` bytes over the limit (None if within it): checked
    before a file is read into memory."""
    most = limits()[0]
    return f"The file is larger than {most / 1024 / 1024:g} MB" if size > most else None


@many_objects()
def read_upload(data: bytes, filename: str, *, required: Iterable[str]) -> Table:
    """Read CSV or XLSX bytes into a Table, or raise FileProblem saying what is wrong."""
    if not data:
        raise FileProblem("The file is empty")
    if message := too_large(len(data)):
        raise FileProblem(message)
    name = filename.lower()
    if data[:4] == b"PK\x03\x04" or name.endswith(".xlsx"):
        table = _read_xlsx(data)
    elif name.endswith((".csv", ".txt")) or not name.rpartition(".")[1]:
        table = _read_csv(data)
    else:
        raise FileProblem("Upload a CSV or an Excel (.xlsx) file")
    missing = [column for column in required if column not in table.header]
    if missing:
        raise FileProblem(f"The first row must name the columns; missing: {', '.join(missing)}")
    if not table.rows:
        raise FileProblem("The file has a header row but no data rows")
    return table


def _decode(data: bytes) -> str:
    if b"\x00" in data:
        raise FileProblem("This is not a CSV file (it contains binary data); upload CSV or .xlsx")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise FileProblem("The file's text encoding is not UTF-8 or Windows-1252") from None


def _read_csv(data: bytes) -> Table:
    text = _decode(data)
    try:
        return _table(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise FileProblem(f"This is not a readable CSV file ({error})") from None


def _read_xlsx(data: bytes) -> Table:
    """The first sheet's cells as text. Only the cells the file holds are read: the size the
    sheet declares (its <dimension>) is ignored, so a few kilobytes declaring a million rows
    cost nothing. XML is parsed by defusedxml (openpyxl uses it when installed), so entity
    tricks fail; any workbook openpyxl cannot make sense of is "not a readable Excel file"."""
    from defusedxml import DefusedXmlException
    from openpyxl import load_workbook

    _check_unpacked_size(data)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            sheet.reset_dimensions()
            return _table([_cell_text(cell) for cell in row] for row in sheet.iter_rows(values_only=True))
        finally:
            workbook.close()
    except FileProblem:
        raise
    except Exception as error:  # noqa: BLE001 - a hostile or broken file breaks a parser in many ways
        while error is not None and not isinstance(error, DefusedXmlException):
            error = error.__cause__ or error.__context__  # openpyxl wraps what the parser raised
        if error is not None:
            raise FileProblem(
                "This Excel file's XML declares entities or a document type, which are refused for safety; "
                "save it again in Excel"
            ) from None
        raise FileProblem("This is not a readable Excel (.xlsx) file") from None


def _check_unpacked_size(data: bytes) -> None:
    """An XLSX is a zip: refuse one that unpacks to more than ten times the upload limit (a
    zip bomb) before reading any of it. Python's zipfile never unpacks beyond the sizes an
    archive declares, so the declared sizes are a safe bound."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise FileProblem("This is not a readable Excel (.xlsx) file") from None
    if unpacked > 10 * limits()[0]:
        raise FileProblem("This Excel file unpacks to more than ten times the upload limit; save it again in Excel")


def _cell_text(value) -> str:
    """Spreadsheet cells as the text a person would type (numbers exactly, never via float
    formatting surprises: Excel stores numbers as binary floats, so whole pence are rounded)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(Decimal(repr(value)).quantize(Decimal("0.01")))
    return str(value)


def _table(records: Iterable[list[str]]) -> Table:
    """The first non-blank row is the header; blank rows are skipped but keep their numbers.
    (Cells are text here: CSV's own, or _cell_text's from a workbook.) Reading stops with a
    FileProblem at the first filled row past the row limit or filled cell past the column
    limit, so no more than the limit's rows are ever held."""
    _most_bytes, most_rows, most_columns = limits()
    numbered = enumerate(records, start=1)
    for number, first in numbered:
        header = _within(number, [str(h).strip().lower() for h in first], most_rows, most_columns)
        if any(header):
            break
    else:
        raise FileProblem("The file is empty")
    while not header[-1]:
        header.pop()
    width = len(header)
    rows, overfull = [], []
    for number, values in numbered:
        if not any(values):
            continue
        cells = _within(number, [restore(value.strip()) for value in values], most_rows, most_columns)
        if not any(cells):
            continue
        if len(cells) < width:
            cells += [""] * (width - len(cells))
        elif any(cells[width:]):
            overfull.append(number)
        rows.append((number, dict(zip(header, cells))))  # noqa: B905 - overfull rows are reported above
    return Table(header=header, rows=rows, overfull=tuple(overfull))


def _within(number: int, cells: list[str], most_rows: int, most_columns: int) -> list[str]:
    """A row's cells, trailing blanks dropped, or FileProblem if it is past the limits."""
    while cells and not cells[-1]:
        cells.pop()
    if cells and number > most_rows:
        raise FileProblem(f"The file has more than {most_rows:,} rows; split it into smaller files")
    if len(cells) > most_columns:
        raise FileProblem(f"Row {number} has more than {most_columns} columns; remove the cells beyond them")
    return cells


# --- Columns: the one description of a kind's file, used to read it and to write its template ---


class CellError(ValueError):
    """A cell that does not hold what its column takes; the message is for the user."""


@dataclass(frozen=True)
class Column:
    """A column of an import file. `kind`: "text", "money" (£ in the file, pence here),
    "number" (a whole number, within `bounds` where given), "percent" (1.99 or 1.99% is
    Decimal 1.99, to 3 decimals), "date" (2017-10-19, or 19/10/2017) or "choice" (one of
    `choices`, matched case-insensitively on value or label). `required`: a row must give it;
    `max_length` for text."""

    name: str
    kind: str = "text"
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()
    max_length: int = 4000
    bounds: tuple[int, int] | None = None  # (least, most) of a number

    @property
    def blank(self):
        """The value of an empty cell."""
        return "" if self.kind in ("text", "choice") else None

    def parse(self, text: str):
        """The value of a non-empty cell: money in pence, a number as int, a choice as its
        value; raises CellError (AmountError for money) saying what is wrong."""
        if self.kind == "money":
            return parse_amount(text)
        if self.kind == "number":
            if not (text.isascii() and text.isdigit() and len(text) < 10):
                raise CellError(f"{text!r} is not a whole number")
            number = int(text)
            if self.bounds and not self.bounds[0] <= number <= self.bounds[1]:
                least, most = self.bounds
                raise CellError(f"{text!r} is not a {self.name.replace('_', ' ')} from {least} to {most}")
            return number
        if self.kind == "percent":
            return _percent(text)
        if self.kind == "date":
            return _date(text)
        if self.kind == "choice":
            wanted = text.casefold()
            for value, shown in self.choices:
                if wanted in (value.casefold(), shown.casefold()):
                    return value
            raise CellError(f"{text!r} is not one of: {', '.join(shown for _v, shown in self.choices)}")
        if len(text) > self.max_length:
            raise CellError(f"keep it under {self.max_length:,} characters")
        return text


def _percent(text: str) -> Decimal:
    try:
        value = Decimal(text.strip().removesuffix("%").strip())
    except ArithmeticError:
        raise CellError(f"{text!r} is not a percentage like 1.99") from None
    if not value.is_finite() or abs(value) >= 1000 or value != value.quantize(Decimal("0.001")):
        raise CellError(f"{text!r} is not a percentage like 1.99 (to 3 decimals at most)")
    return value.quantize(Decimal("0.001"))


def _date(text: str) -> date:
    cleaned = text.strip().removesuffix(" 00:00:00")  # a spreadsheet's date cell
    try:
        if "/" in cleaned:
            day, month, year = (int(part) for part in cleaned.split("/"))
            return date(year, month, day)
        return date.fromisoformat(cleaned)
    except ValueError:
        raise CellError(f"{text!r} is not a date like 2017-10-19") from None


def read_cells(number: int, row: dict[str, str], columns: Iterable[Column], report: Report, label: str = ""):
    """A row's values by column name (blank cells as Column.blank), or None when any cell is
    wrong: each problem is added to `report` naming the row, the column and (where given)
    what the row is about."""
    values: dict[str, object] = {}
    problems: list[tuple[str, str]] = []
    for column in columns:
        text = row.get(column.name)
        if text:
            try:
                values[column.name] = column.parse(text)
            except (CellError, AmountError) as error:
                problems.append((column.name, str(error)))
        elif column.required:
            problems.append((column.name, f"give a {column.name.replace('_', ' ')}"))
        else:
            values[column.name] = column.blank
    if not problems:
        return values
    prefix = f"{label}: " if label else ""
    for name, message in problems:
        report.add(number, name, prefix + message)
    return None


LIST_SEPARATOR = ";"  # between the items of a list in a cell (aliases, the codes a row names)


def split_list(text: str) -> list[str]:
    """A list cell's items, trimmed, blanks dropped, in order."""
    return [item.strip() for item in text.split(LIST_SEPARATOR) if item.strip()]


def join_list(items: Iterable[str]) -> str:
    return f"{LIST_SEPARATOR} ".join(items)


def pounds_text(pence: int | None) -> str:
    """Plain pounds for a CSV cell, exact: 111098000 -> '1110980', -7687000050 -> '-76870000.50'."""
    if pence is None:
        return ""
    sign = "-" if pence < 0 else ""
    pounds, rest = divmod(abs(pence), 100)
    return f"{sign}{pounds}" + (f".{rest:02d}" if rest else "")


def template_csv(columns: list[Column], rows: Iterable[dict]) -> str:
    """A template as CSV: the columns' names, then each row (money in plain pounds)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c.name for c in columns])
    for row in rows:
        writer.writerow([_template_cell(c, row.get(c.name)) for c in columns])
    return out.getvalue()


def _template_cell(column: Column, value) -> str:
    """A cell of a template: money in plain pounds, anything else as text that is never a
    formula (ascweb.cells; reading a file removes the quote again)."""
    if column.kind == "money":
        return pounds_text(value)
    if column.kind in ("percent", "date"):
        return "" if value is None else str(value)
    if column.kind == "choice" and value:
        return spreadsheet_text(dict(column.choices).get(value, value))
    return spreadsheet_text(value)


def template_xlsx(columns: list[Column], rows: Iterable[dict], *, title: str, sheet: str = "Figures") -> bytes:
    """A template as a workbook: money cells are numbers (pounds to 2 decimals), not text."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = sheet[:31]
    worksheet.append([c.name for c in columns])
    for row in rows:
        worksheet.append(
            [
                (None if row.get(c.name) is None else Decimal(row[c.name]) / 100)
                if c.kind == "money"
                else (row.get(c.name) if c.kind in ("number", "percent") else _template_cell(c, row.get(c.name)))
                for c in columns
            ]
        )
        string_cells(worksheet[worksheet.max_row])
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        width = 16 if column.kind in ("money", "number") else 60 if column.max_length > 400 else 30
        worksheet.column_dimensions[letter].width = width
        if column.kind == "money":
            for (cell,) in worksheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = "#,##0.00;-#,##0.00"
    workbook.properties.title = title
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
