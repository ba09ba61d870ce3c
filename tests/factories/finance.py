"""Factories for synthetic councils of any size (the demo loader is tested once, elsewhere)."""

import factory
from django.contrib.auth.models import User

from ascweb import permissions
from ascweb.models import FinancialYear, Period
from finance.models import AreaAssignment, BudgetProfile, LineForecast, NetExpenditure, PriorYearOutturn, ReportingLine
from tests.factories.ascweb import FinancialYearFactory, PeriodFactory, UserFactory


class ReportingLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportingLine

    code = factory.Sequence(lambda n: f"L{n:05d}")
    name = factory.Sequence(lambda n: f"Line {n}")
    kind = ReportingLine.Kind.LINE
    order = factory.Sequence(lambda n: n)


def council(*, areas: int, lines_per_area: int, periods: tuple[int, ...] = (2, 10)) -> dict:
    """A department with `areas` areas, each with a group of `lines_per_area` lines, figures
    for each period (published), and last year's outturn for every line."""
    year = FinancialYearFactory(start_year=2030)
    prior = FinancialYearFactory(start_year=2029)
    department = ReportingLineFactory(kind=ReportingLine.Kind.DEPARTMENT, name="Department")
    made_periods = [PeriodFactory(year=year, number=n) for n in periods]
    forecasts, outturns, area_nodes = [], [], []
    for a in range(areas):
        area = ReportingLineFactory(kind=ReportingLine.Kind.AREA, parent=department, name=f"Area {a}")
        area_nodes.append(area)
        group = ReportingLineFactory(kind=ReportingLine.Kind.GROUP, parent=area, name=f"Group {a}")
        for i in range(lines_per_area):
            line = ReportingLineFactory(parent=group)
            outturns.append(PriorYearOutturn(node=line, year=prior, actual=100_000_000 * i, variance=i))
            forecasts += [
                LineForecast(line=line, period=p, budget=100_000 * (i + 1), forecast=100_000 * (i + 2))
                for p in made_periods
            ]
    LineForecast.objects.bulk_create(forecasts)
    PriorYearOutturn.objects.bulk_create(outturns)
    return {"year": year, "periods": made_periods, "areas": area_nodes}


def officer_for(area: ReportingLine) -> User:
    user = UserFactory(username="scale-officer", role=permissions.OFFICER)
    AreaAssignment.objects.get_or_create(user=user, area=area)
    return user


def clear_council() -> None:
    """Remove a synthetic council built by `council` (leaves before parents), to build another."""
    LineForecast.objects.all().delete()
    PriorYearOutturn.objects.all().delete()
    NetExpenditure.objects.all().delete()
    BudgetProfile.objects.all().delete()
    AreaAssignment.objects.all().delete()
    Period.objects.all().delete()
    for kind in ("line", "group", "area", "department"):
        ReportingLine.objects.filter(kind=kind).delete()
    FinancialYear.objects.all().delete()
