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


def _cells(row: dict, columns):
    from ascweb.importing import Report, read_cells

    report = Report()
    return read_cells(7, row, columns, report), [str(problem) for problem in report.problems]


def test_cells_are_read_by_their_column_and_every_problem_is_named():
    from ascweb.importing import Column

    columns = [
        Column("code", required=True, max_length=5),
        Column("period", "number", required=True, bounds=(1, 13)),
        Column("status", "choice", choices=(("on", "On target"), ("off", "Off target"))),
        Column("amount", "money"),
    ]
    good = {"code": "STU", "period": "13", "status": "off target", "amount": "(1,000.5)"}
    assert _cells(good, columns) == ({"code": "STU", "period": 13, "status": "off", "amount": -100_050}, [])
    assert _cells({"code": "STU", "period": "1"}, columns) == (
        {"code": "STU", "period": 1, "status": "", "amount": None},
        [],
    )
    bad = {"code": "TOOLONG", "period": "14", "status": "maybe", "amount": "1.234"}
    assert _cells(bad, columns) == (
        None,
        [
            "Row 7, code: keep it under 5 characters",
            "Row 7, period: '14' is not a period from 1 to 13",
            "Row 7, status: 'maybe' is not one of: On target, Off target",
            "Row 7, amount: Enter an amount in pounds, like 1,234,567, -1234567.89 or (1,234,567)",
        ],
    )
    assert _cells({"period": "0"}, columns)[1] == [
        "Row 7, code: give a code",
        "Row 7, period: '0' is not a period from 1 to 13",
    ]
    assert _cells({"code": "A", "period": "١"}, columns)[1] == ["Row 7, period: '١' is not a whole number"]


def test_reading_a_file_pauses_the_cycle_collector_only_while_it_runs():
    import gc

    assert gc.isenabled()
    read_upload(b"line_code,budget\nA,1\n", "t.csv", required=REQUIRED)
    assert gc.isenabled()
    with pytest.raises(FileProblem):
        read_upload(b"line_code,budget\n", "t.csv", required=REQUIRED)
    assert gc.isenabled()
    gc.disable()
    try:
        read_upload(b"line_code,budget\nA,1\n", "t.csv", required=REQUIRED)
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()
