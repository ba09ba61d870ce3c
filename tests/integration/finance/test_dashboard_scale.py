"""The dashboard on synthetic councils: a fixed number of queries whatever the size, and
forecast accuracy once a year has its outturn."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from ascweb import permissions
from ascweb.models import Period
from finance.models import BudgetProfile, LineForecast, NetExpenditure, ReportingLine
from tests.factories.finance import FinancialYearFactory, PeriodFactory, UserFactory, clear_council, council


def _member() -> Client:
    client = Client()
    client.force_login(UserFactory(username="scale-member", role=permissions.MEMBER))
    return client


def _history(areas: list[ReportingLine], years: int) -> None:
    """Net expenditure by area for every period of this year and the ones before, and profiles."""
    rows = []
    for start in range(2030 - years + 1, 2031):
        year = FinancialYearFactory(start_year=start)
        BudgetProfile.objects.get_or_create(
            year=year, defaults={"method": BudgetProfile.Method.LAST_YEAR if start % 2 else "twelfths"}
        )
        rows += [
            NetExpenditure(year=year, period=n, area=area, amount=1_000_000 * n) for n in range(1, 14) for area in areas
        ]
    NetExpenditure.objects.bulk_create(rows)


def _dashboard_queries(*, areas: int, lines: int, periods: tuple[int, ...], years: int) -> int:
    setup = council(areas=areas, lines_per_area=lines, periods=periods)
    _history(setup["areas"], years)
    client = _member()
    url = f"/periods/{setup['year'].code}/{periods[-1]}/dashboard/"
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.django_db
def test_the_dashboard_query_count_does_not_grow_with_lines_periods_or_history():
    small = _dashboard_queries(areas=2, lines=3, periods=(2, 10), years=1)
    clear_council()
    large = _dashboard_queries(areas=12, lines=30, periods=tuple(range(1, 14)), years=3)
    assert large == small
    # session, user, roles, one per kind of data (incl. the published structure): 13; the savings
    # panel 6; the iBCF and reserves panels none here (no such data in this council); the page
    # cache's data stamp 1 (a member's published page: rendered now, cached for the next); a
    # member's snapshot 3 (here a savepoint, its release and the period still published); the
    # Better Care Fund metrics panel 4 (values, targets, series, commentary)
    assert small == 20 + 3 + 4


@pytest.mark.django_db
def test_forecast_accuracy_once_the_year_has_its_outturn():
    setup = council(areas=2, lines_per_area=2, periods=(2, 10, 13))
    p2, p10, p13 = setup["periods"]
    # each line's outturn came in £1,000 below its Period 13 figure at P2 and P10: lower P13
    LineForecast.objects.filter(period=p13).update(forecast=0)
    response = _member().get(f"/periods/{setup['year'].code}/13/dashboard/")
    data = response.context["data"]
    assert data.accuracy.periods == [2, 10]
    department = data.accuracy.series[-1]
    # every forecast at P2/P10: sum of 100_000 * (i + 2) over 4 lines (i = 0, 1 in each area)
    assert department.values == [2 * (200_000 + 300_000)] * 2
    assert 'id="chart-accuracy-data"' in response.content.decode()


@pytest.mark.django_db
def test_an_unpublished_outturn_gives_no_accuracy_to_anyone():
    setup = council(areas=1, lines_per_area=1, periods=(2, 13))
    Period.objects.filter(number=13).update(status=Period.Status.SUBMITTED)
    data = _member().get(f"/periods/{setup['year'].code}/2/dashboard/").context["data"]
    assert data.accuracy is None and data.trajectory.periods == [2]


@pytest.mark.django_db
def test_an_explicit_profile_is_applied_in_basis_points():
    setup = council(areas=1, lines_per_area=1, periods=(3,))
    year = setup["year"]
    BudgetProfile.objects.create(year=year, method="explicit", weights=[500] * 12 + [4000])
    NetExpenditure.objects.create(year=year, period=1, amount=1)
    data = _member().get(f"/periods/{year.code}/3/dashboard/").context["data"]
    this_year = data.net_expenditure[-1]
    # budget at P3: 100_000 pence; 5% a month, 40% at year end
    assert this_year.profile == [5_000] * 12 + [40_000]
    assert this_year.method == "Explicit profile"


@pytest.mark.django_db
def test_a_profile_whose_weights_do_not_add_up_is_not_drawn():
    setup = council(areas=1, lines_per_area=1, periods=(3,))
    BudgetProfile.objects.create(year=setup["year"], method="explicit", weights=[1] * 13)
    PeriodFactory(year=setup["year"], number=4, status=Period.Status.OPEN)
    data = _member().get(f"/periods/{setup['year'].code}/3/dashboard/").context["data"]
    assert data.net_expenditure[-1].profile is None
    assert "do not add up" in data.net_expenditure[-1].method
