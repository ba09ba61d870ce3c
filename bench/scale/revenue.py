"""The synthetic council's revenue side: departments, areas, groups and lines, years of
periods, every line's budget and forecast at every period, last year's outturn, net
expenditure by area and month with a budget profile each year, and the benchmark's users."""

from django.conf import settings

from ascweb import permissions
from ascweb.models import FinancialYear, Period
from bench.scale.council import ScaleCouncil, committee_meeting, scaled
from finance.calculations import needs_explanation
from finance.models import (
    AreaAssignment,
    BudgetProfile,
    LineForecast,
    NetExpenditure,
    PriorYearOutturn,
    ReportingLine,
    StructureSnapshot,
)

Kind = ReportingLine.Kind
AREAS_PER_DEPARTMENT = 5
GROUPS_PER_AREA = 2


def build_structure(council: ScaleCouncil, *, departments: int, lines: int) -> None:
    """departments x 5 areas x 2 groups, with `lines` lines spread evenly over the groups."""
    groups_total = departments * AREAS_PER_DEPARTMENT * GROUPS_PER_AREA
    order = 10_000
    for d in range(departments):
        department = _node(f"SYN-D{d:02d}", f"Synthetic department {d + 1}", Kind.DEPARTMENT, None, order)
        council.departments.append(department)
        for a in range(AREAS_PER_DEPARTMENT):
            order += 1
            area = _node(f"SYN-D{d:02d}-A{a}", f"Synthetic area {d + 1}.{a + 1}", Kind.AREA, department, order)
            council.areas.append(area)
            for g in range(GROUPS_PER_AREA):
                order += 1
                group = _node(f"{area.code}-G{g}", f"Synthetic group {d + 1}.{a + 1}.{g + 1}", Kind.GROUP, area, order)
                index = len(council.areas) * GROUPS_PER_AREA + g - GROUPS_PER_AREA
                count = lines // groups_total + (1 if index < lines % groups_total else 0)
                for i in range(count):
                    order += 1
                    council.lines.append(
                        _node(
                            f"{group.code}-L{i:03d}",
                            f"Synthetic line {d + 1}.{a + 1}.{g + 1}.{i + 1}",
                            Kind.LINE,
                            group,
                            order,
                        )
                    )


def _node(code, name, kind, parent, order) -> ReportingLine:
    return ReportingLine.objects.create(code=code, name=name, kind=kind, parent=parent, order=order)


def build_years(council: ScaleCouncil, *, years: int, first: int = 2040) -> None:
    """`years` synthetic years (from 2040-41: far from any real one), 13 published periods each
    but the last year, whose periods 11-13 are still to come (period 10 open)."""
    for y in range(years):
        start = first + y
        year = FinancialYear.objects.create(code=FinancialYear.code_for(start), start_year=start)
        council.years.append(year)
        last = 10 if y == years - 1 else 13
        compared_with = None  # each published period compares with the one before, as publishing fixes
        for number in range(1, last + 1):
            status = Period.Status.OPEN if (y == years - 1 and number == last) else Period.Status.PUBLISHED
            period = Period.objects.create(
                year=year,
                number=number,
                status=status,
                committee_meeting=committee_meeting(start, number),
                compared_with=compared_with if status == Period.Status.PUBLISHED else None,
            )
            council.periods.append(period)
            compared_with = period


def build_figures(council: ScaleCouncil) -> None:
    rng = council.rng
    budgets = {line.id: rng.randrange(-5_000_000, 40_000_000) * 100 for line in council.lines}
    council.budgets = budgets
    threshold = settings.ASCWEB_MATERIALITY_PENCE
    forecasts, outturns = [], []
    for period in council.periods:
        drift = period.number / 13
        for line in council.lines:
            budget = budgets[line.id]
            forecast = budget + int(rng.gauss(0, 0.04) * abs(budget) * drift) // 100 * 100
            forecasts.append(
                LineForecast(
                    line=line,
                    period=period,
                    budget=budget,
                    forecast=forecast,
                    # as the entry form requires: every variance at the threshold or more explained
                    explanation=_line_explanation(forecast - budget, period)
                    if needs_explanation(forecast - budget, threshold)
                    else "",
                )
            )
    LineForecast.objects.bulk_create(forecasts, batch_size=5000)
    for year in council.years[:-1]:
        outturns += [
            PriorYearOutturn(
                node=line, year=year, actual=budgets[line.id], variance=rng.randrange(-100_000, 100_000) * 100
            )
            for line in council.lines
        ]
    PriorYearOutturn.objects.bulk_create(outturns, batch_size=5000)
    from finance.selectors.figures import structure_now

    nodes = structure_now()
    StructureSnapshot.objects.bulk_create(
        StructureSnapshot(period=p, nodes=nodes) for p in council.periods if p.is_published
    )


def build_users(council: ScaleCouncil) -> None:
    from django.contrib.auth.models import Group, User

    permissions.sync_roles()
    officer, _ = User.objects.get_or_create(username="scale-officer")
    officer.groups.set([Group.objects.get(name=permissions.OFFICER)])
    AreaAssignment.objects.get_or_create(user=officer, area=council.areas[0])
    member, _ = User.objects.get_or_create(username="scale-member")
    member.groups.set([Group.objects.get(name=permissions.MEMBER)])


def _line_explanation(variance: int, period: Period) -> str:
    if variance > 0:
        return (
            f"Synthetic explanation at Period {period.number}: demand above the level budgeted for, "
            "with more packages of care starting than ending; reviews are under way."
        )
    return (
        f"Synthetic explanation at Period {period.number}: vacancies held and packages ending earlier "
        "than budgeted for; the underspend is expected to reduce as posts are filled."
    )


PROFILE_NOTE = "Synthetic figures for benchmarks (make_scale_data): not a real council's net expenditure."
PAYMENT_RUN_PERIOD = 5  # the month with two main payment runs: a spike, as in real councils


def build_net_expenditure(council: ScaleCouncil) -> None:
    """Net expenditure by area for periods 1-12 of every year, up to the latest period each
    year has (later months are not yet reported), and a budget profile for every year."""
    rng = council.rng
    area_budgets: dict[int, int] = {}
    for line in council.lines:
        area_id = council.area_of(line).id
        area_budgets[area_id] = area_budgets.get(area_id, 0) + council.budgets[line.id]
    rows = []
    for year in council.years:
        latest = max(p.number for p in council.periods_of(year))
        for number in range(1, min(latest, 12) + 1):
            for area in council.areas:
                monthly = area_budgets.get(area.id, 0) // 12
                percent = rng.randrange(93, 104) + (30 if number == PAYMENT_RUN_PERIOD else 0)
                rows.append(NetExpenditure(year=year, period=number, area=area, amount=scaled(monthly, percent)))
    NetExpenditure.objects.bulk_create(rows, batch_size=5000)
    Method = BudgetProfile.Method
    BudgetProfile.objects.bulk_create(
        BudgetProfile(year=year, method=Method.TWELFTHS if index == 0 else Method.LAST_YEAR, note=PROFILE_NOTE)
        for index, year in enumerate(council.years)
    )
