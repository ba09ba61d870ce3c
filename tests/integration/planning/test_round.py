"""A whole planning round typed through the import templates (CSV and Excel), every total and
the chart's figures checked; the savings link; publishing locks a round; what changed."""

import csv
import io
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from ascweb.importing import read_upload
from ascweb.lifecycle import period_checks
from ascweb.registry import registry
from planning import charts, selectors
from planning.models import BridgeLine, PlanningRound
from savings.models import SavingTarget
from tests.factories.imports import import_file, problems

M = 100_000_000  # pence in £1m
YEARS = ["2018-19", "2019-20", "2020-21", "2021-22"]
ROUND = "November 2017"
BRIDGE = {  # category: £m by year (a whole round, typed as a lead would)
    "agreed_gap": ["30", "25", "20", "0"],
    "cost_pressures": ["10.5", "8", "6", "22"],
    "funding": ["-2", "4", "1", "0"],
    "savings_changes": ["1.25", "0", "0", "0"],
    "tax_increase": ["-7.1", "-7.4", "-7.7", "-8"],
    "tax_base": ["-3.5", "-3.6", "-3.7", "-3.8"],
    "reallocation": ["-4", "4", "0", "0"],
}
NET = {"ASC": 252, "CHS": 180, "CES": 155, "RES": 28, "FIN": 15}  # £m, every year


def _template(client, kind: str, fmt: str = "csv") -> bytes:
    response = client.get(f"/periods/2017-18/10/templates/{kind}.{fmt}")
    assert response.status_code == 200
    return response.content


def _fill(client, kind: str, rows: list[list[str]]) -> str:
    """The kind's CSV template (its header) with `rows` typed in under it."""
    header = _template(client, kind).decode().splitlines()[0]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return header + "\n" + out.getvalue()


def _m(text: str) -> int:
    return int(Decimal(text) * M)


def _type_round(client) -> PlanningRound:
    files = {
        "planning-rounds": [[ROUND, "2018-19", "In proportion to net budget", "Illustrative: a test round", ""]],
        "planning-bridge": [
            [ROUND, year, category, str(_m(values[i]) // 100), ""]
            for category, values in BRIDGE.items()
            for i, year in enumerate(YEARS)
        ],
        "planning-assumptions": [
            [ROUND, year, "357000000", "1.99", "3%" if i == 0 else "0", "1"] for i, year in enumerate(YEARS)
        ],
        "planning-allocation": [
            [
                ROUND,
                code,
                year,
                str(net * 1_000_000),
                "" if code == "ASC" else "-1000000",
                "",
                "-250000" if code == "CES" else "",
            ]
            for year in YEARS
            for code, net in NET.items()
        ],
        "planning-timetable": [
            [ROUND, "2018-02-12", "County Council agrees the budget"],
            [ROUND, "29/01/2018", "Policy and Resources Committee"],
        ],
        "planning-risks": [[ROUND, "A pay award above 1%", "3000000"], [ROUND, "The finance settlement", ""]],
    }
    for kind, rows in files.items():
        report = import_file(kind, _fill(client, kind, rows), filename=f"{kind}.csv")
        assert report.ok, problems(report)
    return PlanningRound.objects.get(name=ROUND)


@pytest.mark.django_db
def test_a_whole_round_typed_through_the_templates(demo, lead_client):
    round_ = _type_round(lead_client)
    assert not round_.is_published and round_.illustrative

    # the bridge: each year's revised gap and savings to find computed from its lines
    bridge = {year.year: year for year in selectors.bridge(round_)}
    expected_gap = {year: sum(_m(values[i]) for values in BRIDGE.values()) for i, year in enumerate(YEARS)}
    assert {year: b.revised_gap for year, b in bridge.items()} == expected_gap
    assert expected_gap == {
        "2018-19": 25_15 * M // 100,
        "2019-20": 30 * M,
        "2020-21": 15_6 * M // 10,
        "2021-22": 10_2 * M // 10,
    }
    assert {year: b.to_find for year, b in bridge.items()} == expected_gap  # every gap positive here

    # the allocation: shares of the savings to find by net budget add up to it, to the penny
    rows = selectors.allocation_rows(round_)
    targets = selectors.savings_targets(round_)["ASC"]
    for year in YEARS:
        of_year = [row for row in rows if row.year == year]
        assert sum(row.new_share for row in of_year) == -expected_gap[year]
        for row in of_year:
            assert row.total == row.agreed + row.new_share + row.changes
            assert row.share_of_budget == Decimal(row.total) / Decimal(row.net_budget)
        asc = next(row for row in of_year if row.name == "Adult Social Services")
        assert asc.agreed == targets.get(year, 0)
        assert abs(asc.new_share - (-expected_gap[year] * 252 // 630)) <= 1
    # committees add up their departments (Policy and Resources: Resources and Finance)
    committees = {(row.year, row.name): row for row in selectors.committee_rows(round_)}
    pr = committees[("2018-19", "Policy and Resources Committee")]
    departments = [row for row in rows if row.year == "2018-19" and row.committee == "Policy and Resources Committee"]
    assert pr.total == sum(row.total for row in departments) and pr.net_budget == 43 * 1_000_000 * 100

    # the chart's figures: bars float on the running total and end at the revised gap
    categories = list(BridgeLine.Category.choices)
    figure = charts.bridge_figure(bridge["2018-19"], categories)
    trace = figure["data"][0]
    assert trace["type"] == "bar"  # drawn with bars: the basic Plotly bundle has them
    assert [str(y) for y in trace["y"]] == [
        "30.000",
        "10.500",
        "-2.000",
        "1.250",
        "-7.100",
        "-3.500",
        "-4.000",
        "25.150",
    ]
    assert [str(b) for b in trace["base"]] == [
        "0.000",
        "30.000",
        "40.500",
        "38.500",
        "39.750",
        "32.650",
        "29.150",
        "0.000",
    ]
    assert "revised gap is £25.150m" in charts.bridge_summary(bridge["2018-19"], categories)

    # the Excel template holds the round now (the latest): loaded back, nothing changes
    workbook = _template(lead_client, "planning-bridge", "xlsx")
    report = import_file("planning-bridge", workbook, filename="bridge.xlsx")
    assert report.ok and (report.created, report.changed, report.unchanged) == (0, 0, 28)
    assert len(read_upload(workbook, "bridge.xlsx", required=["round"]).rows) == 28


@pytest.mark.django_db
def test_publishing_locks_the_round_and_members_then_see_it(demo, lead_client, member_client):
    round_ = _type_round(lead_client)
    assert member_client.get(f"/planning/{round_.pk}/").status_code == 404
    assert ROUND not in member_client.get("/planning/").content.decode()
    assert lead_client.post(f"/planning/{round_.pk}/publish/").status_code == 302
    round_.refresh_from_db()
    assert round_.is_published
    page = member_client.get(f"/planning/{round_.pk}/").content.decode()
    assert "Illustrative: a test round" in page and "25.150" in page
    assert "Adult Social Care Committee: savings targets by year" in page  # the members' own committee
    # locked: a file, a form and the service all refuse
    found = problems(
        import_file("planning-bridge", _fill(lead_client, "planning-bridge", [[ROUND, "2018-19", "funding", "1", ""]]))
    )
    assert found == [f"Row 2, round: {ROUND} is published: it cannot be changed; start a new round"]
    before = list(BridgeLine.objects.filter(round=round_).values_list("amount", flat=True))
    lead_client.post(f"/planning/{round_.pk}/bridge/", {"funding__2018-19": "5"})
    assert list(BridgeLine.objects.filter(round=round_).values_list("amount", flat=True)) == before
    # the period started now shows it; its CSV table is the round's
    lead = User.objects.get(username="lead")
    from ascweb.lifecycle import period_create_next

    period_create_next(user=lead, year=demo, number=11)
    out = io.StringIO()
    call_command("export_table", year="2017-18", period=11, table="planning-bridge", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "round,year,line,amount"
    assert f"{ROUND},2018-19,Revised gap,25.150" in lines and f"{ROUND},2021-22,New savings to find,10.200" in lines


@pytest.mark.django_db
def test_the_savings_link_holds(demo, lead_client):
    july = PlanningRound.objects.get(name="July 2017")
    programme = SavingTarget.objects.filter(year__code="2018-19")
    total = sum(programme.values_list("amount", flat=True))
    assert total == -22_913_000 * 100  # the Period 10 paper's target service savings, 2018-19
    # the paper's Gross Savings Requirement: agreed by County Council plus the removal of one-off grant
    printed = {
        "2017-18": (-14_213, 0, -14_213),
        "2018-19": (-18_716, -4_197, -22_913),
        "2019-20": (-10_000, 0, -10_000),
    }
    february = PlanningRound.objects.get(name="February 2017")
    asc = {row.year: row.agreed for row in selectors.allocation_rows(february) if row.name == "Adult Social Services"}
    for year, (agreed, grant, target) in printed.items():
        assert agreed + grant == target and asc[year] == target * 100_000
    asc = {row.year: row.agreed for row in selectors.allocation_rows(july) if row.name == "Adult Social Services"}
    assert asc == {"2018-19": -22_913_000 * 100, "2019-20": -10_000_000 * 100, "2020-21": 0, "2021-22": 0}
    [link] = selectors.savings_links(july)
    assert link.holds
    # published, the round keeps its figures: a later change to the programme shows as a difference
    target = programme.first()
    target.amount -= 1
    target.save()
    [link] = selectors.savings_links(july)
    assert not link.holds and ("2018-19", -22_913_000 * 100, -22_913_000 * 100 - 1) in link.years
    # an open period's pack shows the latest published round: the difference is a check before publishing
    from ascweb.lifecycle import period_create_next

    period = period_create_next(user=User.objects.get(username="lead"), year=demo, number=11)
    [check] = [c for c in period_checks(period) if c.section == "Budget planning"]
    assert check.message == (
        "July 2017: Adult Social Services's agreed savings for 2018-19 are -£22,913,000, "
        "the savings programme's targets -£22,913,000.01"
    )
    draft = PlanningRound.objects.get(name="October 2017")  # a draft reads the programme as it is now
    assert all(link.holds for link in selectors.savings_links(draft))


@pytest.mark.django_db
def test_what_changed_since_the_previous_round(demo, member_client):
    july = PlanningRound.objects.get(name="July 2017")
    page = member_client.get(f"/planning/{july.pk}/changes/").content.decode()
    assert "since February 2017" in page and "New cost pressures" in page
    period_page = member_client.get("/periods/2017-18/10/planning/").content.decode()
    assert "July 2017" in period_page and "/periods/2017-18/10/tables/planning-committees.xlsx" in period_page
    download = member_client.get("/periods/2017-18/10/tables/planning-committees.csv")
    assert download.status_code == 200 and "July 2017,2018-19,Adult Social Care Committee" in download.content.decode()


def test_every_planning_table_is_registered():
    names = {"planning-bridge", "planning-assumptions", "planning-departments", "planning-committees"}
    assert names <= set(registry.export_tables)
