"""Excel and CSV downloads of registered tables: numbers stay numbers (£m, 3 decimals,
negatives in brackets by number format), CSV is plain, and the pages' permission rules hold."""

import csv
import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.test import Client

from ascweb.registry import registry
from ascweb.xlsx import MONEY_FORMAT, PERCENT_FORMAT

P10 = "/periods/2017-18/10"
P11 = "/periods/2017-18/11"  # open (draft)

# url -> expected status for anonymous, member, officer, other officer, lead (302: sign in).
MATRIX = {
    f"{P10}/tables/summary.xlsx": (302, 200, 200, 200, 200),
    f"{P10}/tables/appendix-a.csv": (302, 200, 200, 200, 200),
    f"{P10}/pack/": (302, 200, 200, 200, 200),
    f"{P11}/tables/appendix-a.xlsx": (302, 404, 200, 200, 200),  # a draft does not exist for members
    f"{P11}/tables/summary.csv": (302, 404, 200, 200, 200),
    f"{P11}/pack/": (302, 404, 200, 200, 200),
    f"{P10}/tables/nope.xlsx": (302, 404, 404, 404, 404),
    "/periods/2017-18/99/tables/summary.csv": (302, 404, 404, 404, 404),
}
PERSONAS = ("anonymous", "member", "officer", "other_officer", "lead")


@pytest.fixture
def clients(request, open_period) -> dict[str, Client]:
    return {
        "anonymous": Client(),
        "member": request.getfixturevalue("member_client"),
        "officer": request.getfixturevalue("officer_client"),
        "other_officer": request.getfixturevalue("other_officer_client"),
        "lead": request.getfixturevalue("lead_client"),
    }


def test_every_download_for_every_persona(clients):
    for url, statuses in MATRIX.items():
        expected = dict(zip(PERSONAS, statuses, strict=True))
        got = {persona: client.get(url).status_code for persona, client in clients.items()}
        assert got == expected, url


def test_downloads_are_read_only(lead_client):
    assert lead_client.post(f"{P10}/tables/summary.xlsx").status_code == 405
    assert lead_client.post(f"{P10}/pack.pdf").status_code == 405


def _sheet(content: bytes):
    return openpyxl.load_workbook(io.BytesIO(content)).active


def _row(sheet, label: str) -> list:
    for row in sheet.iter_rows():
        if any(cell.value == label for cell in row):
            return list(row)
    raise AssertionError(f"no row {label!r}")


def test_appendix_a_in_excel_keeps_numbers_as_numbers_in_millions(member_client):
    response = member_client.get(f"{P10}/tables/appendix-a.xlsx")
    assert response["Content-Disposition"] == 'attachment; filename="appendix-a-2017-18-P10.xlsx"'
    sheet = _sheet(response.content)
    assert sheet["A1"].value == "Appendix A: budget monitoring"
    assert sheet["A2"].value == "Period 10 (January) 2017-18, published 5 March 2018"
    headers = [cell.value for cell in _row(sheet, "Summary")]
    assert headers == [
        "Summary",
        "Budget £m",
        "Forecast Outturn £m",
        "Variance to Budget £m",
        "Variance to Budget %",
        "Variance @ Pd 7 £m",  # as the paper prints it (Period 7, known from the Period 10 paper)
    ]
    label, budget, forecast, variance, pct, _previous = _row(sheet, "Total Net Expenditure")
    assert label.font.b
    for cell, expected in ((budget, "261.403"), (forecast, "258.901"), (variance, "-2.502")):
        assert cell.data_type == "n"
        assert Decimal(str(cell.value)) == Decimal(expected)
        assert cell.number_format == MONEY_FORMAT == "#,##0.000;(#,##0.000);0.000"
    assert pct.data_type == "n" and pct.number_format == PERCENT_FORMAT
    assert Decimal(str(pct.value)).quantize(Decimal("0.0001")) == Decimal("-0.0096")
    heading = _row(sheet, "Services to Users")
    assert [cell.value for cell in heading[1:]] == [None] * 5  # a heading row has no figures


def test_table_2_1_in_excel_has_the_pages_columns(lead_client):
    sheet = _sheet(lead_client.get(f"{P10}/tables/summary.xlsx").content)
    row = _row(sheet, "Services to Users")
    assert [Decimal(str(cell.value)) for cell in row if cell.data_type == "n"] == [
        Decimal("168.243"),
        Decimal("12.972"),
        Decimal("188.373"),
        Decimal("182.787"),
        Decimal("-5.586"),
    ]


def test_csv_is_plain(member_client):
    response = member_client.get(f"{P10}/tables/appendix-a.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8"))))
    assert rows[0] == ["line", "budget", "forecast", "variance", "variance_pct", "previous_variance"]
    # compared with Period 7 as printed: the paper prints no department total for it
    assert ["Total Net Expenditure", "261.403", "258.901", "-2.502", "-0.96", ""] in rows
    assert ["Older People", "111.098", "114.994", "3.896", "3.51", "4.164"] in rows


def test_a_drafts_downloads_are_named_as_drafts_for_finance_staff(officer_client, open_period):
    response = officer_client.get(f"{P11}/tables/summary.xlsx")
    assert response["Content-Disposition"] == 'attachment; filename="summary-2017-18-P11-DRAFT.xlsx"'
    sheet = _sheet(response.content)
    assert sheet["A2"].value == "Period 11 (February) 2017-18, DRAFT - not for publication"


def test_table_pages_link_to_their_downloads(member_client):
    page = member_client.get(f"{P10}/appendix-a/").content.decode()
    assert f'href="{P10}/tables/appendix-a.xlsx"' in page and f'href="{P10}/tables/appendix-a.csv"' in page
    page = member_client.get(f"{P10}/").content.decode()
    assert f'href="{P10}/tables/summary.xlsx"' in page and f'href="{P10}/tables/summary.csv"' in page
    assert f'href="{P10}/pack/"' in page  # "Appendix pack" in every period's navigation


def test_every_tables_workbook_has_its_header_styled_frozen_and_printed_on_every_page(member_client):
    """The header is the row that names the columns (row 5, below the title, the publication
    line, the units note and a blank row): bold, frozen beneath, repeated on printed pages."""
    for table in registry.tables():
        response = member_client.get(f"{P10}/tables/{table.name}.xlsx")
        if response.status_code == 404:  # nothing to show for this period
            continue
        sheet = _sheet(response.content)
        header = [cell for cell in sheet[5] if cell.value is not None]
        assert header, f"{table.name}: row 5 is empty"
        assert [cell.value for cell in sheet[4] if cell.value is not None] == [], table.name
        assert all(cell.font.b for cell in header), table.name
        assert sheet.freeze_panes == "A6", table.name
        assert sheet.print_title_rows == "$5:$5", table.name


def test_a_published_periods_workbook_is_the_same_file_every_time_dated_with_its_publication(member_client):
    first, second = (member_client.get(f"{P10}/tables/appendix-a.xlsx").content for _ in range(2))
    assert first == second
    properties = openpyxl.load_workbook(io.BytesIO(first)).properties
    assert properties.modified.date() == properties.created.date() == datetime.date(2018, 3, 5)
