"""Plugs the performance dashboard (the Better Care Fund metrics) into the shared pages,
exports, imports, lifecycle, workspace, demo data and member dashboard (called once from
PerformanceConfig.ready())."""

from ascweb.registry import APPENDIX, DashboardPanel, DemoData, ExportTable, PeriodPage, registry
from performance import selectors
from performance.calculations import rounded
from performance.imports import figure_text
from performance.models import MONTH_FIELDS
from performance.tables import MetricsTable, with_headings

RATING = "rating"


def _figure(get):
    return lambda row: figure_text(get(row))


METRICS_COLUMNS = [
    ("indicator", lambda r: r.indicator.name, "text"),
    ("group", lambda r: r.group or "Total", "text"),
    ("breakdown", lambda r: r.name, "text"),
    *[(name, _figure(lambda r, m=m: r.months[m]), "text") for m, name in enumerate(MONTH_FIELDS)],
    *[(f"q{q}", _figure(lambda r, q=q: r.quarters[q - 1]), "text") for q in range(1, 5)],
    ("ytd", _figure(lambda r: r.ytd), "text"),
    ("ytd_target", _figure(lambda r: r.ytd_target), "text"),
    ("ytd_rate_per_100000", lambda r: figure_text(_rate(r)), "text"),
    (RATING, lambda r: r.rating.words if r.rating else "", "text"),
]


def _rate(row):
    return rounded(row.rate(row.ytd))


def performance_panel(period, user) -> dict | None:
    """One line per metric on the member dashboard: latest figure, year to date, rating."""
    views = selectors.dashboard(period)
    return {"period": period, "views": views} if views else None


def register() -> None:
    from performance import imports, lifecycle, workspace

    lifecycle.register()
    workspace.register()
    registry.add_export_table(
        ExportTable(
            "bcf-metrics",
            "Better Care Fund - KPI Dashboard",
            selectors.metrics_table,
            METRICS_COLUMNS,
            70,
            html=lambda period, rows: MetricsTable(
                with_headings(rows), caption=f"Better Care Fund - KPI Dashboard, {period.title}"
            ),
            pack=APPENDIX,
            letter="G",  # after the committee report's A-F (ascweb.registry): fixed, never shifts
            empty="No Better Care Fund metrics had been reported for this period.",
            heading="Better Care Fund metrics",
            notes=(
                "Quarters, year-to-date figures, totals and rates per 100,000 are computed from the monthly "
                "figures; the year to date covers the months with a target.",
            ),
        )
    )
    registry.add_demo_data(DemoData("performance", manifest="performance.toml", order=70))
    registry.add_period_page(PeriodPage("Performance", "performance", order=70))
    for kind in (imports.INDICATORS, imports.VALUES, imports.TARGETS, imports.COMMENTARY):
        registry.add_import_kind(kind)
    registry.add_dashboard_panel(
        DashboardPanel(
            "Better Care Fund metrics", "performance/dashboard_panel.html", performance_panel, 70, anchor="bcf-metrics"
        )
    )
