"""The finance app's committee tables, registered for export_table, downloads and the pack:
table 2.1, Appendix A (budget monitoring), Appendix B (explanations of variances) and the
member dashboard's charts, built by the dashboard's own builder."""

from ascweb import periods
from ascweb.registry import REPORT, ExportTable, PackChart, PackSection, registry
from finance import charts
from finance.selectors import report_tables
from finance.selectors.dashboard import dashboard
from finance.selectors.figures import period_figures
from finance.tables import AppendixATable, SummaryTable


def _summary(period):
    return report_tables.summary_table(period_figures(period))


def _appendix_a(period):
    return report_tables.appendix_a(period_figures(period))


def _summary_html(period, rows) -> SummaryTable:
    return SummaryTable(rows, period=period)


def _appendix_a_html(period, rows) -> AppendixATable:
    return AppendixATable(rows, previous=periods.previous_period(period, published_only=True, printed=True))


def _explanations(period) -> dict | None:
    """Appendix B: each expenditure area with an explained variance, its explanations beneath."""
    figures = period_figures(period)
    department = figures.department_id
    explained = report_tables.area_explanations(figures, department)  # the whole tree: one read
    areas = []
    for area_id in figures.areas():
        area = figures.nodes[area_id]
        codes = {area.code} | {figures.nodes[node_id].code for node_id, _depth in figures.tree.walk(area_id)}
        items = [item for item in explained if item.code in codes]
        if items:
            totals = figures.totals[area_id]
            areas.append({"label": area.name, "figures": totals, "items": items, "more_than_one": len(items) > 1})
    return {"areas": areas} if areas else None


def _dashboard_figures(period) -> dict[str, dict]:
    """The dashboard's figures for the pack (no links: paper has none)."""
    return charts.dashboard_figures(dashboard(period), area_urls={})


# (name in the pack, title, the dashboard's key): in the dashboard's order
DASHBOARD_CHARTS = [
    ("variance-headline", "Forecast variance at this and the previous published period", "headline"),
    ("variance-by-area", "Forecast variance by expenditure area", "areas"),
    ("variance-trajectory", "Variance at each published report this year", "trajectory"),
    ("forecast-accuracy", "Forecast outturn less the outturn at each report", "accuracy"),
    ("net-expenditure-profile", "Cumulative net expenditure against the profiled budget", "profile"),
    ("net-expenditure-by-period", "Net expenditure in each period", "monthly"),
]


REVENUE_COLUMNS = [
    ("line", lambda r: r.label, "text"),
    ("budget", lambda r: r.budget, "money"),
    ("forecast", lambda r: r.forecast, "money"),
    ("variance", lambda r: r.variance, "money"),
    ("variance_pct", lambda r: r.variance_pct, "percent"),
    ("previous_variance", lambda r: r.previous_variance, "money"),
]

_SIGNS = "Positive variances are overspends; negative variances, in brackets, are underspends."


def register() -> None:
    registry.add_export_table(
        ExportTable(
            "summary",
            "Table 2.1: summary by expenditure area",
            _summary,
            REVENUE_COLUMNS,
            10,
            html=_summary_html,
            pack=REPORT,
            printed_source=r"report, table 2\.1$",
            notes=(
                _SIGNS,
                "The detailed position for each expenditure area is shown at {appendix-a}.",
                "Over and underspends are explained at {explanations}.",
            ),
        )
    )
    registry.add_export_table(
        ExportTable(
            "appendix-a",
            "Appendix A: budget monitoring",
            _appendix_a,
            REVENUE_COLUMNS,
            20,
            html=_appendix_a_html,
            heading="Budget monitoring",
            letter="A",
            printed_source=r"report, Appendix A$",
            empty="No budget monitoring figures have been entered for this period.",
            notes=(
                _SIGNS,
                "Please see {summary} for the departmental summary.",
                "Variances are explained at {explanations}.",
            ),
        )
    )
    registry.add_pack_section(
        PackSection(
            "explanations",
            "Explanations of variances",
            "pack/explanations.html",
            _explanations,
            25,
            notes=("The figures are those of {appendix-a}.",),
            letter="B",
            empty="No variance has been explained at this period.",
        )
    )
    for order, (name, title, key) in enumerate(DASHBOARD_CHARTS, start=10):
        registry.add_pack_chart(PackChart(name, title, _dashboard_figures, key, order))
