"""The Norfolk 2017-18 demo data reproduces the published tables (the acceptance reference)."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.management import call_command

from ascweb.models import FidelityNote, Period
from finance.models import LineForecast, ReportingLine

# Appendix A, Period 10 (January) 2017-18, as published (seed 002): line, budget, forecast, variance.
PUBLISHED_APPENDIX_A_P10 = """
Older People	111.098	114.994	3.896
People with Physical Disabilities	23.148	23.465	0.317
People with Learning Disabilities	99.191	100.283	1.092
Mental Health, Drugs & Alcohol	13.545	14.592	1.047
Hired Transport	6.672	5.784	-0.888
Staffing and support costs	11.589	10.403	-1.186
Service User Income	-76.870	-86.734	-9.864
Commissioning Team	4.003	3.823	-0.180
Service Level Agreements	12.159	11.715	-0.444
Integrated Community Equipment Service	2.396	2.115	-0.281
NorseCare	32.594	33.419	0.826
Housing Related Support	6.517	6.517	0.000
Independence Matters	12.857	12.945	0.089
Other Commissioning	1.403	1.367	-0.036
Norfolk Reablement First Support	2.535	2.530	-0.005
Service Development	1.131	1.099	-0.031
Other Early Help & Prevention	2.984	2.977	-0.007
"""


def _export(table: str, period: int) -> dict[str, dict[str, str]]:
    out = io.StringIO()
    call_command("export_table", year="2017-18", period=period, table=table, format="csv", stdout=out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    return {row["line"]: row for row in rows}


def _thousands(text: str) -> int:
    return int(Decimal(text) * 1000)


def test_appendix_a_p10_reproduces_every_published_line(demo):
    exported = _export("appendix-a", 10)
    for line in PUBLISHED_APPENDIX_A_P10.strip().splitlines():
        name, budget, forecast, variance = line.split("\t")
        row = exported[name]
        assert row["budget"] == budget, name
        assert row["forecast"] == forecast, name
        # variances are computed from the rounded lines: within £1k of the printed figure
        assert abs(_thousands(row["variance"]) - _thousands(variance)) <= 1, name


def test_table_2_1_p10_total_agrees_with_the_paper_within_rounding(demo):
    total = _export("summary", 10)["Total Net Expenditure"]
    # paper: 261.401 / 258.901 / (2.500); the lines, printed to £1k, sum to 261.403 / 258.901
    assert total["budget"] == "261.403"
    assert total["forecast"] == "258.901"
    assert total["variance"] == "-2.502"
    assert abs(_thousands(total["budget"]) - 261401) <= 19  # 19 rounded lines: well inside rounding


def test_table_2_1_p2_matches_the_paper(demo):
    exported = _export("summary", 2)
    assert exported["Business Development"]["budget"] == "3.994"
    assert exported["Total Net Expenditure"]["variance"] == "0.000"
    assert exported["Services to Users"]["forecast"] == "183.871"


def test_the_papers_slips_are_recorded_as_fidelity_notes(demo):
    errors = {
        (n.source, n.subject, n.column, n.printed, n.computed)
        # the revenue tables' notes (reserves, capital and iBCF notes are tested in their own files)
        for n in FidelityNote.objects.filter(kind=FidelityNote.Kind.ERROR, source__startswith="Period ")
    }
    assert errors == {
        ("Period 10 report, table 2.7.1", "Commissioned Services", "forecast", 7_199_000_000, 7_190_100_000),
        ("Period 10 report, table 2.6.1", "Service User Income", "forecast", -8_973_400_000, -8_673_400_000),
    }
    rounding = FidelityNote.objects.filter(kind=FidelityNote.Kind.ROUNDING)
    assert rounding.filter(subject="Adult Social Services", column="budget", period__number=10).exists()
    assert all(abs(n.printed - n.computed) <= n.tolerance for n in rounding)


def test_printed_totals_are_never_stored_as_figures(demo):
    lines_with_figures = set(LineForecast.objects.values_list("line__kind", flat=True))
    assert lines_with_figures == {ReportingLine.Kind.LINE}


def test_load_demo_runs_twice_without_duplicating_or_overwriting(demo):
    line = LineForecast.objects.get(period__number=10, line__code="CS-NORSE")
    line.explanation = "Edited since the load"
    line.save()
    counts = (ReportingLine.objects.count(), LineForecast.objects.count(), FidelityNote.objects.count())
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "member" in out.getvalue() and "member-demo-2017" in out.getvalue()
    assert (ReportingLine.objects.count(), LineForecast.objects.count(), FidelityNote.objects.count()) == counts
    line.refresh_from_db()
    assert line.explanation == "Edited since the load"
    assert set(Period.objects.values_list("number", "status")) == {
        (2, "published"),
        (7, "printed"),  # known only from the Period 10 paper's "Variance @ Pd 7"
        (10, "published"),
    }


def test_export_table_refuses_an_unknown_period(demo):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No Period 9"):
        call_command("export_table", year="2017-18", period=9, table="summary")


# Appendix A's "Variance @ Pd 7" column, as the Period 10 paper prints it: Period 7 is known only
# from it (data/norfolk/2017-18/p07-printed-variances.csv), and the report compares with it.
PRINTED_AT_PD_7 = {
    "Older People": "4.164",
    "Total Purchase of Care": "7.662",
    "Service User Income": "-8.842",
    "Net Expenditure": "-2.994",
    "NorseCare": "0.863",
    "Commissioning Total": "0.075",
    "Prevention Total": "-0.015",
}


def test_appendix_a_p10_compares_with_period_7_as_the_paper_prints_it(demo, member_client):
    p10 = Period.objects.get(year=demo, number=10)
    assert p10.compared_with == Period.objects.get(year=demo, number=7, status=Period.Status.PRINTED)
    exported = _export("appendix-a", 10)
    assert {name: exported[name]["previous_variance"] for name in PRINTED_AT_PD_7} == PRINTED_AT_PD_7
    assert exported["Business Development"]["previous_variance"] == ""  # not printed for Period 7
    page = member_client.get("/periods/2017-18/10/appendix-a/").content.decode()
    assert "Variance @ Pd 7 £m" in page and "4.164" in page and "(8.842)" in page
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(member_client.get("/periods/2017-18/10/tables/appendix-a.xlsx").content))
    cells = [[cell.value for cell in row] for row in book.active.iter_rows()]
    assert any("Variance @ Pd 7 £m" in row for row in cells)
    older = next(row for row in cells if "Older People" in row)
    assert Decimal(str(older[-1])).quantize(Decimal("0.001")) == Decimal("4.164")
    # the note that Period 7 was not in the sources is gone; the printed totals add up within rounding
    assert not FidelityNote.objects.filter(column="Variance @ Pd 7").exists()
    p7_notes = FidelityNote.objects.filter(period__number=7)
    assert p7_notes.exists() and set(p7_notes.values_list("kind", flat=True)) == {FidelityNote.Kind.ROUNDING}
