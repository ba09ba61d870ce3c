"""The iBCF, reserves and capital pages and forms read with a fixed number of queries,
however many schemes, reserves, versions and streams there are."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from ascweb import permissions
from ascweb.models import FinancialYear, Period
from ibcf.models import (
    AcuteSystem,
    AcuteSystemAllocation,
    GrantAmount,
    GrantStream,
    PlanVersion,
    Scheme,
    SchemeAllocation,
    SchemeUpdate,
    UpdatesAssignment,
)
from reserves.models import CapitalPosition, CapitalScheme, Reserve, ReservePosition, StatementAssignment
from tests.factories.finance import UserFactory


def _build(size: int) -> None:
    year = FinancialYear.objects.create(code="2030-31", start_year=2030)
    published = Period.objects.create(
        year=year, number=10, status=Period.Status.PUBLISHED, committee_meeting=datetime.date(2031, 3, 1)
    )
    Period.objects.create(year=year, number=11, status=Period.Status.OPEN)
    reserves = [
        Reserve.objects.create(code=f"R{i}", name=f"Reserve {i}", kind="reserve" if i else "provision", order=i)
        for i in range(size)
    ]
    ReservePosition.objects.bulk_create(
        ReservePosition(reserve=r, period=published, balance_1_april=100, proposed_usage=-10) for r in reserves
    )
    schemes = [CapitalScheme.objects.create(code=f"C{i}", name=f"Capital {i}", order=i) for i in range(size)]
    CapitalPosition.objects.bulk_create(
        CapitalPosition(scheme=s, period=published, current_budget=5, forecast_outturn=4, next_year_draft=1)
        for s in schemes
    )
    for i in range(size):
        stream = GrantStream.objects.create(
            code=f"G{i}", name=f"Grant {i}", label=f"Grant {i}", order=i, reserve=reserves[i]
        )
        GrantAmount.objects.bulk_create(GrantAmount(stream=stream, start_year=y, amount=10) for y in (2030, 2031, 2032))
    ibcf = [
        Scheme.objects.create(
            code=f"S{i}", order=i, priority="Protect", condition="Meeting social care needs", description=f"Scheme {i}"
        )
        for i in range(size)
    ]
    systems = [AcuteSystem.objects.create(name=f"System {i}", label=f"System {i}", order=i) for i in range(size)]
    for v in range(size):
        version = PlanVersion.objects.create(
            name=f"Plan {v}", date=datetime.date(2030, 7, 1) + datetime.timedelta(days=v)
        )
        SchemeAllocation.objects.bulk_create(
            SchemeAllocation(version=version, scheme=s, start_year=y, amount=v + 1)
            for s in ibcf
            for y in (2030, 2031, 2032)
        )
        AcuteSystemAllocation.objects.bulk_create(
            AcuteSystemAllocation(version=version, system=s, start_year=y, amount=1)
            for s in systems
            for y in (2030, 2031, 2032)
        )
    SchemeUpdate.objects.bulk_create(
        SchemeUpdate(scheme=s, period=published, activity_progress="Going well") for s in ibcf
    )


def _clear() -> None:
    for model in (
        SchemeUpdate,
        SchemeAllocation,
        AcuteSystemAllocation,
        GrantAmount,
        GrantStream,
        PlanVersion,
        Scheme,
        AcuteSystem,
    ):
        model.objects.all().delete()
    for model in (ReservePosition, CapitalPosition, Reserve, CapitalScheme, Period, FinancialYear):
        model.objects.all().delete()


PAGES = {
    "ibcf": ("member", "/periods/2030-31/10/ibcf/"),
    "reserves": ("member", "/periods/2030-31/10/reserves/"),
    "capital": ("member", "/periods/2030-31/10/capital/"),
    "ibcf form": ("officer", "/periods/2030-31/11/ibcf/edit/"),
    "reserves form": ("officer", "/periods/2030-31/11/reserves/edit/"),
    "capital form": ("officer", "/periods/2030-31/11/capital/edit/"),
}


def _measure(size: int) -> dict[str, int]:
    from django.core.cache import cache

    cache.clear()  # first views: the counts to compare
    _build(size)
    users = {
        "member": UserFactory(username="qc-member", role=permissions.MEMBER),
        "officer": UserFactory(username="qc-officer", role=permissions.OFFICER),
    }
    for statement in StatementAssignment.Statement.values:  # the officer enters every statement
        StatementAssignment.objects.get_or_create(user=users["officer"], statement=statement)
    UpdatesAssignment.objects.get_or_create(user=users["officer"])
    counts = {}
    for name, (persona, url) in PAGES.items():
        client = Client()
        client.force_login(users[persona])
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[name] = len(captured)
    return counts


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_the_data():
    small = _measure(2)
    _clear()
    large = _measure(15)
    assert large == small
    # the iBCF page, with the page cache's stamp on a first view, its footnotes and a member's
    # snapshot (here a savepoint, its release and the period still published: ascweb.snapshots)
    assert max(small.values()) <= 21
