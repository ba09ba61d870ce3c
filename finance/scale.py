"""A synthetic council for benchmarks (`make_scale_data`): deterministic, and clearly apart
from the Norfolk demo data (codes start SYN-, names say "Synthetic")."""

import datetime
import random
from dataclasses import dataclass, field

from django.conf import settings

from ascweb import permissions
from ascweb.models import FinancialYear, Period
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
from reserves.models import CapitalPosition, CapitalScheme, Reserve, ReservePosition

Kind = ReportingLine.Kind
AREAS_PER_DEPARTMENT = 5
GROUPS_PER_AREA = 2


@dataclass
class ScaleCouncil:
    """What make_scale_data has built so far, handed to each app's ScaleGenerator: the years,
    periods (with committee meeting dates) and reporting tree, each line's budget, the reserves
    (the iBCF links its carry-forward to SYN-R-IBCF), and the seeded random generator (draw
    from it in a fixed order so the data is the same for a seed)."""

    rng: random.Random
    years: list[FinancialYear] = field(default_factory=list)
    periods: list[Period] = field(default_factory=list)
    departments: list[ReportingLine] = field(default_factory=list)
    areas: list[ReportingLine] = field(default_factory=list)
    lines: list[ReportingLine] = field(default_factory=list)
    budgets: dict[int, int] = field(default_factory=dict)  # line id -> budget, pence (every period)
    reserves: list[Reserve] = field(default_factory=list)

    def periods_of(self, year: FinancialYear) -> list[Period]:
        return [p for p in self.periods if p.year_id == year.id]

    def area_of(self, line: ReportingLine) -> ReportingLine:
        return line.parent.parent  # line > group > area


# Money in synthetic data is rounded to £1,000, as officers enter it.
THOUSAND = 1_000 * 100


def round_thousands(pence: int) -> int:
    """To the nearest £1,000 towards zero (integer arithmetic: no floats for money)."""
    sign = -1 if pence < 0 else 1
    return sign * (abs(pence) // THOUSAND * THOUSAND)


def scaled(pence: int, percent: int) -> int:
    """`percent` per cent of an amount, to the £1,000."""
    return round_thousands(pence * percent // 100)


def committee_meeting(start_year: int, number: int) -> datetime.date:
    """When a synthetic period is reported: the 25th of the month after it (Period 1, April,
    in late May); year-end adjustments (Period 13) in mid May of the next year."""
    if number == 13:
        return datetime.date(start_year + 1, 5, 15)
    month = 4 + number  # the month after the period's: May for Period 1
    return datetime.date(start_year + (month - 1) // 12, (month - 1) % 12 + 1, 25)


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
        for number in range(1, last + 1):
            status = Period.Status.OPEN if (y == years - 1 and number == last) else Period.Status.PUBLISHED
            council.periods.append(
                Period.objects.create(
                    year=year, number=number, status=status, committee_meeting=committee_meeting(start, number)
                )
            )


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
    from finance.selectors import structure_now

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


RESERVES_PER_DEPARTMENT = 2
PROVISIONS_PER_DEPARTMENT = 1
CAPITAL_SCHEMES_PER_DEPARTMENT = 2
IBCF_RESERVE = "SYN-R-IBCF"
RESERVE_PURPOSES = [
    "Repairs and renewals",
    "Care Act implementation",
    "Prevention fund",
    "Market sustainability",
    "Unspent grants and contributions",
    "Business risk",
]
CAPITAL_PURPOSES = [
    "Supported living accommodation",
    "Day centre refurbishment",
    "Care home improvements",
    "Assistive technology",
    "Social care information system",
    "Extra care housing",
]


def build_reserves_capital(council: ScaleCouncil) -> None:
    """Reserves and provisions and capital schemes in proportion to the departments, with
    figures at every period: balances at 1 April carried on from the year before (its Period 13
    closing balance), and usage and capital forecasts that firm up as the year goes on."""
    rng = council.rng
    reserves, schemes = [], []
    order = 10_000
    for d, department in enumerate(council.departments):
        purposes = ["Bad debts"] * PROVISIONS_PER_DEPARTMENT + rng.sample(RESERVE_PURPOSES, RESERVES_PER_DEPARTMENT)
        for i, purpose in enumerate(purposes):
            order += 1
            kind = Reserve.Kind.PROVISION if i < PROVISIONS_PER_DEPARTMENT else Reserve.Kind.RESERVE
            reserves.append(
                Reserve(
                    code=f"SYN-R-D{d:02d}-{i}",
                    name=f"Synthetic {kind.label.lower()}: {purpose} ({department.name})",
                    kind=kind,
                    order=order,
                )
            )
        for i, purpose in enumerate(rng.sample(CAPITAL_PURPOSES, CAPITAL_SCHEMES_PER_DEPARTMENT)):
            order += 1
            schemes.append(
                CapitalScheme(
                    code=f"SYN-C-D{d:02d}-{i}",
                    name=f"Synthetic capital scheme: {purpose} ({department.name})",
                    order=order,
                )
            )
    reserves.append(
        Reserve(
            code=IBCF_RESERVE,
            name="Synthetic reserve: iBCF grant carried forward",
            description="Synthetic: unspent improved Better Care Fund grant",
            kind=Reserve.Kind.RESERVE,
            order=order + 1,
        )
    )
    council.reserves = Reserve.objects.bulk_create(reserves)
    schemes = CapitalScheme.objects.bulk_create(schemes)
    positions, capital = [], []
    balances = {r.code: rng.randrange(500, 15_000) * THOUSAND for r in council.reserves}
    for year in council.years:
        usage = {code: -scaled(balance, rng.randrange(-20, 60)) for code, balance in balances.items()}
        budgets = {s.code: rng.randrange(200, 8_000) * THOUSAND for s in schemes}
        slips = {s.code: rng.randrange(0, 40) for s in schemes}
        drafts = {s.code: rng.randrange(0, 6_000) * THOUSAND for s in schemes}
        last = None
        for period in council.periods_of(year):
            firm = 70 + 30 * period.number // 13  # the forecast firms up towards the year's final figure
            last = {}
            for reserve in council.reserves:
                proposed = scaled(usage[reserve.code], firm + rng.randrange(-5, 6))
                last[reserve.code] = proposed
                positions.append(
                    ReservePosition(
                        reserve=reserve,
                        period=period,
                        balance_1_april=balances[reserve.code],
                        proposed_usage=proposed,
                    )
                )
            for scheme in schemes:
                budget = budgets[scheme.code]
                slip = slips[scheme.code] * period.number // 13
                capital.append(
                    CapitalPosition(
                        scheme=scheme,
                        period=period,
                        current_budget=budget,
                        forecast_outturn=scaled(budget, 100 - slip),
                        next_year_draft=drafts[scheme.code] + scaled(budget, slip),
                    )
                )
        # next year opens with this year's closing balance (never below nil)
        balances = {code: max(balance + last[code], 0) for code, balance in balances.items()}
    ReservePosition.objects.bulk_create(positions, batch_size=5000)
    CapitalPosition.objects.bulk_create(capital, batch_size=5000)
