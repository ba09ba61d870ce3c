"""A synthetic council for benchmarks (`make_scale_data`): deterministic, and clearly apart
from the Norfolk demo data (codes start SYN-, names say "Synthetic")."""

import random
from dataclasses import dataclass, field

from ascweb import permissions
from finance.models import (
    AreaAssignment,
    FinancialYear,
    LineForecast,
    Period,
    PriorYearOutturn,
    ReportingLine,
    StructureSnapshot,
)

Kind = ReportingLine.Kind
AREAS_PER_DEPARTMENT = 5
GROUPS_PER_AREA = 2


@dataclass
class ScaleCouncil:
    rng: random.Random
    years: list[FinancialYear] = field(default_factory=list)
    periods: list[Period] = field(default_factory=list)
    departments: list[ReportingLine] = field(default_factory=list)
    areas: list[ReportingLine] = field(default_factory=list)
    lines: list[ReportingLine] = field(default_factory=list)


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
            council.periods.append(Period.objects.create(year=year, number=number, status=status))


def build_figures(council: ScaleCouncil) -> None:
    rng = council.rng
    budgets = {line.id: rng.randrange(-5_000_000, 40_000_000) * 100 for line in council.lines}
    forecasts, outturns = [], []
    for period in council.periods:
        drift = period.number / 13
        for line in council.lines:
            budget = budgets[line.id]
            forecasts.append(
                LineForecast(
                    line=line,
                    period=period,
                    budget=budget,
                    forecast=budget + int(rng.gauss(0, 0.04) * abs(budget) * drift) // 100 * 100,
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
