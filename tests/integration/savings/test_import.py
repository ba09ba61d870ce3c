"""Importing savings forecasts from a file: the template round trip, the officers' form's rules
applied row by row, all or nothing, lead only, open periods only, recorded and audited."""

import csv
import io

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from ascweb.models import ImportRecord
from ascweb.money import format_pounds
from savings import selectors
from savings.forms import WorkstreamSavingsForm
from savings.models import Saving, SavingForecast, Workstream
from tests.factories.imports import import_file, imported, problems

P10, P11 = "/periods/2017-18/10", "/periods/2017-18/11"
HEADER = "code,description,target,forecast,status,rag,explanation,recovery_action\n"
# the P10 paper leaves these off-target savings' explanation or recovery action out
UNEXPLAINED = {"COM033", "ASC024", "ASC023"}


def _import(content, *, number=11, filename="savings.csv", username="lead"):
    return import_file("savings", content, year="2017-18", number=number, filename=filename, username=username)


def _state():
    return sorted(
        SavingForecast.objects.values_list(
            "saving_id", "period_id", "forecast", "status", "rag", "explanation", "recovery_action", "version"
        )
    ), ImportRecord.objects.count()


def _filled(row: dict) -> dict:
    """An off-target row as an officer completes it where the paper left text out."""
    if row["status"] == "Off target":
        row["explanation"] = row["explanation"] or f"Why {row['code']} is short."
        row["recovery_action"] = row["recovery_action"] or f"How {row['code']} recovers."
    return row


def _template_csv(client, number=10) -> list[dict]:
    response = client.get(f"/periods/2017-18/{number}/templates/savings.csv")
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def _csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=HEADER.strip().split(","), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _figures(number: int) -> dict:
    return {
        f.saving.code: (f.forecast, f.status, f.rag, f.explanation, f.recovery_action)
        for f in SavingForecast.objects.filter(period__number=number).select_related("saving")
    }


def test_the_template_lists_the_periods_savings_in_pounds(officer_client):
    rows = _template_csv(officer_client)
    assert len(rows) == 18
    asc013 = next(r for r in rows if r["code"] == "ASC013")
    assert (asc013["target"], asc013["forecast"], asc013["status"]) == ("-1000000", "-266000", "Off target")
    assert asc013["recovery_action"].startswith("The service is working closely with Independence Matters")


def test_the_p10_template_as_published_is_accepted_noting_the_text_the_paper_left_out(open_period, lead_client):
    """Behaviour changed (issue 15): the text a paper left out is accepted and noted, then
    shown as missing (the workspace, the checks), no longer refused."""
    report = _import(_csv(_template_csv(lead_client)))
    rows = {r["code"]: n for n, r in enumerate(_template_csv(lead_client), start=2)}
    assert report.notes == [
        f"Row {rows['COM033']}: COM033: it is off target, so give the recovery action (not given: shown as missing)",
        f"Row {rows['ASC024']}: ASC024: it is off target, so give the recovery action (not given: shown as missing)",
        f"Row {rows['ASC023']}: ASC023: it is off target, so give why it is off target (not given: shown as missing)",
        f"Row {rows['ASC023']}: ASC023: it is off target, so give the recovery action (not given: shown as missing)",
    ]
    asc023 = SavingForecast.objects.get(period=open_period, saving__code="ASC023")
    assert (asc023.status, asc023.explanation, asc023.recovery_action) == ("off", "", "")


def test_round_trip_csv_export_p10_and_import_it_into_p11(open_period, lead_client):
    filled = [_filled(row) for row in _template_csv(lead_client)]
    report = _import(_csv(filled))
    assert (report.created, report.changed, report.unchanged) == (0, 18, 0)  # carried rows confirmed
    p10, p11 = _figures(10), _figures(11)
    assert {code: v[:3] for code, v in p11.items()} == {code: v[:3] for code, v in p10.items()}  # figure, status, RAG
    for code in UNEXPLAINED:
        assert p11[code][3:] != p10[code][3:]  # the text the officer added
    assert {code: p11[code][3:] for code in p10 if code not in UNEXPLAINED} == {
        code: p10[code][3:] for code in p10 if code not in UNEXPLAINED
    }
    assert _template_csv(lead_client, 11) == filled  # and it comes out as it went in


def test_round_trip_xlsx_export_p10_and_import_it_into_p11(open_period, lead_client):
    response = lead_client.get(f"{P10}/templates/savings.xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook.active
    header = [cell.value for cell in sheet[1]]
    assert header == HEADER.strip().split(",")
    assert sheet.cell(row=2, column=4).number_format == "#,##0.00;-#,##0.00"  # money as numbers
    for cells in sheet.iter_rows(min_row=2):
        row = _filled(
            {name: ("" if cell.value is None else cell.value) for name, cell in zip(header, cells, strict=True)}
        )
        cells[6].value, cells[7].value = row["explanation"] or None, row["recovery_action"] or None
    out = io.BytesIO()
    workbook.save(out)
    report = _import(out.getvalue(), filename="savings.xlsx")
    assert report.ok and report.changed == 18
    p10, p11 = _figures(10), _figures(11)
    assert {code: v[:3] for code, v in p11.items()} == {code: v[:3] for code, v in p10.items()}
    assert p11["ASC013"] == p10["ASC013"]
    assert _template_csv(lead_client, 11) == [_filled(row) for row in _template_csv(lead_client, 10)]


def test_every_bad_row_is_named_by_row_and_column_and_nothing_is_saved(open_period):
    before = _state()
    text = (
        HEADER
        + "ASC020,,,-125000,On target,,,\n"  # row 2: good, but not saved because of the rest
        + "NOPE,,,-1,On target,,,\n"  # row 3: unknown code
        + "asc020,,,-1,On target,,,\n"  # row 4: the same saving twice
        + "ASC009,,,12O,On target,,,\n"  # row 5: bad amount
        + "ASC010,,,-200000,Maybe,Purple,,\n"  # row 6: bad choices
        + "ASC022,,,-100000,Off target,Red,,\n"  # row 7: off target without text: accepted, shown as missing
        + "ASC027,,,-100000,On target,,,\n"  # row 8: short of its target, yet on target
        + "ASC028,,,20000,On target,,,\n"  # row 9: a saving is negative
        + "ASC030,,,,on,,,\n"  # row 10: no forecast
        + ",,,-1,on,,,\n"  # row 11: no code
        + "ASC008,,,-1,on,,,\n"  # row 12: no target this year
    )
    assert problems(_import(text)) == [
        "Row 3, code: Unknown saving 'NOPE'",
        "Row 4, code: asc020 appears twice (first at row 2)",
        "Row 5, forecast: ASC009: Enter an amount in pounds, like 1,234,567, -1234567.89 or (1,234,567)",
        "Row 6, status: ASC010: 'Maybe' is not one of: On target, Off target",
        "Row 6, rag: ASC010: 'Purple' is not one of: Not graded, Green, Amber, Red",
        "Row 8, status: ASC027: the forecast is £90,000 short of the target of -£190,000, so mark it off target",
        "Row 9, forecast: ASC028: enter the saving as a negative amount (a reduction in spend), like -250,000",
        "Row 10, forecast: ASC030: give a forecast",
        "Row 11, code: Give the saving's code",
        "Row 12, code: ASC008 has no target in 2017-18: it is not reported",
    ]
    assert _state() == before


def test_the_import_is_recorded_audited_and_refuses_a_form_opened_before_it(open_period, officer_client):
    url = f"{P11}/savings/workstreams/COM/edit/"
    form = officer_client.get(url).context["form"]
    seen = {name: str(form[name].initial) for name in form.fields}
    report = _import(HEADER + "ASC020,x,y,-100000,Off target,Amber,Contract delayed.,Retender in May.\n")
    assert (report.created, report.changed) == (0, 1)
    saved = SavingForecast.objects.get(saving__code="ASC020", period=open_period)
    assert (saved.forecast, saved.status, saved.rag, saved.version) == (-10_000_000, "off", "amber", 2)
    history = saved.history.latest("history_date")
    assert (history.history_change_reason, history.history_user.username) == ("Imported from savings.csv", "lead")
    record = imported().get()
    assert (record.kind, record.period, record.rows, record.created, record.via) == (
        "savings forecasts",
        open_period,
        1,
        0,  # carried forward: the import changed it
        "test",
    )
    # the officer's form, opened before the import, would overwrite it unseen: refused
    asc020 = Saving.objects.get(code="ASC020").id
    seen |= {f"explanation_{asc020}": "x", f"recovery_{asc020}": "x", f"status_{asc020}": "on"}
    for name, value in seen.items():
        if name.startswith(("explanation_", "recovery_")) and not value:
            seen[name] = "carried forward"
    assert officer_client.post(url, seen).status_code == 409
    assert SavingForecast.objects.get(saving__code="ASC020", period=open_period).forecast == -10_000_000
    # importing it again changes nothing and raises no version
    again = _import(HEADER + "ASC020,,,-100000,off,amber,Contract delayed.,Retender in May.\n")
    assert (again.created, again.changed, again.unchanged) == (0, 0, 1)
    assert SavingForecast.objects.get(saving__code="ASC020", period=open_period).version == 2  # 1: carried


def test_a_changed_row_raises_its_version(open_period):
    _import(HEADER + "ASC020,,,-125000,On target,,,\n")
    report = _import(HEADER + "ASC020,,,-130000,On target,Green,,\n", filename="second.csv")
    assert (report.created, report.changed) == (0, 1)
    saved = SavingForecast.objects.get(saving__code="ASC020", period=open_period)
    assert (saved.forecast, saved.rag, saved.version) == (-13_000_000, "green", 3)  # carried 1, imported 2
    assert saved.history.latest("history_date").history_change_reason == "Imported from second.csv"


def test_the_commands_export_and_import(open_period, tmp_path):
    path = tmp_path / "p10.csv"
    call_command("export_template", kind="savings", year="2017-18", period=10, output=str(path), stdout=io.StringIO())
    rows = [_filled(row) for row in csv.DictReader(io.StringIO(path.read_text()))]
    path.write_text(_csv(rows), encoding="utf-8")
    out = io.StringIO()
    call_command("import_period", str(path), kind="savings", year="2017-18", period=11, stdout=out)
    assert "Imported savings forecasts from p10.csv: 18 changed, 0 added, 0 unchanged." in out.getvalue()
    assert imported().get().via == "command"
    assert SavingForecast.objects.get(saving__code="ASC020", period=open_period).history.first().history_user is None
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "NOPE,,,-1,on,,,\n", encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 problem"):
        call_command("import_period", str(bad), kind="savings", year="2017-18", period=11, stderr=err)
    assert "Row 2, code: Unknown saving 'NOPE'" in err.getvalue()


def test_the_lead_uploads_a_file_and_sees_the_savings(open_period, lead_client):
    assert '<a class="govuk-link govuk-!-font-weight-bold" href="/imports/savings/">Import savings forecasts</a>' in (
        lead_client.get("/imports/").content.decode()
    )
    page = lead_client.get("/imports/savings/")
    assert page.status_code == 200
    assert "<code>recovery_action</code>" in page.content.decode()
    assert f'href="{P10}/templates/savings.xlsx"' in page.content.decode()
    bad = SimpleUploadedFile("s.csv", (HEADER + "ASC020,,,12O,Maybe,,,\n").encode(), content_type="text/csv")
    response = lead_client.post("/imports/savings/", {"year": "2017-18", "number": "11", "file": bad})
    assert response.status_code == 400
    body = response.content.decode()
    assert "2 problems in the file: nothing has been saved" in body
    assert "ASC020: &#x27;Maybe&#x27; is not one of: On target, Off target" in body
    assert not SavingForecast.objects.filter(period=open_period, carried_from=None).exists()  # all as carried
    good = SimpleUploadedFile("s.csv", (HEADER + "ASC020,,,-125000,On target,,,\n").encode(), content_type="text/csv")
    response = lead_client.post("/imports/savings/", {"year": "2017-18", "number": "11", "file": good}, follow=True)
    assert response.redirect_chain[-1][0] == f"{P11}/savings/"
    assert "Imported s.csv: 1 changed, 0 added, 0 unchanged." in response.content.decode()
    assert imported().get().user == User.objects.get(username="lead")


def test_the_form_and_the_import_share_the_rules(open_period):
    rows = selectors.entry_rows(open_period, Workstream.objects.get(code="COM"))
    row = next(r for r in rows if r.code == "ASC020")
    data = {f"{key}_{r.id}": "" for r in rows for key in ("forecast", "status", "rag", "explanation", "recovery")}
    for r in rows:
        data |= {f"forecast_{r.id}": format_pounds(r.target), f"status_{r.id}": "on", f"version_{r.id}": "0"}
    data |= {f"forecast_{row.id}": "20,000", f"status_{row.id}": "on"}
    form = WorkstreamSavingsForm(data, rows=rows)
    assert not form.is_valid()
    message = "ASC020 Remodel contracts for support to mental health recovery: enter the saving as a negative amount"
    assert form.errors[f"forecast_{row.id}"][0].startswith(message)
    assert problems(_import(HEADER + "ASC020,,,20000,on,,,\n")) == [
        "Row 2, forecast: ASC020: enter the saving as a negative amount (a reduction in spend), like -250,000"
    ]


def test_an_import_takes_the_same_queries_however_many_rows(open_period, lead_client):
    rows = [_filled(row) for row in _template_csv(lead_client)]
    with CaptureQueriesContext(connection) as one:
        assert _import(_csv(rows[:1])).changed == 1  # carried forward: confirmed
    with CaptureQueriesContext(connection) as rest:
        assert _import(_csv(rows[1:])).changed == 17
    assert len(rest) == len(one)
