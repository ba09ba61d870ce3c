"""A small council for tests that need some data, not Norfolk's: the personas, a year with
Periods 2 and 10 published through the lifecycle (Period 10 started from Period 2), a department
of two expenditure areas with two lines each, and one of everything the other apps report (a
savings workstream of two savings, an iBCF scheme, a reserve and a provision, a capital scheme).

Who may do what is as for Norfolk's personas (tests/conftest.py): the officer looks after area
A, the other officer ("officer2") area B."""

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import User

from ascweb.lifecycle import period_create_next, period_transition
from ascweb.models import FinancialYear, Period
from finance.models import AreaAssignment, LineForecast, PriorYearOutturn, ReportingLine
from ibcf.models import SchemeUpdate, UpdatesAssignment
from reserves.models import CapitalPosition, ReservePosition, StatementAssignment
from savings.models import SavingForecast, WorkstreamAssignment
from tests.factories.ascweb import FinancialYearFactory, persona
from tests.factories.finance import ReportingLineFactory
from tests.factories.ibcf import ibcf_scheme
from tests.factories.reserves import CapitalSchemeFactory, ReserveFactory
from tests.factories.savings import workstream

POUND = 100  # pence
Kind = ReportingLine.Kind

# line code -> (area, name, income, (budget, forecast) at Period 2, (budget, forecast) at Period 10), pounds.
# At Period 10, A-1 is overspent and A-2 over-recovers its income, both by a material amount
# (explained); B-1's underspend is not material.
LINES = {
    "A-1": ("A", "Home care", False, (10_000_000, 10_000_000), (10_000_000, 10_500_000)),
    "A-2": ("A", "Service user income", True, (-2_000_000, -2_000_000), (-2_000_000, -2_150_000)),
    "B-1": ("B", "Contracts", False, (5_000_000, 5_000_000), (5_000_000, 4_950_000)),
    "B-2": ("B", "Staffing", False, (1_000_000, 1_000_000), (1_000_000, 1_000_000)),
}
EXPLANATIONS = {"A-1": "Demand for home care is above plan.", "A-2": "More people pay towards their care."}


@dataclass
class SmallCouncil:
    year: FinancialYear
    p2: Period | None
    p10: Period | None
    areas: dict[str, ReportingLine]  # "A", "B"
    lines: dict[str, ReportingLine]  # "A-1", ...
    lead: User


def small_council() -> SmallCouncil:
    lead = persona("lead")
    persona("member")
    year = FinancialYearFactory(start_year=2030)
    areas, lines = _structure()
    AreaAssignment.objects.create(user=persona("officer"), area=areas["A"])
    AreaAssignment.objects.create(user=persona("officer2"), area=areas["B"])
    prior = FinancialYearFactory(start_year=year.start_year - 1)
    PriorYearOutturn.objects.bulk_create(
        PriorYearOutturn(node=line, year=prior, actual=LINES[code][3][0] * POUND, variance=0)
        for code, line in lines.items()
    )
    p2 = period_create_next(user=lead, year=year, number=2)
    _figures(p2, lines, at=3, explanations={})
    _publish(p2, lead, datetime.date(2030, 7, 1))
    p10 = period_create_next(user=lead, year=year, number=10)  # carries Period 2's lines forward
    _figures(p10, lines, at=4, explanations=EXPLANATIONS)
    _publish(p10, lead, datetime.date(2031, 3, 1))
    _other_apps(year, [p2, p10])
    return SmallCouncil(year=year, p2=p2, p10=p10, areas=areas, lines=lines, lead=lead)


def first_month(start_year: int = 2040) -> SmallCouncil:
    """The same council at the start of a year with nothing before it: the personas, the
    structure, and Period 1 open with its figures in every app (as the lead would import them);
    nothing published yet. `p2` and `p10` are None."""
    lead = persona("lead")
    persona("member")
    year = FinancialYearFactory(start_year=start_year)
    areas, lines = _structure()
    AreaAssignment.objects.create(user=persona("officer"), area=areas["A"])
    AreaAssignment.objects.create(user=persona("officer2"), area=areas["B"])
    p1 = period_create_next(user=lead, year=year, number=1)
    _figures(p1, lines, at=3, explanations={})
    _other_apps(year, [p1])
    return SmallCouncil(year=year, p2=None, p10=None, areas=areas, lines=lines, lead=lead)


def _structure() -> tuple[dict[str, ReportingLine], dict[str, ReportingLine]]:
    department = ReportingLineFactory(code="DEPT", name="Adult Social Services", kind=Kind.DEPARTMENT)
    areas, lines = {}, {}
    for code in ("A", "B"):
        areas[code] = ReportingLineFactory(code=code, name=f"Area {code}", kind=Kind.AREA, parent=department)
        group = ReportingLineFactory(
            code=f"{code}-G", name=f"Area {code} services", kind=Kind.GROUP, parent=areas[code]
        )
        for line_code, (area, name, income, _p2, _p10) in LINES.items():
            if area == code:
                lines[line_code] = ReportingLineFactory(code=line_code, name=name, parent=group, income=income)
    return areas, lines


def _figures(period: Period, lines: dict[str, ReportingLine], *, at: int, explanations: dict[str, str]) -> None:
    for code, line in lines.items():
        budget, forecast = LINES[code][at]
        LineForecast.objects.update_or_create(
            line=line,
            period=period,
            defaults={
                "budget": budget * POUND,
                "forecast": forecast * POUND,
                "explanation": explanations.get(code, ""),
                "carried_from": None,  # entered for the period, not carried forward
            },
        )


def _publish(period: Period, lead: User, meeting: datetime.date) -> None:
    Period.objects.filter(pk=period.pk).update(committee_meeting=meeting)
    period_transition(user=lead, period=period, action="submit")
    period_transition(user=lead, period=period, action="publish")


def _other_apps(year: FinancialYear, periods: list[Period]) -> None:
    """The same figures at both periods, published with them. The officer is assigned the
    workstream, the reserves and the iBCF updates; the other officer the capital programme."""
    savings = workstream(year=year)
    officer, other = persona("officer"), persona("officer2")
    WorkstreamAssignment.objects.create(user=officer, workstream=savings[0].workstream)
    StatementAssignment.objects.create(user=officer, statement=StatementAssignment.Statement.RESERVES)
    UpdatesAssignment.objects.create(user=officer)
    StatementAssignment.objects.create(user=other, statement=StatementAssignment.Statement.CAPITAL)
    ibcf_reserve = ReserveFactory(code="R-IBCF", name="Improved Better Care Fund", kind="reserve")
    provision = ReserveFactory(code="R-DEBT", name="Doubtful debts", kind="provision")
    scheme = ibcf_scheme(year=year, reserve=ibcf_reserve)
    capital = CapitalSchemeFactory(code="C-1", name="Care home refurbishment")
    for period in periods:
        SavingForecast.objects.bulk_create(
            [
                SavingForecast(saving=savings[0], period=period, forecast=-100_000 * POUND, status="on"),
                SavingForecast(
                    saving=savings[1],
                    period=period,
                    forecast=-25_000 * POUND,
                    status="off",
                    explanation="The new contract starts late.",
                    recovery_action="Retender in April.",
                ),
            ]
        )
        ReservePosition.objects.create(
            reserve=ibcf_reserve, period=period, balance_1_april=0, proposed_usage=500_000 * POUND
        )
        ReservePosition.objects.create(
            reserve=provision, period=period, balance_1_april=300_000 * POUND, proposed_usage=-50_000 * POUND
        )
        CapitalPosition.objects.create(
            scheme=capital,
            period=period,
            current_budget=2_000_000 * POUND,
            forecast_outturn=1_800_000 * POUND,
            next_year_draft=200_000 * POUND,
        )
        SchemeUpdate.objects.create(
            scheme=scheme,
            period=period,
            spend_to_date=400_000 * POUND,
            forecast=1_000_000 * POUND,
            activity_progress="Recruitment is complete.",
        )
