"""Importing iBCF scheme updates from a file: the template round trip, the officers' form's
rules row by row, all or nothing, lead only, open periods only, recorded and audited."""

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
from ibcf.models import SchemeUpdate
from tests.factories.imports import import_file, imported, problems
from tests.forms import as_drawn

P10, P11 = "/periods/2017-18/10", "/periods/2017-18/11"
HEADER = "code,description,spend_to_date,forecast,activity_progress\n"


def _import(content, *, number=11, filename="ibcf.csv", username="lead"):
    return import_file("ibcf", content, year="2017-18", number=number, filename=filename, username=username)


def _state():
    return sorted(
        SchemeUpdate.objects.values_list("scheme_id", "period_id", "spend_to_date", "forecast", "activity_progress")
    ), ImportRecord.objects.count()


def _figures(number: int) -> dict:
    return {
        u.scheme.code: (u.spend_to_date, u.forecast, u.activity_progress)
        for u in SchemeUpdate.objects.filter(period__number=number).select_related("scheme")
    }


def _spend_at_p10():
    """The papers print narrative only: give two schemes figures, exact to the penny."""
    SchemeUpdate.objects.filter(period__number=10, scheme__code="iBCF2").update(
        spend_to_date=123_456_789, forecast=-500_001
    )
    SchemeUpdate.objects.filter(period__number=10, scheme__code="iBCF8").update(spend_to_date=0)


def _template(client, number: int, fmt: str = "csv") -> bytes:
    response = client.get(f"/periods/2017-18/{number}/templates/ibcf.{fmt}")
    assert response.status_code == 200
    return response.content


def test_the_template_lists_every_scheme_in_pounds(officer_client):
    _spend_at_p10()
    rows = list(csv.DictReader(io.StringIO(_template(officer_client, 10).decode())))
    assert [r["code"] for r in rows] == [f"iBCF{n}" for n in range(1, 12)]
    assert (rows[1]["spend_to_date"], rows[1]["forecast"]) == ("1234567.89", "-5000.01")
    assert (rows[7]["spend_to_date"], rows[7]["forecast"]) == ("0", "")
    assert rows[0]["activity_progress"].startswith("Funding is part of budget planning")


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_round_trip_export_p10_and_import_it_into_p11(open_period, lead_client, fmt):
    _spend_at_p10()
    template = _template(lead_client, 10, fmt)
    if fmt == "xlsx":
        sheet = load_workbook(io.BytesIO(template)).active
        assert not isinstance(sheet["C3"].value, str)  # a number, not text
        assert sheet["C3"].number_format == "#,##0.00;-#,##0.00"
    report = _import(template, filename=f"p10.{fmt}")
    assert (report.created, report.changed, report.unchanged) == (0, 11, 0)  # carried rows confirmed
    assert _figures(11) == _figures(10)  # every figure and every word
    assert _template(lead_client, 11) == _template(lead_client, 10)
    assert imported().get().filename == f"p10.{fmt}"


def test_every_bad_row_is_named_by_row_and_column_and_nothing_is_saved(open_period):
    before = _state()
    text = (
        HEADER
        + "iBCF1,,100,200,Good\n"  # row 2: good, but not saved because of the rest
        + "iBCF99,,1,1,\n"  # row 3: unknown code
        + "ibcf1,,1,1,\n"  # row 4: the same scheme twice
        + "iBCF2,,lots,1.001,\n"  # row 5: bad amounts
        + "iBCF3,,1e3,,\n"  # row 6: bad amount
        + f"iBCF4,,,,{'x' * 4001}\n"  # row 7: too long
        + ",,1,1,\n"  # row 8: no code
    )
    assert problems(_import(text)) == [
        "Row 3, code: Unknown scheme 'iBCF99'",
        "Row 4, code: ibcf1 appears twice (first at row 2)",
        "Row 5, spend_to_date: iBCF2: Enter an amount in pounds, like 1,234,567, -1234567.89 or (1,234,567)",
        "Row 5, forecast: iBCF2: Enter an amount in pounds, like 1,234,567, -1234567.89 or (1,234,567)",
        "Row 6, spend_to_date: iBCF3: Enter an amount in pounds, like 1,234,567, -1234567.89 or (1,234,567)",
        "Row 7, activity_progress: iBCF4: keep it under 4,000 characters",
        "Row 8, code: Give the scheme's code",
    ]
    assert _state() == before


def test_blank_rows_record_nothing_new_but_clear_what_is_held(open_period):
    report = _import(HEADER + "iBCF1,,,,\niBCF2,,(5000),,Started\n")
    assert (report.created, report.changed, report.unchanged) == (0, 2, 0)  # both carried forward: set
    figures = _figures(11)
    assert (figures["iBCF1"], figures["iBCF2"]) == ((None, None, ""), (-500_000, None, "Started"))
    report = _import(HEADER + "iBCF2,,,,\n")
    assert report.changed == 1
    assert _figures(11)["iBCF2"] == (None, None, "")


def test_the_import_is_recorded_audited_and_refuses_a_form_opened_before_it(open_period, officer_client):
    url = f"{P11}/ibcf/edit/"
    drawn = as_drawn(officer_client.get(url))
    _import(HEADER + "iBCF8,,1000,2000,First\n")
    report = _import(HEADER + "iBCF8,,1500,2000,Second\n", filename="second.csv")
    assert (report.created, report.changed) == (0, 1)
    update = SchemeUpdate.objects.get(period=open_period, scheme__code="iBCF8")
    assert (update.spend_to_date, update.activity_progress, update.updated_by.username) == (150_000, "Second", "lead")
    history = update.history.order_by("-history_date")
    assert [h.history_change_reason for h in history] == [
        "Imported from second.csv",
        "Imported from ibcf.csv",
        "Carried forward from Period 10",
    ]
    assert history[0].history_user.username == "lead"
    records = imported().order_by("id")
    assert [(r.kind, r.filename, r.created, r.changed) for r in records] == [
        ("iBCF scheme updates", "ibcf.csv", 0, 1),
        ("iBCF scheme updates", "second.csv", 0, 1),
    ]
    # the officer's form, opened before the imports, would overwrite them unseen: refused
    data = dict(drawn)
    for scheme_id in SchemeUpdate.objects.values_list("scheme_id", flat=True).distinct():
        data |= {f"spend_{scheme_id}": "", f"forecast_{scheme_id}": "", f"progress_{scheme_id}": "Mine"}
    assert officer_client.post(url, data).status_code == 409
    assert SchemeUpdate.objects.get(period=open_period, scheme__code="iBCF8").activity_progress == "Second"


def test_the_commands_export_and_import(open_period, tmp_path):
    _spend_at_p10()
    path = tmp_path / "p10.csv"
    call_command("export_template", kind="ibcf", year="2017-18", period=10, output=str(path), stdout=io.StringIO())
    out = io.StringIO()
    call_command("import_period", str(path), kind="ibcf", year="2017-18", period=11, stdout=out)
    assert "Imported iBCF scheme updates from p10.csv: 11 changed, 0 added, 0 unchanged." in out.getvalue()
    assert _figures(11) == _figures(10)
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "iBCF1,,x,,\n", encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 problem"):
        call_command("import_period", str(bad), kind="ibcf", year="2017-18", period=11, stderr=err)
    assert "Row 2, spend_to_date: iBCF1: Enter an amount" in err.getvalue()


def test_the_lead_uploads_a_file_and_sees_the_ibcf_page(open_period, lead_client):
    assert '<a class="govuk-link govuk-!-font-weight-bold" href="/imports/ibcf/">Import iBCF scheme updates</a>' in (
        lead_client.get("/imports/").content.decode()
    )
    page = lead_client.get("/imports/ibcf/")
    assert page.status_code == 200
    assert "<code>activity_progress</code>" in page.content.decode()
    bad = SimpleUploadedFile("i.csv", (HEADER + "iBCF0,,1,,\n").encode(), content_type="text/csv")
    response = lead_client.post("/imports/ibcf/", {"year": "2017-18", "number": "11", "file": bad})
    assert response.status_code == 400
    assert "Unknown scheme &#x27;iBCF0&#x27;" in response.content.decode()
    assert not SchemeUpdate.objects.filter(
        period=open_period, carried_from=None
    ).exists()  # all still as carried forward
    good = SimpleUploadedFile("i.csv", (HEADER + 'iBCF1,,"1,000",,On track\n').encode(), content_type="text/csv")
    response = lead_client.post("/imports/ibcf/", {"year": "2017-18", "number": "11", "file": good}, follow=True)
    assert response.redirect_chain[-1][0] == f"{P11}/ibcf/"
    assert "Imported i.csv: 1 changed, 0 added, 0 unchanged." in response.content.decode()
    assert imported().get().user == User.objects.get(username="lead")


def _csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def test_an_import_takes_the_same_queries_however_many_rows(open_period, lead_client):
    header, *rows = csv.reader(io.StringIO(_template(lead_client, 10).decode()))
    with CaptureQueriesContext(connection) as one:
        assert _import(_csv([header, rows[0]])).changed == 1  # carried forward: confirmed
    with CaptureQueriesContext(connection) as rest:
        assert _import(_csv([header, *rows[1:]])).changed == 10
    assert len(rest) == len(one)
