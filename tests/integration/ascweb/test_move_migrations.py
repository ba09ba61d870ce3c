"""The upgrade from the schema before the core and the reserves app were split out of finance:
periods, years, fidelity notes, import records, reserves and capital positions, and the rows of
other apps that point at them, come through the migrations unchanged (both databases)."""

import pytest
from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [
    ("finance", "0011_net_expenditure_history_indexed_by_row_only"),
    ("savings", "0001_initial"),
    ("ibcf", "0002_audit_history"),
    ("ascweb", None),
    ("reserves", None),
]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state([target for target in targets if target[1]]).apps


def _latest() -> list[tuple[str, str]]:
    executor = MigrationExecutor(connection)
    return [
        node
        for node in executor.loader.graph.leaf_nodes()
        if node[0] in settings.ASCWEB_APPS  # every app: a later app's tables are dropped with the core's
    ]


def _figures_before(old) -> None:
    year = old.get_model("finance", "FinancialYear").objects.create(code="2017-18", start_year=2017)
    period = old.get_model("finance", "Period").objects.create(year=year, number=10, status="published")
    old.get_model("finance", "PeriodEvent").objects.create(period=period, action="publish", to_status="published")
    old.get_model("finance", "FidelityNote").objects.create(
        year=year,
        period=period,
        source="paper",
        subject="Total",
        column="budget",
        printed=100,
        computed=99,
        tolerance=50,
        kind="rounding",
    )
    old.get_model("finance", "ImportRecord").objects.create(
        via="upload",
        kind="Revenue figures",
        period=period,
        filename="p10.csv",
        checksum="0" * 64,
        rows=3,
        changed=1,
        created=2,
    )
    reserve = old.get_model("finance", "Reserve").objects.create(code="R1", name="Repairs", kind="reserve")
    old.get_model("finance", "ReservePosition").objects.create(
        reserve=reserve, period=period, balance_1_april=123_456_78, proposed_usage=-1_000_00
    )
    scheme = old.get_model("finance", "CapitalScheme").objects.create(code="C1", name="Day centres")
    old.get_model("finance", "CapitalPosition").objects.create(
        scheme=scheme, period=period, current_budget=5_000_000_00, forecast_outturn=4_900_000_00, next_year_draft=0
    )
    programme = old.get_model("savings", "Programme").objects.create(code="P", name="Promoting Independence")
    workstream = old.get_model("savings", "Workstream").objects.create(programme=programme, code="W", name="W")
    saving = old.get_model("savings", "Saving").objects.create(workstream=workstream, code="ASC1", description="d")
    old.get_model("savings", "SavingTarget").objects.create(saving=saving, year=year, amount=-9_000_000_00, reversal=0)


@pytest.mark.django_db(transaction=True)
def test_the_move_keeps_every_figure():
    latest = _latest()
    old = _migrate(BEFORE)
    try:
        _figures_before(old)
        new = _migrate(latest)
        period = new.get_model("ascweb", "Period").objects.get()
        assert (period.year.code, period.number, period.status) == ("2017-18", 10, "published")
        assert new.get_model("ascweb", "PeriodEvent").objects.get().period_id == period.id
        note = new.get_model("ascweb", "FidelityNote").objects.get()
        assert (note.printed, note.computed, note.period_id) == (100, 99, period.id)
        assert new.get_model("ascweb", "ImportRecord").objects.get().filename == "p10.csv"
        position = new.get_model("reserves", "ReservePosition").objects.select_related("reserve").get()
        assert (position.reserve.code, position.balance_1_april, position.proposed_usage) == (
            "R1",
            12_345_678,
            -100_000,
        )
        capital = new.get_model("reserves", "CapitalPosition").objects.get()
        assert (capital.period_id, capital.forecast_outturn) == (period.id, 490_000_000)
        target = new.get_model("savings", "SavingTarget").objects.get()
        assert (target.year_id, target.amount) == (period.year_id, -900_000_000)
        # rows written after the move still satisfy the foreign keys (the tables were renamed)
        new.get_model("ascweb", "Period").objects.create(year_id=period.year_id, number=11, status="open")
        tables = connection.introspection.table_names()
        assert "ascweb_period" in tables and "reserves_reserveposition" in tables
        assert "finance_period" not in tables and "finance_reserve" not in tables
    finally:
        _migrate(latest)  # leave the test database as every other test expects it
