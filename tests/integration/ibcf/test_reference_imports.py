"""The iBCF's reference files (grant streams, grants by year, schemes, plan versions and
allocations, acute systems and the split): the Norfolk files are the templates filled in from
the papers (template out == file in), bad rows are named by row and column with nothing saved,
and figures as printed are checked against the rows by the one check, never stored."""

import csv
import io
import tomllib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from ascweb.caching import data_stamp
from ascweb.importing import template_csv, template_xlsx
from ascweb.models import FidelityNote, ImportRecord, Period
from ascweb.registry import registry
from ibcf.models import AcuteSystem, GrantAmount, GrantStream, PlanVersion, Scheme, SchemeAllocation, SchemeUpdate
from tests.factories.imports import import_file, problems

NORFOLK = Path(settings.BASE_DIR) / "data" / "norfolk"
MANIFEST = tomllib.loads((NORFOLK / "ibcf.toml").read_text(encoding="utf-8"))["file"]
PRINTED = ",Appendix C,Total,100000,2017-18,10"  # a printed figure's columns, after its amount


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def _without_printed(text: str) -> list[list[str]]:
    """A file's rows less its figures as printed (checked, never stored)."""
    header, *rows = _rows(text)
    where = header.index("printed_in") if "printed_in" in header else None
    return [header, *(row for row in rows if where is None or not row[where])]


def _template(kind: str, number: int = 10) -> str:
    import_kind = registry.import_kinds[kind]
    return template_csv(import_kind.columns, import_kind.template_rows(Period.objects.get(number=number)))


def _header(kind: str) -> str:
    return template_csv(registry.import_kinds[kind].columns, [])


@pytest.mark.parametrize("entry", MANIFEST, ids=[entry["path"] for entry in MANIFEST])
def test_each_norfolk_file_is_its_kinds_template_filled_in(demo, entry):
    text = (NORFOLK / entry["path"]).read_text(encoding="utf-8")
    template = _template(entry["kind"], entry.get("period", 10))
    assert _rows(template) == _without_printed(text)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("kind", [entry["kind"] for entry in MANIFEST if entry["kind"] != "ibcf"])
def test_a_template_imported_back_changes_nothing(demo, kind, fmt):
    import_kind = registry.import_kinds[kind]
    rows = import_kind.template_rows(Period.objects.get(number=10))
    content = template_xlsx(import_kind.columns, rows, title=kind) if fmt == "xlsx" else _template(kind)
    before = data_stamp()
    report = import_file(kind, content, filename=f"template.{fmt}")
    assert report.ok and (report.created, report.changed) == (0, 0) and report.unchanged == len(rows)
    assert data_stamp() == before


def test_the_papers_printed_figures_are_checked_not_stored(demo):
    assert not GrantAmount.objects.filter(stream__code__in=["TOTAL", "CHANGE"]).exists()
    assert SchemeAllocation.objects.count() == 66  # two versions, 11 schemes, 3 years: no totals
    notes = FidelityNote.objects.filter(source__startswith="iBCF, ")
    assert notes.count() == 28  # every other printed figure adds up exactly
    balance = notes.get(subject="Balance", column="2018-19")
    assert (balance.period.number, balance.printed, balance.computed, balance.tolerance) == (
        2,
        -20_000_000,
        -22_900_000,
        70_000_000,  # 11 schemes and 2 grants, printed to £0.1m
    )
    assert notes.get(subject__startswith="Spring Budget grant over").column == "2017-18 to 2019-20"


def test_loading_the_demo_again_keeps_the_periods_updates_and_publication(demo):
    update = SchemeUpdate.objects.get(period__number=10, scheme__code="iBCF1")
    update.activity_progress = "Edited since the load"
    update.save()
    period = Period.objects.get(number=10)
    call_command("load_demo", stdout=io.StringIO())
    update.refresh_from_db()
    assert update.activity_progress == "Edited since the load"
    assert Period.objects.get(number=10).published_at == period.published_at
    assert ImportRecord.objects.filter(via="demo", period=period, kind="iBCF scheme updates").count() == 1


# --- Reference definitions --------------------------------------------------------------------------


def test_new_definitions_are_added_and_held_ones_brought_up_to_date(demo):
    text = _header("ibcf-schemes") + (
        "ibcf1,Protect,Meeting social care needs,,Renamed,\n"  # matched to iBCF1 case-insensitively
        "iBCF12,Sustain,Stabilising the provider market,,A new scheme,\n"
    )
    report = import_file("ibcf-schemes", text, filename="schemes.csv")
    assert (report.created, report.changed) == (1, 1)
    renamed = Scheme.objects.get(code="iBCF1")
    assert (renamed.description, renamed.order) == ("Renamed", 0)
    assert Scheme.objects.get(code="iBCF12").order == 1
    assert Scheme.objects.count() == 12  # the schemes the file leaves out are kept
    assert renamed.history.latest().history_change_reason == "Imported from schemes.csv"


def _refused(kind: str, text: str) -> list[str]:
    """The problems of importing `text`, which saves nothing."""
    before = data_stamp()
    found = problems(import_file(kind, text))
    assert data_stamp() == before
    return found


BAD_DEFINITIONS = {
    "ibcf-grant-streams": (
        "SB2017,A,B,RES-NONE,\nsb2017,A,B,,\nNEW,,B,,\n",
        [
            "Row 2, reserve: SB2017: no reserve has the code 'RES-NONE'",
            "Row 3, code: sb2017 appears twice (first at row 2)",
            "Row 4, name: NEW: give a name",
        ],
    ),
    "ibcf-schemes": (
        "iBCF1,Protect,Meeting needs,,Text,\niBCF2,Guard,Meeting social care needs,,,\n",
        [
            "Row 2, condition: iBCF1: 'Meeting needs' is not one of: Meeting social care needs, Reducing pressure "
            "on the NHS, Stabilising the provider market",
            "Row 3, priority: iBCF2: 'Guard' is not one of: Protect, Sustain, Invest and Improve",
            "Row 3, description: iBCF2: give a description",
        ],
    ),
    "ibcf-plan-versions": (
        "April plan,01/04/2018,\n,2018-04-01,\n",
        ["Row 2, date: April plan: '01/04/2018' is not a date like 2017-07-10", "Row 3, name: give a name"],
    ),
    "ibcf-acute-systems": ("Eastern,,\n", ["Row 2, label: Eastern: give a label"]),
}


@pytest.mark.parametrize("kind", BAD_DEFINITIONS)
def test_bad_definitions_are_named_by_row_and_column_and_nothing_is_saved(demo, kind):
    rows, expected = BAD_DEFINITIONS[kind]
    assert _refused(kind, _header(kind) + rows) == expected


# --- Amounts by year ---------------------------------------------------------------------------------

BAD_AMOUNTS = {
    "ibcf-grants": (
        "SB2017,2017-18,lots,,,,,\n"
        "XX,2017-18,1,,,,,\n"
        "SB2017,2017/18,1,,,,,\n"
        "TOTAL,2017-18,1,,,,,\n"
        "SB2017,2021-22,1,,,,,\n"
        "sb2017,2021-22,2,,,,,\n",
        [
            "Row 2, amount: SB2017: Enter an amount in pounds, like 1,234,567, -1234567.89 or (1,234,567)",
            "Row 3, stream: Unknown grant stream 'XX'",
            "Row 4, year: SB2017: '2017/18' is not a financial year like 2017-18",
            "Row 5, stream: TOTAL is printed, never stored: say where (printed_in)",
            "Row 7, stream: sb2017 2021-22 repeats row 6",
        ],
    ),
    "ibcf-plan": (
        "Autumn plan,iBCF1,2017-18,1,,,,,\n"
        "July 2017 plan,iBCF99,2017-18,1,,,,,\n"
        "July 2017 plan,SB2017,2017-18,-1,,,,,\n"
        "July 2017 plan,iBCF1,2017-18,,,,,,\n",
        [
            "Row 2, version: Unknown plan version 'Autumn plan'",
            "Row 3, code: Unknown scheme 'iBCF99'",
            "Row 4, code: SB2017 is printed, never stored: say where (printed_in)",
            "Row 5, amount: iBCF1: give a amount",
        ],
    ),
    "ibcf-acute-split": (
        "July 2017 plan,North,2017-18,1,,,,,\n",
        ["Row 2, system: Unknown acute system 'North'"],
    ),
}


@pytest.mark.parametrize("kind", BAD_AMOUNTS)
def test_bad_amounts_are_named_by_row_and_column_and_nothing_is_saved(demo, kind):
    rows, expected = BAD_AMOUNTS[kind]
    assert _refused(kind, _header(kind) + rows) == expected


def test_bad_printed_figures_are_named_by_row_and_column(demo):
    long_code = "+".join(["iBCF1"] * 40)  # every part a scheme, but no subject the notes can keep
    text = _header("ibcf-plan") + (
        "July 2017 plan,TOTAL+iBCF99,2017-18,1,Appendix 1,Total,100000,2017-18,2\n"
        "July 2017 plan,TOTAL,2019-20 to 2017-18,1,Appendix 1,Total,100000,2017-18,2\n"
        "July 2017 plan,TOTAL,2017-18,1,Appendix 1,Total,100000,2017-18,12\n"
        "July 2017 plan,TOTAL,2017-18,1,Appendix 1,Total,100000,,\n"
        "July 2017 plan,TOTAL,2017-18,1,Appendix 1,Total,-5,2017-18,2\n"
        f"July 2017 plan,{long_code},2017-18,1,Appendix 1,,,2017-18,2\n"
    )
    assert _refused("ibcf-plan", text) == [
        "Row 2, code: 'TOTAL+iBCF99' names nothing this file adds up",
        "Row 3, year: '2019-20 to 2017-18' is not a financial year like 2017-18 (or 2017-18 to 2019-20)",
        "Row 4, report_period: There is no Period 12 of 2017-18",
        "Row 5, report_period: give the report (report_year and report_period) the figure is printed for",
        "Row 6, rounded_to: give the unit the paper rounds to, like 1000 or 100000",
        f"Row 7, code: {long_code}: keep it under 200 characters",
    ]


def test_amounts_are_stored_and_printed_figures_checked_against_them(demo):
    before = FidelityNote.objects.count()
    text = _header("ibcf-plan") + (
        "Period 10 plan,iBCF1,2020-21,2000000,,,,,\n"
        "Period 10 plan,iBCF2,2020-21,1000000,,,,,\n"
        f"Period 10 plan,TOTAL,2020-21,3100000{PRINTED}\n"  # printed 3.1, the rows add up to 3.0
        f"Period 10 plan,iBCF1+iBCF2,2020-21,3000000{PRINTED}\n"  # adds up: no note
        f"Period 10 plan,iBCF2,2017-18 to 2018-19,19900000{PRINTED}\n"  # 9.1 + 10.8 adds up
    )
    report = import_file("ibcf-plan", text, filename="late.csv")
    assert (report.created, report.changed) == (2, 0)
    assert len(report.notes) == 3 and "file says 3.100, rows sum to 3.000 (within rounding)" in report.notes[0]
    assert not SchemeAllocation.objects.filter(scheme__code="TOTAL").exists()
    note = FidelityNote.objects.get(source="iBCF, Appendix C", subject="Total", column="2020-21")
    assert (note.period.number, note.printed, note.computed, note.tolerance, note.kind) == (
        10,
        310_000_000,
        300_000_000,
        15_000_000,  # two rows and the printed figure, each to £0.1m
        "rounding",
    )
    import_file("ibcf-plan", text, filename="again.csv")  # the same figures again: the note is replaced
    assert FidelityNote.objects.count() == before + 1


def test_a_figure_printed_wrong_is_an_error_note(demo):
    text = _header("ibcf-acute-split") + f"July 2017 plan,Eastern+West,2017-18,7300000{PRINTED}\n"
    report = import_file("ibcf-acute-split", text)
    assert report.ok and report.created == 0  # 2.3 + 4.0 = 6.3: printed 7.3
    note = FidelityNote.objects.get(source="iBCF, Appendix C", subject="Total")
    assert (note.printed, note.computed, note.kind) == (730_000_000, 630_000_000, "error")


def test_the_grants_totals_and_change_from_the_year_before(demo):
    text = _header("ibcf-grants") + (
        f"TOTAL,2018-19,27729000{PRINTED}\n"
        f"CHANGE,2018-19,7283000{PRINTED}\n"
        f"CHANGE,2020-21,-5903000{PRINTED}\n"
        f"SB2017,2017-18 to 2019-20,36365000{PRINTED}\n"
    )
    report = import_file("ibcf-grants", text)
    assert report.ok and len(report.notes) == 4
    assert all(note.endswith("(adds up)") for note in report.notes)


def test_a_plan_version_shows_from_its_date_with_its_own_allocations(demo):
    import_file("ibcf-plan-versions", _header("ibcf-plan-versions") + "Autumn 2018 plan,2018-11-01,A later paper\n")
    report = import_file("ibcf-plan", _header("ibcf-plan") + "Autumn 2018 plan,iBCF1,2018-19,1,,,,,\n")
    assert report.created == 1
    version = PlanVersion.objects.get(name="Autumn 2018 plan")
    assert list(version.allocations.values_list("scheme__code", "start_year", "amount")) == [("iBCF1", 2018, 100)]
    assert GrantStream.objects.get(code="SB2017").reserve.code == "RES-IBCF"
    assert list(AcuteSystem.objects.values_list("name", flat=True)) == ["Eastern", "Central", "West"]
