"""Plugs reserves and provisions and the capital programme into the shared pages, exports,
demo data and dashboard (called once from ReservesConfig.ready())."""

from ascweb.permissions import can_see_schedule_forms
from ascweb.registry import RESERVE_ROWS, DashboardPanel, DemoData, ExportTable, PeriodPage, Reader, registry
from reserves import selectors
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
        "show_edit": can_see_schedule_forms(user) and period.is_open,
    }


def register() -> None:
    from reserves import imports, imports_printed, imports_reference, lifecycle, workspace

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
        DashboardPanel("Reserves movement", "reserves/reserves_panel.html", reserves_panel, 50)
    )
    registry.add_reader(Reader(RESERVE_ROWS, selectors.reserve_rows))
