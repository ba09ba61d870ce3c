import io

import pytest
from openpyxl import Workbook

from ascweb.importing import FileProblem, read_upload

REQUIRED = ["budget"]


def test_csv_in_utf8_with_a_byte_order_mark():
    table = read_upload("\ufeffline_code,budget\nA,1\n".encode(), "t.csv", required=REQUIRED)
    assert table.header == ["line_code", "budget"]
    assert table.rows == [(2, {"line_code": "A", "budget": "1"})]


def test_csv_in_windows_1252():
    table = read_upload("line_name,budget\nCafé £,1\n".encode("cp1252"), "t.csv", required=REQUIRED)
    assert table.rows[0][1]["line_name"] == "Café £"


def test_blank_rows_are_skipped_but_keep_their_numbers():
    table = read_upload(b"Line_Code , Budget\n\nA,1\n,,\nB,2\n", "t.csv", required=REQUIRED)
    assert [number for number, _ in table.rows] == [3, 5]


def test_xlsx_numbers_arrive_as_exact_text():
    workbook = Workbook()
    workbook.active.append(["line_code", "budget"])
    workbook.active.append(["A", 111098000])
    workbook.active.append(["B", -76870000.01])
    out = io.BytesIO()
    workbook.save(out)
    table = read_upload(out.getvalue(), "t.xlsx", required=REQUIRED)
    assert [row["budget"] for _, row in table.rows] == ["111098000", "-76870000.01"]


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "t.csv", "empty"),
        (b"\n\n", "t.csv", "empty"),
        (b"line_code,budget\n", "t.csv", "no data rows"),
        (b"line_code,forecast\nA,1\n", "t.csv", "missing: budget"),
        (b"%PDF-1.7\n\x00\x01binary", "t.pdf", "CSV or an Excel"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "t.csv", "binary data"),
        (b"line_code,budget\nA,\x81\x8d\x90\n", "t.csv", "encoding"),
        (b"PK\x03\x04not really a workbook", "t.xlsx", "not a readable Excel"),
    ],
)
def test_files_that_cannot_be_read_say_why(data, name, message):
    with pytest.raises(FileProblem, match=message):
        read_upload(data, name, required=REQUIRED)
