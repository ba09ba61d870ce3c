"""Hostile import files (issue 17, findings 1 and 6): each gets a clear message about the file
as a whole, status 400 on the upload page (never a 500), nothing written, and bounded memory:
a few kilobytes that declare a huge sheet are read by the cells they hold."""

import html
import io
import re
import tracemalloc
import zipfile

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ascweb.forms import ImportForm
from ascweb.importing import FileProblem, read_upload
from ascweb.models import ImportRecord, Period, PeriodEvent
from ascweb.registry import registry
from finance.models import LineForecast
from tests.factories import spreadsheets as sheets

HEADER = "line_code,line_name,area,budget,forecast_outturn,explanation\n"
REQUIRED = ["line_code", "budget"]


def _wide() -> bytes:
    """A filled cell in column BA (the 53rd), beyond the 50-column limit."""
    return sheets.workbook(sheets.rows_xml({**sheets.HEADER, 2: [sheets.cell("A2", "STU-OP"), sheets.cell("BA2", 1)]}))


def _zip_of_text() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", "a zip, but not a workbook")
    return out.getvalue()


def _zip_bomb() -> bytes:
    """A workbook whose sheet unpacks to 600 MB of blanks from well under a megabyte."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part,
    ):
        for _ in range(600):
            part.write(b" " * (1024 * 1024))
    return out.getvalue()


HOSTILE = {
    "far cell": (lambda: sheets.dimension_bomb(1_048_576), "The file has more than 200,000 rows"),
    "too many columns": (_wide, "Row 2 has more than 50 columns"),
    "external entity": (sheets.external_entity, "declares entities or a document type, which are refused"),
    "billion laughs": (sheets.billion_laughs, "declares entities or a document type, which are refused"),
    "not a zip": (lambda: b"PK\x03\x04 this is not really a zip at all" * 10, "not a readable Excel (.xlsx) file"),
    "a zip that is not XLSX": (_zip_of_text, "not a readable Excel (.xlsx) file"),
    "zip bomb": (_zip_bomb, "unpacks to more than ten times the upload limit"),
}


def _state():
    return (
        sorted(LineForecast.objects.values_list("line_id", "period_id", "budget", "forecast", "explanation")),
        sorted(Period.objects.values_list("year__code", "number", "status")),
        ImportRecord.objects.count(),
        PeriodEvent.objects.count(),
    )


def _post(client, data: bytes, name: str = "p.xlsx"):
    upload = SimpleUploadedFile(name, data)
    return client.post("/imports/period/", {"year": "2017-18", "number": "11", "file": upload})


def test_workbooks_are_parsed_with_defusedxml():
    assert openpyxl.DEFUSEDXML  # requirements.txt pins defusedxml: without it openpyxl parses unsafely


@pytest.mark.parametrize("case", HOSTILE)
def test_each_hostile_workbook_says_what_is_wrong(case):
    build, message = HOSTILE[case]
    with pytest.raises(FileProblem, match=re.escape(message)):
        read_upload(build(), "p.xlsx", required=REQUIRED)


@pytest.mark.parametrize("case", HOSTILE)
def test_each_hostile_workbook_on_the_upload_page_is_a_400_and_saves_nothing(lead_client, case):
    build, message = HOSTILE[case]
    before = _state()
    response = _post(lead_client, build())
    assert response.status_code == 400
    page = html.unescape(response.content.decode())
    assert "1 problem in the file: nothing has been saved" in page
    assert message in page
    assert _state() == before


def test_a_dimension_bomb_is_read_by_the_cells_it_holds_in_bounded_memory():
    """The issue's 5 KB sheet declaring A1:XFD20000 took 2.9 GB; tracemalloc counts every
    Python allocation, so the peak is the same on every run."""
    data = sheets.dimension_bomb(20_000)
    assert len(data) < 5_000
    tracemalloc.start()
    try:
        table = read_upload(data, "bomb.xlsx", required=REQUIRED)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert table.rows == [(20_000, {"line_code": "STU-OP", "budget": ""})]
    assert peak < 20 * 1024 * 1024


def test_a_dimension_bomb_on_the_upload_page_reports_its_one_row(lead_client):
    before = _state()
    response = _post(lead_client, sheets.dimension_bomb(20_000, header=tuple(HEADER.strip().split(","))))
    assert response.status_code == 400
    assert {problem.row for problem in response.context["report"].problems} == {20_000}
    assert _state() == before


def test_the_row_limit_counts_filled_rows_by_their_number(settings):
    """Blank rows past the limit are nothing; a filled one is refused, in CSV and XLSX alike."""
    settings.ASCWEB_IMPORT_MAX_ROWS = 3
    assert len(read_upload(b"line_code,budget\nA,1\nB,2\n\n\n,\n", "t.csv", required=REQUIRED).rows) == 2
    with pytest.raises(FileProblem, match="The file has more than 3 rows; split it"):
        read_upload(b"line_code,budget\nA,1\nB,2\nC,3\n", "t.csv", required=REQUIRED)
    rows = {**sheets.HEADER, 4: [sheets.cell("A4", "C")]}
    with pytest.raises(FileProblem, match="more than 3 rows"):
        read_upload(sheets.workbook(sheets.rows_xml(rows)), "t.xlsx", required=REQUIRED)


def test_the_reader_never_holds_more_rows_than_the_limit(settings):
    """The rows are read one at a time and reading stops at the first past the limit: a CSV
    reader handed a file with a million rows takes no more than the limit's."""
    settings.ASCWEB_IMPORT_MAX_ROWS = 1000
    taken = []

    class Lines:
        def __iter__(self):
            yield "line_code,budget\n"
            for number in range(1_000_000):
                taken.append(number)
                yield f"L{number},1\n"

    from ascweb import importing

    with pytest.raises(FileProblem, match="more than 1,000 rows"):
        importing._table(importing.csv.reader(Lines()))  # the reader both file types share
    assert len(taken) == 1000


def test_too_many_columns_in_a_csv(settings):
    settings.ASCWEB_IMPORT_MAX_COLUMNS = 4
    assert read_upload(b"line_code,budget,,,,,\nA,1,,,,,,\n", "t.csv", required=REQUIRED).rows
    with pytest.raises(FileProblem, match="Row 2 has more than 4 columns"):
        read_upload(b"line_code,budget\nA,1,,,,x\n", "t.csv", required=REQUIRED)


def test_too_many_rows_through_the_page(lead_client, settings):
    settings.ASCWEB_IMPORT_MAX_ROWS = 5
    before = _state()
    text = HEADER + "".join(f"STU-OP,,,{n},1,\n" for n in range(5))
    response = _post(lead_client, text.encode(), "p.csv")
    assert response.status_code == 400
    assert "The file has more than 5 rows" in response.content.decode()
    assert _state() == before


class _Unreadable(SimpleUploadedFile):
    """An upload whose content must not be read: its size alone decides."""

    def read(self, *args, **kwargs):
        raise AssertionError("an oversize upload was read")

    def chunks(self, *args, **kwargs):
        raise AssertionError("an oversize upload was read")


def test_an_oversize_upload_is_refused_by_its_size_before_it_is_read(settings):
    settings.ASCWEB_IMPORT_MAX_BYTES = 1024 * 1024
    upload = _Unreadable("p.csv", b"x" * (1024 * 1024 + 1))
    form = ImportForm({"year": "2017-18", "number": "11"}, {"file": upload}, kind=registry.import_kinds["period"])
    assert not form.is_valid()
    assert form.errors["file"] == ["The file is larger than 1 MB"]


def test_an_oversize_upload_through_the_page(lead_client, settings):
    settings.ASCWEB_IMPORT_MAX_BYTES = 1024 * 1024
    before = _state()
    text = HEADER + "STU-OP,,,1,1,\n" * 80_000  # 1.1 MB
    response = _post(lead_client, text.encode(), "p.csv")
    assert response.status_code == 400
    page = response.content.decode()
    assert "The file is larger than 1 MB" in page
    assert "Up to 1 MB, 200,000 rows and 50 columns" in page  # the hint says so beforehand
    assert _state() == before
