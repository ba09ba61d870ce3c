"""Plugs reserves and provisions and the capital programme into the shared pages, exports,
demo data and dashboard (called once from ReservesConfig.ready())."""

from ascweb.money import format_m
from ascweb.permissions import can_edit_assigned
from ascweb.registry import (
    RESERVE_ROWS,
    Assignable,
    DashboardPanel,
    DemoData,
    ExportTable,
    Glance,
    PeriodPage,
    Reader,
    registry,
)
from reserves import selectors
from reserves.forms import RESERVES
from reserves.tables import CapitalTable, MovementTable, ReservesTable

RESERVES_COLUMNS = [
    ("reserve", lambda r: r.printed_label, "text"),
    ("kind", lambda r: r.kind, "text"),
    ("balance_1_april", lambda r: r.balance_1_april, "money"),
    ("proposed_usage", lambda r: r.proposed_usage, "money"),
    ("balance_31_march", lambda r: r.balance_31_march, "money"),
]

CAPITAL_COLUMNS = [
    ("scheme", lambda r: r.label, "text"),
    ("current_budget", lambda r: r.current_budget, "money"),
    ("forecast_outturn", lambda r: r.forecast_outturn, "money"),
    ("slippage", lambda r: r.slippage, "money"),
    ("next_year_draft", lambda r: r.next_year_draft, "money"),
]


def reserves_panel(period, user) -> dict | None:
    """The "Reserves movement" panel: provisions, reserves and both, 1 April to 31 March."""
    movement = selectors.reserves_movement(period)
    if not movement:
        return None
    return {
        "period": period,
        "movement": movement,
        "table": MovementTable(movement, caption=f"Reserves and provisions movement, {period.title}"),
        "show_edit": can_edit_assigned(user, period, RESERVES.assignments),
    }


def reserves_glance(context: dict) -> Glance:
    """The dashboard's answer to "what is in reserves?": the last movement row (reserves and
    provisions together) at 1 April and forecast at 31 March; its trend, the year's change."""
    row = context["movement"][-1]
    answer = (
        f"{row.label}: £{format_m(row.balance_1_april)}m at 1 April, "
        f"forecast £{format_m(row.balance_31_march)}m at 31 March."
    )
    usage = row.proposed_usage
    if usage == 0:
        trend = "No change over the year."
    else:
        trend = f"£{format_m(abs(usage))}m {'drawn down' if usage < 0 else 'added'} over the year."
    return Glance("What is in reserves?", answer, trend, "reserves", order=50)


def register() -> None:
    from reserves import imports, imports_printed, imports_reference, lifecycle, services, workspace
    from reserves.models import StatementAssignment

    for statement in StatementAssignment.Statement.values:
        registry.add_assignable(Assignable(statement, services.assign_statement(statement)))

    lifecycle.register()
    workspace.register()

    registry.add_export_table(
        ExportTable(
            "reserves",
            "Adult Social Services Reserves and Provisions",
            selectors.reserves_table,
            RESERVES_COLUMNS,
            50,
            html=lambda period, rows: ReservesTable(
                rows,
                start_year=period.year.start_year,
                caption=f"Adult Social Services Reserves and Provisions, {period.title}",
            ),
            letter="E",
            printed_source=r"^Reserves and provisions, Period [0-9]+ report, Appendix [A-Z]$",
            empty="No reserves or provisions have been reported for this period.",
        )
    )
    registry.add_export_table(
        ExportTable(
            "capital",
            "Adult Social Services Capital Programme",
            selectors.capital_table,
            CAPITAL_COLUMNS,
            60,
            html=lambda period, rows: CapitalTable(
                rows,
                start_year=period.year.start_year,
                caption=f"Adult Social Services Capital Programme, {period.title}",
            ),
            letter="F",
            printed_source=r"^Capital programme, Period [0-9]+ report, Appendix [A-Z]$",
            empty="No capital programme has been reported for this period.",
        )
    )
    # after finance (10) and savings (30), before the iBCF (41): its carry-forward links to a reserve
    registry.add_demo_data(DemoData("reserves", manifest="reserves.toml", order=40))
    registry.add_period_page(PeriodPage("Reserves and provisions", "reserves", order=50))
    registry.add_period_page(PeriodPage("Capital programme", "capital", order=60))
    for kind in (
        imports_reference.RESERVES,
        imports.RESERVES,
        imports_printed.RESERVES,
        imports_reference.SCHEMES,
        imports.CAPITAL,
        imports_printed.CAPITAL,
    ):
        registry.add_import_kind(kind)
    registry.add_dashboard_panel(
        DashboardPanel(
            "Reserves movement",
            "reserves/reserves_panel.html",
            reserves_panel,
            50,
            title="Reserves and provisions",
            anchor="reserves",
            glance=reserves_glance,
        )
    )
    registry.add_reader(Reader(RESERVE_ROWS, selectors.reserve_rows))
