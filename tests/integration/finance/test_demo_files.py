"""The Norfolk demo data set is import files (data/norfolk/), loaded by `load_demo` through the
import kinds a lead uses: each reference file is its kind's template, loading twice changes
nothing, and a bad file stops the load naming its row and column."""

import io
import shutil

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from ascweb.demo import data_dir, demo_credentials, load_demo, manifest
from ascweb.importing import template_csv
from ascweb.models import FidelityNote, ImportRecord, Period
from ascweb.registry import registry
from finance.models import ReportingLine
from tests.factories.imports import import_file

# a file of the manifest -> the period whose template it is (None: a reference file)
TEMPLATES = {
    "finance/reporting-lines.csv": None,
    "finance/outturn.csv": None,
    "finance/budget-profiles.csv": None,
    "finance/area-assignments.csv": None,
    "2017-18/p02-revenue.csv": 2,
    "2017-18/p10-revenue.csv": 10,
}


def _template(kind_name: str, period: Period) -> str:
    kind = registry.import_kinds[kind_name]
    return template_csv(kind.columns, kind.template_rows(period))


@pytest.mark.parametrize("path", TEMPLATES)
def test_each_file_is_its_kinds_template_of_what_it_loaded(demo, path):
    kind = next(entry.kind for entry in manifest("finance.toml") if entry.path == path)
    period = Period.objects.get(year=demo, number=TEMPLATES[path] or 10)
    assert _template(kind, period) == (data_dir() / path).read_text(encoding="utf-8")


def test_the_demo_users_and_their_passwords_come_from_users_toml(demo):
    assert demo_credentials() == [
        ("lead", "Finance lead", "lead-demo-2017"),
        ("officer", "Finance officer", "officer-demo-2017"),
        ("officer2", "Finance officer", "officer2-demo-2017"),
        ("member", "Committee member", "member-demo-2017"),
    ]
    for name, role, password in demo_credentials():
        user = User.objects.get(username=name)
        assert user.check_password(password) and list(user.groups.values_list("name", flat=True)) == [role]
    areas = lambda name: set(User.objects.get(username=name).areas.values_list("area__code", flat=True))  # noqa: E731
    assert (areas("officer"), areas("officer2")) == ({"STU", "EHP"}, {"CS", "BD", "MFHR"})


def test_every_file_is_imported_once_by_the_lead_and_the_periods_published_last(demo):
    records = ImportRecord.objects.filter(via="demo")
    every_file = [entry.path for data in registry.demo_data for entry in manifest(data.manifest)]
    assert sorted(records.values_list("filename", flat=True)) == sorted(every_file)
    assert set(records.values_list("user__username", flat=True)) == {"lead"}
    for period in Period.objects.filter(year=demo).exclude(status=Period.Status.PRINTED):
        actions = list(period.events.order_by("at", "id").values_list("action", flat=True))
        assert actions == ["create", "submit", "publish"], period
        assert period.structure_snapshot  # published through the lifecycle service
    # Period 7, known only from the Period 10 paper, is recorded as printed, never published
    p7 = Period.objects.get(year=demo, number=7)
    assert list(p7.events.values_list("action", flat=True)) == ["printed"]
    p10 = Period.objects.get(year=demo, number=10)
    assert (str(p10.committee_meeting), f"{p10.published_at:%Y-%m-%d %H:%M}") == ("2018-03-05", "2018-03-05 09:00")


def _history_counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.model_name.startswith("historical")
    }


def test_load_demo_run_twice_changes_nothing(demo):
    """No history row of any table, no import, no note; the passwords' hashes untouched."""
    passwords = dict(User.objects.values_list("username", "password"))
    before = (_history_counts(), ImportRecord.objects.count(), list(FidelityNote.objects.values_list("id", flat=True)))
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    after = (_history_counts(), ImportRecord.objects.count(), list(FidelityNote.objects.values_list("id", flat=True)))
    assert after == before
    assert dict(User.objects.values_list("username", "password")) == passwords
    assert "Imported" not in out.getvalue() and "lead-demo-2017" in out.getvalue()


def test_a_changed_demo_password_is_given_back(demo):
    officer = User.objects.get(username="officer")
    officer.set_password("changed")
    officer.save()
    load_demo()
    officer.refresh_from_db()
    assert officer.check_password("officer-demo-2017")


@pytest.fixture
def broken_data(settings, tmp_path):
    """A copy of data/norfolk/ to spoil, used instead of the real one."""
    shutil.copytree(data_dir(), tmp_path / "data" / "norfolk")
    settings.BASE_DIR = tmp_path
    return tmp_path / "data" / "norfolk"


def test_a_bad_demo_file_stops_the_load_naming_its_rows_and_nothing_is_kept(db, broken_data):
    path = broken_data / "2017-18" / "p10-printed-figures.csv"
    path.write_text(path.read_text().replace(",STU-OP,", ",STU-NOPE,", 1).replace("188372000", "lots", 1))
    with pytest.raises(CommandError) as error:
        call_command("load_demo", stdout=io.StringIO())
    message = str(error.value)
    assert message.startswith("2017-18/p10-printed-figures.csv: ")
    assert "Row 5, budget: STU: Enter an amount" in message
    assert "Row 8, line_code: Unknown line code 'STU-NOPE'" in message
    assert not Period.objects.exists() and not ImportRecord.objects.exists() and not User.objects.exists()


# --- The new kinds: every problem by row and column, nothing saved -------------------------------


def _problems(kind: str, text: str, **period) -> list[str]:
    report = import_file(kind, text, **period)
    return [str(problem) for problem in report.problems]


def test_reporting_lines_report_each_bad_row(demo):
    header = "code,name,kind,parent,order,total_label,print_heading,income,aliases\n"
    rows = (
        "STU-X,X,Line,NOPE,1,,yes,no,\n"  # row 2
        "STU-Y,Y,Line,STU-OP,1,,yes,no,\n"  # row 3: under a line
        "ASS2,Second,Department,ASS,1,,yes,no,\n"  # row 4: a department under something
        "G1,G1,Group,G2,1,,yes,no,\n"  # row 5 and 6: a circle
        "G2,G2,Group,G1,1,,yes,no,\n"
        "STU-OP,Older People,Group,STU-POC,1,,maybe,no,\n"  # row 7: not yes/no
        "STU-PD,Physical,Group,STU-POC,1,,yes,no,\n"  # row 8: a line with figures
        "STU-X,Again,Line,STU,1,,yes,no,\n"  # row 9: twice
        ",No code,Line,STU,x,,yes,no,\n"  # row 10
    )
    assert _problems("reporting-lines", header + rows) == [
        "Row 2, parent: STU-X: unknown parent 'NOPE'",
        "Row 3, parent: STU-Y: a line cannot sit under a line (STU-OP)",
        "Row 4, parent: ASS2: a department sits under nothing",
        "Row 4, kind: ASS2: the tree has one department (ASS, ASS2)",
        "Row 5, parent: G1: its parents go round in a circle",
        "Row 6, parent: G2: its parents go round in a circle",
        "Row 7, print_heading: STU-OP: 'maybe' is not one of: yes, no",
        "Row 8, kind: STU-PD: it has figures, so it must stay a line",
        "Row 9, code: STU-X appears twice (first at row 2)",
        "Row 10, code: give a code",
        "Row 10, order: 'x' is not a whole number",
    ]


def test_reporting_lines_bring_held_lines_up_to_the_file_with_their_aliases(demo):
    p10 = Period.objects.get(year=demo, number=10)
    text = _template("reporting-lines", p10).replace("ICES; Integrated Community Equipment Store", "Equipment")
    text = text.replace("Hired Transport", "Transport (hired)")
    report = import_file("reporting-lines", text)
    assert (report.created, report.changed, report.unchanged) == (0, 2, 25)
    assert list(ReportingLine.objects.get(code="CS-ICES").aliases.values_list("name", flat=True)) == ["Equipment"]
    renamed = ReportingLine.history.filter(code="STU-TRANS").latest("history_date")
    assert (renamed.name, renamed.history_change_reason) == ("Transport (hired)", "Imported from figures.csv")
    assert _template("reporting-lines", p10) == text
    assert import_file("reporting-lines", text).changed == 0  # nothing to do again


def test_outturn_reports_each_bad_row(demo):
    text = (
        "year,line_code,line_name,actual,variance\n"
        "2016/17,BD-BD,,1,1\n"  # row 2
        "2016-17,NOPE,,1,1\n"  # row 3
        "2016-17,BD-BD,Commissioning Team,1,1\n"  # row 4
        "2016-17,CS-COM,Commissioning,abc,\n"  # row 5: an alias is fine; bad amount, no variance
        "2016-17,EHP,,1,1\n"
        "2016-17,ehp,,1,1\n"  # row 7: twice
    )
    assert _problems("outturn", text) == [
        "Row 2, year: '2016/17' is not a financial year like 2017-18",
        "Row 3, line_code: Unknown line code 'NOPE'",
        "Row 4, line_name: BD-BD is Business Development, not 'Commissioning Team'",
        "Row 5, actual: CS-COM: Enter an amount in pounds, like 1,234,567, -1234567.89 or (1,234,567)",
        "Row 5, variance: CS-COM: give a variance",
        "Row 7, line_code: EHP 2016-17 appears twice (first at row 6)",
    ]


def test_budget_profiles_report_each_bad_row(demo):
    text = (
        "year,method,budget,budget_source,weights,note\n"
        "2018-19,Explicit profile,,,1 2 3,\n"  # row 2
        "2019-20,Straight twelfths,,,100,\n"  # row 3
        "2020-21,Guesswork,,,,\n"  # row 4
        "2021-22,Explicit profile,,,800 800 800 800 800 800 800 800 800 800 800 800 400,\n"
        "2021-22,Straight twelfths,,,,\n"  # row 6: twice
    )
    assert _problems("budget-profile", text) == [
        "Row 2, weights: Give a whole number of basis points for each of the 13 periods",
        "Row 3, weights: weights are only for an explicit profile",
        "Row 4, method: 2020-21: 'Guesswork' is not one of: Straight twelfths, Last year's actual pattern, "
        "Explicit profile",
        "Row 6, year: 2021-22 appears twice (first at row 5)",
    ]


def test_an_explicit_profile_round_trips(demo):
    weights = "800 800 800 800 800 800 800 800 800 800 800 800 400"
    text = f"year,method,budget,budget_source,weights,note\n2021-22,Explicit profile,,,{weights},\n"
    assert import_file("budget-profile", text).created == 1
    assert f"2021-22,Explicit profile,,,{weights},\n" in _template("budget-profile", Period.objects.first())


def test_area_assignments_report_each_bad_row_and_replace_an_officers_areas(demo):
    text = "username,area\nnobody,STU\nmember,STU\nofficer,Nowhere\nofficer2,CS\nofficer2,commissioned services\n"
    assert _problems("area-assignments", text) == [
        "Row 2, username: No user 'nobody'",
        "Row 3, username: member is not finance staff",
        "Row 4, area: 'Nowhere' is not an expenditure area",
        "Row 6, area: repeats row 5 (same officer and area)",
    ]
    report = import_file("area-assignments", "username,area\nofficer2,Commissioned Services\n")
    assert (report.created, report.changed, report.unchanged) == (0, 2, 1)
    assert list(User.objects.get(username="officer2").areas.values_list("area__code", flat=True)) == ["CS"]


# --- Printed figures and gaps: into an open period ------------------------------------------------


def test_the_printed_figures_template_imports_back_exactly_and_records_no_note(open_period):
    template = _template("printed-figures", open_period)
    report = import_file("printed-figures", template, year="2017-18", number=11)
    assert template.splitlines()[1].startswith(",ASS,Adult Social Services,")  # the department first
    assert report.ok and report.created == 0 and report.unchanged > 100
    assert not FidelityNote.objects.filter(period=open_period).exists()
    assert _template("printed-figures", open_period) == template


def test_printed_figures_are_checked_by_the_one_check_and_replace_their_sources_notes(open_period):
    header = "source,line_code,line_name,prior_actual,prior_variance,budget,forecast_outturn,variance\n"
    text = header + '"P11 paper, table 2.1",ASS,Adult Social Services,,,261401000,,\n'
    report = import_file("printed-figures", text, year="2017-18", number=11)
    note = FidelityNote.objects.get(period=open_period)
    assert (note.source, note.subject, note.column, note.kind) == (
        "P11 paper, table 2.1",
        "Adult Social Services",
        "budget",
        "rounding",
    )
    assert report.notes == [
        "Row 2: Adult Social Services budget: file says 261.401, lines sum to 261.403 (within rounding)"
    ]
    import_file("printed-figures", text.replace("261401000", "261403000"), year="2017-18", number=11)
    assert not FidelityNote.objects.filter(period=open_period).exists()


def test_printed_figures_report_each_bad_row(open_period):
    text = (
        "source,line_code,line_name,prior_actual,prior_variance,budget,forecast_outturn,variance\n"
        "T,NOPE,,,,1,,\n"  # row 2
        "T,STU,Services to Users (net),,,1,,\n"  # row 3: an alias is fine
        "T,STU,,,,2,,\n"  # row 4: twice in one source
        "T,BD,Commissioning,,,,,\n"  # row 5: wrong name
        "T,CS,,,,,,\n"  # row 6: nothing printed
        "T,EHP,,x,,,,\n"  # row 7
    )
    assert _problems("printed-figures", text, year="2017-18", number=11) == [
        "Row 2, line_code: Unknown line code 'NOPE'",
        "Row 4, line_code: STU appears twice in T (first at row 3)",
        "Row 5, line_name: BD is Business Development, not 'Commissioning'",
        "Row 6, line_code: CS: give at least one printed figure",
        "Row 7, prior_actual: EHP: Enter an amount in pounds, like 1,234,567, -1234567.89 or (1,234,567)",
    ]


def test_the_gaps_file_round_trips_and_reports_each_bad_row(open_period):
    text = (data_dir() / "2017-18" / "p10-source-gaps.csv").read_text(encoding="utf-8")
    assert import_file("source-gaps", text, year="2017-18", number=11).created == 1
    assert _template("source-gaps", open_period) == text
    assert import_file("source-gaps", text, year="2017-18", number=11).unchanged == 1
    bad = "source,subject,column,printed,computed,comment\nP,S,,,,\nP,S,C,x,,\nP,S,D,,,\nP,S,D,,,again\n"
    assert _problems("source-gaps", bad, year="2017-18", number=11) == [
        "Row 2, column: S: give a column",
        "Row 3, printed: S: Enter an amount in pounds, like 1,234,567, -1234567.89 or (1,234,567)",
        "Row 5, column: repeats row 4 (same source, subject and column)",
    ]


@pytest.mark.parametrize("path", [path for path, period in TEMPLATES.items() if period is None])
def test_the_lead_uploads_a_reference_file_on_its_page(lead_client, path):
    kind = next(entry.kind for entry in manifest("finance.toml") if entry.path == path)
    assert kind in lead_client.get("/imports/").content.decode()
    upload = SimpleUploadedFile("f.csv", (data_dir() / path).read_bytes(), content_type="text/csv")
    response = lead_client.post(f"/imports/{kind}/", {"file": upload}, follow=True)
    assert response.redirect_chain[-1][0] == f"/imports/{kind}/"
    assert "Imported f.csv: 0 changed, 0 added" in response.content.decode()  # the demo holds it already
