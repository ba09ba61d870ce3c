"""The upgrade that gives reserves, capital and iBCF figures a version (ascweb.models.Versioned):
every figure and its history comes through unchanged, at version 1, and the lock works on
them at once (both databases)."""

import datetime

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor

from ascweb.models import Period
from ascweb.versioning import Edit, StaleEdit, save_edits
from ibcf.models import SchemeUpdate
from reserves.models import CapitalPosition, ReservePosition

BEFORE = [
    ("ascweb", "0002_tables_renamed"),
    ("finance", "0012_core_and_reserves_moved_out"),
    ("savings", "0002_period_moved_to_core"),
    ("ibcf", "0003_period_and_reserve_moved"),
    ("reserves", "0002_tables_renamed"),
]
APPS = set(settings.ASCWEB_APPS)  # every app: a later app's tables go when the core migrates back


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _latest() -> list[tuple[str, str]]:
    return [node for node in MigrationExecutor(connection).loader.graph.leaf_nodes() if node[0] in APPS]


def _figures_before(old) -> None:
    year = old.get_model("ascweb", "FinancialYear").objects.create(code="2017-18", start_year=2017)
    period = old.get_model("ascweb", "Period").objects.create(year=year, number=10, status="open")
    reserve = old.get_model("reserves", "Reserve").objects.create(code="R1", name="Repairs", kind="reserve")
    position = old.get_model("reserves", "ReservePosition").objects.create(
        reserve=reserve, period=period, balance_1_april=12_345_678, proposed_usage=-100_000
    )
    old.get_model("reserves", "HistoricalReservePosition").objects.create(
        id=position.id,
        reserve_id=reserve.id,
        period_id=period.id,
        balance_1_april=12_345_678,
        proposed_usage=-100_000,
        updated_at=position.updated_at,
        history_date=datetime.datetime(2018, 1, 31, tzinfo=datetime.UTC),
        history_type="+",
    )
    scheme = old.get_model("reserves", "CapitalScheme").objects.create(code="C1", name="Day centres")
    old.get_model("reserves", "CapitalPosition").objects.create(
        scheme=scheme, period=period, current_budget=500_000_000, forecast_outturn=490_000_000, next_year_draft=7
    )
    ibcf = old.get_model("ibcf", "Scheme").objects.create(
        code="iBCF1", priority="Protect", condition="Meeting social care needs", description="Home care"
    )
    old.get_model("ibcf", "SchemeUpdate").objects.create(
        scheme=ibcf, period=period, spend_to_date=None, forecast=123, activity_progress="Going well"
    )


@pytest.mark.django_db(transaction=True)
def test_the_upgrade_keeps_every_figure_at_version_1():
    latest = _latest()
    old = _migrate(BEFORE)
    try:
        _figures_before(old)
        _migrate(latest)
        position = ReservePosition.objects.select_related("reserve").get()
        assert (position.reserve.code, position.balance_1_april, position.proposed_usage, position.version) == (
            "R1",
            12_345_678,
            -100_000,
            1,
        )
        assert [(h.balance_1_april, h.version) for h in position.history.all()] == [(12_345_678, 1)]
        capital = CapitalPosition.objects.get()
        assert (capital.current_budget, capital.forecast_outturn, capital.next_year_draft, capital.version) == (
            500_000_000,
            490_000_000,
            7,
            1,
        )
        update = SchemeUpdate.objects.get()
        assert (update.spend_to_date, update.forecast, update.activity_progress, update.version) == (
            None,
            123,
            "Going well",
            1,
        )
        # a form drawn before any save (no version seen) is refused; one at version 1 saves
        period, user = Period.objects.get(), User.objects.create(username="officer")
        figures = {"balance_1_april": 12_345_678, "proposed_usage": -200_000}
        unseen = Edit(position.reserve_id, figures, 0)
        with pytest.raises(StaleEdit) as stale, transaction.atomic():
            save_edits(model=ReservePosition, key="reserve", period=period, user=user, edits=[unseen])
        assert [(c.what, c.now) for c in stale.value.conflicts[0].changes] == [
            ("balance at 1 April", 12_345_678),
            ("proposed usage", -100_000),
        ]
        edit = Edit(position.reserve_id, figures, 1)
        with transaction.atomic():
            assert save_edits(model=ReservePosition, key="reserve", period=period, user=user, edits=[edit]) == 1
        assert ReservePosition.objects.get().version == 2
    finally:
        _migrate(latest)  # leave the test database as every other test expects it
