"""Importing a period from a file: round trip, every kind of bad file, printed totals, order."""

import csv
import io

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from ascweb.models import FidelityNote, FinancialYear, ImportRecord, Period, PeriodEvent
from finance.models import GroupExplanation, LineForecast
from finance.selectors.figures import period_figures
from tests.factories.imports import imported

HEADER = "line_code,line_name,area,budget,forecast_outturn,explanation\n"


def _state():
    """Everything an import could change."""
    return (
        sorted(LineForecast.objects.values_list("line_id", "period_id", "budget", "forecast", "explanation")),
        sorted(Period.objects.values_list("year__code", "number", "status")),
        FinancialYear.objects.count(),
        ImportRecord.objects.count(),
        FidelityNote.objects.count(),
        PeriodEvent.objects.count(),
    )


def _import(tmp_path, text: str | bytes, *, period=11, year="2017-18", name="p.csv", publish=False) -> str:
    path = tmp_path / name
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    out = io.StringIO()
    # publishing goes through the period's checks: --acknowledge-all acknowledges (and records) those left
    ack = {"acknowledge_all": True} if publish else {}
    call_command("import_period", str(path), year=year, period=period, publish=publish, stdout=out, stderr=out, **ack)
    return out.getvalue()


def _failing(tmp_path, text, **kwargs) -> str:
    err = io.StringIO()
    path = tmp_path / kwargs.pop("name", "p.csv")
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    with pytest.raises(CommandError) as error:
        call_command(
            "import_period", str(path), year=kwargs.get("year", "2017-18"), period=kwargs.get("period", 11), stderr=err
        )
    return err.getvalue() + str(error.value)


def _explain_staffing(tmp_path, suffix: str) -> bytes:
    """The P10 paper leaves Staffing and support costs' (1.186) unexplained: an officer adds one."""
    path = tmp_path / f"t.{suffix}"
    call_command("export_template", year="2017-18", period=10, output=str(path), stdout=io.StringIO())
    if suffix == "csv":
        text = path.read_text().replace("11589000,10403000,", "11589000,10403000,Vacancies held pending review.")
        return text.encode()
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    for row in workbook.active.iter_rows(min_row=2):
        if row[0].value == "STU-STAFF":
            row[5].value = "Vacancies held pending review."
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_the_p10_template_as_published_is_accepted_noting_its_one_unexplained_variance(demo, tmp_path):
    template = tmp_path / "t.csv"
    call_command("export_template", year="2017-18", period=10, output=str(template), stdout=io.StringIO())
    out = _import(tmp_path, template.read_bytes(), name="t.csv", period=11)
    unexplained = [line for line in out.splitlines() if "has no explanation" in line]
    # Purchase of Care's lines are covered by the group's explanation: only Staffing is noted
    assert unexplained == [
        "Row 19: Staffing and support costs: a variance of £1,186,000 has no explanation (accepted: shown as missing)"
    ]
    assert LineForecast.objects.get(period__number=11, line__code="STU-STAFF").explanation == ""
    gap = FidelityNote.objects.get(period__number=10, kind="gap", subject="Staffing and support costs")
    assert "(1.186)" in gap.comment


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_round_trip_export_the_p10_template_and_import_it_into_a_new_period(demo, tmp_path, suffix):
    out = _import(tmp_path, _explain_staffing(tmp_path, suffix), name=f"t.{suffix}", period=11)
    # the period the file creates starts as if started (Period 10 carried forward); the file confirms every line
    assert "19 changed, 0 added" in out
    assert not LineForecast.objects.filter(period__number=11, carried_from__isnull=False).exists()
    p10 = {f.line_id: (f.budget, f.forecast) for f in LineForecast.objects.filter(period__number=10)}
    p11 = {f.line_id: (f.budget, f.forecast) for f in LineForecast.objects.filter(period__number=11)}
    assert p11 == p10
    texts = lambda n: dict(LineForecast.objects.filter(period__number=n).values_list("line__code", "explanation"))  # noqa: E731
    assert texts(11) == {**texts(10), "STU-STAFF": "Vacancies held pending review."}
    assert GroupExplanation.objects.get(period__number=11, node__code="STU-POC").text.startswith("Additional funds")
    assert Period.objects.get(number=11).is_open
    record = imported().get()
    assert (record.via, record.filename, record.created, len(record.checksum)) == ("command", f"t.{suffix}", 0, 64)


def test_the_template_lists_every_line_in_report_order_in_pounds(demo, tmp_path):
    template = tmp_path / "t.csv"
    call_command("export_template", year="2017-18", period=10, output=str(template), stdout=io.StringIO())
    rows = list(csv.reader(io.StringIO(template.read_text())))
    assert rows[0] == HEADER.strip().split(",")
    assert rows[1][:5] == ["BD-BD", "Business Development", "Business Development", "4093000", "3784000"]
    assert ["STU-INC", "Service User Income", "Services to Users", "-76870000", "-86734000"] in [r[:5] for r in rows]
    assert len([r for r in rows[1:] if r[3]]) == 19  # every line, once
    assert [r[0] for r in rows[1:] if not r[3]] == ["STU-POC"]  # the group explained as a whole


def test_lines_are_matched_by_name_or_alias_within_their_area(demo, tmp_path):
    text = (
        HEADER
        + ',ICES,Commissioned Services,"2,000,000","(1,000)",Equipment written off\n'
        + ",Other,Early Help and Prevention,£5,5,\n"
    )
    _import(tmp_path, text, period=11)
    ices = LineForecast.objects.get(period__number=11, line__code="CS-ICES")
    assert (ices.budget, ices.forecast) == (200_000_000, -100_000)
    assert LineForecast.objects.get(period__number=11, line__code="EHP-OTH").budget == 500


def test_every_problem_is_reported_by_row_and_column_and_nothing_is_saved(demo, tmp_path):
    before = _state()
    text = (
        HEADER
        + "NOPE,,,1,1,\n"  # row 2: unknown code
        + "STU-OP,,,1,abc,\n"  # row 3: not a number
        + "STU-OP,,,1,1,\n"  # row 4: line twice
        + "STU-PD,,,99999999999999,1,\n"  # row 5: out of range
        + "STU-LD,,,0,500000,\n"  # row 6: material variance, no explanation: accepted, noted
        + ",Mystery line,Services to Users,1,1,\n"  # row 7: unknown name in area
        + ",Older People,Nowhere,1,1,\n"  # row 8: unknown area
        + "STU-MH,,,,1,\n"  # row 9: missing budget
    )
    out = _failing(tmp_path, text)
    for expected in [
        "Row 2, line_code: Unknown line code 'NOPE'",
        "Row 3, forecast_outturn: Older People: Enter an amount",
        "Row 4, line_code: Older People appears twice (first at row 3)",
        "Row 5, budget: People with Physical Disabilities: Enter an amount no larger than",
        "Row 7, line_name: No line called 'Mystery line' in Services to Users",
        "Row 8, area: Unknown expenditure area 'Nowhere'",
        "Row 9, budget: Mental Health, Drugs & Alcohol: Enter an amount",
        "7 problem(s) in p.csv: nothing was saved",
    ]:
        assert expected in out
    assert _state() == before  # not even Period 11 was created


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "p.csv", "The file is empty"),
        (b"%PDF-1.4\x00\x00", "p.pdf", "Upload a CSV or an Excel"),
        (b"line_code,budget,forecast_outturn\nSTU-OP,\x81\x8d,1\n", "p.csv", "encoding"),
        (b"line_code,budget\nSTU-OP,1\n", "p.csv", "missing: forecast_outturn"),
    ],
)
def test_unreadable_files_change_nothing(demo, tmp_path, data, name, message):
    before = _state()
    assert message in _failing(tmp_path, data, name=name)
    assert _state() == before


def test_a_published_period_cannot_be_imported_into(demo, tmp_path):
    before = _state()
    out = _failing(tmp_path, HEADER + "STU-OP,,,1,1,\n", period=10)
    assert "File, period: Period 10 (January) 2017-18 is published; re-open it first" in out
    assert _state() == before


def test_a_bad_year_or_period_is_refused(demo, tmp_path):
    assert "is not a financial year" in _failing(tmp_path, HEADER + "STU-OP,,,1,1,\n", year="2017-19")
    assert "numbered 1 to 13" in _failing(tmp_path, HEADER + "STU-OP,,,1,1,\n", period=14)


def test_a_wrong_printed_total_loads_and_produces_a_fidelity_note(demo, tmp_path):
    text = _explain_staffing(tmp_path, "csv").decode()
    text += 'CS,Commissioned Services total,,"71,928,000","71,990,000",\n'  # as the P10 paper prints it
    out = _import(tmp_path, text, period=11)
    assert "Commissioned Services budget: file says 71.928, lines sum to 71.929 (within rounding)" in out
    assert "Commissioned Services forecast: file says 71.990, lines sum to 71.901 (does not add up)" in out
    note = FidelityNote.objects.get(period__number=11, kind="error")
    assert (note.subject, note.column, note.printed, note.computed) == (
        "Commissioned Services",
        "forecast",
        7_199_000_000,
        7_190_100_000,
    )
    assert LineForecast.objects.filter(period__number=11).count() == 19  # the total row is not stored


def test_back_filling_an_earlier_period_leaves_a_published_report_as_published(demo, tmp_path):
    # Period 8, imported after Period 10 and published: published Period 10 still compares with
    # Period 7 as its paper printed it (it was published so); the next period compares with P10.
    # (Until issue 15, a back-filled period became P10's previous period: published reports moved.)
    text = (
        _explain_staffing(tmp_path, "csv")
        .decode()
        .replace(
            "NorseCare,Commissioned Services,32594000,33419000", "NorseCare,Commissioned Services,32594000,33457000"
        )
    )
    _import(tmp_path, text, period=8, publish=True)
    assert PeriodEvent.objects.filter(period__number=8, action="publish").exists()
    p10 = period_figures(Period.objects.get(number=10))
    assert p10.previous.number == 7
    norse = next(n for n, node in p10.nodes.items() if node.code == "CS-NORSE")
    assert p10.previous_variance(norse) == 86_300_000  # 0.863, the P10 paper's "Variance @ Pd 7"
    _import(tmp_path, text, period=11)
    assert period_figures(Period.objects.get(number=11)).previous.number == 10


def test_the_upload_page_for_the_lead(lead_client, demo):
    bad = SimpleUploadedFile("p.csv", (HEADER + "NOPE,,,1,1,\nSTU-OP,,,x,1,\n").encode(), content_type="text/csv")
    response = lead_client.post("/imports/period/", {"year": "2017-18", "number": "11", "file": bad})
    assert response.status_code == 400
    page = response.content.decode()
    assert "2 problems in the file: nothing has been saved" in page
    assert "Unknown line code &#x27;NOPE&#x27;" in page
    assert not Period.objects.filter(number=11).exists()
    good = SimpleUploadedFile("p.csv", (HEADER + 'STU-OP,,,"111,098,000","111,098,000",\n').encode())
    response = lead_client.post("/imports/period/", {"year": "2017-18", "number": "11", "file": good}, follow=True)
    assert response.redirect_chain[-1][0] == "/periods/2017-18/11/"
    assert "Imported p.csv: 1 changed, 0 added" in response.content.decode()  # the period started from Period 10
    assert imported().get().user == User.objects.get(username="lead")


def test_the_upload_form_validates_its_fields(lead_client, demo):
    response = lead_client.post("/imports/period/", {"year": "", "number": "14"})
    errors = response.context["form"].errors
    assert response.status_code == 400
    assert set(errors) == {"year", "number", "file"}


@pytest.mark.parametrize(("persona", "status"), [("officer_client", 403), ("member_client", 403)])
def test_only_a_lead_may_import(request, persona, status):
    assert request.getfixturevalue(persona).get("/imports/period/").status_code == status


def test_templates_are_for_finance_staff(officer_client, member_client):
    response = officer_client.get("/periods/2017-18/10/templates/period.xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert member_client.get("/periods/2017-18/10/templates/period.csv").status_code == 403
    assert officer_client.get("/periods/2017-18/10/template.pdf").status_code == 404


def test_the_imports_page_lists_every_kind_for_the_lead_only(lead_client, officer_client, member_client):
    from ascweb.registry import registry

    page = lead_client.get("/imports/").content.decode()
    for kind in registry.imports():
        assert f'href="/imports/{kind.name}/"' in page
    assert 'href="/imports/"' in lead_client.get("/periods/").content.decode()  # in the header
    assert officer_client.get("/imports/").status_code == 403
    assert member_client.get("/imports/").status_code == 403
    assert lead_client.get("/imports/no-such-kind/").status_code == 404


def test_a_very_long_file_name_is_kept_shortened_not_refused(demo, tmp_path):
    """Browsers send names up to 255 characters; the note's source and the record still fit."""
    from tests.factories.imports import import_file, imported

    text = _explain_staffing(tmp_path, "csv").decode() + 'CS,,,"71,928,000","71,990,000",\n'
    name = "p" * 251 + ".csv"
    report = import_file("period", text, year="2017-18", number=11, filename=name)
    assert report.ok
    note = FidelityNote.objects.get(period__number=11, kind="error")
    assert note.source == f"Import of {name}"[:200]
    assert imported().get().filename == name
