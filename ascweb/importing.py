"""One importer design for every kind of figure: read a CSV or XLSX upload into rows, report
every problem by file row and column, and let the caller apply the rows in one transaction
only when there are none.

Accepted: CSV in UTF-8 (with or without a byte-order mark) or Windows-1252, and XLSX (the
first worksheet). Row numbers are the file's own (the header is row 1), as a spreadsheet
shows them.
"""

import csv
import hashlib
import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

MAX_BYTES = 50 * 1024 * 1024  # 50 MB: a 100,000-row file is about 5 MB


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


def read_upload(data: bytes, filename: str, *, required: Iterable[str]) -> Table:
    """Read CSV or XLSX bytes into a Table, or raise FileProblem saying what is wrong."""
    if not data:
        raise FileProblem("The file is empty")
    if len(data) > MAX_BYTES:
        raise FileProblem("The file is larger than 50 MB")
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
        records = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise FileProblem(f"This is not a readable CSV file ({error})") from None
    return _table(records)


def _read_xlsx(data: bytes) -> Table:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise FileProblem("This is not a readable Excel (.xlsx) file") from None
    try:
        sheet = workbook.worksheets[0]
        records = [
            ["" if cell is None else _cell_text(cell) for cell in row] for row in sheet.iter_rows(values_only=True)
        ]
    finally:
        workbook.close()
    return _table(records)


def _cell_text(value) -> str:
    """Spreadsheet cells as the text a person would type (numbers exactly, never via float
    formatting surprises: Excel stores numbers as binary floats, so whole pence are rounded)."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(Decimal(repr(value)).quantize(Decimal("0.01")))
    return str(value)


def _table(records: list[list[str]]) -> Table:
    """The first non-blank row is the header; blank rows are skipped but keep their numbers."""
    numbered = [(n, r) for n, r in enumerate(records, start=1) if any(str(v).strip() for v in r)]
    if not numbered:
        raise FileProblem("The file is empty")
    header = [str(h).strip().lower() for h in numbered[0][1]]
    rows = []
    for number, values in numbered[1:]:
        padded = list(values) + [""] * (len(header) - len(values))
        rows.append((number, {h: str(v).strip() for h, v in zip(header, padded, strict=False) if h}))
    return Table(header=header, rows=rows)
